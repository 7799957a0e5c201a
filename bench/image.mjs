// `--image` and cached rebuilds against what a person would type (docs/benchmarks.md):
//  1. runRuntime() with --image on a registry reference (the platform pulled by digest, smoke
//     checks, SIGTERM probe, the pull removed after) vs `docker pull` + `docker run -d` + wait
//     + `docker kill -s TERM` + `docker wait` of the same reference (target ≤ 1.3×);
//  2. runRuntime()'s build of a fully cached Dockerfile (with --cache-from as given, metadata
//     file read) vs a plain `docker buildx build --load` of the same cached Dockerfile (≤ 1.1×).
// linux/amd64 only (the native platform of the bench machines); each side's samples alternate.
import { log, median, nowMs, run, runOk, runWorker, workerEntry } from './lib.mjs';
import { bundleRuntime, engineProblem, serviceContext, untilReadyLine } from './runtime.mjs';

const PLATFORM = 'linux/amd64';
const REGISTRY = '127.0.0.1:5000';

/** The bare --image side: pull, run, the ready line, TERM, wait (removing the container and the pull, untimed). */
async function barePulled(ref, cleanup) {
  const t0 = nowMs();
  await runOk('docker', ['pull', '--quiet', '--platform', PLATFORM, ref], { timeoutMs: 600_000 });
  const started = await runOk('docker', ['run', '-d', '--platform', PLATFORM, '--network', 'none', '--label', cleanup.label, ref], { timeoutMs: 120_000 });
  const id = started.stdout.trim();
  cleanup.containers.add(id);
  // The same readiness signal as the runtime bench's bare side (the server's own "listening" line), not a fixed sleep.
  await untilReadyLine(id, `${ref} on ${PLATFORM}`);
  await runOk('docker', ['kill', '-s', 'TERM', id], { timeoutMs: 60_000 });
  await runOk('docker', ['wait', id], { timeoutMs: 120_000 });
  const ms = nowMs() - t0;
  await run('docker', ['rm', '-f', '-v', id], { timeoutMs: 60_000 });
  cleanup.containers.delete(id);
  await run('docker', ['rmi', ref], { timeoutMs: 60_000 });
  return ms;
}

async function egWorker(cfg) {
  const out = await runWorker(import.meta.url, cfg, { timeoutMs: 20 * 60_000, what: 'image worker' });
  const p = out.platforms[0];
  if (!p || p.skipped || !p.shutdown || p.shutdown.killed) throw new Error(`runRuntime (${cfg.mode}) did not probe ${PLATFORM} cleanly: ${JSON.stringify(out)}`);
  return out;
}

export async function benchImage({ cleanup, runs, startupWait, gracePeriod = 10 }) {
  const problem = engineProblem();
  if (problem) return { skipped: problem };
  cleanup.usesDocker = true;
  const ctx = serviceContext(cleanup, 'image');
  const cacheDir = cleanup.tmpDir('image-cache');
  const bundle = await bundleRuntime(cleanup.tmpDir('image-bundle'));

  // The image both --image sides pull: built once, pushed to the loopback registry, the local tag removed.
  const ref = `${REGISTRY}/eg-bench-image-${cleanup.runId}:amd64`;
  const local = `eg-bench-image-${cleanup.runId}:local`;
  cleanup.images.add(ref);
  cleanup.images.add(local);
  log(`image: building and pushing ${ref}`);
  const b = await run('docker', ['buildx', 'build', '--platform', PLATFORM, '--load', '--label', cleanup.label, '-t', ref, '-t', local, ctx], { timeoutMs: 15 * 60_000 });
  if (b.code !== 0) return { skipped: `the bench image did not build: ${b.stderr.trim().split('\n').slice(-2).join(' ')}` };
  const pushed = await run('docker', ['push', ref], { timeoutMs: 5 * 60_000 });
  if (pushed.code !== 0) return { skipped: `the loopback registry did not take ${ref}: ${pushed.stderr.trim().split('\n').pop()}` };
  await run('docker', ['rmi', ref], { timeoutMs: 60_000 });

  let n = 0;
  const cfg = (mode) => ({ bundle, dir: ctx, mode, ref, cacheDir, startupWait, gracePeriod, runId: `bench-${cleanup.runId}-image-${n++}` });
  const s = { egImage: [], bareImage: [], egBuild: [], bareBuild: [] };
  log('image: warm-up');
  await egWorker(cfg('image'));
  await barePulled(ref, cleanup);
  for (let r = 0; r < runs; r++) {
    const steps = [
      async () => s.egImage.push((await egWorker(cfg('image'))).platforms[0].seconds * 1000),
      async () => s.bareImage.push(await barePulled(ref, cleanup)),
      async () => s.egBuild.push((await egWorker(cfg('build'))).platforms[0].build.seconds * 1000),
      async () => {
        const tag = `eg-bench-image-${cleanup.runId}:bare`;
        cleanup.images.add(tag);
        const t = await runOk('docker', ['buildx', 'build', '--progress=plain', '--platform', PLATFORM, '--load', '-t', tag, ctx], { timeoutMs: 15 * 60_000 });
        s.bareBuild.push(t.ms);
      },
    ];
    for (let i = 0; i < steps.length; i++) await steps[(i + r) % steps.length]();
    log(`image: run ${r + 1}/${runs}: --image ${s.egImage.at(-1).toFixed(0)} ms / bare ${s.bareImage.at(-1).toFixed(0)} ms, cached build ${s.egBuild.at(-1).toFixed(0)} ms / bare ${s.bareBuild.at(-1).toFixed(0)} ms`);
  }
  const image = { egMs: median(s.egImage), bareMs: median(s.bareImage), egRunsMs: s.egImage, bareRunsMs: s.bareImage };
  const build = { egMs: median(s.egBuild), bareMs: median(s.bareBuild), egRunsMs: s.egBuild, bareRunsMs: s.bareBuild };
  return {
    platform: PLATFORM,
    startupWait,
    runs,
    image: { ...image, ratio: image.egMs / image.bareMs },
    cachedBuild: { ...build, ratio: build.egMs / build.bareMs },
    egIncludes: `--image: PlatformResult.seconds of runRuntime() on ${REGISTRY}/… (docker pull by digest, tag, inspect, smoke checks, the probe); cached build: PlatformResult.build.seconds with --cache-from type=local and --metadata-file`,
    bareIncludes: 'docker pull + docker run -d --network none + docker logs polled every 50 ms until "listening on :8000" + docker kill -s TERM + docker wait; docker buildx build --load of the same cached Dockerfile',
  };
}

// ------------------------------------------------------------------ the worker ---
async function workerMain(cfg) {
  const { lintDockerfile, runRuntime, defaultOptions } = await import(cfg.bundle);
  const base = { ...defaultOptions(cfg.dir), static: false, platforms: [PLATFORM], platformsExplicit: true, startupWait: cfg.startupWait, gracePeriod: cfg.gracePeriod, runId: cfg.runId };
  const options = cfg.mode === 'image' ? { ...base, image: cfg.ref, dockerfile: 'Dockerfile' } : { ...base, dockerfile: 'Dockerfile', cacheFrom: [`type=local,src=${cfg.cacheDir}`] };
  const { model, findings: staticFindings } = lintDockerfile({ dockerfile: 'Dockerfile', cwd: cfg.dir });
  const result = await runRuntime(model, options, { staticFindings });
  process.stdout.write(`${JSON.stringify({ platforms: result.platforms, notes: result.notes })}\n`);
}

workerEntry(import.meta.url, workerMain);
