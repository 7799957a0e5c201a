// Deterministic corpus of realistic Dockerfiles with wrapper scripts, for the static benchmark.
// Same seed, same bytes: every tool lints exactly the same files. Styles: Node.js APIs, Django/
// Gunicorn, Go, nginx, queue workers and cron images; multi-stage builds, exec and shell forms,
// wrapper scripts with and without `exec`, alpine/debian/distroless/scratch bases. Most are
// well-kept; a realistic share carries the bugs entrypoint-guard exists for.
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, good enough for picking templates; deterministic per seed. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    /** true with probability p */
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    /** a random subset (order kept) */
    some: (list, p = 0.5) => list.filter(() => next() < p),
  };
  return r;
}

const STYLES = ['node', 'django', 'go', 'nginx', 'worker', 'cron'];

// ------------------------------------------------------------------ helpers ---
const json = (argv) => `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
const lines = (...parts) => parts.flat().filter((l) => l !== null && l !== undefined && l !== false).join('\n') + '\n';

function labels(r, name) {
  if (!r.chance(0.6)) return [];
  return [
    `LABEL org.opencontainers.image.title="${name}" \\`,
    `      org.opencontainers.image.source="https://github.com/acme/${name}" \\`,
    `      org.opencontainers.image.licenses="MIT"`,
  ];
}

function healthcheck(r, cmd) {
  if (!r.chance(0.35)) return [];
  return [`HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\`, `  CMD ${r.chance(0.8) ? json(cmd) : cmd.join(' ')}`];
}

function userLine(r, family) {
  if (!r.chance(0.55)) return [];
  if (family === 'distroless') return ['USER nonroot:nonroot'];
  if (family === 'alpine') return ['RUN addgroup -S app && adduser -S -G app app', 'USER app'];
  return ['RUN groupadd --system app && useradd --system --gid app --no-create-home app', 'USER app'];
}

/** How a wrapper script gets into the image: COPY with --chmod, COPY + RUN chmod, or relying on the git/file mode. */
function copyScript(r, src, dest, opts = {}) {
  const how = r.pick(['chmod-flag', 'run-chmod', 'mode', 'mode']);
  if (how === 'chmod-flag') return { lines: [`COPY --chmod=755 ${src} ${dest}`], mode: 0o644 };
  if (how === 'run-chmod') {
    const target = dest.endsWith('/') ? `${dest}${path.basename(src)}` : dest;
    return { lines: [`COPY ${src} ${dest}`, `RUN chmod +x ${target}`], mode: 0o644 };
  }
  // Relies on the source's mode; now and then someone forgot the exec bit.
  return { lines: [`COPY ${src} ${dest}`], mode: opts.forgetExec ?? r.chance(0.1) ? 0o644 : 0o755 };
}

// ------------------------------------------------------------ wrapper scripts ---
/**
 * A docker-entrypoint.sh in the style of the official images or of an in-house app.
 * `kind`: what it prepares before handing over. Bugs are injected by the flags.
 */
function wrapperScript(r, { shell, kind, execs, errexit, bashism, crlf, dropPriv, waitFor, unquoted }) {
  const shebang = shell === 'bash' ? r.pick(['#!/bin/bash', '#!/usr/bin/env bash']) : '#!/bin/sh';
  const out = [shebang];
  if (r.chance(0.4)) out.push('# Prepares the container, then hands PID 1 to the main process.');
  if (errexit) {
    if (shell === 'bash') out.push(r.pick(['set -Eeuo pipefail', 'set -e', 'set -eo pipefail', 'set -o errexit']));
    else out.push(r.pick(['set -e', 'set -eu', 'set -o errexit']));
  }
  out.push('');
  if (r.chance(0.5)) {
    // The official images' "first arg is a flag" idiom.
    const main = { node: 'node', django: 'gunicorn', worker: 'celery', cron: 'crond', nginx: 'nginx', go: 'app' }[kind] ?? 'app';
    out.push(`# if the first argument looks like a flag, prepend ${main}`);
    out.push(`if [ "\${1#-}" != "$1" ]; then`);
    out.push(`  set -- ${main} "$@"`);
    out.push('fi', '');
  }
  if (waitFor) {
    out.push('# wait for the database');
    out.push('until nc -z "${DB_HOST:-db}" "${DB_PORT:-5432}"; do');
    out.push('  echo "waiting for ${DB_HOST:-db}..."');
    out.push('  sleep 1');
    out.push('done', '');
  }
  if (kind === 'django') {
    out.push('if [ "${DJANGO_MIGRATE:-1}" = "1" ]; then');
    out.push('  python manage.py migrate --noinput');
    out.push('fi');
    if (r.chance(0.5)) out.push('python manage.py collectstatic --noinput --clear >/dev/null');
  } else if (kind === 'node') {
    out.push('if [ -n "${DATABASE_URL:-}" ]; then');
    out.push('  node scripts/migrate.js');
    out.push('fi');
  } else if (kind === 'worker') {
    out.push(': "${CELERY_BROKER_URL:?CELERY_BROKER_URL must be set}"');
    out.push('mkdir -p /var/run/celery');
  } else if (kind === 'cron') {
    out.push('echo "${CRON_SCHEDULE:-*/5 * * * *} /usr/local/bin/job.sh" > /etc/crontabs/root');
  } else if (kind === 'nginx') {
    out.push('envsubst \'${API_UPSTREAM}\' < /etc/nginx/templates/default.conf.template > /etc/nginx/conf.d/default.conf');
  }
  if (bashism) {
    out.push(r.pick([
      'if [[ "${DEBUG:-}" == "1" ]]; then set -x; fi',
      'source /etc/profile',
      'function log() { echo "[entrypoint] $*"; }',
      'read -r -a EXTRA <<< "${EXTRA_ARGS:-}"',
    ]));
  }
  out.push('');
  const args = unquoted ? r.pick(['$@', '$*', '"$*"']) : '"$@"';
  const priv = dropPriv ? `${dropPriv} ` : '';
  if (execs) out.push(`exec ${priv}${args}`);
  else out.push(r.pick([`${priv}${args}`, `${priv}"$@" &\nwait $!`, `${priv}"$@"\necho "exited with $?"`]));
  let text = out.join('\n') + '\n';
  if (crlf) text = text.replace(/\n/g, '\r\n');
  if (r.chance(0.01)) text = '\ufeff' + text;
  return text;
}

/** A /docker-entrypoint.d hook: sourced or run by the image's own entrypoint, hands nothing over. */
function hookScript(r) {
  return lines(
    '#!/bin/sh',
    r.chance(0.7) ? 'set -e' : null,
    '',
    ': "${API_UPSTREAM:=api:8000}"',
    'envsubst \'${API_UPSTREAM}\' < /etc/nginx/templates/default.conf.template > /etc/nginx/conf.d/default.conf',
  );
}

/** Flags for one wrapper: mostly correct, with realistic bug rates. */
function wrapperFlags(r, family, kind) {
  const shell = family === 'alpine' ? (r.chance(0.12) ? 'bash' : 'sh') : r.chance(0.4) ? 'bash' : 'sh';
  return {
    shell,
    kind,
    execs: r.chance(0.8),
    errexit: r.chance(0.8),
    bashism: shell === 'sh' && r.chance(0.1),
    crlf: r.chance(0.02),
    dropPriv: r.chance(0.2) ? (family === 'alpine' ? r.pick(['su-exec app', 'su-exec app:app']) : r.pick(['gosu app', 'gosu app:app', 'setpriv --reuid=app --regid=app --init-groups'])) : r.chance(0.03) ? 'su app -c' : '',
    waitFor: r.chance(0.1),
    unquoted: r.chance(0.04),
  };
}

// ---------------------------------------------------------------- the styles ---
function node(r, name) {
  const ver = r.pick(['20', '22', '24']);
  const alpine = r.chance(0.5);
  const family = alpine ? 'alpine' : 'debian';
  const base = alpine ? `node:${ver}-alpine${r.pick(['', '3.20', '3.21'])}` : `node:${ver}-${r.pick(['bookworm-slim', 'bookworm', 'slim'])}`;
  const pm = r.pick(['npm', 'npm', 'yarn', 'pnpm']);
  const install = { npm: 'npm ci --omit=dev', yarn: 'yarn install --frozen-lockfile --production', pnpm: 'corepack enable && pnpm install --prod --frozen-lockfile' }[pm];
  const lock = { npm: 'package-lock.json', yarn: 'yarn.lock', pnpm: 'pnpm-lock.yaml' }[pm];
  const multi = r.chance(0.6);
  const wrapper = r.chance(0.6);
  const files = {
    'package.json': JSON.stringify({ name, version: '1.0.0', main: 'server.js', scripts: { start: 'node server.js', build: 'tsc -p .' } }, null, 2) + '\n',
    [lock]: '# lockfile\n',
    'server.js': "const http = require('http');\nconst server = http.createServer((req, res) => res.end('ok'));\nserver.listen(process.env.PORT || 3000);\nprocess.on('SIGTERM', () => server.close(() => process.exit(0)));\n",
    '.dockerignore': 'node_modules\n.git\n*.log\ncoverage\n',
  };
  const modes = {};
  const df = [];
  if (r.chance(0.3)) df.push('# syntax=docker/dockerfile:1');
  if (multi) {
    df.push(`FROM ${base} AS deps`, 'WORKDIR /app', `COPY package.json ${lock} ./`, `RUN ${install}`, '');
    df.push(`FROM ${base} AS build`, 'WORKDIR /app', 'COPY --from=deps /app/node_modules ./node_modules', 'COPY . .', `RUN ${pm} run build`, '');
  }
  df.push(`FROM ${base}`, ...labels(r, name));
  if (!alpine && r.chance(0.4)) df.push('RUN apt-get update \\', '    && apt-get install -y --no-install-recommends tini ca-certificates \\', '    && rm -rf /var/lib/apt/lists/*');
  if (alpine && r.chance(0.4)) df.push(`RUN apk add --no-cache ${r.pick(['tini', 'tini curl', 'dumb-init', 'bash'])}`);
  df.push(r.chance(0.92) ? 'WORKDIR /app' : null, 'ENV NODE_ENV=production');
  if (multi) df.push('COPY --from=deps /app/node_modules ./node_modules', 'COPY --from=build /app/dist ./dist', 'COPY package.json ./');
  else df.push(`COPY package.json ${lock} ./`, `RUN ${install}`, 'COPY . .');
  df.push(...userLine(r, family), `EXPOSE ${r.pick(['3000', '8080', '8000'])}`, ...healthcheck(r, ['node', 'healthcheck.js']));
  const main = multi ? ['node', 'dist/server.js'] : ['node', 'server.js'];
  if (wrapper) {
    const flags = wrapperFlags(r, family, 'node');
    files['docker-entrypoint.sh'] = wrapperScript(r, flags);
    const c = copyScript(r, 'docker-entrypoint.sh', r.pick(['/usr/local/bin/', '/usr/local/bin/docker-entrypoint.sh']));
    modes['docker-entrypoint.sh'] = c.mode;
    df.push(...c.lines);
    df.push(r.chance(0.9) ? `ENTRYPOINT ${json(['docker-entrypoint.sh'])}` : 'ENTRYPOINT docker-entrypoint.sh');
    df.push(r.chance(0.85) ? `CMD ${json(main)}` : `CMD ${main.join(' ')}`);
  } else {
    const start = r.pick(['exec', 'exec', 'exec', 'tini', 'npm', 'shell', 'dev']);
    if (start === 'exec') df.push(`CMD ${json(main)}`);
    else if (start === 'tini') df.push(`ENTRYPOINT ${json(alpine ? ['/sbin/tini', '--'] : ['/usr/bin/tini', '--'])}`, `CMD ${json(main)}`);
    else if (start === 'npm') df.push(`CMD ${json([pm, 'start'])}`);
    else if (start === 'shell') df.push(`CMD ${main.join(' ')}`);
    else df.push(`CMD ${json(['npx', 'nodemon', 'server.js'])}`);
  }
  return { df, files, modes };
}

function django(r, name) {
  const ver = r.pick(['3.11', '3.12', '3.13']);
  const alpine = r.chance(0.25);
  const family = alpine ? 'alpine' : 'debian';
  const base = alpine ? `python:${ver}-alpine` : `python:${ver}-${r.pick(['slim', 'slim-bookworm', 'bookworm'])}`;
  const project = r.pick(['config', 'mysite', 'core', name.replace(/-/g, '_')]);
  const files = {
    'requirements.txt': 'Django==5.1.4\ngunicorn==23.0.0\npsycopg[binary]==3.2.3\nwhitenoise==6.8.2\n',
    'manage.py': `#!/usr/bin/env python\nimport os, sys\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${project}.settings")\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n`,
    [`${project}/wsgi.py`]: 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
    '.dockerignore': '.git\n__pycache__\n*.pyc\n.venv\n',
  };
  const modes = {};
  const df = [];
  const multi = r.chance(0.45);
  if (multi) {
    df.push(`FROM ${base} AS builder`, 'ENV PIP_NO_CACHE_DIR=1', 'WORKDIR /build', 'COPY requirements.txt .', 'RUN pip wheel --wheel-dir /wheels -r requirements.txt', '');
  }
  df.push(`FROM ${base}`, ...labels(r, name));
  df.push('ENV PYTHONDONTWRITEBYTECODE=1 \\', '    PYTHONUNBUFFERED=1');
  if (!alpine && r.chance(0.5)) df.push('RUN apt-get update \\', `    && apt-get install -y --no-install-recommends libpq5${r.chance(0.3) ? ' gosu' : ''} \\`, '    && rm -rf /var/lib/apt/lists/*');
  df.push('WORKDIR /app');
  if (multi) df.push('COPY --from=builder /wheels /wheels', 'RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels');
  else df.push('COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt');
  df.push('COPY . .', ...userLine(r, family), 'EXPOSE 8000');
  const gunicorn = ['gunicorn', `${project}.wsgi:application`, '--bind', '0.0.0.0:8000', '--workers', String(r.int(2, 4))];
  if (r.chance(0.75)) {
    const flags = wrapperFlags(r, family, 'django');
    const script = r.pick(['entrypoint.sh', 'docker-entrypoint.sh', 'docker/entrypoint.sh', 'scripts/start.sh']);
    files[script] = wrapperScript(r, flags);
    let runPath = `/app/${script}`;
    if (!script.includes('/') || r.chance(0.5)) {
      // Its own COPY; otherwise `COPY . .` into WORKDIR /app brings it, with the source's mode.
      runPath = r.chance(0.5) ? `/app/${path.basename(script)}` : `/usr/local/bin/${path.basename(script)}`;
      const c = copyScript(r, script, runPath);
      modes[script] = c.mode;
      df.push(...c.lines);
    } else {
      modes[script] = r.chance(0.9) ? 0o755 : 0o644;
    }
    df.push(r.chance(0.88) ? `ENTRYPOINT ${json([runPath])}` : `ENTRYPOINT ${runPath}`);
    df.push(r.chance(0.85) ? `CMD ${json(gunicorn)}` : `CMD ${gunicorn.join(' ')}`);
  } else {
    const start = r.pick(['exec', 'exec', 'shell', 'sh-c', 'dev']);
    if (start === 'exec') df.push(`CMD ${json(gunicorn)}`);
    else if (start === 'shell') df.push(`CMD python manage.py migrate && ${gunicorn.join(' ')}`);
    else if (start === 'sh-c') df.push(`CMD ${json(['sh', '-c', `python manage.py migrate --noinput && ${r.chance(0.6) ? 'exec ' : ''}${gunicorn.join(' ')}`])}`);
    else df.push(`CMD ${json(['python', 'manage.py', 'runserver', '0.0.0.0:8000'])}`);
  }
  return { df, files, modes };
}

function go(r, name) {
  const gover = r.pick(['1.22', '1.23', '1.24']);
  const final = r.pick(['scratch', 'gcr.io/distroless/static-debian12', 'gcr.io/distroless/static-debian12:nonroot', 'alpine:3.20', 'debian:bookworm-slim']);
  const family = final === 'scratch' ? 'scratch' : final.includes('distroless') ? 'distroless' : final.startsWith('alpine') ? 'alpine' : 'debian';
  const files = {
    'go.mod': `module github.com/acme/${name}\n\ngo ${gover}\n`,
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"net/http"\n)\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
    '.dockerignore': '.git\nbin/\n',
  };
  const modes = {};
  const df = [];
  const cross = r.chance(0.5);
  df.push(cross ? `FROM --platform=$BUILDPLATFORM golang:${gover}-alpine AS build` : `FROM golang:${gover} AS build`);
  if (cross) df.push('ARG TARGETOS', 'ARG TARGETARCH');
  df.push('WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .');
  df.push(cross ? 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -ldflags="-s -w" -o /out/app .' : 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .');
  if (r.chance(0.15)) {
    const arch = r.pick(['amd64', 'x86_64', 'arm64']);
    df.push(`RUN wget -q -O /out/grpc_health_probe https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/v0.4.28/grpc_health_probe-linux-${arch} \\`, '    && chmod +x /out/grpc_health_probe');
  }
  df.push('');
  df.push(r.chance(0.06) ? `FROM --platform=linux/amd64 ${final}` : `FROM ${final}`, ...labels(r, name));
  if (family === 'alpine') df.push('RUN apk add --no-cache ca-certificates tzdata');
  if (family === 'scratch') df.push('COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/');
  df.push('COPY --from=build /out/app /usr/local/bin/app', ...userLine(r, family), 'EXPOSE 8080');
  if (r.chance(0.2)) df.push(r.pick(['STOPSIGNAL SIGINT', 'STOPSIGNAL SIGTERM', 'STOPSIGNAL SIGQUIT']));
  const wrapper = (family === 'alpine' || family === 'debian') && r.chance(0.5);
  if (wrapper) {
    const flags = wrapperFlags(r, family, 'go');
    files['entrypoint.sh'] = wrapperScript(r, flags);
    const c = copyScript(r, 'entrypoint.sh', '/entrypoint.sh');
    modes['entrypoint.sh'] = c.mode;
    df.push(...c.lines, `ENTRYPOINT ${json(['/entrypoint.sh'])}`, `CMD ${json(['app', 'serve'])}`);
  } else if (family === 'scratch' || family === 'distroless') {
    df.push(r.chance(0.95) ? `ENTRYPOINT ${json(['/usr/local/bin/app'])}` : 'ENTRYPOINT /usr/local/bin/app serve');
    if (r.chance(0.5)) df.push(`CMD ${json(['serve', '--addr', ':8080'])}`);
  } else {
    df.push(r.chance(0.85) ? `ENTRYPOINT ${json(['app'])}` : 'ENTRYPOINT app');
    df.push(`CMD ${json(['serve'])}`);
  }
  return { df, files, modes };
}

function nginx(r, name) {
  const alpine = r.chance(0.5);
  const family = alpine ? 'alpine' : 'debian';
  const base = `nginx:${r.pick(['1.27', '1.26', 'stable', 'mainline'])}${alpine ? '-alpine' : ''}`;
  const files = {
    'nginx.conf': 'server {\n  listen 8080;\n  location / {\n    root /usr/share/nginx/html;\n    try_files $uri /index.html;\n  }\n}\n',
    'default.conf.template': 'upstream api { server ${API_UPSTREAM}; }\n',
    'dist/index.html': `<!doctype html><title>${name}</title>\n`,
    '.dockerignore': 'node_modules\n.git\n',
  };
  const modes = {};
  const df = [];
  const spa = r.chance(0.6);
  if (spa) {
    files['package.json'] = JSON.stringify({ name, scripts: { build: 'vite build' } }) + '\n';
    df.push(`FROM node:${r.pick(['20', '22'])}-alpine AS build`, 'WORKDIR /app', 'COPY package.json ./', 'RUN npm install', 'COPY . .', 'RUN npm run build', '');
  }
  df.push(`FROM ${base}`, ...labels(r, name));
  df.push('COPY nginx.conf /etc/nginx/conf.d/default.conf', 'COPY default.conf.template /etc/nginx/templates/');
  df.push(spa ? 'COPY --from=build /app/dist /usr/share/nginx/html' : 'COPY dist/ /usr/share/nginx/html/');
  if (r.chance(0.5)) {
    // Hook scripts go to /docker-entrypoint.d and are run by the image's own entrypoint.
    files['docker/40-envsubst-api.sh'] = hookScript(r);
    const c = copyScript(r, 'docker/40-envsubst-api.sh', '/docker-entrypoint.d/');
    modes['docker/40-envsubst-api.sh'] = c.mode;
    df.push(...c.lines);
  }
  df.push('EXPOSE 8080', ...healthcheck(r, ['wget', '-qO-', 'http://127.0.0.1:8080/']));
  if (r.chance(0.2)) df.push('STOPSIGNAL SIGQUIT');
  if (r.chance(0.25)) {
    const flags = wrapperFlags(r, family, 'nginx');
    files['start-nginx.sh'] = wrapperScript(r, flags);
    const c = copyScript(r, 'start-nginx.sh', '/usr/local/bin/start-nginx.sh');
    modes['start-nginx.sh'] = c.mode;
    df.push(...c.lines, `ENTRYPOINT ${json(['start-nginx.sh'])}`);
  }
  df.push(r.chance(0.9) ? `CMD ${json(['nginx', '-g', 'daemon off;'])}` : "CMD nginx -g 'daemon off;'");
  return { df, files, modes };
}

function worker(r, name) {
  const py = r.chance(0.6);
  const alpine = r.chance(0.35);
  const family = alpine ? 'alpine' : 'debian';
  const base = py ? `python:${r.pick(['3.11', '3.12'])}-${alpine ? 'alpine' : 'slim'}` : `node:22-${alpine ? 'alpine' : 'bookworm-slim'}`;
  const files = py
    ? { 'requirements.txt': 'celery[redis]==5.4.0\n', 'proj/__init__.py': '', 'proj/celery.py': "from celery import Celery\napp = Celery('proj')\n" }
    : { 'package.json': JSON.stringify({ name, main: 'worker.js' }) + '\n', 'worker.js': "process.on('SIGTERM', () => process.exit(0));\nsetInterval(() => {}, 1000);\n" };
  const modes = {};
  const df = [`FROM ${base}`, ...labels(r, name), 'WORKDIR /app'];
  if (py) df.push('COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt');
  else df.push('COPY package.json .', 'RUN npm install --omit=dev');
  if (r.chance(0.3)) df.push(alpine ? 'RUN apk add --no-cache su-exec' : 'RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*');
  df.push('COPY . .', ...userLine(r, family));
  const main = py ? ['celery', '-A', 'proj', 'worker', '--loglevel=INFO', `--concurrency=${r.int(1, 8)}`] : ['node', 'worker.js'];
  if (r.chance(0.7)) {
    const flags = wrapperFlags(r, family, 'worker');
    files['worker-entrypoint.sh'] = wrapperScript(r, flags);
    const dest = r.pick(['/usr/local/bin/worker-entrypoint.sh', '/app/worker-entrypoint.sh']);
    if (dest.startsWith('/app/')) {
      modes['worker-entrypoint.sh'] = r.chance(0.9) ? 0o755 : 0o644;
    } else {
      const c = copyScript(r, 'worker-entrypoint.sh', dest);
      modes['worker-entrypoint.sh'] = c.mode;
      df.push(...c.lines);
    }
    df.push(r.chance(0.9) ? `ENTRYPOINT ${json([dest])}` : `ENTRYPOINT ${dest}`);
    df.push(`CMD ${json(main)}`);
  } else {
    df.push(r.chance(0.75) ? `CMD ${json(main)}` : `CMD ${main.join(' ')}`);
  }
  if (r.chance(0.15)) df.push('STOPSIGNAL SIGTERM');
  return { df, files, modes };
}

function cron(r, name) {
  const base = r.pick(['alpine:3.20', 'alpine:3.21', 'debian:bookworm-slim', 'ubuntu:24.04']);
  const family = base.startsWith('alpine') ? 'alpine' : 'debian';
  const files = {
    'job.sh': '#!/bin/sh\nset -e\necho "running job at $(date)"\n',
  };
  const modes = { 'job.sh': 0o755 };
  const df = [`FROM ${base}`, ...labels(r, name)];
  if (family === 'alpine') df.push(`RUN apk add --no-cache ${r.pick(['curl', 'curl jq', 'postgresql16-client', 'bash curl'])}`);
  else df.push('RUN apt-get update \\', `    && apt-get install -y --no-install-recommends cron ${r.pick(['curl', 'ca-certificates curl', 'postgresql-client'])} \\`, '    && rm -rf /var/lib/apt/lists/*');
  if (r.chance(0.2)) {
    const arch = r.pick(['amd64', 'x86_64']);
    df.push(`ADD https://github.com/aptible/supercronic/releases/download/v0.2.33/supercronic-linux-${arch} /usr/local/bin/supercronic`, 'RUN chmod +x /usr/local/bin/supercronic');
  } else if (r.chance(0.3)) {
    df.push('ARG TARGETARCH', 'RUN wget -q -O /usr/local/bin/supercronic "https://github.com/aptible/supercronic/releases/download/v0.2.33/supercronic-linux-${TARGETARCH}" \\', '    && chmod +x /usr/local/bin/supercronic');
  }
  df.push('COPY job.sh /usr/local/bin/job.sh');
  const crond = family === 'alpine' ? ['crond', '-f', '-l', '2'] : ['cron', '-f'];
  if (r.chance(0.8)) {
    const flags = wrapperFlags(r, family, 'cron');
    files['cron-entrypoint.sh'] = wrapperScript(r, flags);
    const c = copyScript(r, 'cron-entrypoint.sh', '/cron-entrypoint.sh');
    modes['cron-entrypoint.sh'] = c.mode;
    df.push(...c.lines, r.chance(0.9) ? `ENTRYPOINT ${json(['/cron-entrypoint.sh'])}` : 'ENTRYPOINT /cron-entrypoint.sh', `CMD ${json(crond)}`);
  } else {
    df.push(r.chance(0.7) ? `CMD ${json(crond)}` : `CMD ${crond.join(' ')}`);
  }
  return { df, files, modes };
}

const GENERATORS = { node, django, go, nginx, worker, cron };

/** One build context: { files: {rel: content}, modes: {rel: mode}, style }. Pure function of (seed, index). */
export function makeContext(seed, index) {
  const r = prng((seed * 1_000_003 + index * 7919) >>> 0);
  const style = STYLES[index % STYLES.length];
  const name = `${r.pick(['orders', 'billing', 'search', 'users', 'catalog', 'notify', 'reports', 'auth', 'media', 'payments'])}-${style}`;
  const { df, files, modes } = GENERATORS[style](r, name);
  if (r.chance(0.25)) df.unshift(`# ${name}: built by CI, deployed to Kubernetes (amd64 + arm64).`);
  const text = lines(df);
  return { style, files: { Dockerfile: r.chance(0.01) ? text.replace(/\n/g, '\r\n') : text, ...files }, modes };
}

/**
 * Write `count` contexts under `root` (root/00000/Dockerfile …). Returns the Dockerfile paths and
 * a summary (styles, wrapper scripts, lines) for the report.
 */
export function writeCorpus(root, { count, seed }) {
  fs.mkdirSync(root, { recursive: true });
  const dockerfiles = [];
  /** Per Dockerfile: does its start command run a wrapper script from the context? */
  const withWrapper = [];
  const summary = { files: count, seed, styles: {}, wrapperScripts: 0, dockerfileLines: 0, scriptLines: 0, bytes: 0 };
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, String(i).padStart(5, '0'));
    const { style, files, modes } = makeContext(seed, i);
    summary.styles[style] = (summary.styles[style] ?? 0) + 1;
    let wrapped = false;
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(dir, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
      if (modes[rel] !== undefined) fs.chmodSync(abs, modes[rel]);
      // Scripts the start command runs (not cron jobs or /docker-entrypoint.d hooks).
      if (rel.endsWith('.sh') && rel !== 'job.sh' && !rel.startsWith('docker/40-')) {
        summary.wrapperScripts++;
        wrapped = true;
        summary.scriptLines += content.split('\n').length - 1;
      }
      if (rel === 'Dockerfile') {
        summary.dockerfileLines += content.split('\n').length - 1;
        summary.bytes += Buffer.byteLength(content);
      }
    }
    dockerfiles.push(path.join(dir, 'Dockerfile'));
    withWrapper.push(wrapped);
  }
  return { dockerfiles, withWrapper, summary };
}
