// Static lint throughput: entrypoint-guard's static pipeline (lintDockerfile from src/lint.ts,
// bundled with esbuild the way dist/ is) vs dockerfile-utils validate() vs dockerfilelint run(),
// per-file cost over the same generated corpus.
//
// Each measured pass runs in a fresh child process (`node bench/static.mjs --worker CFG`): the
// tool is loaded, warmed up on a separate warm-up corpus, then timed over the whole corpus,
// in-process. A fresh process per pass keeps the tools from sharing a heap or JIT state, and
// keeps entrypoint-guard's per-process caches (git repository lookups) from turning later
// passes over the same directories into cache hits. Tools are interleaved in rotating order.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeCorpus } from './corpus.mjs';
import { bundleSources, log, median, nowMs, pathWithout, quantile, ROOT, runWorker, which, workerEntry } from './lib.mjs';

const require = createRequire(import.meta.url);

/** src/lint.ts (and everything it imports, dockerfile-ast included) as one ESM file, as dist/ bundles it. */
export function bundleLint(outDir) {
  return bundleSources({ 'src/lint.ts': ['lintDockerfile'] }, path.join(outDir, 'eg-lint.mjs'));
}

/**
 * Run the static benchmark. Returns { corpus, tools: [{ id, label, perFileMs, filesPerSec,
 * runs:[…], findings, errors, spawns }], shellcheck, profile? }.
 */
export async function benchStatic({ cleanup, files, warmupFiles, runs, seed, profile: wantProfile }) {
  for (const peer of ['dockerfile-utils', 'dockerfilelint', 'esbuild']) {
    try {
      require.resolve(peer);
    } catch {
      throw new Error(`${peer} is not installed: run \`npm ci\` (the bench needs the devDependencies)`);
    }
  }
  const tmp = cleanup.tmpDir('static');
  log(`static: generating ${files} contexts (seed ${seed}) + ${warmupFiles} warm-up contexts`);
  const t0 = nowMs();
  const main = writeCorpus(path.join(tmp, 'corpus'), { count: files, seed });
  const warm = writeCorpus(path.join(tmp, 'warmup'), { count: warmupFiles, seed: seed + 1 });
  const listFile = path.join(tmp, 'corpus.json');
  const warmFile = path.join(tmp, 'warmup.json');
  fs.writeFileSync(listFile, JSON.stringify(main.dockerfiles));
  const wrappedFile = path.join(tmp, 'corpus-wrapped.json');
  fs.writeFileSync(wrappedFile, JSON.stringify(main.withWrapper));
  fs.writeFileSync(warmFile, JSON.stringify(warm.dockerfiles));
  log(`static: corpus written in ${(nowMs() - t0).toFixed(0)} ms: ${JSON.stringify(main.summary)}`);
  const bundle = await bundleLint(tmp);

  const shellcheckPath = which('shellcheck');
  const shellcheckVersion = shellcheckPath ? (spawnSync(shellcheckPath, ['--version'], { encoding: 'utf8' }).stdout.match(/version: (\S+)/)?.[1] ?? '?') : undefined;
  const tools = [];
  if (shellcheckPath) {
    tools.push({ id: 'eg', label: `entrypoint-guard (ShellCheck ${shellcheckVersion} on PATH)`, tool: 'eg', env: process.env });
    tools.push({ id: 'eg-nosc', label: 'entrypoint-guard (no ShellCheck)', tool: 'eg', env: { ...process.env, PATH: pathWithout('shellcheck', cleanup.tmpDir('path')) } });
  } else {
    tools.push({ id: 'eg-nosc', label: 'entrypoint-guard (no ShellCheck on PATH)', tool: 'eg', env: process.env });
  }
  tools.push({ id: 'dockerfile-utils', label: `dockerfile-utils ${pkgVersion('dockerfile-utils')} validate()`, tool: 'dockerfile-utils', env: process.env });
  tools.push({ id: 'dockerfilelint', label: `dockerfilelint ${pkgVersion('dockerfilelint')} run()`, tool: 'dockerfilelint', env: process.env });

  const results = new Map(tools.map((t) => [t.id, []]));
  for (let r = 0; r < runs; r++) {
    // Rotate the order so no tool always runs first (or right after the heaviest one).
    const order = tools.map((_, i) => tools[(i + r) % tools.length]);
    for (const t of order) {
      const res = await worker({ tool: t.tool, bundle, list: listFile, warmup: warmFile, wrapped: wrappedFile }, t.env);
      results.get(t.id).push(res);
      log(`static: run ${r + 1}/${runs} ${t.id}: ${(res.ms / res.files).toFixed(3)} ms/file (${res.findings} findings, ${res.errors} errors)`);
    }
  }

  const out = tools.map((t) => {
    const rs = results.get(t.id);
    const perFile = rs.map((x) => x.ms / x.files);
    // The same pass without the time spent waiting for subprocesses (git, ShellCheck).
    const perFileInProcess = rs.map((x) => (x.ms - Object.values(x.spawns).reduce((a, s) => a + s.ms, 0)) / x.files);
    const last = rs[rs.length - 1];
    return {
      id: t.id,
      label: t.label,
      perFileMs: median(perFile),
      perFileRunsMs: perFile,
      perFileInProcessMs: median(perFileInProcess),
      filesPerSec: 1000 / median(perFile),
      // The corpus split: Dockerfiles whose start command runs a wrapper script, and the rest.
      withWrapperMs: median(rs.map((x) => x.withWrapperMs)),
      withoutWrapperMs: median(rs.map((x) => x.withoutWrapperMs)),
      p50FileMs: median(rs.map((x) => x.p50)),
      p95FileMs: median(rs.map((x) => x.p95)),
      findings: last.findings,
      findingsByRule: last.byRule,
      errors: last.errors,
      firstError: last.firstError,
      spawns: last.spawns,
    };
  });

  let profile;
  if (wantProfile) profile = await profileEg({ bundle, listFile, warmFile, tools });
  return {
    corpus: main.summary,
    warmupFiles,
    runs,
    shellcheck: shellcheckPath ? { path: shellcheckPath, version: shellcheckVersion } : null,
    tools: out,
    profile,
    // For a profile taken later (run.mjs profiles when a target is missed); not reported.
    profileInputs: { bundle, listFile, warmFile, tools },
  };
}

/** Files in a profiled pass: enough for stable shares, without another full pass per variant. */
const PROFILE_FILES = 600;

/** One CPU profile of each entrypoint-guard variant's measured pass (first 600 files), summarised by source module. */
export async function profileEg({ bundle, listFile, warmFile, tools }) {
  const profiles = {};
  for (const t of tools.filter((x) => x.tool === 'eg')) {
    log(`static: profiling ${t.id}`);
    const res = await worker({ tool: 'eg', bundle, list: listFile, warmup: warmFile, profile: true, limit: PROFILE_FILES }, t.env);
    profiles[t.id] = { ...res.profile, files: res.files };
  }
  return profiles;
}

function pkgVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

function worker(cfg, env) {
  return runWorker(import.meta.url, cfg, { env, what: `static worker (${cfg.tool})` });
}

// ------------------------------------------------------------------ the worker ---
/** Count and time the subprocesses a tool starts (ShellCheck, git), by executable name. */
function instrumentChildProcesses() {
  const cp = require('node:child_process');
  const { syncBuiltinESMExports } = require('node:module');
  const spawns = {};
  const note = (file, ms) => {
    const key = path.basename(String(file));
    const s = (spawns[key] ??= { count: 0, ms: 0 });
    s.count++;
    s.ms += ms;
  };
  for (const name of ['execFileSync', 'spawnSync', 'execSync']) {
    const orig = cp[name];
    cp[name] = function (file, ...rest) {
      const t = nowMs();
      try {
        return orig.call(this, file, ...rest);
      } finally {
        note(name === 'execSync' ? String(file).split(' ')[0] : file, nowMs() - t);
      }
    };
  }
  for (const name of ['spawn', 'execFile']) {
    const orig = cp[name];
    cp[name] = function (file, ...rest) {
      const t = nowMs();
      const child = orig.call(this, file, ...rest);
      child.once('close', () => note(file, nowMs() - t));
      return child;
    };
  }
  syncBuiltinESMExports();
  return spawns;
}

/** Findings per rule id (entrypoint-guard only): shows what the corpus exercises. */
const byRule = {};

async function loadTool(cfg) {
  if (cfg.tool === 'eg') {
    const { lintDockerfile } = await import(cfg.bundle);
    return (p) => {
      const { findings } = lintDockerfile({ dockerfile: p, cwd: path.dirname(p) });
      for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      return findings.length;
    };
  }
  if (cfg.tool === 'dockerfile-utils') {
    const { validate } = require('dockerfile-utils');
    return (p) => validate(fs.readFileSync(p, 'utf8')).length;
  }
  if (cfg.tool === 'dockerfilelint') {
    const { run: lintRun } = require('dockerfilelint');
    // As its CLI does: the config (.dockerfilelintrc) is looked up in the Dockerfile's folder.
    return (p) => lintRun(path.dirname(p), fs.readFileSync(p, 'utf8')).length;
  }
  throw new Error(`unknown tool ${cfg.tool}`);
}

async function startProfiler() {
  const inspector = await import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((res, rej) => session.post(method, params, (err, out) => (err ? rej(err) : res(out))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

/** Self time by bundled source module (esbuild writes `// src/x.ts` before each module) and by function. */
export function summarizeProfile(profile, bundlePath) {
  const bundleUrl = new URL(`file://${bundlePath}`).href;
  const starts = [];
  fs.readFileSync(bundlePath, 'utf8').split('\n').forEach((line, i) => {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
    if (m) starts.push([i, m[1].replace(/^node_modules\/([^/]+)\/.*$/, '$1 (dependency)')]);
  });
  const moduleAt = (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(bundle prelude)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] <= line) {
        found = starts[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const modules = {};
  const functions = {};
  let total = 0;
  for (const [id, us] of selfUs) {
    const { callFrame: f } = byId.get(id);
    total += us;
    let mod;
    if (f.url === bundleUrl) mod = moduleAt(f.lineNumber);
    else if (f.url.startsWith('node:')) mod = f.url.replace(/^node:internal\//, 'node:');
    else if (f.url === '') mod = f.functionName.startsWith('(') ? f.functionName : `native ${f.functionName}`;
    else if (f.url.includes('/bench/')) mod = '(bench harness)';
    else mod = f.url.replace(/^file:\/\/.*\/node_modules\/([^/]+)\/.*$/, '$1 (dependency)');
    modules[mod] = (modules[mod] ?? 0) + us;
    const fn = `${f.functionName || '(anonymous)'} [${mod}${f.url === bundleUrl ? `:${f.lineNumber + 1}` : ''}]`;
    functions[fn] = (functions[fn] ?? 0) + us;
  }
  // Blocking waits for subprocesses (git, ShellCheck) show as the native `spawn`; the rest is our own work.
  const waiting = Object.entries(modules).filter(([m]) => m === 'native spawn').reduce((a, [, us]) => a + us, 0);
  const inProcess = total - waiting;
  const top = (obj, n) =>
    Object.entries(obj)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / total, inProcessShare: name.startsWith('native spawn') || name.startsWith('spawn [native spawn]') ? null : us / inProcess }));
  return { totalMs: total / 1000, subprocessWaitMs: waiting / 1000, modules: top(modules, 14), functions: top(functions, 15) };
}

async function workerMain(cfg) {
  const spawns = cfg.tool === 'eg' ? instrumentChildProcesses() : {};
  const lintOne = await loadTool(cfg);
  const list = JSON.parse(fs.readFileSync(cfg.list, 'utf8')).slice(0, cfg.limit ?? Infinity);
  const warm = JSON.parse(fs.readFileSync(cfg.warmup, 'utf8'));
  let errors = 0;
  let firstError;
  const safe = (p) => {
    try {
      return lintOne(p);
    } catch (err) {
      errors++;
      firstError ??= `${path.basename(path.dirname(p))}: ${err?.message ?? err}`;
      return 0;
    }
  };
  for (const p of warm) safe(p);
  errors = 0;
  firstError = undefined;
  for (const k of Object.keys(spawns)) delete spawns[k];
  for (const k of Object.keys(byRule)) delete byRule[k];

  const stopProfiler = cfg.profile ? await startProfiler() : undefined;
  const times = new Float64Array(list.length);
  let findings = 0;
  const t0 = nowMs();
  for (let i = 0; i < list.length; i++) {
    const t = nowMs();
    findings += safe(list[i]);
    times[i] = nowMs() - t;
  }
  const ms = nowMs() - t0;
  const profile = stopProfiler ? summarizeProfile(await stopProfiler(), cfg.bundle) : undefined;
  const arr = Array.from(times);
  const wrapped = cfg.wrapped ? JSON.parse(fs.readFileSync(cfg.wrapped, 'utf8')) : [];
  const mean = (keep) => {
    const v = arr.filter((_, i) => keep(Boolean(wrapped[i])));
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
  };
  const withWrapperMs = mean((w) => w);
  const withoutWrapperMs = mean((w) => !w);
  process.stdout.write(`${JSON.stringify({ files: list.length, ms, p50: quantile(arr, 0.5), p95: quantile(arr, 0.95), withWrapperMs, withoutWrapperMs, findings, byRule, errors, firstError, spawns, profile })}\n`);
}

workerEntry(import.meta.url, workerMain);
