import { describe, expect, it } from 'vitest';
import { analyzeFlow } from '../../src/shell/flow.js';
import { analyzeScript } from '../../src/shell/script.js';
import { dedent } from '../helpers.js';
import { CELERY_NO_EXEC, DJANGO, GUNICORN_BACKGROUND, MYSQL_STYLE, NGINX_STYLE, NODE_STYLE, POSTGRES_STYLE, REDIS_STYLE } from './scripts.js';

function flow(src: string) {
  const a = analyzeScript(src);
  const f = analyzeFlow(a.body, a.functions);
  const show = (s: { kind: string; start: number; end: number }) => `${s.kind}@${a.lineOf(s.start)}: ${a.text.slice(s.start, s.end).split('\n')[0]}`;
  return {
    finals: f.finals.map(show),
    background: f.background.map(show),
    argvThenExit: f.argvThenExit.map(show),
    execLines: f.execs.map((e) => a.lineOf(e.start)),
    complete: f.complete,
  };
}

describe('flow: how wrapper scripts end', () => {
  it.each([
    ['postgres style (functions, _main "$@", temporary server)', POSTGRES_STYLE],
    ['mysql style (temporary server "$@" & and wait in a function)', MYSQL_STYLE],
    ['redis style (find -exec, exec gosu, exec "$@")', REDIS_STYLE],
    ['node style', NODE_STYLE],
    ['nginx style (hooks in a piped while loop)', NGINX_STYLE],
    ['django (migrate, then exec gunicorn)', DJANGO],
  ])('%s: every path ends in exec or exit', (_name, src) => {
    const f = flow(src);
    expect(f.complete).toBe(true);
    expect(f.finals).toEqual([]);
    expect(f.argvThenExit).toEqual([]);
    expect(f.execLines.length).toBeGreaterThan(0);
  });

  it('names the last command of a celery wrapper that forgets exec', () => {
    expect(flow(CELERY_NO_EXEC).finals).toEqual(['program@5: celery -A proj worker --loglevel=info -Q "${CELERY_QUEUE:-default}"']);
  });

  it('sees the background job and the final wait', () => {
    const f = flow(GUNICORN_BACKGROUND);
    expect(f.finals).toEqual(['wait@6: wait']);
    expect(f.background).toEqual(['program@5: gunicorn app:app --bind 0.0.0.0:8000']);
  });

  it('follows branches: a case whose items all exec is fine, one missing item is not', () => {
    const allExec = dedent(`
      #!/bin/sh
      case "$1" in
        web) exec gunicorn app:app ;;
        worker) exec celery -A proj worker ;;
        *) exec "$@" ;;
      esac
    `);
    expect(flow(allExec).finals).toEqual([]);
    const oneMissing = allExec.replace('exec celery', 'celery');
    expect(flow(oneMissing).finals).toEqual(['program@4: celery -A proj worker']);
    // Without a catch-all item, the path past the case falls through to what comes after it.
    const noCatchAll = dedent(`
      #!/bin/sh
      case "$1" in
        web) exec gunicorn app:app ;;
      esac
      python worker.py
    `);
    expect(flow(noCatchAll).finals).toEqual(['program@5: python worker.py']);
  });

  it('follows if/else and && || lists', () => {
    expect(flow('if [ -n "$DEBUG" ]; then exec node --inspect app.js; else exec node app.js; fi\n').finals).toEqual([]);
    expect(flow('if [ -n "$DEBUG" ]; then exec node --inspect app.js; fi\nnode app.js\n').finals).toEqual(['program@2: node app.js']);
    expect(flow('[ -n "$X" ] && exec app\n').finals).toEqual([]);
    expect(flow('gunicorn app:app || exit 1\n').finals).toEqual(['program@1: gunicorn app:app']);
  });

  it('reports "$@" run without exec at the end, not in the middle', () => {
    expect(flow('#!/bin/sh\n"$@"\n').finals).toEqual(['argv@2: "$@"']);
    expect(flow('#!/bin/sh\n"$@" &\npid=$!\nexec "$@"\n').finals).toEqual([]);
    expect(flow('#!/bin/sh\n"$@"\nexit $?\n').argvThenExit).toEqual(['argv@2: "$@"']);
  });

  it('is not fooled by find -exec, exec redirections, echo after exec paths, or eval "exec …"', () => {
    expect(flow('find /data -exec chown app {} +\n').finals).toEqual([]);
    expect(flow('exec >/proc/1/fd/1 2>&1\nexec gunicorn app:app\n').finals).toEqual([]);
    expect(flow('eval "exec gunicorn $GUNICORN_ARGS"\n').finals).toEqual([]);
    expect(flow('exec 3>&1\nnode server.js\n').finals).toEqual(['program@2: node server.js']);
  });

  it('treats pipelines and subshells that run the app as the main process', () => {
    expect(flow('node server.js | tee /var/log/app.log\n').finals).toEqual(['pipeline@1: node server.js | tee /var/log/app.log']);
    expect(flow('(cd /app && exec node server.js)\n').finals).toEqual(['subshell@1: (cd /app && exec node server.js)']);
    expect(flow('(cd /app && mkdir -p logs)\nexec node server.js\n').finals).toEqual([]);
  });

  it('follows functions through return, recursion and a function defined after its caller', () => {
    const src = dedent(`
      start() {
        if [ "$1" = web ]; then
          exec gunicorn app:app
        fi
        return 0
      }
      start "$@"
      loop() { loop; }
      loop
      run_worker
      run_worker() { exec celery -A proj worker; }
    `);
    // start can return (not web), loop is recursion, run_worker execs.
    expect(flow(src).finals).toEqual([]);
    expect(flow('main() { node app.js; }\nmain "$@"\n').finals).toEqual(['program@1: node app.js']);
  });

  it('keeps keep-alive commands as the main process but not set-up plumbing', () => {
    expect(flow('crond\ntail -f /var/log/cron.log\n').finals).toEqual(['program@2: tail -f /var/log/cron.log']);
    expect(flow('sleep infinity\n').finals).toEqual(['program@1: sleep infinity']);
    expect(flow('mkdir -p /run/app\nchown app /run/app\necho ready\n').finals).toEqual([]);
  });

  it('a command followed by more commands, or whose status is tested, is a step; a test or a delay after it is not a command it returns to', () => {
    // schickling/dockerfiles postgres-restore-s3 restore.sh: the restore is a job the author expects to finish.
    expect(flow('psql $POSTGRES_HOST_OPTS -d $POSTGRES_DATABASE < dump.sql\n\necho "Restore complete"\n').finals).toEqual([]);
    expect(flow('psql $POSTGRES_HOST_OPTS -d $POSTGRES_DATABASE < dump.sql\n').finals).toEqual(['program@1: psql $POSTGRES_HOST_OPTS -d $POSTGRES_DATABASE < dump.sql']);
    expect(flow('node server.js\nrm -f /tmp/app.pid\n').finals).toEqual([]);
    expect(flow('node server.js\nsleep 5\n').finals).toEqual(['program@1: node server.js']);
    expect(flow('createdb app\nunset PGPASSWORD\n').finals).toEqual([]);
    expect(flow('add-user.sh --user admin\nSYS_PROPS="-b 0.0.0.0"\n').finals).toEqual([]);
    expect(flow('add-user.sh --user admin\nload_config\n').finals).toEqual(['program@2: load_config']);
    expect(flow('load_config() { export A=1; }\nadd-user.sh --user admin\nload_config\n').finals).toEqual([]);
    expect(flow('while true; do psql -c "select 1" && break; sleep 1; done\n').finals).toEqual([]);
    expect(flow('if python3 tests/run.py; then echo ok; else exit 1; fi\n').finals).toEqual([]);
    expect(flow('! node check.js\n').finals).toEqual([]);
    expect(flow('migrate || fallback-migrate\n').finals).toEqual(['program@1: fallback-migrate']);
    expect(flow('migrate && gunicorn app:app\n').finals).toEqual(['program@1: gunicorn app:app']);
    expect(flow('node server.js || { echo "server crashed" >&2; exit 1; }\n').finals).toEqual(['program@1: node server.js']);
    expect(flow('node check.js || { node repair.js; }\n').finals).toEqual(['program@1: node repair.js']);
    // Pure tests between branches do not end the earlier branch's app.
    expect(flow('if [ "$1" = worker ]; then celery worker; fi\nif [ "$1" = beat ]; then exec celery beat; fi\n').finals).toEqual(['program@1: celery worker']);
  });
});
