import { describe, expect, it } from 'vitest';
import { dedent } from '../../helpers.js';
import { DJANGO, NGINX_STYLE, NODE_STYLE, POSTGRES_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-no-errexit';

describe(ID, () => {
  it('fires at the first set-up step of a Django entrypoint without set -e', () => {
    const h = ruleHits(ID, 'python:3.12-slim', DJANGO.replace('set -e\n', ''));
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'warning', file: ENTRY_FILE, line: 3, column: 1 });
    expect(h[0]!.message).toContain('`python manage.py migrate --noinput`');
    expect(h[0]!.fix).toContain('set -e');
  });

  it('fires when set -e only comes after the first step, naming its line', () => {
    const h = ruleHits(ID, 'python:3.12-slim', '#!/bin/sh\nchown -R app /data\npip install -r /data/requirements.txt\nset -e\nexec gosu app "$@"\n');
    // It points at the first unprotected step (where set -e must come before) and names the one that matters.
    expect(h.map((f) => f.line)).toEqual([2]);
    expect(h[0]!.message).toContain('(and `pip install -r /data/requirements.txt` on line 3) runs before `set -e` (line 4)');
  });

  it('skips steps on a branch that ends in exit (snipe-it startup.sh: key:generate --show, then exit); blames the step that leads to the app', () => {
    const script = (after: string) =>
      dedent(`
        #!/bin/bash
        if [ -z "$APP_KEY" -a -z "$APP_KEY_FILE" ]
        then
          echo "Please re-run this container with an environment variable \$APP_KEY"
          /var/www/html/artisan key:generate --show
        ${after}
        fi
        php artisan migrate --force
        exec supervisord -c /supervisord.conf
      `);
    const exits = ruleHits(ID, 'ubuntu:24.04', script('  exit'), ['supervisord']);
    expect(exits.map((f) => f.line)).toEqual([8]);
    expect(exits[0]!.message).toContain('`php artisan migrate --force` runs without `set -e`');
    // The same branch falling through does reach the app: its step counts.
    expect(ruleHits(ID, 'ubuntu:24.04', script('  true'), ['supervisord']).map((f) => f.line)).toEqual([5]);
    // Only the exiting branch runs a step: nothing to report.
    const onlyExit = '#!/bin/bash\nif [ -z "$APP_KEY" ]; then\n  php artisan key:generate --show\n  exit 1\nfi\nexec supervisord -c /supervisord.conf\n';
    expect(ruleHits(ID, 'ubuntu:24.04', onlyExit, ['supervisord'])).toEqual([]);
  });

  it('counts a call of a function that runs a step as a step', () => {
    const script = dedent(`
      #!/bin/sh
      setup() {
        mkdir -p /run/app
        envsubst < /etc/app/config.tpl > /run/app/config.yml
      }
      setup
      exec su-exec app "$@"
    `);
    expect(ruleHits(ID, 'alpine:3.20', script).map((f) => f.line)).toEqual([6]);
  });

  it.each([
    ['set -Eeo pipefail (bash)', '#!/bin/bash\nset -Eeo pipefail\nmigrate\nexec "$@"\n'],
    ['set -eu after comments and a modeline', '#!/bin/sh\n# vim: set ft=sh ts=4:\n# Entrypoint for the API\n\nset -eu\nmigrate\nexec "$@"\n'],
    ['set -o errexit', '#!/bin/sh\nset -o errexit\nmigrate\nexec "$@"\n'],
    ['set -x then set -e before any step', '#!/bin/sh\n[ -n "$DEBUG" ] && set -x\nset -e\nmigrate\nexec "$@"\n'],
    ['#!/bin/sh -e', '#!/bin/sh -e\nmigrate\nexec "$@"\n'],
    ['a script with no set-up step (only tests, set -- and exec)', NODE_STYLE.replace('set -e\n', '')],
    ['steps guarded by || true or used as conditions', '#!/bin/sh\nchown -R app /data || true\nif ! id app >/dev/null 2>&1; then echo "creating user app" >&2; fi\nexec "$@"\n'],
    ['a function defined before set -e and called after it', '#!/bin/sh\nlog() { logger -t app "$@"; }\nset -e\nlog start\nexec "$@"\n'],
    ['postgres style', POSTGRES_STYLE],
    ['nginx style', NGINX_STYLE],
    ['django', DJANGO],
  ])('does not fire with %s', (_name, script) => {
    expect(ruleHits(ID, 'debian:bookworm-slim', script)).toEqual([]);
  });

  it.each([
    ['zabbix/zabbix-docker: an explicit `set +e` at the top is a deliberate opt-out', dedent(`
      #!/bin/bash

      set -o pipefail

      set +e

      # Script trace mode
      if [ "\${DEBUG_MODE,,}" == "true" ]; then
          set -o xtrace
      fi
      createdb --host "\${DB_SERVER_HOST}" "\${DB_SERVER_DBNAME}"
      exec "$@"
    `)],
    ['FreshRSS/FreshRSS: the script reads `$?` and handles exit codes itself', dedent(`
      #!/bin/sh

      php -f ./cli/prepare.php >/dev/null

      if [ -n "$FRESHRSS_INSTALL" ]; then
      	php -f ./cli/do-install.php -- $FRESHRSS_INSTALL
      	EXITCODE=$?

      	if [ $EXITCODE -eq 3 ]; then
      		echo 'ℹ️ FreshRSS already installed; no change performed.'
      	elif [ $EXITCODE -eq 0 ]; then
      		echo '✅ FreshRSS successfully installed.'
      	else
      		echo '⛔ FreshRSS error during installation!'
      		exit $EXITCODE
      	fi
      fi
      exec "$@"
    `)],
    ['an ERR trap', '#!/bin/bash\ntrap \'echo "failed at line $LINENO" >&2; exit 1\' ERR\npython manage.py migrate\nexec "$@"\n'],
    ['mealie-recipes/mealie: only best-effort user edits and chown before the exec', dedent(`
      #!/bin/bash
      PUID=\${PUID:-911}
      PGID=\${PGID:-911}

      add_user() {
          groupmod -o -g "$PGID" abc
          usermod -o -u "$PUID" abc
      }

      change_user() {
          if [ "$(id -u)" = "0" ]; then
              add_user
              chown -R $PUID:$PGID /app
              echo "Switching to dedicated user"
              exec gosu $PUID "$BASH_SOURCE" "$@"
          fi
      }

      init() {
          cd /app
          . /opt/pysetup/.venv/bin/activate
      }

      change_user
      init
      exec python /app/mealie/main.py
    `)],
    ['minio/minio: only /etc/passwd edits before the command that starts the server', dedent(`
      #!/bin/sh
      docker_switch_user() {
      	if [ -n "\${MINIO_USERNAME}" ] && [ -n "\${MINIO_GROUPNAME}" ]; then
      		echo "\${MINIO_USERNAME}:x:1000:1000:\${MINIO_USERNAME}:/:/sbin/nologin" >>/etc/passwd
      		echo "\${MINIO_GROUPNAME}:x:1000" >>/etc/group
      		chroot --userspec=\${MINIO_USERNAME}:\${MINIO_GROUPNAME} / "$@"
      	else
      		exec "$@"
      	fi
      }
      docker_switch_user "$@"
    `)],
  ])('does not fire on %s', (_name, script) => {
    expect(ruleHits(ID, 'debian:bookworm-slim', script)).toEqual([]);
  });

  it('Eugeny/tabby-web backend/start.sh: dockerize and a migration run unchecked before gunicorn', () => {
    const script = '#!/bin/sh\nif [[ -n "$DOCKERIZE_ARGS" ]]; then\n    dockerize $DOCKERIZE_ARGS\nfi\ncd /app\n/venv/*/bin/python ./manage.py migrate\nexec /venv/*/bin/gunicorn\n';
    expect(ruleHits(ID, 'python:3.7-alpine', script).map((f) => f.line)).toEqual([3]);
    // Near miss: the same start without the steps whose failure matters.
    expect(ruleHits(ID, 'python:3.7-alpine', '#!/bin/sh\ncd /app\nchown -R app /app/data\nexec /venv/*/bin/gunicorn\n')).toEqual([]);
  });
});

describe(`${ID}: a script that is itself the service, ending in an endless loop`, () => {
  // Mailu/Mailu optional/traefik-certdumper/run.sh (trimmed): the first dump may fail (no
  // acme.json yet) and the loop dumps again at every change: set -e would stop the service.
  const certdumper = (loop: string) =>
    dedent(`
      #!/bin/bash
      function dump() {
          traefik-certs-dumper file --dest /tmp/work --source /traefik/acme.json > /dev/null
          mv /tmp/work/*.pem /output/
      }
      mkdir -p /tmp/work
      dump
      ${loop}
    `);

  it('does not fire on a step run again in the final `while true` loop (Mailu traefik-certdumper run.sh)', () => {
    expect(ruleHits(ID, 'alpine:3.20', certdumper('while true; do\n    inotifywait -qq -e modify /traefik/acme.json\n    dump\ndone'), [])).toEqual([]);
    // `while sleep N` never ends the loop either.
    expect(ruleHits(ID, 'alpine:3.20', certdumper('while sleep 3600; do dump; done'), [])).toEqual([]);
  });

  it('still fires when the loop does not repeat the step, or the loop can end (near misses)', () => {
    // The loop only tails a log (renskiy/cron-docker-image start-cron): the step ran once, unchecked
    // (reported at the first unprotected step, `mkdir -p` on line 6, naming `dump` on line 7).
    expect(ruleHits(ID, 'alpine:3.20', certdumper('while true; do\n    cat /var/log/cron.log & wait $!\ndone'), []).map((f) => f.line)).toEqual([6]);
    // A loop that waits for a dependency ends: the script goes on, the step was set-up.
    expect(ruleHits(ID, 'alpine:3.20', certdumper('while ! nc -z db 5432; do dump; done\nexec app'), ['app']).map((f) => f.line)).toEqual([6]);
  });
});

describe(`${ID}: a shell command string is the step its commands are`, () => {
  // fredsonrodrigues/wa-project-teste api/docker/prod/start.sh: the only step before the app is
  // a `sh -c` wait loop; set -e would change nothing.
  const waitLoop = dedent(`
    /bin/sh -c "
      while ! nc -z $DATABASE_HOST $DATABASE_PORT;
      do
        echo 'Waiting database';
        sleep 1;
      done;
      echo 'Database ready!'!;
    "

    pm2-docker start ecosystem.json
  `);

  it('does not fire when the string only waits for a dependency', () => {
    expect(ruleHits(ID, 'node:20-alpine', waitLoop)).toEqual([]);
  });

  it('fires when the string runs a step that matters (a migration)', () => {
    const h = ruleHits(ID, 'node:20-alpine', waitLoop.replace("echo 'Database ready!'!;", 'npx prisma migrate deploy;'));
    expect(h.map((f) => f.line)).toEqual([1]);
    expect(h[0]!.message).toContain('runs without `set -e`');
  });
});

describe(`${ID}: user set-up and dropped-privilege steps are what they run`, () => {
  // bitwarden/server src/Api/entrypoint.sh (trimmed): the account set-up before the step-down to
  // the app user is best-effort; the Kerberos ticket it gets when a keytab is mounted is not.
  const accounts = dedent(`
    #!/bin/sh
    LUID=\${LOCAL_UID:-65534}
    if [ "$(id -u)" = "0" ]
    then
        groupadd -o -g $LUID bitwarden >/dev/null 2>&1 ||
        groupmod -o -g $LUID bitwarden >/dev/null 2>&1
        useradd -o -u $LUID -g bitwarden -s /bin/false bitwarden >/dev/null 2>&1 ||
        usermod -o -u $LUID -g bitwarden -s /bin/false bitwarden >/dev/null 2>&1
        mkhomedir_helper bitwarden
        chown -R bitwarden:bitwarden /app
        gosu_cmd="gosu bitwarden:bitwarden"
    else
        gosu_cmd=""
    fi
    KERBEROS
    exec $gosu_cmd /app/Api
  `);

  it('does not fire when the only steps create the user, its home and its files (mkhomedir_helper is a user edit)', () => {
    expect(ruleHits(ID, 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine', accounts.replace('KERBEROS\n', ''))).toEqual([]);
  });

  it('fires when a step that matters follows them (kinit through the dropper word)', () => {
    const kinit = 'if [ -f /etc/bitwarden/kerberos/bitwarden.keytab ]; then\n    $gosu_cmd kinit $KRB_USER -k -t /etc/bitwarden/kerberos/bitwarden.keytab\nfi\n';
    const h = ruleHits(ID, 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine', accounts.replace('KERBEROS\n', kinit));
    // It points at the first unprotected step (groupmod, the `||` fallback) and names kinit.
    expect(h.map((f) => f.line)).toEqual([6]);
    expect(h[0]!.message).toContain('(and `$gosu_cmd kinit $KRB_USER');
    expect(h[0]!.message).toContain('on line 16)');
  });

  // gogs/gogs docker/start.sh (trimmed): volume folders made as the app user through gosu.
  const folders = (step: string) =>
    dedent(`
      #!/bin/sh
      for f in /data/gogs/data /data/gogs/conf /data/git; do
          if ! test -d $f; then
              gosu git ${step} $f
          fi
      done
      exec "$@"
    `);

  it('judges `gosu USER mkdir -p DIR` as the mkdir it runs', () => {
    expect(ruleHits(ID, 'alpine:3.20', folders('mkdir -p'))).toEqual([]);
  });

  it('still fires when the dropper runs a step that matters', () => {
    expect(ruleHits(ID, 'alpine:3.20', folders('/app/gogs/gogs restore --from')).map((f) => f.line)).toEqual([4]);
  });
});

describe(`${ID}: a step run by xargs is the command xargs runs`, () => {
  // Tautulli/Tautulli start.sh (trimmed): user edits and a chown through find | xargs, then exec gosu.
  const tautulli = (xargs: string) =>
    dedent(`
      #!/usr/bin/env bash
      if [[ "$TAUTULLI_DOCKER" == "True" ]]; then
          groupmod -o -g "$PGID" tautulli
          usermod -o -u "$PUID" tautulli
          find /config \\! \\( -uid $(id -u tautulli) -gid $(id -g tautulli) \\) -print0 | ${xargs}
          exec gosu tautulli "$@"
      fi
    `);

  it('does not fire when xargs only runs chown (Tautulli start.sh)', () => {
    expect(ruleHits(ID, 'python:3.11-slim', tautulli('xargs -0r chown tautulli:tautulli'))).toEqual([]);
    expect(ruleHits(ID, 'python:3.11-slim', tautulli('xargs -0 -n 50 -P 4 chown tautulli:tautulli'))).toEqual([]);
  });

  it('still fires when xargs runs a step that matters (near miss)', () => {
    const h = ruleHits(ID, 'python:3.11-slim', tautulli('xargs -0r -n 1 python /app/import.py'));
    expect(h.map((f) => f.line)).toEqual([3]);
    expect(h[0]!.message).toContain('`xargs -0r -n 1 python /app/import.py` on line 5');
  });
});

describe(`${ID}: su with nothing to run starts a shell that returns at once`, () => {
  // intelowlproject/IntelOwl integrations/thug/entrypoint.sh (trimmed): the author meant to
  // switch user for the lines after it; `su thug -s /bin/bash` only starts a shell on the
  // script's stdin, which returns at once. It sets nothing up, so no step matters here.
  const thug = (su: string) =>
    dedent(`
      #!/bin/bash
      mkdir -p "\${LOG_PATH}"
      touch "\${LOG_PATH}"/gunicorn_access.log "\${LOG_PATH}"/gunicorn_errors.log
      chown -R "\${USER}":"\${USER}" "\${LOG_PATH}"
      ${su}
      exec /usr/local/bin/gunicorn 'app:app' --bind '0.0.0.0:4002' --user thug
    `);

  it('does not fire on `su USER -s SHELL` without a command (IntelOwl thug entrypoint.sh)', () => {
    expect(ruleHits(ID, 'python:3.12-slim', thug('su thug -s /bin/bash'), [])).toEqual([]);
    expect(ruleHits(ID, 'python:3.12-slim', thug('su - thug'), [])).toEqual([]);
  });

  it('still fires when su is given commands: -c, a heredoc, or a pipe (near misses)', () => {
    const lines = (su: string) => ruleHits(ID, 'python:3.12-slim', thug(su), []).map((f) => f.line);
    expect(lines("su thug -s /bin/bash -c 'thug --update-rules'")).toEqual([2]);
    expect(lines('su thug -s /bin/bash < /opt/setup-rules.sh')).toEqual([2]);
    expect(lines('printf "thug --update-rules\\n" | su thug -s /bin/bash')).toEqual([2]);
  });
});

describe(`${ID}: copying default files into place is best-effort`, () => {
  // stonith404/pingvin-share scripts/docker/entrypoint.sh (trimmed): default logos copied without overwriting, then the servers.
  const pingvin = (step: string) => `#!/bin/sh\n\n# Copy default logo to the frontend public folder if it doesn't exist\ncp -rn /tmp/img/* /opt/app/frontend/public/img\n${step}\nPORT=3333 HOSTNAME=0.0.0.0 node frontend/server.js &\ncd backend && exec node dist/src/main\n`;

  it('does not fire when the only step before the app is a cp (pingvin-share)', () => {
    expect(ruleHits(ID, 'node:22-alpine', pingvin(''))).toEqual([]);
  });

  it('near miss: a migration after the same cp still fires (at the first unprotected step, naming the migration)', () => {
    const h = ruleHits(ID, 'node:22-alpine', pingvin('npx prisma migrate deploy'));
    expect(h.map((f) => f.line)).toEqual([4]);
    expect(h[0]!.message).toContain('npx prisma migrate deploy');
  });
});

describe(`${ID}: a sourced file that is not in the build context`, () => {
  // thingsboard/thingsboard msa/tb/docker/start-tb.sh (trimmed): the sourced conf is rendered by the build, not in the context.
  const script = (source: string) =>
    `#!/bin/bash\nstart-db.sh\n${source}\ninstall-tb.sh --loadDemo && touch /data/.firstlaunch\nexec java -cp /usr/share/thingsboard/bin/thingsboard.jar org.springframework.boot.loader.launch.PropertiesLauncher\n`;

  it('thingsboard/thingsboard: the message does not claim a `set -e` on the line of a source it cannot read', () => {
    const h = ruleHits(ID, 'eclipse-temurin:21-jre', script('source "/usr/share/thingsboard/conf/thingsboard.conf"'), null);
    expect(h.map((f) => f.line)).toEqual([2]);
    expect(h[0]!.message).toContain('`start-db.sh` runs without `set -e` (the file sourced on line 3 is not in the build context');
    expect(h[0]!.message).not.toContain('runs before `set -e`');
    expect(h[0]!.fix).toContain('Add `set -e`');
  });

  it('near miss: a real `set -e` after the step is named as such', () => {
    const h = ruleHits(ID, 'eclipse-temurin:21-jre', script('set -e'), null);
    expect(h[0]!.message).toContain('`start-db.sh` runs before `set -e` (line 3)');
  });
});
