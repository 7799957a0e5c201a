// The pure parts of the checks that run once the service is ready and of the emulation
// reconciliation: Docker's HEALTHCHECK config as `docker image inspect` gives it, a check's
// "program not found" in the words the OCI runtime and the shells use (captured from this
// engine: eg-node's dash, eg-busybox's ash, bash), and which emulated verdicts a native run
// of the same chain contradicts. The real programs are in real-services.test.ts.
import { describe, expect, it } from 'vitest';
import type { PlatformResult } from '../../src/findings.js';
import { missingProgram } from '../../src/runtime/healthcheck.js';
import { imageConfigFromInspect, type HealthSpec } from '../../src/runtime/image-config.js';
import { reconcileEmulated } from '../../src/runtime/index.js';
import type { PlatformHit } from '../../src/runtime/types.js';

describe('the HEALTHCHECK as Docker runs it', () => {
  it('CMD-SHELL through /bin/sh -c, durations from nanoseconds, Docker\'s defaults where unset', () => {
    const c = imageConfigFromInspect({ Config: { Healthcheck: { Test: ['CMD-SHELL', 'curl -f http://localhost:8000/ || exit 1'], Interval: 2e9, StartPeriod: 2e9, Retries: 2 } } });
    expect(c.health).toEqual({ argv: ['/bin/sh', '-c', 'curl -f http://localhost:8000/ || exit 1'], text: 'curl -f http://localhost:8000/ || exit 1', interval: 2, timeout: 30, startPeriod: 2, retries: 2 });
  });

  it('CMD as its argv; SHELL replaces /bin/sh -c for CMD-SHELL; NONE is no check', () => {
    expect(imageConfigFromInspect({ Config: { Healthcheck: { Test: ['CMD', 'node', '-e', 'x'] } } }).health).toMatchObject({ argv: ['node', '-e', 'x'], interval: 30, retries: 3 });
    expect(imageConfigFromInspect({ Config: { Shell: ['/bin/bash', '-o', 'pipefail', '-c'], Healthcheck: { Test: ['CMD-SHELL', 'true'] } } }).health!.argv).toEqual(['/bin/bash', '-o', 'pipefail', '-c', 'true']);
    expect(imageConfigFromInspect({ Config: { Healthcheck: { Test: ['NONE'] } } }).health).toBeUndefined();
  });
});

describe('a health check whose program is not in the image', () => {
  const shellCheck: HealthSpec = { argv: ['/bin/sh', '-c', 'curl -f http://localhost:8000/ || exit 1'], text: 'curl -f http://localhost:8000/ || exit 1', interval: 30, timeout: 30, startPeriod: 0, retries: 3 };
  const cmdCheck: HealthSpec = { ...shellCheck, argv: ['curl', '-f', 'http://localhost:8000/'], text: 'curl -f http://localhost:8000/' };

  it('CMD: the OCI runtime\'s "executable file not found" (docker exec exits 126)', () => {
    expect(missingProgram(126, 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown', cmdCheck)).toBe('curl');
  });

  it('CMD-SHELL: dash, BusyBox ash and bash say "not found", also when `|| exit 1` turns it into exit 1', () => {
    expect(missingProgram(1, '/bin/sh: 1: curl: not found', shellCheck)).toBe('curl');
    expect(missingProgram(127, 'sh: curl: not found', shellCheck)).toBe('curl');
    expect(missingProgram(127, 'bash: line 1: curl: command not found', shellCheck)).toBe('curl');
  });

  it('near misses: a refused connection, a 404, a "not found" page the check printed with exit 1 from another program', () => {
    expect(missingProgram(7, 'curl: (7) Failed to connect to localhost port 8000: Connection refused', cmdCheck)).toBeUndefined();
    expect(missingProgram(22, 'curl: (22) The requested URL returned error: 404', cmdCheck)).toBeUndefined();
    expect(missingProgram(1, 'wget: server returned error: HTTP/1.1 404 Not Found', shellCheck)).toBeUndefined();
    expect(missingProgram(0, '/bin/sh: 1: curl: not found', shellCheck)).toBeUndefined();
  });
});

describe('an emulated shutdown verdict against the native one of the same chain', () => {
  const killed = (platform: string, emulated: boolean, pid1 = 'npm start'): PlatformResult => ({
    platform, ...(emulated ? { emulated: true } : {}), startCommand: ['npm', 'start'], pid1, shutdown: { signal: 'SIGTERM', seconds: 10, exitCode: 137, killed: true },
  });
  const clean = (platform: string): PlatformResult => ({ platform, startCommand: ['npm', 'start'], pid1: 'npm start', shutdown: { signal: 'SIGTERM', seconds: 0.4, exitCode: 1, killed: false } });
  const hit = (rule: string, severity?: 'info'): PlatformHit => ({ rule, message: rule, fix: '', ...(severity ? { severity } : {}) });

  it('killed under QEMU, exited natively: the emulated sigterm-ignored becomes a note naming both and the native runner', () => {
    const outcomes = [
      { result: clean('linux/amd64'), hits: [hit('package-manager-is-pid1'), hit('unclean-exit')], notes: [] },
      { result: killed('linux/arm64', true), hits: [hit('sigterm-ignored'), hit('package-manager-is-pid1')], notes: [] },
    ];
    const notes = reconcileEmulated(outcomes);
    expect(outcomes[1]!.hits.map((h) => h.rule)).toEqual(['package-manager-is-pid1']);
    expect(outcomes[0]!.hits.map((h) => h.rule)).toEqual(['package-manager-is-pid1', 'unclean-exit']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^On linux\/arm64 \(emulated by QEMU\) the container was SIGKILLed after ignoring SIGTERM for the grace period \(sigterm-ignored\), but the same start chain `npm start` exited with code 1 after 0.4 s natively on linux\/amd64/);
    expect(notes[0]).toContain('ubuntu-24.04-arm');
  });

  it('killed on both, a different chain, or no native platform: the verdicts stand', () => {
    const both = [{ result: killed('linux/amd64', false), hits: [hit('sigterm-ignored')], notes: [] }, { result: killed('linux/arm64', true), hits: [hit('sigterm-ignored')], notes: [] }];
    expect(reconcileEmulated(both)).toEqual([]);
    expect(both[1]!.hits).toHaveLength(1);
    const other = [{ result: clean('linux/amd64'), hits: [], notes: [] }, { result: killed('linux/arm64', true, 'node server.js'), hits: [hit('sigterm-ignored')], notes: [] }];
    expect(reconcileEmulated(other)).toEqual([]);
    const emulatedOnly = [{ result: killed('linux/arm64', true), hits: [hit('sigterm-ignored')], notes: [] }];
    expect(reconcileEmulated(emulatedOnly)).toEqual([]);
    expect(emulatedOnly[0]!.hits).toHaveLength(1);
  });

  it('a zombie left under QEMU where the native run of the same chain reaped: a note about reaping, not about the shutdown', () => {
    const tini = (platform: string, emulated: boolean, reaped = !emulated): PlatformResult => ({ platform, ...(emulated ? { emulated: true } : {}), startCommand: ['tini', '--', 'node', 'server.js'], pid1: 'tini -- node server.js', shutdown: { signal: 'SIGTERM', seconds: 0.3, exitCode: 0, killed: false }, zombies: { reaped, seconds: 0.1 } });
    const o = [{ result: tini('linux/amd64', false), hits: [], notes: [] }, { result: tini('linux/arm64', true), hits: [hit('zombies-not-reaped')], notes: [] }];
    const notes = reconcileEmulated(o);
    expect(o[1]!.hits).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^On linux\/arm64 \(emulated by QEMU\) the container left an orphaned child a zombie \(zombies-not-reaped\), but the same start chain `tini -- node server.js` did not natively on linux\/amd64/);
    // Both platforms left it: a program that does not reap, said on both.
    const both = [{ result: tini('linux/amd64', false), hits: [hit('zombies-not-reaped')], notes: [] }, { result: tini('linux/arm64', true), hits: [hit('zombies-not-reaped')], notes: [] }];
    expect(reconcileEmulated(both)).toEqual([]);
    expect(both[1]!.hits).toHaveLength(1);
    // The native check could not tell (its orphan never exited on a loaded machine): nothing contradicts the zombie.
    const { zombies: _unknown, ...untold } = tini('linux/amd64', false);
    const unknown = [{ result: untold, hits: [], notes: [] }, { result: tini('linux/arm64', true), hits: [hit('zombies-not-reaped')], notes: [] }];
    expect(reconcileEmulated(unknown)).toEqual([]);
    expect(unknown[1]!.hits).toHaveLength(1);
  });

  it('an info-level shell-is-pid1 is not a verdict to reconcile', () => {
    const o = [{ result: clean('linux/amd64'), hits: [], notes: [] }, { result: killed('linux/arm64', true), hits: [hit('shell-is-pid1', 'info')], notes: [] }];
    expect(reconcileEmulated(o)).toEqual([]);
    expect(o[1]!.hits).toHaveLength(1);
  });
});

describe('the stop signal against the daemon that receives it', () => {
  // `docker top` argv of a retitled nginx master, natively and as stripped under QEMU alike.
  const nginx = { argv: ['nginx:', 'master', 'process', 'nginx', '-e', 'stderr', '-c', '/etc/nginx/eg.conf'], display: 'nginx: master process nginx -e stderr -c /etc/nginx/eg.conf', children: [['nginx:', 'worker', 'process']] };
  const tiniNginx = { argv: ['tini', '--', 'nginx', '-g', 'daemon off;'], display: 'tini -- nginx -g daemon off;', children: [['nginx:', 'master', 'process', 'nginx', '-g', 'daemon off;']] };
  const shNginx = { argv: ['/bin/sh', '-c', 'nginx -g "daemon off;"'], display: '/bin/sh -c nginx -g "daemon off;"', children: [['nginx:', 'master', 'process', 'nginx']] };

  it('nginx as PID 1 or behind tini gets SIGTERM: a fast shutdown, with the graceful signal in the fix', async () => {
    const { judgeStopSignal } = await import('../../src/runtime/stop-signal.js');
    const hit = judgeStopSignal({ signal: 'SIGTERM', expectedProgram: 'nginx', top: nginx })!;
    expect(hit.rule).toBe('stop-signal-not-graceful');
    expect(hit.message).toContain('the stop signal SIGTERM reaches nginx as PID 1');
    expect(hit.fix).toContain('`STOPSIGNAL SIGQUIT`');
    expect(judgeStopSignal({ signal: 'SIGTERM', expectedProgram: '/usr/sbin/nginx', top: tiniNginx })!.message).toContain('through the init `tini`');
  });

  it('near misses: SIGQUIT to nginx, SIGTERM to gunicorn, a shell PID 1 that never passes it on, a chain that ends elsewhere', async () => {
    const { judgeStopSignal } = await import('../../src/runtime/stop-signal.js');
    expect(judgeStopSignal({ signal: 'SIGQUIT', expectedProgram: 'nginx', top: nginx })).toBeUndefined();
    expect(judgeStopSignal({ signal: 'SIGTERM', expectedProgram: 'gunicorn', top: { argv: ['/usr/bin/python3', '/usr/bin/gunicorn', 'app:app'], display: 'gunicorn app:app', children: [] } })).toBeUndefined();
    expect(judgeStopSignal({ signal: 'SIGTERM', expectedProgram: 'nginx', top: shNginx })).toBeUndefined();
    expect(judgeStopSignal({ signal: 'SIGTERM', expectedProgram: 'node', top: nginx })).toBeUndefined();
  });

  it('php-fpm by its versioned name; gunicorn on SIGQUIT is its quick shutdown', async () => {
    const { judgeStopSignal } = await import('../../src/runtime/stop-signal.js');
    const fpm = { argv: ['php-fpm:', 'master', 'process', '(/etc/php/8.2/fpm/php-fpm.conf)'], display: 'php-fpm: master process (/etc/php/8.2/fpm/php-fpm.conf)', children: [] };
    expect(judgeStopSignal({ signal: 'SIGTERM', expectedProgram: 'php-fpm8.2', top: fpm })!.message).toContain('reaches php-fpm as PID 1');
    // BusyBox's httpd applet is not Apache: only `httpd -DFOREGROUND` / `-X` is.
    const bbHttpd = { argv: ['httpd', '-f', '-v', '-p', '8080'], display: 'httpd -f -v -p 8080', children: [] };
    expect(judgeStopSignal({ signal: 'SIGTERM', expectedProgram: 'httpd', expectedArgs: ['-f', '-v', '-p', '8080'], top: bbHttpd })).toBeUndefined();
    const apache = { argv: ['httpd', '-DFOREGROUND'], display: 'httpd -DFOREGROUND', children: [] };
    expect(judgeStopSignal({ signal: 'SIGTERM', expectedProgram: 'httpd', expectedArgs: ['-DFOREGROUND'], top: apache })!.fix).toContain('STOPSIGNAL SIGWINCH');
    const guni = { argv: ['/usr/bin/python3', '/usr/bin/gunicorn', 'app:app'], display: 'gunicorn app:app', children: [] };
    expect(judgeStopSignal({ signal: 'SIGQUIT', expectedProgram: 'gunicorn', top: guni })!.fix).toContain('STOPSIGNAL SIGTERM');
  });
});
