// The deployed start contract's own rules: a deployed command that bypasses the wrapper's
// set-up, a stop signal that is a fast stop for the program, an init only Compose gives.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings.js';
import { lintDockerfile } from '../../../src/lint.js';
import { dedent, makeContext } from '../../helpers.js';

const exe = (content: string) => ({ content, mode: 0o755 });
type Files = Record<string, string | { content: string; mode?: number }>;

function lintWith(files: Files, dockerfile: string, deploy: { path: string; container?: string }[] = []): Finding[] {
  const dir = makeContext(files);
  return lintDockerfile({ dockerfile, cwd: dir, deploy }).findings;
}
const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

/** kubernetes/kubernetes#57079: "my entrypoint does a few things including setting up the correct $PATH". */
const VENV_IMAGE: Files = {
  'api/Dockerfile': dedent(`
    FROM python:3.12-slim
    RUN python -m venv /opt/venv
    WORKDIR /app
    COPY entrypoint.sh /entrypoint.sh
    COPY . .
    ENTRYPOINT ["/entrypoint.sh"]
    CMD ["gunicorn", "app:app", "--bind", "0.0.0.0:8000"]
  `),
  'api/entrypoint.sh': exe('#!/bin/sh\nset -e\nexport PATH="/opt/venv/bin:$PATH"\nexec "$@"\n'),
};
const deployment = (container: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/team/api:2.1\n${container}`;

describe('deployed-command-bypasses-wrapper', () => {
  it('fires: a Kubernetes `command:` replaces the ENTRYPOINT whose wrapper sets PATH (kubernetes/kubernetes#57079)', () => {
    const findings = lintWith({ ...VENV_IMAGE, 'k8s/api.yaml': deployment('          command: ["gunicorn", "app:app", "--workers", "4"]\n') }, 'api/Dockerfile', [{ path: 'k8s/api.yaml' }]);
    const hits = of(findings, 'deployed-command-bypasses-wrapper');
    expect(hits.map((f) => `${f.file}:${f.line}`)).toEqual(['k8s/api.yaml:11']);
    expect(hits[0]!.message).toBe(
      '`command:` of container `api` of Deployment/api replaces the image\'s `ENTRYPOINT ["/entrypoint.sh"]`, so `api/entrypoint.sh` never runs and the deployed command starts without its set-up: it sets PATH (line 3).',
    );
    expect(hits[0]!.fix).toContain('give the command as `args:` instead of `command:`');
  });

  it('fires on the shape of opf/openproject\'s entrypoint (exports PGBIN, drops to the app user with gosu), as opf/helm-charts#205 found', () => {
    const entrypoint = dedent(`
      #!/bin/bash
      set -e
      if [ "$(id -u)" = '0' ]; then
        if [ -f "$PGDATA/PG_VERSION" ]; then
          export PGVERSION="$(cat "$PGDATA/PG_VERSION")"
          export PGBIN="/usr/lib/postgresql/$PGVERSION/bin"
        fi
        chown -R "$APP_USER:$APP_USER" "$APP_DATA_PATH"
        exec $APP_PATH/docker/prod/gosu $APP_USER "$BASH_SOURCE" "$@"
      fi
      exec "$@"
    `);
    const findings = lintWith(
      {
        'openproject/Dockerfile': 'FROM ruby:3.3-bookworm\nENV APP_PATH=/app APP_USER=app\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/docker/prod/entrypoint.sh"]\nCMD ["./docker/prod/supervisord"]\n',
        'openproject/docker/prod/entrypoint.sh': exe(entrypoint),
        'openproject/docker/prod/web': exe('#!/bin/bash\nexec bundle exec rails server\n'),
        'chart.yaml': deployment('          command: ["./docker/prod/web"]\n').replace('team/api:2.1', 'openproject/openproject:15'),
      },
      'openproject/Dockerfile',
      [{ path: 'chart.yaml' }],
    );
    const hit = of(findings, 'deployed-command-bypasses-wrapper')[0]!;
    expect(hit.message).toContain('it sets PGVERSION (line 5), sets PGBIN (line 6), drops privileges with `gosu` (line 9).');
  });

  it('near misses: `args:` keeps the wrapper; a command that starts the wrapper; the deployment sets PATH itself; a wrapper with no set-up', () => {
    const quiet = (container: string, files: Files = VENV_IMAGE) => of(lintWith({ ...files, 'k8s/api.yaml': deployment(container) }, 'api/Dockerfile', [{ path: 'k8s/api.yaml' }]), 'deployed-command-bypasses-wrapper');
    expect(quiet('          args: ["gunicorn", "app:app", "--workers", "4"]\n')).toEqual([]);
    expect(quiet('          command: ["/entrypoint.sh", "gunicorn", "app:app"]\n')).toEqual([]);
    expect(quiet('          command: ["gunicorn", "app:app"]\n          env:\n            - name: PATH\n              value: /opt/venv/bin:/usr/local/bin:/usr/bin:/bin\n')).toEqual([]);
    expect(quiet('          command: ["gunicorn", "app:app"]\n', { ...VENV_IMAGE, 'api/entrypoint.sh': exe('#!/bin/sh\nset -e\necho "starting $1"\nexec "$@"\n') })).toEqual([]);
  });

  it('names what the wrapper prepares: exported variables, an activate script, migrations, rendered config; not its own shell variables or a function library', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      . /usr/local/lib/log-functions.sh
      . /opt/venv/bin/activate
      WORKERS=4
      export APP_ENV=production
      python manage.py migrate --noinput
      envsubst < /etc/app.conf.tmpl > /etc/app.conf
      exec "$@"
    `);
    const findings = lintWith({ ...VENV_IMAGE, 'api/entrypoint.sh': exe(script), 'k8s/api.yaml': deployment('          command: ["gunicorn", "app:app"]\n') }, 'api/Dockerfile', [{ path: 'k8s/api.yaml' }]);
    const hit = of(findings, 'deployed-command-bypasses-wrapper')[0]!;
    expect(hit.message).toContain('it sources `/opt/venv/bin/activate` (line 4), sets APP_ENV (line 6), runs `python manage.py migrate --noinput` (line 7) and 1 more.');
    expect(hit.message).not.toContain('WORKERS');
    expect(hit.message).not.toContain('log-functions');
  });

  // ParinB/SimpleBank docker-compose.yaml: `entrypoint: ["/app/wait-for.sh", "postgres:5432", "--", "/app/start.sh"]`.
  it('does not fire when the deployed entrypoint still starts the wrapper after a wait script', () => {
    const files: Files = {
      ...VENV_IMAGE,
      'api/Dockerfile': 'FROM alpine:3.13\nWORKDIR /app\nCOPY start.sh wait-for.sh ./\nENTRYPOINT ["/app/start.sh"]\nCMD ["/app/main"]\n',
      'api/start.sh': exe('#!/bin/sh\nset -e\nexport APP_ENV=production\nexec "$@"\n'),
      'api/wait-for.sh': exe('#!/bin/sh\nwhile [ $# -gt 0 ]; do case "$1" in --) shift; break ;; *) HOST="$1"; shift ;; esac; done\nuntil nc -z "${HOST%:*}" "${HOST#*:}"; do sleep 1; done\nexec "$@"\n'),
      'compose.yaml': 'services:\n  api:\n    build: ./api\n    entrypoint: ["/app/wait-for.sh", "postgres:5432", "--", "/app/start.sh"]\n    command: ["/app/main"]\n',
    };
    expect(of(lintWith(files, 'api/Dockerfile'), 'deployed-command-bypasses-wrapper')).toEqual([]);
  });

  it('does not count what a wrapper writes after its top-level exec (never runs): ParinB/SimpleBank start.sh', () => {
    const script = '#!/bin/sh\n\n  set -e\n\n  echo "start the app"\n  exec "$@"\n\n  echo "run db migration"\n  source /app/app.env\n  /app/migrate -path /app/migration -database "$DB_SOURCE" -verbose up\n';
    const findings = lintWith({ ...VENV_IMAGE, 'api/entrypoint.sh': exe(script), 'compose.yaml': 'services:\n  api:\n    build: ./api\n    entrypoint: ["gunicorn", "app:app"]\n' }, 'api/Dockerfile');
    expect(of(findings, 'deployed-command-bypasses-wrapper')).toEqual([]);
  });

  it('fires for a Compose `entrypoint:` too, with the Compose fix', () => {
    const findings = lintWith({ ...VENV_IMAGE, 'compose.yaml': 'services:\n  api:\n    build: ./api\n    entrypoint: gunicorn app:app\n' }, 'api/Dockerfile');
    const hit = of(findings, 'deployed-command-bypasses-wrapper')[0]!;
    expect(`${hit.file}:${hit.line}`).toBe('compose.yaml:4');
    expect(hit.fix).toContain('give the command as `command:` instead of `entrypoint:`');
  });
});

/** The official nginx image's way: STOPSIGNAL SIGQUIT, nginx in the foreground. */
const NGINX: Files = { 'web/Dockerfile': 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y nginx\nSTOPSIGNAL SIGQUIT\nCMD ["nginx", "-g", "daemon off;"]\n' };

describe('stop-signal-mismatch', () => {
  it('fires: Compose `stop_signal: SIGTERM` for nginx, whose image declares SIGQUIT (SIGTERM is nginx\'s fast shutdown)', () => {
    const findings = lintWith({ ...NGINX, 'compose.yaml': 'services:\n  web:\n    build: ./web\n    stop_signal: SIGTERM\n' }, 'web/Dockerfile');
    const hits = of(findings, 'stop-signal-mismatch');
    expect(hits.map((f) => `${f.file}:${f.line}`)).toEqual(['compose.yaml:4']);
    expect(hits[0]!.message).toContain("instead of the image's `STOPSIGNAL SIGQUIT` (line 3), and nginx treats SIGTERM as a fast stop");
    expect(hits[0]!.fix).toBe('Remove `stop_signal` so the image\'s SIGQUIT is sent.');
  });

  it('fires: Kubernetes `lifecycle.stopSignal: SIGINT` for gunicorn (a quick shutdown)', () => {
    const files: Files = { 'api/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "app:app"]\n' };
    const findings = lintWith({ ...files, 'k8s/api.yaml': deployment('          lifecycle:\n            stopSignal: SIGINT\n') }, 'api/Dockerfile', [{ path: 'k8s/api.yaml' }]);
    expect(of(findings, 'stop-signal-mismatch').map((f) => `${f.file}:${f.line}`)).toEqual(['k8s/api.yaml:12']);
  });

  it('near misses: the graceful signal; the same as the image\'s; a program whose signals are not known', () => {
    const quiet = (files: Files, signal: string, dockerfile: string, service = 'web') => of(lintWith({ ...files, 'compose.yaml': `services:\n  ${service}:\n    build: ./${service}\n    stop_signal: ${signal}\n` }, dockerfile), 'stop-signal-mismatch');
    expect(quiet(NGINX, 'SIGQUIT', 'web/Dockerfile')).toEqual([]);
    expect(quiet(NGINX, 'QUIT', 'web/Dockerfile')).toEqual([]);
    expect(quiet({ 'api/Dockerfile': 'FROM node:20-slim\nCMD ["node", "server.js"]\n' }, 'SIGINT', 'api/Dockerfile', 'api')).toEqual([]);
  });
});

describe('init-differs-by-platform', () => {
  const worker: Files = {
    'worker/Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "worker.js"]\n',
    'compose.yaml': 'services:\n  worker:\n    build: ./worker\n    init: true\n',
  };
  const pod = (extra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\nspec:\n${extra}  containers:\n    - name: worker\n      image: acme/worker\n`;

  it('fires: Compose gives `init: true`, the Kubernetes pod has none and node is PID 1', () => {
    const findings = lintWith({ ...worker, 'k8s/worker.yaml': pod() }, 'worker/Dockerfile', [{ path: 'k8s/worker.yaml' }]);
    const hits = of(findings, 'init-differs-by-platform');
    expect(hits.map((f) => `${f.file}:${f.line}:${f.severity}`)).toEqual(['k8s/worker.yaml:7:info']);
    expect(hits[0]!.message).toContain('PID 1 there is `node`');
  });

  it('fires for an ECS container without initProcessEnabled; near misses: initProcessEnabled, shareProcessNamespace, tini in the image, no compose init', () => {
    const ecs = (init?: boolean) => JSON.stringify({ containerDefinitions: [{ name: 'worker', image: 'acme/worker', ...(init !== undefined ? { linuxParameters: { initProcessEnabled: init } } : {}) }] }, null, 2);
    expect(of(lintWith({ ...worker, 'td.json': ecs() }, 'worker/Dockerfile', [{ path: 'td.json' }]), 'init-differs-by-platform')).toHaveLength(1);
    expect(of(lintWith({ ...worker, 'td.json': ecs(true) }, 'worker/Dockerfile', [{ path: 'td.json' }]), 'init-differs-by-platform')).toEqual([]);
    expect(of(lintWith({ ...worker, 'p.yaml': pod('  shareProcessNamespace: true\n') }, 'worker/Dockerfile', [{ path: 'p.yaml' }]), 'init-differs-by-platform')).toEqual([]);
    const tini = { ...worker, 'worker/Dockerfile': 'FROM node:20-slim\nRUN apt-get update && apt-get install -y tini\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["tini", "--"]\nCMD ["node", "worker.js"]\n' };
    expect(of(lintWith({ ...tini, 'p.yaml': pod() }, 'worker/Dockerfile', [{ path: 'p.yaml' }]), 'init-differs-by-platform')).toEqual([]);
    const noInit = { ...worker, 'compose.yaml': 'services:\n  worker:\n    build: ./worker\n' };
    expect(of(lintWith({ ...noInit, 'p.yaml': pod() }, 'worker/Dockerfile', [{ path: 'p.yaml' }]), 'init-differs-by-platform')).toEqual([]);
  });
});

describe('deployed-command-bypasses-wrapper: the pod runs the set-up in an init container', () => {
  // TandoorRecipes/recipes' Kubernetes example (trimmed): boot.sh migrates, then execs gunicorn;
  // the Deployment runs gunicorn by its venv path and migrates in an init container of the same image.
  const files = (initCommand: string): Files => ({
    'Dockerfile': 'FROM python:3.12-alpine\nWORKDIR /opt/recipes\nCOPY . .\nRUN python -m venv venv\nENTRYPOINT ["/opt/recipes/boot.sh"]\n',
    'boot.sh': exe('#!/bin/sh\nsource venv/bin/activate\nexport MEDIA_ROOT=${MEDIA_ROOT:-/opt/recipes/mediafiles}\npython manage.py migrate\nexec gunicorn recipes.wsgi\n'),
    'k8s/50-deployment.yaml': dedent(`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: recipes
      spec:
        template:
          spec:
            initContainers:
            - name: init-chmod-data
              image: vabene1111/recipes
              command:
              - sh
              - -c
              - |
                ${initCommand}
            containers:
            - name: recipes
              image: vabene1111/recipes
              command:
                - /opt/recipes/venv/bin/gunicorn
                - recipes.wsgi
    `),
  });
  const bypass = (initCommand: string) => of(lintWith(files(initCommand), 'Dockerfile', [{ path: 'k8s/50-deployment.yaml', container: 'recipes' }]), 'deployed-command-bypasses-wrapper');

  it('info: an init container runs the migration the wrapper would, the deployment took the set-up over', () => {
    const hits = bypass('source venv/bin/activate && python manage.py migrate');
    expect(hits.map((f) => `${f.file}:${f.line}:${f.severity}`)).toEqual(['k8s/50-deployment.yaml:19:info']);
    expect(hits[0]!.message).toContain("The pod's init container `init-chmod-data` runs the migration itself");
    expect(hits[0]!.message).not.toContain('runs `python manage.py migrate`');
  });

  it('near miss: an init container that only fixes permissions leaves the migration skipped, a warning', () => {
    const hits = bypass('chown -R 1000 /opt/recipes/mediafiles');
    expect(hits.map((f) => `${f.line}:${f.severity}`)).toEqual(['19:warning']);
    expect(hits[0]!.message).toContain('runs `python manage.py migrate` (line 4)');
  });
});
