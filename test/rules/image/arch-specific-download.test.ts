import { describe, expect, it } from 'vitest';
import { dedent, hits, lint } from '../../helpers.js';

const ID = 'arch-specific-download';

describe('arch-specific-download: fires', () => {
  it('a curl of an amd64 release, pointing at the RUN and quoting the URL', () => {
    const f = lint(
      dedent(`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
        RUN curl -fsSL -o /usr/local/bin/kubectl https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl \\
         && chmod +x /usr/local/bin/kubectl
        CMD ["kubectl"]
      `),
    );
    const h = hits(f, ID);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'warning', file: 'Dockerfile', line: 3, endLine: 4 });
    expect(h[0]!.message).toContain('https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl');
  });

  it.each([
    ['wget x86_64', 'RUN wget -q https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh -O /tmp/mc.sh', 'x86_64'],
    ['node x64 tarball', 'RUN curl -fsSLO https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz', 'x64'],
    ['arm64 from an ENV', 'ENV ARCH=arm64\nRUN curl -fsSL "https://github.com/acme/tool/releases/download/v1.2.0/tool_linux_${ARCH}.tar.gz" | tar xz', 'arm64'],
    ['amd64 written in the URL beside a build ARG', 'ARG VERSION=1.2.0\nRUN curl -fsSL "https://github.com/acme/tool/releases/download/v${VERSION}/tool_linux_amd64.tar.gz" | tar xz', 'amd64'],
    ['a 386 build', 'RUN wget https://example.com/dl/tool_1.0_linux_386.tar.gz', '386'],
  ])('%s', (_name, run, arch) => {
    const f = lint(`FROM alpine:3.20\n${run}\n`);
    const h = hits(f, ID);
    expect(h).toHaveLength(1);
    expect(h[0]!.line).toBe(run.split('\n').length + 1);
    expect(h[0]!.message).toContain(`built for ${arch}`);
    expect(h[0]!.severity).toBe('warning');
  });

  // rustdesk/rustdesk-server docker/Dockerfile (trimmed): CI builds each platform with
  // `build-args: S6_ARCH=<its s6 name>`; only a build that leaves the default gets x86_64.
  it('is info when the architecture comes from a build ARG default the build can set per platform', () => {
    const f = lint(
      dedent(`
        FROM busybox:stable
        ARG S6_OVERLAY_VERSION=3.2.0.0
        ARG S6_ARCH=x86_64
        ADD https://github.com/just-containers/s6-overlay/releases/download/v\${S6_OVERLAY_VERSION}/s6-overlay-\${S6_ARCH}.tar.xz /tmp
        RUN tar -C / -Jxpf /tmp/s6-overlay-\${S6_ARCH}.tar.xz
        ENTRYPOINT ["/init"]
      `),
    );
    const h = hits(f, ID);
    expect(h.map((x) => [x.line, x.severity])).toEqual([[4, 'info']]);
    expect(h[0]!.message).toContain('--build-arg S6_ARCH=');
    expect(h[0]!.message).toContain('built for x86_64');
  });

  it('an ADD of an arch-specific URL, in a build stage too', () => {
    const f = lint(
      dedent(`
        FROM alpine:3.20 AS tools
        ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64 /tini
        FROM alpine:3.20
        COPY --from=tools /tini /tini
        ENTRYPOINT ["/tini", "--"]
      `),
    );
    expect(hits(f, ID).map((x) => x.line)).toEqual([2]);
  });
});

describe('arch-specific-download: near misses', () => {
  it('official-image style: the RUN branches on dpkg --print-architecture', () => {
    const f = lint(
      dedent(`
        FROM debian:bookworm-slim
        ENV GOSU_VERSION 1.17
        RUN set -eux; \\
            savedAptMark="$(apt-mark showmanual)"; \\
            apt-get update; \\
            apt-get install -y --no-install-recommends ca-certificates wget; \\
            dpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \\
            wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \\
            chmod +x /usr/local/bin/gosu
        RUN set -eux; \\
            arch="$(dpkg --print-architecture)"; \\
            case "$arch" in \\
                amd64) url='https://example.com/node-v22-linux-x64.tar.xz' ;; \\
                arm64) url='https://example.com/node-v22-linux-arm64.tar.xz' ;; \\
                *) echo >&2 "unsupported architecture: $arch"; exit 1 ;; \\
            esac; \\
            wget -O node.tar.xz "$url"
      `),
    );
    expect(hits(f, ID)).toEqual([]);
  });

  it.each([
    'RUN case "$(apk --print-arch)" in x86_64) a=amd64 ;; aarch64) a=arm64 ;; esac && wget -O /usr/local/bin/tini https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64',
    'RUN if [ "$(uname -m)" = "x86_64" ]; then curl -fsSLO https://example.com/tool-x86_64.tgz; else curl -fsSLO https://example.com/tool-aarch64.tgz; fi',
    'ARG TARGETARCH\nRUN curl -fsSL https://example.com/tool-linux-${TARGETARCH}.tgz | tar xz && test "$TARGETARCH" = amd64 && curl -fsSLO https://example.com/extra-amd64.tgz || true',
    'RUN apkArch="$(cat /etc/apk/arch)"; curl -fsSLO https://example.com/tool-x86_64.tgz',
    'RUN echo "deb [arch=amd64] https://download.docker.com/linux/debian bookworm stable" > /etc/apt/sources.list.d/docker.list',
    'RUN curl -fsSL https://github.com/acme/tool/releases/download/v0.386.0/tool.tar.gz | tar xz',
    'ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-${TARGETARCH} /tini',
  ])('%s', (run) => {
    expect(hits(lint(`FROM alpine:3.20\n${run}\n`), ID)).toEqual([]);
  });

  it('a build stage pinned to $BUILDPLATFORM downloads a host toolchain', () => {
    const f = lint(
      dedent(`
        FROM --platform=$BUILDPLATFORM debian:bookworm AS build
        RUN curl -fsSL https://go.dev/dl/go1.23.3.linux-amd64.tar.gz | tar -C /usr/local -xz
        FROM build AS compile
        RUN curl -fsSLO https://example.com/protoc-28.0-linux-x86_64.zip
        FROM scratch
        COPY --from=compile /out/api /api
        ENTRYPOINT ["/api"]
      `),
    );
    expect(hits(f, ID)).toEqual([]);
  });
});

describe('arch-specific-download: a stage outside the final image', () => {
  // gabriel301/codeeducation .docker/laravel/dockerfile.prod: the builder fetches an amd64
  // dockerize it never runs, and the final image copies only the application out of it.
  const laravel = dedent(`
    FROM php:7.3.6-fpm-alpine3.9 as builder
    RUN apk add --no-cache openssl
    ENV DOCKERIZE_VERSION v0.6.1
    RUN wget https://github.com/jwilder/dockerize/releases/download/$DOCKERIZE_VERSION/dockerize-alpine-linux-amd64-$DOCKERIZE_VERSION.tar.gz \\
        && tar -C /usr/local/bin -xzvf dockerize-alpine-linux-amd64-$DOCKERIZE_VERSION.tar.gz \\
        && rm dockerize-alpine-linux-amd64-$DOCKERIZE_VERSION.tar.gz
    RUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin --filename=composer
    WORKDIR /var/www/
    COPY ./app /var/www/
    RUN composer install
    FROM php:7.3.6-fpm-alpine3.9
    WORKDIR /var/www/
    COPY --from=builder /var/www .
    ENTRYPOINT ["php-fpm"]
  `);

  it('does not fire when the file is neither run later nor copied out', () => {
    expect(hits(lint(laravel), ID)).toEqual([]);
  });

  it('fires when the final image copies the directory it landed in', () => {
    const f = lint(laravel.replace('COPY --from=builder /var/www .', 'COPY --from=builder /var/www .\nCOPY --from=builder /usr/local/bin/dockerize /usr/local/bin/'));
    expect(hits(f, ID).map((x) => x.line)).toEqual([4]);
  });

  it('fires when a later step of the stage runs it (an amd64 tool the build itself uses)', () => {
    const f = lint(laravel.replace('RUN composer install', 'RUN composer install && dockerize -template /var/www/.env.tpl:/var/www/.env'));
    expect(hits(f, ID).map((x) => x.line)).toEqual([4]);
  });

  it('does not fire for a stage the final image never uses (BuildKit does not build it)', () => {
    const f = lint(
      dedent(`
        FROM alpine:3.20 AS tools
        RUN wget -O /usr/local/bin/kubectl https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl
        FROM alpine:3.20
        CMD ["sh"]
      `),
    );
    expect(hits(f, ID)).toEqual([]);
  });
});

describe('arch-specific-download: a file unpacked in the working directory and copied out', () => {
  it('ParinB/SimpleBank: `COPY --from=builder /app/migrate.linux-amd64` takes what `tar xvz` left in /app', () => {
    const f = lint(
      dedent(`
        FROM golang:1.18-alpine3.16 AS builder
        WORKDIR /app
        COPY . .
        RUN go build -o main main.go
        RUN apk add curl
        RUN  curl -L https://github.com/golang-migrate/migrate/releases/download/v4.14.1/migrate.linux-amd64.tar.gz | tar xvz
        FROM alpine:3.13
        WORKDIR /app
        COPY --from=builder /app/main .
        COPY --from=builder /app/migrate.linux-amd64 ./migrate
        CMD [ "/app/main" ]
      `),
    );
    expect(hits(f, ID).map((x) => x.line)).toEqual([6]);
  });
});

describe('arch-specific-download: a package the same RUN installs with an installer that checks its architecture', () => {
  // couchbase/docker community/sync-gateway/2.8.3/Dockerfile (trimmed): on arm64, `rpm -i` stops
  // the build ("intended for a different architecture"); no image ships an x86_64 binary.
  it('couchbase/docker: `wget …_x86_64.rpm && rpm -i …_x86_64.rpm` is info, naming rpm', () => {
    const f = lint(
      dedent(`
        FROM centos:centos7
        RUN yum -y update && yum install -y wget && yum clean all
        RUN wget http://packages.couchbase.com/releases/couchbase-sync-gateway/2.8.3/couchbase-sync-gateway-community_2.8.3_x86_64.rpm && \\
            rpm -i couchbase-sync-gateway-community_2.8.3_x86_64.rpm && \\
            rm couchbase-sync-gateway-community_2.8.3_x86_64.rpm
        CMD ["/opt/couchbase-sync-gateway/bin/sync_gateway"]
      `),
    );
    const h = hits(f, ID);
    expect(h.map((x) => [x.line, x.severity])).toEqual([[3, 'info']]);
    expect(h[0]!.message).toContain('installs it with `rpm`');
    expect(h[0]!.message).not.toContain('exec format error');
  });

  it.each([
    ['dpkg -i', 'RUN curl -fsSLO https://example.com/dl/tool_1.0_amd64.deb && dpkg -i tool_1.0_amd64.deb'],
    ['apt-get install ./', 'RUN wget https://example.com/dl/tool_1.0_amd64.deb && apt-get install -y ./tool_1.0_amd64.deb'],
    ['dnf install a saved name', 'RUN curl -fsSL -o /tmp/tool.rpm https://example.com/dl/tool-1.0.x86_64.rpm && dnf install -y /tmp/tool.rpm'],
  ])('%s is info', (_name, run) => {
    const h = hits(lint(`FROM debian:bookworm-slim\n${run}\n`), ID);
    expect(h.map((x) => x.severity)).toEqual(['info']);
  });

  it.each([
    // Near misses: the package is unpacked, not installed (no architecture check), or the check is forced off.
    ['unpacked with rpm2cpio', 'RUN wget https://example.com/dl/tool-1.0.x86_64.rpm && rpm2cpio tool-1.0.x86_64.rpm | cpio -idm'],
    ['unpacked with dpkg-deb -x', 'RUN wget https://example.com/dl/tool_1.0_amd64.deb && dpkg-deb -x tool_1.0_amd64.deb /'],
    ['rpm -i --ignorearch', 'RUN wget https://example.com/dl/tool-1.0.x86_64.rpm && rpm -i --ignorearch tool-1.0.x86_64.rpm'],
    ['rpm -qi only queries it', 'RUN wget https://example.com/dl/tool-1.0.x86_64.rpm && rpm -qip tool-1.0.x86_64.rpm && rpm2cpio tool-1.0.x86_64.rpm | cpio -idm'],
    ['a tarball beside an apt-get install', 'RUN apt-get install -y curl && curl -fsSL https://example.com/dl/tool-linux-amd64.tar.gz | tar xz'],
  ])('%s stays a warning', (_name, run) => {
    const h = hits(lint(`FROM debian:bookworm-slim\n${run}\n`), ID);
    expect(h.map((x) => x.severity)).toEqual(['warning']);
  });
});

describe('arch-specific-download: files no platform runs, and a RUN with more than one download', () => {
  // influxdata/influxdata-docker influxdb/1.10/meta/Dockerfile (trimmed): the first URL is the
  // package's signature; the package itself is installed by dpkg, which checks its architecture.
  it('influxdata/influxdata-docker: a `.deb.asc` is no binary; the `_amd64.deb` dpkg installs is info', () => {
    const f = lint(
      dedent(`
        FROM debian:bullseye-slim
        ENV INFLUXDB_VERSION 1.10.9-c1.10.9
        RUN wget --no-verbose https://dl.influxdata.com/enterprise/releases/influxdb-meta_\${INFLUXDB_VERSION}-1_amd64.deb.asc && \\
            wget --no-verbose https://dl.influxdata.com/enterprise/releases/influxdb-meta_\${INFLUXDB_VERSION}-1_amd64.deb && \\
            gpg --batch --verify influxdb-meta_\${INFLUXDB_VERSION}-1_amd64.deb.asc influxdb-meta_\${INFLUXDB_VERSION}-1_amd64.deb && \\
            dpkg -i influxdb-meta_\${INFLUXDB_VERSION}-1_amd64.deb && \\
            rm -f influxdb-meta_\${INFLUXDB_VERSION}-1_amd64.deb*
        CMD ["influxd-meta"]
      `),
    );
    const h = hits(f, ID);
    expect(h.map((x) => [x.line, x.severity])).toEqual([[3, 'info']]);
    expect(h[0]!.message).toContain('_amd64.deb` (built for amd64) and installs it with `dpkg`');
  });

  // percona/percona-docker postgresql-containers/build/pgbadger/Dockerfile (trimmed): a noarch
  // package from the x86_64 folder of a repository runs everywhere.
  it('percona/percona-docker: a `.noarch.rpm` under an `x86_64/` folder is not reported', () => {
    const f = lint(
      dedent(`
        FROM redhat/ubi8-minimal
        RUN curl -Lf -o /tmp/pyparsing.rpm https://vault.centos.org/8.5.2111/cloud/x86_64/openstack-train/Packages/p/python3-pyparsing-2.4.6-1.el8.noarch.rpm; \\
            rpm -i /tmp/pyparsing.rpm
        CMD ["pgbadger"]
      `),
    );
    expect(hits(f, ID)).toEqual([]);
  });

  it('near miss: a tarball for amd64 beside an installed package in the same RUN stays a warning, quoting the tarball', () => {
    const f = lint(
      dedent(`
        FROM redhat/ubi8-minimal
        RUN curl -Lf -o /tmp/jq.rpm http://vault.centos.org/centos/8/AppStream/x86_64/os/Packages/jq-1.5-12.el8.x86_64.rpm; \\
            rpm -i /tmp/jq.rpm; \\
            curl -fsSL -o /usr/local/bin/gosu https://github.com/tianon/gosu/releases/download/1.11/gosu-amd64; chmod +x /usr/local/bin/gosu
        CMD ["mongod"]
      `),
    );
    const h = hits(f, ID);
    expect(h.map((x) => x.severity)).toEqual(['warning']);
    expect(h[0]!.message).toContain('gosu-amd64');
  });
});
