#!/usr/bin/env node
// `npm run bench [-- options]`: entrypoint-guard's speed targets, measured side by side in
// one run (docs/benchmarks.md has the method). Prints a table; `--json` prints one JSON object.
// Not part of the unit tests: nothing here asserts, it measures and reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { benchColdStart } from './cold-start.mjs';
import { Cleanup, fmtMs, fmtRatio, log, ROOT, table } from './lib.mjs';
import { benchStatic, profileEg } from './static.mjs';

const USAGE = `usage: npm run bench -- [options]
  --json               print one JSON object instead of the table
  --only LIST          comma list of: static, runtime, deployed, image, cold, scale (default all)
  --files N            static corpus size (default 2000)
  --warmup N           static warm-up corpus size (default 200)
  --runs N             static passes per tool (default 5)
  --seed N             corpus seed (default 42)
  --profile            CPU-profile entrypoint-guard's static pass (automatic when a static target is missed)
  --runtime-runs N     runtime repetitions per side (default 5)
  --startup-wait SEC   the probe's bound on readiness (default 60, the CLI's default)
  --cold-runs N        cold-start runs per command (default 20)
  --render FILE        print the table of a saved --json result and exit`;

class UsageError extends Error {}

function parseArgs(argv) {
  const o = { json: false, only: new Set(['static', 'runtime', 'deployed', 'image', 'cold', 'scale']), files: 2000, warmup: 200, runs: 5, seed: 42, profile: false, runtimeRuns: 5, startupWait: 60, coldRuns: 20 };
  const num = (v, name, min = 1) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new UsageError(`${name} needs a number ≥ ${min} (got ${JSON.stringify(v)})`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--json') o.json = true;
    else if (a === '--render') o.render = val();
    else if (a === '--profile') o.profile = true;
    else if (a === '--only') {
      o.only = new Set(val().split(',').map((s) => s.trim()).filter(Boolean));
      for (const p of o.only) if (!['static', 'runtime', 'deployed', 'image', 'cold', 'scale'].includes(p)) throw new UsageError(`--only takes static, runtime, deployed, image, cold, scale (got ${p})`);
    } else if (a === '--files') o.files = Math.floor(num(val(), a));
    else if (a === '--warmup') o.warmup = Math.floor(num(val(), a));
    else if (a === '--runs') o.runs = Math.floor(num(val(), a));
    else if (a === '--seed') o.seed = Math.floor(num(val(), a, 0));
    else if (a === '--runtime-runs') o.runtimeRuns = Math.floor(num(val(), a));
    else if (a === '--startup-wait') o.startupWait = num(val(), a, 0.1);
    else if (a === '--cold-runs') o.coldRuns = Math.floor(num(val(), a));
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new UsageError(`unknown option ${a} (see --help)`);
  }
  return o;
}

/** A target: `value` compared with `limit` (`max`: value ≤ limit; `min`: value ≥ limit). */
function target(id, measure, value, kind, limit, unit = '×') {
  const met = Number.isFinite(value) ? (kind === 'max' ? value <= limit : value >= limit) : null;
  // How far off, as a factor of the target (1.30 = 30 % over a max, or 30 % short of a min).
  const missBy = met === false ? (kind === 'max' ? value / limit : limit / value) : undefined;
  return { id, measure, value, target: `${kind === 'max' ? '≤' : '≥'} ${limit}${unit === '×' ? '×' : ` ${unit}`}`, unit, kind, limit, met, missBy };
}

function environment() {
  const dockerVersion = spawnSync('docker', ['version', '-f', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 10_000 });
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    docker: dockerVersion.status === 0 ? dockerVersion.stdout.trim() : null,
    gitCommit: spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || null,
    date: new Date().toISOString(),
    // Other work on the machine skews every number: recorded at the start and the end.
    loadAverage: { start: os.loadavg().map((x) => Number(x.toFixed(2))) },
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.render) {
    process.stdout.write(render(JSON.parse(fs.readFileSync(opts.render, 'utf8'))));
    return;
  }
  const runId = `b${Date.now().toString(36)}`;
  const cleanup = new Cleanup(runId);
  const result = { version: 1, environment: environment(), options: { ...opts, only: [...opts.only] }, targets: [] };
  try {
    if (opts.only.has('static')) {
      const s = await benchStatic({ cleanup, files: opts.files, warmupFiles: opts.warmup, runs: opts.runs, seed: opts.seed, profile: opts.profile });
      const by = Object.fromEntries(s.tools.map((t) => [t.id, t]));
      const du = by['dockerfile-utils'].perFileMs;
      const dfl = by.dockerfilelint.perFileMs;
      for (const t of s.tools) {
        t.vsDockerfileUtils = t.perFileMs / du;
        t.vsDockerfilelint = t.perFileMs / dfl;
      }
      for (const id of ['eg', 'eg-nosc']) {
        if (!by[id]) continue;
        const tag = id === 'eg' ? 'with ShellCheck' : 'without ShellCheck';
        result.targets.push(target(`static-vs-dockerfile-utils${id === 'eg' ? '' : '-no-shellcheck'}`, `static per file, ${tag}: entrypoint-guard / dockerfile-utils`, by[id].perFileMs / du, 'max', 1));
        result.targets.push(target(`static-vs-dockerfilelint${id === 'eg' ? '' : '-no-shellcheck'}`, `static per file, ${tag}: dockerfilelint / entrypoint-guard`, dfl / by[id].perFileMs, 'min', 5));
      }
      if (!s.profile && result.targets.some((t) => t.id.startsWith('static-') && t.met === false)) {
        log('static: a target was missed: profiling');
        s.profile = await profileEg(s.profileInputs);
      }
      delete s.profileInputs;
      result.static = s;
    }
    if (opts.only.has('runtime')) {
      const { benchRuntime } = await import('./runtime.mjs');
      const r = await benchRuntime({ cleanup, runs: opts.runtimeRuns, startupWait: opts.startupWait });
      result.runtime = r;
      if (!r.skipped) {
        for (const p of r.perPlatform) {
          result.targets.push(target(`runtime-overhead-${p.platform.replace('/', '-')}`, `runtime ${p.platform}: smoke + probe / bare run+ready+kill+wait`, p.ratio, 'max', 1.3));
          result.targets.push(target(`runtime-verdict-latency-${p.platform.replace('/', '-')}`, `runtime ${p.platform}: verdict after the service is ready (s)`, p.verdictAfterReadyMs / 1000, 'max', 1.0, 's'));
          const after = Math.max(p.afterReady?.healthMs ?? 0, p.afterReady?.zombiesMs ?? 0);
          if (p.afterReady) result.targets.push(target(`runtime-after-ready-${p.platform.replace('/', '-')}`, `runtime ${p.platform}: HEALTHCHECK + zombie checks after readiness (s)`, after / 1000, 'max', 0.3, 's'));
        }
        if (r.concurrent) result.targets.push(target('runtime-concurrency', 'runtime: both platforms concurrently / slower platform alone', r.concurrent.ratio, 'max', 1.2));
      }
    }
    if (opts.only.has('deployed')) {
      const { benchDeployed } = await import('./deployed.mjs');
      const d = await benchDeployed({ cleanup, runs: opts.runtimeRuns, startupWait: opts.startupWait });
      result.deployed = d;
      if (!d.skipped) result.targets.push(target('deployed-per-deployment', `probe as deployed ${d.platform}: time one deployment adds / the platform's plain runtime phases`, d.ratio, 'max', 1));
    }
    if (opts.only.has('image')) {
      const { benchImage } = await import('./image.mjs');
      const im = await benchImage({ cleanup, runs: opts.runtimeRuns, startupWait: opts.startupWait });
      result.image = im;
      if (!im.skipped) {
        result.targets.push(target('image-runtime', `--image ${im.platform}: pull + smoke + probe / bare pull+run+kill+wait`, im.image.ratio, 'max', 1.3));
        result.targets.push(target('cached-rebuild', `cached rebuild ${im.platform}: entrypoint-guard's build / docker buildx build`, im.cachedBuild.ratio, 'max', 1.1));
      }
    }
    if (opts.only.has('cold')) {
      const c = await benchColdStart({ cleanup, runs: opts.coldRuns });
      result.coldStart = c;
      if (!c.skipped) for (const k of c.cases.filter((x) => x.id !== 'node' && !x.reference)) result.targets.push(target(`cold-start-${k.id}`, `cold start: ${k.label} / node -e 0`, k.ratio, 'max', 3));
    }
    if (opts.only.has('scale')) {
      const { benchScale } = await import('./scale.mjs');
      result.scale = await benchScale({ cleanup, startupWait: opts.startupWait });
    }
  } finally {
    cleanup.removeAllSync();
    result.environment.loadAverage.end = os.loadavg().map((x) => Number(x.toFixed(2)));
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(render(result));
}

// ---------------------------------------------------------------- the report ---
function render(res) {
  const out = [];
  const e = res.environment;
  out.push(`entrypoint-guard bench: node ${e.node}, ${e.platform}, ${e.cpus} CPUs (${e.cpuModel}), ${e.memoryGiB} GiB, docker engine ${e.docker ?? 'not reachable'}${e.gitCommit ? `, commit ${e.gitCommit}` : ''}`);
  out.push(`load average (1/5/15 min) at start ${e.loadAverage.start.join(' / ')}, at end ${e.loadAverage.end?.join(' / ') ?? '-'}${e.loadAverage.start[0] > e.cpus ? '  (busy machine: expect noise)' : ''}`);
  out.push('');
  const s = res.static;
  if (s) {
    const c = s.corpus;
    out.push(`1. Static lint: ${c.files} Dockerfiles (${Object.entries(c.styles).map(([k, v]) => `${v} ${k}`).join(', ')}), ${c.wrapperScripts} wrapper scripts, ${c.dockerfileLines + c.scriptLines} lines; seed ${c.seed}; ${s.runs} passes per tool, each in a fresh process after a ${s.warmupFiles}-file warm-up; medians`);
    out.push(
      table([
        ['tool', 'per file', 'excl. subprocesses', 'with wrapper', 'without', 'files/s', 'p50 file', 'p95 file', '÷ dockerfile-utils', '÷ dockerfilelint', 'findings', 'errors'],
        ...s.tools.map((t) => [t.label, fmtMs(t.perFileMs), fmtMs(t.perFileInProcessMs), fmtMs(t.withWrapperMs), fmtMs(t.withoutWrapperMs), t.filesPerSec.toFixed(0), fmtMs(t.p50FileMs), fmtMs(t.p95FileMs), fmtRatio(t.vsDockerfileUtils), fmtRatio(t.vsDockerfilelint), t.findings, t.errors]),
      ]),
    );
    for (const t of s.tools) {
      const sp = Object.entries(t.spawns ?? {});
      if (sp.length) out.push(`   ${t.id} subprocesses per pass: ${sp.map(([k, v]) => `${k} ×${v.count} (${fmtMs(v.ms / v.count)} each, ${fmtMs(v.ms)} total)`).join(', ')}`);
      if (t.errors) out.push(`   ${t.id}: ${t.errors} files threw, e.g. ${t.firstError}`);
    }
    const rules = Object.entries(s.tools[0]?.findingsByRule ?? {}).sort((a, b) => b[1] - a[1]);
    if (rules.length) out.push(`   what the corpus exercises (${s.tools[0].id} findings by rule): ${rules.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (!s.shellcheck) out.push('   shellcheck is not on PATH: only the without-ShellCheck variant was measured');
    out.push('');
  }
  const r = res.runtime;
  if (r) {
    if (r.skipped) out.push(`2. Runtime: skipped: ${r.skipped}`, '');
    else out.push(...renderRuntime(r), '');
  }
  const dp = res.deployed;
  if (dp) {
    if (dp.skipped) out.push(`2a. Probe as deployed: skipped: ${dp.skipped}`, '');
    else {
      out.push(`2a. Probe as deployed (${dp.platform}; ${dp.runs} runs per variant, medians): ${dp.includes}`);
      out.push(
        table([
          ['variant', 'runtime phases', 'added per deployment', '÷ plain'],
          ['plain (no deployment)', fmtMs(dp.plainMs), '', ''],
          ['1 deployment', fmtMs(dp.oneMs), fmtMs(dp.perDeploymentMs), fmtRatio(dp.ratio)],
          ['2 deployments', fmtMs(dp.twoMs), fmtMs(dp.perDeploymentOfTwoMs), fmtRatio(dp.perDeploymentOfTwoMs / dp.plainMs)],
        ]),
      );
      out.push('');
    }
  }
  const im = res.image;
  if (im) {
    if (im.skipped) out.push(`2b. --image and cached rebuild: skipped: ${im.skipped}`, '');
    else {
      out.push(`2b. --image and cached rebuild (${im.platform}; startup wait ${im.startupWait} s on both sides; ${im.runs} runs per side, medians)`);
      out.push(`   entrypoint-guard side: ${im.egIncludes}`);
      out.push(`   bare side: ${im.bareIncludes}`);
      out.push(
        table([
          ['measure', 'entrypoint-guard', 'bare', 'ratio'],
          ['--image runtime phase', fmtMs(im.image.egMs), fmtMs(im.image.bareMs), fmtRatio(im.image.ratio)],
          ['cached rebuild', fmtMs(im.cachedBuild.egMs), fmtMs(im.cachedBuild.bareMs), fmtRatio(im.cachedBuild.ratio)],
        ]),
      );
      out.push('');
    }
  }
  const cs = res.coldStart;
  if (cs) {
    if (cs.skipped) out.push(`3. CLI cold start: skipped: ${cs.skipped}`, '');
    else {
      out.push(`3. CLI cold start: wall time from spawn to exit, ${cs.runs} interleaved runs each, medians`);
      out.push(table([['command', 'median', 'min', '÷ node -e 0'], ...cs.cases.map((k) => [k.label, fmtMs(k.ms), fmtMs(Math.min(...k.runsMs)), fmtRatio(k.ratio)])]));
      out.push('');
    }
  }
  const sc = res.scale;
  if (sc) {
    if (sc.skipped) out.push(`4. Scale: skipped: ${sc.skipped}`, '');
    else out.push(...renderScale(sc), '');
  }
  if (res.targets.length) {
    out.push('Targets');
    out.push(
      table([
        ['measure', 'measured', 'target', 'result'],
        ...res.targets.map((t) => [t.measure, t.unit && t.unit !== '×' ? `${t.value.toFixed(2)} ${t.unit}` : fmtRatio(t.value), t.target, t.met === null ? 'n/a' : t.met ? 'met' : `MISSED by ${t.missBy.toFixed(1)}×`]),
      ]),
    );
    out.push('');
  }
  if (s?.profile) {
    for (const [id, p] of Object.entries(s.profile)) {
      out.push(`Profile of ${id}: a pass over the first ${p.files} files (self time ${fmtMs(p.totalMs)}; subprocess waits show as native spawn), by module:`);
      const pct = (x) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)} %`);
      out.push(table([['module', 'self', 'share', 'share of in-process'], ...p.modules.map((m) => [m.name, fmtMs(m.ms), pct(m.share), pct(m.inProcessShare)])]));
      out.push('top functions:');
      out.push(table([['function', 'self', 'share', 'share of in-process'], ...p.functions.slice(0, 12).map((m) => [m.name, fmtMs(m.ms), pct(m.share), pct(m.inProcessShare)])]));
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

function renderScale(sc) {
  return [
    `4. Scale (simulated matrix): ${sc.dockerfiles} Dockerfiles x 2 platforms; unsharded (one after another, both platforms each) vs plan + ${sc.shards} shards ${sc.concurrency} at a time + merge; cached builds; arm64 emulated here`,
    table([
      ['run', 'wall time'],
      ['unsharded', fmtMs(sc.unshardedMs)],
      [`plan + ${sc.shards} shards (${sc.concurrency} at a time) + merge`, fmtMs(sc.shardedMs)],
      ['  plan', fmtMs(sc.planMs)],
      ['  merge', fmtMs(sc.mergeMs)],
      ['slowest shard: native (amd64) / emulated (arm64)', `${fmtMs(sc.slowestNativeShardMs)} / ${fmtMs(sc.slowestEmulatedShardMs)}`],
      ['expected on GitHub (slowest native shard + merge)', fmtMs(sc.expectedGithubMs)],
    ]),
    `   merged findings ${sc.sameFindings ? 'are the same as' : 'DIFFER from'} the unsharded run's`,
  ];
}

/** A difference that can be negative (the probe saw readiness before the bare side's log poll did). */
function signedMs(ms) {
  return ms < 0 ? `−${fmtMs(-ms)} (before)` : fmtMs(ms);
}

function renderRuntime(r) {
  const out = [];
  out.push(`2. Runtime (a node HTTP server built FROM ${r.base}; default options, --startup-wait ${r.startupWait} s as the readiness bound; ${r.runs} runs per side, medians; build excluded)`);
  out.push(`   entrypoint-guard side: ${r.egIncludes}`);
  out.push(`   bare side: ${r.bareIncludes}`);
  out.push(
    table([
      ['platform', 'entrypoint-guard', 'bare run+ready+kill+wait', 'ratio', 'overhead', 'cached build (excluded)', 'image build (first)'],
      ...r.perPlatform.map((p) => [p.platform, fmtMs(p.egMs), fmtMs(p.bareMs), fmtRatio(p.ratio), fmtMs(p.overheadMs), fmtMs(p.cachedBuildMs), fmtMs(p.imageBuildMs)]),
    ]),
  );
  out.push('   verdict latency (from the container start; ready = its "listening" line under plain docker):');
  out.push(
    table([
      ['platform', 'ready', 'verdict (readiness)', 'after ready', 'old fixed 3 s: after ready', 'ready decided by'],
      ...r.perPlatform.map((p) => [p.platform, fmtMs(p.readyMs), fmtMs(p.egVerdictMs), signedMs(p.verdictAfterReadyMs), signedMs(p.oldFixedAfterReadyMs), [...new Set(p.readyBy)].join('; ')]),
    ]),
  );
  const ig = r.ignoring;
  if (ig) {
    const s0 = ig.samples[0];
    out.push(`   SIGTERM-ignoring node server on ${ig.platform} (grace period ${ig.gracePeriod} s, ${ig.runs} runs): time to the verdict ${fmtMs(ig.verdictMs)} (build excluded; ready ${s0.readyBy} after ${s0.readySeconds} s, shutdown ${JSON.stringify(s0.shutdown)})`);
    out.push(`     kernel evidence: ${JSON.stringify(s0.signals ?? null)}; finding: ${s0.finding ?? 'none'}`);
  }
  for (const p of r.perPlatform) {
    const calls = Object.entries(p.dockerCalls)
      .filter(([k]) => k !== 'buildx build' && !k.startsWith('(outside)'))
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([k, v]) => `${k} ×${v.count} ${fmtMs(v.ms)}`);
    out.push(`   ${p.platform} entrypoint-guard docker calls (median per run, build excluded; calls overlap): ${calls.join(', ')}`);
    out.push(`   ${p.platform} bare phases: ${Object.entries(p.barePhases).map(([k, v]) => `${k} ${fmtMs(v)}`).join(', ')}`);
    const a = p.afterReady;
    if (a) out.push(`   ${p.platform} checks after readiness (side by side, before the signal): HEALTHCHECK ${a.healthMs === null ? 'not run' : `${fmtMs(a.healthMs)} (${a.health.join('; ')})`}, zombies ${a.zombiesMs === null ? 'not run' : `${fmtMs(a.zombiesMs)} (${a.zombies.join('; ')})`}`);
  }
  const c = r.concurrent;
  if (c) {
    out.push(`   both platforms concurrently: ${fmtMs(c.bothMs)} vs the slower alone (${c.slower}) ${fmtMs(c.slowerAloneMs)}: ${fmtRatio(c.ratio)}`);
    if (c.perPlatform) {
      out.push(`   when both run: ${Object.entries(c.perPlatform).map(([p, v]) => `${p} phases ${fmtMs(v.phasesMs)} (cached build ${fmtMs(v.cachedBuildMs)})`).join(', ')}`);
      // Per-call latency alone vs together shows the contention (2 platforms' docker calls and builds at once).
      const alone = {};
      for (const p of r.perPlatform) for (const [k, v] of Object.entries(p.dockerCalls)) (alone[k] ??= []).push(v.count ? v.ms / v.count : NaN);
      const rows = Object.entries(c.dockerCalls)
        .filter(([k, v]) => !k.startsWith('(outside)') && k !== 'wait' && v.count > 0)
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([k, v]) => `${k} ${fmtMs(v.ms / v.count)} (alone ${fmtMs(Math.max(...(alone[k] ?? [NaN])))})`);
      out.push(`   per-call latency when both run (alone: the slower platform's): ${rows.join(', ')}`);
    }
    out.push(`   whole runRuntime() call, cached builds and engine queries included: both ${fmtMs(c.bothWallMs)} vs the slower alone ${fmtMs(c.slowerAloneWallMs)}: ${fmtRatio(c.wallRatio)}`);
  }
  if (r.leftovers) out.push(`   left behind by ${r.leftovers.runtimeCalls} runRuntime() calls: ${r.leftovers.containers} containers, ${r.leftovers.images} images`);
  for (const n of r.notes ?? []) out.push(`   note: ${n}`);
  return out;
}

main().catch((err) => {
  if (err instanceof UsageError) {
    process.stderr.write(`bench: ${err.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench: ${err?.stack ?? err}\n`);
  process.exitCode = 1;
});
