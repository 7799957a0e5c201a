// The built CLI (dist/cli.js) as a user runs it: JSON output, exit codes, bad input.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from './helpers.js';
import { parseJsonReport } from './report-schema.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  version: number;
  dockerfile: string;
  findings: Array<{ rule: string; severity: string; message: string; fix: string; file: string; line: number; endLine: number; column: number }>;
  platforms: unknown[];
}

describe('CLI', () => {
  it('reports the bundled broken example as JSON and exits 1', () => {
    const r = cli(['--static', '--format', 'json', 'examples/node-api/Dockerfile']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(1);
    const [report] = parseJsonReport<JsonReport>(r.stdout) as [JsonReport];
    expect(report.version).toBe(1);
    expect(report.dockerfile).toBe('examples/node-api/Dockerfile');
    expect(report.platforms).toEqual([]);
    const entry = report.findings.find((f) => f.rule === 'shell-form-entrypoint');
    expect(entry).toMatchObject({ severity: 'error', file: 'examples/node-api/Dockerfile', line: 13, column: 1 });
    for (const f of report.findings) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.fix.length).toBeGreaterThan(5);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.endLine).toBeGreaterThanOrEqual(f.line);
    }
    // The wrapper script is analysed too, at its own lines.
    expect(report.findings.some((f) => f.file === 'examples/node-api/docker-entrypoint.sh')).toBe(true);
  });

  it('passes the fixed example with no errors or warnings', () => {
    const r = cli(['--static', '--format', 'json', 'examples/node-api-fixed/Dockerfile']);
    expect(r.code).toBe(0);
    const [report] = parseJsonReport<JsonReport>(r.stdout) as [JsonReport];
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('gates on --fail-on and honours --ignore', () => {
    expect(cli(['--static', '--fail-on', 'never', 'examples/node-api/Dockerfile']).code).toBe(0);
    const ctx = makeContext({ Dockerfile: 'FROM node:22\nWORKDIR /app\nCMD npm start\n' });
    const warn = cli(['--static', '--format', 'json', '--fail-on', 'warning', 'Dockerfile'], { cwd: ctx });
    const findings = parseJsonReport<JsonReport>(warn.stdout)[0]!.findings;
    expect(findings.some((f) => f.severity === 'warning')).toBe(true);
    expect(findings.some((f) => f.severity === 'error')).toBe(false);
    expect(warn.code).toBe(1);
    expect(cli(['--static', '--fail-on', 'error', 'Dockerfile'], { cwd: ctx }).code).toBe(0);
    const ids = [...new Set(findings.map((f) => f.rule))].join(',');
    const ignored = cli(['--static', '--format', 'json', '--fail-on', 'info', '--ignore', ids, 'Dockerfile'], { cwd: ctx });
    expect(parseJsonReport<JsonReport>(ignored.stdout)[0]!.findings).toEqual([]);
    expect(ignored.code).toBe(0);
  });

  it('writes the report to --output and prints text for people by default', () => {
    const ctx = makeContext({ Dockerfile: 'FROM debian:bookworm-slim\nENTRYPOINT /app/run\n' });
    const text = cli(['--static', 'Dockerfile'], { cwd: ctx });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Dockerfile$/m);
    expect(text.stdout).toMatch(/2:1\s+error\s+shell-form-entrypoint/);
    expect(text.stdout).toMatch(/fix \[--fix\]: /);
    expect(text.stdout).toMatch(/FAIL: 1 error/);
    const out = cli(['--static', '--format', 'json', '--output', 'report.json', 'Dockerfile'], { cwd: ctx });
    expect(out.stdout).toBe('');
    const [report] = parseJsonReport<JsonReport>(fs.readFileSync(path.join(ctx, 'report.json'), 'utf8')) as [JsonReport];
    expect(report.findings.map((f) => f.rule)).toContain('shell-form-entrypoint');
  });

  it('says once that runtime checks were skipped when no engine answers', () => {
    const ctx = makeContext({ Dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/bin/true"]\n' });
    const r = cli(['--format', 'json', 'Dockerfile'], { cwd: ctx, env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/runtime checks (were )?skipped/i);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const [report] = parseJsonReport(r.stdout);
    expect(report!.platforms).toEqual([]);
    expect(report!.checks).toEqual({ static: { ran: true }, runtime: { ran: false, reason: expect.stringMatching(/^no Docker engine answered/) } });
  });

  it('fails in one line when the runtime checks are required and no engine answers (--require-runtime)', () => {
    const ctx = makeContext({ Dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/bin/true"]\n' });
    const r = cli(['--require-runtime', '--format', 'json', 'Dockerfile'], { cwd: ctx, env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('note: '));
    expect(lines).toEqual([expect.stringMatching(/^entrypoint-guard: Dockerfile: runtime checks were required but skipped: no Docker engine answered/)]);
    expect(parseJsonReport(r.stdout)[0]!.checks!.runtime.ran).toBe(false);
    expect(cli(['--require-runtime', '--static', 'Dockerfile'], { cwd: ctx }).stderr).toBe('entrypoint-guard: --require-runtime asks for the runtime checks that --static turns off: give one of them\n');
  });

  it('checks several Dockerfiles and globs with excludes in one report, one exit code over all', () => {
    const good = 'FROM alpine:3.20\nENTRYPOINT ["/bin/true"]\n';
    const bad = 'FROM alpine:3.20\nENTRYPOINT /bin/true\n';
    const ctx = makeContext({ 'services/api/Dockerfile': good, 'services/web/Dockerfile': good, 'services/old/Dockerfile': bad, 'a/Dockerfile': good });
    const r = cli(['--static', '--fail-on', 'info', '--format', 'json', 'services/*/Dockerfile', '!services/old/*', 'a/Dockerfile'], { cwd: ctx });
    expect(r.code, r.stderr).toBe(0);
    expect(parseJsonReport(r.stdout).map((x) => x.dockerfile)).toEqual(['services/api/Dockerfile', 'services/web/Dockerfile', 'a/Dockerfile']);
    const all = cli(['--static', '--fail-on', 'info', '--format', 'json', 'services/*/Dockerfile', 'a/Dockerfile'], { cwd: ctx });
    expect(all.code).toBe(1);
    expect(parseJsonReport(all.stdout).find((x) => x.dockerfile === 'services/old/Dockerfile')!.findings.map((f) => f.rule)).toContain('shell-form-entrypoint');
    const text = cli(['--static', 'services/*/Dockerfile', 'a/Dockerfile'], { cwd: ctx });
    expect(text.stdout).toContain('services/old/Dockerfile');
    // A verdict on the lint alone says so.
    expect(text.stdout).toContain('note: lint only: the runtime checks (build, smoke run, shutdown probe) were not asked for (--static).');
    expect(cli(['--static', 'services/*/Dockerfile', 'nope/Dockerfile'], { cwd: ctx }).stderr).toMatch(/^entrypoint-guard: .*nope\/Dockerfile.*\n$/);
    expect(cli(['--static', 'nothing/*/Dockerfile'], { cwd: ctx }).stderr).toMatch(/matches no file/);
  });

  describe('bad input: one clear line, exit 2, no stack trace', () => {
    const cases: Array<[string, Record<string, string | Buffer>, string[], RegExp]> = [
      ['a missing file', {}, ['nope/Dockerfile'], /does not exist/],
      ['a directory', { 'dir/x': 'x' }, ['dir'], /is a directory/],
      ['an empty file', { Dockerfile: '' }, ['Dockerfile'], /is empty/],
      ['a binary file', { Dockerfile: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]) }, ['Dockerfile'], /binary/],
      ['non-UTF-8 bytes', { Dockerfile: Buffer.from('FROM alpine\nCMD ["caf\xe9"]\n', 'latin1') }, ['Dockerfile'], /not valid UTF-8/],
      ['no FROM', { Dockerfile: '# nothing here\nRUN echo hi\n' }, ['Dockerfile'], /FROM/],
      ['an unknown instruction', { Dockerfile: 'FROM alpine\nRUNN echo hi\n' }, ['Dockerfile'], /unknown instruction "RUNN"/],
      ['an unknown flag', { Dockerfile: 'FROM alpine\n' }, ['--frobnicate', 'Dockerfile'], /--frobnicate/],
      ['a bad --fail-on', { Dockerfile: 'FROM alpine\n' }, ['--fail-on', 'fatal', 'Dockerfile'], /fail-on/],
      ['a bad --platforms', { Dockerfile: 'FROM alpine\n' }, ['--platforms', 'arm64', 'Dockerfile'], /os\/arch/],
      ['a bad --build-arg', { Dockerfile: 'FROM alpine\n' }, ['--build-arg', 'NOVALUE', 'Dockerfile'], /KEY=VALUE/],
      ['a missing second Dockerfile', { Dockerfile: 'FROM alpine\n' }, ['Dockerfile', 'nope/Dockerfile'], /nope\/Dockerfile/],
      ['--image with two Dockerfiles', { Dockerfile: 'FROM alpine\n', 'b/Dockerfile': 'FROM alpine\n' }, ['--image', 'app:dev', 'Dockerfile', 'b/Dockerfile'], /--image takes at most one DOCKERFILE/],
    ];
    for (const [name, files, args, message] of cases) {
      it(name, () => {
        const ctx = makeContext(files);
        const r = cli(['--static', ...args], { cwd: ctx });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        const lines = r.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^entrypoint-guard: /);
        expect(lines[0]).toMatch(message);
      });
    }

    it('an unreadable wrapper script', () => {
      const ctx = makeContext({
        Dockerfile: 'FROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
        'entrypoint.sh': Buffer.from('#!/bin/sh\necho caf\xe9\nexec "$@"\n', 'latin1'),
      });
      const r = cli(['--static', 'Dockerfile'], { cwd: ctx });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/entrypoint\.sh/);
    });
  });

  it('prints help and version', () => {
    expect(cli(['--help']).stdout).toMatch(/Usage: entrypoint-guard/);
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
