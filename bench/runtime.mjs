// Runtime on a real service (Debian's node on the eg-node base): entrypoint-guard's
// per-platform runtime phases (image inspect + smoke checks + readiness + SIGTERM probe, i.e.
// everything runRuntime does for a platform except the build) vs a bare `docker run -d` + wait
// for its "listening" log line + `docker kill -s TERM` + `docker wait` of the same image; the
// verdict's latency after the service is ready (vs the old fixed 3 s wait); the time to the
// verdict for a SIGTERM-ignoring service with the kernel's evidence; both platforms at once vs
// the slower one alone.
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

export const BASE_IMAGE = '127.0.0.1:5000/eg-node:latest';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
/** The old probe's fixed wait before the stop signal, for comparison. */
const OLD_FIXED_WAIT_MS = 3000;
const READY_LINE = /listening on :8000/;

/**
 * A compliant service: exec-form CMD, a node HTTP server that closes and exits 0 on SIGTERM, and
 * a HEALTHCHECK that passes (its cost is part of the entrypoint-guard side; Docker's own first run
 * is 30 s after the start, outside the bare side). node as PID 1 does not reap orphans, so the
 * zombie check finds one: both new checks run, as they would for users.
 */
export const DOCKERFILE = `FROM ${BASE_IMAGE}
WORKDIR /app
COPY server.js .
HEALTHCHECK CMD ["node", "-e", "require('http').get('http://127.0.0.1:8000/', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"]
CMD ["node", "server.js"]
`;
export const SERVER = `const http = require('http');
const server = http.createServer((req, res) => res.end('ok\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
server.listen(8000, () => console.log('listening on :8000'));
`;
/** The same server without a handler: as PID 1 the kernel drops SIGTERM. */
const IGNORING_SERVER = `const http = require('http');
http.createServer((req, res) => res.end('ok\\n')).listen(8000, () => console.log('listening on :8000'));
`;

/** A temp build context holding the service: DOCKERFILE and its server.js (the compliant one unless given). */
export function serviceContext(cleanup, name, server = SERVER) {
  const dir = cleanup.tmpDir(name);
  fs.writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
  fs.writeFileSync(path.join(dir, 'server.js'), server);
  return dir;
}

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

/**
 * The bare side: what a person would script, timed from `docker run -d` to `docker wait`
 * returning, with the signal sent once the server's own "listening" line is in its logs
 * (polled every 50 ms). The time from `docker run -d` returning to that line is the moment the
 * service is ready, the reference for the verdict latency.
 */
/** The bare side's readiness: `docker logs` polled every 50 ms until the server's "listening" line. */
export async function untilReadyLine(id, what) {
  const t1 = nowMs();
  for (;;) {
    const logs = await run('docker', ['logs', id], { timeoutMs: 30_000 });
    if (READY_LINE.test(logs.stdout + logs.stderr)) return;
    if (nowMs() - t1 > 180_000) throw new Error(`bare run of ${what}: no "listening" line within 180 s`);
    await sleep(50);
  }
}

async function bare(image, platform, cleanup) {
  const t0 = nowMs();
  const started = await runOk('docker', ['run', '-d', '--platform', platform, '--network', 'none', '--label', cleanup.label, image], { timeoutMs: 120_000 });
  const id = started.stdout.trim();
  cleanup.containers.add(id);
  const t1 = nowMs();
  await untilReadyLine(id, `${image} on ${platform}`);
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
  return { ms: t4 - t0, readyMs: t2 - t1, phases: { 'docker run -d': t1 - t0, 'until ready (log line)': t2 - t1, 'docker kill': t3 - t2, 'docker wait': t4 - t3 } };
}

async function egWorker(cfg) {
  const out = await runWorker(import.meta.url, cfg, { timeoutMs: 20 * 60_000, what: 'runtime worker' });
  if (cfg.expectIgnored) return out;
  for (const p of out.platforms) {
    if (!p.build?.ok || p.skipped) throw new Error(`runRuntime did not probe ${p.platform}: ${p.skipped ?? 'build failed'} (${JSON.stringify(out.findings)})`);
    if (!p.shutdown || p.shutdown.killed || p.shutdown.exitCode !== 0) throw new Error(`runRuntime on ${p.platform}: the compliant image did not shut down cleanly: ${JSON.stringify(p.shutdown)}`);
  }
  return out;
}

export async function benchRuntime({ cleanup, runs, startupWait = 60, gracePeriod = 10 }) {
  const problem = engineProblem();
  if (problem) return { skipped: problem };
  const platforms = PLATFORMS.filter(canRun);
  const notes = [];
  for (const p of PLATFORMS) if (!platforms.includes(p)) notes.push(`${p} cannot run here (no qemu binfmt handler): measured without it`);
  if (platforms.length === 0) return { skipped: 'no platform can run here' };

  cleanup.usesDocker = true;
  const ctx = serviceContext(cleanup, 'runtime');
  const ignoringCtx = serviceContext(cleanup, 'runtime-ignoring', IGNORING_SERVER);
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
  const cfg = (ps, dir = ctx) => {
    const runId = `bench-${cleanup.runId}-${runIds.length}`;
    runIds.push(runId);
    return { bundle, dir, platforms: ps, startupWait, gracePeriod, runId };
  };
  const samples = { bare: {}, bareReady: {}, eg: {}, egVerdict: {}, egReadyBy: {}, egWall: {}, egBuild: {}, egCalls: {}, egHealth: {}, egZombies: {}, both: [], bothWall: [], bothBuild: [], bothCalls: [], bothPerPlatform: [] };
  for (const p of platforms) for (const k of ['bare', 'bareReady', 'eg', 'egVerdict', 'egReadyBy', 'egWall', 'egBuild', 'egCalls', 'egHealth', 'egZombies']) samples[k][p] = [];
  const barePhases = Object.fromEntries(platforms.map((p) => [p, []]));

  // One warm-up of each side (page cache, first qemu start, the runtime's one-time docker queries).
  log('runtime: warm-up');
  for (const p of platforms) await bare(images[p], p, cleanup);
  await egWorker(cfg(platforms));

  for (let r = 0; r < runs; r++) {
    const steps = [];
    for (const p of platforms) {
      steps.push(async () => {
        const b = await bare(images[p], p, cleanup);
        samples.bare[p].push(b.ms);
        samples.bareReady[p].push(b.readyMs);
        barePhases[p].push(b.phases);
      });
      steps.push(async () => {
        const e = await egWorker(cfg([p]));
        const pr = e.platforms[0];
        samples.eg[p].push((pr.seconds - pr.build.seconds) * 1000);
        // The verdict's moment, counted like the bare side's ready moment from the container's start.
        samples.egVerdict[p].push((pr.ready.seconds + pr.shutdown.seconds) * 1000);
        samples.egReadyBy[p].push(`${pr.ready.by} after ${pr.ready.seconds} s`);
        samples.egBuild[p].push(pr.build.seconds * 1000);
        samples.egWall[p].push(e.runtimeMs);
        samples.egCalls[p].push(e.dockerCalls);
        // The checks after readiness (they run side by side, before the stop signal).
        if (pr.health) samples.egHealth[p].push({ ms: pr.health.seconds * 1000, status: pr.health.status, runs: pr.health.runs });
        if (pr.zombies) samples.egZombies[p].push({ ms: pr.zombies.seconds * 1000, reaped: pr.zombies.reaped });
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

  // (b) A SIGTERM-ignoring node server, natively (where the kernel's evidence is read), default grace period.
  const ignoring = [];
  const native = platforms.find((p) => p === PLATFORMS[0]);
  if (native) {
    log('runtime: the SIGTERM-ignoring service');
    for (let r = 0; r < Math.min(3, runs); r++) {
      const e = await egWorker({ ...cfg([native], ignoringCtx), expectIgnored: true });
      const pr = e.platforms[0];
      ignoring.push({ verdictMs: (pr.seconds - pr.build.seconds) * 1000, readySeconds: pr.ready?.seconds, readyBy: pr.ready?.by, shutdown: pr.shutdown, signals: pr.signals, finding: e.findings.find((f) => f.startsWith('sigterm-ignored')) ?? null });
    }
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
    const readyMs = median(samples.bareReady[p]);
    return {
      platform: p,
      readyMs,
      egVerdictMs: median(samples.egVerdict[p]),
      verdictAfterReadyMs: median(samples.egVerdict[p]) - readyMs,
      readyBy: samples.egReadyBy[p],
      // The old probe: a fixed 3 s wait, then the same shutdown (the bare side's kill + wait).
      oldFixedAfterReadyMs: OLD_FIXED_WAIT_MS + median(barePhases[p].map((x) => x['docker kill'] + x['docker wait'])) - readyMs,
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
      afterReady: {
        healthMs: samples.egHealth[p].length ? median(samples.egHealth[p].map((x) => x.ms)) : null,
        health: [...new Set(samples.egHealth[p].map((x) => `${x.status} in ${x.runs} run(s)`))],
        zombiesMs: samples.egZombies[p].length ? median(samples.egZombies[p].map((x) => x.ms)) : null,
        zombies: [...new Set(samples.egZombies[p].map((x) => (x.reaped ? 'reaped' : 'zombie')))],
      },
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
    egIncludes: `runRuntime() per platform minus its build, default options (--startup-wait ${startupWait} s is only the bound on readiness): PlatformResult.seconds − build.seconds = docker image inspect (beside the probe's docker run -d), smoke checks (the start files read in the probe's running container's read-only root from the host's /proc on a local engine, else out of a never-started container through the Engine API; the /bin/sh debug-path check as an exec in the probe's container), the probe (docker run -d with --network none and limits, started before the smoke checks; readiness and, side by side after it, the HEALTHCHECK by exec (natively, and under QEMU with 4 or more CPUs, its first run started with the container) and the orphan check by an exec started with the container and fired at readiness + /proc, all beside the smoke checks; PID 1 from /proc; once the smoke checks are done, the stop signal and the wait). On a local engine the execs, inspect, kill and wait go through the Engine API, which the docker-call counts below do not see; layers cached`,
    bareIncludes: `docker run -d --platform P --network none IMAGE, poll docker logs every 50 ms until "listening on :8000", docker kill -s TERM, docker wait (docker rm afterwards, untimed)`,
    perPlatform,
    concurrent,
    ignoring: ignoring.length
      ? { platform: native, gracePeriod, runs: ignoring.length, verdictMs: median(ignoring.map((x) => x.verdictMs)), samples: ignoring }
      : undefined,
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
  process.stdout.write(`${JSON.stringify({ runtimeMs, platforms: result.platforms, findings: (result.hits ?? result.findings ?? []).map((f) => `${f.rule}: ${f.message}`), notes: result.notes, dockerCalls: calls })}\n`);
}

workerEntry(import.meta.url, workerMain);
