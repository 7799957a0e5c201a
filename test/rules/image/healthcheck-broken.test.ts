// The static part of healthcheck-broken: the HEALTHCHECK's program is provably not in the final
// image. Only where the model is sure (a false alarm costs more than a miss).
import { describe, expect, it } from 'vitest';
import { dedent, hits, lint } from '../../helpers.js';

const ID = 'healthcheck-broken';

/**
 * promptfoo/promptfoo's Dockerfile (trimmed to its stages' shape). Issue #1202: the container was
 * never healthy, "/bin/sh: curl: not found"; the fix added curl to the base stage's apk line.
 */
const promptfoo = (apk: string) =>
  dedent(`
  # syntax=docker/dockerfile:1
  FROM node:22.14.0-alpine AS base
  RUN addgroup -S promptfoo && adduser -S promptfoo -G promptfoo
  ARG PYTHON_VERSION=3.12
  RUN apk add --no-cache ${apk} && \\
      ln -sf python3 /usr/bin/python

  FROM base AS builder
  RUN apk add --no-cache libc6-compat
  WORKDIR /app
  COPY package.json package-lock.json ./
  RUN npm install --install-links --include=peer
  COPY . .
  RUN npm run build

  FROM base AS server
  WORKDIR /app
  COPY --from=builder --chown=promptfoo:promptfoo /app/node_modules ./node_modules
  COPY --from=builder --chown=promptfoo:promptfoo /app/dist ./dist
  USER promptfoo
  EXPOSE 3000
  HEALTHCHECK --interval=30s --timeout=10s --start-period=5s CMD curl -f http://localhost:3000/health || exit 1
  CMD ["node", "dist/src/server/index.js"]
`);

describe('healthcheck-broken (static)', () => {
  it('fires on promptfoo before its fix: curl on node:alpine, installed nowhere, at the HEALTHCHECK line', () => {
    const f = hits(lint(promptfoo('python3~=${PYTHON_VERSION} py3-pip py3-setuptools')), ID);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', line: 22 });
    expect(f[0]!.message).toContain('runs `curl`, which the final image does not have (node:22.14.0-alpine');
    expect(f[0]!.fix).toContain('wget -q --spider');
    expect(f[0]!.fix).toContain('apk add --no-cache curl');
  });

  it('does not fire on promptfoo as fixed: curl in the base stage the final stage descends from', () => {
    expect(hits(lint(promptfoo('python3~=${PYTHON_VERSION} py3-pip py3-setuptools curl')), ID)).toEqual([]);
  });

  it('fires on Debian slim and the plain OS images, exec form included', () => {
    const slim = hits(lint('FROM python:3.12-slim\nCOPY app.py /app.py\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8000/"]\nCMD ["python3", "/app.py"]\n', { 'app.py': 'x' }), ID);
    expect(slim.map((x) => x.line)).toEqual([3]);
    expect(slim[0]!.fix).toContain('apt-get install -y --no-install-recommends curl');
    expect(hits(lint('FROM debian:bookworm\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\nCMD ["/app"]\n'), ID).map((x) => x.line)).toEqual([2]);
    expect(hits(lint('FROM ubuntu:24.04\nHEALTHCHECK CMD /usr/bin/curl -f http://localhost/\nCMD ["/app"]\n'), ID).map((x) => x.line)).toEqual([2]);
  });

  it('fires on scratch and distroless: no curl, and no shell for a CMD-SHELL check', () => {
    const go = 'FROM golang:1.23 AS build\nRUN go build -o /out/api .\n';
    const exec = hits(lint(`${go}FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/api /api\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/healthz"]\nENTRYPOINT ["/api"]\n`), ID);
    expect(exec.map((x) => x.line)).toEqual([5]);
    expect(exec[0]!.fix).toContain('HEALTHCHECK CMD ["/app/server", "healthcheck"]');
    const shell = hits(lint(`${go}FROM scratch\nCOPY --from=build /out/api /api\nHEALTHCHECK CMD /api healthcheck || exit 1\nENTRYPOINT ["/api"]\n`), ID);
    expect(shell.map((x) => x.line)).toEqual([5]);
    expect(shell[0]!.message).toContain('is shell form, so Docker runs it with `/bin/sh -c`, but the final image (FROM scratch) has no shell');
  });

  it('near misses: curl installed by apt or apk in the final stage, downloaded, or copied in', () => {
    // graphhopper's Dockerfile: "curl is used by the healthcheck".
    const temurinApt = dedent(`
      FROM debian:bookworm-slim
      RUN apt-get update \\
          && apt-get install -y --no-install-recommends curl wget \\
          && rm -rf /var/lib/apt/lists/*
      HEALTHCHECK --interval=5s --timeout=3s CMD curl --fail http://localhost:8989/health || exit 1
      ENTRYPOINT ["./graphhopper.sh"]
    `);
    expect(hits(lint(temurinApt), ID)).toEqual([]);
    expect(hits(lint('FROM python:alpine\nRUN apk add --no-cache curl\nCMD ["python3", "-m", "http.server"]\nHEALTHCHECK --interval=5s --timeout=3s CMD curl --fail http://localhost:8000/ || exit 1\n'), ID)).toEqual([]);
    expect(hits(lint('FROM alpine:3.20\nCOPY --from=curlimages/curl:8.10.1 /usr/bin/curl /usr/bin/curl\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["/app"]\n'), ID)).toEqual([]);
    expect(hits(lint('FROM debian:bookworm-slim\nCOPY bin/curl /usr/local/bin/curl\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["/app"]\n', { 'bin/curl': 'x' }), ID)).toEqual([]);
    expect(hits(lint('FROM gcr.io/distroless/static-debian12\nCOPY --from=busybox:1.36-musl /bin/busybox /busybox/busybox\nHEALTHCHECK CMD ["/busybox/busybox", "wget", "-q", "--spider", "http://localhost/"]\nENTRYPOINT ["/api"]\n'), ID)).toEqual([]);
  });

  it('near misses: BusyBox wget on Alpine, unknown or full bases, another program, HEALTHCHECK NONE', () => {
    expect(hits(lint('FROM node:20-alpine\nHEALTHCHECK CMD wget -q --spider http://localhost:3000/ || exit 1\nCMD ["node", "server.js"]\n'), ID)).toEqual([]);
    // The official images' full tags (buildpack-deps) have curl; a base we do not know says nothing.
    expect(hits(lint('FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nCMD ["node", "server.js"]\n'), ID)).toEqual([]);
    expect(hits(lint('FROM nginx:stable-alpine\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n'), ID)).toEqual([]);
    expect(hits(lint('FROM openjdk:8-jdk-alpine\nHEALTHCHECK --interval=5s --timeout=3s CMD curl --fail http://localhost:8080/actuator || exit 1\nENTRYPOINT ["java", "-jar", "app.jar"]\n'), ID)).toEqual([]);
    expect(hits(lint('FROM registry.example.com/team/base:1.4\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["/app"]\n'), ID)).toEqual([]);
    expect(hits(lint('FROM node:20-slim\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n'), ID)).toEqual([]);
    expect(hits(lint('FROM debian:bookworm-slim\nHEALTHCHECK NONE\nCMD ["/app"]\n'), ID)).toEqual([]);
    // A HEALTHCHECK in a build stage the final image does not descend from.
    expect(hits(lint('FROM debian:bookworm-slim AS test\nHEALTHCHECK CMD curl -f http://localhost/\nFROM node:20\nCMD ["node", "server.js"]\n'), ID)).toEqual([]);
  });

  it("near miss: the project's own installer or a provisioner runs in the build (it may install curl); a build script of another kind does not hide it", () => {
    // zulip/docker-zulip: scripts/setup/install (puppet) installs the server's packages, curl among them.
    const zulip = (script: string) =>
      dedent(`
        FROM ubuntu:24.04
        RUN apt-get -q update && apt-get -q install --no-install-recommends -y ca-certificates git python3 sudo
        COPY zulip-server.tar.gz /root/
        RUN tar -xf /root/zulip-server.tar.gz -C /root && ${script} --hostname=docker-zulip.local
        HEALTHCHECK CMD ["curl", "-isfL", "--insecure", "http://localhost/health"]
        ENTRYPOINT ["/sbin/entrypoint.sh"]
      `);
    expect(hits(lint(zulip('/root/zulip/scripts/setup/install')), ID)).toEqual([]);
    expect(hits(lint(zulip('bash ./install-deps.sh')), ID)).toEqual([]);
    expect(hits(lint(zulip('ansible-playbook -c local site.yml')), ID)).toEqual([]);
    expect(hits(lint(zulip('/root/zulip/scripts/lib/compile-assets')), ID).map((x) => x.line)).toEqual([5]);
    // A system tool named install (coreutils) is no installer of packages.
    expect(hits(lint(zulip('/usr/bin/install -m 755 /root/zulip/bin/app /usr/local/bin/app')), ID).map((x) => x.line)).toEqual([5]);
  });
});
