// What the tool writes: --output only ever replaces a regular file (atomically) and refuses a
// device, FIFO or folder in one line, leaving it as it was; text output never carries raw
// control characters from inputs; 130k findings render in every format and merge.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/findings.js';
import { mergeReports } from '../../src/matrix/merge.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { summaryMarkdown } from '../../src/github/summary.js';
import { expectCleanError, runCli, tempDir, writeFiles } from './run.js';

const GOOD = 'FROM alpine:3.20\nCMD ["node", "server.js"]\n';
const isRoot = process.getuid?.() === 0;

describe('--output writes only regular files', () => {
  it('refuses a FIFO, which stays a FIFO (and nothing blocks on it)', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: GOOD });
    const fifo = path.join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    expectCleanError(await runCli(['--static', '--output', 'report.fifo', 'Dockerfile'], { cwd: dir, timeoutMs: 20_000 }), /cannot write the report to report\.fifo: it is a FIFO, not a regular file/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it.skipIf(!isRoot)('refuses a character device, which stays a device', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: GOOD });
    // A private node for /dev/null's device (1, 3): a regression cannot touch the machine's own /dev.
    const dev = path.join(dir, 'null-device');
    execFileSync('mknod', [dev, 'c', '1', '3']);
    expectCleanError(await runCli(['--static', '--output', dev, 'Dockerfile'], { cwd: dir }), /it is a character device, not a regular file/);
    expect(fs.statSync(dev).isCharacterDevice()).toBe(true);
    expect(fs.statSync(dev).rdev).toBe(fs.statSync('/dev/null').rdev);
  });

  it('refuses a folder and a missing parent folder (created by nobody)', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: GOOD, 'out/keep': 'x' });
    expectCleanError(await runCli(['--static', '--output', 'out', 'Dockerfile'], { cwd: dir }), /it is a directory, not a regular file/);
    expectCleanError(await runCli(['--static', '--output', 'missing/deeper/r.txt', 'Dockerfile'], { cwd: dir }), /the folder .*missing\/deeper does not exist/);
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('replaces a regular file whole, and through a symlink replaces the file it points to', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: GOOD, 'old.json': 'old', 'real.json': 'old' });
    fs.symlinkSync('real.json', path.join(dir, 'link.json'));
    for (const target of ['old.json', 'link.json']) {
      const r = await runCli(['--static', '--format', 'json', '--output', target, 'Dockerfile'], { cwd: dir });
      expect([0, 1], r.stderr).toContain(r.code);
    }
    // The JSON report is an array, one entry per Dockerfile.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'old.json'), 'utf8')).files[0].dockerfile).toBe('Dockerfile');
    expect(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'real.json'), 'utf8')).files[0].dockerfile).toBe('Dockerfile');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('control characters never reach a terminal raw', () => {
  /** OSC 52 (clipboard write), OSC 0 (window title), clear screen, a forged line, a bidi override. */
  const HOSTILE = '\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;pwned\x07\x1b[2J\r✔ PASS forged\u202e';

  it('ESC sequences in a Dockerfile are escaped in the text report (through the CLI)', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: `FROM alpine:3.20\nCMD npm start ${HOSTILE}\n` });
    const r = await runCli(['--static', 'Dockerfile'], { cwd: dir });
    expect(r.stdout).toMatch(/shell-form-cmd/);
    expect(r.stdout).toContain('\\x1b]52;c;');
    expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
  });

  it('with colour on, the only escape sequences are the report’s own SGR colours', () => {
    const finding: Finding = { rule: 'shell-form-cmd', severity: 'error', message: `m ${HOSTILE}`, fix: `f ${HOSTILE}`, file: `Docker${HOSTILE}file`, line: 1, endLine: 1, column: 1, platforms: [`linux/amd64${HOSTILE}`] };
    const report: Report = { version: 1, dockerfile: `D${HOSTILE}`, findings: [finding], platforms: [{ platform: `linux/amd64${HOSTILE}`, skipped: HOSTILE }], notes: [HOSTILE] };
    const text = formatText([report], 'error', true);
    expect(text.replace(/\x1b\[\d+m/g, '')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
  });
});

describe('130k findings', () => {
  const N = 130_000;
  const findings: Finding[] = Array.from({ length: N }, (_, i) => ({ rule: 'shell-form-cmd', severity: i % 3 === 0 ? 'error' : 'warning', message: `finding ${i}`, fix: 'fix it', file: 'Dockerfile', line: i + 1, endLine: i + 1, column: 1, ...(i % 2 ? { platforms: ['linux/amd64'] } : {}) }));
  const report: Report = { version: 1, dockerfile: 'Dockerfile', findings, platforms: [{ platform: 'linux/amd64', skipped: 'x' }], notes: [] };

  it('render as text, JSON, SARIF and the summary, and merge', () => {
    const text = formatText([report], 'error');
    expect(text.split('\n').filter((l) => l.includes('shell-form-cmd'))).toHaveLength(N);
    expect((JSON.parse(formatJson([report])) as { findings: unknown[] }).findings).toHaveLength(N);
    expect((JSON.parse(formatSarif([report])) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(N);
    expect(summaryMarkdown({ reports: [report], failOn: 'error', staticOnly: false })).toMatch(/shell-form-cmd/);
    const merged = mergeReports([{ ...report, plan: { platforms: ['linux/amd64'] } }, { ...report, plan: { platforms: ['linux/amd64'] } }]);
    expect(merged[0]!.findings).toHaveLength(N);
    expect(formatText(merged, 'error').split('\n').filter((l) => l.includes('shell-form-cmd'))).toHaveLength(N);
  }, 120_000);
});
