// Realistic, correct Dockerfiles (with their wrapper scripts) that must produce no error and
// no warning from any rule: the product is only useful if a well-kept image lints clean.
import { describe, expect, it } from 'vitest';
import { dedent, lint, type ContextFile } from '../../helpers.js';

interface Case {
  name: string;
  dockerfile: string;
  files?: Record<string, ContextFile>;
}

const exe = (content: string): ContextFile => ({ content, mode: 0o755 });

const DJANGO_ENTRYPOINT = dedent(`
  #!/bin/sh
  set -e

  if [ "$1" = "gunicorn" ]; then
    python manage.py migrate --noinput
    python manage.py collectstatic --noinput
  fi

  exec "$@"
`);

const POSTGRES_ENTRYPOINT = dedent(`
  #!/usr/bin/env bash
  set -Eeo pipefail

  # first arg is \`-f\` or \`--some-option\`
  if [ "\${1:0:1}" = '-' ]; then
  	set -- postgres "$@"
  fi

  if [ "$1" = 'postgres' ] && [ "$(id -u)" = '0' ]; then
  	mkdir -p "$PGDATA"
  	chown -R postgres "$PGDATA"
  	chmod 700 "$PGDATA"
  	exec gosu postgres "$BASH_SOURCE" "$@"
  fi

  exec "$@"
`);

const REDIS_ENTRYPOINT = dedent(`
  #!/bin/sh
  set -e

  # first arg is \`-f\` or \`--some-option\`, or a .conf file
  if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
  	set -- redis-server "$@"
  fi

  # allow the container to be started with \`--user\`
  if [ "$1" = 'redis-server' ] && [ "$(id -u)" = '0' ]; then
  	find . \\! -user redis -exec chown redis '{}' +
  	exec su-exec redis "$0" "$@"
  fi

  exec "$@"
`);

const CASES: Case[] = [
  {
    name: 'Node.js API with tini on Alpine',
    dockerfile: dedent(`
      FROM node:22-alpine
      RUN apk add --no-cache tini
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm --version && npm ci --omit=dev
      COPY . .
      USER node
      EXPOSE 3000
      HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "healthcheck.js"]
      ENTRYPOINT ["/sbin/tini", "--"]
      CMD ["node", "server.js"]
    `),
    files: { 'package.json': '{"name":"api","scripts":{"start":"node server.js"}}\n', 'package-lock.json': '{}\n', 'server.js': 'require("http").createServer().listen(3000);\n' },
  },
  {
    name: 'Django + Gunicorn with a docker-entrypoint.sh ending in exec "$@"',
    dockerfile: dedent(`
      FROM python:3.12-slim
      ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
      WORKDIR /app
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
      COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
      RUN useradd --create-home app
      USER app
      EXPOSE 8000
      ENTRYPOINT ["docker-entrypoint.sh"]
      CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
    `),
    files: { 'requirements.txt': 'django\ngunicorn\n', 'docker-entrypoint.sh': exe(DJANGO_ENTRYPOINT) },
  },
  {
    name: 'Celery worker in exec form',
    dockerfile: dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      RUN useradd --create-home worker
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
      USER worker
      CMD ["celery", "-A", "proj", "worker", "--loglevel=INFO", "--concurrency=4"]
    `),
    files: { 'requirements.txt': 'celery\n' },
  },
  {
    name: 'Go binary on scratch, cross-compiled with TARGETARCH',
    dockerfile: dedent(`
      FROM --platform=$BUILDPLATFORM golang:1.23 AS build
      ARG TARGETOS TARGETARCH
      WORKDIR /src
      COPY go.mod go.sum ./
      RUN go mod download
      COPY . .
      RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -o /out/server ./cmd/server

      FROM scratch
      COPY --from=build /out/server /server
      USER 65532:65532
      EXPOSE 8080
      ENTRYPOINT ["/server"]
    `),
    files: { 'go.mod': 'module example.com/server\n', 'go.sum': '' },
  },
  {
    name: 'nginx serving a static build, daemon off; and SIGQUIT',
    dockerfile: dedent(`
      FROM node:22-alpine AS build
      WORKDIR /src
      COPY . .
      RUN npm ci && npm run build
      CMD npm run dev

      FROM nginx:1.27-alpine
      COPY nginx.conf /etc/nginx/conf.d/default.conf
      COPY --from=build /src/dist/ /usr/share/nginx/html/
      STOPSIGNAL SIGQUIT
      CMD ["nginx", "-g", "daemon off;"]
    `),
    files: { 'nginx.conf': 'server { listen 80; root /usr/share/nginx/html; }\n' },
  },
  {
    name: 'official-image-style postgres with gosu on Debian',
    dockerfile: dedent(`
      FROM debian:bookworm-slim
      RUN set -eux; \\
      	groupadd -r postgres --gid=999; \\
      	useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql postgres; \\
      	apt-get update; \\
      	apt-get install -y --no-install-recommends gosu postgresql; \\
      	rm -rf /var/lib/apt/lists/*
      ENV PATH=$PATH:/usr/lib/postgresql/15/bin
      ENV PGDATA=/var/lib/postgresql/data
      COPY docker-entrypoint.sh /usr/local/bin/
      ENTRYPOINT ["docker-entrypoint.sh"]
      STOPSIGNAL SIGINT
      EXPOSE 5432
      CMD ["postgres"]
    `),
    files: { 'docker-entrypoint.sh': exe(POSTGRES_ENTRYPOINT) },
  },
  {
    name: 'official-image-style redis with su-exec on Alpine',
    dockerfile: dedent(`
      FROM alpine:3.20
      RUN addgroup -S -g 1000 redis && adduser -S -G redis -u 999 redis
      RUN apk add --no-cache redis su-exec tzdata
      RUN mkdir /data && chown redis:redis /data
      VOLUME /data
      WORKDIR /data
      COPY docker-entrypoint.sh /usr/local/bin/
      ENTRYPOINT ["docker-entrypoint.sh"]
      EXPOSE 6379
      CMD ["redis-server"]
    `),
    files: { 'docker-entrypoint.sh': exe(REDIS_ENTRYPOINT) },
  },
  {
    name: 'multi-stage Node build whose build stage has a shell-form CMD and a dev server',
    dockerfile: dedent(`
      FROM node:22 AS build
      WORKDIR /src
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
      CMD npm run dev

      FROM node:22-slim
      WORKDIR /app
      ENV NODE_ENV=production
      COPY --from=build /src/dist ./dist
      COPY --from=build /src/node_modules ./node_modules
      USER node
      CMD ["node", "dist/server.js"]
    `),
    files: { 'package.json': '{"name":"web"}\n', 'package-lock.json': '{}\n' },
  },
  {
    name: 'Windows servercore with a powershell SHELL',
    dockerfile: dedent(`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
      WORKDIR C:\\app
      COPY app/ C:/app/
      RUN Write-Host 'installing'; \`
          New-Item -ItemType Directory -Path C:\\logs | Out-Null
      ENTRYPOINT powershell -File C:\\app\\start.ps1
    `),
  },
  {
    name: 'node official-image style CMD with spaces and a relative script argument',
    dockerfile: dedent(`
      FROM node:22-bookworm-slim
      WORKDIR /usr/src/app
      COPY package*.json ./
      RUN npm ci --omit=dev
      COPY . .
      USER node
      CMD [ "node", "current/index.js" ]
    `),
    files: { 'package.json': '{"name":"app"}\n' },
  },
  {
    name: 'httpd with its graceful SIGWINCH',
    dockerfile: dedent(`
      FROM httpd:2.4
      COPY ./public-html/ /usr/local/apache2/htdocs/
      STOPSIGNAL SIGWINCH
      CMD ["httpd-foreground"]
    `),
    files: { 'public-html/index.html': '<h1>hi</h1>\n' },
  },
  {
    name: 'FastAPI on uvicorn with a port from the environment through sh -c exec',
    dockerfile: dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
      ENV PORT=8000
      HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]
      CMD ["sh", "-c", "exec uvicorn app.main:app --host 0.0.0.0 --port \\"$PORT\\""]
    `),
    files: { 'requirements.txt': 'fastapi\nuvicorn\n' },
  },
  {
    name: 'Java service with WORKDIR from a build arg and dumb-init',
    dockerfile: dedent(`
      FROM eclipse-temurin:21-jre
      ARG APP_HOME=/opt/app
      RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*
      WORKDIR $APP_HOME
      COPY build/libs/app.jar app.jar
      ENTRYPOINT ["/usr/bin/dumb-init", "--"]
      CMD ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
    `),
    files: { 'build/libs/app.jar': 'PK\n' },
  },
  {
    name: 'Go service on distroless with a HEALTHCHECK-free exec form and a nonroot user',
    dockerfile: dedent(`
      FROM golang:1.23-bookworm AS build
      WORKDIR /src
      COPY . .
      RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /out/api /usr/local/bin/api
      ENTRYPOINT ["/usr/local/bin/api"]
      CMD ["--listen", ":8080"]
    `),
  },
];

/** The start contracts of docker-library official images (the RUN steps trimmed away). */
const OFFICIAL: Record<string, string> = {
  'docker:dind': 'FROM alpine:3.20\nVOLUME /var/lib/docker\nEXPOSE 2375 2376\nENTRYPOINT ["dockerd-entrypoint.sh"]\nCMD []\n',
  elasticsearch: 'FROM ubuntu:24.04\nWORKDIR /usr/share/elasticsearch\nENTRYPOINT ["/bin/tini", "--", "/usr/local/bin/docker-entrypoint.sh"]\nCMD ["eswrapper"]\nUSER 1000:0\n',
  rabbitmq: 'FROM ubuntu:24.04\nVOLUME $RABBITMQ_DATA_DIR\nENTRYPOINT ["docker-entrypoint.sh"]\nEXPOSE 4369 5671 5672 15691 15692 25672\nCMD ["rabbitmq-server"]\n',
  haproxy: 'FROM debian:bookworm-slim\nSTOPSIGNAL SIGUSR1\nENTRYPOINT ["docker-entrypoint.sh"]\nUSER haproxy\nWORKDIR /var/lib/haproxy\nCMD ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]\n',
  'php:fpm': 'FROM debian:bookworm-slim\nENTRYPOINT ["docker-php-entrypoint"]\nWORKDIR /var/www/html\nSTOPSIGNAL SIGQUIT\nEXPOSE 9000\nCMD ["php-fpm"]\n',
  tomcat: 'FROM eclipse-temurin:21-jdk-jammy\nENV CATALINA_HOME /usr/local/tomcat\nWORKDIR $CATALINA_HOME\nEXPOSE 8080\nCMD ["catalina.sh", "run"]\n',
  ghost: 'FROM node:20-bookworm-slim\nWORKDIR $GHOST_INSTALL\nVOLUME $GHOST_CONTENT\nENTRYPOINT ["docker-entrypoint.sh"]\nEXPOSE 2368\nCMD ["node", "current/index.js"]\n',
  jenkins: 'FROM eclipse-temurin:17-jdk-jammy\nUSER jenkins\nENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/jenkins.sh"]\n',
  'hello-world': 'FROM scratch\nCOPY hello /\nCMD ["/hello"]\n',
  busybox: 'FROM scratch\nADD busybox.tar.xz /\nCMD ["sh"]\n',
  'nginx (official)': 'FROM debian:bookworm-slim\nENTRYPOINT ["/docker-entrypoint.sh"]\nEXPOSE 80\nSTOPSIGNAL SIGQUIT\nCMD ["nginx", "-g", "daemon off;"]\n',
  httpd: 'FROM debian:bookworm-slim\nWORKDIR $HTTPD_PREFIX\nSTOPSIGNAL SIGWINCH\nEXPOSE 80\nCMD ["httpd-foreground"]\n',
  'rabbitmq:management': 'FROM rabbitmq:3.13\nRUN set -eux; rabbitmq-plugins enable --offline rabbitmq_management\nEXPOSE 15671 15672\n',
};

describe('official images\' start contracts produce no error or warning', () => {
  for (const [name, dockerfile] of Object.entries(OFFICIAL)) {
    it(name, () => {
      const noisy = lint(dockerfile).filter((f) => f.severity !== 'info');
      expect(noisy.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
    });
  }
});

describe('good Dockerfiles produce no error or warning from any rule', () => {
  it('has at least 10 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const noisy = lint(c.dockerfile, c.files ?? {}).filter((f) => f.severity !== 'info');
      expect(noisy.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
    });
  }
});
