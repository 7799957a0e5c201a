// The orphan check (zombies.ts) on real containers of the Debian base: PID 1 a program that never
// waits (`sleep`), the same behind Docker's --init, on both platforms, and an armed shell whose
// orphan never reaches PID 1 (its own shell reaped it).
// Ground truth for the zombie: the orphan's /proc/<pid>/stat inside the container (state Z, parent 1).
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { armExec } from '../../src/runtime/container-calls.js';
import { dockerEnv } from '../../src/runtime/docker.js';
import { armOrphanCheck, checkZombies } from '../../src/runtime/zombies.js';
import { DEBIAN_BASE, basesAvailable, basesSkipReason } from './bases.js';

const LABEL = `entrypoint-guard.test=zombies-${process.pid}`;

function cli(args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync('docker', args, { env: dockerEnv(), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: (r.stdout ?? '').trim() };
}

/** A container whose PID 1 is `sleep 300` (it never waits for a child), or Docker's init in front of it. */
function start(init: boolean, platform = 'linux/amd64'): { id: string; pid: number } {
  const run = cli(['run', '-d', '--platform', platform, '--network', 'none', '--label', LABEL, ...(init ? ['--init'] : []), DEBIAN_BASE, 'sleep', '300']);
  expect(run.code).toBe(0);
  return { id: run.stdout, pid: Number(cli(['inspect', '--format', '{{.State.Pid}}', run.stdout]).stdout) };
}

describe.skipIf(!basesAvailable)(`the orphan check on a real engine ${basesSkipReason}`, () => {
  afterAll(() => {
    const ids = cli(['ps', '-aq', '--filter', `label=${LABEL}`]).stdout.split('\n').filter(Boolean);
    if (ids.length > 0) cli(['rm', '-f', ...ids]);
  });

  it.each(['linux/amd64', 'linux/arm64'])('a PID 1 that never waits keeps the orphan a zombie; behind --init it is reaped (%s)', async (platform) => {
    const emulated = platform !== 'linux/amd64';
    const plain = start(false, platform);
    const zombie = await checkZombies({ id: plain.id, hostPid: plain.pid, emulated, armed: armOrphanCheck(plain.id, 60) });
    expect(zombie).toMatchObject({ reaped: false });
    // The truth, read in the container: a child in state Z whose parent is PID 1.
    const states = cli(['exec', plain.id, 'sh', '-c', 'for s in /proc/[0-9]*/stat; do cut -d " " -f 3,4 "$s"; done']).stdout;
    expect(states.split('\n')).toContain('Z 1');

    const reaper = start(true, platform);
    expect(await checkZombies({ id: reaper.id, hostPid: reaper.pid, emulated, armed: armOrphanCheck(reaper.id, 60) })).toMatchObject({ reaped: true });
  });

  it('an orphan its own shell reaped before it could reach PID 1 is not read as "PID 1 reaps": the check runs once more', async () => {
    const plain = start(false);
    // What an orphan that exits on its own can meet (the child exits first, dash reaps it on
    // SIGCHLD before it exits), made certain: the subshell waits for its child.
    const armed = armExec(plain.id, ['/bin/sh', '-c', 'read _ && (sleep 0 >/dev/null 2>&1 & echo "$!"; wait)'], 60_000);
    // The second run, an exec of its own, finds what is true: PID 1 never waits.
    expect(await checkZombies({ id: plain.id, hostPid: plain.pid, armed })).toMatchObject({ reaped: false });
    const states = cli(['exec', plain.id, 'sh', '-c', 'for s in /proc/[0-9]*/stat; do cut -d " " -f 3,4 "$s"; done']).stdout;
    expect(states.split('\n')).toContain('Z 1');
  });
});
