import { describe, expect, it } from 'vitest';
import { dedent } from '../../helpers.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-setup-skipped';

// The Django web + Celery idiom, as real entrypoints found by code search write it: "Run
// migrations and static file collection only for the web service. Celery worker/beat/flower
// skip this — they share the same image but different CMD."
const WEB_ONLY = dedent(`
  #!/bin/sh
  set -e

  if [ "$1" = "gunicorn" ]; then
      python manage.py migrate --no-input
      python manage.py collectstatic --no-input --clear
  fi

  exec "$@"
`);

describe(ID, () => {
  it('warns when the CMD names the same program another way: the migrations never run', () => {
    const h = ruleHits(ID, 'python:3.12-slim', WEB_ONLY, ['/usr/local/bin/gunicorn', 'config.wsgi:application', '--bind', '0.0.0.0:8000']);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'warning', file: ENTRY_FILE, line: 5 });
    expect(h[0]!.message).toContain('`python manage.py migrate --no-input` runs only when the command is `gunicorn` (line 4)');
    expect(h[0]!.message).toContain('`gunicorn` too');
  });

  it('python -m gunicorn is gunicorn too', () => {
    expect(ruleHits(ID, 'python:3.12-slim', WEB_ONLY, ['python', '-m', 'gunicorn', 'config.wsgi']).map((f) => f.severity)).toEqual(['warning']);
  });

  it('says so at info when the image starts another program (a worker image sharing the script)', () => {
    const h = ruleHits(ID, 'python:3.12-slim', WEB_ONLY, ['celery', '-A', 'config', 'worker']);
    expect(h.map((f) => [f.severity, f.line])).toEqual([['info', 5]]);
  });

  it.each([
    ['the CMD is the command the condition names', WEB_ONLY, ['gunicorn', 'config.wsgi:application']],
    ['${1:-} with the named command', WEB_ONLY.replace('"$1"', '"${1:-}"'), ['gunicorn', 'config.wsgi']],
    ['a mode switch whose branch execs its own program (flink style)', dedent(`
      #!/bin/sh
      if [ "$1" = "jobmanager" ]; then
          echo "Starting Job Manager"
          exec /opt/flink/bin/jobmanager.sh start-foreground
      fi
      exec "$@"
    `), ['taskmanager']],
    ['a branch that only prints', '#!/bin/sh\nif [ "$1" = "gunicorn" ]; then echo "web"; fi\nexec "$@"\n', ['celery', 'worker']],
    ['a negated test: the set-up runs for every other command', WEB_ONLY.replace('"$1" = "gunicorn"', '"$1" != "celery"'), ['gunicorn', 'app']],
    ['no CMD: the image starts the wrapper with no command (another rule)', WEB_ONLY, null],
  ])('does not fire: %s', (_name, script, cmd) => {
    expect(ruleHits(ID, 'python:3.12-slim', script, cmd)).toEqual([]);
  });
});

describe(`${ID}: a branch that hands over through a function`, () => {
  it('percona/percona-docker fluentbit/dockerdir/entrypoint.sh: `logrotate` mode calls a function that execs cron', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      exec_cron() {
          logrotate_cron_cmd="logrotate -s /opt/percona/logrotate/logrotate.status /opt/percona/logrotate/logrotate.conf"
          if [ -f /usr/bin/supercronic ]; then
              printf '0 0 * * * %s\\n' "$logrotate_cron_cmd" > /tmp/crontab
              exec supercronic /tmp/crontab
          else
              exec go-cron "0 0 * * *" sh -c "$logrotate_cron_cmd"
          fi
      }
      if [  "$1" = 'logrotate' ]; then
          exec_cron
      else
          exec "$@"
      fi
    `);
    expect(ruleHits(ID, 'debian:bookworm-slim', script, ['fluent-bit'])).toEqual([]);
  });
});
