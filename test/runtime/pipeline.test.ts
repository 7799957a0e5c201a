// The whole pipeline on a real engine: analyze() (lint + build + smoke + probe) for both
// platforms, an arm64-only build failure, and hygiene: nothing of a run is left behind —
// after success, after a failed build, after the tool is interrupted, and by cleanupRun().
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import type { Report } from '../../src/findings.js';
import { analyze } from '../../src/engine.js';
import { RUN_LABEL } from '../../src/runtime/cleanup.js';
import { docker as dockerCall } from '../../src/runtime/docker.js';
import { cleanupRun } from '../../src/runtime/cleanup.js';
import { engineAvailable, fixture, fixtureOptions, leftoversAsync, PLATFORMS } from './engine.js';

const T = 240_000;
const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

// Asynchronous on purpose: these tests run concurrently, and a blocking spawnSync would stall
// the other tests' event loop past their docker call timeouts.
async function docker(args: string[]): Promise<string> {
  const r = await dockerCall(args, { timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The run id of the probe container started with `--probe-env EG_MARK=<mark>`, once it runs. */
async function waitForProbe(mark: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ids = (await docker(['ps', '-q', '--filter', `label=${RUN_LABEL}`])).split('\n').filter(Boolean);
    for (const id of ids) {
      const out = (await dockerCall(['inspect', '--format', `{{json .Config.Env}} {{index .Config.Labels "${RUN_LABEL}"}}`, id], { timeoutMs: 20_000 })).stdout;
      if (out.includes(`EG_MARK=${mark}`)) return out.trim().split(' ').at(-1)!;
    }
    await sleep(250);
  }
  throw new Error(`no probe container with EG_MARK=${mark} within ${timeoutMs} ms`);
}

describe.skipIf(!engineAvailable).concurrent('the whole runtime pipeline', () => {
  it('analyze(): static and runtime findings, one finding per rule listing both platforms, timings per platform', async () => {
    const options = fixtureOptions('wrapper-no-exec');
    const { report } = await analyze(options);

    expect(report.platforms.map((p) => p.platform), JSON.stringify(report)).toEqual(PLATFORMS);
    for (const p of report.platforms) {
      expect(p.build!.ok, JSON.stringify(report)).toBe(true);
      expect(p.build!.seconds).toBeGreaterThan(0);
      expect(p.seconds!).toBeGreaterThan(p.build!.seconds);
      expect(p.startCommand).toEqual(['docker-entrypoint.sh', '/app/server.sh']);
      expect(p.pid1).toBe('docker-entrypoint.sh /app/server.sh');
      expect(p.pid1Argv).toEqual(['/bin/sh', '/usr/local/bin/docker-entrypoint.sh', '/app/server.sh']);
      expect(p.emulated).toBe(p.platform === 'linux/arm64' ? true : undefined);
      expect(p.shutdown).toMatchObject({ signal: 'SIGTERM', exitCode: 137, killed: true });
      expect(p.shutdown!.seconds).toBeGreaterThanOrEqual(options.gracePeriod);
    }
    const runtime = report.findings.filter((f) => f.platforms !== undefined);
    expect(runtime.map((f) => f.rule).sort()).toEqual(['shell-is-pid1', 'sigterm-ignored']);
    for (const f of runtime) expect(f).toMatchObject({ file: 'Dockerfile', line: 4, severity: 'error', platforms: PLATFORMS });
    // The static wrapper rule fires on the `"$@"` without exec (no platforms: it is static), and
    // the runtime finding says it confirms it.
    const wrapper = report.findings.filter((f) => f.rule === 'wrapper-missing-exec');
    expect(wrapper).toMatchObject([{ file: 'docker-entrypoint.sh', line: 5, severity: 'error' }]);
    expect(wrapper[0]!.platforms).toBeUndefined();
    expect(runtime.find((f) => f.rule === 'shell-is-pid1')!.message).toContain('(confirms wrapper-missing-exec)');
    expect(report.notes?.filter((n) => /runtime/i.test(n))).toEqual([]);
    expect(await leftoversAsync(options.runId!)).toEqual({ containers: [], images: [] });
  }, T);

  it('an arm64-only build failure: build-failed at the failing RUN for linux/arm64 only, amd64 still probed, nothing left behind', async () => {
    const options = fixtureOptions('arm64-build-fail');
    const { report } = await analyze(options);
    const failed = report.findings.filter((f) => f.rule === 'build-failed');
    expect(failed, JSON.stringify(report)).toHaveLength(1);
    expect(failed[0]).toMatchObject({ severity: 'error', file: 'Dockerfile', line: 5, endLine: 6, platforms: ['linux/arm64'] });
    expect(failed[0]!.message).toMatch(/^The build for linux\/arm64 fails at `RUN echo "checking architecture" && \[ "\$\(uname -m\)" != aarch64 \]`: `checking architecture` `.*exit code: 1`$/);
    expect(failed[0]!.fix).toContain('--platform linux/arm64');
    expect(failed[0]!.fix).toContain('TARGETARCH');
    const [amd64, arm64] = report.platforms;
    expect(amd64).toMatchObject({ platform: 'linux/amd64', build: { ok: true }, shutdown: { exitCode: 0, killed: false } });
    expect(arm64).toMatchObject({ platform: 'linux/arm64', build: { ok: false }, skipped: 'the build failed' });
    expect(arm64!.shutdown).toBeUndefined();
    expect(await leftoversAsync(options.runId!)).toEqual({ containers: [], images: [] });
  }, T);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`the CLI interrupted by ${signal} mid-probe removes its containers and tags`, async () => {
      const mark = randomBytes(4).toString('hex');
      const child = spawn(process.execPath, [CLI, '--platforms', 'linux/amd64', '--startup-wait', '120', '--ready-log', 'never printed', '--probe-env', `EG_MARK=${mark}`, 'Dockerfile'], {
        cwd: fixture('trap-clean'),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const runId = await waitForProbe(mark, 120_000);
        const during = await leftoversAsync(runId);
        expect(during.containers.length).toBeGreaterThan(0);
        expect(during.images.length).toBeGreaterThan(0);
        child.kill(signal);
        expect(await exited, stderr).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(await leftoversAsync(runId)).toEqual({ containers: [], images: [] });
      } finally {
        child.kill('SIGKILL');
      }
    }, T);
  }

  it('a clean shutdown ends the run at once: the CLI exits long before a 60 s grace period would elapse', async () => {
    // A timer left pending after the container exited kept the process alive for the whole grace period.
    const grace = 60;
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, '--platforms', 'linux/amd64', '--startup-wait', '1', '--grace-period', String(grace), '--format', 'json', 'Dockerfile'], {
      cwd: fixture('trap-clean'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    try {
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const wall = (Date.now() - started) / 1000;
      expect(code).toBe(0);
      const report = parseJsonReport<Report>(stdout)[0]!;
      expect(report.platforms[0]!.shutdown).toMatchObject({ killed: false });
      // A pending grace timer would hold the process for the whole 60 s after the signal. Less the
      // build (minutes when the whole suite builds at once on a busy 2-core runner), the rest is a
      // 1 s startup wait, a sub-second shutdown and the clean-up.
      const build = report.platforms[0]!.build!.seconds;
      expect(wall - build, `wall ${wall} s, build ${build} s`).toBeLessThan(grace * 0.5);
    } finally {
      child.kill('SIGKILL');
    }
  }, T);

  it('cleanupRun(runId), the Action post step, removes that run\'s containers and images and nothing else', async () => {
    const runId = `eg-test-post-${randomBytes(3).toString('hex')}`;
    const other = `eg-test-other-${randomBytes(3).toString('hex')}`;
    const image = (id: string) => `entrypoint-guard/${id}:leftover`;
    for (const id of [runId, other]) {
      await docker(['buildx', 'build', '-q', '--platform', 'linux/amd64', '--load', '-t', image(id), '--label', `${RUN_LABEL}=${id}`, fixture('trap-clean')]);
      await docker(['create', '--label', `${RUN_LABEL}=${id}`, '--network', 'none', image(id)]);
    }
    try {
      expect(await cleanupRun(runId)).toEqual({ containers: 1, images: 1 });
      expect(await leftoversAsync(runId)).toEqual({ containers: [], images: [] });
      const kept = await leftoversAsync(other);
      expect(kept.containers).toHaveLength(1);
      expect(kept.images).toHaveLength(1);
    } finally {
      await cleanupRun(other);
    }
    expect(await leftoversAsync(other)).toEqual({ containers: [], images: [] });
  }, T);
});
