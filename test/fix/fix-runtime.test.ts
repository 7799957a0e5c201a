// The proof of the two runtime fixes: the fixed Dockerfile builds on linux/amd64 and
// linux/arm64 (QEMU), the app (not a shell) is PID 1, and it exits on SIGTERM on its own.
// Fixtures: test/fixtures/real/node-shell-form (`CMD node server.js` on Debian: dash stays PID 1)
// and gunicorn-no-exec (the wrapper runs gunicorn as its child), as the runtime suite has them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../src/lint.js';
import { defaultOptions, type Options } from '../../src/options.js';
import { runRuntime } from '../../src/runtime/index.js';
import { withRuleMeta } from '../../src/runtime-findings.js';
import { basesAvailable, basesSkipReason } from '../runtime/bases.js';
import { leftoversAsync, PLATFORMS } from '../runtime/engine.js';
import { applyOnce, newFixSession, writeFixes } from '../../src/fix/run.js';
import { fixAt } from './fix-helpers.js';

const REAL = path.resolve(import.meta.dirname, '..', 'fixtures', 'real');
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const T = 900_000;

async function probe(dir: string, name: string) {
  const options: Options = { ...defaultOptions(dir), platforms: [...PLATFORMS], runId: `eg-fixrt-${name}-${process.pid}-${Date.now().toString(36)}` };
  const lint = lintDockerfile({ dockerfile: options.dockerfile, cwd: dir });
  const result = await runRuntime(lint.model, options, { staticFindings: lint.findings });
  expect(await leftoversAsync(options.runId!)).toEqual({ containers: [], images: [] });
  return { findings: withRuleMeta(result.hits), platforms: result.platforms };
}

async function fixThenProbe(name: string, rule: string, edited: { file: string; line: string }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `eg-fixrt-${name}-`));
  made.push(dir);
  fs.cpSync(path.join(REAL, name), dir, { recursive: true });
  const fixed = fixAt(dir);
  expect(fixed.before.some((f) => f.rule === rule)).toBe(true);
  expect(fixed.after.filter((f) => f.rule === rule)).toEqual([]);
  expect(fs.readFileSync(path.join(dir, edited.file), 'utf8').split('\n')).toContain(edited.line);

  const probed = await probe(dir, name);
  const platforms = probed.platforms;
  expect(probed.findings.filter((f) => f.rule !== 'zombies-not-reaped' && f.rule !== 'slow-shutdown')).toEqual([]);
  for (const p of PLATFORMS) {
    const r = platforms.find((x) => x.platform === p)!;
    expect(r.build?.ok, `${p}: ${JSON.stringify(r)}`).toBe(true);
    expect(['sh', '/bin/sh', 'dash', 'bash'], `${p}: PID 1 ${r.pid1}`).not.toContain(r.pid1?.split(' ')[0]);
    expect(r.shutdown, `${p}: ${JSON.stringify(r)}`).toMatchObject({ signal: 'SIGTERM', killed: false });
  }
  return platforms;
}

describe.skipIf(!basesAvailable)(`--fix, then build and probe on ${PLATFORMS.join(' and ')}${basesAvailable ? '' : ` (skipped: ${basesSkipReason})`}`, () => {
  it('shell-form CMD -> exec form: node is PID 1 and exits 0 on SIGTERM', { timeout: T }, async () => {
    const platforms = await fixThenProbe('node-shell-form', 'shell-form-cmd', { file: 'Dockerfile', line: 'CMD ["node", "server.js"]' });
    for (const p of platforms) {
      expect(p.pid1).toBe('node server.js');
      expect(p.shutdown!.exitCode).toBe(0);
    }
  });

  it('the wrapper without exec -> `exec gunicorn …`: gunicorn is PID 1 and drains on SIGTERM', { timeout: T }, async () => {
    const platforms = await fixThenProbe('gunicorn-no-exec', 'wrapper-missing-exec', { file: 'docker-entrypoint.sh', line: 'exec gunicorn --bind 0.0.0.0:8000 --workers 1 --threads 2 --graceful-timeout 1 --chdir /app app:app' });
    for (const p of platforms) expect(p.pid1).toMatch(/gunicorn/);
  });

  it('stop-signal-not-graceful (nginx on SIGTERM) -> STOPSIGNAL SIGQUIT before the CMD, and the next probe finds nothing', { timeout: T }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-fixrt-nginx-'));
    made.push(dir);
    fs.cpSync(path.join(REAL, 'nginx-sigterm'), dir, { recursive: true });
    const before = await probe(dir, 'nginx-before');
    const hit = before.findings.find((f) => f.rule === 'stop-signal-not-graceful');
    expect(hit?.autofix?.safe).toBe(true);
    const session = newFixSession();
    applyOnce(session, dir, false, before.findings);
    writeFixes(session);
    const lines = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8').split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith('CMD')) - 1]).toBe('STOPSIGNAL SIGQUIT');
    const after = await probe(dir, 'nginx-after');
    expect(after.findings.filter((f) => f.rule === 'stop-signal-not-graceful' || f.rule === 'sigterm-ignored')).toEqual([]);
    for (const p of after.platforms) expect(p.shutdown, p.platform).toMatchObject({ signal: 'SIGQUIT', killed: false });
  });
});
