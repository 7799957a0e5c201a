// Deployment sources: Compose files found beside the Dockerfile, and --deploy manifests
// (Compose, Kubernetes as kubectl/helm print them, ECS task definitions), matched to the
// Dockerfile, each value with the line that wrote it. Bad input: one sentence.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { splitComposeWords, composeSeconds } from '../../src/model/deploy/compose.js';
import { expandReferences, sleepSeconds } from '../../src/model/deploy/kubernetes.js';
import { dedent, lintResult, makeContext } from '../helpers.js';
import { lintDockerfile } from '../../src/lint.js';
import { configEntry, fromConfigValue, fromFlags, fromInputs } from '../../src/options/read.js';

const NODE = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

/** `helm template release ./chart` output as it prints it: `---`, `# Source:` comments, several kinds. */
const HELM_OUTPUT = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/deploy/helm-template.yaml'), 'utf8');

function deploymentsOf(files: Record<string, string>, deploy: { path: string; container?: string }[] = [], stdin?: string, dockerfile = 'Dockerfile') {
  const dir = makeContext(files);
  return lintDockerfile({ dockerfile, cwd: dir, deploy, ...(stdin !== undefined ? { deployStdin: stdin } : {}) });
}

function badInput(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('no InputError');
}

describe('Compose', () => {
  it('splits a string command as Compose does (go-shellwords: quotes, no shell, an operator ends it)', () => {
    expect(splitComposeWords('npm start')).toEqual({ words: ['npm', 'start'] });
    expect(splitComposeWords(`sh -c 'exec gunicorn -b 0.0.0.0:8000 app:app'`)).toEqual({ words: ['sh', '-c', 'exec gunicorn -b 0.0.0.0:8000 app:app'] });
    expect(splitComposeWords('echo "a \\"b\\"" c\\ d')).toEqual({ words: ['echo', 'a "b"', 'c d'] });
    expect(splitComposeWords('npm run migrate && npm start')).toEqual({ words: ['npm', 'run', 'migrate'], rest: '&& npm start' });
    expect(splitComposeWords('echo "open')).toBeUndefined();
    expect(composeSeconds('1m30s')).toBe(90);
    expect(composeSeconds('500ms')).toBe(0.5);
    expect(composeSeconds('soon')).toBeUndefined();
  });

  it('finds the service that builds the Dockerfile in compose.yaml one folder up, with every field and its line', () => {
    const { model } = deploymentsOf({
      'api/Dockerfile': NODE,
      'compose.yaml': dedent(`
        services:
          api:
            build:
              context: ./api
            command: npm start
            init: true
            stop_signal: SIGINT
            stop_grace_period: 1m30s
            profiles: [prod]
            environment:
              NODE_ENV: production
              TOKEN: \${TOKEN}
            env_file: .env
            healthcheck:
              test: ["CMD-SHELL", "curl -f http://localhost:3000/ || exit 1"]
          redis:
            image: redis:7
      `),
    }, [], undefined, 'api/Dockerfile');
    expect(model.deployments).toHaveLength(1);
    const d = model.deployments[0]!;
    expect(d).toMatchObject({
      kind: 'compose',
      file: 'compose.yaml',
      line: 2,
      name: 'api',
      command: { value: ['npm', 'start'], line: 5 },
      init: { value: true, line: 6 },
      stopSignal: { value: 'SIGINT', line: 7 },
      grace: { seconds: 90, line: 8 },
      profiles: ['prod'],
      env: [{ name: 'NODE_ENV', value: 'production', line: 11 }],
      skippedEnv: ['TOKEN', 'env_file'],
      healthcheck: { argv: ['/bin/sh', '-c', 'curl -f http://localhost:3000/ || exit 1'], line: 14 },
    });
    expect(d.entrypoint).toBeUndefined();
  });

  it('a folded `command: >` string, the list form of environment, the default grace, and an override file', () => {
    const { model } = deploymentsOf({
      Dockerfile: NODE,
      'docker-compose.yml': dedent(`
        services:
          web:
            build: .
            entrypoint: /app/docker-entrypoint.sh
            command: >
              gunicorn app:app
              --bind 0.0.0.0:8000
            environment:
              - PORT=8000
              - SECRET
      `),
      'docker-compose.override.yml': dedent(`
        services:
          web:
            stop_signal: SIGQUIT
      `),
    });
    const d = model.deployments[0]!;
    expect(d.entrypoint).toEqual({ value: ['/app/docker-entrypoint.sh'], line: 4 });
    expect(d.command).toEqual({ value: ['gunicorn', 'app:app', '--bind', '0.0.0.0:8000'], line: 5 });
    expect(d.env).toEqual([{ name: 'PORT', value: '8000', line: 9 }]);
    expect(d.skippedEnv).toEqual(['SECRET']);
    expect(d.grace).toEqual({ seconds: 10 });
    expect(d.stopSignal).toEqual({ value: 'SIGQUIT', line: 3 });
    expect(d.fieldFiles).toEqual({ stopSignal: 'docker-compose.override.yml' });
  });

  it('`x-` anchors merged with `<<: *default` (own keys win), and `$$` as a literal `$`', () => {
    const { model } = deploymentsOf({
      Dockerfile: NODE,
      'compose.yaml': dedent(`
        x-app: &app
          build: .
          init: true
          stop_grace_period: 30s
        services:
          web:
            <<: *app
            stop_grace_period: 45s
            command: ["sh", "-c", "exec node server.js --port $$PORT"]
      `),
    });
    expect(model.deployments[0]).toMatchObject({ name: 'web', init: { value: true }, grace: { seconds: 45, line: 8 }, command: { value: ['sh', '-c', 'exec node server.js --port $PORT'], line: 9 } });
  });

  it('an entrypoint without a command drops the image CMD ([] on the entrypoint line)', () => {
    const { model } = deploymentsOf({ Dockerfile: NODE, 'compose.yaml': 'services:\n  app:\n    build: .\n    entrypoint: ["node", "worker.js"]\n' });
    expect(model.deployments[0]).toMatchObject({ entrypoint: { value: ['node', 'worker.js'], line: 4 }, command: { value: [], line: 4 } });
  });

  it('--deploy names a Compose file the discovery does not read (docker-compose.prod.yml), its profiles kept', () => {
    const files = { 'api/Dockerfile': NODE, 'deploy/docker-compose.prod.yml': 'services:\n  api:\n    build:\n      context: ../api\n    profiles: ["prod"]\n    command: ["node", "cluster.js"]\n' };
    expect(deploymentsOf(files, [], undefined, 'api/Dockerfile').model.deployments).toEqual([]);
    const { model } = deploymentsOf(files, [{ path: 'deploy/docker-compose.prod.yml' }], undefined, 'api/Dockerfile');
    expect(model.deployments).toMatchObject([{ kind: 'compose', file: 'deploy/docker-compose.prod.yml', name: 'api', profiles: ['prod'], command: { value: ['node', 'cluster.js'], line: 6 } }]);
  });

  it('a service that builds another Dockerfile, or only names an image, is not this Dockerfile', () => {
    const { model } = deploymentsOf({
      Dockerfile: NODE,
      'Dockerfile.worker': NODE,
      'compose.yaml': 'services:\n  worker:\n    build:\n      context: .\n      dockerfile: Dockerfile.worker\n    command: npm start\n  db:\n    image: postgres:16\n',
    });
    expect(model.deployments).toEqual([]);
  });
});

describe('Kubernetes', () => {
  it('helm template output on stdin: the container whose image is named like the folder, with its lines', () => {
    const dir = makeContext({ 'api/Dockerfile': NODE });
    const { model } = lintDockerfile({ dockerfile: 'api/Dockerfile', cwd: dir, deploy: [{ path: '-' }], deployStdin: HELM_OUTPUT });
    expect(model.deployments).toHaveLength(1);
    expect(model.deployments[0]).toMatchObject({
      kind: 'kubernetes',
      file: '<stdin>',
      line: 28,
      name: 'api',
      workload: 'Deployment/release-api',
      image: 'ghcr.io/acme/api:1.4.0',
      entrypoint: { value: ['sh', '-c', 'npm run migrate && npm start'], line: 30 },
      command: { value: [], line: 30 },
      env: [{ name: 'NODE_ENV', value: 'production', line: 32 }],
      skippedEnv: ['DATABASE_URL'],
      grace: { seconds: 45, line: 26 },
      preStop: { kind: 'exec', seconds: 20, argv: ['sh', '-c', 'sleep 20'], line: 38 },
      probes: [{ kind: 'readiness', line: 41, httpGet: { path: '/healthz', port: 3000 } }],
    });
  });

  it('args alone replace CMD; List kinds, CronJob, a preStop sleep action, stopSignal, the 30 s default', () => {
    const list = dedent(`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: batch/v1
          kind: CronJob
          metadata: { name: report }
          spec:
            schedule: "0 * * * *"
            jobTemplate:
              spec:
                template:
                  spec:
                    containers:
                      - name: report
                        image: acme/report
                        args: ["python", "report.py"]
                        lifecycle:
                          stopSignal: SIGUSR1
                          preStop:
                            sleep: { seconds: 5 }
    `);
    const { model } = deploymentsOf({ 'report/Dockerfile': NODE, 'k8s/cron.yaml': list }, [{ path: 'k8s' }], undefined, 'report/Dockerfile');
    expect(model.deployments[0]).toMatchObject({
      workload: 'CronJob/report',
      command: { value: ['python', 'report.py'], line: 16 },
      stopSignal: { value: 'SIGUSR1', line: 18 },
      preStop: { kind: 'sleep', seconds: 5, line: 19 },
      grace: { seconds: 30 },
    });
    expect(model.deployments[0]!.entrypoint).toBeUndefined();
    expect(sleepSeconds(['/bin/sh', '-c', 'sleep 15 && nginx -s quit'])).toBe(15);
    expect(sleepSeconds(['nginx', '-s', 'quit'])).toBeUndefined();
  });

  it('expands `$(VAR)` from the literal env as Kubernetes does; a secret or unknown one stays as written; `$$` escapes', () => {
    const env = [{ name: 'PORT', value: '8080', line: 1 }];
    expect(expandReferences(['gunicorn', '--bind', '0.0.0.0:$(PORT)', '$(DB_URL)', '$$(PORT)'], env)).toEqual(['gunicorn', '--bind', '0.0.0.0:8080', '$(DB_URL)', '$(PORT)']);
  });

  it('#NAME picks a container; several containers and no image match: listed in one note, not guessed', () => {
    const dir = makeContext({ 'api/Dockerfile': NODE });
    const picked = lintDockerfile({ dockerfile: 'api/Dockerfile', cwd: dir, deploy: [{ path: '-', container: 'metrics' }], deployStdin: HELM_OUTPUT });
    expect(picked.model.deployments.map((d) => d.name)).toEqual(['metrics']);
    const other = makeContext({ 'web/Dockerfile': NODE });
    const none = lintDockerfile({ dockerfile: 'web/Dockerfile', cwd: other, deploy: [{ path: '-' }], deployStdin: HELM_OUTPUT });
    expect(none.model.deployments).toEqual([]);
    expect(none.notes.filter((n) => n.includes('unmatched'))).toEqual([
      '--deploy -: no container matched to web/Dockerfile (by its image\'s last path component, `web`); unmatched: api (Deployment/release-api), metrics (Deployment/release-api); name one with --deploy -#NAME',
    ]);
  });
});

describe('ECS', () => {
  it('a task definition: entryPoint, command, stopTimeout, initProcessEnabled, healthCheck, secrets skipped', () => {
    const taskdef = JSON.stringify(
      {
        family: 'api',
        containerDefinitions: [
          {
            name: 'api',
            image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest',
            entryPoint: ['sh', '-c'],
            command: ['npm start'],
            stopTimeout: 120,
            linuxParameters: { initProcessEnabled: true },
            environment: [{ name: 'PORT', value: '3000' }],
            secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:…' }],
            healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:3000/health || exit 1'], interval: 30 },
          },
        ],
      },
      null,
      2,
    );
    const { model } = deploymentsOf({ 'api/Dockerfile': NODE, 'taskdef.json': taskdef }, [{ path: 'taskdef.json' }], undefined, 'api/Dockerfile');
    expect(model.deployments[0]).toMatchObject({
      kind: 'ecs',
      file: 'taskdef.json',
      line: 5,
      entrypoint: { value: ['sh', '-c'], line: 7 },
      command: { value: ['npm start'], line: 11 },
      grace: { seconds: 120, line: 14 },
      init: { value: true, line: 16 },
      env: [{ name: 'PORT', value: '3000' }],
      skippedEnv: ['DB_PASSWORD'],
      healthcheck: { argv: ['/bin/sh', '-c', 'curl -f http://localhost:3000/health || exit 1'] },
    });
  });
});

describe('bad input: one sentence', () => {
  const run = (manifest: string, spec: { path: string; container?: string } = { path: 'deploy.yaml' }) => () => deploymentsOf({ Dockerfile: NODE, 'deploy.yaml': manifest }, [spec]);

  it('not YAML, with its line; a Helm template gets a hint', () => {
    expect(badInput(run('apiVersion: v1\nkind: Pod\nspec: [containers\n'))).toMatch(/^deploy\.yaml:\d+: not valid YAML \(/);
    expect(badInput(run('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include "x" . | nindent 4 }}\n'))).toMatch(/helm template/);
  });

  it('a #NAME that matches no container names the ones there are', () => {
    expect(badInput(() => deploymentsOf({ Dockerfile: NODE }, [{ path: '-', container: 'web' }], HELM_OUTPUT))).toBe(
      '--deploy -#web: no container named "web"; it has api (Deployment/release-api), metrics (Deployment/release-api)',
    );
  });

  it('a YAML alias bomb stops at the library limit', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]'].join('\n');
    expect(badInput(run(bomb))).toBe('deploy.yaml: its YAML aliases expand too far (an alias bomb?); not read');
  });

  it('megabytes of nested brackets or dashes are refused before the parser recurses into them (it would take minutes)', () => {
    expect(badInput(run(`a: ${'['.repeat(4_000_000)}${']'.repeat(4_000_000)}\n`))).toBe('deploy.yaml:1: collections nested over 256 levels deep; not read');
    expect(badInput(run(`x: 1\n${'- '.repeat(3_000_000)}x\n`))).toBe('deploy.yaml:2: collections nested over 256 levels deep; not read');
    // Brackets inside quotes and comments, and a flow list a few levels deep, are fine.
    expect(() => run(`# ${'['.repeat(300)}\napiVersion: v1\nkind: Pod\nmetadata: {name: "${'{'.repeat(300)}"}\nspec: {containers: [{name: a, image: b, command: [sh, -c, "[ -f x ]"]}]}\n`)()).not.toThrow();
  });

  it('a 50 MB manifest is refused before it is read', () => {
    const big = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n# ${'x'.repeat(50 * 1024 * 1024)}\n`;
    expect(badInput(run(big))).toBe('deployment manifest deploy.yaml is 50 MB; files over 10 MB are not read');
  });

  it('a file with no workload, a missing file, a bad duration', () => {
    expect(badInput(run('apiVersion: v1\nkind: ConfigMap\ndata: {}\n'))).toBe('--deploy deploy.yaml: no Compose service, Kubernetes workload container or ECS container definition in it');
    expect(badInput(() => deploymentsOf({ Dockerfile: NODE }, [{ path: 'nope.yaml' }]))).toBe('--deploy nope.yaml: no such file or folder');
    expect(badInput(run('services:\n  app:\n    build: .\n    stop_grace_period: soon\n'))).toBe('deploy.yaml:4: stop_grace_period `soon` is not a duration like 30s or 1m30s');
  });

  it('an auto-discovered Compose file that is broken is a note, not a failure', () => {
    const result = lintResult(NODE, { 'compose.yaml': 'services: [\n' });
    expect(result.model.deployments).toEqual([]);
    expect(result.notes.some((n) => n.startsWith('compose.yaml:') && n.includes('not valid YAML'))).toBe(true);
  });
});

describe('the deploy option, one catalog entry', () => {
  it('a repeatable flag, a newline list in the Action input, strings or mappings in the config file', () => {
    expect(fromFlags({ deploy: ['k8s/api.yaml#api', '-'] }).values.deploy).toEqual([{ path: 'k8s/api.yaml', container: 'api' }, { path: '-' }]);
    const inputs: Record<string, string> = { deploy: 'rendered.yaml#api\n# a comment\ndeploy/ecs/taskdef.json\n' };
    expect(fromInputs((name) => inputs[name] ?? '', 'run').values.deploy).toEqual([{ path: 'rendered.yaml', container: 'api' }, { path: 'deploy/ecs/taskdef.json' }]);
    const entry = configEntry('deploy')!;
    expect(fromConfigValue(entry, ['compose.prod.yaml', { path: 'k8s/', container: 'api', dockerfile: 'api/Dockerfile' }])).toEqual([
      { path: 'compose.prod.yaml' },
      { path: 'k8s/', container: 'api', dockerfile: 'api/Dockerfile' },
    ]);
    expect(badInput(() => fromConfigValue(entry, [{ file: 'x.yaml' }]))).toBe('deploy: unknown key "file" (use path, container, dockerfile)');
    expect(badInput(() => fromFlags({ deploy: ['k8s/api.yaml#'] }))).toBe('--deploy "k8s/api.yaml#": write PATH#CONTAINER, both parts non-empty');
  });
});
