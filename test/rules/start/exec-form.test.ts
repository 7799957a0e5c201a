import { describe, expect, it } from 'vitest';
import { diagnoseJson, repairJson } from '../../../src/rules/start/malformed-exec-form.js';
import { dedent, hits, lint } from '../../helpers.js';
import { expectNone, expectOne } from './expect-hits.js';

describe('malformed-exec-form', () => {
  it('explains single quotes and shows the shell fallback and the repaired instruction', () => {
    const f = expectOne(lint("FROM node:22-alpine\nWORKDIR /app\nCMD ['node', 'server.js']\n"), 'malformed-exec-form', 3, 'error');
    expect(f.message).toMatch(/single quotes are not JSON/);
    expect(f.message).toContain(`/bin/sh -c "['node', 'server.js']"`);
    expect(f.message).toContain('`[node,: not found`');
    expect(f.fix).toContain('CMD ["node", "server.js"]');
  });

  it('explains a trailing comma in a HEALTHCHECK and says the container turns unhealthy', () => {
    const f = expectOne(lint(dedent(`
      FROM node:22-alpine
      HEALTHCHECK --interval=30s CMD ["wget", "-qO-", "http://localhost:3000/health",]
      CMD ["node", "server.js"]
    `)), 'malformed-exec-form', 2);
    expect(f.message).toMatch(/trailing comma/);
    expect(f.message).toMatch(/unhealthy/);
    expect(f.fix).toContain('["wget", "-qO-", "http://localhost:3000/health"]');
  });

  it('explains a bad backslash escape in an ENTRYPOINT', () => {
    const f = expectOne(lint('FROM debian:bookworm-slim\nENTRYPOINT ["/app/run", "--match", "a\\.b"]\n'), 'malformed-exec-form', 2);
    expect(f.message).toContain('`\\.` is not a valid JSON escape');
    expect(f.fix).toContain('"a\\\\.b"');
  });

  it('reports a malformed SHELL in any stage as a build failure', () => {
    const findings = lint(dedent(`
      FROM debian:bookworm-slim AS build
      SHELL ['/bin/bash', '-o', 'pipefail', '-c']
      RUN echo hi | cat
      FROM gcr.io/distroless/static-debian12
      COPY --from=build /etc/hostname /x
      ENTRYPOINT ["/server"]
    `));
    const f = expectOne(findings, 'malformed-exec-form', 2);
    expect(f.message).toMatch(/SHELL requires the arguments to be in JSON form/);
  });

  it('diagnoses the usual mistakes precisely', () => {
    expect(diagnoseJson('["node" "server.js"]')).toMatch(/not separated by commas/);
    expect(diagnoseJson('["node", "server.js"')).toMatch(/not closed/);
    expect(diagnoseJson('[node, server.js]')).toMatch(/double-quoted string/);
    expect(diagnoseJson('["sleep", 10]')).toBe('element `10` is not a string');
    expect(diagnoseJson('[“node”, “server.js”]')).toMatch(/typographic quotes/);
    expect(repairJson("['a', 'b',]")).toEqual(['a', 'b']);
    expect(repairJson('[node]')).toBeUndefined();
  });

  it('does not fire for valid JSON with spaces and continuations, shell form, or stages that do not reach the final image', () => {
    expectNone(lint('FROM node:22-alpine\nCMD [ "node", \\\n  "server.js" ]\n'), 'malformed-exec-form');
    expectNone(lint('FROM node:22-alpine\nCMD node server.js\n'), 'malformed-exec-form');
    expectNone(lint('FROM debian:bookworm-slim\nCMD [ -f /etc/app.conf ] && exec /usr/local/bin/app\n'), 'malformed-exec-form');
    expectNone(lint('FROM debian:bookworm-slim\nCMD [ "$MODE" = worker ] && exec /app/worker || exec /app/web\n'), 'malformed-exec-form');
    expectNone(lint(dedent(`
      FROM node:22 AS test
      CMD ['npm', 'test']
      FROM node:22-slim
      CMD ["node", "server.js"]
    `)), 'malformed-exec-form');
  });
});

describe('unexpanded-variable', () => {
  it('fires for $VAR in an exec-form CMD and suggests sh -c with exec', () => {
    const f = expectOne(lint(dedent(`
      FROM node:22-alpine
      WORKDIR /app
      ENV PORT=3000
      CMD ["node", "server.js", "--port", "$PORT"]
    `)), 'unexpanded-variable', 4, 'warning');
    expect(f.message).toContain('`$PORT`');
    expect(f.fix).toContain('["/bin/sh", "-c", "exec node server.js --port \\"$PORT\\""]');
  });

  it('fires for ${VAR} in an ENTRYPOINT and in a HEALTHCHECK', () => {
    const findings = lint(dedent(`
      FROM python:3.12-slim
      ENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:\${PORT}", "mysite.wsgi"]
      HEALTHCHECK CMD ["curl", "-f", "http://localhost:$PORT/health"]
    `));
    expect(hits(findings, 'unexpanded-variable').map((f) => f.line)).toEqual([2, 3]);
    expect(hits(findings, 'unexpanded-variable')[1]!.fix).toContain('HEALTHCHECK CMD curl -f "http://localhost:$PORT/health"');
  });

  it('says to read the variable in the program on an image without a shell', () => {
    const f = expectOne(lint('FROM scratch\nCOPY server /server\nENTRYPOINT ["/server", "--listen", ":$PORT"]\n'), 'unexpanded-variable', 3);
    expect(f.fix).toMatch(/no shell/);
  });

  it('does not fire for $$, escaped dollars, sh -c scripts, interpreter code or variable-free args', () => {
    expectNone(lint('FROM alpine:3.20\nCMD ["/app/server", "--price", "$$5", "--tpl", "\\\\$HOME"]\n'), 'unexpanded-variable');
    expectNone(lint('FROM node:22-alpine\nCMD ["sh", "-c", "exec node server.js --port $PORT"]\n'), 'unexpanded-variable');
    expectNone(lint('FROM php:8.3-cli\nCMD ["php", "-r", "$x = 1; echo $x;"]\n'), 'unexpanded-variable');
    expectNone(lint('FROM alpine:3.20\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["exec /app/server --port $PORT"]\n'), 'unexpanded-variable');
    expectNone(lint('FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n'), 'unexpanded-variable');
  });

  it('ignores a shell-form HEALTHCHECK, HEALTHCHECK NONE, and build stages', () => {
    expectNone(lint('FROM node:22-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:$PORT/ || exit 1\nCMD ["node", "server.js"]\n'), 'unexpanded-variable');
    expectNone(lint(dedent(`
      FROM node:22-alpine AS base
      HEALTHCHECK CMD ["curl", "http://localhost:$PORT"]
      CMD ["node", "$APP"]
      FROM base
      HEALTHCHECK NONE
      CMD ["node", "server.js"]
    `)), 'unexpanded-variable');
  });
});

describe('shell-operator-in-exec-form', () => {
  it('fires when && is a whole exec-form argument and suggests sh -c with exec', () => {
    const f = expectOne(lint(dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      CMD ["python", "manage.py", "migrate", "&&", "gunicorn", "mysite.wsgi"]
    `)), 'shell-operator-in-exec-form', 3, 'error');
    expect(f.message).toContain('`&&`');
    expect(f.fix).toContain('"python manage.py migrate && exec gunicorn mysite.wsgi"');
  });

  it('fires for a redirection in an ENTRYPOINT and a pipe in a HEALTHCHECK', () => {
    const findings = lint(dedent(`
      FROM debian:bookworm-slim
      ENTRYPOINT ["/usr/local/bin/server", ">", "/var/log/server.log"]
      HEALTHCHECK CMD ["curl", "-fsS", "http://localhost/", "|", "grep", "ok"]
    `));
    expect(hits(findings, 'shell-operator-in-exec-form').map((f) => f.line)).toEqual([2, 3]);
    expect(hits(findings, 'shell-operator-in-exec-form')[0]!.message).toMatch(/redirected/);
  });

  it('counts whole arguments only and knows find -exec … ;', () => {
    expectNone(lint('FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n'), 'shell-operator-in-exec-form');
    expectNone(lint('FROM node:22-alpine\nCMD ["sh", "-c", "npm run migrate && exec node server.js"]\n'), 'shell-operator-in-exec-form');
    expectNone(lint('FROM alpine:3.20\nHEALTHCHECK CMD ["find", "/tmp/healthy", "-mmin", "-1", "-exec", "true", "{}", ";"]\nCMD ["/app/worker"]\n'), 'shell-operator-in-exec-form');
  });

  // bugsink/bugsink: monofy runs the `&&` steps in order, then the `|||` processes side by side, and substitutes $PORT itself.
  const monofy = dedent(`
    FROM python:3.12-slim
    RUN pip install monofy gunicorn
    ENV PORT=8000
    CMD [ "monofy", "bugsink-manage", "check", "--deploy", "&&", "bugsink-manage", "migrate", "&&", "gunicorn", "--bind=0.0.0.0:$PORT", "bugsink.wsgi", "|||", "bugsink-runsnappea"]
  `);

  it('knows a process manager that reads && itself (bugsink/bugsink: monofy)', () => {
    expectNone(lint(monofy), 'shell-operator-in-exec-form');
    // An operator monofy does not read (`>`) is still a literal argument.
    expectOne(lint(monofy.replace('"|||", "bugsink-runsnappea"', '">", "/var/log/app.log"')), 'shell-operator-in-exec-form', 4);
    // Without monofy in front, `&&` is a literal argument of the first program.
    expectOne(lint(monofy.replace('"monofy", ', '')), 'shell-operator-in-exec-form', 4);
  });

  it('knows that monofy substitutes $VAR in its arguments itself (bugsink/bugsink), unlike the exec form', () => {
    expectNone(lint(monofy), 'unexpanded-variable');
    expectOne(lint('FROM python:3.12-slim\nENV PORT=8000\nCMD ["gunicorn", "--bind=0.0.0.0:$PORT", "bugsink.wsgi"]\n'), 'unexpanded-variable', 3);
  });
});

describe('shell-wrapper-in-exec-form', () => {
  it('fires for sh -c without exec on Debian and names dash', () => {
    const f = expectOne(lint(dedent(`
      FROM node:22-bookworm-slim
      WORKDIR /app
      CMD ["sh", "-c", "node scripts/migrate.js && node server.js"]
    `)), 'shell-wrapper-in-exec-form', 3, 'warning');
    expect(f.message).toMatch(/dash stays PID 1 and never forwards SIGTERM to `node`/);
    expect(f.fix).toContain('exec node server.js');
  });

  it('is info for a single simple command on Alpine (ash execs it) and suggests dropping the shell', () => {
    const f = expectOne(lint('FROM python:3.12-alpine\nCMD ["/bin/sh", "-c", "celery -A proj worker --loglevel=INFO"]\n'), 'shell-wrapper-in-exec-form', 2, 'info');
    expect(f.message).toMatch(/BusyBox ash execs this last command/);
    expect(f.fix).toContain('CMD ["celery", "-A", "proj", "worker", "--loglevel=INFO"]');
  });

  it('finds the shell behind tini, env and flags like -ec, at the instruction holding the script', () => {
    const findings = lint(dedent(`
      FROM python:3.12-slim
      ENTRYPOINT ["/usr/bin/tini", "--"]
      CMD ["/usr/bin/env", "bash", "-ec", "python manage.py migrate; gunicorn mysite.wsgi >>/var/log/app.log"]
    `));
    expectOne(findings, 'shell-wrapper-in-exec-form', 3, 'warning');
    // Without the redirection bash 5 execs gunicorn: info.
    const execd = lint('FROM python:3.12-slim\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["/usr/bin/env", "bash", "-ec", "python manage.py migrate; gunicorn mysite.wsgi"]\n');
    expectOne(execd, 'shell-wrapper-in-exec-form', 3, 'info');
  });

  it('does not fire when the script execs its last command, traps SIGTERM, or is only a HEALTHCHECK', () => {
    expectNone(lint('FROM python:3.12-slim\nCMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:$PORT mysite.wsgi"]\n'), 'shell-wrapper-in-exec-form');
    expectNone(lint('FROM python:3.12-slim\nCMD ["sh", "-c", "set -e; python manage.py migrate; exec gunicorn mysite.wsgi"]\n'), 'shell-wrapper-in-exec-form');
    expectNone(lint(`FROM debian:bookworm-slim\nCMD ["bash", "-c", "trap 'kill -TERM $child' TERM; /app/server & child=$!; wait $child"]\n`), 'shell-wrapper-in-exec-form');
    expectNone(lint('FROM node:22-slim\nHEALTHCHECK CMD ["sh", "-c", "curl -f http://localhost:3000/ || exit 1"]\nCMD ["node", "server.js"]\n'), 'shell-wrapper-in-exec-form');
  });

  it('does not treat CMD as a command when the ENTRYPOINT is a program of its own', () => {
    expectNone(lint('FROM debian:bookworm-slim\nENTRYPOINT ["/usr/local/bin/runner"]\nCMD ["sh", "-c", "echo hi"]\n'), 'shell-wrapper-in-exec-form');
  });

  it('looks through sh -c \'…; exec "$@"\' -- to the program it execs', () => {
    const findings = lint(dedent(`
      FROM node:22-bookworm-slim
      CMD ["sh", "-c", "node migrate.js; exec \\"$@\\"", "--", "sh", "-c", "node server.js"]
    `));
    expectOne(findings, 'shell-wrapper-in-exec-form', 2);
  });
});
