// Precision (no noise on a good Dockerfile): well-kept images written the way the official images are must not
// trigger any of the image or file-level wrapper rules.
import { describe, expect, it } from 'vitest';
import { dedent, lint } from '../../helpers.js';

const MINE = new Set([
  'missing-interpreter',
  'no-debug-shell',
  'platform-pinned-from',
  'arch-specific-download',
  'wrapper-missing-shebang',
  'crlf-line-endings',
  'utf8-bom',
  'wrapper-not-executable',
]);

function mine(dockerfile: string, files: Parameters<typeof lint>[1] = {}) {
  return lint(dedent(dockerfile), files).filter((f) => MINE.has(f.rule));
}

const NODE_ENTRY = '#!/bin/sh\nset -e\n\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then\n  set -- node "$@"\nfi\n\nexec "$@"\n';

describe('precision on official-image-style Dockerfiles', () => {
  it('node on alpine: per-arch tarball chosen with apk --print-arch, #!/bin/sh entrypoint at 0755', () => {
    const f = mine(
      `
      FROM alpine:3.20
      ENV NODE_VERSION 22.11.0
      RUN addgroup -g 1000 node \\
          && adduser -u 1000 -G node -s /bin/sh -D node \\
          && apk add --no-cache libstdc++ \\
          && apk add --no-cache --virtual .build-deps curl \\
          && ARCH= OPENSSL_ARCH='linux*' && alpineArch="$(apk --print-arch)" \\
            && case "\${alpineArch##*-}" in \\
              x86_64) ARCH='x64' OPENSSL_ARCH=linux-x86_64;; \\
              aarch64) ARCH='arm64' OPENSSL_ARCH=linux-aarch64;; \\
              *) ;; \\
            esac \\
          && curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" \\
          && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner \\
          && apk del .build-deps \\
          && node --version
      COPY docker-entrypoint.sh /usr/local/bin/
      ENTRYPOINT ["docker-entrypoint.sh"]
      CMD [ "node" ]
      `,
      { 'docker-entrypoint.sh': { content: NODE_ENTRY, mode: 0o755 } },
    );
    expect(f).toEqual([]);
  });

  it('postgres-style Debian image: gosu per dpkg arch, bash entrypoint sourcing a helper, hook directory', () => {
    const f = mine(
      `
      FROM debian:bookworm-slim
      ENV GOSU_VERSION 1.17
      RUN set -eux; \\
          savedAptMark="$(apt-mark showmanual)"; \\
          apt-get update; \\
          apt-get install -y --no-install-recommends ca-certificates wget; \\
          rm -rf /var/lib/apt/lists/*; \\
          dpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \\
          wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \\
          chmod +x /usr/local/bin/gosu; \\
          gosu --version
      RUN mkdir /docker-entrypoint-initdb.d
      COPY docker-ensure-initdb.sh docker-entrypoint.sh /usr/local/bin/
      COPY lib.sh /usr/local/lib/
      ENTRYPOINT ["docker-entrypoint.sh"]
      STOPSIGNAL SIGINT
      CMD ["postgres"]
      `,
      {
        'docker-entrypoint.sh': { content: '#!/usr/bin/env bash\nset -Eeo pipefail\nsource /usr/local/lib/lib.sh\n_main() {\n  exec gosu postgres "$@"\n}\n_main "$@"\n', mode: 0o755 },
        'docker-ensure-initdb.sh': { content: '#!/usr/bin/env bash\r\n', mode: 0o644 },
        'lib.sh': { content: 'docker_setup_env() { :; }\n', mode: 0o644 },
      },
    );
    expect(f).toEqual([]);
  });

  it('python built from source on Debian, gunicorn via a wrapper run by tini', () => {
    const f = mine(
      `
      FROM buildpack-deps:bookworm AS python
      ENV PYTHON_VERSION 3.12.7
      RUN set -eux; \\
          wget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \\
          mkdir -p /usr/src/python; tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \\
          cd /usr/src/python; gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \\
          ./configure --build="$gnuArch" --enable-optimizations; make -j "$(nproc)"; make install
      FROM python AS app
      RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
      WORKDIR /app
      COPY . .
      ENTRYPOINT ["tini", "--", "/app/docker/start.sh"]
      `,
      { 'docker/start.sh': { content: '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec gunicorn app.wsgi --bind 0.0.0.0:8000\n', mode: 0o755 } },
    );
    expect(f).toEqual([]);
  });

  it('nginx alpine with a CRLF config and hook scripts the entrypoint finds at run time', () => {
    const f = mine(
      `
      FROM nginx:1.27-alpine
      COPY nginx.conf /etc/nginx/nginx.conf
      COPY 40-render-config.sh /docker-entrypoint.d/
      COPY site/ /usr/share/nginx/html/
      `,
      { 'nginx.conf': 'events {}\r\nhttp {}\r\n', '40-render-config.sh': { content: '#!/bin/bash\r\n', mode: 0o644 }, 'site/index.html': '<h1>hi</h1>' },
    );
    expect(f).toEqual([]);
  });

  it('Celery worker on python:3.12-slim started through sh -c with exec', () => {
    const f = mine(
      `
      FROM python:3.12-slim
      WORKDIR /app
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
      USER 1000
      CMD ["sh", "-c", "exec celery -A app worker --loglevel=info"]
      `,
      { 'requirements.txt': 'celery\n' },
    );
    expect(f).toEqual([]);
  });
});
