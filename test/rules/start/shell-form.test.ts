import { describe, expect, it } from 'vitest';
import { dedent, lint } from '../../helpers.js';
import { expectNone, expectOne } from './expect-hits.js';

describe('shell-form-entrypoint', () => {
  it('fires on a Debian-based image and says dash stays PID 1 and arguments are dropped', () => {
    const f = expectOne(lint(dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      COPY . .
      ENTRYPOINT gunicorn mysite.wsgi --bind 0.0.0.0:8000
    `)), 'shell-form-entrypoint', 4, 'error');
    expect(f.message).toMatch(/CMD and `docker run/);
    expect(f.message).toMatch(/dash stays PID 1 and never forwards SIGTERM/);
    expect(f.message).toContain('python:3.12-slim');
    expect(f.fix).toContain('ENTRYPOINT ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]');
  });

  it('on Alpine with no CMD is a warning: BusyBox ash execs the simple command (the app is PID 1), but `docker run <image> --flag` never reaches it', () => {
    const f = expectOne(lint('FROM node:22-alpine\nWORKDIR /app\nENTRYPOINT node server.js\n'), 'shell-form-entrypoint', 3, 'warning');
    expect(f.message).toMatch(/arguments are silently dropped/);
    expect(f.message).toMatch(/BusyBox ash execs this simple command, so the app is PID 1/);
    expect(f.message).not.toMatch(/dash/);
  });

  it('on Alpine the shell execs a start script, which is PID 1, not the app (openreplay ee/connectors Dockerfile_pg: `ENTRYPOINT ./entrypoint.sh`, python without exec in it)', () => {
    const findings = lint('FROM python:3.13-alpine\nWORKDIR /usr/src/app\nCOPY . .\nENTRYPOINT ./entrypoint.sh\n', { 'entrypoint.sh': { content: '#!/bin/sh\necho "[INFO] Service start"\npython -u consumer_pool.py\n', mode: 0o755 } });
    const f = expectOne(findings, 'shell-form-entrypoint', 4, 'warning');
    expect(f.message).toContain('BusyBox ash execs this simple command, so `./entrypoint.sh` is PID 1');
    expect(f.message).not.toContain('the app is PID 1');
    expect(findings.filter((x) => x.rule === 'wrapper-missing-exec').map((x) => `${x.file}:${x.line}`)).toEqual(['entrypoint.sh:3']);
    // Near miss: a program, not a script: the app itself is PID 1.
    expect(expectOne(lint('FROM python:3.13-alpine\nWORKDIR /usr/src/app\nCOPY . .\nENTRYPOINT python -u consumer_pool.py\n'), 'shell-form-entrypoint', 4, 'warning').message).toContain('so the app is PID 1');
  });

  it('on Alpine stays an error when a CMD is written for it (the CMD never arrives)', () => {
    const findings = lint('FROM node:22-alpine\nWORKDIR /app\nENTRYPOINT ./docker-entrypoint.sh\nCMD npm start\n');
    expectOne(findings, 'shell-form-entrypoint', 3, 'error');
    expectOne(findings, 'cmd-ignored', 4, 'warning');
  });

  it('fires for an ENTRYPOINT inherited from the stage the final one is built FROM, at its line', () => {
    const findings = lint(dedent(`
      FROM node:22-bookworm-slim AS base
      WORKDIR /app
      ENTRYPOINT node server.js

      FROM base
      COPY . .
    `));
    expectOne(findings, 'shell-form-entrypoint', 3);
  });

  it('with a leading exec and no CMD is a warning: java replaces dash and is PID 1, but run arguments are dropped', () => {
    const f = expectOne(lint('FROM eclipse-temurin:21-jre\nWORKDIR /app\nENTRYPOINT exec java -jar app.jar\n'), 'shell-form-entrypoint', 3, 'warning');
    expect(f.message).toMatch(/leading `exec`/);
    expect(f.fix).toContain('["java", "-jar", "app.jar"]');
  });

  it('suggests a script when the command needs the shell', () => {
    const f = expectOne(lint('FROM debian:bookworm-slim\nENTRYPOINT /app/migrate && /app/server --port $PORT\n'), 'shell-form-entrypoint', 2);
    expect(f.fix).toMatch(/exec "\$@"/);
  });

  it('does not fire for exec form, a build stage, a malformed JSON array, or Windows', () => {
    expectNone(lint('FROM node:22-alpine\nENTRYPOINT [ "node", "server.js" ]\n'), 'shell-form-entrypoint');
    expectNone(lint(dedent(`
      FROM golang:1.23 AS build
      ENTRYPOINT go run ./cmd/server
      FROM gcr.io/distroless/static-debian12
      COPY --from=build /out/server /server
      ENTRYPOINT ["/server"]
    `)), 'shell-form-entrypoint');
    expectNone(lint("FROM node:22-alpine\nENTRYPOINT ['node', 'server.js']\n"), 'shell-form-entrypoint');
    expectNone(lint('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENTRYPOINT powershell -File C:\\app\\start.ps1\n'), 'shell-form-entrypoint');
  });
});

describe('shell-form-cmd', () => {
  // ChatGPTNextWeb/NextChat's runner stage (trimmed): BusyBox ash execs the last command of the branch it takes.
  const nextChat = (from: string) => dedent(`
    FROM ${from}
    WORKDIR /app
    COPY . .
    CMD if [ -n "$PROXY_URL" ]; then \\
        export HOSTNAME="0.0.0.0"; \\
        host=$(echo $PROXY_URL | cut -d/ -f3 | cut -d: -f1); \\
        echo "strict_chain" > /etc/proxychains.conf; \\
        proxychains -f /etc/proxychains.conf node server.js; \\
        else \\
        node server.js; \\
        fi
  `);

  it('on Alpine an if/else CMD whose branches end in a simple command is info: ash execs it, the app is PID 1 (ChatGPTNextWeb/NextChat)', () => {
    const f = expectOne(lint(nextChat('node:18-alpine')), 'shell-form-cmd', 4, 'info');
    expect(f.message).toMatch(/BusyBox ash execs this last command/);
    expect(f.message).not.toMatch(/stays PID 1 here/);
  });

  it('keeps the warning for the same CMD on Debian (dash forks it) and on Alpine when a branch ends in a pipeline', () => {
    expectOne(lint(nextChat('node:18-bookworm-slim')), 'shell-form-cmd', 4, 'warning');
    const piped = 'FROM node:18-alpine\nWORKDIR /app\nCMD if [ -n "$DEBUG" ]; then node server.js | tee /tmp/log; else node server.js; fi\n';
    expect(expectOne(lint(piped), 'shell-form-cmd', 3, 'warning').message).toMatch(/BusyBox ash stays PID 1 here/);
  });

  it('stays silent on a CMD that only prints and returns (Imagick/ImagickDemos base image), fires when a program follows the message', () => {
    expectNone(lint('FROM debian:11-slim\nRUN apt-get update\nCMD echo "The PHP Imagick base image has been run."\n'), 'shell-form-cmd');
    expectNone(lint('FROM debian:11-slim\nCMD printf "base image\\n" && exit 0\n'), 'shell-form-cmd');
    expectOne(lint('FROM debian:11-slim\nCMD echo "starting" && php -S 0.0.0.0:80\n'), 'shell-form-cmd', 2, 'warning');
    expectOne(lint('FROM debian:11-slim\nCMD echo "$(cat /etc/motd)" && sleep infinity\n'), 'shell-form-cmd', 2, 'warning');
  });

  it('fires as a warning on a Debian-based image: dash stays PID 1', () => {
    const f = expectOne(lint('FROM node:22-bookworm-slim\nWORKDIR /app\nCMD node server.js\n'), 'shell-form-cmd', 3, 'warning');
    expect(f.message).toMatch(/dash stays PID 1/);
    expect(f.fix).toContain('CMD ["node", "server.js"]');
  });

  it('on Alpine is info: BusyBox ash execs the last simple command, so the worker is PID 1 (with its caveat)', () => {
    const f = expectOne(lint('FROM python:3.12-alpine\nWORKDIR /app\nCMD celery -A proj worker\n'), 'shell-form-cmd', 3, 'info');
    expect(f.message).toMatch(/BusyBox ash execs this last command, so the app is PID 1 here/);
    expect(f.message).toMatch(/moves to Debian's dash/);
  });

  it('is info for a `cmd && app` tail on ash or bash, a warning on dash (measured: dash never execs)', () => {
    const tail = 'CMD python manage.py migrate && gunicorn app.wsgi\n';
    expectOne(lint(`FROM python:3.12-alpine\n${tail}`), 'shell-form-cmd', 2, 'info');
    expectOne(lint(`FROM python:3.12-slim\nSHELL ["/bin/bash", "-c"]\n${tail}`), 'shell-form-cmd', 3, 'info');
    expectOne(lint(`FROM python:3.12-slim\n${tail}`), 'shell-form-cmd', 2, 'warning');
    // bash keeps itself around for a redirected last command.
    expectOne(lint(`FROM python:3.12-slim\nSHELL ["/bin/bash", "-c"]\nCMD gunicorn app.wsgi >>/var/log/app.log\n`), 'shell-form-cmd', 3, 'warning');
  });

  it('schickling/dockerfiles redis-commander: `CMD bash -c …` on debian:bullseye stays a warning (dash stays PID 1)', () => {
    expectOne(lint("FROM debian:bullseye\nCMD bash -c 'redis-commander --redis-host $REDIS_PORT_6379_TCP_ADDR'\n"), 'shell-form-cmd', 2, 'warning');
  });

  it('uses the SHELL in effect (bash) and says when it stays PID 1', () => {
    const f = expectOne(lint(dedent(`
      FROM node:22-alpine
      RUN apk add --no-cache bash
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      CMD node server.js | tee /var/log/app.log
    `)), 'shell-form-cmd', 4);
    expect(f.message).toContain('/bin/bash -o pipefail -c');
    expect(f.message).toMatch(/bash stays PID 1/);
  });

  it('fires for a shell-form CMD that starts with a [ … ] test', () => {
    expectOne(lint('FROM debian:bookworm-slim\nCMD [ -f /etc/app.conf ] && /usr/local/bin/app\n'), 'shell-form-cmd', 2);
  });

  it('does not fire when the command execs, traps SIGTERM, follows an ENTRYPOINT, or is exec form', () => {
    expectNone(lint('FROM python:3.12-slim\nCMD python manage.py migrate && exec gunicorn mysite.wsgi\n'), 'shell-form-cmd');
    expectNone(lint('FROM debian:bookworm-slim\nCMD exec /usr/local/bin/server\n'), 'shell-form-cmd');
    expectNone(lint(`FROM debian:bookworm-slim\nCMD trap 'kill -TERM $pid' TERM; /app/server & pid=$!; wait $pid\n`), 'shell-form-cmd');
    expectNone(lint('FROM debian:bookworm-slim\nENTRYPOINT ["/entrypoint.sh"]\nCMD server --port 80\n'), 'shell-form-cmd');
    expectNone(lint('FROM node:22-alpine\nCMD [ "node", "server.js" ]\n'), 'shell-form-cmd');
  });

  it('ignores a shell-form CMD in a build stage', () => {
    const findings = lint(dedent(`
      FROM node:22 AS build
      WORKDIR /src
      CMD npm run dev
      FROM node:22-slim
      WORKDIR /app
      COPY --from=build /src/dist ./dist
      CMD ["node", "dist/server.js"]
    `));
    expectNone(findings, 'shell-form-cmd');
  });
});

describe('shell-form-cmd-after-entrypoint', () => {
  it('fires at the CMD when the ENTRYPOINT is exec form', () => {
    const f = expectOne(lint(dedent(`
      FROM python:3.12-slim
      COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/
      ENTRYPOINT ["docker-entrypoint.sh"]
      CMD gunicorn mysite.wsgi --bind 0.0.0.0:8000
    `), { 'docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n' }), 'shell-form-cmd-after-entrypoint', 4, 'error');
    expect(f.message).toContain('/bin/sh -c "gunicorn mysite.wsgi --bind 0.0.0.0:8000"');
    expect(f.fix).toContain('CMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]');
  });

  it('fires when the CMD is inherited from an earlier stage in the same chain', () => {
    const findings = lint(dedent(`
      FROM node:22-slim AS base
      ENTRYPOINT ["/usr/bin/tini", "--"]
      CMD node server.js
      FROM base
      WORKDIR /app
    `));
    expectOne(findings, 'shell-form-cmd-after-entrypoint', 3);
  });

  // langfuse/langfuse web/Dockerfile (trimmed): the entrypoint execs "$@", i.e. `/bin/sh -c "if …; fi"`, and ash execs the node of the branch it takes.
  const langfuse = (from: string) => [dedent(`
    FROM ${from}
    WORKDIR /app
    COPY --chmod=755 ./web/entrypoint.sh ./web/entrypoint.sh
    ENTRYPOINT ["dumb-init", "--", "./web/entrypoint.sh"]
    CMD if [ -n "$NEXT_PUBLIC_LANGFUSE_CLOUD_REGION" ]; then \\
        node --import dd-trace/initialize.mjs ./web/server.js --keepAliveTimeout 110000; \\
        else \\
        node ./web/server.js --keepAliveTimeout 110000; \\
        fi
  `), { 'web/entrypoint.sh': '#!/bin/sh\nprisma migrate deploy --schema=./schema.prisma\nexec "$@"\n' }] as const;

  it('does not fire on Alpine when the wrapper execs `/bin/sh -c "if …; fi"` and ash execs the branch\'s program (langfuse/langfuse)', () => {
    expectNone(lint(...langfuse('node:24-alpine')), 'shell-form-cmd-after-entrypoint');
  });

  it('still fires for the same CMD on a Debian base, where dash stays between the wrapper and node (langfuse/langfuse near miss)', () => {
    expectOne(lint(...langfuse('node:24-bookworm-slim')), 'shell-form-cmd-after-entrypoint', 5);
  });

  // payara/Payara server-web Dockerfile (trimmed): tini runs the shell-form CMD, which needs the shell for ${SCRIPT_DIR}.
  const payara = (from: string, init: string) => [
    `FROM ${from}\nENV SCRIPT_DIR=/opt/payara/scripts\nRUN apt-get update && apt-get install -y tini\nCOPY --chmod=755 entrypoint.sh /opt/payara/scripts/entrypoint.sh\nENTRYPOINT [${init}]\nCMD "\${SCRIPT_DIR}/entrypoint.sh"\n`,
    { 'entrypoint.sh': '#!/bin/bash\nexec java -jar /opt/payara/payara.jar\n' },
  ] as const;

  it('payara/Payara: behind `tini --` the shell is tini\'s child, so the message says tini signals the shell only', () => {
    const f = expectOne(lint(...payara('eclipse-temurin:21-jre', '"tini", "--"')), 'shell-form-cmd-after-entrypoint', 6, 'error');
    expect(f.message).toContain('`tini` runs it under `/bin/sh -c`');
    expect(f.message).toContain('`tini` delivers SIGTERM to the shell only');
    expect(f.message).not.toContain('instead of the command\'s words');
    expect(f.fix).toContain('`CMD exec "${SCRIPT_DIR}/entrypoint.sh"`');
  });

  it('payara/Payara near miss: a CMD in exec form is not reported; behind `tini -g` the shell dies of the group\'s SIGTERM and tini exits with it', () => {
    expectNone(lint(payara('eclipse-temurin:21-jre', '"tini", "--"')[0].replace('CMD "${SCRIPT_DIR}/entrypoint.sh"', 'CMD ["/opt/payara/scripts/entrypoint.sh"]'), payara('eclipse-temurin:21-jre', '"tini", "--"')[1]), 'shell-form-cmd-after-entrypoint');
    const g = expectOne(lint(...payara('eclipse-temurin:21-jre', '"tini", "-g", "--"')), 'shell-form-cmd-after-entrypoint', 6, 'error');
    expect(g.message).toContain('when `tini` signals the whole process group the shell dies of SIGTERM at once, `tini` exits with it');
  });

  it('does not fire for exec-form pairs, an empty ENTRYPOINT, or a shell-form ENTRYPOINT', () => {
    expectNone(lint('FROM node:22-slim\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n'), 'shell-form-cmd-after-entrypoint');
    expectNone(lint('FROM node:22-slim\nENTRYPOINT []\nCMD node server.js\n'), 'shell-form-cmd-after-entrypoint');
    expectNone(lint('FROM node:22-slim\nENTRYPOINT node server.js\nCMD --port 3000\n'), 'shell-form-cmd-after-entrypoint');
  });
});

describe('cmd-ignored', () => {
  it('points at the CMD that a shell-form ENTRYPOINT ignores', () => {
    const f = expectOne(lint('FROM node:22-alpine\nWORKDIR /app\nENTRYPOINT node server.js\nCMD ["--port", "3000"]\n'), 'cmd-ignored', 4, 'warning');
    expect(f.message).toContain('line 3');
    expect(f.fix).toContain('ENTRYPOINT ["node", "server.js"]');
  });

  it('fires for a CMD inherited through FROM <stage>', () => {
    const findings = lint(dedent(`
      FROM python:3.12-slim AS base
      CMD ["--workers", "2"]
      FROM base
      ENTRYPOINT gunicorn mysite.wsgi
      CMD ["--workers", "4"]
    `));
    expectOne(findings, 'cmd-ignored', 5);
  });

  it('does not fire without a CMD, with exec form, or when the ENTRYPOINT reset the inherited CMD', () => {
    expectNone(lint('FROM node:22-alpine\nENTRYPOINT node server.js\n'), 'cmd-ignored');
    expectNone(lint('FROM node:22-alpine\nENTRYPOINT ["node", "server.js"]\nCMD ["--port", "3000"]\n'), 'cmd-ignored');
    expectNone(lint('FROM node:22-alpine AS base\nCMD ["node"]\nFROM base\nENTRYPOINT node server.js\n'), 'cmd-ignored');
  });
});
