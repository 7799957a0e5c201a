import { describe, expect, it } from 'vitest';
import { dedent, hits, lint } from '../../helpers.js';
import { POSTGRES_STYLE, REDIS_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-su-sudo';

describe(ID, () => {
  it('fires on exec su app -c, suggesting gosu/setpriv on Debian', () => {
    const h = ruleHits(ID, 'python:3.12-slim', '#!/bin/sh\nset -e\nchown -R app /data\nexec su app -c "gunicorn app:app"\n');
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'warning', file: ENTRY_FILE, line: 4, column: 1 });
    expect(h[0]!.message).toContain('su forks the command');
    expect(h[0]!.fix).toContain('gosu');
  });

  it('fires on exec sudo, suggesting su-exec on Alpine', () => {
    const h = ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\nexec sudo -E -u node node server.js\n');
    expect(h.map((f) => f.line)).toEqual([3]);
    expect(h[0]!.fix).toContain('su-exec');
  });

  it('fires on su -c as the final command without exec (next to wrapper-missing-exec)', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      if [ "$1" = worker ]; then
        exec su -s /bin/sh celery -c "celery -A proj worker"
      fi
      su -s /bin/sh app -c "gunicorn app:app"
    `);
    expect(ruleHits(ID, 'python:3.12-slim', script).map((f) => f.line)).toEqual([4, 6]);
    expect(ruleHits('wrapper-missing-exec', 'python:3.12-slim', script).map((f) => f.line)).toEqual([6]);
  });

  it.each([
    ['exec gosu', '#!/bin/sh\nexec gosu app "$@"\n'],
    ['exec su-exec', '#!/bin/sh\nexec su-exec app "$@"\n'],
    ['exec setpriv', '#!/bin/sh\nexec setpriv --reuid=app --regid=app --init-groups "$@"\n'],
    ['su -c for a set-up step in the middle', '#!/bin/sh\nset -e\nsu app -c "python manage.py migrate"\nexec gosu app "$@"\n'],
    ['sudo in the middle', '#!/bin/sh\nset -e\nsudo chown app /data\nexec gosu app "$@"\n'],
    ['redis style', REDIS_STYLE],
    ['postgres style', POSTGRES_STYLE],
  ])('does not fire on %s', (_name, script) => {
    expect(ruleHits(ID, 'debian:bookworm', script)).toEqual([]);
  });

  describe('judges by what su/sudo really do on the image', () => {
    const WALLABAG = dedent(`
      #!/bin/sh
      provisioner() {
          rm -f -r /var/www/wallabag/var/cache
          su -c "SYMFONY_ENV=prod composer install --no-dev -o --prefer-dist" -s /bin/sh nobody
      }

      if [ "$COMMAND_ARG1" = "import" ]; then
          provisioner
          exec su -c "bin/console wallabag:import:redis-worker --env=prod $COMMAND_ARG2 -vv" -s /bin/sh nobody
      fi

      exec "$@"
    `);

    it('wallabag/docker root/entrypoint.sh on alpine: BusyBox su -c with one simple command ends with the worker as PID 1', () => {
      expect(ruleHits(ID, 'alpine:3.22', WALLABAG, ['wallabag'])).toEqual([]);
      // Near miss: a command string of two commands leaves a shell as PID 1.
      const two = WALLABAG.replace('exec su -c "bin/console', 'exec su -c "cd /var/www/wallabag && bin/console');
      expect(ruleHits(ID, 'alpine:3.22', two, ['wallabag']).map((f) => f.line)).toEqual([9]);
      // Near miss: the same script on Debian, where su forks and stays the parent.
      expect(ruleHits(ID, 'debian:bookworm', WALLABAG, ['wallabag']).map((f) => f.line)).toEqual([9]);
    });

    it('alpine with shadow installed has a forking su', () => {
      const files = { 'docker-entrypoint.sh': { content: WALLABAG, mode: 0o755 } };
      const dockerfile = (run: string) => `FROM alpine:3.22\n${run}\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["wallabag"]\n`;
      expect(hits(lint(dockerfile('RUN apk add --no-cache shadow'), files), ID).map((f) => f.line)).toEqual([9]);
      expect(hits(lint(dockerfile('RUN apk add --no-cache curl'), files), ID)).toEqual([]);
    });

    it('hashicorp/docker-vault ubi/docker-entrypoint.sh: `exec su vault -p "$0" -- "$@"` (su without -c) keeps su as the parent', () => {
      const script = dedent(`
        #!/bin/sh
        set -e
        if [[ "$(id -u)" == '0' ]]
        then
            export SKIP_CHOWN="true"
            export SKIP_SETCAP="true"
            exec su vault -p "$0" -- "$@"
        else
            exec "$@"
        fi
      `);
      const h = ruleHits(ID, 'registry.access.redhat.com/ubi8/ubi-minimal:8.6', script, ['server', '-dev']);
      expect(h.map((f) => [f.line, f.severity])).toEqual([[7, 'warning']]);
      expect(h[0]!.message).toContain("su runs the user's shell as its child");
      expect(ruleHits(ID, 'debian:bookworm', '#!/bin/sh\nexec su - "$@"\n').map((f) => f.line)).toEqual([2]);
      // Near miss: the same re-exec with a tool that execs.
      expect(ruleHits(ID, 'registry.access.redhat.com/ubi8/ubi-minimal:8.6', script.replace('su vault -p "$0" --', 'setpriv --reuid=vault --regid=vault --init-groups "$0"'), ['server', '-dev'])).toEqual([]);
    });

    it('jupyter/docker-stacks start.sh: `exec sudo` under `tini -g` (the init signals the process group) is info', () => {
      const script = dedent(`
        #!/bin/bash
        set -e
        if [ "$(id -u)" == 0 ] ; then
            if [ "\${NB_USER}" = "root" ]; then
                HOME="/home/root" exec "\${cmd[@]}"
            else
                exec sudo --preserve-env --set-home --user "\${NB_USER}" \\
                    PATH="\${PATH}" \\
                    "\${cmd[@]}"
            fi
        fi
        exec "$@"
      `);
      const files = { 'start.sh': { content: script, mode: 0o755 } };
      const under = (entrypoint: string[]) =>
        hits(lint(`FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y tini sudo\nCOPY start.sh /usr/local/bin/\nENTRYPOINT ${JSON.stringify(entrypoint)}\nCMD ["jupyter", "lab"]\n`, files), ID);
      expect(under(['tini', '-g', '--', 'start.sh']).map((f) => [f.line, f.severity])).toEqual([[7, 'info']]);
      // Near miss: plain tini signals the shell's replacement (sudo) only.
      expect(under(['tini', '--', 'start.sh']).map((f) => [f.line, f.severity])).toEqual([[7, 'warning']]);
    });
  });

  describe('su or sudo written in the start command itself', () => {
    const inDockerfile = (dockerfile: string) => lint(dedent(dockerfile));

    it('a Java service started as `ENTRYPOINT ["sudo","-u",…,"java",…]` (a real Dockerfile): sudo stays PID 1', () => {
      const f = inDockerfile(`
        FROM debian:bookworm
        RUN apt-get update && apt-get install -y sudo openjdk-17-jre-headless
        COPY ./target/RENFEI.NET.jar /opt/RenFeiNet/
        ENTRYPOINT ["sudo","-u","renfei","java","-jar","/opt/RenFeiNet/RENFEI.NET.jar"]
      `);
      expect(hits(f, ID).map((h) => [h.line, h.severity])).toEqual([[4, 'warning']]);
      expect(hits(f, ID)[0]!.message).toContain('starts `sudo -u renfei`: sudo forks the command and stays PID 1');
      // Near miss: the same drop with USER.
      expect(hits(inDockerfile(`
        FROM debian:bookworm
        COPY ./target/RENFEI.NET.jar /opt/RenFeiNet/
        USER renfei
        ENTRYPOINT ["java","-jar","/opt/RenFeiNet/RENFEI.NET.jar"]
      `), ID)).toEqual([]);
    });

    it('util-linux su with the user before -c (`su -s /bin/bash makiatto -c "exec …"`, a real CMD): su forks, its shell is not reported as a wrapper', () => {
      const f = inDockerfile(`
        FROM debian:bookworm-slim
        COPY makiatto /usr/local/bin/makiatto
        CMD ["su", "-s", "/bin/bash", "makiatto", "-c", "exec /usr/local/bin/makiatto --only axum,dns,corrosion"]
      `);
      expect(hits(f, ID).map((h) => h.line)).toEqual([3]);
      expect(hits(f, ID)[0]!.message).toContain('su forks the command');
      expect(hits(f, 'shell-wrapper-in-exec-form')).toEqual([]);
    });

    it('BusyBox su with one simple -c command on Alpine (a real CMD): the program ends up PID 1, no finding; with shadow installed it forks', () => {
      const cmd = 'CMD ["su", "-s", "/bin/sh", "-c", "./ict_docker_agent", "omnisight"]';
      const f = inDockerfile(`
        FROM alpine:3.19
        WORKDIR /root/
        COPY --from=builder /app/ict_docker_agent .
        ${cmd}
      `);
      expect(hits(f, ID)).toEqual([]);
      expect(hits(f, 'shell-wrapper-in-exec-form')).toEqual([]);
      expect(hits(inDockerfile(`
        FROM alpine:3.19
        RUN apk add --no-cache shadow
        COPY --from=builder /app/ict_docker_agent .
        ${cmd}
      `), ID).map((h) => h.line)).toEqual([4]);
    });

    it('`ENTRYPOINT ["sudo", "sh", "/entrypoint.sh"]` is reported at the ENTRYPOINT; under `tini -g` it is info', () => {
      const files = { 'entrypoint.sh': { content: '#!/bin/sh\nset -e\nexec python app.py\n', mode: 0o755 } };
      const f = lint('FROM python:3.12-slim\nCOPY ./entrypoint.sh /\nENTRYPOINT ["sudo", "sh", "/entrypoint.sh"]\n', files);
      expect(hits(f, ID).map((h) => [h.line, h.severity])).toEqual([[3, 'warning']]);
      const g = lint('FROM python:3.12-slim\nCOPY ./entrypoint.sh /\nENTRYPOINT ["tini", "-g", "--", "sudo", "sh", "/entrypoint.sh"]\n', files);
      expect(hits(g, ID).map((h) => [h.line, h.severity])).toEqual([[3, 'info']]);
    });
  });
});
