// The probe's pure parts: PID 1 from `docker top` (native and under qemu binfmt), stop
// signals, the shutdown verdict, and the `docker run` argv (no host env, limits, no --init).
import { describe, expect, it } from 'vitest';
import { Cleanup } from '../../src/runtime/cleanup.js';
import type { ImageConfig } from '../../src/runtime/image-config.js';
import { appChildren, isPackageManager, isShell, judgeShutdown, normalizeSignal, parseTop, runArgs, stripEmulator, type Pid1 } from '../../src/runtime/probe.js';
import { ARMED } from '../../src/runtime/zombies.js';

// Captured from this engine: `docker top <id> -eo pid,ppid,args`, linux/arm64 under Debian's qemu-user-static.
const TOP_ARM64 = `PID                 PPID                COMMAND
24358               24336               /usr/libexec/qemu-binfmt/aarch64-binfmt-P /bin/sh sh -c sleep 100 & wait
24388               24358               /usr/libexec/qemu-binfmt/aarch64-binfmt-P /bin/sh sleep 100
`;
const TOP_AMD64 = `PID                 PPID                COMMAND
31001               30980               /bin/sh /usr/local/bin/docker-entrypoint.sh /app/server.sh
31020               31001               /bin/sh /app/server.sh
31044               31020               sleep 1
`;

describe('PID 1 from docker top', () => {
  it('strips the qemu binfmt-P prefix (interpreter, path, then the real argv0) under emulation', () => {
    const top = parseTop(TOP_ARM64, 24358)!;
    expect(top.argv).toEqual(['sh', '-c', 'sleep', '100', '&', 'wait']);
    expect(top.display).toBe('sh -c sleep 100 & wait');
    expect(top.children).toEqual([['sleep', '100']]);
  });

  it('takes the row whose host pid is State.Pid and its direct children natively', () => {
    const top = parseTop(TOP_AMD64, 31001)!;
    expect(top.display).toBe('docker-entrypoint.sh /app/server.sh');
    expect(top.argv).toEqual(['/bin/sh', '/usr/local/bin/docker-entrypoint.sh', '/app/server.sh']);
    expect(top.children).toEqual([['/bin/sh', '/app/server.sh']]);
  });

  it('falls back to the process whose parent is outside the container', () => {
    expect(parseTop(TOP_AMD64)!.argv[1]).toBe('/usr/local/bin/docker-entrypoint.sh');
  });

  it('handles qemu registered without the P flag (path replaces argv0) and leaves native argv alone', () => {
    expect(stripEmulator(['/usr/bin/qemu-aarch64-static', '/usr/local/bin/node', 'server.js'])).toEqual(['/usr/local/bin/node', 'server.js']);
    expect(stripEmulator(['/usr/bin/qemu-aarch64', '/usr/local/bin/node', 'node', 'server.js'])).toEqual(['node', 'server.js']);
    expect(stripEmulator(['node', 'server.js'])).toEqual(['node', 'server.js']);
  });

  it('recognises shells and package managers, including npm run by node', () => {
    expect(isShell(['/bin/sh', '/entrypoint.sh'])).toBe(true);
    expect(isShell(['bash', '-c', 'x'])).toBe(true);
    expect(isShell(['/bin/busybox', 'ash'])).toBe(true);
    expect(isShell(['/usr/bin/python3', 'sh.py'])).toBe(false);
    expect(isPackageManager(['npm', 'start'])).toBe(true);
    expect(isPackageManager(['node', '/usr/local/bin/npm', 'start'])).toBe(true);
    expect(isPackageManager(['node', '/usr/local/lib/node_modules/npm/bin/npm-cli.js', 'run', 'serve'])).toBe(true);
    expect(isPackageManager(['node', '/app/server.js'])).toBe(false);
    expect(isPackageManager(['node', '/app/npm-stats.js'])).toBe(false);
  });
});

describe('stop signals', () => {
  it('normalises names and numbers as STOPSIGNAL allows them', () => {
    expect(normalizeSignal('SIGTERM')).toEqual({ name: 'SIGTERM', number: 15 });
    expect(normalizeSignal('quit')).toEqual({ name: 'SIGQUIT', number: 3 });
    expect(normalizeSignal('2')).toEqual({ name: 'SIGINT', number: 2 });
    expect(normalizeSignal('SIGRTMIN+3')).toEqual({ name: 'SIGRTMIN+3', number: 37 });
  });
});

const shellTop: Pid1 = { argv: ['/bin/sh', '/entrypoint.sh', 'gunicorn'], display: '/bin/sh /entrypoint.sh gunicorn', children: [['gunicorn', 'app:app']] };
const appTop: Pid1 = { argv: ['gunicorn', 'app:app'], display: 'gunicorn app:app', children: [['gunicorn', 'worker']] };
const loopTop: Pid1 = { argv: ['/bin/sh', '/worker.sh'], display: '/bin/sh /worker.sh', children: [['sleep', '1']] };
const term = normalizeSignal('SIGTERM');
const ids = (hits: { rule: string; severity?: string }[]) => hits.map((h) => `${h.rule}${h.severity ? `:${h.severity}` : ''}`).sort();

describe('shutdown verdict', () => {
  it('a clean, fast exit of the app as PID 1 is no finding (0 and 128+signal both count)', () => {
    expect(judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 0.2, exitCode: 0, killed: false }, signal: term, top: appTop, gracePeriod: 10 })).toEqual([]);
    expect(judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 0.2, exitCode: 143, killed: false }, signal: term, top: appTop, gracePeriod: 10 })).toEqual([]);
    const quit = normalizeSignal('SIGQUIT');
    expect(judgeShutdown({ shutdown: { signal: 'SIGQUIT', seconds: 0.2, exitCode: 131, killed: false }, signal: quit, top: appTop, gracePeriod: 10 })).toEqual([]);
  });

  it('SIGKILLed is sigterm-ignored only, never unclean-exit; a shell parent adds shell-is-pid1 with its confirmation', () => {
    const hits = judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 10, exitCode: 137, killed: true }, signal: term, top: shellTop, gracePeriod: 10, confirms: { shellPid1: ['wrapper-missing-exec'], packageManager: [] } });
    expect(ids(hits)).toEqual(['shell-is-pid1', 'sigterm-ignored']);
    expect(hits.find((h) => h.rule === 'shell-is-pid1')!.message).toContain('(confirms wrapper-missing-exec)');
    expect(hits.find((h) => h.rule === 'sigterm-ignored')!.fix).toContain('exec');
  });

  it('the verdict names the PID 1 the start contract expected, and where the model read it', () => {
    const expected = { name: 'gunicorn', where: 'line 12 of docker-entrypoint.sh runs it without `exec`', childOfShell: true };
    const hits = judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 10, exitCode: 137, killed: true }, signal: term, top: shellTop, gracePeriod: 10, expected });
    expect(hits.find((h) => h.rule === 'shell-is-pid1')!.message).toContain('the start contract expected `gunicorn` as PID 1 (line 12 of docker-entrypoint.sh runs it without `exec`)');
    // Without the model's expectation the verdict says only what it saw.
    const bare = judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 10, exitCode: 137, killed: true }, signal: term, top: shellTop, gracePeriod: 10 });
    expect(bare.find((h) => h.rule === 'shell-is-pid1')!.message).not.toContain('start contract');
  });

  it('a shell loop whose only child is sleep is the service itself, not a wrapper', () => {
    const hits = judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 2, exitCode: 137, killed: true }, signal: term, top: loopTop, gracePeriod: 2 });
    expect(ids(hits)).toEqual(['sigterm-ignored']);
  });

  it('a fork of the shell itself (a subshell, or caught between fork and exec) is not an app child', () => {
    const forked: Pid1 = { ...loopTop, children: [['/bin/sh', '/worker.sh']] };
    expect(ids(judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 0.2, exitCode: 3, killed: false }, signal: term, top: forked, gracePeriod: 3 }))).toEqual(['unclean-exit']);
  });

  it('a shell that forwards the signal and exits cleanly is shell-is-pid1 at info', () => {
    const hits = judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 0.3, exitCode: 0, killed: false }, signal: term, top: shellTop, gracePeriod: 10 });
    expect(ids(hits)).toEqual(['shell-is-pid1:info']);
  });

  it('slow-shutdown above half the grace period, unclean-exit for other codes', () => {
    expect(ids(judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 5.01, exitCode: 0, killed: false }, signal: term, top: appTop, gracePeriod: 10 }))).toEqual(['slow-shutdown']);
    expect(ids(judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 4.9, exitCode: 0, killed: false }, signal: term, top: appTop, gracePeriod: 10 }))).toEqual([]);
    const unclean = judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 0.1, exitCode: 1, killed: false }, signal: term, top: appTop, gracePeriod: 10 });
    expect(ids(unclean)).toEqual(['unclean-exit']);
    expect(unclean[0]!.message).toContain('0 or 143');
  });

  it('package manager as PID 1 warns whatever the shutdown did', () => {
    const npm: Pid1 = { argv: ['npm', 'start'], display: 'npm start', children: [['sh', '-c', 'node server.js']] };
    const hits = judgeShutdown({ shutdown: { signal: 'SIGTERM', seconds: 0.4, exitCode: 143, killed: false }, signal: term, top: npm, gracePeriod: 10, confirms: { shellPid1: [], packageManager: ['package-manager-as-pid1'] } });
    expect(ids(hits)).toEqual(['package-manager-is-pid1']);
    expect(hits[0]!.message).toContain('confirms package-manager-as-pid1');
  });
});

describe('docker run argv of the probe', () => {
  const config: ImageConfig = { entrypoint: [], cmd: ['/app/server'], env: {}, path: [], workingDir: '/', user: '', stopSignal: 'SIGTERM', healthcheck: false, os: 'linux', architecture: 'amd64' };

  it('passes only --probe-env, the probe network, limits and the run label; never --init or the host env', () => {
    const cleanup = new Cleanup('eg-unit');
    const before = process.env.EG_HOST_SECRET;
    process.env.EG_HOST_SECRET = 'must-not-leak';
    try {
      const args = runArgs({ image: 'img:1', platform: 'linux/arm64', config, cleanup, options: { gracePeriod: 10, startupWait: 3, probeEnv: { DATABASE_URL: 'postgres://db/app' }, probeNetwork: 'none' } });
      expect(args).not.toContain('--init');
      expect(args.join(' ')).not.toContain('must-not-leak');
      expect(args.filter((a) => a === '-e')).toHaveLength(1);
      expect(args).toContain('DATABASE_URL=postgres://db/app');
      expect(args.slice(args.indexOf('--network'), args.indexOf('--network') + 2)).toEqual(['--network', 'none']);
      expect(args).toContain('--memory');
      expect(args).toContain('--pids-limit');
      expect(args.join(' ')).toContain('--label entrypoint-guard.run=eg-unit');
      expect(args.at(-1)).toBe('img:1');
      // The smoke run's hardening, unless --probe-privileges.
      expect(args).toContain('--read-only');
      expect(args.join(' ')).toContain('--security-opt no-new-privileges');
      expect(args.join(' ')).toContain('--cap-drop NET_RAW');
      const privileged = runArgs({ image: 'img:1', platform: 'linux/arm64', config, cleanup, options: { gracePeriod: 10, startupWait: 3, probeEnv: {}, probeNetwork: 'none', probePrivileges: true } });
      expect(privileged).not.toContain('--read-only');
      expect(privileged).not.toContain('no-new-privileges');
      expect(privileged).not.toContain('--cap-drop');
      // Limits follow what the engine can enforce, nothing else.
      expect(runArgs({ image: 'img:1', platform: 'linux/arm64', config, cleanup, options: { gracePeriod: 10, startupWait: 3, probeEnv: {}, probeNetwork: 'none' } }, { MemoryLimit: false })).not.toContain('--memory');
      // CPU: all of the engine's CPUs but half of one (one on a single-CPU engine or when docker info does not say).
      const cpus = (limits: Parameters<typeof runArgs>[1]) => { const a = runArgs({ image: 'img:1', platform: 'linux/arm64', config, cleanup, options: { gracePeriod: 10, startupWait: 3, probeEnv: {}, probeNetwork: 'none' } }, limits); return a[a.indexOf('--cpus') + 1]; };
      expect(cpus({ cpus: 4 })).toBe('3.5');
      expect(cpus({ cpus: 2 })).toBe('1.5');
      expect(cpus({ cpus: 1 })).toBe('1');
      expect(cpus({})).toBe('1');
      expect(runArgs({ image: 'img:1', platform: 'linux/arm64', config, cleanup, options: { gracePeriod: 10, startupWait: 3, probeEnv: {}, probeNetwork: 'none' } }, { CpuCfsQuota: false, cpus: 4 })).not.toContain('--cpus');
    } finally {
      if (before === undefined) delete process.env.EG_HOST_SECRET;
      else process.env.EG_HOST_SECRET = before;
    }
  });
});

describe('the kernel evidence in the verdict', () => {
  const killed = { signal: 'SIGTERM', seconds: 3, exitCode: null, killed: true };
  const sig = normalizeSignal('SIGTERM');
  const node: Pid1 = { argv: ['node', 'server.js'], display: 'node server.js', children: [] };

  it('a handler in SigCgt before the signal and gone after it is the runtime\'s one-shot default: no handler of the app\'s own', () => {
    const hits = judgeShutdown({ shutdown: killed, signal: sig, top: node, gracePeriod: 3, pid1Signals: { caught: ['SIGINT', 'SIGTERM'], ignored: ['SIGPIPE'] }, pid1SignalsAfter: { caught: ['SIGINT'], ignored: ['SIGPIPE'] } });
    expect(hits.map((h) => h.rule)).toEqual(['sigterm-ignored']);
    expect(hits[0]!.message).toContain('`node server.js` is PID 1 and installs no handler of its own for SIGTERM');
    expect(hits[0]!.fix).toMatch(/^Handle SIGTERM in the app/);
  });

  it('a handler still in SigCgt after the grace period is the app\'s own, too slow', () => {
    const hits = judgeShutdown({ shutdown: killed, signal: sig, top: node, gracePeriod: 3, pid1Signals: { caught: ['SIGTERM'], ignored: [] }, pid1SignalsAfter: { caught: ['SIGTERM'], ignored: [] } });
    expect(hits[0]!.message).toContain('has a SIGTERM handler');
    expect(hits[0]!.fix).toMatch(/^Make the SIGTERM handler finish/);
  });

  it('a shell PID 1 that never passed the signal on names the app child\'s own handler', () => {
    const top: Pid1 = { argv: ['/bin/sh', '-c', 'node server.js'], display: '/bin/sh -c node server.js', children: [['node', 'server.js']], childPids: [4242] };
    const app = { process: 'node server.js', caught: ['SIGTERM'], ignored: [] };
    const hits = judgeShutdown({ shutdown: killed, signal: sig, top, gracePeriod: 3, pid1Signals: { caught: [], ignored: [] }, appSignals: app });
    expect(hits.map((h) => h.rule).sort()).toEqual(['shell-is-pid1', 'sigterm-ignored']);
    expect(hits.find((h) => h.rule === 'sigterm-ignored')!.message).toContain('never passed SIGTERM on to `node server.js` (`node server.js` has a SIGTERM handler');
    const none = judgeShutdown({ shutdown: killed, signal: sig, top, gracePeriod: 3, pid1Signals: { caught: [], ignored: [] }, appSignals: { ...app, caught: [] } });
    expect(none.find((h) => h.rule === 'sigterm-ignored')!.message).toContain('installs no SIGTERM handler either');
  });
});

describe('appChildren: what runs under a shell PID 1', () => {
  const shell = ['/bin/sh', '/usr/local/bin/service.sh'];
  it('the app, not the probe\'s own orphan check re-parented to PID 1 while it runs (seen in the shutdown tests)', () => {
    // The orphan: a subshell of the check's `sh -c`, with its argv.
    const orphan = ['/bin/sh', '-c', ARMED];
    expect(appChildren({ argv: shell, children: [orphan] })).toEqual([]);
    expect(appChildren({ argv: shell, children: [orphan, ['node', 'server.js']] })).toEqual([['node', 'server.js']]);
  });
  it('not a child that has exited and waits to be reaped (the orphan under emulation, seen in CI on trap-clean): it runs nothing', () => {
    expect(appChildren({ argv: shell, children: [['[sh]', '<defunct>']] })).toEqual([]);
    expect(appChildren({ argv: shell, children: [['[sh]', '<defunct>'], ['gunicorn', 'app:app']] })).toEqual([['gunicorn', 'app:app']]);
  });
});
