// Wrapper rules judged by what runs (the path-sensitive flow and the program table), on
// excerpts of real files (repositories named), each with a near miss.
import { describe, expect, it } from 'vitest';
import { hits, lint } from '../../helpers.js';

const exe = (content: string) => ({ content, mode: 0o755 });
const rules = (f: ReturnType<typeof lint>, id: string) => hits(f, id).filter((x) => x.severity !== 'info').map((x) => `${x.file}:${x.line}`);

describe('wrapper-missing-exec reads the server the script holds on, not its last line', () => {
  // sagrityanin/my_diplom, captcha/entrypoint.sh: gunicorn in the foreground, then an echo.
  const CAPTCHA = '#!/bin/bash\ncd /app\npython3 wait_for_redis.py\ngunicorn --bind 0.0.0.0:8000 wsgi_app:app\necho "App started"\n';
  it('fires at gunicorn (followed only by an echo), and wrapper-no-errexit does not call the server a set-up step', () => {
    const f = lint('FROM python:3.11-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', { 'entrypoint.sh': exe(CAPTCHA) });
    expect(rules(f, 'wrapper-missing-exec')).toEqual(['entrypoint.sh:4']);
    expect(hits(f, 'wrapper-no-errexit').map((x) => x.message).join()).not.toContain('gunicorn');
  });

  it('near miss: a migration followed by an echo is a step, and the exec after it hands over', () => {
    const src = '#!/bin/sh\nset -e\npython manage.py migrate\necho "migrated"\nexec gunicorn app.wsgi\n';
    const f = lint('FROM python:3.11-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', { 'entrypoint.sh': exe(src) });
    expect(rules(f, 'wrapper-missing-exec')).toEqual([]);
  });

  it('a mode switch: migrate only runs on the web path, which execs gunicorn, so it is never the main process', () => {
    const src = '#!/bin/sh\nset -e\nif [ "$ROLE" = "web" ]; then\n  python manage.py migrate\nfi\nif [ "$ROLE" = "web" ]; then\n  exec gunicorn app.wsgi\nelif [ "$ROLE" = "worker" ]; then\n  exec celery -A app worker\nfi\n';
    const f = lint('FROM python:3.11-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', { 'entrypoint.sh': exe(src) });
    expect(rules(f, 'wrapper-missing-exec')).toEqual([]);
  });
});

describe('entrypoint-resets-cmd asks what runs with no arguments', () => {
  // authelia/authelia entrypoint.sh: runs the server itself when given no arguments.
  const AUTHELIA = '#!/bin/sh\nif [ -n "$1" ]; then\n  exec "$@"\nelse\n  exec su-exec "$PUID:$PGID" authelia\nfi\n';
  it('stays quiet for a wrapper that starts its own program without arguments', () => {
    const f = lint('FROM alpine:3.20\nRUN apk add --no-cache su-exec\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\n', { 'entrypoint.sh': exe(AUTHELIA) });
    expect(hits(f, 'entrypoint-resets-cmd')).toEqual([]);
  });

  it('near miss: a wrapper that only execs "$@" has nothing to run', () => {
    const f = lint('FROM node:22-slim\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\n', { 'entrypoint.sh': exe('#!/bin/sh\nset -e\nnode migrate.js\nexec "$@"\n') });
    expect(hits(f, 'entrypoint-resets-cmd').map((x) => x.severity)).toEqual(['warning']);
  });
});

describe('package-manager-as-pid1 through a wrapper', () => {
  it('fires at the wrapper line that execs npm run start:prod', () => {
    const f = lint('FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', {
      'entrypoint.sh': exe('#!/bin/sh\nset -e\nnpx prisma migrate deploy\nexec npm run start:prod\n'),
    });
    expect(rules(f, 'package-manager-as-pid1')).toEqual(['entrypoint.sh:4']);
  });

  it('near miss: the wrapper execs node', () => {
    const f = lint('FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', {
      'entrypoint.sh': exe('#!/bin/sh\nset -e\nnpx prisma migrate deploy\nexec node dist/main.js\n'),
    });
    expect(rules(f, 'package-manager-as-pid1')).toEqual([]);
  });
});

describe('wrapper-no-errexit', () => {
  // confluentinc/kafka-images kafka/include/etc/confluent/docker/run: errexit comes from a sourced file of the base image.
  it('stays quiet after sourcing a file it cannot read (the base image\'s bash-config sets errexit)', () => {
    const run = '#!/usr/bin/env bash\n. /etc/confluent/docker/bash-config\necho "===> Configuring ..."\n/etc/confluent/docker/configure\nexec /etc/confluent/docker/launch\n';
    const f = lint('FROM confluentinc/cp-base-new:7.6.0\nCOPY run /etc/confluent/docker/run\nCMD ["/etc/confluent/docker/run"]\n', { run: exe(run) });
    expect(hits(f, 'wrapper-no-errexit')).toEqual([]);
  });

  it('near miss: the same script without the sourced file fires at its first step', () => {
    const run = '#!/usr/bin/env bash\necho "===> Configuring ..."\n/etc/confluent/docker/configure\nexec /etc/confluent/docker/launch\n';
    const f = lint('FROM confluentinc/cp-base-new:7.6.0\nCOPY run /etc/confluent/docker/run\nCMD ["/etc/confluent/docker/run"]\n', { run: exe(run) });
    expect(rules(f, 'wrapper-no-errexit')).toEqual(['run:3']);
  });

  it('`$?` shown in a message is not handling failures', () => {
    const src = '#!/bin/sh\nuntil pg_isready -h db; do echo "waiting: $?"; sleep 1; done\npython manage.py migrate\nexec gunicorn app.wsgi\n';
    const f = lint('FROM python:3.11-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', { 'entrypoint.sh': exe(src) });
    expect(rules(f, 'wrapper-no-errexit')).toEqual(['entrypoint.sh:3']);
  });
});

describe('background servers under a waiting shell', () => {
  const TWO = (tail: string) => `#!/bin/bash\nnginx -g 'daemon off;' &\ngunicorn app.wsgi --bind 0.0.0.0:8000 &\n${tail}`;
  it('fires when the shell waits with `wait -n`, then kills and exits (no TERM trap)', () => {
    const f = lint('FROM python:3.11-slim\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n', { 'start.sh': exe(TWO('wait -n\nkill 0\nexit 1\n')) });
    expect(rules(f, 'wrapper-missing-exec')).toEqual(['start.sh:2']);
  });

  it('near miss: the script traps TERM and forwards it to its jobs', () => {
    const f = lint('FROM python:3.11-slim\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n', { 'start.sh': exe(TWO('trap "kill -TERM 0" TERM\nwait -n\nkill 0\nexit 1\n')) });
    expect(rules(f, 'wrapper-missing-exec')).toEqual([]);
  });
});

describe('missing-interpreter: a shebang into the Nix store', () => {
  it('fires on #!/nix/store/…/bin/bash in a Debian-based image (the path exists only where Nix built it)', () => {
    const f = lint('FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["gunicorn", "app.wsgi"]\n', {
      'entrypoint.sh': exe('#!/nix/store/q1bv5x0n7bbpfj5c4rpvrfgxz8w1xsk0-bash-5.2-p15/bin/bash\nset -e\nexec "$@"\n'),
    });
    expect(rules(f, 'missing-interpreter')).toEqual(['entrypoint.sh:1']);
    expect(hits(f, 'missing-interpreter')[0]!.fix).toContain('#!/usr/bin/env bash');
  });

  it('near miss: #!/usr/bin/env bash on the same image', () => {
    const f = lint('FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["gunicorn", "app.wsgi"]\n', { 'entrypoint.sh': exe('#!/usr/bin/env bash\nset -e\nexec "$@"\n') });
    expect(rules(f, 'missing-interpreter')).toEqual([]);
  });
});

describe('a daemon under an endless loop', () => {
  const WATCH = (loop: string) => `#!/bin/sh\nset -e\nnginx\n${loop}`;
  it('fires at nginx (it forks) when an endless inotifywait loop keeps the shell as PID 1', () => {
    const f = lint('FROM nginx:1.27\nRUN apt-get update && apt-get install -y inotify-tools\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n', {
      'start.sh': exe(WATCH('while inotifywait -e modify /etc/nginx/conf.d; do\n  nginx -s reload\ndone\n')),
    });
    expect(rules(f, 'wrapper-missing-exec')).toEqual(['start.sh:3']);
  });

  it('near miss: nginx in the foreground with exec after a one-off config step', () => {
    const f = lint('FROM nginx:1.27\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n', { 'start.sh': exe("#!/bin/sh\nset -e\nenvsubst < /t > /etc/nginx/conf.d/default.conf\nexec nginx -g 'daemon off;'\n") });
    expect(rules(f, 'wrapper-missing-exec')).toEqual([]);
  });
});
