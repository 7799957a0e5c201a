import { describe, expect, it } from 'vitest';
import { devServer } from '../../../src/rules/start/dev-server-as-start.js';
import { packageManagerRun } from '../../../src/rules/start/package-manager-as-pid1.js';
import { dedent, lint } from '../../helpers.js';
import { expectNone, expectOne } from './expect-hits.js';

describe('package-manager-as-pid1', () => {
  it('fires for CMD ["npm", "start"] behind tini', () => {
    const f = expectOne(lint(dedent(`
      FROM node:22-alpine
      RUN apk add --no-cache tini
      WORKDIR /app
      COPY . .
      ENTRYPOINT ["/sbin/tini", "--"]
      CMD ["npm", "start"]
    `)), 'package-manager-as-pid1', 6, 'warning');
    expect(f.message).toContain('`npm start`');
  });

  it("fires for the node image's docker-entrypoint.sh + CMD npm start (the entrypoint execs \"$@\")", () => {
    expectOne(lint('FROM node:22\nWORKDIR /usr/src/app\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["npm", "start"]\n'), 'package-manager-as-pid1', 4);
  });

  it('fires for yarn in shell form and for the last command of an sh -c script', () => {
    expectOne(lint('FROM node:22-alpine\nWORKDIR /app\nCMD yarn start\n'), 'package-manager-as-pid1', 3);
    expectOne(lint('FROM node:22-alpine\nWORKDIR /app\nCMD ["sh", "-c", "npm run migrate && exec npm run serve"]\n'), 'package-manager-as-pid1', 3);
  });

  it('fires through a gosu privilege drop', () => {
    const findings = lint(dedent(`
      FROM node:22-bookworm-slim
      WORKDIR /app
      ENTRYPOINT ["gosu", "node", "pnpm", "run", "api"]
    `));
    expectOne(findings, 'package-manager-as-pid1', 3);
  });

  it('looks through a wrapper script from the build context that ends in exec gosu node "$@"', () => {
    const script = '#!/bin/sh\nset -e\nchown -R node /app/data\nexec gosu node "$@"\n';
    const findings = lint(dedent(`
      FROM node:22-bookworm-slim
      WORKDIR /app
      COPY --chmod=755 entrypoint.sh /usr/local/bin/entrypoint.sh
      ENTRYPOINT ["entrypoint.sh"]
      CMD ["yarn", "start"]
    `), { 'entrypoint.sh': { content: script, mode: 0o755 } });
    expectOne(findings, 'package-manager-as-pid1', 5);
  });

  it('does not look through a wrapper that runs its own program with the arguments', () => {
    const script = '#!/bin/sh\nset -e\nexec node /app/cli.js "$@"\n';
    const findings = lint(dedent(`
      FROM node:22-bookworm-slim
      WORKDIR /app
      COPY --chmod=755 entrypoint.sh /usr/local/bin/entrypoint.sh
      ENTRYPOINT ["entrypoint.sh"]
      CMD ["npm", "start"]
    `), { 'entrypoint.sh': { content: script, mode: 0o755 } });
    expectNone(findings, 'package-manager-as-pid1');
  });

  it('does not fire for npm in a RUN, for node as the start command, or when the ENTRYPOINT is a real program', () => {
    expectNone(lint('FROM node:22-alpine\nRUN npm --version && npm ci\nCMD ["node", "server.js"]\n'), 'package-manager-as-pid1');
    expectNone(lint('FROM node:22-alpine\nENTRYPOINT ["/usr/local/bin/my-cli"]\nCMD ["npm", "start"]\n'), 'package-manager-as-pid1');
    expectNone(lint('FROM node:22-alpine\nCMD ["sh", "-c", "npm run migrate && exec node server.js"]\n'), 'package-manager-as-pid1');
  });

  it('knows which package-manager words run scripts', () => {
    expect(packageManagerRun(['npm', 'start'])).toBe('npm');
    expect(packageManagerRun(['npm', '--prefix', '/app', 'run', 'serve'])).toBe('npm');
    expect(packageManagerRun(['yarn', 'dev'])).toBe('yarn');
    expect(packageManagerRun(['npx', 'next', 'start'])).toBe('npx');
    expect(packageManagerRun(['corepack', 'pnpm', 'start'])).toBe('pnpm');
    expect(packageManagerRun(['npm', '--version'])).toBeUndefined();
    expect(packageManagerRun(['npm', 'ci'])).toBeUndefined();
    expect(packageManagerRun(['yarn', 'install'])).toBeUndefined();
    expect(packageManagerRun(['node', 'server.js'])).toBeUndefined();
  });
});

describe('dev-server-as-start', () => {
  it('fires for manage.py runserver', () => {
    const f = expectOne(lint('FROM python:3.12-slim\nWORKDIR /app\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n'), 'dev-server-as-start', 3, 'warning');
    expect(f.message).toMatch(/Django's development server/);
    expect(f.fix).toContain('gunicorn');
  });

  it('fires for flask run in shell form, uvicorn --reload behind an entrypoint, and nodemon via npx', () => {
    expectOne(lint('FROM python:3.12-slim\nWORKDIR /app\nCMD flask run --host=0.0.0.0\n'), 'dev-server-as-start', 3);
    expectOne(lint(dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      ENTRYPOINT ["docker-entrypoint.sh"]
      CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--reload"]
    `)), 'dev-server-as-start', 4);
    expectOne(lint('FROM node:22-alpine\nWORKDIR /app\nCMD ["npx", "nodemon", "server.js"]\n'), 'dev-server-as-start', 3);
  });

  it('fires for npm run dev (npm in front of a dev script is info: the dev server is the finding)', () => {
    const findings = lint('FROM node:22-alpine\nWORKDIR /app\nCMD ["npm", "run", "dev"]\n');
    expectOne(findings, 'dev-server-as-start', 3);
    expectOne(findings, 'package-manager-as-pid1', 3, 'info');
  });

  it('does not fire for production servers, or a dev server in a build stage', () => {
    expectNone(lint('FROM python:3.12-slim\nCMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]\n'), 'dev-server-as-start');
    expectNone(lint('FROM python:3.12-slim\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n'), 'dev-server-as-start');
    expectNone(lint(dedent(`
      FROM node:22 AS dev
      CMD ["npm", "run", "dev"]
      FROM node:22-slim
      CMD ["node", "dist/server.js"]
    `)), 'dev-server-as-start');
  });

  it('recognises the common development servers by their words', () => {
    expect(devServer(['python3', '-m', 'flask', 'run'])).toBeDefined();
    expect(devServer(['./manage.py', 'runserver'])).toBeDefined();
    expect(devServer(['gunicorn', '--reload', 'app:app'])).toBeDefined();
    expect(devServer(['pnpm', 'dev'])).toBeDefined();
    expect(devServer(['next', 'dev'])).toBeDefined();
    expect(devServer(['next', 'start'])).toBeUndefined();
    expect(devServer(['python', 'manage.py', 'migrate'])).toBeUndefined();
    expect(devServer(['npm', 'start'])).toBeUndefined();
  });

  it('is info for a job that runs to its end (npx playwright test, npm test), a warning for a server (npx next start)', () => {
    // Trimmed from dani-garcia/vaultwarden playwright/compose/playwright/Dockerfile.
    const job = expectOne(lint(dedent(`
      FROM node:22-bookworm
      WORKDIR /code
      ENTRYPOINT ["/usr/bin/npx", "playwright"]
      CMD ["test"]
    `)), 'package-manager-as-pid1', 3, 'info');
    expect(job.message).toContain('runs a job to its end');
    expectOne(lint('FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["npm", "test"]\n'), 'package-manager-as-pid1', 4, 'info');
    expectOne(lint('FROM node:22-bookworm\nWORKDIR /code\nENTRYPOINT ["/usr/bin/npx", "next"]\nCMD ["start"]\n'), 'package-manager-as-pid1', 3, 'warning');
  });
});

describe('relative-entrypoint', () => {
  it('fires for ./start.sh without any WORKDIR in the chain', () => {
    const f = expectOne(lint(dedent(`
      FROM debian:bookworm-slim
      COPY --chmod=755 start.sh /start.sh
      ENTRYPOINT ["./start.sh"]
    `), { 'start.sh': '#!/bin/sh\nset -e\nexec /usr/local/bin/server\n' }), 'relative-entrypoint', 3, 'warning');
    expect(f.message).toContain('`./start.sh`');
    expect(f.fix).toContain('WORKDIR');
  });

  it('fires for bin/server behind tini and in a shell-form CMD', () => {
    expectOne(lint('FROM alpine:3.20\nENTRYPOINT ["/sbin/tini", "--", "bin/server"]\n'), 'relative-entrypoint', 2);
    expectOne(lint('FROM alpine:3.20\nCMD bin/server --port 80\n'), 'relative-entrypoint', 2);
  });

  it('does not fire with a WORKDIR anywhere in the chain (also a variable), for bare names, or for relative arguments', () => {
    expectNone(lint('FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nENTRYPOINT ["./start.sh"]\n'), 'relative-entrypoint');
    expectNone(lint('FROM eclipse-temurin:21-jre\nARG APP_HOME=/opt/app\nWORKDIR ${APP_HOME}\nENTRYPOINT ["bin/start"]\n'), 'relative-entrypoint');
    expectNone(lint('FROM node:22-slim\nCMD ["gunicorn", "app:app"]\n'), 'relative-entrypoint');
    expectNone(lint('FROM node:22-slim\nCMD [ "node", "current/index.js" ]\n'), 'relative-entrypoint');
  });

  it('does not fire when a COPY to a relative destination put the file there (it follows the same working directory)', () => {
    // Trimmed from thomseddon/traefik-forward-auth's Dockerfile: a Go binary on scratch.
    const go = dedent(`
      FROM golang:1.20-alpine as builder
      WORKDIR /go/src/app
      RUN go build -o /traefik-forward-auth ./cmd
      FROM scratch
      COPY --from=builder /traefik-forward-auth ./
      ENTRYPOINT ["./traefik-forward-auth"]
    `);
    expectNone(lint(go), 'relative-entrypoint');
    expectNone(lint('FROM debian:bookworm-slim\nCOPY --chmod=755 start.sh ./start.sh\nENTRYPOINT ["./start.sh"]\n', { 'start.sh': '#!/bin/sh\nexec /usr/local/bin/server\n' }), 'relative-entrypoint');
    // Near miss: copied to an absolute path, it is found only while the working directory is `/`.
    expectOne(lint(go.replace('COPY --from=builder /traefik-forward-auth ./', 'COPY --from=builder /traefik-forward-auth /traefik-forward-auth')), 'relative-entrypoint', 6, 'warning');
  });

  it('ignores a WORKDIR-less build stage whose start command does not reach the final image', () => {
    expectNone(lint(dedent(`
      FROM golang:1.23 AS build
      CMD ["./bin/test"]
      FROM gcr.io/distroless/static-debian12
      COPY --from=build /go/bin/app /app
      ENTRYPOINT ["/app"]
    `)), 'relative-entrypoint');
  });
});

describe('missing-start-command', () => {
  it('fires as info on a plain OS base with no ENTRYPOINT or CMD, at the final FROM', () => {
    const f = expectOne(lint(dedent(`
      FROM golang:1.23 AS build
      RUN go build -o /out/server ./cmd/server
      CMD ["/out/server"]

      FROM debian:bookworm-slim
      COPY --from=build /out/server /usr/local/bin/server
    `)), 'missing-start-command', 5, 'info');
    expect(f.message).toContain('debian:bookworm-slim');
  });

  it('fires on scratch and says docker run fails', () => {
    const f = expectOne(lint('FROM scratch\nCOPY server /server\n'), 'missing-start-command', 1);
    expect(f.message).toMatch(/no command specified/);
  });

  it('does not fire for application images, inherited start commands or a set one', () => {
    expectNone(lint('FROM nginx:1.27\nCOPY dist/ /usr/share/nginx/html/\n'), 'missing-start-command');
    expectNone(lint('FROM rabbitmq:3-management\nCOPY rabbitmq.conf /etc/rabbitmq/\n'), 'missing-start-command');
    expectNone(lint('FROM node:22-alpine\nCOPY . .\n'), 'missing-start-command');
    expectNone(lint('FROM alpine:3.20 AS base\nCMD ["/app/worker"]\nFROM base\nRUN true\n'), 'missing-start-command');
    expectNone(lint('FROM alpine:3.20\nENTRYPOINT ["/usr/local/bin/app"]\n'), 'missing-start-command');
    expectNone(lint('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/\n'), 'missing-start-command');
  });
});
