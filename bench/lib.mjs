// Shared bench helpers: statistics, a cleanup registry that runs even on failure or
// interruption, temp dirs, subprocess timing and the table printer.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// ---------------------------------------------------------------- statistics ---
export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  return v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))];
}

/** { median, min, max, n } of a sample. */
export function summarize(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// ------------------------------------------------------------------- cleanup ---
/**
 * Everything the bench creates is registered here and removed at the end: temp dirs, docker
 * containers and images. `run()` removes it on normal exit, on an exception, and on
 * SIGINT/SIGTERM (synchronously, so nothing survives the process).
 */
export class Cleanup {
  dirs = new Set();
  containers = new Set();
  images = new Set();
  /** Label put on every container/image the bench itself creates. */
  label;
  /** Set once the bench starts docker work: then containers are also looked up by label at the end. */
  usesDocker = false;
  done = false;

  constructor(runId) {
    this.label = `entrypoint-guard.bench=${runId}`;
    this.runId = runId;
    const onSignal = async (sig) => {
      process.stderr.write(`\nbench: ${sig}: stopping workers and cleaning up\n`);
      // Workers first: a runRuntime() worker removes its own containers and images on SIGTERM.
      await stopChildren(20_000);
      this.removeAllSync();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('exit', () => this.removeAllSync());
  }

  tmpDir(prefix) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `eg-bench-${prefix}-`));
    this.dirs.add(dir);
    return dir;
  }

  removeAllSync() {
    if (this.done) return;
    this.done = true;
    const docker = (args) => spawnSync('docker', args, { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout: 30_000 });
    if (this.usesDocker || this.containers.size > 0 || this.images.size > 0) {
      const listed = docker(['ps', '-aq', '--filter', `label=${this.label}`]);
      const ids = new Set([...this.containers, ...(listed.stdout ?? '').split('\n').map((s) => s.trim()).filter(Boolean)]);
      if (ids.size > 0) docker(['rm', '-f', '-v', ...ids]);
      if (this.images.size > 0) docker(['rmi', '-f', ...this.images]);
    }
    for (const d of this.dirs) fs.rmSync(d, { recursive: true, force: true });
    this.containers.clear();
    this.images.clear();
    this.dirs.clear();
  }
}

// --------------------------------------------------------------- subprocesses ---
const children = new Set();

/** SIGTERM every running child and wait (bounded) until they have exited. */
async function stopChildren(timeoutMs) {
  const running = [...children];
  if (running.length === 0) return;
  const exited = running.map((c) => new Promise((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('close', resolve))));
  for (const c of running) c.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}

/** Run a command to completion (argv array, no shell); resolves {code, stdout, stderr, ms}. */
export function run(cmd, args, { env, cwd, timeoutMs = 600_000, input } = {}) {
  return new Promise((resolve) => {
    const t0 = nowMs();
    const child = spawn(cmd, args, { env: env ?? process.env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    child.once('close', () => children.delete(child));
    child.once('error', () => children.delete(child));
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: stderr + err.message, ms: nowMs() - t0 });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: nowMs() - t0 });
    });
    child.stdin.end(input ?? '');
  });
}

/** Like run() but throws with the command's stderr when it fails. */
export async function runOk(cmd, args, opts) {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  return r;
}

/**
 * Run `node <script> --worker <cfg as JSON>` (a bench module's worker mode) and parse the JSON
 * object it prints as its last stdout line. A fresh process per measurement.
 */
export async function runWorker(scriptUrl, cfg, { env, timeoutMs = 30 * 60_000, what = 'worker' } = {}) {
  const r = await run(process.execPath, [new URL(scriptUrl).pathname, '--worker', JSON.stringify(cfg)], { env, cwd: ROOT, timeoutMs });
  const lastLine = r.stdout.trim().split('\n').pop() ?? '';
  if (r.code !== 0 || !lastLine.startsWith('{')) throw new Error(`${what} failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-8).join('\n')}`);
  return JSON.parse(lastLine);
}

/** In a bench module: run `main(cfg)` when started as `node <module> --worker <cfg>`. */
export function workerEntry(importMetaUrl, main) {
  if (process.argv[2] !== '--worker' || new URL(importMetaUrl).pathname !== path.resolve(process.argv[1] ?? '')) return;
  main(JSON.parse(process.argv[3])).catch((err) => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  });
}

/** The first directory on PATH holding an executable `name`, or undefined. */
export function which(name, envPath = process.env.PATH ?? '') {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // next
    }
  }
  return undefined;
}

/**
 * A PATH on which `name` cannot be found but everything else still can: each PATH directory
 * that holds `name` is replaced by a shadow directory of symlinks to all its other entries
 * (node, git and shellcheck share /usr/bin on Debian, so dropping the directory is not an option).
 */
export function pathWithout(name, shadowRoot) {
  const out = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    if (!fs.existsSync(path.join(dir, name))) {
      out.push(dir);
      continue;
    }
    const shadow = path.join(shadowRoot, `shadow-${out.length}`);
    fs.mkdirSync(shadow, { recursive: true });
    for (const entry of fs.readdirSync(dir)) {
      if (entry === name) continue;
      try {
        fs.symlinkSync(path.join(dir, entry), path.join(shadow, entry));
      } catch {
        // unreadable entry: skip
      }
    }
    out.push(shadow);
  }
  return out.join(path.delimiter);
}

// ------------------------------------------------------------------- bundling ---
/**
 * Bundle re-exports from src/ (`{ 'src/lint.ts': ['lintDockerfile'] }`) into one ESM file with
 * esbuild, with the settings scripts/build.mjs uses for dist/: what is timed is the shipped code.
 */
export async function bundleSources(exportsBySource, outfile) {
  const { build } = await import('esbuild');
  const contents = Object.entries(exportsBySource)
    .map(([file, names]) => `export { ${names.join(', ')} } from './${file}';`)
    .join('\n');
  await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'error',
    banner: { js: "import { createRequire as __egCreateRequire } from 'node:module'; const require = __egCreateRequire(import.meta.url);" },
  });
  return outfile;
}

// ----------------------------------------------------------------- formatting ---
export function fmtMs(ms) {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  if (ms < 10_000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function fmtRatio(x) {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : '-';
}

/** Plain-text table: rows of cells, the first row is the header. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function log(msg) {
  process.stderr.write(`bench: ${msg}\n`);
}
