// Programs the tool starts get an allow-listed environment: a fake `shellcheck` and `git` on
// PATH record what they see, with the runner's credentials set in the tool's own environment.
// ShellCheck runs share one deadline: slow scripts end in a note, not a hang.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintResult } from '../helpers.js';
import { runShellcheck } from '../../src/rules/wrapper/shellcheck.js';
import { runCli, tempDir, writeFiles } from './run.js';

const TOKEN = 'ghs_childEnvTestToken0123456789abcdefABCD';
const DOCKERFILE = 'FROM alpine:3.20\nCOPY --chmod=755 entrypoint.sh /entrypoint.sh\nCOPY lib.sh /opt/lib.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["app"]\n';
const SCRIPTS = { 'entrypoint.sh': '#!/bin/sh\nset -e\n. /opt/lib.sh\nexec "$@"\n', 'lib.sh': 'greet() { echo hi; }\n' };

/** A program that writes its environment (one file per call) under `dumps`, then behaves as ShellCheck (empty result) or runs the real one. */
function fakeBin(dir: string, name: string, dumps: string, body: string): void {
  fs.writeFileSync(path.join(dir, name), `#!/bin/sh\nenv > "${dumps}/${name}.$$"\n${body}\n`, { mode: 0o755 });
}

describe('children of the tool', () => {
  it("a fake shellcheck and git on PATH see no token, no INPUT_* and no ACTIONS_* variable", async () => {
    const bin = tempDir('eg-bin-');
    const dumps = tempDir('eg-dumps-');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    fakeBin(bin, 'shellcheck', dumps, 'case "$1" in --version) echo "version: 0.10.0";; *) cat >/dev/null; echo \'{"comments":[]}\';; esac');
    fakeBin(bin, 'git', dumps, `exec "${realGit}" "$@"`);
    const dir = writeFiles(tempDir(), { Dockerfile: DOCKERFILE, ...SCRIPTS });
    execFileSync(realGit, ['init', '-q', dir]);
    execFileSync(realGit, ['-C', dir, 'add', '.']);
    const r = await runCli(['--static', '--format', 'json', 'Dockerfile'], {
      cwd: dir,
      env: { PATH: `${bin}:${process.env.PATH}`, 'INPUT_GITHUB-TOKEN': TOKEN, GITHUB_TOKEN: TOKEN, ACTIONS_RUNTIME_TOKEN: TOKEN, EG_UNRELATED_SECRET: TOKEN },
    });
    expect([0, 1], r.stderr).toContain(r.code);
    const seen = fs.readdirSync(dumps);
    expect(seen.some((f) => f.startsWith('shellcheck.')), `calls: ${seen.join(', ')}`).toBe(true);
    expect(seen.some((f) => f.startsWith('git.')), `calls: ${seen.join(', ')}`).toBe(true);
    for (const f of seen) {
      const env = fs.readFileSync(path.join(dumps, f), 'utf8');
      expect(env, f).not.toContain(TOKEN);
      expect(env, f).not.toMatch(/^(INPUT_|ACTIONS_|GITHUB_TOKEN)/m);
      expect(env, f).toMatch(/^PATH=/m);
    }
  });

  it('ShellCheck runs share one deadline: slow scripts become a note naming them, within the budget', () => {
    const bin = tempDir('eg-bin-');
    const dumps = tempDir('eg-dumps-');
    fakeBin(bin, 'shellcheck', dumps, 'case "$1" in --version) echo "version: 0.10.0";; --shell=*) cat >/dev/null; echo \'{"comments":[]}\';; *) cat >/dev/null; exec sleep 3;; esac');
    const { model } = lintResult(DOCKERFILE, SCRIPTS);
    const started = Date.now();
    const result = runShellcheck(model, { binary: path.join(bin, 'shellcheck'), totalMs: 1_000 });
    const ms = Date.now() - started;
    expect(ms).toBeLessThan(2_900);
    expect(result.note).toMatch(/ShellCheck did not finish on entrypoint\.sh, lib\.sh within its time limit/);
  });
});
