// --fix, --fix-dry-run and --fix-unsafe on the built CLI (dist/cli.js), and how the reports
// mark fixable findings (text, JSON against its schema, rdjson suggestions).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import { workdir } from './fix-helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, '--static', '--progress', 'quiet', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// 0xEDU/ft_transcendence@3ae710ea: set -e and exec to add, the rest of the project untouched.
const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

describe('--fix-dry-run', () => {
  it('prints the diff on standard output, exits 1, and changes nothing', () => {
    const dir = workdir('ft-transcendence');
    const before = read(dir, 'docker-entrypoint.sh');
    const r = cli(['--fix-dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^--- a\/docker-entrypoint\.sh\n\+\+\+ b\/docker-entrypoint\.sh\n@@ -1,5 \+1,6 @@\n #!\/bin\/sh\n\+set -e\n/);
    expect(r.stdout).toContain('\n-python manage.py runserver_plus --cert-file cert.pem --key-file key.pem 0.0.0.0:8000\n+exec python manage.py runserver_plus');
    expect(r.stderr).toBe('entrypoint-guard: 2 fixes would be applied (wrapper-missing-exec 1, wrapper-no-errexit 1)\n');
    expect(read(dir, 'docker-entrypoint.sh')).toBe(before);
  });

  it('exits 0 with nothing on standard output when nothing is fixable', () => {
    const dir = workdir({ Dockerfile: 'FROM node:22-bookworm-slim\nCOPY server.js /app/\nCMD ["node", "/app/server.js"]\n', 'server.js': '\n' });
    const r = cli(['--fix-dry-run'], dir);
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('--fix', () => {
  it('writes the fixes, prints the diff on standard error, reports what is left, and a second run changes nothing', () => {
    const dir = workdir('ft-transcendence');
    const r = cli(['--fix', '--format', 'json'], dir);
    expect(r.stderr).toContain('+exec python manage.py runserver_plus');
    expect(r.stderr).toMatch(/entrypoint-guard: 2 fixes applied \(wrapper-missing-exec 1, wrapper-no-errexit 1\)\n$/);
    const [report] = parseJsonReport<{ findings: { rule: string }[] }>(r.stdout);
    expect(report!.findings.map((f) => f.rule)).not.toContain('wrapper-missing-exec');
    expect(r.code).toBe(0);
    expect(read(dir, 'docker-entrypoint.sh').split('\n').slice(0, 2)).toEqual(['#!/bin/sh', 'set -e']);
    const again = cli(['--fix-dry-run'], dir);
    expect(again).toMatchObject({ code: 0, stdout: '' });
  });

  it('keeps out the fixes of rules the config file turns off', () => {
    const dir = workdir('ft-transcendence');
    fs.writeFileSync(path.join(dir, '.entrypoint-guard.yml'), 'rules:\n  wrapper-no-errexit: off\n');
    const r = cli(['--fix'], dir);
    expect(r.stderr).toMatch(/1 fix applied \(wrapper-missing-exec 1\)/);
    expect(read(dir, 'docker-entrypoint.sh')).not.toContain('set -e');
  });

  it('bad combinations are one line and exit 2', () => {
    const dir = workdir('ft-transcendence');
    const both = cli(['--fix', '--fix-dry-run'], dir);
    expect(both).toMatchObject({ code: 2, stdout: '', stderr: 'entrypoint-guard: --fix writes the fixes and --fix-dry-run only prints them: give one of them\n' });
    const image = spawnSync(process.execPath, [CLI, '--fix', '--image', 'eg-none:latest'], { cwd: dir, encoding: 'utf8' });
    expect(image.status).toBe(2);
    expect(image.stderr).toBe('entrypoint-guard: --fix edits a Dockerfile and its scripts, so it cannot be combined with --image\n');
  });
});

describe('reports mark fixable findings', () => {
  const dockerfile = 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT node server.js\nCMD ["--port", "8080"]\n';

  it('text: which flag applies each fix, and a closing count', () => {
    const dir = workdir('ft-transcendence');
    const r = cli([], dir);
    expect(r.stdout).toContain('fix [--fix]: Start it with `exec python manage.py');
    expect(r.stdout).toMatch(/\n2 findings can be fixed with --fix\.\n/);
    const unsafe = workdir({ Dockerfile: dockerfile, 'server.js': '\n' });
    expect(cli(['--fail-on', 'never'], unsafe).stdout).toMatch(/fix \[--fix-unsafe\]: Use exec form[^\n]*\n[\s\S]*1 finding can be fixed with --fix-unsafe\./);
  });

  it('JSON: autofix {safe, edits} validates against the schema', () => {
    const dir = workdir({ Dockerfile: dockerfile, 'server.js': '\n' });
    const r = cli(['--format', 'json', '--fail-on', 'never'], dir);
    const [report] = parseJsonReport<{ findings: { rule: string; autofix?: unknown }[] }>(r.stdout);
    expect(report!.findings.find((f) => f.rule === 'shell-form-entrypoint')!.autofix).toEqual({
      safe: false,
      edits: [{ file: 'Dockerfile', line: 4, column: 1, endLine: 4, endColumn: 26, text: 'ENTRYPOINT ["node", "server.js"]' }],
    });
  });

  it('rdjson: the safe fixes as suggestions on the diagnostic', () => {
    const dir = workdir('ft-transcendence');
    const r = cli(['--format', 'rdjson'], dir);
    const diagnostics = JSON.parse(r.stdout).diagnostics as { code: { value: string }; suggestions?: unknown[] }[];
    expect(diagnostics.find((d) => d.code.value === 'wrapper-missing-exec')!.suggestions).toEqual([{ range: { start: { line: 12, column: 1 }, end: { line: 12, column: 1 } }, text: 'exec ' }]);
    expect(diagnostics.find((d) => d.code.value === 'wrapper-no-errexit')!.suggestions).toEqual([{ range: { start: { line: 2, column: 1 }, end: { line: 2, column: 1 } }, text: 'set -e\n' }]);
  });
});
