// .pre-commit-hooks.yaml as pre-commit runs it: `pre-commit try-repo` (Debian's pre-commit,
// installed by .ci/setup-engine.sh) installs the hook repository as a node package and runs the
// static hook on a user repository's staged files. The hook repository is what `npm pack`
// ships plus the hooks file, in a git repository of its own, so no devDependency is fetched.
// Without pre-commit, the hook's declared entry and args are run as pre-commit would run them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-precommit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
  args?: string[];
  stages?: string[];
}
const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'eg', GIT_AUTHOR_EMAIL: 'eg@example.invalid', GIT_COMMITTER_NAME: 'eg', GIT_COMMITTER_EMAIL: 'eg@example.invalid', PRE_COMMIT_HOME: path.join(tmp, 'cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' });

const GOOD = 'FROM node:22-slim\nWORKDIR /app\nCOPY --chmod=755 docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n';
const WRAPPER_OK = '#!/bin/sh\nset -e\nexec "$@"\n';
const WRAPPER_BAD = '#!/bin/sh\nset -e\nnode server.js\n';

/** A user repository with a Dockerfile and its wrapper script, the given files staged. */
function userRepo(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text, { mode: 0o755 });
  }
  git(dir, 'add', '.');
  return dir;
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares a static hook and a full one, both on Dockerfiles and shell scripts, run over the Dockerfiles', () => {
    expect(hooks.map((h) => h.id)).toEqual(['entrypoint-guard-static', 'entrypoint-guard']);
    const [fast, full] = hooks as [Hook, Hook];
    expect(fast.entry).toBe('entrypoint-guard --static');
    expect(full.stages).toEqual(['manual']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      const files = new RegExp(h.files);
      for (const f of ['Dockerfile', 'services/api/Dockerfile', 'Dockerfile.prod', 'api.dockerfile', 'docker-entrypoint.sh', 'bin/start.sh']) expect(files.test(f), f).toBe(true);
      for (const f of ['README.md', 'src/index.ts', 'Dockerfiles/notes.txt']) expect(files.test(f), f).toBe(false);
    }
  });

  it.runIf(hasPreCommit)('runs through pre-commit try-repo: passes a good repository, fails on a wrapper without exec', () => {
    // The hook repository as npm installs it: the packed files, no devDependencies.
    const hookRepo = path.join(tmp, 'hook-repo');
    fs.mkdirSync(path.join(hookRepo, 'dist'), { recursive: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    delete pkg.devDependencies;
    delete pkg.scripts;
    fs.writeFileSync(path.join(hookRepo, 'package.json'), JSON.stringify(pkg, null, 2));
    for (const f of ['dist/cli.js', 'dist/package.json', 'dist/licenses.txt', '.pre-commit-hooks.yaml', 'LICENSE']) fs.copyFileSync(path.join(ROOT, f), path.join(hookRepo, f));
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '.');
    git(hookRepo, 'commit', '-q', '-m', 'hooks');

    const tryRepo = (cwd: string) => spawnSync('pre-commit', ['try-repo', hookRepo, 'entrypoint-guard-static'], { cwd, env: gitEnv, encoding: 'utf8', timeout: 240_000 });
    const good = userRepo('good', { Dockerfile: GOOD, 'docker-entrypoint.sh': WRAPPER_OK, 'README.md': '# app\n' });
    const ok = tryRepo(good);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/entrypoint-guard \(lint Dockerfiles and their start scripts\)\.+Passed/);

    // Only the script changed: the hook still runs, through the Dockerfile that starts it.
    const bad = userRepo('bad', { Dockerfile: GOOD, 'docker-entrypoint.sh': WRAPPER_OK });
    git(bad, 'commit', '-q', '-m', 'first');
    fs.writeFileSync(path.join(bad, 'docker-entrypoint.sh'), WRAPPER_BAD);
    git(bad, 'add', 'docker-entrypoint.sh');
    const failed = tryRepo(bad);
    expect(failed.status, failed.stdout + failed.stderr).toBe(1);
    expect(failed.stdout).toContain('wrapper-missing-exec');
    expect(failed.stdout).toMatch(/\.+Failed/);

    // Nothing it watches is staged: skipped, not run.
    const docs = userRepo('docs', { 'README.md': '# app\n' });
    expect(tryRepo(docs).stdout).toMatch(/\(no files to check\)Skipped/);
  }, 300_000);

  it.skipIf(hasPreCommit)("runs the static hook's declared command as pre-commit would (no pre-commit here)", () => {
    const hook = hooks[0]!;
    const [bin, ...entryArgs] = hook.entry.split(' ');
    expect(bin).toBe('entrypoint-guard');
    const run = (cwd: string) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...entryArgs, ...(hook.args ?? [])], { cwd, encoding: 'utf8', timeout: 60_000 });
    expect(run(userRepo('good-cmd', { Dockerfile: GOOD, 'docker-entrypoint.sh': WRAPPER_OK })).status).toBe(0);
    const bad = run(userRepo('bad-cmd', { Dockerfile: GOOD, 'docker-entrypoint.sh': WRAPPER_BAD }));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('wrapper-missing-exec');
  });
});
