// The probe as deployed, its pure parts: what each platform starts (its entrypoint/command
// replacement merged with the image's as Docker's engine merges them), the env it is given,
// the `docker run` argv of the deployed run, and the grace-period verdict.
import { describe, expect, it } from 'vitest';
import type { DeploymentResult, PlatformResult } from '../../src/findings.js';
import type { Deployment } from '../../src/model/deployment.js';
import { reconcileEmulated } from '../../src/runtime/index.js';
import type { PlatformHit } from '../../src/runtime/types.js';
import { Cleanup } from '../../src/runtime/cleanup.js';
import { deployedEnv, deployedStart, judgeGrace, probeDeployment } from '../../src/runtime/deployed.js';
import type { ImageConfig } from '../../src/runtime/image-config.js';
import { runArgs } from '../../src/runtime/probe.js';

/** The image: `ENTRYPOINT ["docker-entrypoint.sh"]` + `CMD ["node", "server.js"]` (the official node image's shape). */
const image = { entrypoint: ['docker-entrypoint.sh'], cmd: ['node', 'server.js'] };
const base = (kind: Deployment['kind'], extra: Partial<Deployment> = {}): Deployment => ({ kind, file: 'deploy.yaml', line: 3, name: 'api', env: [], skippedEnv: [], grace: { seconds: 30 }, ...extra });

describe('deployedStart: the start command as the platform merges it with the image', () => {
  it('Kubernetes `command` replaces ENTRYPOINT and drops the image CMD; with `args` they follow it', () => {
    expect(deployedStart(base('kubernetes', { entrypoint: { value: ['npm', 'start'], line: 9 } }), image)).toEqual({ entrypoint: ['npm', 'start'], cmd: [], argv: ['npm', 'start'], replaced: true, line: 9 });
    expect(deployedStart(base('kubernetes', { entrypoint: { value: ['node'], line: 9 }, command: { value: ['worker.js'], line: 10 } }), image).argv).toEqual(['node', 'worker.js']);
  });

  it('Kubernetes `args` alone keep the image ENTRYPOINT (the wrapper runs, with the new arguments)', () => {
    expect(deployedStart(base('kubernetes', { command: { value: ['node', 'worker.js'], line: 11 } }), image)).toEqual({ entrypoint: ['docker-entrypoint.sh'], cmd: ['node', 'worker.js'], argv: ['docker-entrypoint.sh', 'node', 'worker.js'], replaced: true, line: 11 });
  });

  it('an empty Kubernetes `command` is no command: the image starts as built', () => {
    expect(deployedStart(base('kubernetes', { entrypoint: { value: [], line: 9 } }), image)).toEqual({ entrypoint: ['docker-entrypoint.sh'], cmd: ['node', 'server.js'], argv: ['docker-entrypoint.sh', 'node', 'server.js'], replaced: false });
  });

  it('compose `entrypoint` resets CMD unless `command` is given; `entrypoint: []` keeps CMD without the ENTRYPOINT', () => {
    expect(deployedStart(base('compose', { entrypoint: { value: ['/app/run.sh'], line: 5 } }), image).argv).toEqual(['/app/run.sh']);
    expect(deployedStart(base('compose', { entrypoint: { value: ['/app/run.sh'], line: 5 }, command: { value: ['--port', '80'], line: 6 } }), image).argv).toEqual(['/app/run.sh', '--port', '80']);
    expect(deployedStart(base('compose', { entrypoint: { value: [], line: 5 } }), image)).toMatchObject({ entrypoint: [], cmd: ['node', 'server.js'], argv: ['node', 'server.js'], replaced: true });
  });

  it('compose `command: npm start` keeps the image ENTRYPOINT; nothing replaced is the image as built', () => {
    expect(deployedStart(base('compose', { command: { value: ['npm', 'start'], line: 7 } }), image).argv).toEqual(['docker-entrypoint.sh', 'npm', 'start']);
    expect(deployedStart(base('ecs'), image)).toEqual({ entrypoint: ['docker-entrypoint.sh'], cmd: ['node', 'server.js'], argv: ['docker-entrypoint.sh', 'node', 'server.js'], replaced: false });
  });
});

describe('deployedEnv: the literal env only', () => {
  it('passes the literal values, and a secret\'s name only with a --probe-env stand-in', () => {
    const d = base('kubernetes', { env: [{ name: 'DRAIN_SECONDS', value: '15', line: 12 }], skippedEnv: ['QUEUE_PASSWORD', 'API_TOKEN'] });
    expect(deployedEnv(d, { API_TOKEN: 'stand-in', UNRELATED: 'x' })).toEqual({ env: { DRAIN_SECONDS: '15', API_TOKEN: 'stand-in' }, missing: ['QUEUE_PASSWORD'] });
  });
});

describe('docker run argv of a deployed run', () => {
  const config: ImageConfig = { entrypoint: ['docker-entrypoint.sh'], cmd: ['node', 'server.js'], env: {}, path: [], workingDir: '/', user: '', stopSignal: 'SIGTERM', healthcheck: false, os: 'linux', architecture: 'amd64' };
  const options = { gracePeriod: 30, startupWait: 3, probeEnv: { PROBE_ONLY: '1' }, probeNetwork: 'none' };

  it('--entrypoint takes the first word, every other word follows the image as its own argument; --init when given; the deployment env instead of --probe-env; never the host env', () => {
    const before = process.env.EG_HOST_SECRET;
    process.env.EG_HOST_SECRET = 'must-not-leak';
    try {
      const args = runArgs({ image: 'img:1', platform: 'linux/amd64', config, cleanup: new Cleanup('eg-unit'), options, deployed: { argv: ['sh', '-c', 'npm run migrate && npm start'], env: { NODE_ENV: 'production' }, init: true, graceSeconds: 30 } });
      expect(args.slice(args.indexOf('--network'), args.indexOf('--network') + 2)).toEqual(['--network', 'none']);
      expect(args).toContain('--init');
      expect(args.filter((a) => a === '-e')).toHaveLength(1);
      expect(args).toContain('NODE_ENV=production');
      expect(args.join(' ')).not.toContain('PROBE_ONLY');
      expect(args.join(' ')).not.toContain('must-not-leak');
      expect(args.slice(args.indexOf('--entrypoint=sh'))).toEqual(['--entrypoint=sh', 'img:1', '-c', 'npm run migrate && npm start']);
    } finally {
      if (before === undefined) delete process.env.EG_HOST_SECRET;
      else process.env.EG_HOST_SECRET = before;
    }
  });

  it('no --init when the deployment gives none', () => {
    const args = runArgs({ image: 'img:1', platform: 'linux/amd64', config, cleanup: new Cleanup('eg-unit'), options, deployed: { argv: ['node', 'worker.js'], env: {}, init: false, graceSeconds: 10 } });
    expect(args).not.toContain('--init');
    expect(args.slice(args.indexOf('--entrypoint=node'))).toEqual(['--entrypoint=node', 'img:1', 'worker.js']);
  });
});

describe('judgeGrace: preStop + measured shutdown against the grace period', () => {
  const shutdown = (seconds: number, killed = false) => ({ signal: 'SIGTERM', seconds, exitCode: killed ? 137 : 0, killed });
  const k8s = base('kubernetes', { grace: { seconds: 30, line: 12 }, preStop: { kind: 'sleep', seconds: 20, line: 23 } });

  it('fires when preStop 20 s + a 15 s drain reaches 30 s, at the grace line, with the three numbers', () => {
    const v = judgeGrace(k8s, shutdown(15.2), false);
    expect(v.grace).toEqual({ needed: 35.2, exceeded: true });
    expect(v.hits.map((h) => [h.rule, h.range?.line])).toEqual([['grace-period-exceeded', 12]]);
    expect(v.hits[0]!.message).toContain('the preStop `sleep: 20` (line 23): 20 s + a shutdown of {detail} after SIGTERM');
    expect(v.hits[0]!.message).toContain('≥ the 30 s grace period (`terminationGracePeriodSeconds`, line 12)');
    expect(v.hits[0]!.detail).toBe('15.2 s');
  });

  it('exactly the grace period is too long (≥), one second less is a slow shutdown, a quick one nothing', () => {
    expect(judgeGrace(k8s, shutdown(10), false).hits.map((h) => h.rule)).toEqual(['grace-period-exceeded']);
    expect(judgeGrace(k8s, shutdown(9), false).hits.map((h) => h.rule)).toEqual(['slow-shutdown']);
    expect(judgeGrace(k8s, shutdown(3), false)).toEqual({ grace: { needed: 23, exceeded: false }, hits: [] });
  });

  it('an exec hook of unknown length counts as the probe timed it; a written sleep wins over a measure', () => {
    const hook = base('kubernetes', { grace: { seconds: 10, line: 6 }, preStop: { kind: 'exec', argv: ['/app/drain.sh'], line: 17 } });
    const v = judgeGrace(hook, shutdown(6.5), false, 4.1);
    expect(v.grace).toEqual({ preStop: 4.1, needed: 10.6, exceeded: true });
    expect(v.hits[0]!.message).toContain('the preStop `/app/drain.sh` (line 17): 4.1 s (run and timed by the probe) + a shutdown of {detail}');
    expect(judgeGrace(hook, shutdown(6.5), false).hits[0]).toMatchObject({ rule: 'slow-shutdown' });
    expect(judgeGrace(k8s, shutdown(3), false, 99).grace).toEqual({ needed: 23, exceeded: false });
  });

  it('a container that never exited is sigterm-ignored\'s (probe.ts), not a second finding here', () => {
    expect(judgeGrace(k8s, shutdown(30, true), false)).toEqual({ grace: { needed: 50, exceeded: true }, hits: [] });
  });

  it('the compose default 10 s applies when stop_grace_period is not written: the finding points at the service', () => {
    const compose = base('compose', { line: 2, grace: { seconds: 10 } });
    const v = judgeGrace(compose, shutdown(12), true);
    expect(v.hits[0]).toMatchObject({ rule: 'grace-period-exceeded', range: { line: 2 } });
    expect(v.hits[0]!.message).toContain('no preStop hook (0 s)');
    expect(v.hits[0]!.message).toContain('`stop_grace_period` not set: the default');
    expect(v.hits[0]!.emulatedNote).toBeDefined();
  });
});

describe('probeDeployment without a run', () => {
  const config: ImageConfig = { entrypoint: ['/app/entrypoint.sh'], cmd: [], env: {}, path: [], workingDir: '/', user: '', stopSignal: 'SIGTERM', healthcheck: false, os: 'linux', architecture: 'amd64' };
  const job = (deployment: Deployment) => ({ deployment, image: 'img:never-run', platform: 'linux/amd64', config, cleanup: new Cleanup('eg-unit'), options: { gracePeriod: 10, startupWait: 3, probeEnv: {}, probeNetwork: 'none' }, plain: { startCommand: ['/app/entrypoint.sh'], signal: 'SIGTERM', rules: new Set<string>() }, imageCannotStart: 'the start executable cannot run, so the shutdown probe was skipped' });

  it('a deployment that keeps the image\'s start command is not run when that command cannot run', async () => {
    const out = await probeDeployment(job(base('compose', { env: [{ name: 'A', value: '1', line: 4 }] })));
    expect(out.hits).toEqual([]);
    expect(out.result).toMatchObject({ source: 'compose', container: 'api', startCommand: ['/app/entrypoint.sh'], skipped: "it starts the image's own command, and the start executable cannot run, so the shutdown probe was skipped" });
  });

  it('a deployment that resets the entrypoint and gives no command starts nothing', async () => {
    const out = await probeDeployment(job(base('compose', { entrypoint: { value: [], line: 5 } })));
    expect(out.result.skipped).toBe('the deployment starts no command');
  });
});

describe('an emulated deployed verdict against the native one of the same deployment', () => {
  const dep = (platform: string, seconds: number, killed: boolean): DeploymentResult => ({
    source: 'compose', file: 'compose.yaml', line: 2, container: 'worker', startCommand: ['python3', 'worker.py'], pid1: 'python3 worker.py',
    shutdown: { signal: 'SIGTERM', seconds, exitCode: killed ? 137 : 0, killed }, grace: { seconds: 5, needed: seconds, exceeded: seconds >= 5 },
  });
  const plain = (platform: string, emulated: boolean): PlatformResult => ({ platform, ...(emulated ? { emulated: true } : {}), startCommand: ['python3', 'worker.py'], pid1: 'python3 worker.py', shutdown: { signal: 'SIGTERM', seconds: 0.3, exitCode: 0, killed: false } });
  const grace: PlatformHit = { rule: 'grace-period-exceeded', message: 'm', fix: 'f', file: 'compose.yaml' };

  it('exceeded only under QEMU: dropped for a note naming the deployment; the plain runs untouched', () => {
    const outcomes = [
      { result: plain('linux/amd64', false), hits: [], notes: [], deployed: [{ result: dep('linux/amd64', 1.2, false), hits: [], notes: [], subject: 'compose service `worker`' }] },
      { result: plain('linux/arm64', true), hits: [], notes: [], deployed: [{ result: dep('linux/arm64', 6.1, false), hits: [grace], notes: [], subject: 'compose service `worker`' }] },
    ];
    const notes = reconcileEmulated(outcomes);
    expect(outcomes[1]!.deployed[0]!.hits).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^On linux\/arm64 \(emulated by QEMU\) the container as compose service `worker` exited with code 0 after 6.1 s \(grace-period-exceeded\), but the same start chain `python3 worker.py` exited with code 0 after 1.2 s natively on linux\/amd64/);
  });

  it('exceeded on both: it stands', () => {
    const outcomes = [
      { result: plain('linux/amd64', false), hits: [], notes: [], deployed: [{ result: dep('linux/amd64', 8.1, false), hits: [grace], notes: [], subject: 'compose service `worker`' }] },
      { result: plain('linux/arm64', true), hits: [], notes: [], deployed: [{ result: dep('linux/arm64', 8.4, false), hits: [grace], notes: [], subject: 'compose service `worker`' }] },
    ];
    expect(reconcileEmulated(outcomes)).toEqual([]);
    expect(outcomes[1]!.deployed[0]!.hits).toEqual([grace]);
  });
});
