// The built CLI with a config file and --filter-mode/--diff on a real git repository.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonReport } from './report-schema.js';
import { makeContext } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist/cli.js');
const GIT_ENV = { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

function cli(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, '--static', ...args], { cwd, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: cwd }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const rules = (stdout: string) => parseJsonReport(stdout).flatMap((r) => r.findings).map((f) => `${f.rule}:${f.severity}:${f.line}`).sort();

/** A repository whose base commit has a clean Dockerfile at svc/; the work tree adds a shell-form ENTRYPOINT on line 4. */
function repoWithChange(): { root: string; diff: string } {
  const root = makeContext({ 'svc/Dockerfile': 'FROM node:22\nWORKDIR /app\nCMD npm start\n' });
  const git = (...a: string[]) => execFileSync('git', ['-C', root, ...a], { encoding: 'utf8', env: { ...GIT_ENV, HOME: root } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  fs.appendFileSync(path.join(root, 'svc/Dockerfile'), 'ENTRYPOINT node server.js\n');
  return { root, diff: git('diff') };
}

describe('CLI config file', () => {
  it('finds .entrypoint-guard.yml at the git root, overrides severities and gates on them', () => {
    const { root } = repoWithChange();
    const cwd = path.join(root, 'svc');
    expect(cli(['--format', 'json', 'Dockerfile'], cwd).code).toBe(1);
    fs.writeFileSync(path.join(root, '.entrypoint-guard.yml'), 'rules:\n  shell-form-entrypoint: info\n  cmd-ignored: off\n');
    const r = cli(['--format', 'json', 'Dockerfile'], cwd);
    expect(r.code).toBe(0);
    expect(rules(r.stdout)).toEqual(['shell-form-entrypoint:info:4']);
    expect(r.stderr).toBe('note: 1 finding not reported or counted: 1 ignored or turned off by ../.entrypoint-guard.yml.\n');
    // Flag > config: the file says fail-on never, the flag says info.
    fs.writeFileSync(path.join(root, '.entrypoint-guard.yml'), 'fail-on: never\n');
    expect(cli(['Dockerfile'], cwd).code).toBe(0);
    expect(cli(['--fail-on', 'info', 'Dockerfile'], cwd).code).toBe(1);
  });

  it('per-path fail-on: never passes a path it covers and not another', () => {
    const { root } = repoWithChange();
    fs.writeFileSync(path.join(root, '.entrypoint-guard.yml'), 'paths:\n  "legacy/**": {fail-on: never}\n');
    expect(cli(['svc/Dockerfile'], root).code).toBe(1);
    fs.writeFileSync(path.join(root, '.entrypoint-guard.yml'), 'paths:\n  "svc/**": {fail-on: never}\n');
    const r = cli(['svc/Dockerfile'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shell-form-entrypoint');
  });

  it('bad config: one line naming the key and the file, exit 2', () => {
    const dir = makeContext({ Dockerfile: 'FROM node:22\nCMD ["node", "s.js"]\n', 'eg.yml': 'grace-period: soon\n' });
    const r = cli(['--config', 'eg.yml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('entrypoint-guard: eg.yml: grace-period must be a number of seconds between 0 and 3600 (got "soon")\n');
    const missing = cli(['--config', 'nope.yml'], dir);
    expect([missing.code, missing.stderr]).toEqual([2, 'entrypoint-guard: config file nope.yml does not exist\n']);
  });
});

describe('CLI --filter-mode with a real git diff', () => {
  it('added: reports and gates only findings on the added lines', () => {
    const { root, diff } = repoWithChange();
    const all = cli(['--format', 'json', 'svc/Dockerfile'], root);
    expect(rules(all.stdout)).toEqual(['cmd-ignored:warning:3', 'shell-form-entrypoint:error:4']);
    const added = cli(['--format', 'json', '--filter-mode', 'added', '--diff', '-', 'svc/Dockerfile'], root, diff);
    expect(added.code).toBe(1);
    expect(rules(added.stdout)).toEqual(['shell-form-entrypoint:error:4']);
    expect(added.stderr).toBe('note: 1 finding not reported or counted: 1 outside the diff (filter-mode: added).\n');
  });

  it('file: the gate passes when the change is elsewhere', () => {
    const { root } = repoWithChange();
    const elsewhere = 'diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-old\n+new\n';
    fs.writeFileSync(path.join(root, 'pr.diff'), elsewhere);
    const r = cli(['--filter-mode', 'file', '--diff', 'pr.diff', 'svc/Dockerfile'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: 2 findings not reported or counted: 2 outside the diff (filter-mode: file).');
  });

  it('bad use: one line, exit 2', () => {
    const { root } = repoWithChange();
    const noDiff = cli(['--filter-mode', 'added', 'svc/Dockerfile'], root);
    expect(noDiff.code).toBe(2);
    expect(noDiff.stderr).toMatch(/^entrypoint-guard: --filter-mode added needs --diff FILE, or --diff - to read it from standard input .*\n$/);
    const notDiff = cli(['--filter-mode', 'added', '--diff', '-', 'svc/Dockerfile'], root, 'hello\n');
    expect(notDiff.stderr).toBe('entrypoint-guard: --diff - (standard input) is not a unified diff: it has no file header (`diff --git`, or `---`/`+++` lines)\n');
    expect(cli(['--filter-mode', 'sometimes', 'svc/Dockerfile'], root).stderr).toBe('entrypoint-guard: --filter-mode must be one of added, diff_context, file, nofilter (got "sometimes")\n');
  });
});
