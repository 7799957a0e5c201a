// Fuzz harness: seeded fast-check runs with a per-case time bound, a watchdog that turns a
// real hang (an infinite loop blocks the test thread, so no timer there can fire) into a
// killed worker plus a reproducer on disk, and the invariants every finding must satisfy.
//
// Reproduce a failure: fast-check prints `seed` and `path`; run
//   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run test/fuzz/<file>
// FUZZ_RUNS sets the number of cases per property (CI default below; `npm run fuzz` = 10,000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { Finding } from '../../src/findings.js';
import { allRules } from '../../src/rules/registry.js';

/** Cases per property: small in CI so the suite stays fast; `npm run fuzz` sets 10,000. */
export const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 300) || 300);
/** vitest's timeout for one fuzz test: generous, since it scales with RUNS (and a loaded CI machine). */
export const FUZZ_TIMEOUT = Math.max(120_000, RUNS * 100);
/** A single case may take this long; anything slower is a super-linear path worth fixing. */
export const CASE_LIMIT_MS = 2_000;
/** No progress for this long: the thread is stuck (an infinite loop), the watchdog kills it. */
const HANG_LIMIT_MS = 30_000;
/** How long fast-check may spend shrinking a failure. */
const SHRINK_BUDGET_MS = 20_000;

function hashSeed(name: string): number {
  let h = 0x5eed;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** fast-check parameters: a fixed seed per property (reproducible CI), overridable by FUZZ_SEED / FUZZ_PATH. */
export function fuzzParams(name: string, runs = RUNS): fc.Parameters<unknown> {
  const envSeed = process.env.FUZZ_SEED;
  const seed = envSeed === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : envSeed !== undefined ? Number(envSeed) : hashSeed(name);
  const params: fc.Parameters<unknown> = { seed, numRuns: runs, endOnFailure: false };
  if (process.env.FUZZ_PATH) params.path = process.env.FUZZ_PATH;
  return params;
}

// ---- watchdog -------------------------------------------------------------------------

const SHARED_INPUT_BYTES = 1 << 20;
const shared = new SharedArrayBuffer(16 + SHARED_INPUT_BYTES);
const state = new Int32Array(shared, 0, 4); // [case counter, active, input length, unused]
const inputBytes = new Uint8Array(shared, 16);
let watchdog: Worker | undefined;
let currentName = '';

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { shared, limitMs, reproDir } = workerData;
const state = new Int32Array(shared, 0, 4);
const input = new Uint8Array(shared, 16);
let last = -1, since = Date.now(), name = '';
require('node:worker_threads').parentPort.on('message', (m) => { name = m; });
setInterval(() => {
  const n = Atomics.load(state, 0);
  if (n !== last || Atomics.load(state, 1) === 0) { last = n; since = Date.now(); return; }
  if (Date.now() - since < limitMs) return;
  const file = reproDir + '/eg-fuzz-hang-' + process.pid + '-' + Date.now() + '.txt';
  const len = Atomics.load(state, 2);
  fs.writeFileSync(file, Buffer.from(input.slice(0, len)));
  fs.writeSync(2, '\\nFUZZ HANG: property "' + name + '" case #' + n + ' made no progress for ' + limitMs + ' ms; input written to ' + file + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, 250);
`;

function startWatchdog(): void {
  if (watchdog) return;
  watchdog = new Worker(WATCHDOG, { eval: true, workerData: { shared, limitMs: HANG_LIMIT_MS, reproDir: os.tmpdir() } });
  watchdog.unref();
}

afterAll(async () => {
  await watchdog?.terminate();
  watchdog = undefined;
});

const encoder = new TextEncoder();

/** Mark the start of one case: the watchdog sees progress and keeps the input for a reproducer. */
function beginCase(describeInput: () => string): void {
  Atomics.add(state, 0, 1);
  const { written } = encoder.encodeInto(describeInput().slice(0, SHARED_INPUT_BYTES / 3), inputBytes);
  Atomics.store(state, 2, written ?? 0);
}

/**
 * Assert a property: every case runs under the watchdog and must finish within `limitMs` (CASE_LIMIT_MS).
 * `describeInput` renders a case for the hang reproducer.
 */
export function fuzz<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  body: (value: T) => void,
  options: { runs?: number; describeInput?: (value: T) => string; limitMs?: number } = {},
): void {
  const limitMs = options.limitMs ?? CASE_LIMIT_MS;
  startWatchdog();
  currentName = name;
  watchdog!.postMessage(currentName);
  const describeInput = options.describeInput ?? ((v: T) => JSON.stringify(v));
  // Shrinking re-runs the body on smaller candidates; bound it so a slow failure still reports
  // promptly. Past the budget every candidate "passes", which ends shrinking at the smallest
  // failing case found so far (fast-check reports that one).
  let firstFailure: number | undefined;
  // The closing note: the slowest case (our own time, in-process) and the worker's peak memory.
  let cases = 0;
  let slowest = { ms: 0, input: '' };
  Atomics.store(state, 1, 1);
  try {
    fc.assert(
      fc.property(arb, (value) => {
        if (firstFailure !== undefined && performance.now() - firstFailure > SHRINK_BUDGET_MS) return;
        beginCase(() => describeInput(value));
        const start = performance.now();
        try {
          body(value);
          const ms = performance.now() - start;
          cases++;
          if (ms > slowest.ms) slowest = { ms, input: describeInput(value) };
          if (ms > limitMs) throw new Error(`one case took ${Math.round(ms)} ms (limit ${limitMs} ms)`);
        } catch (err) {
          firstFailure ??= performance.now();
          throw err;
        }
      }),
      fuzzParams(name, options.runs) as fc.Parameters<[T]>,
    );
  } finally {
    Atomics.store(state, 1, 0);
    const shown = slowest.input.length > 160 ? `${slowest.input.slice(0, 160)}… (${slowest.input.length} chars)` : slowest.input;
    console.info(`fuzz ${name}: ${cases} cases; slowest ${Math.round(slowest.ms)} ms: ${shown}; peak RSS of this worker ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  }
}

/** Run `fn`; an InputError (one clear sentence for bad input) is an accepted outcome, anything else is a bug. */
export function acceptInputError<R>(fn: () => R): R | InputError {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError) {
      // The sentence reaches users as one line on stderr.
      if (err.message.includes('\n') || err.message.trim() === '') throw new Error(`InputError message is not one line: ${JSON.stringify(err.message)}`);
      return err;
    }
    throw err;
  }
}

// ---- invariants -----------------------------------------------------------------------

/** Lines of a file as an editor (and GitHub) counts them: `\n` separates lines, a BOM is not a line. */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const KNOWN_IDS = new Set(allRules.map((r) => r.id));

/**
 * Every finding names one of the inputs, and its range lies inside that file:
 * 1 <= line <= endLine <= lines(file), column >= 1; known rule id and severity; non-empty message and fix.
 */
export function checkFindings(findings: Finding[], files: Map<string, string>): void {
  for (const f of findings) {
    const where = `${f.rule} at ${f.file}:${f.line}-${f.endLine}`;
    const text = files.get(f.file);
    expect(text, `${where}: file is not one of the inputs (${[...files.keys()].join(', ')})`).toBeDefined();
    const lines = lineCount(text!);
    expect(Number.isInteger(f.line) && f.line >= 1, `${where}: line must be an integer >= 1`).toBe(true);
    expect(Number.isInteger(f.endLine) && f.endLine >= f.line, `${where}: endLine must be >= line`).toBe(true);
    expect(f.endLine <= lines, `${where}: endLine beyond the file's ${lines} lines`).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1, `${where}: column must be an integer >= 1`).toBe(true);
    expect(KNOWN_IDS.has(f.rule) || /^shellcheck\/SC\d+$/.test(f.rule), `${where}: unknown rule id`).toBe(true);
    expect(['error', 'warning', 'info'], `${where}: severity`).toContain(f.severity);
    expect(typeof f.message === 'string' && f.message.trim() !== '', `${where}: empty message`).toBe(true);
    expect(typeof f.fix === 'string' && f.fix.trim() !== '', `${where}: empty fix`).toBe(true);
  }
}

/** A scratch folder reused across the cases of one test file (cleared per case). */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
