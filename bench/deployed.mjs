// The probe as deployed: what one deployment (a compose service matched to the Dockerfile) adds
// to a platform's runtime phases, vs those phases without it (smoke checks + the plain probe).
// Target (issue 19): one deployment adds no more than one probe run, so added / plain ≤ 1.
//
// The same compliant node service as the runtime bench (bench/runtime.mjs: exec-form CMD, a
// SIGTERM handler, a HEALTHCHECK), natively (linux/amd64), its layers cached. Each measurement
// is runRuntime() (bundled from src/) in a fresh process, with model.deployments set to 0, 1 or 2
// compose services as the deployment readers give them (the service's own command and env,
// stop_grace_period 10s); PlatformResult.seconds − build.seconds is the platform's runtime phases.
import { median, nowMs, run, runWorker, workerEntry, log } from './lib.mjs';
import { bundleRuntime, engineProblem, serviceContext } from './runtime.mjs';

const PLATFORM = 'linux/amd64';

/** A compose service as src/model/deployment.ts describes it (compose.yaml: `command: ["node", "server.js"]`). */
function service(i) {
  return {
    kind: 'compose', file: 'compose.yaml', line: 2 + i * 6, name: `api-${i}`,
    command: { value: ['node', 'server.js'], line: 4 + i * 6 },
    env: [{ name: 'NODE_ENV', value: 'production', line: 6 + i * 6 }], skippedEnv: [],
    grace: { seconds: 10, line: 7 + i * 6 },
  };
}

export async function benchDeployed({ cleanup, runs, startupWait = 60, gracePeriod = 10 }) {
  const problem = engineProblem();
  if (problem) return { skipped: problem };
  cleanup.usesDocker = true;
  const ctx = serviceContext(cleanup, 'deployed');
  const bundle = await bundleRuntime(cleanup.tmpDir('deployed-bundle'));
  // Fill BuildKit's cache once, so every measured build is a cached one (and excluded anyway).
  const warm = await run('docker', ['buildx', 'build', '--platform', PLATFORM, '--label', cleanup.label, ctx], { timeoutMs: 15 * 60_000 });
  if (warm.code !== 0) return { skipped: `the test image did not build for ${PLATFORM}: ${warm.stderr.trim().split('\n').slice(-2).join(' ')}` };

  let n = 0;
  const measure = async (deployments) => {
    const runId = `bench-${cleanup.runId}-d${n++}`;
    const out = await runWorker(import.meta.url, { bundle, dir: ctx, platforms: [PLATFORM], startupWait, gracePeriod, runId, deployments }, { timeoutMs: 20 * 60_000, what: 'deployed worker' });
    const p = out.platforms[0];
    if (!p?.build?.ok || p.skipped) throw new Error(`runRuntime did not probe ${PLATFORM}: ${p?.skipped ?? 'build failed'}`);
    const ran = (p.deployments ?? []).filter((d) => d.shutdown && !d.shutdown.killed && d.shutdown.exitCode === 0);
    if (ran.length !== deployments.length) throw new Error(`expected ${deployments.length} clean deployed runs, got ${JSON.stringify(p.deployments)}`);
    return (p.seconds - p.build.seconds) * 1000;
  };

  log('deployed: warm-up');
  await measure([]);
  const samples = { plain: [], one: [], two: [] };
  for (let r = 0; r < runs; r++) {
    const steps = [async () => samples.plain.push(await measure([])), async () => samples.one.push(await measure([service(0)])), async () => samples.two.push(await measure([service(0), service(1)]))];
    // Rotate so no variant always runs first.
    for (let i = 0; i < steps.length; i++) await steps[(i + r) % steps.length]();
    log(`deployed: run ${r + 1}/${runs}: plain ${samples.plain.at(-1).toFixed(0)} ms, 1 deployment ${samples.one.at(-1).toFixed(0)} ms, 2 deployments ${samples.two.at(-1).toFixed(0)} ms`);
  }
  const plainMs = median(samples.plain);
  const oneMs = median(samples.one);
  const twoMs = median(samples.two);
  return {
    platform: PLATFORM,
    runs,
    startupWait,
    gracePeriod,
    includes: 'runRuntime() for one platform minus its cached build: image inspect, smoke checks, the plain probe (readiness, HEALTHCHECK and orphan checks, SIGTERM) and, per deployment, one more probe run started as the deployment starts it (readiness, SIGTERM, no HEALTHCHECK or orphan check)',
    plainMs,
    oneMs,
    twoMs,
    perDeploymentMs: oneMs - plainMs,
    perDeploymentOfTwoMs: (twoMs - plainMs) / 2,
    ratio: (oneMs - plainMs) / plainMs,
    samples,
  };
}

async function workerMain(cfg) {
  const { lintDockerfile, runRuntime, defaultOptions } = await import(cfg.bundle);
  const options = { ...defaultOptions(cfg.dir), dockerfile: 'Dockerfile', static: false, platforms: cfg.platforms, startupWait: cfg.startupWait, gracePeriod: cfg.gracePeriod, runId: cfg.runId };
  const { model, findings: staticFindings } = lintDockerfile({ dockerfile: 'Dockerfile', cwd: cfg.dir });
  model.deployments = cfg.deployments;
  const t0 = nowMs();
  const result = await runRuntime(model, options, { staticFindings });
  process.stdout.write(`${JSON.stringify({ runtimeMs: nowMs() - t0, platforms: result.platforms })}\n`);
}

workerEntry(import.meta.url, workerMain);
