import { describe, expect, it } from 'vitest';
import { ungracefulSignal } from '../../../src/rules/start/ungraceful-stopsignal.js';
import { lintDockerfile } from '../../../src/lint.js';
import type { Finding } from '../../../src/findings.js';
import { dedent, hits, lint, makeContext } from '../../helpers.js';
import { expectNone, expectOne } from './expect-hits.js';

describe('duplicate-start-instruction', () => {
  it('points at the earlier, ineffective CMD', () => {
    const f = expectOne(lint(dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      CMD ["python", "manage.py", "runserver"]
      COPY . .
      CMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]
    `)), 'duplicate-start-instruction', 3, 'warning');
    expect(f.message).toContain('line 5');
  });

  it('reports every earlier ENTRYPOINT of a stage in the chain, not only the final stage', () => {
    const findings = lint(dedent(`
      FROM node:22-slim AS base
      ENTRYPOINT ["node"]
      ENTRYPOINT ["/usr/bin/tini", "--"]
      ENTRYPOINT ["docker-entrypoint.sh"]
      FROM base
      CMD ["node", "server.js"]
    `));
    expect(hits(findings, 'duplicate-start-instruction').map((f) => f.line)).toEqual([2, 3]);
  });

  it('does not fire for one ENTRYPOINT + one CMD, one per stage, or duplicates in a build stage', () => {
    expectNone(lint('FROM node:22-slim\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n'), 'duplicate-start-instruction');
    expectNone(lint('FROM node:22-slim AS base\nCMD ["node"]\nFROM base\nCMD ["node", "server.js"]\n'), 'duplicate-start-instruction');
    expectNone(lint(dedent(`
      FROM golang:1.23 AS build
      CMD ["go", "test"]
      CMD ["go", "build"]
      FROM scratch
      COPY --from=build /go/bin/app /app
      ENTRYPOINT ["/app"]
    `)), 'duplicate-start-instruction');
  });
});

/** The one ungraceful-stopsignal finding, in `file` at `line`. */
function expectOneIn(findings: Finding[], file: string, line: number): Finding {
  const found = hits(findings, 'ungraceful-stopsignal');
  expect(found.map((f) => `${f.file}:${f.line}`)).toEqual([`${file}:${line}`]);
  return found[0]!;
}

describe('ungraceful-stopsignal', () => {
  it('fires as an error for SIGKILL', () => {
    const f = expectOne(lint('FROM node:22-alpine\nSTOPSIGNAL SIGKILL\nCMD ["node", "server.js"]\n'), 'ungraceful-stopsignal', 2, 'error');
    expect(f.message).toMatch(/cannot catch|no process can catch/);
  });

  it('fires for an inherited STOPSIGNAL 19 at its own line', () => {
    const findings = lint('FROM debian:bookworm-slim AS base\nSTOPSIGNAL 19\nFROM base\nCMD ["/app/server"]\n');
    const f = expectOne(findings, 'ungraceful-stopsignal', 2);
    expect(f.message).toContain('SIGSTOP');
  });

  it('never fires for the deliberate signals of real images, or an overridden one', () => {
    for (const sig of ['SIGQUIT', 'SIGINT', 'SIGWINCH', 'SIGUSR1', 'SIGTERM', '15', 'SIGRTMIN+3']) {
      expectNone(lint(`FROM nginx:1.27\nSTOPSIGNAL ${sig}\n`), 'ungraceful-stopsignal');
    }
    expectNone(lint('FROM debian:bookworm-slim AS base\nSTOPSIGNAL SIGKILL\nFROM base\nSTOPSIGNAL SIGTERM\nCMD ["/app/server"]\n'), 'ungraceful-stopsignal');
  });

  it('is info in a development image (wekan .devcontainer/Dockerfile), an error in the production one beside it', () => {
    const dockerfile = 'FROM ubuntu:24.04\nUSER wekan\nENV PORT=3000\nSTOPSIGNAL SIGKILL\nWORKDIR /home/wekan/app\nCMD ["node", "main.js"]\n';
    const run = (file: string) => lintDockerfile({ dockerfile: file, cwd: makeContext({ [file]: dockerfile }) }).findings;
    const dev = expectOneIn(run('.devcontainer/Dockerfile'), '.devcontainer/Dockerfile', 4);
    expect(dev.severity).toBe('info');
    expect(dev.message).toContain('Low impact here: it sits in a `.devcontainer/` folder of its own');
    expectOne(run('Dockerfile'), 'ungraceful-stopsignal', 4, 'error');
  });

  it('normalises names, numbers and case', () => {
    expect(['SIGKILL', 'kill', 'Sigkill', '9'].map(ungracefulSignal)).toEqual(['SIGKILL', 'SIGKILL', 'SIGKILL', 'SIGKILL']);
    expect(['SIGSTOP', 'stop', '19'].map(ungracefulSignal)).toEqual(['SIGSTOP', 'SIGSTOP', 'SIGSTOP']);
    expect(['SIGQUIT', '3', 'SIGKILLX', '90'].map(ungracefulSignal)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

const ENTRYPOINT_SH = '#!/bin/sh\nset -e\n\nif [ "$1" = "gunicorn" ]; then\n  python manage.py migrate --noinput\nfi\n\nexec "$@"\n';

describe('entrypoint-resets-cmd', () => {
  it('fires when an ENTRYPOINT in the final stage resets the base stage CMD', () => {
    const f = expectOne(lint(dedent(`
      FROM python:3.12-slim AS base
      WORKDIR /app
      COPY . .
      CMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]

      FROM base AS prod
      ENTRYPOINT ["/usr/bin/tini", "--"]
    `)), 'entrypoint-resets-cmd', 7, 'warning');
    expect(f.message).toContain('line 4');
    expect(f.fix).toContain('CMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]');
  });

  it('fires for `tini --` with nothing after it', () => {
    const f = expectOne(lint('FROM node:22-slim\nWORKDIR /app\nENTRYPOINT ["/usr/bin/tini", "--"]\n'), 'entrypoint-resets-cmd', 3);
    expect(f.message).toMatch(/no program to run/);
  });

  it('fires for a COPYed wrapper ending in exec "$@" with no CMD', () => {
    const findings = lint(dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      COPY . .
      COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
      ENTRYPOINT ["docker-entrypoint.sh"]
    `), { 'docker-entrypoint.sh': { content: ENTRYPOINT_SH, mode: 0o755 } });
    const f = expectOne(findings, 'entrypoint-resets-cmd', 5);
    expect(f.message).toContain('/usr/local/bin/docker-entrypoint.sh');
    expect(f.message).toMatch(/execs nothing/);
  });

  it('does not fire with a CMD after the ENTRYPOINT, a CMD earlier in the same stage, or a full program as ENTRYPOINT', () => {
    expectNone(lint(dedent(`
      FROM python:3.12-slim AS base
      CMD ["gunicorn", "mysite.wsgi"]
      FROM base
      ENTRYPOINT ["/usr/bin/tini", "--"]
      CMD ["gunicorn", "mysite.wsgi"]
    `)), 'entrypoint-resets-cmd');
    expectNone(lint('FROM debian:bookworm-slim\nCMD ["serve"]\nENTRYPOINT ["/usr/bin/tini", "--", "/app/server"]\n'), 'entrypoint-resets-cmd');
    expectNone(lint(dedent(`
      FROM node:22 AS dev
      CMD ["npm", "run", "dev"]
      FROM dev AS prod
      ENTRYPOINT ["node", "dist/server.js"]
    `)), 'entrypoint-resets-cmd');
  });

  it('does not fire for a wrapper that supplies a default command', () => {
    const script = '#!/bin/sh\nset -e\nif [ "$#" -eq 0 ]; then\n  set -- gunicorn mysite.wsgi\nfi\nexec "$@"\n';
    const findings = lint(dedent(`
      FROM python:3.12-slim
      COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
      ENTRYPOINT ["docker-entrypoint.sh"]
    `), { 'docker-entrypoint.sh': { content: script, mode: 0o755 } });
    expectNone(findings, 'entrypoint-resets-cmd');
  });

  it('does not fire for a wrapper that execs its own program with optional extra arguments', () => {
    const script = '#!/bin/sh\nset -e\nexec /usr/local/bin/server --config /etc/server.yml "$@"\n';
    const findings = lint(dedent(`
      FROM debian:bookworm-slim
      COPY --chmod=755 run.sh /usr/local/bin/run.sh
      ENTRYPOINT ["run.sh"]
    `), { 'run.sh': { content: script, mode: 0o755 } });
    expectNone(findings, 'entrypoint-resets-cmd');
  });

  it('is info when every Compose service that builds the image passes its own command (bookwyrm: one image, a role per service); a warning when one does not', () => {
    const dockerfile = dedent(`
      FROM python:3.11-slim
      WORKDIR /app
      COPY entrypoint.sh /entrypoint.sh
      COPY . /app
      ENTRYPOINT ["/entrypoint.sh"]
    `);
    const script = '#!/bin/bash\nset -e\nif [ "$1" = "gunicorn" ]; then\n  python manage.py migrate\nfi\nexec "$@"\n';
    const compose = (workerCommand: string) =>
      dedent(`
        services:
          web:
            build: .
            command: gunicorn bookwyrm.wsgi:application
          celery_worker:
            build: .
        ${workerCommand}
      `);
    const files = (c: string) => ({ 'entrypoint.sh': { content: script, mode: 0o755 }, 'docker-compose.yml': c });
    const given = expectOne(lint(dockerfile, files(compose('    command: celery -A celerywyrm worker'))), 'entrypoint-resets-cmd', 5, 'info');
    expect(given.message).toContain('Low impact here: every deployment of the image passes its own command (Compose service `web`, Compose service `celery_worker`)');
    expectOne(lint(dockerfile, files(compose(''))), 'entrypoint-resets-cmd', 5, 'warning');
  });

  it('reads Compose files Compose does not load by default (testdrivenio/django-on-docker: docker-compose.prod.yml builds app/Dockerfile.prod with its command)', () => {
    const prod = (command: string) =>
      lintDockerfile({
        dockerfile: 'app/Dockerfile.prod',
        context: 'app',
        cwd: makeContext({
          'app/Dockerfile.prod': 'FROM python:3.11.4-slim-buster\nWORKDIR /home/app/web\nCOPY ./entrypoint.prod.sh .\nCOPY . .\nENTRYPOINT ["/home/app/web/entrypoint.prod.sh"]\n',
          'app/entrypoint.prod.sh': { content: '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec "$@"\n', mode: 0o755 },
          'docker-compose.prod.yml': `services:\n  web:\n    build:\n      context: ./app\n      dockerfile: Dockerfile.prod\n${command}    expose:\n      - 8000\n`,
        }),
      }).findings;
    const f = hits(prod('    command: gunicorn hello_django.wsgi:application --bind 0.0.0.0:8000\n'), 'entrypoint-resets-cmd');
    expect(f.map((x) => [x.file, x.line, x.severity])).toEqual([['app/Dockerfile.prod', 5, 'info']]);
    expect(hits(prod(''), 'entrypoint-resets-cmd').map((x) => x.severity)).toEqual(['warning']);
  });

  it('fires for a wrapper ending in exec gosu app "$@" with no CMD', () => {
    const script = '#!/bin/sh\nset -e\nchown -R app /data\nexec gosu app "$@"\n';
    const findings = lint(dedent(`
      FROM python:3.12-slim
      COPY --chmod=755 entrypoint.sh /entrypoint.sh
      ENTRYPOINT ["/entrypoint.sh"]
    `), { 'entrypoint.sh': { content: script, mode: 0o755 } });
    expectOne(findings, 'entrypoint-resets-cmd', 3);
  });
});
