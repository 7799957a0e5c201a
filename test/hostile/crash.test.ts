// An uncaught exception mid-run takes the same exit path as a signal: the run's temp dirs (and
// containers, tags, docker calls) are removed, and the tool says one line and exits 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cliEnv, ROOT, tempDir } from './run.js';

describe('a crash mid-run', () => {
  it('cleans up and exits 2 with one line, no stack trace', async () => {
    const dir = tempDir('eg-crash-');
    const left = path.join(dir, 'run-temp');
    fs.mkdirSync(left);
    const entry = path.join(dir, 'crash.ts');
    // A run that registered a temp dir, then throws from a timer (no try/catch can see it).
    fs.writeFileSync(entry, `import { Cleanup } from ${JSON.stringify(path.join(ROOT, 'src/runtime/cleanup.ts'))};\nconst c = new Cleanup('eg-crash-test');\nc.dir(${JSON.stringify(left)});\nc.installSignalHandlers();\nsetTimeout(() => { throw new Error('boom in a callback'); }, 10);\nsetTimeout(() => {}, 60_000);\n`);
    const out = path.join(dir, 'crash.mjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent' });
    const r = spawnSync(process.execPath, [out], { env: cliEnv(), encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['entrypoint-guard: internal error: boom in a callback']);
    expect(fs.existsSync(left)).toBe(false);
  });
});
