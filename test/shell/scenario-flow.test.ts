// Path-sensitive flow: what a wrapper runs per scenario (the arguments it is given), and the
// paths whose conditions contradict each other.
import { describe, expect, it } from 'vitest';
import { analyzeFlow } from '../../src/shell/flow.js';
import { analyzeScript } from '../../src/shell/script.js';
import { knownArgs, UNKNOWN_ARGS, type Expanded } from '../../src/shell/values.js';
import { dedent } from '../helpers.js';

function run(src: string, args?: string[]) {
  const a = analyzeScript(src);
  const f = analyzeFlow(a.body, a.functions, args ? knownArgs(args) : { ...UNKNOWN_ARGS, argsGiven: true });
  const word = (e: Expanded) => (e.arg === 'all' ? '<cmd…>' : e.value && 's' in e.value ? e.value.s : e.value ? e.value.sym : '?');
  return {
    handovers: f.handovers.map((h) => h.argv.map(word).join(' ')),
    finals: f.finals.map((s) => a.text.slice(s.start, s.end)),
    quietEnd: f.quietEnd,
    complete: f.complete,
  };
}

// authelia's entrypoint (authelia/authelia, entrypoint.sh): runs the server itself without arguments.
const AUTHELIA = dedent(`
  #!/bin/sh
  if [ -n "$1" ]; then
    exec "$@"
  else
    exec su-exec "$PUID:$PGID" authelia
  fi
`);

// The docker-library idiom (docker-library/mongo, docker-entrypoint.sh, shortened).
const LIBRARY = dedent(`
  #!/bin/bash
  set -Eeuo pipefail
  if [ "\${1:0:1}" = '-' ]; then
    set -- mongod "$@"
  fi
  if [ "$1" = 'mongod' ] && [ "$(id -u)" = '0' ]; then
    exec gosu mongodb "$BASH_SOURCE" "$@"
  fi
  exec "$@"
`);

const REDIS = dedent(`
  #!/bin/sh
  set -e
  if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
    set -- redis-server "$@"
  fi
  exec "$@"
`);

// A mode switch on one variable: migrate only for the web role, then the role's server.
const MODES = dedent(`
  #!/bin/sh
  if [ "$ROLE" = "web" ]; then
    python manage.py migrate --noinput
  fi
  if [ "$ROLE" = "web" ]; then
    exec gunicorn app.wsgi
  elif [ "$ROLE" = "worker" ]; then
    exec celery -A app worker
  fi
`);

describe('flow per scenario', () => {
  it('a wrapper that runs its own server without arguments hands over to it, and to the command when given one', () => {
    expect(run(AUTHELIA, []).handovers).toEqual(['su-exec $PUID:$PGID authelia'.replace('$PUID:$PGID', '?')]);
    expect(run(AUTHELIA, []).quietEnd).toBe(false);
    expect(run(AUTHELIA, ['authelia', '--config', 'x.yml']).handovers).toEqual(['authelia --config x.yml']);
    expect(run(AUTHELIA).handovers).toEqual(['<cmd…>']);
  });

  it('the docker-library idiom: options become the server\'s, a command runs as given, nothing runs without arguments', () => {
    expect(run(LIBRARY, ['--bind_ip_all']).handovers).toEqual(['gosu mongodb $BASH_SOURCE mongod --bind_ip_all', 'mongod --bind_ip_all']);
    expect(run(LIBRARY, ['bash']).handovers).toEqual(['bash']);
    expect(run(REDIS, ['redis-server']).handovers).toEqual(['redis-server']);
    expect(run(REDIS, ['--appendonly', 'yes']).handovers).toEqual(['redis-server --appendonly yes']);
    expect(run(REDIS, ['/etc/redis.conf']).handovers).toEqual(['redis-server /etc/redis.conf']);
    // `exec "$@"` with no arguments execs nothing: the script runs off its end.
    const none = run(REDIS, []);
    expect(none.handovers).toEqual([]);
    expect(none.quietEnd).toBe(true);
  });

  it('a path that needs one variable to be equal and unequal to a value does not exist', () => {
    const r = run(MODES);
    expect(r.complete).toBe(true);
    // migrate only runs on the web path, which execs gunicorn: it is never left as the main process.
    expect(r.finals).toEqual([]);
    expect(r.handovers).toEqual(['gunicorn app.wsgi', 'celery -A app worker']);
    // Neither web nor worker: the script ends without a server.
    expect(r.quietEnd).toBe(true);
  });

  it('near miss: without the contradiction the set-up step is the main process of a real path', () => {
    const src = MODES.replace('if [ "$ROLE" = "web" ]; then\n  exec', 'if [ "$SERVER" = "web" ]; then\n  exec');
    expect(run(src).finals).toEqual(['python manage.py migrate --noinput']);
  });

  it('set -- and shift change the arguments the path hands over', () => {
    const src = dedent(`
      #!/bin/sh
      if [ "$1" = "web" ]; then
        shift
        set -- gunicorn "$@"
      fi
      exec "$@"
    `);
    expect(run(src, ['web', '--workers', '2']).handovers).toEqual(['gunicorn --workers 2']);
    expect(run(src, ['celery', 'worker']).handovers).toEqual(['celery worker']);
  });

  it('case on the first argument: only the item that matches runs', () => {
    const src = dedent(`
      #!/bin/sh
      case "$1" in
        web) exec gunicorn app ;;
        worker) celery -A app worker ;;
        *) exec "$@" ;;
      esac
    `);
    expect(run(src, ['web']).finals).toEqual([]);
    expect(run(src, ['web']).handovers).toEqual(['gunicorn app']);
    expect(run(src, ['worker']).finals).toEqual(['celery -A app worker']);
    expect(run(src).finals).toEqual(['celery -A app worker']);
  });
});
