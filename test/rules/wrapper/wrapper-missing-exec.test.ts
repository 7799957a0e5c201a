import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../../src/lint.js';
import { dedent, hits, lint, makeContext } from '../../helpers.js';
import { CELERY_NO_EXEC, DJANGO, GUNICORN_BACKGROUND, MYSQL_STYLE, NGINX_STYLE, NODE_STYLE, POSTGRES_STYLE, REDIS_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-missing-exec';

describe(ID, () => {
  it('fires on a celery wrapper whose last line runs the worker without exec', () => {
    const h = ruleHits(ID, 'python:3.12-slim', CELERY_NO_EXEC, ['worker']);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'error', file: ENTRY_FILE, line: 5, column: 1 });
    expect(h[0]!.message).toContain('celery -A proj worker');
    expect(h[0]!.message).toContain('PID 1');
    expect(h[0]!.fix).toContain('`exec celery -A proj worker');
  });

  it('fires on gunicorn in the background followed by wait, at the background line', () => {
    const h = ruleHits(ID, 'python:3.12-slim', GUNICORN_BACKGROUND);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ line: 5, severity: 'error', file: ENTRY_FILE });
    expect(h[0]!.message).toContain('`gunicorn app:app --bind 0.0.0.0:8000 &` runs in the background');
  });

  it('fires on "$@" run without exec at the end, and before exit', () => {
    expect(ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\nnpm run migrate\n"$@"\n').map((f) => f.line)).toEqual([4]);
    const h = ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\n"$@"\nexit $?\n');
    expect(h.map((f) => f.line)).toEqual([3]);
    expect(h[0]!.fix).toContain('exec "$@"');
  });

  it('fires on the one case branch that does not exec', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      case "$1" in
        web) exec gunicorn app.wsgi --bind 0.0.0.0:8000 ;;
        worker) celery -A app worker ;;
        *) exec "$@" ;;
      esac
    `);
    expect(ruleHits(ID, 'python:3.12-slim', script).map((f) => [f.line, f.column])).toEqual([[5, 11]]);
  });

  it('stays silent on the branch that opens an interactive shell, fires on the service branch and on a shell running a script', () => {
    // jumpserver/jumpserver entrypoint.sh (trimmed): `docker run -it image bash` gets a shell; anything else starts the app.
    const jms = (debug: string) =>
      dedent(`
        #!/bin/bash
        action="\${1-start}"
        service="\${2-all}"
        if [[ "$action" == "bash" || "$action" == "sh" ]]; then
            ${debug}
        else
            python jms "\${action}" "\${service}"
        fi
      `);
    expect(ruleHits(ID, 'python:3.12-slim', jms('bash'), ['start', 'all']).map((f) => f.line)).toEqual([7]);
    expect(ruleHits(ID, 'python:3.12-slim', jms('/bin/bash -l'), ['start', 'all']).map((f) => f.line)).toEqual([7]);
    // A shell given a script or a command string runs that program: the missing exec still matters.
    expect(ruleHits(ID, 'python:3.12-slim', jms('bash /opt/jms/run.sh'), ['start', 'all']).map((f) => f.line)).toEqual([5, 7]);
    expect(ruleHits(ID, 'python:3.12-slim', jms('sh -c "python jms start all"'), ['start', 'all']).map((f) => f.line)).toEqual([5, 7]);
  });

  it('puts exec after the variable assignments in front of the program, where exec can run it', () => {
    // documenso/documenso docker/start.sh (trimmed): `exec HOSTNAME=0.0.0.0 node …` would look for a program named `HOSTNAME=0.0.0.0`.
    const h = ruleHits(ID, 'node:22-alpine', '#!/bin/sh\nnpx prisma migrate deploy\nHOSTNAME=0.0.0.0 node build/server/main.js\n', null);
    expect(h.map((f) => f.line)).toEqual([3]);
    expect(h[0]!.fix).toContain('`HOSTNAME=0.0.0.0 exec node build/server/main.js`');
    expect(h[0]!.fix).not.toContain('exec HOSTNAME');
    const plain = ruleHits(ID, 'node:22-alpine', '#!/bin/sh\nnpx prisma migrate deploy\nnode build/server/main.js\n', null);
    expect(plain[0]!.fix).toContain('`exec node build/server/main.js`');
  });

  it('fires on an app piped into tee, not on a one-shot job ending in a data pipeline', () => {
    expect(ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\nnode server.js 2>&1 | tee -a /var/log/app.log\n').map((f) => f.line)).toEqual([3]);
    expect(ruleHits(ID, 'postgres:17', '#!/bin/sh\nset -e\npg_dump "$DATABASE_URL" | gzip > "/backups/$(date +%F).sql.gz"\n')).toEqual([]);
  });

  it('stays silent on a final step that runs once and returns (an installer init, a test run, a playbook), fires on a server', () => {
    // shlinkio/shlink: the installer's init is a set-up step; only the rr path starts a server, with exec.
    const shlink = (last: string) =>
      dedent(`
        #!/bin/sh
        set -e
        flags="--no-interaction --clear-db-cache"
        ${last}
        if [ "$SHLINK_RUNTIME" = 'rr' ]; then
          exec ./bin/rr serve -c config/roadrunner/.rr.yml
        fi
      `);
    expect(ruleHits(ID, 'php:8.4-cli-alpine', shlink('php vendor/bin/shlink-installer init ${flags}'))).toEqual([]);
    expect(ruleHits(ID, 'php:8.4-cli-alpine', shlink('php -S 0.0.0.0:8080 -t public')).map((f) => f.line)).toEqual([4]);
    // gomods/athens test image, a GitHub container action: jobs that end on their own.
    expect(ruleHits(ID, 'golang:1.26', '#!/bin/bash\nset -xeuo pipefail\ngo test -race -coverprofile cover.out ./...\n')).toEqual([]);
    expect(ruleHits(ID, 'python:3.12-slim', '#!/bin/sh\nset -e\npython -m pytest -x tests/\n')).toEqual([]);
    expect(ruleHits(ID, 'quay.io/ansible/ansible-runner:latest', '#!/bin/sh\nansible-playbook ${INPUT_PLAYBOOK}.yml -i "${INPUT_INVENTORY}"\n')).toEqual([]);
    expect(ruleHits(ID, 'golang:1.26', '#!/bin/sh\nset -e\ngo run ./cmd/proxy -config_file /config.toml\n').map((f) => f.line)).toEqual([3]);
    // brocoders/nestjs-boilerplate startup.relational.ci.sh (trimmed): the e2e suite run as a package script is a job; the server script is not.
    const nestCi = (last: string) => `#!/usr/bin/env bash\nset -e\n/opt/wait-for-it.sh postgres:5432\nnpm run migration:run\nnpm run start:prod > prod.log 2>&1 &\nnpm run lint\n${last}\n`;
    expect(ruleHits(ID, 'node:24-alpine', nestCi('npm run test:e2e -- --runInBand'))).toEqual([]);
    expect(ruleHits(ID, 'node:24-alpine', nestCi('yarn test:unit'))).toEqual([]);
    expect(ruleHits(ID, 'node:24-alpine', nestCi('npm run start:prod')).map((f) => f.line)).toEqual([7]);
    expect(ruleHits(ID, 'node:24-alpine', nestCi('npm run testing-server')).map((f) => f.line)).toEqual([7]);
    // `-h` is a host here, not help: the server still runs as the shell's child.
    expect(ruleHits(ID, 'python:3.12-slim', '#!/bin/sh\nset -e\npython server.py -h 0.0.0.0 -p 8000\n').map((f) => f.line)).toEqual([3]);
  });

  it('is info in a development image (plane apps/api/Dockerfile.dev running runserver), an error in the production Dockerfile', () => {
    const script = dedent(`
      #!/bin/bash
      set -e
      python manage.py wait_for_db
      python manage.py migrate
      python manage.py runserver 0.0.0.0:8000 --settings=plane.settings.local
    `);
    const dockerfile = 'FROM python:3.12-alpine\nRUN apk add --no-cache bash\nWORKDIR /code\nCOPY . .\nCMD [ "./bin/docker-entrypoint-api-local.sh" ]\n';
    const run = (name: string) =>
      hits(lintDockerfile({ dockerfile: name, cwd: makeContext({ [name]: dockerfile, 'bin/docker-entrypoint-api-local.sh': { content: script, mode: 0o755 } }) }).findings, ID);
    const dev = run('Dockerfile.dev');
    expect(dev.map((f) => [f.line, f.severity])).toEqual([[5, 'info']]);
    expect(dev[0]!.message).toContain('Low impact here: its name (`Dockerfile.dev`) marks it as a development image');
    expect(run('Dockerfile').map((f) => [f.line, f.severity])).toEqual([[5, 'error']]);
  });

  it('tosdr/API parser entrypoint: `php-fpm -F -R -D` forks (the last of -F and -D wins), so nginx is what the shell keeps as its child', () => {
    const script = (fpm: string) => `#!/bin/bash\n\n\ncd / || exit 1\n\n${fpm} || exit 1\necho "Starting nginx"\nnginx -c /etc/nginx/nginx.conf -g "daemon off;"\n`;
    const daemonized = ruleHits(ID, 'php:8.1-fpm', script('php-fpm -F -R -D'), null);
    expect(daemonized.map((f) => f.line)).toEqual([8]);
    expect(daemonized[0]!.message).toContain('`nginx -c /etc/nginx/nginx.conf');
    // -D then -F: php-fpm stays in the foreground and holds the script there.
    expect(ruleHits(ID, 'php:8.1-fpm', script('php-fpm -D -R -F'), null).map((f) => f.line)).toEqual([6]);
  });

  it('a GitHub container action (action.yml: runs.using docker, image Dockerfile) is a job the runner waits for; the same image without it is blamed', () => {
    const dockerfile = 'FROM node:22-alpine\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n';
    const script = '#!/bin/sh\nset -e\nnpm i -g markdown-link-check\nmarkdown-link-check -c "$1" README.md\n';
    const files = { 'entrypoint.sh': { content: script, mode: 0o755 } };
    const action = "name: 'link check'\nruns:\n  using: 'docker'\n  image: 'Dockerfile'\n  args:\n    - ${{ inputs.config-file }}\n";
    expect(hits(lint(dockerfile, { ...files, 'action.yml': action }), ID)).toEqual([]);
    expect(hits(lint(dockerfile, files), ID).map((f) => f.line)).toEqual([4]);
    // An action that runs a published image (docker://…) says nothing about this Dockerfile.
    expect(hits(lint(dockerfile, { ...files, 'action.yml': action.replace("'Dockerfile'", "'docker://ghcr.io/acme/check:1'") }), ID).map((f) => f.line)).toEqual([4]);
  });

  it('follows a _main function that runs the server without exec', () => {
    const script = POSTGRES_STYLE.replace('\texec "$@"\n}', '\t"$@"\n}');
    const h = ruleHits(ID, 'postgres:17', script);
    expect(h).toHaveLength(1);
    expect(h[0]!.message).toContain('"$@"');
  });

  it('points into the Dockerfile for a COPY heredoc wrapper', () => {
    const f = lint(dedent(`
      FROM node:20-alpine
      WORKDIR /app
      COPY --chmod=755 <<EOF /usr/local/bin/start.sh
      #!/bin/sh
      set -e
      node dist/server.js
      EOF
      ENTRYPOINT ["/usr/local/bin/start.sh"]
    `));
    const h = hits(f, ID);
    expect(h.map((x) => [x.file, x.line])).toEqual([['Dockerfile', 6]]);
  });

  it('under tini, says the shell takes SIGTERM and exits; under dumb-init or tini -g (process-group signals), that the shell dies of it and the init exits with it', () => {
    const under = (entrypoint: string[], script = CELERY_NO_EXEC) =>
      hits(lint(`FROM python:3.12-slim\nRUN apt-get update && apt-get install -y tini dumb-init\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ${JSON.stringify(entrypoint)}\n`, { 'docker-entrypoint.sh': { content: script, mode: 0o755 } }), ID);
    const tini = under(['/usr/bin/tini', '--', 'docker-entrypoint.sh']);
    expect(tini.map((f) => f.line)).toEqual([5]);
    expect(tini[0]!.message).toContain('tini delivers SIGTERM to the shell only');
    // Seen on the eg-node base: behind `dumb-init -- sh -c 'node drain.js'` node got SIGTERM and
    // never finished its 300 ms drain (exit 143); behind `tini -g` it was killed first; with exec it drained.
    for (const [init, entrypoint] of [['dumb-init', ['/usr/bin/dumb-init', '--', 'docker-entrypoint.sh']], ['tini', ['tini', '-g', '--', 'docker-entrypoint.sh']]] as const) {
      const group = under([...entrypoint]);
      expect(group.map((f) => f.line), init).toEqual([5]);
      expect(group[0]!.message).toContain(`when ${init} signals the whole process group the shell dies of SIGTERM at once, ${init} exits with its child`);
    }
    expect(under(['dumb-init', '--single-child', 'docker-entrypoint.sh']).map((f) => f.line)).toEqual([5]);
    // Near miss: the same script with exec before the worker, behind dumb-init.
    const execd = CELERY_NO_EXEC.replace(/^celery /m, 'exec celery ');
    expect(execd).not.toBe(CELERY_NO_EXEC);
    expect(under(['/usr/bin/dumb-init', '--', 'docker-entrypoint.sh'], execd)).toEqual([]);
  });

  it.each([
    ['postgres style', 'postgres:17', POSTGRES_STYLE],
    ['mysql style (temporary server "$@" & in the middle)', 'mysql:8.4', MYSQL_STYLE],
    ['redis style (find -exec, exec gosu)', 'redis:7-alpine', REDIS_STYLE],
    ['node style', 'node:20-bookworm-slim', NODE_STYLE],
    ['nginx style', 'nginx:1.27', NGINX_STYLE],
    ['django (migrate then exec gunicorn)', 'python:3.12-slim', DJANGO],
  ])('does not fire on %s', (_name, base, script) => {
    expect(ruleHits(ID, base, script)).toEqual([]);
  });

  it('does not fire on a background app whose TERM is trapped and forwarded', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      trap 'kill -TERM "$child" 2>/dev/null' TERM INT
      node server.js &
      child=$!
      wait "$child"
    `);
    expect(ruleHits(ID, 'node:20-alpine', script)).toEqual([]);
  });

  it('follows functions defined in a sourced file, and reports inside that file', () => {
    const dockerfile = dedent(`
      FROM python:3.12-slim
      WORKDIR /app
      COPY lib.sh docker-entrypoint.sh /app/
      ENTRYPOINT ["/app/docker-entrypoint.sh"]
    `);
    const entry = { content: '#!/bin/sh\nset -e\n. /app/lib.sh\nwait_for_config\nstart_app "$@"\n', mode: 0o755 };
    const good = '#!/bin/sh\nwait_for_config() { test -f /etc/app.conf; }\nstart_app() {\n  exec gunicorn app:app "$@"\n}\n';
    expect(hits(lint(dockerfile, { 'lib.sh': good, 'docker-entrypoint.sh': entry }), ID)).toEqual([]);
    const bad = good.replace('exec gunicorn', 'gunicorn');
    const h = hits(lint(dockerfile, { 'lib.sh': bad, 'docker-entrypoint.sh': entry }), ID);
    expect(h.map((f) => [f.file, f.line, f.column])).toEqual([['lib.sh', 4, 3]]);
    expect(h[0]!.message).toContain('`gunicorn app:app "$@"`');
  });

  it('does not fire on a sourced helper or a non-shell wrapper', () => {
    const f = lint(
      dedent(`
        FROM python:3.12-slim
        WORKDIR /app
        COPY env.sh docker-entrypoint.sh start.py /app/
        ENTRYPOINT ["/app/docker-entrypoint.sh"]
        CMD ["/app/start.py"]
      `),
      {
        'env.sh': '#!/bin/sh\nexport DJANGO_SETTINGS_MODULE=app.settings\npython -c "import app"\n',
        'docker-entrypoint.sh': { content: '#!/bin/sh\nset -e\n. /app/env.sh\nexec "$@"\n', mode: 0o755 },
        'start.py': { content: '#!/usr/bin/env python3\nimport os\nos.system("gunicorn app:app")\n', mode: 0o755 },
      },
    );
    expect(hits(f, ID)).toEqual([]);
  });

  describe('blames only the command that ends a path and would stay the main process', () => {
    it('zabbix/zabbix-docker server-pgsql: a psql probe in a wait loop and createdb in a function on the init_db_only path are steps', () => {
      const script = dedent(`
        #!/bin/bash
        set -o pipefail
        set +e
        check_db_connect_postgresql() {
            WAIT_TIMEOUT=5
            while true :
            do
                psql --host \${DB_SERVER_HOST} --port \${DB_SERVER_PORT} --username \${DB_SERVER_ROOT_USER} --list --quiet 1>/dev/null 2>&1 && break
                echo "**** PostgreSQL server is not available. Waiting $WAIT_TIMEOUT seconds..."
                sleep $WAIT_TIMEOUT
            done
            unset PGPASSWORD
        }
        create_db_database_postgresql() {
            if [ -z \${DB_EXISTS} ]; then
                echo "** Database '\${DB_SERVER_DBNAME}' does not exist. Creating..."
                createdb --host "\${DB_SERVER_HOST}" --port "\${DB_SERVER_PORT}" --username "\${DB_SERVER_ROOT_USER}" "\${DB_SERVER_DBNAME}"
                unset PGPASSWORD
                unset PGOPTIONS
            else
                echo "** Database '\${DB_SERVER_DBNAME}' already exists. Please be careful with database COLLATE!"
            fi
        }
        prepare_db() {
            echo "** Preparing database"
            check_db_connect_postgresql
            create_db_database_postgresql
        }
        if [ "$1" == "init_db_only" ]; then
            prepare_db
        else
            exec "$@"
        fi
      `);
      expect(ruleHits(ID, 'alpine:3.22', script, ['/usr/sbin/zabbix_server'])).toEqual([]);
      // Near miss: the same wait loop, then the server started without exec: that one is blamed.
      const h = ruleHits(ID, 'alpine:3.22', script.replace('exec "$@"', '/usr/sbin/zabbix_server -f'), ['/usr/sbin/zabbix_server']);
      expect(h.map((f) => f.line)).toEqual([32]);
    });

    it('0xSkrra/kcloak-case-ofse: add-user-keycloak.sh inside an if-block mid-script is a step; the last command is blamed', () => {
      const script = dedent(`
        #!/bin/bash
        file_env() {
            local var="$1"
            export "$var"="$val"
        }
        file_env 'KEYCLOAK_USER'
        file_env 'KEYCLOAK_PASSWORD'
        if [ $KEYCLOAK_USER ] && [ $KEYCLOAK_PASSWORD ]; then
            /opt/jboss/keycloak/bin/add-user-keycloak.sh --user $KEYCLOAK_USER --password $KEYCLOAK_PASSWORD
        fi
        if [ "$KEYCLOAK_HOSTNAME" != "" ]; then
            SYS_PROPS="-Dkeycloak.hostname.provider=fixed -Dkeycloak.hostname.fixed.hostname=$KEYCLOAK_HOSTNAME"
        fi
        SYS_PROPS+=" $BIND_OPTS"
        file_env 'DB_USER'
        echo " Using $DB_NAME database"
        if [ "$DB_VENDOR" != "h2" ]; then
            /bin/sh /opt/jboss/tools/databases/change-database.sh $DB_VENDOR
        fi
      `);
      expect(ruleHits(ID, 'jboss/keycloak:latest', script, ['-b', '0.0.0.0']).map((f) => f.line)).toEqual([18]);
    });

    it('DefectDojo/django-DefectDojo integration tests: a command used as an if-condition has its status consumed', () => {
      const script = dedent(`
        #!/bin/bash
        set -e
        function fail() {
            printf 'Error: %s test failed\\n' "$1"
            exit 1
        }
        function success() {
            printf 'Success: %s test passed\\n' "$1"
        }
        test="OpenAPI schema validation"
        echo "Running: $test"
        if java -jar /usr/local/bin/openapi-generator-cli.jar validate -i "$DD_BASE_URL/api/v2/oa3/schema/?format=json" --recommend; then
            success "$test"
        else
            fail "$test"
        fi
      `);
      expect(ruleHits(ID, 'debian:bookworm', script)).toEqual([]);
      // Near miss: the same runner without the if: the java process is the last command.
      const plain = script.replace(/if (java[^;]*); then[\s\S]*fi\n/, '$1\n');
      expect(ruleHits(ID, 'debian:bookworm', plain).map((f) => f.line)).toEqual([12]);
    });

    it('the tail of an and-list is the final command: `umask 0 && exec gunicorn` after a migration', () => {
      const script = '#!/bin/sh\nset -e\npython manage.py migrate --noinput\numask 0002 && exec gunicorn app.wsgi --bind 0.0.0.0:8000\n';
      expect(ruleHits(ID, 'python:3.12-slim', script)).toEqual([]);
      const bad = '#!/bin/sh\nset -e\npython manage.py migrate --noinput\numask 0002 && gunicorn app.wsgi --bind 0.0.0.0:8000\n';
      expect(ruleHits(ID, 'python:3.12-slim', bad).map((f) => [f.line, f.column])).toEqual([[4, 15]]);
    });

    it('percona/percona-docker ps-entry.sh: `"$@" --initialize-insecure` on a path a later `exit 0` ends is an init run', () => {
      const script = dedent(`
        #!/bin/bash
        set -eo pipefail
        if [ "$1" = 'mysqld' -a -z "$wantHelp" ]; then
        	if [ ! -d "$DATADIR/mysql" ]; then
        		mkdir -p "$DATADIR"
        		echo 'Initializing database'
        		"$@" --initialize-insecure
        		echo 'Database initialized'
        	fi
          if [ ! -z "$MYSQL_INIT_ONLY" ]; then
              echo 'Initialization complete, now exiting!'
              exit 0
          fi
        fi
        exec "$@"
      `);
      expect(ruleHits(ID, 'oraclelinux:9-slim', script, ['mysqld'])).toEqual([]);
      // Near miss: the bare command run and then exit is the container's command as a child.
      expect(ruleHits(ID, 'oraclelinux:9-slim', '#!/bin/bash\nset -e\n"$@"\nexit $?\n', ['mysqld']).map((f) => f.line)).toEqual([3]);
    });

    it('Usouf/docker-test run.sh: gunicorn after background celery and an assignment is still the main process', () => {
      const script = dedent(`
        #!/bin/bash

        /usr/local/bin/python manage.py migrate --noinput
        /usr/local/bin/celery -A docker_test worker -l info --detach &

        RUN_PORT=\${PORT:-8000}
        /usr/local/bin/gunicorn docker_test.wsgi:application --bind "0.0.0.0:\${RUN_PORT}"
      `);
      expect(ruleHits(ID, 'python:3.11', script).map((f) => f.line)).toEqual([7]);
    });

    it('a run per item of a for loop is a step; a restart loop keeps the app under the shell', () => {
      const forLoop = '#!/bin/sh\nset -e\nfor f in /docker-entrypoint.d/*.sh; do\n  "$f"\ndone\n';
      expect(ruleHits(ID, 'alpine:3.22', forLoop)).toEqual([]);
      const restart = '#!/bin/sh\nwhile true; do\n  node server.js\n  sleep 1\ndone\n';
      expect(ruleHits(ID, 'node:20-alpine', restart).map((f) => f.line)).toEqual([3]);
    });
  });

  it('0xEDU/ft_transcendence docker-entrypoint.sh: handled once the model finds the script (absolute path here)', () => {
    const script = dedent(`
      #!/bin/sh

      #Add a little sleep to wait for postgres start
      sleep 15

      # Apply database migrations
      echo "Apply database migrations"
      python manage.py migrate

      # Start server
      echo "Starting server"
      python manage.py runserver_plus --cert-file cert.pem --key-file key.pem 0.0.0.0:8000
    `);
    const f = lint('FROM python:3.10-alpine\nWORKDIR /ft_transcendence\nCOPY . /ft_transcendence\nENTRYPOINT [ "sh", "/ft_transcendence/docker-entrypoint.sh" ]\n', { 'docker-entrypoint.sh': script });
    expect(hits(f, ID).map((x) => x.line)).toEqual([12]);
    expect(hits(f, 'wrapper-no-errexit').map((x) => x.line)).toEqual([8]);
  });

  it('schickling/dockerfiles postgres-backup-s3 run.sh: a job run once here and scheduled with cron on the other path is not a server', () => {
    const script = dedent(`
      #! /bin/sh

      set -eo pipefail

      if [ "\${S3_S3V4}" = "yes" ]; then
          aws configure set default.s3.signature_version s3v4
      fi

      if [ "\${SCHEDULE}" = "**None**" ]; then
        sh backup.sh
      else
        echo -e "SHELL=/bin/sh\\n\${SCHEDULE} /bin/sh /backup.sh" > /etc/crontabs/root
        exec go-crond /etc/crontabs/root
      fi
    `);
    expect(ruleHits(ID, 'alpine:3.22', script)).toEqual([]);
    // mysql-backup-s3 writes the same line with a plain echo; `| crontab -` and a heredoc into /etc/cron.d count too.
    const piped = script.replace('echo -e "SHELL=/bin/sh\\n${SCHEDULE} /bin/sh /backup.sh" > /etc/crontabs/root', 'echo "${SCHEDULE} /bin/sh /backup.sh" | crontab -');
    expect(piped).toContain('| crontab -');
    expect(ruleHits(ID, 'alpine:3.22', piped)).toEqual([]);
    const heredoc = script.replace('echo -e "SHELL=/bin/sh\\n${SCHEDULE} /bin/sh /backup.sh" > /etc/crontabs/root', 'cat > /etc/cron.d/backup <<EOF\n${SCHEDULE} root sh /backup.sh\nEOF');
    expect(heredoc).toContain('/etc/cron.d/backup');
    expect(ruleHits(ID, 'alpine:3.22', heredoc)).toEqual([]);
    // Near miss: a server whose program also runs a different cron job is still blamed.
    const django = '#!/bin/sh\nset -e\necho "0 3 * * * python /app/manage.py clearsessions" | crontab -\ncrond\npython manage.py runserver 0.0.0.0:8000\n';
    expect(ruleHits(ID, 'python:3.12-alpine', django).map((f) => f.line)).toEqual([5]);
    // Near miss: the same one-shot branch without a cron schedule of that script is blamed.
    const noCron = script.replace('/bin/sh /backup.sh', '/bin/sh /cleanup.sh');
    expect(ruleHits(ID, 'alpine:3.22', noCron).map((f) => f.line)).toEqual([10]);
  });

  it('eeshugerman/postgres-backup-s3 run.sh: the job run once here is handed to go-cron on the other path; handed to an init instead it is blamed', () => {
    const script = (other: string) =>
      dedent(`
        #! /bin/sh

        set -eu

        if [ "$S3_S3V4" = "yes" ]; then
          aws configure set default.s3.signature_version s3v4
        fi

        if [ -z "$SCHEDULE" ]; then
          sh backup.sh
        else
          ${other}
        fi
      `);
    expect(ruleHits(ID, 'alpine:3.22', script('exec go-cron "$SCHEDULE" /bin/sh backup.sh'))).toEqual([]);
    expect(ruleHits(ID, 'alpine:3.22', script('exec tini -- /bin/sh backup.sh')).map((f) => f.line)).toEqual([10]);
  });

  // pytorch/serve docker/Dockerfile (trimmed): the build copies the repository, then a RUN
  // copies the start script into place under a quoted WORKDIR.
  const TORCHSERVE_EP = '#!/bin/bash\nset -e\nif [[ "$1" = "serve" ]]; then\n    shift 1\n    torchserve --start --ts-config /home/model-server/config.properties\nelse\n    eval "$@"\nfi\n\n# prevent docker exit\ntail -f /dev/null\n';
  const torchserve = (run: string, rule = ID) =>
    hits(
      lint(
        dedent(`
          FROM ubuntu:22.04
          COPY ./ serve
          WORKDIR "serve"
          ${run}
          ENTRYPOINT ["/usr/local/bin/dockerd-entrypoint.sh"]
          CMD ["serve"]
        `),
        { 'docker/dockerd-entrypoint.sh': { content: TORCHSERVE_EP, mode: 0o644 } },
      ),
      rule,
    );

  it('follows a start script a RUN cp put in place (pytorch/serve: torchserve --start, then tail -f /dev/null)', () => {
    const h = torchserve('RUN useradd -m model-server && cp docker/dockerd-entrypoint.sh /usr/local/bin/dockerd-entrypoint.sh && chmod +x /usr/local/bin/dockerd-entrypoint.sh');
    expect(h.map((f) => [f.file, f.line, f.severity])).toEqual([['docker/dockerd-entrypoint.sh', 11, 'error']]);
    // Into a directory, a folder copied whole, and by install(1).
    expect(torchserve('RUN cp docker/dockerd-entrypoint.sh /usr/local/bin/').map((f) => f.line)).toEqual([11]);
    expect(torchserve('RUN mkdir -p /usr/local && cp -a docker /usr/local/bin').map((f) => f.line)).toEqual([]);
    expect(torchserve('RUN cp -a docker/. /usr/local/bin/').map((f) => f.line)).toEqual([11]);
    expect(torchserve('RUN install -m 0755 docker/dockerd-entrypoint.sh /usr/local/bin/dockerd-entrypoint.sh').map((f) => f.line)).toEqual([11]);
  });

  it('reads the mode a RUN gave the start script: cp keeps the file\'s, install sets 0755 or its -m', () => {
    const notExecutable = (run: string) => torchserve(run, 'wrapper-not-executable').length;
    expect(notExecutable('RUN install docker/dockerd-entrypoint.sh /usr/local/bin/dockerd-entrypoint.sh')).toBe(0);
    expect(notExecutable('RUN install -m 0644 docker/dockerd-entrypoint.sh /usr/local/bin/dockerd-entrypoint.sh')).toBe(1);
    expect(notExecutable('RUN cp docker/dockerd-entrypoint.sh /usr/local/bin/dockerd-entrypoint.sh')).toBe(1);
  });

  it('does not take a RUN cp of another file, or from a path no COPY wrote, for the start script', () => {
    expect(torchserve('RUN cp docker/config.properties /usr/local/bin/dockerd-entrypoint.sh.bak')).toEqual([]);
    expect(torchserve('RUN cp /opt/vendor/dockerd-entrypoint.sh /usr/local/bin/dockerd-entrypoint.sh')).toEqual([]);
  });
});

describe('wrapper-missing-exec: a control script from the image that runs its server as a child', () => {
  it('Albionu/layout_translate: `CMD ["apache2ctl", "-D", "FOREGROUND"]` leaves sh as PID 1 above apache2', () => {
    const f = lint(
      dedent(`
        FROM php:8.4-apache
        COPY . /var/www/html
        WORKDIR /var/www/html
        RUN chown -R www-data:www-data /var/www/html
        CMD ["apache2ctl", "-D", "FOREGROUND"]
        EXPOSE 80
      `),
    );
    const h = hits(f, 'wrapper-missing-exec');
    expect(h.map((x) => [x.file, x.line, x.severity])).toEqual([['Dockerfile', 5, 'error']]);
    expect(h[0]!.message).toContain('`apache2ctl` is a /bin/sh script that runs `apache2` as its child without exec');
    expect(h[0]!.fix).toContain('apache2-foreground');
  });

  it('hajdi-k/onboarding: the full path and -DFOREGROUND in one word', () => {
    const f = lint('FROM php:7.2.34-apache\nCOPY src/ /var/www/html/\nCMD ["/usr/sbin/apache2ctl", "-DFOREGROUND"]\n');
    expect(hits(f, 'wrapper-missing-exec').map((x) => x.line)).toEqual([3]);
  });

  it.each([
    ['the php:apache command', 'CMD ["apache2-foreground"]'],
    ['apache2 itself', 'CMD ["apache2", "-D", "FOREGROUND"]'],
    ['a control command that returns (not a server in the foreground)', 'CMD ["apache2ctl", "configtest"]'],
  ])('does not fire: %s', (_name, cmd) => {
    expect(hits(lint(`FROM php:8.4-apache\n${cmd}\n`), 'wrapper-missing-exec')).toEqual([]);
  });

});

describe(`${ID}: a daemon that forks, then an endless loop`, () => {
  // samoshkin/tls-nginx-strong-example cron/entrypoint.sh (trimmed): busybox crond without -f forks.
  const cron = (trap: string) =>
    `#!/usr/bin/env bash\nset -eux\n${trap}\n# Start cron daemon in background\ncrond -L /var/log/cron.log -l 2\n\nwhile true\ndo\n  cat /var/log/cron.log & wait \${!}\ndone\n`;

  it('a TERM trap that exits ends the shell at once: not reported', () => {
    expect(ruleHits(ID, 'alpine:3.5', cron("trap 'kill ${!}; exit' SIGTERM SIGINT"))).toEqual([]);
  });

  it('near miss: without the trap, the loop holds the shell and the daemon never sees SIGTERM', () => {
    const h = ruleHits(ID, 'alpine:3.5', cron(''));
    expect(h.map((f) => f.line)).toEqual([5]);
    expect(h[0]!.message).toContain('forks into the background and the endless loop on line 7');
  });
});

describe(`${ID}: a TERM trap around a background app and wait`, () => {
  // rendyproklamanta/docker-apps python/flask conf/entrypoint.sh (trimmed): the handler only sleeps.
  const script = (handler: string) =>
    `#!/bin/sh\ngraceful_shutdown() {\n  echo "Waiting for 1 minute before shutting down..."\n  ${handler}\n}\ntrap 'graceful_shutdown' SIGTERM\n/usr/bin/supervisord -c /etc/supervisor/conf.d/supervisord.conf -n &\nwait\n`;

  it('a handler that neither signals the child nor exits forwards nothing: reported at the background line', () => {
    const h = ruleHits(ID, 'python:3.12-slim', script('sleep 60'));
    expect(h.map((f) => f.line)).toEqual([7]);
    expect(h[0]!.message).toContain('runs in the background while the shell waits as PID 1');
  });

  it('near miss: the handler kills the child (or exits), so the trap stops it', () => {
    expect(ruleHits(ID, 'python:3.12-slim', script('kill -TERM "$child" 2>/dev/null'))).toEqual([]);
    expect(ruleHits(ID, 'python:3.12-slim', script('exit 143'))).toEqual([]);
  });
});

describe(`${ID}: an endless loop that starts and restarts the programs in the background`, () => {
  // herc1/docker-pac entrypoint.sh (trimmed): a shell watchdog for apache and cron under bash as PID 1.
  const watchdog = (trap: string) =>
    `#!/bin/bash\n${trap}\nyes | cp -f /opt/conf/crontab /etc/crontab\n\nwhile true; do\n if [ $(pgrep apache2 | wc -l) -eq 0 ]\n then\n  echo "apache2 is not running! Starting"\n  apache2-foreground &\n fi\n if [ $(pgrep cron | wc -l) -eq 0 ]\n then\n  cron -f &\n fi\n sleep 5\ndone\n`;

  it('herc1/docker-pac: the loop keeps bash as PID 1 for ever; reported at the first job started in it', () => {
    const h = ruleHits(ID, 'php:5.6.39-apache-stretch', watchdog(''));
    expect(h.map((f) => `${f.line}:${f.severity}`)).toEqual(['9:error']);
    expect(h[0]!.message).toContain('`apache2-foreground &` runs in the background of the endless loop on line 5, which keeps the shell as PID 1');
  });

  it('near miss: a TERM trap in the script, or a loop that only waits for a job it started before, is not this', () => {
    expect(ruleHits(ID, 'php:5.6.39-apache-stretch', watchdog("trap 'kill $(jobs -p); exit 0' TERM"))).toEqual([]);
    // A loop that starts nothing in the background (it only logs and sleeps) is not a watchdog.
    expect(ruleHits(ID, 'php:8.3-apache', '#!/bin/bash\napache2-foreground\nwhile true; do\n  date\n  sleep 60\ndone\n').filter((f) => f.message.includes('endless loop'))).toEqual([]);
    // The same loop after `exec "$@"` never runs.
    expect(ruleHits(ID, 'php:8.3-apache', '#!/bin/bash\nexec "$@"\nwhile true; do\n  cron -f &\n  sleep 5\ndone\n', ['apache2-foreground'])).toEqual([]);
  });
});

describe(`${ID}: the endless-loop cases under an init`, () => {
  const underInit = (init: string, script: string) =>
    hits(lint(`FROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [${init}"/entrypoint.sh"]\n`, { 'entrypoint.sh': { content: script, mode: 0o755 } }), ID);
  // herc1/docker-pac's watchdog loop and samoshkin/tls-nginx-strong-example's crond + loop, as if behind tini.
  const watchdog = '#!/bin/sh\nwhile true; do\n  if ! pgrep httpd; then\n    httpd -DFOREGROUND &\n  fi\n  sleep 5\ndone\n';
  const crond = '#!/bin/sh\ncrond -L /var/log/cron.log -l 2\nwhile true\ndo\n  cat /var/log/cron.log & wait ${!}\ndone\n';

  it('behind plain tini the shell is not PID 1: tini delivers SIGTERM to the looping shell only', () => {
    const w = underInit('"/sbin/tini", "--", ', watchdog);
    expect(w.map((f) => f.line)).toEqual([4]);
    expect(w[0]!.message).toContain('tini delivers SIGTERM to the looping shell only');
    expect(w[0]!.message).not.toContain('PID 1');
    const c = underInit('"/sbin/tini", "--", ', crond);
    expect(c.map((f) => f.line)).toEqual([2]);
    expect(c[0]!.message).toContain('tini delivers SIGTERM to the looping shell only');
  });

  it('behind tini -g the looping shell dies of the group\'s SIGTERM and tini exits with it; a TERM trap that stops the jobs is the near miss', () => {
    const w = underInit('"/sbin/tini", "-g", "--", ', watchdog);
    expect(w.map((f) => f.line)).toEqual([4]);
    expect(w[0]!.message).toContain('when tini signals the whole process group the looping shell dies of SIGTERM at once, tini exits with its child');
    expect(underInit('"/sbin/tini", "-g", "--", ', crond).map((f) => f.line)).toEqual([2]);
    expect(underInit('"/sbin/tini", "-g", "--", ', watchdog.replace('#!/bin/sh\n', "#!/bin/sh\ntrap 'kill $(jobs -p); exit 0' TERM\n"))).toEqual([]);
  });
});

describe(`${ID}: supervisord stays in the foreground when its config file says nodaemon=true`, () => {
  // standardnotes/server Dockerfile + docker/docker-entrypoint.sh (trimmed): no CMD, the script renders .env files,
  // runs supervisord, then `exec "$@"` with no arguments. The copied supervisord.conf says nodaemon=true.
  const standardNotes = (conf: string) =>
    lint(
      dedent(`
        FROM node:20.10.0-alpine
        RUN apk add --update --no-cache bash py3-pip && pip install --break-system-packages supervisor
        COPY docker/supervisord.conf /etc/supervisord.conf
        COPY docker/docker-entrypoint.sh /usr/local/bin/
        WORKDIR /opt/server
        ENTRYPOINT ["docker-entrypoint.sh"]
      `),
      {
        'docker/supervisord.conf': conf,
        'docker/docker-entrypoint.sh': {
          content: '#!/bin/bash\nexport MODE="self-hosted"\nprintenv | grep AUTH_SERVER_ | sed \'s/AUTH_SERVER_//g\' > /opt/server/packages/auth/.env\n\n# Run supervisor\n\nsupervisord -c /etc/supervisord.conf\n\nexec "$@"\n',
          mode: 0o755,
        },
      },
    );

  it('fires at supervisord (bash stays PID 1 and never passes SIGTERM on), and entrypoint-resets-cmd no longer says the script runs nothing (standardnotes/server)', () => {
    const findings = standardNotes('[supervisord]\nnodaemon=true\nlogfile=/var/lib/server/logs/supervisord.log\n\n[program:syncing-server]\ncommand=/opt/server/supervisor-server.sh\n');
    const h = hits(findings, ID);
    expect(h.map((f) => `${f.file}:${f.line}`)).toEqual(['docker/docker-entrypoint.sh:7']);
    expect(h[0]!.message).toMatch(/`supervisord -c \/etc\/supervisord.conf` runs as a child of the shell/);
    expect(hits(findings, 'entrypoint-resets-cmd')).toEqual([]);
    expect(hits(findings, 'wrapper-no-errexit')).toEqual([]);
  });

  it('near miss: a config that leaves supervisord to daemonize (nodaemon=false, or nodaemon only in a [program:x] section) is a step; the script then runs nothing', () => {
    for (const conf of ['[supervisord]\nnodaemon=false\n', '[supervisord]\nlogfile=/tmp/s.log\n\n[program:web]\ncommand=node server.js\nnodaemon=true\n']) {
      const findings = standardNotes(conf);
      expect(hits(findings, ID)).toEqual([]);
      expect(hits(findings, 'entrypoint-resets-cmd').map((f) => f.line)).toEqual([6]);
    }
  });

  // postalserver/postal bin/postal (trimmed): `run()` evals its arguments, and each case branch calls it with a command line.
  const POSTAL = dedent(`
    #!/bin/bash
    set -e
    run() {
        eval $@
    }
    case "$1" in
        initialize)
            run "bundle exec rake db:create postal:update"
            ;;
        web-server)
            run "bundle exec puma -C config/puma.rb"
            ;;
        *)
            echo "Usage: postal [command]"
            ;;
    esac
  `);

  it('says that `eval $@` in a function runs what the function is called with, and puts exec inside the eval (postalserver/postal)', () => {
    const h = ruleHits(ID, 'ruby:3.4-slim', POSTAL, ['web-server']);
    expect(h.map((f) => f.line)).toEqual([4]);
    expect(h[0]!.message).toContain('runs the command `run` is called with (`run "bundle exec puma -C config/puma.rb"` on line 11)');
    expect(h[0]!.message).not.toContain("container's command");
    expect(h[0]!.fix).toContain('`eval exec $@`');
    // Called from two branches: no autofix (exec would end the script on the other path too).
    expect(h[0]!.autofix).toBeUndefined();
  });

  it("at the top level `eval $@` runs the container's command, and its fix is `eval exec $@`, never `exec eval` (which cannot run the builtin)", () => {
    const h = ruleHits(ID, 'debian:bookworm-slim', '#!/bin/bash\nset -e\n./migrate.sh\neval $@\n', ['bundle', 'exec', 'puma']);
    expect(h.map((f) => f.line)).toEqual([4]);
    expect(h[0]!.message).toContain("runs the container's command");
    expect(h[0]!.fix).toContain('`eval exec $@`');
    const edits = h[0]!.autofix?.edits ?? [];
    expect(edits.map((e) => [e.line, e.column, e.text])).toEqual([[4, 6, 'exec ']]);
  });

  it('names the program a dropper runs, not the dropper (kobotoolbox/kpi: gosu "$UWSGI_USER" python manage.py runserver_plus without exec)', () => {
    const h = ruleHits(ID, 'python:3.12-slim', '#!/bin/bash\nset -e\npython manage.py migrate\ngosu "${UWSGI_USER}" python manage.py runserver_plus 0:8000\n');
    expect(h.map((f) => f.line)).toEqual([4]);
    expect(h[0]!.message).toContain('SIGKILLs `python`');
    expect(h[0]!.message).not.toContain('SIGKILLs `gosu`');
  });
});

describe(`${ID}: a trap of the image's STOPSIGNAL`, () => {
  // confluentinc/kafka-images local/include/etc/confluent/docker/launch (trimmed): two servers in the
  // background, `wait -n`, and a cleanup trap on SIGINT, the signal the image's STOPSIGNAL sends.
  const launch = [
    '#!/usr/bin/env bash',
    'kafka-server-start /etc/kafka/kafka.properties &',
    'P1=$!',
    'kafka-rest-start /etc/kafka-rest/kafka-rest.properties &',
    'P2=$!',
    'cleanup() {',
    '  kill $P1 $P2',
    '  wait $P1 $P2 2>/dev/null',
    '  exit 1',
    '}',
    'trap cleanup SIGINT',
    'wait -n $P1 $P2',
    'exit $?',
    '',
  ].join('\n');
  const image = (stop: string) =>
    hits(lint(`FROM eclipse-temurin:21-jre\nCOPY launch /etc/confluent/docker/launch\nCMD ["/etc/confluent/docker/launch"]\n${stop}`, { launch: { content: launch, mode: 0o755 } }), ID);

  it('confluentinc/kafka-images: `STOPSIGNAL SIGINT` and `trap cleanup SIGINT` stop the jobs: not reported', () => {
    expect(image('STOPSIGNAL SIGINT\n')).toEqual([]);
    expect(image('STOPSIGNAL 2\n')).toEqual([]);
  });

  it('near miss: without the STOPSIGNAL, docker stop sends SIGTERM, which the INT trap does not catch', () => {
    const h = image('');
    expect(h.map((f) => f.line)).toEqual([2]);
    expect(h[0]!.message).toContain('runs in the background while the shell waits as PID 1');
  });
});

describe(`${ID}: \`mongod --shutdown\` stops a server and returns`, () => {
  // debezium/container-images mongo/8.0/mongodb-debezium-entrypoint.sh (trimmed): the temporary
  // mongod is stopped with `mongod --shutdown` before the real one is exec'd.
  const script = (stop: string) =>
    `#!/usr/bin/env sh\nset -ex\nif [ ! -f "$REPLICA_FILE" ]; then\n  mongod --fork --dbpath /data/db --logpath /tmp/mongod.log\n  mongosh admin --eval "db.createUser({user:'admin',pwd:'admin',roles:['root']})"\n  ${stop}\n  exec mongod --auth --replSet rs0 --dbpath /data/db --bind_ip_all\nelse\n  exec mongod --auth --replSet rs0 --dbpath /data/db --bind_ip_all\nfi\n`;

  it('debezium/container-images: `mongod --shutdown` (or `--repair`) is a step, not the main process: not reported', () => {
    expect(ruleHits(ID, 'mongo:8.0', script('mongod --shutdown'), null)).toEqual([]);
    expect(ruleHits(ID, 'mongo:8.0', script('mongod --repair --dbpath /data/db'), null)).toEqual([]);
  });

  it('near miss: a plain `mongod` there runs the server in the foreground as the shell\'s child', () => {
    const h = ruleHits(ID, 'mongo:8.0', script('mongod --dbpath /data/db'), null);
    expect(h.map((f) => f.line)).toEqual([6]);
    expect(h[0]!.message).toContain('`mongod --dbpath /data/db` runs as a child of the shell');
  });
});

describe(`${ID}: a \`version\` sub-command prints and returns`, () => {
  // alist-org/alist entrypoint.sh (trimmed): `docker run … version` prints the version; the other branch execs the server.
  const script = (version: string) =>
    `#!/bin/bash\nchown -R \${PUID}:\${PGID} /opt/alist/\numask \${UMASK}\nif [ "$1" = "version" ]; then\n  ${version}\nelse\n  exec su-exec \${PUID}:\${PGID} ./alist server --no-prefix\nfi\n`;

  it('alist-org/alist: `./alist version` on its own branch is not the main process: not reported', () => {
    expect(ruleHits(ID, 'alpine:3.20', script('./alist version'), null)).toEqual([]);
  });

  it('near miss: `./alist server` there runs the server as the shell\'s child', () => {
    const h = ruleHits(ID, 'alpine:3.20', script('./alist server'), null);
    expect(h.map((f) => f.line)).toEqual([5]);
    expect(h[0]!.message).toContain('`./alist server` runs as a child of the shell');
  });
});

describe(`${ID}: the app started in the background and the script ends`, () => {
  // seata/seata distribution/bin/seata-server.sh (trimmed), run by `CMD ["sh", "/seata-server/bin/seata-server.sh"]`.
  const seata = (tail: string) =>
    `#!/bin/sh\nPRG="$0"\nwhile [ -h "$PRG" ]; do\n  PRG=$(readlink "$PRG")\ndone\nBASEDIR=/seata-server\nJAVACMD=java\nJAVA_OPT="-jar \${BASEDIR}/target/seata-server.jar"\nif [ ! -x "$BASEDIR"/logs ]; then\n  mkdir "$BASEDIR"/logs\nfi\nnohup $JAVACMD \${JAVA_OPT} >> \${BASEDIR}/logs/start.out 2>&1 &\necho "seata-server is starting, you can check the \${BASEDIR}/logs/start.out"\n${tail}`;
  const image = (script: string, cmd = '["sh", "/seata-server/bin/seata-server.sh"]') =>
    hits(lint(`FROM eclipse-temurin:8-jre\nCOPY seata-server.sh /seata-server/bin/seata-server.sh\nCMD ${cmd}\n`, { 'seata-server.sh': { content: script, mode: 0o755 } }), ID);

  it('seata/seata: `nohup $JAVACMD … &` and then the end of the script: the container stops at once', () => {
    const h = image(seata(''));
    expect(h.map((f) => f.line)).toEqual([12]);
    expect(h[0]!.message).toContain('starts the app in the background and the script then ends');
    expect(h[0]!.fix).toContain('without `&` or `nohup`');
  });

  it('near miss: a script that waits for the job, or a CMD that keeps running after the script, is not this', () => {
    expect(image(seata('wait\n')).map((f) => f.message)).toEqual([expect.stringContaining('runs in the background while the shell waits as PID 1')]);
    expect(image(seata(''), '["sh", "-c", "sh /seata-server/bin/seata-server.sh; exec tail -f /seata-server/logs/start.out"]')).toEqual([]);
    // A one-shot step in the background (`--version`) starts no app.
    expect(image('#!/bin/sh\njava --version &\necho done\n')).toEqual([]);
    // homarr-labs/homarr scripts/run.sh (trimmed): a restart loop that waits for the job's PID holds the shell.
    expect(image('#!/bin/sh\nnode server.js &\nPID=$!\nwhile true; do\n  wait $PID\n  sleep 1\n  node server.js &\n  PID=$!\ndone\n').filter((f) => f.message.includes('script then ends'))).toEqual([]);
  });
});

describe(`${ID}: a stop step after the app`, () => {
  // thingsboard/thingsboard msa/tb/docker/start-tb.sh (trimmed): the database is stopped after the app returns.
  const script = (last: string) =>
    `#!/bin/bash\nstart-db.sh\nsource /usr/share/thingsboard/conf/thingsboard.conf\nif [ -f /data/.firstlaunch ]; then\n  echo "Starting ThingsBoard ..."\n  java -cp /usr/share/thingsboard/bin/thingsboard.jar $JAVA_OPTS org.springframework.boot.loader.launch.PropertiesLauncher\nelse\n  echo "ERROR: ThingsBoard is not installed"\nfi\n${last}\n`;

  it('thingsboard/thingsboard: `stop-db.sh` (or `pg_ctl stop`) at the end is a clean-up step, not the app the shell keeps: not blamed', () => {
    expect(ruleHits(ID, 'eclipse-temurin:21-jre', script('stop-db.sh'), null)).toEqual([]);
    expect(ruleHits(ID, 'eclipse-temurin:21-jre', script('pg_ctl stop -D /data/db'), null)).toEqual([]);
  });

  it('near miss: a program that is not a stop step there is the last command, as before', () => {
    const h = ruleHits(ID, 'eclipse-temurin:21-jre', script('cleanup-worker --watch'), null);
    expect(h.map((f) => f.line)).toEqual([10]);
  });
});
