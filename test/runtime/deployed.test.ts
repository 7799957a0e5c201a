// The probe as deployed, on a real engine: a Python queue worker (Debian's python3 on the
// eg-python base) that drains DRAIN_SECONDS on SIGTERM, started as a compose service or a
// Kubernetes container starts it (test/fixtures/runtime/deployed-drain/: compose.yaml,
// k8s.yaml, k8s-roomy.yaml). The Deployment objects are written here from those files' lines,
// as the deployment readers give them; the runtime is the product's own (runRuntime), docker real.
// taskdef.json is an ECS task definition for the same image.
import { describe, expect, it } from 'vitest';
import type { DeploymentResult, Finding } from '../../src/findings.js';
import { lintDockerfile } from '../../src/lint.js';
import type { Deployment } from '../../src/model/deployment.js';
import { runRuntime } from '../../src/runtime/index.js';
import { withRuleMeta } from '../../src/runtime-findings.js';
import { engineAvailable, fixtureOptions, leftoversAsync } from './engine.js';
import { reportErrors } from '../report-schema.js';
import { toJsonReport, TOOL } from '../../src/report/json.js';

const T = 240_000;
const NAME = 'deployed-drain';

/** compose.yaml's `worker`: stop_grace_period 5s (line 6), DRAIN_SECONDS 8 (line 5). */
const composeWorker: Deployment = {
  kind: 'compose', file: 'compose.yaml', line: 2, name: 'worker',
  env: [{ name: 'DRAIN_SECONDS', value: '8', line: 5 }], skippedEnv: [],
  grace: { seconds: 5, line: 6 },
};
/** compose.yaml's `worker-roomy`: stop_grace_period 15s (line 11), DRAIN_SECONDS 3. */
const composeRoomy: Deployment = {
  kind: 'compose', file: 'compose.yaml', line: 7, name: 'worker-roomy',
  env: [{ name: 'DRAIN_SECONDS', value: '3', line: 10 }], skippedEnv: [],
  grace: { seconds: 15, line: 11 },
};
/** compose.yaml's `worker-sh`: its command (line 14) keeps a shell as PID 1 in front of the worker. */
const composeShell: Deployment = {
  kind: 'compose', file: 'compose.yaml', line: 12, name: 'worker-sh',
  command: { value: ['sh', '-c', 'python3 -u /app/worker.py; echo worker stopped'], line: 14 },
  env: [], skippedEnv: [],
  grace: { seconds: 3, line: 15 },
};
/** compose.yaml's `worker-init`: `init: true` (line 18), `stop_signal: SIGINT` (line 19). */
const composeInit: Deployment = {
  kind: 'compose', file: 'compose.yaml', line: 16, name: 'worker-init',
  env: [], skippedEnv: [],
  init: { value: true, line: 18 },
  stopSignal: { value: 'SIGINT', line: 19 },
  grace: { seconds: 10, line: 20 },
};
/** taskdef.json's `worker`: entryPoint (line 7) + command (line 8), DRAIN_SECONDS 2, stopTimeout not set (30 s). */
const ecsWorker: Deployment = {
  kind: 'ecs', file: 'taskdef.json', line: 5, name: 'worker',
  entrypoint: { value: ['python3', '-u'], line: 7 },
  command: { value: ['/app/worker.py'], line: 8 },
  env: [{ name: 'DRAIN_SECONDS', value: '2', line: 9 }], skippedEnv: [],
  grace: { seconds: 30 },
};
/** k8s.yaml: terminationGracePeriodSeconds 30 (line 12), preStop sleep 20 (line 23), a 15 s drain, a password from a Secret. */
const k8sWorker: Deployment = {
  kind: 'kubernetes', file: 'k8s.yaml', line: 14, name: 'worker', workload: 'Deployment/worker',
  env: [{ name: 'DRAIN_SECONDS', value: '15', line: 17 }], skippedEnv: ['QUEUE_PASSWORD'],
  grace: { seconds: 30, line: 12 },
  preStop: { kind: 'sleep', seconds: 20, line: 23 },
};
/** k8s-hook.yaml: terminationGracePeriodSeconds 10 (line 6), a preStop exec hook of unknown length (line 14: 4 s), an 8 s drain. */
const k8sHook: Deployment = {
  kind: 'kubernetes', file: 'k8s-hook.yaml', line: 8, name: 'worker', workload: 'Pod/worker',
  env: [{ name: 'DRAIN_SECONDS', value: '8', line: 11 }], skippedEnv: [],
  grace: { seconds: 10, line: 6 },
  preStop: { kind: 'exec', argv: ['python3', '-c', 'import time; time.sleep(4)'], line: 14 },
};
/** k8s-hook.yaml's second container: a preStop hook (line 21) that stops the worker itself (1 s drain) before the signal. */
const k8sSelfStop: Deployment = {
  kind: 'kubernetes', file: 'k8s-hook.yaml', line: 18, name: 'worker-self-stop', workload: 'Pod/worker',
  env: [], skippedEnv: [],
  grace: { seconds: 10, line: 6 },
  preStop: { kind: 'exec', argv: ['python3', '-c', 'import os, signal, time; os.kill(1, signal.SIGTERM); time.sleep(5)'], line: 21 },
};
/** k8s-roomy.yaml: the same grace period, preStop sleep 5, a 3 s drain. */
const k8sRoomy: Deployment = {
  kind: 'kubernetes', file: 'k8s-roomy.yaml', line: 14, name: 'worker', workload: 'Deployment/worker',
  env: [{ name: 'DRAIN_SECONDS', value: '3', line: 17 }], skippedEnv: [],
  grace: { seconds: 30, line: 12 },
  preStop: { kind: 'sleep', seconds: 5, line: 20 },
};

async function runDeployed(deployments: Deployment[], platforms: string[], tag: string) {
  const options = fixtureOptions(NAME, { platforms, gracePeriod: 10, startupWait: 30, runId: `eg-test-${NAME}-${tag}-${process.pid}-${Date.now().toString(36)}` });
  const lint = lintDockerfile({ dockerfile: options.dockerfile, cwd: options.cwd });
  lint.model.deployments = deployments;
  const { hits, ...rest } = await runRuntime(lint.model, options, { staticFindings: lint.findings });
  const findings = withRuleMeta(hits);
  expect(await leftoversAsync(options.runId!)).toEqual({ containers: [], images: [] });
  return { ...rest, findings, options };
}

function deployed(run: { platforms: { platform: string; deployments?: DeploymentResult[] }[] }, platform: string, container: string, file?: string): DeploymentResult {
  const d = run.platforms.find((p) => p.platform === platform)?.deployments?.find((x) => x.container === container && (file === undefined || x.file === file));
  if (!d) throw new Error(`no deployed result for ${container} on ${platform}: ${JSON.stringify(run.platforms, null, 1)}`);
  return d;
}

const at = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`);

describe.skipIf(!engineAvailable).concurrent('the probe as deployed (compose, Kubernetes)', () => {
  it('compose stop_grace_period 5s for a worker that needs 8 s: grace-period-exceeded at runtime on both platforms; 15s with a 3 s drain: none', async () => {
    const run = await runDeployed([composeWorker, composeRoomy], ['linux/amd64', 'linux/arm64'], 'compose');
    for (const p of ['linux/amd64', 'linux/arm64']) {
      const plain = run.platforms.find((x) => x.platform === p)!;
      // The plain `docker run` probe (the image's DRAIN_SECONDS=1, --grace-period 10) is clean.
      expect(plain.shutdown, JSON.stringify(plain)).toMatchObject({ signal: 'SIGTERM', exitCode: 0, killed: false });
      const worker = deployed(run, p, 'worker');
      expect(worker).toMatchObject({ source: 'compose', file: 'compose.yaml', line: 2, startCommand: ['python3', '-u', '/app/worker.py'] });
      // The probe watched the whole 8 s drain (it waits the larger of 5 s and --grace-period): compose would SIGKILL it at 5 s.
      expect(worker.shutdown).toMatchObject({ signal: 'SIGTERM', exitCode: 0, killed: false });
      expect(worker.shutdown!.seconds).toBeGreaterThanOrEqual(8);
      expect(worker.grace).toMatchObject({ seconds: 5, exceeded: true });
      expect(worker.grace.needed!).toBeGreaterThanOrEqual(8);
      const roomy = deployed(run, p, 'worker-roomy');
      expect(roomy.shutdown).toMatchObject({ exitCode: 0, killed: false });
      expect(roomy.shutdown!.seconds).toBeGreaterThanOrEqual(3);
      expect(roomy.grace).toMatchObject({ seconds: 15, exceeded: false });
    }
    // One finding, at the manifest's stop_grace_period line, listing both platforms; nothing for the roomy service.
    expect(at(run.findings, 'grace-period-exceeded')).toEqual(['compose.yaml:6']);
    const f = run.findings.find((x) => x.rule === 'grace-period-exceeded')!;
    expect(f.severity).toBe('error');
    expect(f.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(f.message).toMatch(/Compose service `worker`.*no preStop hook \(0 s\) \+ a shutdown of \d+(\.\d+)? s.* ≥ the 5 s grace period \(`stop_grace_period`, line 6\)/);
    expect(f.fix).toMatch(/stop_grace_period: \d+s/);
    expect(run.findings.filter((x) => x.file === 'compose.yaml' && x.rule !== 'grace-period-exceeded')).toEqual([]);
  }, T);

  it('Kubernetes preStop sleep 20 + a 15 s drain under terminationGracePeriodSeconds 30: fires; preStop 5 + 3 s: does not; an exec hook is run and timed', async () => {
    const run = await runDeployed([k8sWorker, k8sRoomy, k8sHook, k8sSelfStop], ['linux/amd64'], 'k8s');
    const worker = deployed(run, 'linux/amd64', 'worker', 'k8s.yaml');
    expect(worker).toMatchObject({ source: 'kubernetes', workload: 'Deployment/worker', skippedEnv: ['QUEUE_PASSWORD'] });
    expect(worker.shutdown).toMatchObject({ exitCode: 0, killed: false });
    expect(worker.shutdown!.seconds).toBeGreaterThanOrEqual(15);
    expect(worker.grace).toMatchObject({ seconds: 30, preStop: 20, exceeded: true });
    expect(worker.grace.needed!).toBeGreaterThanOrEqual(35);
    const roomy = deployed(run, 'linux/amd64', 'worker', 'k8s-roomy.yaml');
    expect(roomy.grace).toMatchObject({ seconds: 30, preStop: 5, exceeded: false });
    expect(at(run.findings, 'grace-period-exceeded').filter((f) => f.startsWith('k8s.yaml'))).toEqual(['k8s.yaml:12']);
    const f = run.findings.find((x) => x.rule === 'grace-period-exceeded' && x.file === 'k8s.yaml')!;
    expect(f.message).toMatch(/preStop `sleep: 20` \(line 23\): 20 s \+ a shutdown of 1\d(\.\d+)? s after SIGTERM .* ≥ the 30 s grace period \(`terminationGracePeriodSeconds`, line 12\)/);
    expect(f.fix).toMatch(/terminationGracePeriodSeconds: \d+/);
    expect(run.findings.filter((x) => x.file === 'k8s-roomy.yaml')).toEqual([]);
    // An exec hook of unknown length is run in the container before the signal and timed: 4 s + 8 s ≥ 10 s.
    const hook = deployed(run, 'linux/amd64', 'worker', 'k8s-hook.yaml');
    expect(hook.grace.preStop!).toBeGreaterThanOrEqual(4);
    expect(hook.grace.preStop!).toBeLessThan(8);
    expect(hook.shutdown).toMatchObject({ exitCode: 0, killed: false });
    expect(hook.grace).toMatchObject({ seconds: 10, exceeded: true });
    expect(at(run.findings, 'grace-period-exceeded')).toContain('k8s-hook.yaml:6');
    // A hook that stops the service itself: the shutdown is over before the signal (0 s after it), within the grace period.
    const selfStop = deployed(run, 'linux/amd64', 'worker-self-stop');
    expect(selfStop.shutdown).toMatchObject({ seconds: 0, exitCode: 0, killed: false });
    expect(selfStop.grace.preStop!).toBeGreaterThanOrEqual(1);
    expect(selfStop.grace).toMatchObject({ exceeded: false });
    expect(run.findings.filter((x) => x.file === 'k8s-hook.yaml').map((x) => x.rule)).toEqual(['grace-period-exceeded']);
    expect(run.findings.find((x) => x.file === 'k8s-hook.yaml')!.message).toMatch(/preStop `python3 -c import time; time\.sleep\(4\)` \(line 14\): \d+(\.\d+)? s \(run and timed by the probe\) \+ a shutdown of \d/);
  }, T);

  it('a compose command that keeps a shell as PID 1: the shell swallows SIGTERM, found at the command line with the plain-run ids', async () => {
    const run = await runDeployed([composeShell], ['linux/amd64'], 'shell');
    const sh = deployed(run, 'linux/amd64', 'worker-sh');
    expect(sh.startCommand).toEqual(['sh', '-c', 'python3 -u /app/worker.py; echo worker stopped']);
    expect(sh.pid1Argv?.[0]).toMatch(/sh$/);
    // Killed after the wait (the larger of its 3 s and --grace-period 10): SIGKILLed when deployed.
    expect(sh.shutdown).toMatchObject({ killed: true });
    expect(sh.grace).toMatchObject({ seconds: 3, exceeded: true });
    expect(at(run.findings, 'sigterm-ignored')).toEqual(['compose.yaml:14']);
    expect(at(run.findings, 'shell-is-pid1')).toEqual(['compose.yaml:14']);
    expect(run.findings.find((x) => x.rule === 'sigterm-ignored')!.message).toMatch(/after the 3 s grace period/);
    // The fix is the manifest's, not the Dockerfile's.
    expect(run.findings.find((x) => x.rule === 'shell-is-pid1')!.fix).toContain('`command:` (line 14 of compose.yaml)');
    // The image itself (exec-form CMD, the worker as PID 1) stops cleanly under `docker run`.
    expect(run.findings.filter((x) => x.file === 'Dockerfile' && ['sigterm-ignored', 'shell-is-pid1'].includes(x.rule))).toEqual([]);
  }, T);

  it('compose init: true and stop_signal: SIGINT (Docker\'s init is PID 1, the deployed signal sent); an ECS entryPoint + command; the JSON report validates', async () => {
    const run = await runDeployed([composeRoomy, composeInit, ecsWorker], ['linux/amd64'], 'json');
    // ECS: a two-word entryPoint + command reach the container word for word (`--entrypoint=python3` + `-u /app/worker.py`).
    const ecs = deployed(run, 'linux/amd64', 'worker');
    expect(ecs).toMatchObject({ source: 'ecs', startCommand: ['python3', '-u', '/app/worker.py'], pid1Argv: ['python3', '-u', '/app/worker.py'] });
    expect(ecs.shutdown).toMatchObject({ signal: 'SIGTERM', exitCode: 0, killed: false });
    expect(ecs.shutdown!.seconds).toBeGreaterThanOrEqual(2);
    expect(ecs.grace).toMatchObject({ seconds: 30, default: true, exceeded: false });
    const init = deployed(run, 'linux/amd64', 'worker-init');
    expect(init.init).toBe(true);
    expect(init.pid1Argv?.[0]).toMatch(/docker-init$/);
    // The plain run sends the image's SIGTERM; this one compose's SIGINT, which the init forwards.
    expect(run.platforms[0]!.shutdown!.signal).toBe('SIGTERM');
    expect(init.shutdown).toMatchObject({ signal: 'SIGINT', killed: false });
    expect(init.grace).toMatchObject({ seconds: 10, exceeded: false });
    expect(run.findings.filter((x) => x.file === 'compose.yaml')).toEqual([]);
    const report = toJsonReport({ version: 1, dockerfile: 'Dockerfile', findings: run.findings, platforms: run.platforms });
    expect(reportErrors({ version: 1, tool: TOOL, findings: run.findings, files: [report] })).toEqual([]);
    const d = deployed(run, 'linux/amd64', 'worker-roomy');
    expect(Object.keys(d)).toEqual(expect.arrayContaining(['source', 'file', 'line', 'container', 'startCommand', 'pid1', 'shutdown', 'grace']));
  }, T);
});

describe('the deployment readers give the runtime what these tests write by hand', () => {
  const options = fixtureOptions(NAME);
  const read = (deploy: { path: string; container?: string }[]) => lintDockerfile({ dockerfile: options.dockerfile, cwd: options.cwd, deploy }).model.deployments;

  it('compose.yaml found beside the Dockerfile: each service that builds it', () => {
    const byName = new Map(read([]).map((d) => [d.name, d]));
    for (const d of [composeWorker, composeRoomy, composeShell, composeInit]) expect(byName.get(d.name), d.name).toMatchObject(d);
  });

  it('Kubernetes manifests and an ECS task definition given with --deploy', () => {
    // compose.yaml beside the Dockerfile is read as well: only the given manifest's are compared.
    const given = (deploy: { path: string; container?: string }) => read([deploy]).filter((d) => d.file === deploy.path);
    expect(given({ path: 'k8s.yaml' })).toMatchObject([k8sWorker]);
    expect(given({ path: 'k8s-roomy.yaml' })).toMatchObject([k8sRoomy]);
    expect(given({ path: 'k8s-hook.yaml', container: 'worker' })).toMatchObject([k8sHook]);
    expect(given({ path: 'k8s-hook.yaml', container: 'worker-self-stop' })).toMatchObject([k8sSelfStop]);
    expect(given({ path: 'taskdef.json' })).toMatchObject([ecsWorker]);
  });
});
