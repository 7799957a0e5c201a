// The start-contract rules on each deployed start command: Compose `command`/`entrypoint`,
// Kubernetes `command`/`args`, ECS `entryPoint`/`command`, each replacing the image's as the
// platform does, with findings at the manifest's own file and line and the same rule ids.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings.js';
import { lintDockerfile } from '../../../src/lint.js';
import { deployedModel } from '../../../src/model/deployed-start.js';
import { dedent, makeContext } from '../../helpers.js';

const exe = (content: string) => ({ content, mode: 0o755 });
const where = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`);

/** A Node image as the official images' docs write it: a wrapper that execs "$@", node as CMD. */
const NODE_IMAGE = {
  'api/Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY docker-entrypoint.sh /usr/local/bin/\nCOPY . .\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n',
  'api/docker-entrypoint.sh': exe('#!/bin/sh\nset -e\nexec "$@"\n'),
};

function lintWith(files: Record<string, string | { content: string; mode?: number }>, dockerfile = 'api/Dockerfile', deploy: { path: string; container?: string }[] = [], stdin?: string) {
  const dir = makeContext(files);
  return lintDockerfile({ dockerfile, cwd: dir, deploy, ...(stdin !== undefined ? { deployStdin: stdin } : {}) });
}

describe('deployed start commands', () => {
  it('a Compose service with `command: npm start` (the shape of many Node projects\' compose files): npm is PID 1, reported at the compose line', () => {
    const { findings, notes } = lintWith({
      ...NODE_IMAGE,
      'docker-compose.yml': dedent(`
        services:
          db:
            image: postgres:15
          api:
            build: ./api
            restart: always
            ports:
              - "3000:3000"
            volumes:
              - ./uploads:/app/uploads
            command: npm start
      `),
    });
    // The image itself is fine: nothing on the Dockerfile.
    expect(findings.filter((f) => f.file === 'api/Dockerfile')).toEqual([]);
    expect(notes).toContain('judged as deployed by Compose service `api` (docker-compose.yml:4)');
    expect(where(findings, 'package-manager-as-pid1')).toEqual(['docker-compose.yml:11']);
    // A data folder mounted is not the source: still a warning.
    expect(findings.find((f) => f.rule === 'package-manager-as-pid1')!.severity).toBe('warning');
    const f = findings.find((x) => x.rule === 'package-manager-as-pid1')!;
    expect(f.message).toContain('`command: ["npm", "start"]` of Compose service `api`');
    expect(f.fix).toContain('`command: ["node", "server.js"]`');
  });

  it('a Compose service run from the checkout (a host folder over its working_dir, as many dev setups do): info, saying why', () => {
    const { findings } = lintWith({
      ...NODE_IMAGE,
      'api/front/package.json': '{"scripts": {"start": "react-scripts start"}}',
      'compose.yaml': dedent(`
        services:
          front:
            build:
              context: ./api
            volumes:
              - ./api/front:/front
            working_dir: /front
            command: >
              sh -c " npm install &&
              npm start"
      `),
    });
    const at = findings.map((f) => `${f.rule}@${f.file}:${f.line}:${f.severity}`).sort();
    expect(at).toEqual(['package-manager-as-pid1@compose.yaml:8:info', 'shell-wrapper-in-exec-form@compose.yaml:8:info']);
    expect(findings[0]!.message).toContain('Low impact here: Compose service `front` mounts `./api/front` over `/front`, a development setup.');
  });

  it('an inline ignore above the Compose line silences it there', () => {
    const { findings } = lintWith({ ...NODE_IMAGE, 'compose.yaml': 'services:\n  api:\n    build: ./api\n    # entrypoint-guard ignore=package-manager-as-pid1\n    command: npm start\n' });
    expect(findings).toEqual([]);
  });

  it('near miss: a Compose service that runs `node server.js` through the wrapper, or keeps the image command', () => {
    const { findings } = lintWith({ ...NODE_IMAGE, 'compose.yaml': 'services:\n  api:\n    build: ./api\n    command: ["node", "server.js"]\n  worker:\n    build: ./api\n' });
    expect(findings).toEqual([]);
  });

  it('Kubernetes `command: ["sh", "-c", "npm run migrate && npm start"]` from helm template on stdin: a shell and npm as PID 1', () => {
    const helm = fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/deploy/helm-template.yaml'), 'utf8');
    const { findings } = lintWith(NODE_IMAGE, 'api/Dockerfile', [{ path: '-' }], helm);
    // Line 30: the `command:` of container `api` (the chart's other container, metrics, is another image).
    expect(where(findings, 'shell-wrapper-in-exec-form')).toEqual(['<stdin>:30']);
    expect(where(findings, 'package-manager-as-pid1')).toEqual(['<stdin>:30']);
  });

  it('Kubernetes `args` alone keeps the image ENTRYPOINT: the wrapper runs them (no finding); with a shell-form ENTRYPOINT they are dropped (cmd-ignored on the args line)', () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: api\n      args: ["node", "server.js", "--port", "8080"]\n';
    const good = lintWith({ ...NODE_IMAGE, 'k8s/pod.yaml': manifest }, 'api/Dockerfile', [{ path: 'k8s/pod.yaml' }]);
    expect(good.findings).toEqual([]);
    const shellForm = lintWith({ 'api/Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT node server.js\n', 'k8s/pod.yaml': manifest }, 'api/Dockerfile', [{ path: 'k8s/pod.yaml' }]);
    expect(where(shellForm.findings, 'cmd-ignored')).toEqual(['k8s/pod.yaml:8']);
    expect(shellForm.findings.find((f) => f.rule === 'cmd-ignored')!.message).toContain('(line 4 of api/Dockerfile)');
  });

  it('a Kubernetes CronJob runs `npm run report` to its end: no PID 1 finding (it serves nothing); a broken command still is one', () => {
    const cron = (command: string) =>
      `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: report }\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: report\n              image: acme/api\n              command: ${command}\n`;
    const quiet = lintWith({ ...NODE_IMAGE, 'cron.yaml': cron('["npm", "run", "report"]') }, 'api/Dockerfile', [{ path: 'cron.yaml' }]);
    expect(quiet.findings).toEqual([]);
    const joined = lintWith({ ...NODE_IMAGE, 'cron.yaml': cron('["node report.js"]') }, 'api/Dockerfile', [{ path: 'cron.yaml' }]);
    expect(where(joined.findings, 'exec-form-joined-words')).toEqual(['cron.yaml:13']);
  });

  it('a Kubernetes `command:` list with `&&` as a word: nothing is chained (shell-operator-in-exec-form at the manifest line)', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: api\n      command: ["node", "migrate.js", "&&", "node", "server.js"]\n';
    const { findings } = lintWith({ ...NODE_IMAGE, 'pod.yaml': pod }, 'api/Dockerfile', [{ path: 'pod.yaml' }]);
    const hit = findings.filter((f) => f.rule === 'shell-operator-in-exec-form');
    expect(hit.map((f) => `${f.file}:${f.line}`)).toEqual(['pod.yaml:8']);
    expect(hit[0]!.fix).toContain('`command: ["/bin/sh", "-c", "node migrate.js && exec node server.js"]`');
  });

  it('an ECS task definition whose entryPoint is ["sh", "-c"] and command ["npm start"]', () => {
    const taskdef = JSON.stringify({ containerDefinitions: [{ name: 'api', image: 'api', entryPoint: ['sh', '-c'], command: ['npm start'], essential: true }] }, null, 2);
    const { findings } = lintWith({ ...NODE_IMAGE, 'taskdef.json': taskdef }, 'api/Dockerfile', [{ path: 'taskdef.json' }]);
    // The command string `sh -c` runs is the `command` field's: both findings sit on its line.
    const line = taskdef.split('\n').findIndex((l) => l.includes('"command"')) + 1;
    expect(where(findings, 'package-manager-as-pid1')).toEqual([`taskdef.json:${line}`]);
    expect(where(findings, 'shell-wrapper-in-exec-form')).toEqual([`taskdef.json:${line}`]);
  });

  it('a Compose entrypoint that runs a script of the image without exec (gateway-run.sh, as the issue saw it): wrapper-missing-exec on the script, naming the service', () => {
    const { findings } = lintWith({
      'gateway/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
      'gateway/docker/deploy/gateway-run.sh': '#!/bin/sh\nset -e\npython manage.py migrate\nuvicorn app:app --host 0.0.0.0 --port 8000\n',
      'compose.yaml': "services:\n  gateway:\n    build: ./gateway\n    entrypoint: 'sh docker/deploy/gateway-run.sh --workers 2'\n",
    }, 'gateway/Dockerfile');
    const hit = findings.filter((f) => f.rule === 'wrapper-missing-exec');
    expect(hit.map((f) => `${f.file}:${f.line}`)).toEqual(['gateway/docker/deploy/gateway-run.sh:4']);
    expect(hit[0]!.message).toContain('(As Compose service `gateway` in compose.yaml:2 starts the image.)');
  });

  it('a script only a deployment starts is checked like the image\'s own: wrapper-not-executable at the COPY that brings it, naming the deployment', () => {
    const { findings } = lintWith({
      'api/Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      'api/bin/start-worker.sh': { content: '#!/bin/sh\nset -e\nexec node worker.js\n', mode: 0o644 },
      'compose.yaml': 'services:\n  worker:\n    build: ./api\n    command: ["./bin/start-worker.sh"]\n',
    });
    const hit = findings.filter((f) => f.rule === 'wrapper-not-executable');
    expect(hit.map((f) => `${f.file}:${f.line}`)).toEqual(['api/Dockerfile:3']);
    expect(hit[0]!.message).toContain('start-worker.sh');
    expect(hit[0]!.message).toContain('(As Compose service `worker` in compose.yaml:2 starts the image.)');
  });

  it('the replacement semantics per platform: Kubernetes `command` drops CMD, `args` alone keeps ENTRYPOINT, Compose `entrypoint` resets CMD', () => {
    const { model } = lintWith({ ...NODE_IMAGE, 'compose.yaml': 'services:\n  api:\n    build: ./api\n    entrypoint: ["node"]\n' });
    const view = deployedModel(model, model.deployments[0]!)!;
    expect(view.start.argv).toEqual(['node']);
    expect(view.start.entrypoint?.origin).toMatchObject({ kind: 'compose', file: 'compose.yaml', line: 4, field: 'entrypoint' });
    const args = lintWith({ ...NODE_IMAGE, 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec:\n  containers:\n    - name: api\n      image: api\n      args: ["node", "worker.js"]\n' }, 'api/Dockerfile', [{ path: 'pod.yaml' }]);
    const argsView = deployedModel(args.model, args.model.deployments[0]!)!;
    expect(argsView.start.argv).toEqual(['docker-entrypoint.sh', 'node', 'worker.js']);
    expect(argsView.startChain.program?.name).toBe('node');
    expect(argsView.startChain.program?.part.origin?.field).toBe('args');
  });
});

describe('a Compose service run from a checkout: what is a development setup', () => {
  // The Rails + Sidekiq shape of sardjv/esr_api, Bojidarist/railsurveys and ndrean/godwd2: a
  // script started by the compose service runs `bundle exec sidekiq` without exec.
  const RAILS = {
    'Dockerfile': 'FROM ruby:3.2-slim\nWORKDIR /app\nCOPY . .\nCMD ["bundle", "exec", "rails", "s"]\n',
    'script/start_sidekiq.sh': exe('#!/bin/sh\nbundle install\nbundle exec sidekiq -C config/sidekiq.yml\n'),
  };
  const service = (extra: string) => `services:\n  sidekiq:\n    build: .\n    command: ./script/start_sidekiq.sh\n${extra}`;
  const missingExec = (compose: string) => lintWith({ ...RAILS, 'src/app.rb': 'puts 1\n', 'docker-compose.yml': compose }, 'Dockerfile').findings.filter((f) => f.rule === 'wrapper-missing-exec');

  it('the checkout mounted but RAILS_ENV=production (sardjv/esr_api): a production start, an error', () => {
    const h = missingExec(service("    volumes:\n      - '.:/app'\n    environment:\n      - RAILS_ENV=production\n"));
    expect(h.map((f) => [f.file, f.line, f.severity])).toEqual([['script/start_sidekiq.sh', 3, 'error']]);
  });

  it.each([
    ['the checkout mounted (Bojidarist/railsurveys)', "    volumes:\n      - .:/app\n"],
    ['RAILS_ENV: development (ndrean/godwd2)', '    environment:\n      RAILS_ENV: development\n'],
    ['a develop: (Compose Watch) section', '    develop:\n      watch:\n        - action: rebuild\n          path: Gemfile\n'],
    ['a source folder inside the context mounted (rimjhimjha/ANALYTICS-API: ./src:/code)', '    volumes:\n      - ./src:/code:rw\n'],
  ])('%s: info, saying why', (_name, extra) => {
    const h = missingExec(service(extra));
    expect(h.map((f) => f.severity)).toEqual(['info']);
    expect(h[0]!.message).toContain('a development setup');
  });
});

describe('a deployed finding carries no autofix (--fix writes the Dockerfile and scripts, not manifests)', () => {
  it('compose `command: npm start`: package-manager-as-pid1 at compose.yaml:4 without edits, the Dockerfile left alone', () => {
    const { findings } = lintWith({
      'api/Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      'api/package.json': '{"scripts":{"start":"node server.js"}}',
      'compose.yaml': 'services:\n  api:\n    build: ./api\n    command: npm start\n',
    });
    const hit = findings.find((f) => f.rule === 'package-manager-as-pid1');
    expect(`${hit?.file}:${hit?.line}`).toBe('compose.yaml:4');
    expect(hit?.autofix).toBeUndefined();
  });
});

describe('Compose services judged as they build and run (from a survey of real compose files)', () => {
  const NODE = { 'api/Dockerfile': 'FROM node:20-slim AS base\nWORKDIR /app\nCOPY . .\nCMD ["npm", "run", "dev"]\nFROM base AS prod\nCMD ["node", "server.js"]\n' };

  it('another build context (InkubatorTieto/melvil: `context: ..`): not judged here, a note says why', () => {
    const { findings, notes } = lintWith({ ...NODE, 'api/compose.yaml': 'services:\n  api:\n    build:\n      context: ..\n      dockerfile: api/Dockerfile\n    command: npm start\n' });
    expect(where(findings, 'package-manager-as-pid1')).toEqual([]);
    expect(notes.join('\n')).toMatch(/Compose service `api` \(api\/compose.yaml\) builds api\/Dockerfile with the context `\.` \(run with --context to judge it\)/);
  });

  it('another target stage (hoppscotch: `target: backend`): not judged against the final stage', () => {
    const { findings, notes } = lintWith({ ...NODE, 'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n      target: base\n    command: npm start\n' });
    expect(where(findings, 'package-manager-as-pid1')).toEqual([]);
    expect(notes.join('\n')).toContain('for the target stage `base`');
  });

  it('a one-shot service (hoppscotch-migrate: `sh -c "pnpm exec prisma migrate deploy"`) runs to its end: no PID 1 findings', () => {
    const { findings } = lintWith({ ...NODE, 'compose.yaml': 'services:\n  migrate:\n    build: ./api\n    command: sh -c "pnpm exec prisma migrate deploy"\n' });
    expect(findings.filter((f) => f.file === 'compose.yaml')).toEqual([]);
  });

  it('a one-shot script as a service\'s command (makeplane/plane docker-entrypoint-migrator.sh: `python manage.py migrate $1`, no exec) runs to its end', () => {
    const files = {
      'api/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /code\nCOPY ./bin ./bin/\nCMD ["./bin/docker-entrypoint-api.sh"]\n',
      'api/bin/docker-entrypoint-api.sh': exe('#!/bin/bash\nset -e\nexec gunicorn plane.wsgi\n'),
      'api/bin/docker-entrypoint-migrator.sh': exe('#!/bin/bash\nset -e\n\npython manage.py wait_for_db $1\n\npython manage.py migrate $1\n'),
      'api/bin/docker-entrypoint-worker.sh': exe('#!/bin/bash\nset -e\n\npython manage.py wait_for_db\n\ncelery -A plane worker -l info\n'),
      'compose.yaml': 'services:\n  migrator:\n    build: ./api\n    command: ./bin/docker-entrypoint-migrator.sh\n  worker:\n    build: ./api\n    command: ./bin/docker-entrypoint-worker.sh\n',
    };
    // The worker is a service: celery without exec keeps bash as PID 1 (an error); the migrator is a job.
    expect(where(lintWith(files).findings, 'wrapper-missing-exec')).toEqual(['api/bin/docker-entrypoint-worker.sh:6']);
  });

  it('a development server in a Compose service (cms-DQM/runregistry: `npm run dev`): info, a development setup', () => {
    const { findings } = lintWith({ ...NODE, 'api/package.json': '{"scripts":{"dev":"next dev"}}', 'compose.yaml': 'services:\n  web:\n    build: ./api\n    command: npm run dev\n' });
    expect(findings.filter((f) => f.rule === 'dev-server-as-start').map((f) => `${f.file}:${f.line}:${f.severity}`)).toEqual(['compose.yaml:4:info']);
  });

  it('a single config file mounted (awesome-compose nginx-wsgi-flask) is not the checkout: the finding stays an error', () => {
    const files = {
      'web/Dockerfile': 'FROM debian:bookworm-slim\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      'web/start.sh': exe('#!/bin/bash\nenvsubst < /tmp/default.conf > /etc/nginx/conf.d/default.conf && nginx -g "daemon off;"\n'),
      'web/default.conf': 'server {}\n',
      'compose.yaml': 'services:\n  web:\n    build: ./web\n    command: /start.sh\n    volumes:\n      - ./web/default.conf:/tmp/default.conf\n',
    };
    expect(lintWith(files, 'web/Dockerfile').findings.filter((f) => f.rule === 'wrapper-missing-exec').map((f) => f.severity)).toEqual(['error']);
  });

  it('the start command from compose.override.yml (fastapi/full-stack-fastapi-template): a development setup, info', () => {
    const { findings } = lintWith({
      ...NODE,
      'compose.yml': 'services:\n  api:\n    build: ./api\n',
      'compose.override.yml': 'services:\n  api:\n    command: npm start\n',
    });
    expect(findings.filter((f) => f.rule === 'package-manager-as-pid1').map((f) => `${f.file}:${f.severity}`)).toEqual(['compose.override.yml:info']);
  });
});

describe('a start script a Compose service bind-mounts over the image\'s (the deployed start chain runs the repository\'s file)', () => {
  // The shape of a deployment guide's docker-compose.prod.yml found in the acc8-G survey: `judge`
  // and `worker` build Dockerfile.judge and mount ./entrypoint.sh over /app/entrypoint.sh.
  const JUDGE = {
    'Dockerfile.judge': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chmod=755 docker/entrypoint.sh /app/entrypoint.sh\nCOPY src/ /app/src/\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["hypercorn", "src.main:app", "--bind", "0.0.0.0:8000"]\n',
    'docker/entrypoint.sh': exe('#!/bin/sh\nset -e\nexec "$@"\n'),
    'entrypoint.sh': exe('#!/bin/sh\nset -e\npython -m src.migrate\n"$@"\n'),
  };
  const compose = (volumes: string) =>
    dedent(`
      services:
        judge:
          build:
            context: .
            dockerfile: Dockerfile.judge
          volumes:
      ${volumes}
          command: hypercorn src.main:app --bind 0.0.0.0:8000 --workers 4
    `);

  it('./entrypoint.sh mounted over /app/entrypoint.sh (judge service of a docker-compose.prod.yml): the mounted script is linted, naming the mount', () => {
    const { findings } = lintWith({ ...JUDGE, 'compose.yaml': compose('      - ./entrypoint.sh:/app/entrypoint.sh') }, 'Dockerfile.judge');
    const f = findings.filter((x) => x.rule === 'wrapper-missing-exec');
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual(['entrypoint.sh:4']);
    expect(f[0]!.message).toContain('(Compose service `judge` mounts it over `/app/entrypoint.sh` at compose.yaml:7.)');
    // The image's own script is fine, and the mount's mode (the host's) is not judged.
    expect(findings.filter((x) => x.file === 'docker/entrypoint.sh' || x.rule === 'wrapper-not-executable')).toEqual([]);
  });

  it('the same mount without a `command:` of its own: the image\'s start command runs the mounted script', () => {
    const { findings } = lintWith({ ...JUDGE, 'compose.yaml': compose('      - ./entrypoint.sh:/app/entrypoint.sh:ro').replace(/\n\s*command:.*/, '') }, 'Dockerfile.judge');
    expect(where(findings, 'wrapper-missing-exec')).toEqual(['entrypoint.sh:4']);
  });

  it('near miss: a folder mounted, a file from outside the repository, a named volume or a path with a variable are not read', () => {
    for (const volume of ['./docker:/app', '../entrypoint.sh:/app/entrypoint.sh', 'scripts:/app/entrypoint.sh', '${PWD}/entrypoint.sh:/app/entrypoint.sh', './missing.sh:/app/entrypoint.sh']) {
      const files: Record<string, string | { content: string; mode?: number }> = {};
      for (const [k, v] of Object.entries(JUDGE)) files[`repo/${k}`] = v;
      files['entrypoint.sh'] = exe('#!/bin/sh\nnode server.js\n');
      files['repo/compose.yaml'] = compose(`      - ${volume}`);
      const dir = makeContext(files);
      fs.mkdirSync(path.join(dir, 'repo', '.git'));
      const { findings } = lintDockerfile({ dockerfile: 'repo/Dockerfile.judge', cwd: dir });
      expect(findings.filter((x) => x.rule === 'wrapper-missing-exec'), volume).toEqual([]);
    }
  });

  it('near miss: the mounted file is the one the image copies (a live-edit mount): one finding, not two', () => {
    const { findings } = lintWith({ ...JUDGE, 'docker/entrypoint.sh': exe('#!/bin/sh\npython app.py\n'), 'compose.yaml': compose('      - ./docker/entrypoint.sh:/app/entrypoint.sh:ro').replace(/\n\s*command:.*/, '') }, 'Dockerfile.judge');
    expect(where(findings, 'wrapper-missing-exec')).toEqual(['docker/entrypoint.sh:2']);
  });
});
