// The untrusted container as the built CLI runs it on the real engine (linux/amd64, native here):
// a start file that is executable but no program is an error finding, never a skipped platform;
// the probe container has the smoke run's hardening unless --probe-privileges.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BASE_IMAGE, engineAvailable, skipReason } from '../runtime/engine.js';
import { expectReport, runCli, tempDir, writeFiles } from './run.js';

const NATIVE = process.arch === 'arm64' ? 'linux/arm64' : 'linux/amd64';
const FAST = ['--platforms', NATIVE, '--startup-wait', '2', '--grace-period', '2', '--format', 'json'];

describe.skipIf(!engineAvailable)(`the untrusted container on the native platform${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  it.concurrent('a 4 KB random start file is an error finding (exec format error on a native platform), not "no emulator"', async () => {
    const dir = writeFiles(tempDir(), {
      start: randomBytes(4096),
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY --chmod=755 start /start\nENTRYPOINT ["/start"]\n`,
    });
    const r = await runCli([...FAST, 'Dockerfile'], { cwd: dir, timeoutMs: 180_000 });
    const report = expectReport(r);
    expect(r.code, r.stderr).toBe(1);
    expect(report.findings.map((f) => f.rule)).not.toContain('platform-unavailable');
    const hit = report.findings.find((f) => f.rule === 'exited-on-start') as { severity?: string; message: string } | undefined;
    expect(hit, JSON.stringify(report.findings)).toBeDefined();
    expect(hit!.severity).toBe('error');
    expect(hit!.message).toMatch(/exec format error/);
    expect(hit!.message).toMatch(/not an executable for linux\//);
  }, 200_000);

  it.concurrent('a start symlink to /dev/zero is "not a program", not "does not exist"', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: `FROM ${BASE_IMAGE}\nRUN ln -s /dev/zero /start\nENTRYPOINT ["/start"]\n` });
    const r = await runCli([...FAST, 'Dockerfile'], { cwd: dir, timeoutMs: 180_000 });
    const report = expectReport(r);
    const hit = report.findings.find((f) => f.rule === 'entrypoint-not-executable');
    expect(hit?.message, JSON.stringify(report.findings)).toMatch(/symlink to `\/dev\/zero`, a file the container runtime mounts/);
    expect(report.findings.map((f) => f.rule)).not.toContain('entrypoint-not-found');
  }, 200_000);

  // The service exits 7 when it can write to / or gain privileges: only the hardened probe keeps it running.
  const service = `CMD ["sh", "-c", "if touch /probe-wrote-here 2>/dev/null; then echo root is writable; exit 7; fi; grep -q '^NoNewPrivs:.*1' /proc/self/status || exit 8; trap 'exit 0' TERM; while :; do sleep 0.2; done"]`;
  it.concurrent('the probe container runs with a read-only root and no new privileges', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: `FROM ${BASE_IMAGE}\n${service}\n` });
    const r = await runCli([...FAST, 'Dockerfile'], { cwd: dir, timeoutMs: 180_000 });
    const report = expectReport(r);
    expect(report.findings.map((f) => f.rule), JSON.stringify(report.findings)).not.toContain('exited-on-start');
    expect(r.code, r.stderr).toBe(0);
  }, 200_000);

  it.concurrent('a service that writes beside its binary is probed again as Docker runs it by default (no false exited-on-start), no new privileges kept', async () => {
    const pidfile = `CMD ["sh", "-c", "echo $$ > /service.pid || exit 4; grep -q '^NoNewPrivs:.*1' /proc/self/status || exit 8; trap 'exit 0' TERM; while :; do sleep 0.2; done"]`;
    const dir = writeFiles(tempDir(), { Dockerfile: `FROM ${BASE_IMAGE}\n${pidfile}\n` });
    const r = await runCli([...FAST, 'Dockerfile'], { cwd: dir, timeoutMs: 180_000 });
    const report = expectReport(r) as ReturnType<typeof expectReport> & { platforms: { shutdown?: { exitCode: number } }[] };
    expect(report.findings.map((f) => f.rule), JSON.stringify(report.findings)).not.toContain('exited-on-start');
    expect(report.platforms[0]?.shutdown?.exitCode).toBe(0);
    // Notes go to stderr when stdout is JSON.
    expect(r.stderr).toMatch(/note: .*ran it with a writable root and Docker's default capabilities/);
  }, 200_000);

  it.concurrent('--probe-privileges runs the probe without that hardening', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: `FROM ${BASE_IMAGE}\n${service}\n` });
    const r = await runCli([...FAST, '--probe-privileges', 'Dockerfile'], { cwd: dir, timeoutMs: 180_000 });
    const report = expectReport(r);
    const hit = report.findings.find((f) => f.rule === 'exited-on-start');
    expect(hit?.message, JSON.stringify(report.findings)).toMatch(/exited with code 7/);
  }, 200_000);
});
