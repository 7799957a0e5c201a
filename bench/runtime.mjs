// Runtime overhead: entrypoint-guard's per-platform runtime phases (image inspect + smoke
// checks + SIGTERM probe, i.e. everything runRuntime does for a platform except the build) vs
// a bare `docker run -d` + wait + `docker kill -s TERM` + `docker wait` of the same image, and
// both platforms at once vs the slower one alone.
//
// The entrypoint-guard side calls runRuntime() (src/runtime/index.ts, bundled with esbuild) in
// a fresh child process per measurement, with the image's layers already in BuildKit's cache
// (the bench builds the same Dockerfile first, for the bare side). Its build is excluded by
// subtraction: PlatformResult.seconds is build + smoke + probe for that platform and
// PlatformResult.build.seconds is the build alone. The worker also records every docker call
// runRuntime makes (count and time per subcommand), which is how the phases are attributed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleSources, log, median, nowMs, run, runOk, runWorker, workerEntry } from './lib.mjs';

const require = createRequire(import.meta.url);

export const BASE_IMAGE = '127.0.0.1:5000/eg-busybox:latest';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];

/** A compliant service: exec-form ENTRYPOINT, a script that traps TERM and exits 0 at once. */
export const DOCKERFILE = `FROM ${BASE_IMAGE}
COPY --chmod=755 service.sh /usr/local/bin/service.sh
USER nobody
ENTRYPOINT ["/usr/local/bin/service.sh"]
`;
export const SERVICE = `#!/bin/sh
# A long-running service that shuts down cleanly on SIGTERM.
set -eu
trap 'echo "service: stopping"; exit 0' TERM INT
echo "service: ready"
while :; do
  sleep 1 &
  wait "$!"
done
`;

export function bundleRuntime(outDir) {
  return bundleSources({ 'src/lint.ts': ['lintDockerfile'], 'src/runtime/index.ts': ['runRuntime'], 'src/options.ts': ['defaultOptions'] }, path.join(outDir, 'eg-runtime.mjs'));
}

export function engineProblem() {
  const v = spawnSync('docker', ['version', '-f', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 15_000 });
  if (v.error) return `the docker command is not available (${v.error.code ?? v.error.message})`;
  if (v.status !== 0) return `no Docker engine answered (${(v.stderr || '').trim().split('\n').pop()})`;
  const b = spawnSync('docker', ['buildx', 'version'], { encoding: 'utf8', timeout: 15_000 });
  if (b.status !== 0) return 'docker buildx is not installed';
  return undefined;
}

/** Is `platform` runnable here (the engine's own arch, or a registered qemu binfmt handler)? */
function canRun(platform) {
  const arch = spawnSync('docker', ['version', '-f', '{{.Server.Arch}}'], { encoding: 'utf8', timeout: 15_000 }).stdout.trim();
  const want = platform.split('/')[1];
  if (want === arch) return true;
  const qemu = { arm64: 'aarch64', amd64: 'x86_64' }[want] ?? want;
  try {
    return /^enabled/.test(fs.readFileSync(`/proc/sys/fs/binfmt_misc/qemu-${qemu}`, 'utf8'));
  } catch {
    return false;
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bare side: what a person would type, timed from `docker run -d` to `docker wait` returning. */
async function bare(image, platform, startupWait, cleanup) {
  const t0 = nowMs();
  const started = await runOk('docker', ['run', '-d', '--platform', platform, '--label', cleanup.label, image], { timeoutMs: 120_000 });
  const id = started.stdout.trim();
  cleanup.containers.add(id);
  const t1 = nowMs();
  await sleep(startupWait * 1000);
  const t2 = nowMs();
  await runOk('docker', ['kill', '-s', 'TERM', id], { timeoutMs: 60_000 });
  const t3 = nowMs();
  const waited = await runOk('docker', ['wait', id], { timeoutMs: 120_000 });
  const t4 = nowMs();
  // Not timed: removing the container (runRuntime's own cleanup is outside its per-platform seconds too).
  await run('docker', ['rm', '-f', '-v', id], { timeoutMs: 60_000 });
  cleanup.containers.delete(id);
  const exitCode = Number(waited.stdout.trim());
  if (exitCode !== 0) throw new Error(`bare run of ${image} on ${platform} exited ${exitCode} after SIGTERM, expected 0`);
  return { ms: t4 - t0, phases: { 'docker run -d': t1 - t0, 'startup wait': t2 - t1, 'docker kill': t3 - t2, 'docker wait': t4 - t3 } };
}

async function egWorker(cfg) {
  const out = await runWorker(import.meta.url, cfg, { timeoutMs: 20 * 60_000, what: 'runtime worker' });
  for (const p of out.platforms) {
    if (!p.build?.ok || p.skipped) throw new Error(`runRuntime did not probe ${p.platform}: ${p.skipped ?? 'build failed'} (${JSON.stringify(out.findings)})`);
    if (!p.shutdown || p.shutdown.killed || p.shutdown.exitCode !== 0) throw new Error(`runRuntime on ${p.platform}: the compliant image did not shut down cleanly: ${JSON.stringify(p.shutdown)}`);
  }
  return out;
}

export async function benchRuntime({ cleanup, runs, startupWait, gracePeriod = 10 }) {
  const problem = engineProblem();
  if (problem) return { skipped: problem };
  const platforms = PLATFORMS.filter(canRun);
  const notes = [];
  for (const p of PLATFORMS) if (!platforms.includes(p)) notes.push(`${p} cannot run here (no qemu binfmt handler): measured without it`);
  if (platforms.length === 0) return { skipped: 'no platform can run here' };

  cleanup.usesDocker = true;
  const ctx = cleanup.tmpDir('runtime');
  fs.writeFileSync(path.join(ctx, 'Dockerfile'), DOCKERFILE);
  fs.writeFileSync(path.join(ctx, 'service.sh'), SERVICE, { mode: 0o755 });
  const bundle = await bundleRuntime(cleanup.tmpDir('runtime-bundle'));

  // The bare side's images; building them also fills BuildKit's cache for runRuntime's builds.
  const images = {};
  const buildMs = {};
  for (const p of platforms) {
    const tag = `eg-bench-${cleanup.runId}:${p.split('/')[1]}`;
    cleanup.images.add(tag);
    log(`runtime: building ${tag} (${p})`);
    const b = await run('docker', ['buildx', 'build', '--platform', p, '--load', '--label', cleanup.label, '-t', tag, ctx], { timeoutMs: 15 * 60_000 });
    if (b.code !== 0) return { skipped: `the test image did not build FROM ${BASE_IMAGE} for ${p}: ${b.stderr.trim().split('\n').slice(-2).join(' ')} (run .ci/setup-engine.sh)` };
    images[p] = tag;
    buildMs[p] = b.ms;
  }

  // Each runRuntime() call gets its own run id, so what it leaves behind (it should leave nothing) is findable.
  const runIds = [];
  const cfg = (ps) => {
    const runId = `bench-${cleanup.runId}-${runIds.length}`;
    runIds.push(runId);
    return { bundle, dir: ctx, platforms: ps, startupWait, gracePeriod, runId };
  };
  const samples = { bare: {}, eg: {}, egWall: {}, egBuild: {}, egCalls: {}, both: [], bothWall: [], bothBuild: [], bothCalls: [], bothPerPlatform: [] };
  for (const p of platforms) for (const k of ['bare', 'eg', 'egWall', 'egBuild', 'egCalls']) samples[k][p] = [];
  const barePhases = Object.fromEntries(platforms.map((p) => [p, []]));

  // One warm-up of each side (page cache, first qemu start, the runtime's one-time docker queries).
  log('runtime: warm-up');
  for (const p of platforms) await bare(images[p], p, startupWait, cleanup);
  await egWorker(cfg(platforms));

  for (let r = 0; r < runs; r++) {
    const steps = [];
    for (const p of platforms) {
      steps.push(async () => {
        const b = await bare(images[p], p, startupWait, cleanup);
        samples.bare[p].push(b.ms);
        barePhases[p].push(b.phases);
      });
      steps.push(async () => {
        const e = await egWorker(cfg([p]));
        const pr = e.platforms[0];
        samples.eg[p].push((pr.seconds - pr.build.seconds) * 1000);
        samples.egBuild[p].push(pr.build.seconds * 1000);
        samples.egWall[p].push(e.runtimeMs);
        samples.egCalls[p].push(e.dockerCalls);
      });
    }
    if (platforms.length > 1) {
      steps.push(async () => {
        const e = await egWorker(cfg(platforms));
        samples.both.push(Math.max(...e.platforms.map((pr) => (pr.seconds - pr.build.seconds) * 1000)));
        samples.bothBuild.push(Math.max(...e.platforms.map((pr) => pr.build.seconds * 1000)));
        samples.bothWall.push(e.runtimeMs);
        samples.bothCalls.push(e.dockerCalls);
        samples.bothPerPlatform.push(Object.fromEntries(e.platforms.map((pr) => [pr.platform, { phasesMs: (pr.seconds - pr.build.seconds) * 1000, buildMs: pr.build.seconds * 1000 }])));
      });
    }
    // Rotate so no side always runs first.
    for (let i = 0; i < steps.length; i++) await steps[(i + r) % steps.length]();
    log(`runtime: run ${r + 1}/${runs}: ${platforms.map((p) => `${p} eg ${samples.eg[p].at(-1).toFixed(0)} ms / bare ${samples.bare[p].at(-1).toFixed(0)} ms`).join(', ')}${samples.both.length ? `, both ${samples.both.at(-1).toFixed(0)} ms` : ''}`);
  }

  const leftovers = await leftoversOf(runIds);
  if (leftovers.containers.length || leftovers.images.length) {
    notes.push(`runRuntime left ${leftovers.containers.length} containers and ${leftovers.images.length} images behind (removed by the bench)`);
    for (const id of leftovers.containers) cleanup.containers.add(id);
    for (const ref of leftovers.images) cleanup.images.add(ref);
  }

  const perPlatform = platforms.map((p) => {
    const egMs = median(samples.eg[p]);
    const bareMs = median(samples.bare[p]);
    return {
      platform: p,
      egMs,
      egRunsMs: samples.eg[p],
      bareMs,
      bareRunsMs: samples.bare[p],
      ratio: egMs / bareMs,
      overheadMs: egMs - bareMs,
      cachedBuildMs: median(samples.egBuild[p]),
      runRuntimeWallMs: median(samples.egWall[p]),
      imageBuildMs: buildMs[p],
      barePhases: medianPhases(barePhases[p]),
      dockerCalls: medianCalls(samples.egCalls[p]),
    };
  });
  let concurrent;
  if (platforms.length > 1) {
    const slower = perPlatform.reduce((a, b) => (b.egMs > a.egMs ? b : a));
    const bothMs = median(samples.both);
    const slowerWall = perPlatform.reduce((a, b) => (b.runRuntimeWallMs > a.runRuntimeWallMs ? b : a));
    concurrent = {
      platforms,
      bothMs,
      bothRunsMs: samples.both,
      slower: slower.platform,
      slowerAloneMs: slower.egMs,
      ratio: bothMs / slower.egMs,
      // For reference: the whole runRuntime() call, cached builds and engine queries included.
      bothWallMs: median(samples.bothWall),
      slowerAloneWallMs: slowerWall.runRuntimeWallMs,
      wallRatio: median(samples.bothWall) / slowerWall.runRuntimeWallMs,
      // Where the extra time goes: each platform's phases and cached build when both run, and
      // the docker calls of both platforms together (compare per-call latency with perPlatform[].dockerCalls).
      perPlatform: Object.fromEntries(
        platforms.map((p) => [p, { phasesMs: median(samples.bothPerPlatform.map((x) => x[p].phasesMs)), cachedBuildMs: median(samples.bothPerPlatform.map((x) => x[p].buildMs)) }]),
      ),
      dockerCalls: medianCalls(samples.bothCalls),
    };
  }
  return {
    base: BASE_IMAGE,
    startupWait,
    gracePeriod,
    runs,
    egIncludes: `runRuntime() per platform minus its build: PlatformResult.seconds − build.seconds = docker image inspect, smoke checks (a never-started container + docker cp of the start files, the /bin/sh debug-path run), the probe (docker run -d with --network none and limits, startup wait ${startupWait} s via docker wait, docker inspect, docker top, docker kill -s TERM, docker wait); layers cached`,
    bareIncludes: `docker run -d --platform P IMAGE, sleep ${startupWait} s, docker kill -s TERM, docker wait (docker rm afterwards, untimed)`,
    perPlatform,
    concurrent,
    leftovers: { runtimeCalls: runIds.length, containers: leftovers.containers.length, images: leftovers.images.length },
    notes,
  };
}

/** Containers labelled with one of our run ids, and images tagged entrypoint-guard/<run id> (runtime/build.ts imageTag). */
async function leftoversOf(runIds) {
  const ids = new Set(runIds);
  const ps = await run('docker', ['ps', '-a', '--filter', 'label=entrypoint-guard.run', '--format', '{{.ID}} {{.Label "entrypoint-guard.run"}}'], { timeoutMs: 30_000 });
  const containers = ps.stdout.split('\n').map((l) => l.trim().split(' ')).filter(([id, label]) => id && ids.has(label)).map(([id]) => id);
  const im = await run('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'], { timeoutMs: 30_000 });
  // Every id is `bench-<bench run>-<n>`: anything tagged under that prefix is ours.
  const prefix = `entrypoint-guard/${runIds[0]?.replace(/-\d+$/, '-')}`;
  const images = runIds.length ? im.stdout.split('\n').map((l) => l.trim()).filter((ref) => ref.startsWith(prefix)) : [];
  return { containers, images };
}

function medianPhases(list) {
  const keys = Object.keys(list[0] ?? {});
  return Object.fromEntries(keys.map((k) => [k, median(list.map((x) => x[k]))]));
}

/** Median count and time per docker subcommand over runs. */
function medianCalls(list) {
  const keys = [...new Set(list.flatMap((x) => Object.keys(x)))];
  return Object.fromEntries(keys.map((k) => [k, { count: median(list.map((x) => x[k]?.count ?? 0)), ms: median(list.map((x) => x[k]?.ms ?? 0)) }]));
}

// ------------------------------------------------------------------ the worker ---
const SETUP_CALLS = new Set(['version', 'buildx version', 'buildx inspect', 'buildx build --help', 'ps', 'rmi']);

/** Record every docker call's subcommand and duration (runtime/docker.ts spawns `docker`). */
function instrumentDocker() {
  const cp = require('node:child_process');
  const { syncBuiltinESMExports } = require('node:module');
  const calls = {};
  const orig = cp.spawn;
  cp.spawn = function (file, args, ...rest) {
    const t = nowMs();
    const child = orig.call(this, file, args, ...rest);
    if (path.basename(String(file)) === 'docker' && Array.isArray(args)) {
      const [a, b] = args;
      let key = a === 'buildx' || a === 'image' ? `${a} ${b}` : a;
      if (args.includes('--help')) key += ' --help';
      // Engine/builder queries before the platforms start and the final cleanup are outside PlatformResult.seconds.
      if (SETUP_CALLS.has(key)) key = `(outside) ${key}`;
      child.once('close', () => {
        const c = (calls[key] ??= { count: 0, ms: 0 });
        c.count++;
        c.ms += nowMs() - t;
      });
    }
    return child;
  };
  syncBuiltinESMExports();
  return calls;
}

async function workerMain(cfg) {
  const calls = instrumentDocker();
  const { lintDockerfile, runRuntime, defaultOptions } = await import(cfg.bundle);
  const options = { ...defaultOptions(cfg.dir), dockerfile: 'Dockerfile', static: false, platforms: cfg.platforms, startupWait: cfg.startupWait, gracePeriod: cfg.gracePeriod, runId: cfg.runId };
  const { model, findings: staticFindings } = lintDockerfile({ dockerfile: 'Dockerfile', cwd: cfg.dir });
  const t0 = nowMs();
  const result = await runRuntime(model, options, { staticFindings });
  const runtimeMs = nowMs() - t0;
  process.stdout.write(`${JSON.stringify({ runtimeMs, platforms: result.platforms, findings: (result.hits ?? []).map((f) => `${f.rule}: ${f.message}`), notes: result.notes, dockerCalls: calls })}\n`);
}

workerEntry(import.meta.url, workerMain);
