// Running the built CLI (dist/cli.js) as a user would, on hostile input: exit code, output,
// wall time and the child's peak memory (GNU time's %M when /usr/bin/time exists).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { parseJsonReport } from '../report-schema.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
const GNU_TIME = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : undefined;

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp folder removed after the file's tests. */
export function tempDir(prefix = 'eg-hostile-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Write files (relative path -> content) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): string {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the CLI process in MB (undefined without GNU time). */
  maxRssMb?: number;
}

/** The environment a CI job gives the tool: PATH, HOME and the docker client's variables, nothing else. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };
  for (const k of ['DOCKER_HOST', 'DOCKER_CONFIG', 'TMPDIR']) if (process.env[k]) env[k] = process.env[k]!;
  return { ...env, ...extra };
}

/** Run `node dist/cli.js …` to completion (asynchronously, so concurrent tests keep running). */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<CliRun> {
  const rssFile = GNU_TIME ? path.join(tempDir('eg-rss-'), 'rss') : undefined;
  const argv = GNU_TIME ? [GNU_TIME, '-f', '%M', '-o', rssFile!, process.execPath, CLI, ...args] : [process.execPath, CLI, ...args];
  const start = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('close', (c, s) => {
      clearTimeout(timer);
      resolve([c, s]);
    });
  });
  const ms = performance.now() - start;
  let maxRssMb: number | undefined;
  if (rssFile) {
    const kb = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb) && kb > 0) maxRssMb = Math.round(kb / 1024);
  }
  return { code, signal, stdout, stderr, ms, maxRssMb };
}

/** Exit 2 with exactly one clear line on stderr (matching `pattern`), no stack trace, nothing on stdout. */
export function expectCleanError(r: CliRun, pattern: RegExp): void {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at |^\s+at /m);
  expect(r.stderr, 'not an internal error').not.toMatch(/internal error/);
  expect(lines, `one line on stderr, got:\n${r.stderr}`).toHaveLength(1);
  expect(lines[0]).toMatch(/^entrypoint-guard: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
}

/** A normal result: exit 0 or 1 and a JSON report on stdout; no stack trace, no internal error. */
export function expectReport(r: CliRun): { findings: Array<{ rule: string; file: string; line: number; endLine: number; message: string }>; platforms: unknown[] } {
  expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at |^\s+at /m);
  expect(r.stderr, 'not an internal error').not.toMatch(/internal error/);
  expect([0, 1], `exit code (stderr: ${r.stderr})`).toContain(r.code);
  return parseJsonReport<ReturnType<typeof expectReport>>(r.stdout)[0]!;
}
