import { describe, expect, it } from 'vitest';
import { analyseInstalls, baseHas, interpreterOf } from '../../../src/model/installs.js';
import { classifyImage } from '../../../src/model/base-image.js';
import { dedent, hits, lint, lintResult } from '../../helpers.js';

const ID = 'missing-interpreter';
const BASH_ENTRY = '#!/bin/bash\nset -euo pipefail\nexec "$@"\n';
const SH_ENTRY = '#!/bin/sh\nset -e\nexec "$@"\n';

describe('missing-interpreter: fires', () => {
  it('a #!/bin/bash wrapper on node:22-alpine3.23 with no bash install points at the shebang', () => {
    const f = lint(
      dedent(`
        FROM node:22-alpine3.23
        WORKDIR /app
        COPY --chmod=755 docker/entrypoint.sh /usr/local/bin/
        COPY . .
        ENTRYPOINT ["entrypoint.sh"]
        CMD ["node", "server.js"]
      `),
      { 'docker/entrypoint.sh': BASH_ENTRY, 'server.js': '' },
    );
    const h = hits(f, ID);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'error', file: 'docker/entrypoint.sh', line: 1 });
    expect(h[0]!.message).toContain('#!/bin/bash');
    expect(h[0]!.message).toContain('node:22-alpine3.23');
    expect(h[0]!.fix).toContain('apk add --no-cache bash');
  });

  it('bash in an exec-form start command on php:8.5-fpm-alpine', () => {
    const f = lint(
      dedent(`
        FROM php:8.5-fpm-alpine
        RUN apk add --no-cache icu-libs
        CMD ["bash", "-c", "exec php-fpm"]
      `),
    );
    expect(hits(f, ID).map((x) => [x.line, x.file])).toEqual([[3, 'Dockerfile']]);
  });

  it('bash installed only in a --virtual group that a later apk del removes', () => {
    const f = lint(
      dedent(`
        FROM python:3.12-alpine
        RUN apk add --no-cache --virtual .build-deps gcc musl-dev bash \\
         && pip install --no-cache-dir -r /dev/null \\
         && apk del .build-deps
        COPY --chmod=755 entrypoint.sh /entrypoint.sh
        ENTRYPOINT ["/entrypoint.sh"]
        CMD ["gunicorn", "app.wsgi"]
      `),
      { 'entrypoint.sh': BASH_ENTRY },
    );
    expect(hits(f, ID).map((x) => [x.file, x.line])).toEqual([['entrypoint.sh', 1]]);
  });

  it('a shell-form CMD on scratch and a #!/bin/sh wrapper on distroless', () => {
    const scratch = lint('FROM scratch\nCOPY server /server\nCMD /server --port 8080\n', { server: 'x' });
    expect(hits(scratch, ID).map((x) => x.line)).toEqual([3]);
    expect(hits(scratch, ID)[0]!.message).toMatch(/^`CMD \/server --port 8080` is shell form, .*needs \/bin\/sh/);

    const distroless = lint(
      dedent(`
        FROM golang:1.23 AS build
        WORKDIR /src
        RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /out/api /api
        COPY --chmod=755 start.sh /start.sh
        ENTRYPOINT ["/start.sh"]
      `),
      { 'start.sh': '#!/bin/sh\nexec /api\n' },
    );
    expect(hits(distroless, ID).map((x) => [x.file, x.line])).toEqual([['start.sh', 1]]);
  });

  it('python on a plain Debian image, via /usr/bin/env', () => {
    const f = lint('FROM debian:bookworm-slim\nCOPY app.py /app.py\nENTRYPOINT ["/usr/bin/env", "python3", "/app.py"]\n', { 'app.py': '' });
    expect(hits(f, ID).map((x) => x.line)).toEqual([3]);
  });

  it('a COPY heredoc wrapper points at its line in the Dockerfile', () => {
    const f = lint(
      dedent(`
        FROM alpine:3.20
        COPY --chmod=755 <<EOF /entrypoint.sh
        #!/usr/bin/env bash
        exec "\\$@"
        EOF
        ENTRYPOINT ["/entrypoint.sh"]
        CMD ["crond", "-f"]
      `),
    );
    expect(hits(f, ID).map((x) => [x.file, x.line])).toEqual([['Dockerfile', 3]]);
  });
});

describe('missing-interpreter: near misses', () => {
  it.each([
    ['apk add --no-cache bash', 'RUN apk add --no-cache bash tini'],
    ['a version pin', 'RUN apk add --no-cache bash=5.2.26-r0'],
    ['comment lines inside the continuation', 'RUN apk add --no-cache \\\n    # the entrypoint needs bash\n    bash \\\n    curl'],
    ['an installed package kept by a later del of another virtual', 'RUN apk add --no-cache bash && apk add --no-cache --virtual .b gcc && apk del .b'],
    ['a package list from ENV', 'ENV RUNTIME_DEPS="bash ca-certificates"\nRUN apk add --no-cache $RUNTIME_DEPS'],
    ['an install list only known at build time', 'RUN apk add --no-cache $(cat /tmp/packages.txt)'],
    ['bash built from source', 'RUN wget -O bash.tgz https://ftp.gnu.org/gnu/bash/bash-5.2.tar.gz && tar xzf bash.tgz && cd bash-5.2 && ./configure && make install'],
    ['bash copied from another image', 'COPY --from=bash:5.2 /usr/local/bin/bash /bin/bash'],
  ])('alpine + #!/bin/bash with %s', (_name, install) => {
    const f = lint(`FROM alpine:3.20\n${install}\nCOPY --chmod=755 e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n`, { 'e.sh': BASH_ENTRY });
    expect(hits(f, ID)).toEqual([]);
  });

  it.each(['debian:bookworm', 'ubuntu:24.04', 'python:3.12-slim', 'node:22', 'oraclelinux:9', 'redhat/ubi9', 'postgres:16-alpine', 'cgr.dev/chainguard/node', 'myorg/base:1.0-alpine'])(
    '#!/bin/bash on %s',
    (image) => {
      const f = lint(`FROM ${image}\nCOPY --chmod=755 e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n`, { 'e.sh': BASH_ENTRY });
      expect(hits(f, ID)).toEqual([]);
    },
  );

  it('a #!/bin/bash script handed to sh explicitly only needs sh', () => {
    const f = lint('FROM alpine:3.20\nCOPY e.sh /e.sh\nENTRYPOINT ["/bin/sh", "/e.sh"]\n', { 'e.sh': BASH_ENTRY });
    expect(hits(f, ID)).toEqual([]);
  });

  it('#!/bin/sh on alpine and busybox, and sourced bash-looking files', () => {
    expect(hits(lint('FROM busybox:1.36\nCOPY --chmod=755 e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n', { 'e.sh': SH_ENTRY }), ID)).toEqual([]);
    const f = lint('FROM alpine:3.20\nCOPY --chmod=755 e.sh lib.sh /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/e.sh"]\n', {
      'e.sh': '#!/bin/sh\n. /usr/local/bin/lib.sh\nexec "$@"\n',
      'lib.sh': '#!/bin/bash\nlog() { echo "$*"; }\n',
    });
    expect(hits(f, ID)).toEqual([]);
  });

  it('distroless python and node images have their interpreter; :debug distroless has sh', () => {
    expect(hits(lint('FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app/\nCMD ["python3", "/app/app.py"]\n', { 'app.py': '' }), ID)).toEqual([]);
    expect(hits(lint('FROM gcr.io/distroless/nodejs22-debian12\nCOPY s.js /app/\nCMD ["node", "/app/s.js"]\n', { 's.js': '' }), ID)).toEqual([]);
    expect(hits(lint('FROM gcr.io/distroless/base-debian12:debug\nCOPY --chmod=755 e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n', { 'e.sh': SH_ENTRY }), ID)).toEqual([]);
  });

  it('a Go binary in exec form on scratch needs nothing', () => {
    const f = lint(
      dedent(`
        FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build
        ARG TARGETOS TARGETARCH
        RUN GOOS=$TARGETOS GOARCH=$TARGETARCH CGO_ENABLED=0 go build -o /out/api ./cmd/api
        FROM scratch
        COPY --from=build /out/api /api
        ENTRYPOINT ["/api"]
      `),
    );
    expect(hits(f, ID)).toEqual([]);
  });

  it('node from a tarball on plain debian, python from another image', () => {
    const node = lint(
      dedent(`
        FROM debian:bookworm-slim
        ARG NODE_VERSION=22.11.0
        RUN set -eux; \\
            arch="$(dpkg --print-architecture)"; \\
            case "$arch" in amd64) a=x64 ;; arm64) a=arm64 ;; esac; \\
            curl -fsSLO "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$a.tar.xz"; \\
            tar -xJf "node-v$NODE_VERSION-linux-$a.tar.xz" -C /usr/local --strip-components=1
        CMD ["node", "server.js"]
      `),
    );
    expect(hits(node, ID)).toEqual([]);
    const py = lint('FROM debian:bookworm-slim\nCOPY --from=python:3.12-slim /usr/local /usr/local\nCMD ["python3", "app.py"]\n');
    expect(hits(py, ID)).toEqual([]);
  });

  it('the official docker-entrypoint.sh pattern: CMD runs through "$@" and the interpreter is the base image\'s own', () => {
    const f = lint(
      dedent(`
        FROM node:22-alpine
        COPY docker-entrypoint.sh /usr/local/bin/
        ENTRYPOINT ["docker-entrypoint.sh"]
        CMD ["node"]
      `),
      { 'docker-entrypoint.sh': { content: '#!/bin/sh\nset -e\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then\n  set -- node "$@"\nfi\nexec "$@"\n', mode: 0o755 } },
    );
    const mine = ['missing-interpreter', 'platform-pinned-from', 'arch-specific-download', 'wrapper-missing-shebang', 'crlf-line-endings', 'utf8-bom', 'wrapper-not-executable'];
    expect(f.filter((x) => mine.includes(x.rule))).toEqual([]);
  });
});

describe('installs analysis', () => {
  it('normalises interpreter names and knows base images', () => {
    expect(interpreterOf('/usr/bin/python3.12')).toBe('python');
    expect(interpreterOf('/bin/ash')).toBe('sh');
    expect(interpreterOf('/app/server')).toBeUndefined();
    expect(baseHas(classifyImage('alpine:3.20'), 'bash')).toBe('absent');
    expect(baseHas(classifyImage('rabbitmq:3-alpine'), 'bash')).toBe('unknown');
    expect(baseHas(classifyImage('debian:bookworm'), 'bash')).toBe('present');
    expect(baseHas(classifyImage('cgr.dev/chainguard/python'), 'sh')).toBe('unknown');
  });

  it('tracks apt, dnf and apk installs and removals', () => {
    const { model } = lintResult(
      dedent(`
        FROM ubuntu:24.04
        RUN apt-get update && apt-get -o Dpkg::Options::=--force-confnew install -y --no-install-recommends python3-venv ruby && rm -rf /var/lib/apt/lists/*
        RUN apt-get purge -y ruby
      `),
    );
    const a = analyseInstalls(model);
    expect([...a.installed.keys()]).toEqual(['python']);
    expect(a.installed.get('python')?.range.line).toBe(2);
    const rhel = analyseInstalls(lintResult('FROM redhat/ubi9-minimal\nRUN microdnf install -y nodejs && microdnf clean all\n').model);
    expect([...rhel.installed.keys()]).toEqual(['node']);
  });
});
