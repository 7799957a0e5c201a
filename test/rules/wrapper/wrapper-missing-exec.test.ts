import { describe, expect, it } from 'vitest';
import { dedent, hits, lint } from '../../helpers.js';
import { CELERY_NO_EXEC, DJANGO, GUNICORN_BACKGROUND, MYSQL_STYLE, NGINX_STYLE, NODE_STYLE, POSTGRES_STYLE, REDIS_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-missing-exec';

describe(ID, () => {
  it('fires on a celery wrapper whose last line runs the worker without exec', () => {
    const h = ruleHits(ID, 'python:3.12-slim', CELERY_NO_EXEC, ['worker']);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'error', file: ENTRY_FILE, line: 5, column: 1 });
    expect(h[0]!.message).toContain('celery -A proj worker');
    expect(h[0]!.message).toContain('PID 1');
    expect(h[0]!.fix).toContain('`exec celery -A proj worker');
  });

  it('fires on gunicorn in the background followed by wait, at the background line', () => {
    const h = ruleHits(ID, 'python:3.12-slim', GUNICORN_BACKGROUND);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ line: 5, severity: 'error', file: ENTRY_FILE });
    expect(h[0]!.message).toContain('`gunicorn app:app --bind 0.0.0.0:8000 &` runs in the background');
  });

  it('fires on "$@" run without exec at the end, and before exit', () => {
    expect(ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\nnpm run migrate\n"$@"\n').map((f) => f.line)).toEqual([4]);
    const h = ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\n"$@"\nexit $?\n');
    expect(h.map((f) => f.line)).toEqual([3]);
    expect(h[0]!.fix).toContain('exec "$@"');
  });

  it('fires on the one case branch that does not exec', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      case "$1" in
        web) exec gunicorn app.wsgi --bind 0.0.0.0:8000 ;;
        worker) celery -A app worker ;;
        *) exec "$@" ;;
      esac
    `);
    expect(ruleHits(ID, 'python:3.12-slim', script).map((f) => [f.line, f.column])).toEqual([[5, 11]]);
  });

  it('fires on an app piped into tee, not on a one-shot job ending in a data pipeline', () => {
    expect(ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\nnode server.js 2>&1 | tee -a /var/log/app.log\n').map((f) => f.line)).toEqual([3]);
    expect(ruleHits(ID, 'postgres:17', '#!/bin/sh\nset -e\npg_dump "$DATABASE_URL" | gzip > "/backups/$(date +%F).sql.gz"\n')).toEqual([]);
  });

  it('follows a _main function that runs the server without exec', () => {
    const script = POSTGRES_STYLE.replace('\texec "$@"\n}', '\t"$@"\n}');
    const h = ruleHits(ID, 'postgres:17', script);
    expect(h).toHaveLength(1);
    expect(h[0]!.message).toContain('"$@"');
  });

  it('points into the Dockerfile for a COPY heredoc wrapper', () => {
    const f = lint(dedent(`
      FROM node:20-alpine
      WORKDIR /app
      COPY --chmod=755 <<EOF /usr/local/bin/start.sh
      #!/bin/sh
      set -e
      node dist/server.js
      EOF
      ENTRYPOINT ["/usr/local/bin/start.sh"]
    `));
    const h = hits(f, ID);
    expect(h.map((x) => [x.file, x.line])).toEqual([['Dockerfile', 6]]);
  });

  it('under tini, says the shell takes SIGTERM and exits; under dumb-init (process-group signals) stays silent', () => {
    const files = { 'docker-entrypoint.sh': { content: CELERY_NO_EXEC, mode: 0o755 } };
    const under = (entrypoint: string[]) =>
      hits(lint(`FROM python:3.12-slim\nRUN apt-get update && apt-get install -y tini dumb-init\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ${JSON.stringify(entrypoint)}\n`, files), ID);
    const tini = under(['/usr/bin/tini', '--', 'docker-entrypoint.sh']);
    expect(tini.map((f) => f.line)).toEqual([5]);
    expect(tini[0]!.message).toContain('tini delivers SIGTERM to the shell only');
    expect(under(['/usr/bin/dumb-init', '--', 'docker-entrypoint.sh'])).toEqual([]);
    expect(under(['tini', '-g', '--', 'docker-entrypoint.sh'])).toEqual([]);
    expect(under(['dumb-init', '--single-child', 'docker-entrypoint.sh']).map((f) => f.line)).toEqual([5]);
  });

  it.each([
    ['postgres style', 'postgres:17', POSTGRES_STYLE],
    ['mysql style (temporary server "$@" & in the middle)', 'mysql:8.4', MYSQL_STYLE],
    ['redis style (find -exec, exec gosu)', 'redis:7-alpine', REDIS_STYLE],
    ['node style', 'node:20-bookworm-slim', NODE_STYLE],
    ['nginx style', 'nginx:1.27', NGINX_STYLE],
    ['django (migrate then exec gunicorn)', 'python:3.12-slim', DJANGO],
  ])('does not fire on %s', (_name, base, script) => {
    expect(ruleHits(ID, base, script)).toEqual([]);
  });

  it('does not fire on a background app whose TERM is trapped and forwarded', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      trap 'kill -TERM "$child" 2>/dev/null' TERM INT
      node server.js &
      child=$!
      wait "$child"
    `);
    expect(ruleHits(ID, 'node:20-alpine', script)).toEqual([]);
  });

  it('follows functions defined in a sourced file, and reports inside that file', () => {
    const dockerfile = dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      COPY lib.sh docker-entrypoint.sh /app/
      ENTRYPOINT ["/app/docker-entrypoint.sh"]
    `);
    const entry = { content: '#!/bin/sh\nset -e\n. /app/lib.sh\nwait_for_config\nstart_app "$@"\n', mode: 0o755 };
    const good = '#!/bin/sh\nwait_for_config() { test -f /etc/app.conf; }\nstart_app() {\n  exec gunicorn app:app "$@"\n}\n';
    expect(hits(lint(dockerfile, { 'lib.sh': good, 'docker-entrypoint.sh': entry }), ID)).toEqual([]);
    const bad = good.replace('exec gunicorn', 'gunicorn');
    const h = hits(lint(dockerfile, { 'lib.sh': bad, 'docker-entrypoint.sh': entry }), ID);
    expect(h.map((f) => [f.file, f.line, f.column])).toEqual([['lib.sh', 4, 3]]);
    expect(h[0]!.message).toContain('`gunicorn app:app "$@"`');
  });

  it('does not fire on a sourced helper or a non-shell wrapper', () => {
    const f = lint(
      dedent(`
        FROM python:3.12-slim
        WORKDIR /app
        COPY env.sh docker-entrypoint.sh start.py /app/
        ENTRYPOINT ["/app/docker-entrypoint.sh"]
        CMD ["/app/start.py"]
      `),
      {
        'env.sh': '#!/bin/sh\nexport DJANGO_SETTINGS_MODULE=app.settings\npython -c "import app"\n',
        'docker-entrypoint.sh': { content: '#!/bin/sh\nset -e\n. /app/env.sh\nexec "$@"\n', mode: 0o755 },
        'start.py': { content: '#!/usr/bin/env python3\nimport os\nos.system("gunicorn app:app")\n', mode: 0o755 },
      },
    );
    expect(hits(f, ID)).toEqual([]);
  });
});
