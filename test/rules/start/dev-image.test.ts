// dev-server-as-start / package-manager-as-pid1 on development images (Dockerfile.dev, a
// `dev/` folder of its own, a `dev` final stage, a development ENV, a production Dockerfile
// beside it, Compose services that mount the source over WORKDIR): info, not warning.
// Production Dockerfiles keep the warning, whoever else references them.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings.js';
import { lintDockerfile } from '../../../src/lint.js';
import { dedent, type ContextFile, makeContext } from '../../helpers.js';

const RULES = new Set(['dev-server-as-start', 'package-manager-as-pid1']);

/** Lint `dockerfile` (a path in `files`) with `context`, return the two rules' findings as rule -> severity. */
function severities(files: Record<string, ContextFile>, dockerfile: string, context?: string): Record<string, string> {
  const cwd = makeContext(files);
  const found: Finding[] = lintDockerfile({ dockerfile, context, cwd }).findings.filter((f) => RULES.has(f.rule));
  return Object.fromEntries(found.map((f) => [f.rule, f.severity]));
}

// 0xBonks/speech_srt, frontend/Dockerfile.frontend (verbatim).
const SPEECH_FRONTEND = dedent(`
  FROM node:20-alpine

  WORKDIR /app

  COPY package*.json ./
  RUN npm install

  COPY . .

  EXPOSE 5173

  CMD ["npm", "run", "dev", "--", "--host"]
`);
// 0xBonks/speech_srt docker-compose.dev.yml (build sections; the environment trimmed).
const SPEECH_COMPOSE_DEV = dedent(`
  version: '3.8'

  services:
    frontend:
      build:
        context: ./frontend
        dockerfile: Dockerfile.frontend
      ports:
        - "5173:5173"
      volumes:
        - ./frontend:/app
        - /app/node_modules
      environment:
        - NODE_ENV=development

    backend:
      build:
        context: .
        dockerfile: Dockerfile
      ports:
        - "5001:5001"
`);
// 0xBonks/speech_srt docker-compose.yml: only the backend.
const SPEECH_COMPOSE = dedent(`
  version: '3.8'

  services:
    speech-srt-app:
      build:
        context: .
        dockerfile: Dockerfile
      ports:
        - "5001:5001"
`);
const SPEECH_BACKEND = 'FROM node:18-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nEXPOSE 5001\nCMD ["npm", "run", "start"]\n';
const PKG = '{"scripts":{"dev":"vite","start":"node server.js"}}';

describe('development images: info', () => {
  it('0xBonks/speech_srt: frontend/Dockerfile.frontend, built only by docker-compose.dev.yml', () => {
    const files = {
      'frontend/Dockerfile.frontend': SPEECH_FRONTEND,
      'frontend/package.json': PKG,
      'docker-compose.dev.yml': SPEECH_COMPOSE_DEV,
      'docker-compose.yml': SPEECH_COMPOSE,
      Dockerfile: SPEECH_BACKEND,
    };
    expect(severities(files, 'frontend/Dockerfile.frontend', 'frontend')).toEqual({ 'dev-server-as-start': 'info', 'package-manager-as-pid1': 'info' });
  });

  it('0xBonks/speech_srt: the message says which Compose file makes it a development image', () => {
    const cwd = makeContext({ 'frontend/Dockerfile.frontend': SPEECH_FRONTEND, 'docker-compose.dev.yml': SPEECH_COMPOSE_DEV, 'docker-compose.yml': SPEECH_COMPOSE });
    const f = lintDockerfile({ dockerfile: 'frontend/Dockerfile.frontend', context: 'frontend', cwd }).findings.find((x) => x.rule === 'dev-server-as-start');
    expect(f?.message).toContain('`docker-compose.dev.yml` runs it with the source mounted over `/app`');
  });

  it.each(['Dockerfile.dev', 'dev.Dockerfile', 'Dockerfile.development', 'Dockerfile-dev', 'web.dev.Dockerfile'])('named %s', (name) => {
    expect(severities({ [name]: SPEECH_FRONTEND, 'package.json': PKG }, name)).toEqual({ 'dev-server-as-start': 'info', 'package-manager-as-pid1': 'info' });
  });

  it('NginxProxyManager/nginx-proxy-manager layout: docker/dev/Dockerfile, a dev folder of its own', () => {
    const df = 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["npx", "nodemon", "index.js"]\n';
    expect(severities({ 'docker/dev/Dockerfile': df, 'docker/Dockerfile': 'FROM node:20\nCMD ["node", "index.js"]\n' }, 'docker/dev/Dockerfile', 'docker')).toEqual({
      'dev-server-as-start': 'info',
      'package-manager-as-pid1': 'info',
    });
  });

  it('the build ends on a `dev` stage', () => {
    const df = dedent(`
      FROM node:20-alpine AS base
      WORKDIR /app
      COPY package*.json ./
      RUN npm ci
      FROM base AS development
      COPY . .
      CMD ["npm", "run", "dev"]
    `);
    expect(severities({ Dockerfile: df }, 'Dockerfile')).toEqual({ 'dev-server-as-start': 'info', 'package-manager-as-pid1': 'info' });
  });

  it('--target dev picks a dev stage that is not the last; without it the production stage keeps the warning', () => {
    const df = dedent(`
      FROM node:20-alpine AS dev
      WORKDIR /app
      COPY . .
      CMD ["npm", "run", "dev"]
      FROM node:20-alpine AS prod
      WORKDIR /app
      COPY . .
      CMD ["npm", "start"]
    `);
    const cwd = makeContext({ Dockerfile: df });
    const sev = (target?: string) => Object.fromEntries(lintDockerfile({ dockerfile: 'Dockerfile', cwd, target }).findings.filter((f) => RULES.has(f.rule)).map((f) => [f.rule, f.severity]));
    expect(sev('dev')).toEqual({ 'dev-server-as-start': 'info', 'package-manager-as-pid1': 'info' });
    expect(sev()).toEqual({ 'package-manager-as-pid1': 'warning' });
  });

  it('compose.dev.yaml with the short `build: ./web` form, in the folder above the context, mounting ./web over WORKDIR', () => {
    const files = { 'web/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["yarn", "dev"]\n', 'compose.dev.yaml': 'services:\n  web:\n    build: ./web\n    volumes:\n      - ./web:/app\n' };
    expect(severities(files, 'web/Dockerfile', 'web')).toEqual({ 'dev-server-as-start': 'info', 'package-manager-as-pid1': 'info' });
  });

  it('0-CYBERDYNE-SYSTEMS-0/TS-cpu-use-pi: the wrapper execs `npm run dev` and the only Compose service mounts the source over /app', () => {
    const files = {
      Dockerfile: 'FROM ubuntu:22.04\nWORKDIR /app\nCOPY . .\nCOPY docker-entrypoint.sh /\nRUN chmod +x /docker-entrypoint.sh\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
      'docker-entrypoint.sh': { content: '#!/bin/bash\nset -e\nXvfb :0 -screen 0 1024x768x24 &\nsleep 2\nexec npm run dev .\n', mode: 0o755 },
      'docker-compose.yml': "version: '3.8'\nservices:\n  computer-control:\n    build: .\n    volumes:\n      - .:/app\n      - /tmp/.X11-unix:/tmp/.X11-unix\n",
    };
    expect(severities(files, 'Dockerfile')).toEqual({ 'dev-server-as-start': 'info', 'package-manager-as-pid1': 'info' });
  });

  it('ENV NODE_ENV=development, FLASK_DEBUG=1, or a Dockerfile.prod beside it', () => {
    expect(severities({ Dockerfile: 'FROM node:20\nENV NODE_ENV=development\nWORKDIR /app\nCMD ["npm", "start"]\n' }, 'Dockerfile')).toEqual({ 'package-manager-as-pid1': 'info' });
    expect(severities({ Dockerfile: 'FROM python:3.12\nENV FLASK_DEBUG 1\nCMD ["flask", "run", "--host", "0.0.0.0"]\n' }, 'Dockerfile')).toEqual({ 'dev-server-as-start': 'info' });
    const nest = 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["npm", "run", "start:dev"]\n';
    expect(severities({ Dockerfile: nest, 'Dockerfile.prod': 'FROM node:20\nCMD ["node", "dist/main.js"]\n' }, 'Dockerfile')).toEqual({ 'dev-server-as-start': 'info', 'package-manager-as-pid1': 'info' });
  });

  // mozilla/pontoon (trimmed): docker/Dockerfile runs runserver; its docker-compose.yml ("for Pontoon development") mounts the source folders back over /app.
  const pontoon = (volumes: string, extra: Record<string, string> = {}) => ({
    'docker/Dockerfile': 'FROM python:3.13-trixie AS server\nWORKDIR /app\nCOPY . /app/\nCMD ["/app/docker/server_run.sh"]\n',
    'docker/server_run.sh': { content: '#!/bin/bash\nset -e\npython manage.py migrate\nexec python manage.py runserver 0.0.0.0:8000\n', mode: 0o755 },
    'docker-compose.yml': `services:\n  server:\n    build:\n      context: .\n      dockerfile: ./docker/Dockerfile\n      target: server\n    volumes:\n${volumes}`,
    'pontoon/base/models.py': 'class Project: pass\n',
    'manage.py': 'import django\n',
    ...extra,
  });

  it('mozilla/pontoon: every Compose service that builds it mounts a folder of source code back onto its place under WORKDIR', () => {
    const cwd = makeContext(pontoon('      - ./pontoon:/app/pontoon\n      - ~/.ssh:/home/pontoon/.ssh\n'));
    const f = lintDockerfile({ dockerfile: 'docker/Dockerfile', context: '.', cwd }).findings.find((x) => x.rule === 'dev-server-as-start');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('`docker-compose.yml` runs it with the source mounted over `/app/pontoon`');
  });
});

describe('production images keep the warning', () => {
  it('a Compose service mounting a data or config folder (no source code) onto its place under WORKDIR is not a development setup (mozilla/pontoon layout)', () => {
    const files = {
      'docker/Dockerfile': 'FROM python:3.13-trixie\nWORKDIR /app\nCOPY . /app/\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
      'docker-compose.yml': 'services:\n  server:\n    build:\n      context: .\n      dockerfile: ./docker/Dockerfile\n    volumes:\n      - ./data:/app/data\n',
      'data/settings.json': '{}\n',
      'manage.py': 'import django\n',
    };
    expect(severities(files, 'docker/Dockerfile', '.')).toEqual({ 'dev-server-as-start': 'warning' });
  });

  it('0xBonks/speech_srt: the root Dockerfile is built by docker-compose.yml as well as docker-compose.dev.yml', () => {
    const files = { Dockerfile: SPEECH_BACKEND, 'docker-compose.dev.yml': SPEECH_COMPOSE_DEV, 'docker-compose.yml': SPEECH_COMPOSE, 'frontend/Dockerfile.frontend': SPEECH_FRONTEND };
    expect(severities(files, 'Dockerfile')).toEqual({ 'package-manager-as-pid1': 'warning' });
  });

  it('requarks/wiki layout: dev/build/Dockerfile is the production image (a dev folder further up says nothing)', () => {
    const df = 'FROM node:24-alpine\nWORKDIR /wiki\nCOPY . .\nCMD ["npm", "start"]\n';
    expect(severities({ 'dev/build/Dockerfile': df }, 'dev/build/Dockerfile', '.')).toEqual({ 'package-manager-as-pid1': 'warning' });
  });

  it('an app folder whose name merely contains "dev" (dev-portal/), a devops Compose file, a dev stage that is not the last', () => {
    const df = dedent(`
      FROM node:20 AS dev
      WORKDIR /app
      COPY . .
      FROM dev AS prod
      CMD ["npm", "run", "dev"]
    `);
    const files = { 'dev-portal/Dockerfile': df, 'docker-compose.devops.yml': 'services:\n  portal:\n    build: ./dev-portal\n' };
    expect(severities(files, 'dev-portal/Dockerfile', 'dev-portal')).toEqual({ 'dev-server-as-start': 'warning', 'package-manager-as-pid1': 'info' });
  });

  it('a Dockerfile no Compose file builds, next to a docker-compose.dev.yml that builds another one', () => {
    const files = { Dockerfile: SPEECH_BACKEND.replace('"start"', '"dev"'), 'docker-compose.dev.yml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile.web\n' };
    expect(severities(files, 'Dockerfile')).toEqual({ 'dev-server-as-start': 'warning', 'package-manager-as-pid1': 'info' });
  });

  it('a production image that a docker-compose.dev.yml also builds, without mounting the source, keeps the warning (`pnpm run prod`)', () => {
    const df = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN pnpm build\nCMD ["pnpm", "run", "prod"]\n';
    const files = { Dockerfile: df, 'docker-compose.dev.yml': 'services:\n  app:\n    build: .\n    ports:\n      - "3000:3000"\n' };
    expect(severities(files, 'Dockerfile')).toEqual({ 'package-manager-as-pid1': 'warning' });
  });

  it('a broken or hostile Compose file is ignored', () => {
    const files = { 'web/Dockerfile': 'FROM node:20\nCMD ["yarn", "dev"]\n', 'docker-compose.dev.yml': 'services: [\n  : :\n', 'compose.local.yml': 'a: &a [*a]\nservices:\n  web:\n    build: ${WEB_DIR}\n' };
    expect(severities(files, 'web/Dockerfile', 'web')).toEqual({ 'dev-server-as-start': 'warning', 'package-manager-as-pid1': 'info' });
  });

  it('a FIFO named docker-compose.dev.yml is not read (it would block)', () => {
    const cwd = makeContext({ 'web/Dockerfile': 'FROM node:20\nCMD ["yarn", "dev"]\n' });
    execFileSync('mkfifo', [path.join(cwd, 'docker-compose.dev.yml')]);
    const found = lintDockerfile({ dockerfile: 'web/Dockerfile', context: 'web', cwd }).findings.filter((f) => RULES.has(f.rule));
    expect(found.map((f) => `${f.rule}:${f.severity}`).sort()).toEqual(['dev-server-as-start:warning', 'package-manager-as-pid1:info']);
  });
});
