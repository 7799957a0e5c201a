// The SIGTERM shutdown probe against real images on a real engine, each case on linux/amd64
// (native) and linux/arm64 (qemu emulation). Fixtures: test/fixtures/runtime/<case>/.
import { describe, expect, it } from 'vitest';
import type { Finding, PlatformResult } from '../../src/findings.js';
import { docker } from '../../src/runtime/docker.js';
import { engineAvailable, fixture, leftoversAsync, PLATFORMS, runFixture, type FixtureRun } from './engine.js';

const T = 180_000;

function platform(run: FixtureRun, p: string): PlatformResult {
  const r = run.runtime.platforms.find((x) => x.platform === p);
  if (!r) throw new Error(`no result for ${p}: ${JSON.stringify(run.runtime)}`);
  return r;
}

function only(run: FixtureRun, rule: string): Finding {
  const found = run.runtime.findings.filter((f) => f.rule === rule);
  if (found.length !== 1) throw new Error(`expected one ${rule} finding, got ${JSON.stringify(run.runtime.findings, null, 1)}`);
  return found[0]!;
}

const rules = (run: FixtureRun) => run.runtime.findings.map((f) => `${f.rule}:${f.severity}`).sort();
const loud = (run: FixtureRun) => run.runtime.findings.filter((f) => f.severity !== 'info');

async function expectProbed(run: FixtureRun): Promise<void> {
  for (const p of PLATFORMS) {
    const r = platform(run, p);
    expect(r.build!.ok, `${p} build: ${JSON.stringify(run.runtime)}`).toBe(true);
    expect(r.build!.seconds).toBeGreaterThan(0);
    expect(r.seconds!).toBeGreaterThanOrEqual(r.build!.seconds);
    // Under emulation PID 1 is reported without the qemu binfmt interpreter, and the platform says it ran emulated.
    if (r.pid1 !== undefined) expect(r.pid1).not.toMatch(/qemu|binfmt/);
    if (r.pid1Argv !== undefined) expect(r.pid1Argv.join(' ')).not.toMatch(/qemu|binfmt/);
    expect(r.emulated).toBe(p === 'linux/arm64' ? true : undefined);
  }
  // Under QEMU on a loaded machine a chain that is clean natively can miss the grace period or
  // half of it: then the emulated verdict is a note naming both (index.ts reconcileEmulated).
  expect(run.runtime.notes.filter((n) => !/^On linux\/arm64 \(emulated by QEMU\) .* natively on linux\/amd64: the emulated verdict rests on QEMU's signal handling/.test(n))).toEqual([]);
  expect(await leftoversAsync(run.options.runId!)).toEqual({ containers: [], images: [] });
}

describe.skipIf(!engineAvailable).concurrent('shutdown probe on linux/amd64 and emulated linux/arm64', () => {
  it('a worker that traps SIGTERM and exits 0: clean, no findings', async () => {
    const run = await runFixture('trap-clean', { gracePeriod: 3 });
    await expectProbed(run);
    expect(run.runtime.findings).toEqual([]);
    for (const p of PLATFORMS) {
      const r = platform(run, p);
      expect(r.startCommand).toEqual(['/usr/local/bin/service.sh']);
      // One name on both platforms: the script, not `/bin/sh <path>`; the real argv alongside.
      expect(r.pid1).toBe('service.sh');
      expect(r.pid1Argv).toEqual(['/bin/sh', '/usr/local/bin/service.sh']);
      expect(r.shutdown).toMatchObject({ signal: 'SIGTERM', exitCode: 0, killed: false });
      expect(r.shutdown!.seconds).toBeLessThan(1.5);
      // The shell's trap is a SIGTERM handler in the kernel's view (natively; not readable under QEMU).
      if (p === 'linux/amd64') expect(r.signals!.pid1.caught).toContain('SIGTERM');
      // Its loop forks `sleep` once a second and is otherwise idle: ready once the tree is quiet.
      expect(r.ready).toMatchObject({ by: 'quiet' });
      expect(r.ready!.seconds).toBeGreaterThanOrEqual(1);
    }
  }, T);

  it('start-up work that keeps a CPU busy before the handler is installed: the probe waits until it is done', async () => {
    // 200,000 shell iterations before the trap: several seconds of CPU under QEMU, where a fixed
    // 3 s wait sent the signal into the start-up work and SIGKILLed a good service. A roomy bound:
    // this suite runs every case at once on two cores.
    const run = await runFixture('slow-start', { gracePeriod: 3, startupWait: 60 });
    await expectProbed(run);
    expect(run.runtime.findings, JSON.stringify(run.runtime.platforms)).toEqual([]);
    for (const p of PLATFORMS) {
      const r = platform(run, p);
      expect(r.shutdown).toMatchObject({ signal: 'SIGTERM', exitCode: 0, killed: false });
      expect(r.ready).toMatchObject({ by: 'quiet' });
    }
    expect(platform(run, 'linux/arm64').ready!.seconds).toBeGreaterThan(3);
  }, 2 * T);

  it('a busy worker that is neither quiet nor listening: its HEALTHCHECK decides readiness', async () => {
    // A busy loop under QEMU on a loaded runner can take a while to reach its trap: a roomy grace period.
    const run = await runFixture('healthcheck', { gracePeriod: 8 });
    await expectProbed(run);
    expect(run.runtime.findings, JSON.stringify(run.runtime.platforms)).toEqual([]);
    for (const p of PLATFORMS) {
      const r = platform(run, p);
      expect(r.ready).toMatchObject({ by: 'healthcheck', detail: 'HEALTHCHECK reported healthy' });
      expect(r.shutdown).toMatchObject({ exitCode: 0, killed: false });
    }
  }, T);

  it('a server that ignores SIGTERM as PID 1: sigterm-ignored after the grace period', async () => {
    const run = await runFixture('ignores-term', { gracePeriod: 2 });
    await expectProbed(run);
    expect(rules(run)).toEqual(['sigterm-ignored:error']);
    const f = only(run, 'sigterm-ignored');
    expect(f).toMatchObject({ file: 'Dockerfile', line: 5, platforms: PLATFORMS });
    expect(f.message).toContain('`httpd -f -v -p 8080 -h /srv/www` is PID 1');
    expect(f.message).toContain('2 s grace period');
    // Natively the kernel's own evidence: no SIGTERM handler in PID 1's SigCgt. The arm64 verdict
    // came from QEMU (whose handlers the host would see instead): said once, about that platform only.
    expect(f.message).toContain('is PID 1 and installs no handler for SIGTERM (none in the kernel\'s SigCgt for PID 1), and the kernel drops unhandled signals to PID 1, so every deploy');
    expect(platform(run, 'linux/amd64').signals!.pid1.caught).not.toContain('SIGTERM');
    expect(platform(run, 'linux/arm64').signals).toBeUndefined();
    expect(f.message).toMatch(/ linux\/arm64 ran emulated \(QEMU\): that verdict rests on timing alone/);
    expect(f.message).not.toContain('linux/amd64 ran emulated');
    for (const p of PLATFORMS) {
      const r = platform(run, p);
      expect(r.pid1).toBe('httpd -f -v -p 8080 -h /srv/www');
      // The host sees its socket in the container's own network namespace (--network none), emulated or not.
      expect(r.ready).toMatchObject({ by: 'listening', detail: 'listening on tcp :8080' });
      expect(r.shutdown).toMatchObject({ signal: 'SIGTERM', exitCode: 137, killed: true });
      expect(r.shutdown!.seconds).toBeGreaterThanOrEqual(2);
    }
  }, T);

  it('a wrapper that runs the app without exec: shell-is-pid1 and sigterm-ignored', async () => {
    const run = await runFixture('wrapper-no-exec', { gracePeriod: 2 });
    await expectProbed(run);
    expect(rules(run)).toEqual(['shell-is-pid1:error', 'sigterm-ignored:error']);
    const shell = only(run, 'shell-is-pid1');
    expect(shell).toMatchObject({ line: 4, platforms: PLATFORMS });
    expect(shell.message).toContain('PID 1 is the shell script `docker-entrypoint.sh /app/server.sh` running `/app/server.sh` as its child');
    // The static wrapper rule fires on the fixture's `"$@"` without exec (docker-entrypoint.sh:5),
    // and the runtime finding says it confirms it.
    expect(run.staticFindings.filter((f) => f.rule === 'wrapper-missing-exec').map((f) => `${f.file}:${f.line}`)).toEqual(['docker-entrypoint.sh:5']);
    expect(shell.message).toContain('(confirms wrapper-missing-exec)');
    for (const p of PLATFORMS) {
      expect(platform(run, p).pid1).toBe('docker-entrypoint.sh /app/server.sh');
      expect(platform(run, p).pid1Argv).toEqual(['/bin/sh', '/usr/local/bin/docker-entrypoint.sh', '/app/server.sh']);
      expect(platform(run, p).shutdown?.killed).toBe(true);
    }
  }, T);

  it('a shell-form CMD with a pipe keeps /bin/sh as PID 1: shell-is-pid1 confirms shell-form-cmd', async () => {
    const run = await runFixture('shell-form-cmd', { gracePeriod: 2 });
    await expectProbed(run);
    expect(rules(run)).toEqual(['shell-is-pid1:error', 'sigterm-ignored:error']);
    const shell = only(run, 'shell-is-pid1');
    expect(shell.line).toBe(4);
    expect(shell.message).toContain('(confirms shell-form-cmd)');
    expect(platform(run, 'linux/arm64').pid1).toBe('/bin/sh -c /app/server.sh 2>&1 | tee -a /tmp/app.log');
    // The real argv from the kernel keeps the -c string whole (ps would have split it), emulated or not.
    for (const p of PLATFORMS) expect(platform(run, p).pid1Argv).toEqual(['/bin/sh', '-c', '/app/server.sh 2>&1 | tee -a /tmp/app.log']);
  }, T);

  it('a shell that forwards the signal to its child and exits cleanly: shell-is-pid1 at info only', async () => {
    const run = await runFixture('shell-forwards', { gracePeriod: 3 });
    await expectProbed(run);
    expect(rules(run)).toEqual(['shell-is-pid1:info']);
    expect(only(run, 'shell-is-pid1')).toMatchObject({ line: 4, platforms: PLATFORMS });
    for (const p of PLATFORMS) expect(platform(run, p).shutdown).toMatchObject({ exitCode: 0, killed: false });
  }, T);

  it('a start that crashes: exited-on-start quoting the log line, the fix names --probe-env', async () => {
    const run = await runFixture('crash-start');
    await expectProbed(run);
    expect(rules(run)).toEqual(['exited-on-start:error']);
    const f = only(run, 'exited-on-start');
    expect(f).toMatchObject({ line: 3, platforms: PLATFORMS });
    expect(f.message).toContain('exited with code 1');
    expect(f.message).toContain('`error: DATABASE_URL is not set`');
    expect(f.fix).toContain('--probe-env');
    for (const p of PLATFORMS) {
      expect(platform(run, p).shutdown).toBeUndefined();
      expect(platform(run, p).oneShot).toBeUndefined();
    }
  }, T);

  it('the same image with --probe-env starts and stops cleanly', async () => {
    const run = await runFixture('crash-start', { platforms: ['linux/amd64'], probeEnv: { DATABASE_URL: 'postgres://db:5432/app' }, gracePeriod: 3 });
    expect(run.runtime.findings).toEqual([]);
    expect(run.runtime.platforms[0]!.shutdown).toMatchObject({ exitCode: 0, killed: false });
  }, T);

  it('a one-shot job that exits 0: no finding, oneShot recorded', async () => {
    const run = await runFixture('one-shot');
    await expectProbed(run);
    expect(run.runtime.findings).toEqual([]);
    for (const p of PLATFORMS) {
      const r = platform(run, p);
      expect(r.oneShot).toMatchObject({ exitCode: 0 });
      expect(r.shutdown).toBeUndefined();
    }
  }, T);

  it('STOPSIGNAL SIGQUIT: the probe sends SIGQUIT (SIGTERM would be ignored) and the exit is clean', async () => {
    const run = await runFixture('stopsignal-quit', { gracePeriod: 3 });
    await expectProbed(run);
    expect(run.runtime.findings).toEqual([]);
    for (const p of PLATFORMS) expect(platform(run, p).shutdown).toMatchObject({ signal: 'SIGQUIT', exitCode: 0, killed: false });
  }, T);

  it('a drain of 60% of the grace period: slow-shutdown with the measured time', async () => {
    const run = await runFixture('slow-drain', { gracePeriod: 4 });
    await expectProbed(run);
    expect(rules(run)).toEqual(['slow-shutdown:warning']);
    const f = only(run, 'slow-shutdown');
    expect(f.platforms).toEqual(PLATFORMS);
    expect(f.message).toContain('half the 4 s grace period');
    for (const p of PLATFORMS) {
      const s = platform(run, p).shutdown!;
      expect(s.killed).toBe(false);
      expect(s.seconds).toBeGreaterThan(2);
      expect(s.seconds).toBeLessThan(4);
      expect(f.message).toContain(`${s.seconds} s`);
    }
  }, T);

  it('exit code 3 after SIGTERM: unclean-exit', async () => {
    const run = await runFixture('unclean-exit', { gracePeriod: 3 });
    await expectProbed(run);
    expect(rules(run)).toEqual(['unclean-exit:warning']);
    expect(only(run, 'unclean-exit').message).toContain('exited with code 3 after SIGTERM instead of 0 or 143');
    for (const p of PLATFORMS) expect(platform(run, p).shutdown).toMatchObject({ exitCode: 3, killed: false });
  }, T);

  it('--ready-log sends the signal once the line appears; a line that never appears is a note', async () => {
    // late-ready sleeps 8 s (an idle tree), then installs its handler and logs "worker ready": a
    // signal sent before that line is dropped. Without --ready-log the quiet tree reads as ready…
    const early = await runFixture('late-ready', { platforms: ['linux/amd64'], gracePeriod: 2 });
    expect(early.runtime.platforms[0]!.ready).toMatchObject({ by: 'quiet' });
    expect(early.runtime.platforms[0]!.shutdown).toMatchObject({ killed: true });
    // …with it only the line counts, and the shutdown is clean.
    const ready = await runFixture('late-ready', { platforms: ['linux/amd64'], readyLog: /worker ready/, gracePeriod: 2 });
    expect(ready.runtime.notes).toEqual([]);
    expect(ready.runtime.findings).toEqual([]);
    expect(ready.runtime.platforms[0]!.ready).toMatchObject({ by: 'log', detail: 'log line matched /worker ready/' });
    // Counted from when `docker run` returned, a little after the container started.
    expect(ready.runtime.platforms[0]!.ready!.seconds).toBeGreaterThan(7.5);
    expect(ready.runtime.platforms[0]!.shutdown).toMatchObject({ exitCode: 0, killed: false });
    const never = await runFixture('trap-clean', { platforms: ['linux/amd64'], readyLog: /listening on/, startupWait: 2, gracePeriod: 3 });
    expect(never.runtime.notes).toEqual([expect.stringContaining('--ready-log /listening on/ did not match within 2 s on linux/amd64')]);
    expect(never.runtime.platforms[0]!.ready).toMatchObject({ by: 'timeout' });
    expect(never.runtime.platforms[0]!.shutdown).toMatchObject({ exitCode: 0 });
    expect(loud(never)).toEqual([]);
  }, T);

  it('--ready-cmd: ready once the command exits 0 in the container, on both platforms; plain docker agrees', async () => {
    // Ground truth: docker run -d, `docker exec … test -f /tmp/ready` until it exits 0, then
    // SIGTERM: the trap is installed by then and the exit is 0.
    const built = await runFixture('late-ready', { readyCmd: 'test -f /tmp/ready', gracePeriod: 3 });
    await expectProbed(built);
    expect(built.runtime.findings.filter((f) => f.rule !== 'zombies-not-reaped')).toEqual([]);
    for (const p of PLATFORMS) {
      const r = platform(built, p);
      expect(r.ready).toMatchObject({ by: 'cmd', detail: '--ready-cmd `test -f /tmp/ready` exited 0' });
      expect(r.ready!.seconds).toBeGreaterThan(7.5);
      expect(r.shutdown).toMatchObject({ exitCode: 0, killed: false });
      const image = `eg-test-late-ready-truth:${p.split('/')[1]}-${process.pid}`;
      const build = await docker(['buildx', 'build', '-q', '--load', '--platform', p, '-t', image, fixture('late-ready')], { timeoutMs: 600_000 });
      expect(build.code, build.stderr).toBe(0);
      const id = (await docker(['run', '-d', '--platform', p, '--network', 'none', image], { timeoutMs: 60_000 })).stdout.trim();
      try {
        const deadline = Date.now() + 120_000;
        while ((await docker(['exec', id, 'test', '-f', '/tmp/ready'], { timeoutMs: 30_000 })).code !== 0) {
          expect(Date.now()).toBeLessThan(deadline);
          await new Promise((res) => setTimeout(res, 250));
        }
        await docker(['kill', '-s', 'TERM', id], { timeoutMs: 30_000 });
        expect((await docker(['wait', id], { timeoutMs: 30_000 })).stdout.trim()).toBe('0');
      } finally {
        await docker(['rm', '-f', id], { timeoutMs: 30_000 });
        await docker(['rmi', image], { timeoutMs: 30_000 });
      }
    }
  }, T);
});
