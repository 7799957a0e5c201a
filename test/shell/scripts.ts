// Wrapper scripts in the style of the official images and of real application repos,
// shared by the shell and wrapper-rule tests. Written for these tests (not copies).
import { dedent } from '../helpers.js';

/** docker-library postgres style: functions, `_main "$@"` behind `_is_sourced`, gosu re-exec, a temporary server with "$@" in the middle. */
export const POSTGRES_STYLE = dedent(`
  #!/usr/bin/env bash
  set -Eeo pipefail

  # usage: file_env VAR [DEFAULT]
  file_env() {
  	local var="$1"
  	local fileVar="\${var}_FILE"
  	local def="\${2:-}"
  	if [ "\${!var:-}" ] && [ "\${!fileVar:-}" ]; then
  		printf >&2 'error: both %s and %s are set\\n' "$var" "$fileVar"
  		exit 1
  	fi
  	local val="$def"
  	if [ "\${!var:-}" ]; then
  		val="\${!var}"
  	elif [ "\${!fileVar:-}" ]; then
  		val="$(< "\${!fileVar}")"
  	fi
  	export "$var"="$val"
  	unset "$fileVar"
  }

  _is_sourced() {
  	[ "\${#FUNCNAME[@]}" -ge 2 ] \\
  		&& [ "\${FUNCNAME[0]}" = '_is_sourced' ] \\
  		&& [ "\${FUNCNAME[1]}" = 'source' ]
  }

  docker_create_db_directories() {
  	mkdir -p "$PGDATA"
  	chmod 00700 "$PGDATA" || :
  	if [ "$(id -u)" = '0' ]; then
  		find "$PGDATA" \\! -user postgres -exec chown postgres '{}' +
  	fi
  }

  docker_temp_server_start() {
  	if [ "$1" = 'postgres' ]; then
  		shift
  	fi
  	set -- "$@" -c listen_addresses='' -p "\${PGPORT:-5432}"
  	PGUSER="\${PGUSER:-$POSTGRES_USER}" \\
  	pg_ctl -D "$PGDATA" \\
  		-o "$(printf '%q ' "$@")" \\
  		-w start
  }

  docker_temp_server_stop() {
  	PGUSER="\${PGUSER:-postgres}" \\
  	pg_ctl -D "$PGDATA" -m fast -w stop
  }

  docker_process_init_files() {
  	local f
  	for f; do
  		case "$f" in
  			*.sh)
  				if [ -x "$f" ]; then
  					printf '%s: running %s\\n' "$0" "$f"
  					"$f"
  				else
  					printf '%s: sourcing %s\\n' "$0" "$f"
  					. "$f"
  				fi
  				;;
  			*.sql)    printf '%s: running %s\\n' "$0" "$f"; psql -v ON_ERROR_STOP=1 -f "$f"; printf '\\n' ;;
  			*.sql.gz) printf '%s: running %s\\n' "$0" "$f"; gunzip -c "$f" | psql -v ON_ERROR_STOP=1; printf '\\n' ;;
  			*)        printf '%s: ignoring %s\\n' "$0" "$f" ;;
  		esac
  	done
  }

  _pg_want_help() {
  	local arg
  	for arg; do
  		case "$arg" in
  			-'?'|--help|--describe-config|-V|--version)
  				return 0
  				;;
  		esac
  	done
  	return 1
  }

  _main() {
  	# if first arg looks like a flag, assume we want to run postgres server
  	if [ "\${1:0:1}" = '-' ]; then
  		set -- postgres "$@"
  	fi

  	if [ "$1" = 'postgres' ] && ! _pg_want_help "$@"; then
  		file_env 'POSTGRES_PASSWORD'
  		docker_create_db_directories
  		if [ "$(id -u)" = '0' ]; then
  			# then restart script as postgres user
  			exec gosu postgres "$BASH_SOURCE" "$@"
  		fi

  		if [ ! -s "$PGDATA/PG_VERSION" ]; then
  			initdb --username=postgres --pwfile=<(printf '%s\\n' "$POSTGRES_PASSWORD")
  			docker_temp_server_start "$@"
  			docker_process_init_files /docker-entrypoint-initdb.d/*
  			docker_temp_server_stop
  			cat <<-'EOM'

  				PostgreSQL init process complete; ready for start up.

  			EOM
  		fi
  	fi

  	exec "$@"
  }

  if ! _is_sourced; then
  	_main "$@"
  fi
`);

/** docker-library mysql style: the temporary server runs "$@" in the background, is waited for on its socket, then stopped. */
export const MYSQL_STYLE = dedent(`
  #!/bin/bash
  set -eo pipefail
  shopt -s nullglob

  mysql_note() {
  	echo "$(date --rfc-3339=seconds) [Note] [Entrypoint]: $*"
  }

  docker_temp_server_start() {
  	"$@" --skip-networking --socket="\${SOCKET}" &
  	MYSQL_PID=$!
  	mysql_note "Waiting for server startup"
  	local i
  	for i in {30..0}; do
  		if mysqladmin --socket="\${SOCKET}" ping &> /dev/null; then
  			break
  		fi
  		sleep 1
  	done
  	if [ "$i" = 0 ]; then
  		echo >&2 "Unable to start server."
  		exit 1
  	fi
  }

  docker_temp_server_stop() {
  	kill "$MYSQL_PID"
  	wait "$MYSQL_PID"
  }

  _main() {
  	if [ "\${1:0:1}" = '-' ]; then
  		set -- mysqld "$@"
  	fi
  	if [ "$1" = 'mysqld' ]; then
  		if [ "$(id -u)" = "0" ]; then
  			exec gosu mysql "$BASH_SOURCE" "$@"
  		fi
  		if [ ! -d "$DATADIR/mysql" ]; then
  			mysqld --initialize-insecure
  			docker_temp_server_start "$@"
  			docker_temp_server_stop
  		fi
  	fi
  	exec "$@"
  }

  _main "$@"
`);

/** redis style: `find … -exec`, then `exec gosu redis "$0" "$@"`, then `exec "$@"`. */
export const REDIS_STYLE = dedent(`
  #!/bin/sh
  set -e

  # first arg is \`-f\` or \`--some-option\`
  # or first arg is \`something.conf\`
  if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
  	set -- redis-server "$@"
  fi

  # allow the container to be started with \`--user\`
  if [ "$1" = 'redis-server' -a "$(id -u)" = '0' ]; then
  	find . \\! -user redis -exec chown redis '{}' +
  	exec gosu redis "$0" "$@"
  fi

  um="$(umask)"
  if [ "$um" = '0022' ]; then
  	umask 0077
  fi

  exec "$@"
`);

/** node style: prepend `node` when the first argument is a flag or not a command. */
export const NODE_STYLE = dedent(`
  #!/bin/sh
  set -e

  # Run command with node if the first argument contains a "-" or is not a system command.
  if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
    set -- node "$@"
  fi

  exec "$@"
`);

/** nginx style: runs /docker-entrypoint.d/*.sh hooks in a piped while loop, then `exec "$@"`. */
export const NGINX_STYLE = dedent(`
  #!/bin/sh
  # vim:sw=4:ts=4:et

  set -e

  entrypoint_log() {
      if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
          echo "$@"
      fi
  }

  if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
      if /usr/bin/find "/docker-entrypoint.d/" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
          entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
          find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do
              case "$f" in
                  *.envsh)
                      if [ -x "$f" ]; then
                          entrypoint_log "$0: Sourcing $f";
                          . "$f"
                      else
                          entrypoint_log "$0: Ignoring $f, not executable";
                      fi
                      ;;
                  *.sh)
                      if [ -x "$f" ]; then
                          entrypoint_log "$0: Launching $f";
                          "$f"
                      else
                          entrypoint_log "$0: Ignoring $f, not executable";
                      fi
                      ;;
                  *) entrypoint_log "$0: Ignoring $f";;
              esac
          done
          entrypoint_log "$0: Configuration complete; ready for start up"
      else
          entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
      fi
  fi

  exec "$@"
`);

/** A Django app's entrypoint: migrate, collectstatic, then exec gunicorn. */
export const DJANGO = dedent(`
  #!/bin/sh
  set -e

  python manage.py migrate --noinput
  python manage.py collectstatic --noinput --clear

  exec gunicorn myproject.wsgi:application \\
      --bind 0.0.0.0:8000 \\
      --workers "\${GUNICORN_WORKERS:-3}"
`);

/** A Celery worker wrapper that forgets exec on its last line. */
export const CELERY_NO_EXEC = dedent(`
  #!/bin/sh
  set -e

  echo "Starting worker for queue \${CELERY_QUEUE:-default}"
  celery -A proj worker --loglevel=info -Q "\${CELERY_QUEUE:-default}"
`);

/** Gunicorn in the background and the shell waiting on it. */
export const GUNICORN_BACKGROUND = dedent(`
  #!/bin/sh
  set -e

  python manage.py migrate --noinput
  gunicorn app:app --bind 0.0.0.0:8000 &
  wait
`);

/** bash syntax under #!/bin/sh. */
export const BASH_UNDER_SH = dedent(`
  #!/bin/sh
  set -e

  if [[ "$APP_ENV" == "production" ]]; then
    echo "production"
  fi

  exec "$@"
`);
