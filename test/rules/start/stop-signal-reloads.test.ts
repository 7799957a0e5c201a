import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../../src/lint.js';
import { dedent, hits, lint, makeContext } from '../../helpers.js';
import { expectNone, expectOne } from './expect-hits.js';

const RULE = 'stop-signal-reloads';

describe('stop-signal-reloads (uWSGI 2.0 in master mode reloads on SIGTERM)', () => {
  it('fires on an exec-form CMD with --master and no --die-on-term (harvard-lil/h2o before it added --die-on-term)', () => {
    const f = expectOne(lint(dedent(`
      FROM python:3.11-slim
      RUN pip install uwsgi
      WORKDIR /app
      COPY web/ .
      USER h2o
      CMD ["uwsgi", "--http", "0.0.0.0:8000", "--master", "--processes", "20", "--module", "config.wsgi"]
    `)), RULE, 6, 'error');
    expect(f.message).toContain('`--master`');
    expect(f.message).toContain('brutal reload');
    expect(f.fix).toContain('--die-on-term');
    expect(f.fix).toContain('STOPSIGNAL SIGINT');
  });

  it('does not fire once --die-on-term is given (harvard-lil/h2o after the fix)', () => {
    expectNone(lint(dedent(`
      FROM python:3.11-slim
      RUN pip install uwsgi
      CMD ["uwsgi", "--http", "0.0.0.0:8000", "--master", "--die-on-term", "--module", "config.wsgi"]
    `)), RULE);
  });

  it('fires at the line of the entrypoint script that execs uwsgi --master with the CMD words (pogorelov-ss/Django_in_containers)', () => {
    const findings = lint(dedent(`
      FROM python:3.4
      WORKDIR /dj_app
      RUN pip install uwsgi
      COPY ./dj_app/docker-entrypoint.sh /
      ENTRYPOINT ["/docker-entrypoint.sh"]
      CMD ["--socket", ":8000", "--stats", ":9191"]
    `), {
      'dj_app/docker-entrypoint.sh': { content: '#!/usr/bin/env bash\nset -e\npython manage.py migrate\nexec uwsgi --wsgi-file dj_main/wsgi.py \\\n  --master --processes 2 "$@"\n', mode: 0o755 },
    });
    const found = hits(findings, RULE);
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(['dj_app/docker-entrypoint.sh:4']);
  });

  it('reads master mode from the ini file the command names, and says where die-on-term goes (indico/indico-containers)', () => {
    const ini = '[uwsgi]\nprocesses = 4\nhttp-socket = 0.0.0.0:59999\nmaster = true\n; die-on-term = true\nvacuum = true\n';
    const f = expectOne(lint(dedent(`
      FROM python:3.12-bookworm
      RUN pip install uwsgi
      COPY uwsgi.ini /etc/uwsgi.ini
      CMD ["uwsgi", "/etc/uwsgi.ini"]
    `), { 'uwsgi.ini': ini }), RULE, 4);
    expect(f.message).toContain('`master = true` in uwsgi.ini');
    expect(f.fix).toContain('`die-on-term = true` to the `[uwsgi]` section of `/etc/uwsgi.ini`');
  });

  it('does not fire when the ini file sets die-on-term, or uwsgi is not in master mode (sissbruecker/linkding)', () => {
    const dockerfile = 'FROM python:3.12-slim\nWORKDIR /etc/linkding\nCOPY uwsgi.ini ./uwsgi.ini\nCMD ["uwsgi", "--http", "[::]:9090", "uwsgi.ini"]\n';
    expectNone(lint(dockerfile, { 'uwsgi.ini': '[uwsgi]\nmodule = bookmarks.wsgi:application\nmaster = true\nprocesses = 2\ndie-on-term = true\n' }), RULE);
    expectNone(lint(dockerfile, { 'uwsgi.ini': '[uwsgi]\nmodule = bookmarks.wsgi:application\nprocesses = 2\n' }), RULE);
  });

  it('says nothing when the config cannot be read in full: an include, a switch in a condition, a $VAR path, a file not in the context', () => {
    const dockerfile = 'FROM python:3.12-slim\nCOPY uwsgi.ini /app/uwsgi.ini\nCMD ["uwsgi", "--ini", "/app/uwsgi.ini"]\n';
    expectNone(lint(dockerfile, { 'uwsgi.ini': '[uwsgi]\nmaster = true\ninclude = /etc/uwsgi/common.ini\n' }), RULE);
    expectNone(lint(dockerfile, { 'uwsgi.ini': '[uwsgi]\nmaster = true\nif-env = PRODUCTION\ndie-on-term = true\nendif =\n' }), RULE);
    expectNone(lint('FROM python:3.12-slim\nCOPY uwsgi.ini /app/uwsgi.ini\nCMD ["sh", "-c", "exec uwsgi --master --ini $UWSGI_CONFIG"]\n', { 'uwsgi.ini': '[uwsgi]\nmaster = true\n' }), RULE);
    expectNone(lint('FROM python:3.12-slim\nCMD ["uwsgi", "--ini", "/etc/uwsgi/app.ini"]\n'), RULE);
  });

  it('does not fire with a STOPSIGNAL that stops it (datopian/giftless: -M with STOPSIGNAL SIGQUIT), and fires for SIGQUIT once die-on-term makes it the reload', () => {
    const giftless = dedent(`
      FROM python:3.12-slim
      RUN pip install uwsgi tini
      ENTRYPOINT ["tini", "--", "uwsgi"]
      CMD ["-s", "127.0.0.1:5000", "-M", "-T", "--threads", "2", "-p", "2", "--callable", "app"]
      STOPSIGNAL SIGQUIT
    `);
    expectNone(lint(giftless), RULE);
    expectNone(lint(giftless.replace('SIGQUIT', 'SIGINT')), RULE);
    const f = expectOne(lint(giftless.replace('"-M",', '"-M", "--die-on-term",')), RULE, 3);
    expect(f.message).toContain('`STOPSIGNAL SIGQUIT` (line 5)');
    expect(f.fix).toContain('Remove `STOPSIGNAL SIGQUIT`');
  });

  it('says nothing when a hook remaps the signal (hook-master-start = unix_signal:15 gracefully_kill_them_all, the uWSGI docs\' graceful shutdown)', () => {
    const dockerfile = 'FROM python:3.12-slim\nCOPY uwsgi.ini /app/uwsgi.ini\nCMD ["uwsgi", "--ini", "/app/uwsgi.ini"]\n';
    expectNone(lint(dockerfile, { 'uwsgi.ini': '[uwsgi]\nmaster = true\nhook-master-start = unix_signal:15 gracefully_kill_them_all\n' }), RULE);
    expectNone(lint('FROM python:3.12-slim\nCMD ["uwsgi", "--master", "--hook-master-start", "unix_signal:15 gracefully_kill_them_all", "--module", "app:app"]\n'), RULE);
    // Another hook leaves SIGTERM a reload.
    expectOne(lint(dockerfile, { 'uwsgi.ini': '[uwsgi]\nmaster = true\nhook-master-start = exec:touch /tmp/ready\n' }), RULE, 3);
  });

  it('reads UWSGI_* variables from the image ENV', () => {
    expectNone(lint('FROM python:3.12-slim\nENV UWSGI_DIE_ON_TERM=1\nCMD ["uwsgi", "--master", "--http", ":8000", "--module", "app:app"]\n'), RULE);
    expectOne(lint('FROM python:3.12-slim\nENV UWSGI_MASTER=1\nCMD ["uwsgi", "--http", ":8000", "--module", "app:app"]\n'), RULE, 3);
  });

  it('does not judge an image of unknown lineage, which may set its own STOPSIGNAL or UWSGI_* variables (amsterdam/python)', () => {
    expectNone(lint('FROM tiangolo/uwsgi-nginx:python3.11\nCMD ["uwsgi", "--master", "--http", ":8000", "--module", "app:app"]\n'), RULE);
  });

  it('does not fire when the Compose service that runs the image sets die-on-term or a stop signal that stops it', () => {
    const dockerfile = 'FROM python:3.12-slim\nRUN pip install uwsgi\nCMD ["uwsgi", "--master", "--http", ":8000", "--module", "app:app"]\n';
    const run = (service: string) => {
      const cwd = makeContext({ Dockerfile: dockerfile, 'compose.yaml': `services:\n  web:\n    build: .\n${service}` });
      return lintDockerfile({ dockerfile: 'Dockerfile', cwd, deploy: [{ path: 'compose.yaml' }] }).findings;
    };
    expectNone(run('    environment:\n      UWSGI_DIE_ON_TERM: "1"\n'), RULE);
    expectNone(run('    stop_signal: SIGINT\n'), RULE);
    expectOne(run('    environment:\n      APP_ENV: production\n'), RULE, 3);
  });
});

