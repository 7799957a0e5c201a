// arch-specific-download: downloads that follow the target architecture through a variable
// derived from TARGETARCH, RUNs that ask the system (rpm, uname -s -m, xx-info), and
// per-architecture Dockerfiles (single-arch by design: info, or nothing when the file is the
// downloaded architecture's own variant). Real single-arch downloads keep the warning.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings.js';
import { lintDockerfile } from '../../../src/lint.js';
import { dedent, hits, lint, makeContext } from '../../helpers.js';

const ID = 'arch-specific-download';

function archHits(files: Record<string, string>, dockerfile: string, context?: string): Finding[] {
  return hits(lintDockerfile({ dockerfile, context, cwd: makeContext(files) }).findings, ID);
}

describe('arch-specific-download: still fires', () => {
  it('Eugeny/tabby-web: the arch picked from TARGETPLATFORM in one RUN is gone in the next (ENV DOCKERIZE_ARCH amd64 wins)', () => {
    const f = lint(
      dedent(`
        FROM python:3.7-alpine AS backend

        ENV APP_DIST_STORAGE file:///app-dist
        ENV DOCKERIZE_VERSION v0.6.1
        ENV DOCKERIZE_ARCH amd64
        ARG TARGETPLATFORM
        RUN if [ "$TARGETPLATFORM" = "linux/arm64" ]; \\
            then export DOCKERIZE_ARCH=armhf; \\
            else export DOCKERIZE_ARCH=amd64; \\
            fi
        RUN wget https://github.com/jwilder/dockerize/releases/download/$DOCKERIZE_VERSION/dockerize-linux-$DOCKERIZE_ARCH-$DOCKERIZE_VERSION.tar.gz \\
            && tar -C /usr/local/bin -xzvf dockerize-linux-$DOCKERIZE_ARCH-$DOCKERIZE_VERSION.tar.gz \\
            && rm dockerize-linux-$DOCKERIZE_ARCH-$DOCKERIZE_VERSION.tar.gz
      `),
    );
    expect(hits(f, ID).map((h) => [h.line, h.severity])).toEqual([[11, 'warning']]);
  });

  it('hashicorp/docker-vault ubi/Dockerfile: an amd64 zip with no per-arch sibling stays a warning', () => {
    const df = dedent(`
      FROM registry.access.redhat.com/ubi8/ubi-minimal:8.6
      ARG VAULT_VERSION=1.13.3
      RUN set -eux; \\
          microdnf install -y ca-certificates gnupg openssl libcap tzdata wget unzip procps shadow-utils util-linux && \\
          mkdir -p /tmp/build && \\
          cd /tmp/build && \\
          wget https://releases.hashicorp.com/vault/\${VAULT_VERSION}/vault_\${VAULT_VERSION}_linux_amd64.zip && \\
          unzip -d /tmp/build vault_\${VAULT_VERSION}_linux_amd64.zip
    `);
    expect(archHits({ 'ubi/Dockerfile': df, 'ubi/docker-entrypoint.sh': '#!/bin/sh\nexec "$@"\n' }, 'ubi/Dockerfile').map((h) => h.severity)).toEqual(['warning']);
  });

  it('a variable that only looks derived (a literal default, not a platform arg) keeps the warning', () => {
    const f = lint('FROM alpine:3.20\nARG TOOL_ARCH=x86_64\nENV ARCH=${TOOL_ARCH}\nRUN wget https://example.com/tool-${ARCH}.tgz\n');
    expect(hits(f, ID).map((h) => h.line)).toEqual([4]);
  });

  it('Dockerfile.aarch64 that downloads an x86_64 binary: the wrong architecture for its own variant', () => {
    const h = archHits({ 'Dockerfile.aarch64': 'FROM alpine:3.20\nRUN wget https://example.com/tool-linux-x86_64.tgz\n', Dockerfile: 'FROM alpine:3.20\n' }, 'Dockerfile.aarch64');
    expect(h.map((x) => x.severity)).toEqual(['warning']);
    expect(h[0]!.message).toContain("this Dockerfile's name says it is the arm64 variant");
  });
});

describe('arch-specific-download: arch-aware through a derived variable or the system', () => {
  it.each([
    ['an ARG derived from TARGETARCH (with a default)', 'ARG TARGETARCH=amd64\nARG DL_ARCH=${TARGETARCH}\nRUN curl -fsSLO https://example.com/tool-linux-${DL_ARCH}.tgz'],
    ['an ENV derived from TARGETARCH through another ARG', 'ARG TARGETARCH=amd64\nARG A=$TARGETARCH\nENV TOOL_ARCH=${A}\nRUN wget https://example.com/tool_${TOOL_ARCH}_amd64-compat.tgz'],
    ['an ENV with a bash-style mapping of TARGETARCH', 'ARG TARGETARCH\nENV ARCH=${TARGETARCH/amd64/x86_64}\nRUN curl -fsSLO https://example.com/tool-${ARCH}.tgz'],
    ['an ADD of a URL built from a derived ARG', 'ARG TARGETARCH=amd64\nARG TINI_ARCH=${TARGETARCH}\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-${TINI_ARCH} /tini'],
    ['rpm -q --queryformat %{ARCH}', 'RUN ARCH=$(rpm -q --queryformat \'%{ARCH}\' rpm) && if [ "$ARCH" = x86_64 ]; then curl -fsSLO https://example.com/tool.x86_64.rpm; fi'],
    ['rpm -E %_arch', 'RUN case "$(rpm -E %_arch)" in x86_64) curl -fsSLO https://example.com/tool.x86_64.rpm ;; esac'],
    ['uname -s -m', 'RUN if [ "$(uname -s -m)" = "Linux x86_64" ]; then curl -fsSLO https://example.com/tool-x86_64.tgz; fi'],
    ['uname --machine', 'RUN [ "$(uname --machine)" = x86_64 ] && curl -fsSLO https://example.com/tool-x86_64.tgz || true'],
    ['tonistiigi/xx', 'RUN curl -fsSLO "https://example.com/tool-$(xx-info arch).tgz" || curl -fsSLO https://example.com/tool-amd64.tgz'],
  ])('%s', (_name, body) => {
    expect(hits(lint(`FROM alpine:3.20\n${body}\n`), ID)).toEqual([]);
  });

  it('a global ARG derived from TARGETARCH, redeclared bare in the stage', () => {
    const f = lint('ARG TARGETARCH=amd64\nARG DL_ARCH=${TARGETARCH}\nFROM alpine:3.20\nARG DL_ARCH\nRUN wget https://example.com/tool-${DL_ARCH}.tgz\n');
    expect(hits(f, ID)).toEqual([]);
  });
});

describe('arch-specific-download: per-architecture Dockerfiles', () => {
  const AMD64 = 'FROM alpine:3.20\nRUN wget -O /usr/local/bin/tool https://example.com/releases/v1/tool-linux-amd64 && chmod +x /usr/local/bin/tool\n';

  it.each([['Dockerfile.aarch64'], ['Dockerfile-arm'], ['Dockerfile.arm64'], ['arm64.Dockerfile'], ['Dockerfile.rpi']])('Dockerfile beside %s: info, saying why', (sibling) => {
    const h = archHits({ Dockerfile: AMD64, [sibling]: AMD64.replace('amd64', 'arm64') }, 'Dockerfile');
    expect(h.map((x) => x.severity)).toEqual(['info']);
    expect(h[0]!.message).toContain(`\`${sibling}\``);
  });

  it('requarks/wiki layout: dev/build/Dockerfile beside dev/build-arm/Dockerfile, context the repository root: info', () => {
    const h = archHits({ 'dev/build/Dockerfile': AMD64, 'dev/build-arm/Dockerfile': 'FROM node:24-alpine\n' }, 'dev/build/Dockerfile', '.');
    expect(h.map((x) => x.severity)).toEqual(['info']);
  });

  it.each([
    ['Dockerfile.aarch64', 'aarch64'],
    ['Dockerfile.arm64', 'aarch64'],
    ['Dockerfile-arm', 'armhf'],
    ['Dockerfile.amd64', 'x86_64'],
  ])('%s downloading its own architecture (%s): nothing', (name, arch) => {
    const h = archHits({ [name]: AMD64.replace('amd64', arch), Dockerfile: 'FROM alpine:3.20\n' }, name);
    expect(h).toEqual([]);
  });

  it('a build folder beside the context is not a sibling: the folders around the project say nothing', () => {
    const cwd = makeContext({ 'app/Dockerfile': AMD64, 'arm64/Dockerfile': 'FROM alpine:3.20\n' });
    const h = hits(lintDockerfile({ dockerfile: 'app/Dockerfile', context: 'app', cwd }).findings, ID);
    expect(h.map((x) => x.severity)).toEqual(['warning']);
  });

  it('arm32v7/Dockerfile (a folder per architecture) downloading armhf: nothing', () => {
    expect(archHits({ 'arm32v7/Dockerfile': AMD64.replace('amd64', 'armhf') }, 'arm32v7/Dockerfile')).toEqual([]);
  });

  it('near miss: a sibling that is not a Dockerfile (a release note named -arm) does not count', () => {
    expect(archHits({ Dockerfile: AMD64, 'NOTES-arm.md': '' }, 'Dockerfile').map((x) => x.severity)).toEqual(['warning']);
  });
});
