// --fix --verify: the copy it builds (the context and Dockerfile under a copy of the repository
// root, with the fixed texts and the files' modes), its verdict, and one real run on both platforms.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { newFixSession } from '../../src/fix/run.js';
import { mirrorWithFixes, verdictOf } from '../../src/fix/verify.js';
import { basesAvailable, basesSkipReason } from '../runtime/bases.js';
import { PLATFORMS } from '../runtime/engine.js';
import { parseJsonReport } from '../report-schema.js';
import { workdir } from './fix-helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const f = (rule: string, file = 'Dockerfile'): Finding => ({ rule, severity: 'error', message: 'm', fix: 'f', file, line: 1, endLine: 1, column: 1 });

describe('verdictOf', () => {
  it('accepts fewer findings of each fixed rule and no more of any other per file', () => {
    expect(verdictOf([f('shell-form-cmd'), f('shell-is-pid1')], [], ['shell-form-cmd'])).toBeUndefined();
    expect(verdictOf([f('wrapper-no-errexit', 'a.sh'), f('wrapper-missing-exec', 'a.sh')], [f('wrapper-no-errexit', 'a.sh')], ['wrapper-missing-exec'])).toBeUndefined();
  });

  it('refuses a fixed rule still as often found, or a new finding', () => {
    expect(verdictOf([f('shell-form-cmd')], [f('shell-form-cmd')], ['shell-form-cmd'])).toBe('shell-form-cmd is still found after its fix');
    expect(verdictOf([f('shell-form-cmd')], [f('exited-on-start')], ['shell-form-cmd'])).toBe('the fixed image has a new finding: exited-on-start in Dockerfile');
    expect(verdictOf([f('wrapper-missing-exec', 'a.sh')], [f('wrapper-no-errexit', 'b.sh')], ['wrapper-missing-exec'])).toBe('the fixed image has a new finding: wrapper-no-errexit in b.sh');
  });
});

describe('mirrorWithFixes', () => {
  it('lays the context out under a copy of the root with the fixed texts and modes, leaving the originals alone', () => {
    const root = workdir({ 'svc/Dockerfile': 'FROM x\n', 'svc/entrypoint.sh': { content: '"$@"\n', mode: 0o755 }, 'svc/.git/HEAD': 'ref\n', 'other/big.bin': 'x' });
    const session = newFixSession();
    const script = path.join(root, 'svc/entrypoint.sh');
    session.original.set(script, '"$@"\n');
    session.edited.set(script, 'exec "$@"\n');
    const mirror = mirrorWithFixes(session, { cwd: root, root, contextDir: path.join(root, 'svc'), dockerfile: path.join(root, 'svc/Dockerfile') })!;
    try {
      expect(fs.readFileSync(path.join(mirror.cwd, 'svc/entrypoint.sh'), 'utf8')).toBe('exec "$@"\n');
      expect(fs.statSync(path.join(mirror.cwd, 'svc/entrypoint.sh')).mode & 0o777).toBe(0o755);
      expect(fs.existsSync(path.join(mirror.cwd, 'svc/Dockerfile'))).toBe(true);
      expect(fs.existsSync(path.join(mirror.cwd, 'svc/.git'))).toBe(false);
      expect(fs.existsSync(path.join(mirror.cwd, 'other'))).toBe(false);
      expect(fs.readFileSync(script, 'utf8')).toBe('"$@"\n');
    } finally {
      mirror.remove();
    }
    expect(fs.existsSync(mirror.root)).toBe(false);
  });
});

describe('--fix --verify on the built CLI', () => {
  it('bad combinations are one line and exit 2', () => {
    const dir = workdir({ Dockerfile: 'FROM debian:bookworm-slim\nCMD sleep 1\n' });
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    expect(run(['--verify']).stderr).toBe('entrypoint-guard: --verify checks the fixes --fix writes: give it with --fix\n');
    expect(run(['--fix', '--verify', '--static']).stderr).toBe('entrypoint-guard: --verify builds and probes the fixed files, so it cannot be combined with --static\n');
    expect(run(['--fix-dry-run', '--verify']).status).toBe(2);
  });

  const real = (name: string) => {
    const dir = workdir({});
    fs.cpSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'real', name), dir, { recursive: true });
    return dir;
  };
  const verify = (dir: string) => spawnSync(process.execPath, [CLI, '--fix', '--verify', '--format', 'json', '--progress', 'quiet', '--platforms', PLATFORMS.join(','), '--fail-on', 'never'], { cwd: dir, encoding: 'utf8', timeout: 900_000 });
  const recentCopies = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('eg-verify-') && fs.statSync(path.join(os.tmpdir(), n)).mtimeMs > Date.now() - 900_000);

  it.skipIf(!basesAvailable)(`writes the exec fix only after the fixed image ran with gunicorn as PID 1 on ${PLATFORMS.join(' and ')}${basesAvailable ? '' : ` (skipped: ${basesSkipReason})`}`, { timeout: 900_000 }, () => {
    const dir = real('gunicorn-no-exec');
    const r = verify(dir);
    expect(r.stderr).toContain('\n+exec gunicorn --bind 0.0.0.0:8000');
    expect(r.stderr).toContain(`entrypoint-guard: Dockerfile: 1 fix applied (wrapper-missing-exec 1), verified by building and probing the fixed files on ${PLATFORMS.join(', ')}`);
    expect(fs.readFileSync(path.join(dir, 'docker-entrypoint.sh'), 'utf8')).toContain('\nexec gunicorn --bind');
    const [report] = parseJsonReport<{ findings: { rule: string }[]; platforms: { platform: string; pid1?: string }[] }>(r.stdout);
    expect(report!.findings.map((x) => x.rule).filter((x) => x !== 'slow-shutdown')).toEqual([]);
    for (const p of report!.platforms) expect(p.pid1, p.platform).toMatch(/gunicorn/);
    expect(r.status).toBe(0);
    expect(recentCopies()).toEqual([]);
  });

  it.skipIf(!basesAvailable)('keeps the files as they were when the fixed image has a new finding (node as PID 1 leaves zombies that dash reaped)', { timeout: 900_000 }, () => {
    const dir = real('node-shell-form');
    const before = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    const r = verify(dir);
    expect(r.stderr).toContain('entrypoint-guard: Dockerfile: fixes not written (1 fix would be applied (shell-form-cmd 1)): the fixed image has a new finding: zombies-not-reaped in Dockerfile');
    expect(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(before);
    // The report is the files' as they are: the shell-form finding stands.
    const [report] = parseJsonReport<{ findings: { rule: string }[] }>(r.stdout);
    expect(report!.findings.map((x) => x.rule)).toContain('shell-form-cmd');
    expect(recentCopies()).toEqual([]);
  });
});
