// Does PID 1 reap orphans? Once the service is ready, a `docker exec` shell's subshell
// backgrounds a short `sleep` and exits: the kernel re-parents that orphan to the container's PID 1 (the shim
// that started the exec is a subreaper in another pid namespace, so it does not get it). A PID 1
// that never waits for children it did not start leaves it in state Z, for good: under load
// the PID table fills up (pids-limit, then "fork: Resource temporarily unavailable").
// Read from the host's /proc (a local engine); a kernel state, so it holds under QEMU as well.
import { round } from './build.js';
import { armExec, execIn, type ArmedExec } from './container-calls.js';
import fs from 'node:fs';
import { childStates, hostProc, pid1Running, type HostProc } from './host-proc.js';
import type { PlatformHit } from './types.js';

export interface ZombieRequest {
  id: string;
  hostPid?: number;
  emulated?: boolean;
  /** Its shell, started with the container (armOrphanCheck). */
  armed?: Promise<ArmedExec | undefined>;
}

export interface ZombieOutcome {
  reaped: boolean;
  seconds: number;
}

/**
 * A reaping PID 1 waits within milliseconds of SIGCHLD. A zombie this old, with PID 1 seen
 * asleep since (so it has had its turn on a CPU: a loaded machine can keep it runnable a
 * while), is not going to be reaped.
 */
const ZOMBIE_MS = 100;
/** A zombie this old is unreaped even if PID 1 was never seen asleep (kept runnable on a very busy machine). */
const ZOMBIE_BUSY_MS = 1500;
/** How long the orphan (`sleep 0.1`) may take to exit at all. */
const ORPHAN_EXIT_MS = 10_000;
const POLL_MS = 25;
/** Under QEMU every wait here is this many times longer (the emulator starts programs and hands SIGCHLD on late). */
const EMULATED_ZOMBIE_FACTOR = 3;
/**
 * Prints the orphan's pid (in the container's pid namespace) and leaves it behind. Forked from
 * a subshell that exits at once, so the exec's own shell is not the one that reaps it. The
 * orphan outlives that subshell by 100 ms: a child that exits first is reaped by the subshell
 * itself (dash reaps on SIGCHLD before it exits), which a loaded machine made happen to a
 * `sleep 0` (3 runs in 60 here, read as "PID 1 reaps"); long enough to be seen among PID 1's
 * children before a reaper takes it. Once seen there and then gone, PID 1 reaped it; never seen
 * there, the check runs once more, then nothing is known.
 */
export const ORPHAN = '(sleep 0.1 >/dev/null 2>&1 & echo "$!")';

/** The same, started with the container: it waits for a line on its stdin (sent once the service is ready). */
const ARMED = `read _ && ${ORPHAN}`;

/** A process of the orphan check itself (its `sh -c`, or the subshell re-parented to PID 1 before it execs sleep). */
export function isOrphanCheck(argv: readonly string[]): boolean {
  return argv.some((a) => a === ORPHAN || a === ARMED);
}

/** Start the orphan check's shell now (local engine only), so that after readiness it costs no exec start. */
export function armOrphanCheck(id: string, timeoutSeconds: number): Promise<ArmedExec | undefined> {
  return armExec(id, ['/bin/sh', '-c', ARMED], timeoutSeconds * 1000);
}

/** Undefined when it cannot be checked here: no local /proc, no /bin/sh in the image, the exec failed. */
export async function checkZombies(req: ZombieRequest): Promise<ZombieOutcome | undefined> {
  const proc = hostProc(req.hostPid, req.id);
  if (!proc) return undefined;
  const factor = req.emulated ? EMULATED_ZOMBIE_FACTOR : 1;
  const t0 = Date.now();
  const armed = await req.armed;
  const once = async (fired: ArmedExec | undefined) => {
    const res = fired ? await fired.fire('\n') : await execIn(req.id, ['/bin/sh', '-c', ORPHAN], { timeoutMs: 20_000 * factor, maxStdoutBytes: 4096 });
    const orphanPid = Number(res.stdout.trim());
    if (res.code !== 0 || !Number.isInteger(orphanPid) || orphanPid <= 1) return undefined;
    return watchOrphan(proc, orphanPid, factor, t0);
  };
  const first = await once(armed);
  // Not seen among PID 1's children (its shell reaped it, or this machine was slow to tell the
  // exec had ended until after a reaper had taken it): once more with an exec of its own.
  const outcome = first === 'unseen' ? await once(undefined) : first;
  return outcome === 'unseen' ? undefined : outcome;
}

/**
 * Follow the orphan among PID 1's children: 'unseen' when it never shows up there; once seen,
 * gone means reaped (unless PID 1 itself is gone: the container stopped meanwhile).
 */
async function watchOrphan(proc: HostProc, orphanPid: number, factor: number, t0: number): Promise<ZombieOutcome | 'unseen' | undefined> {
  // The orphan has to exit before it can be reaped: on a loaded machine a short `sleep` can take
  // seconds to get a CPU, and an orphan still alive says nothing about PID 1 (unknown at the end).
  const aliveUntil = Date.now() + ORPHAN_EXIT_MS * factor;
  let zombieSince: number | undefined;
  let sleptSince = false;
  let seen = false;
  for (;;) {
    const now = Date.now();
    const orphan = childStates(proc).find((c) => c.nsPid === orphanPid);
    // The exec's shell has exited, so the orphan is PID 1's child by now, or gone.
    if (!orphan) return !seen ? 'unseen' : pid1Running(proc) ? { reaped: true, seconds: round((now - t0) / 1000) } : undefined;
    seen = true;
    if (orphan.state === 'Z') {
      zombieSince ??= now;
      if (processState(proc) !== 'R') sleptSince = true;
      const stayed = now - zombieSince;
      // Under QEMU the emulator takes the SIGCHLD first and hands it to the program later (tini
      // reaped after 50–160 ms on a busy machine): wait longer there before calling a zombie unreaped.
      if (sleptSince && stayed >= ZOMBIE_MS * factor) return { reaped: false, seconds: round((now - t0) / 1000) };
      // Still a zombie this long, PID 1 never seen asleep: a non-reaper on a very busy machine.
      if (stayed >= ZOMBIE_BUSY_MS * factor) return { reaped: false, seconds: round((now - t0) / 1000) };
    } else if (now >= aliveUntil) {
      return undefined;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** PID 1's own state (R running or runnable, S asleep…). */
function processState(proc: HostProc): string | undefined {
  try {
    const stat = fs.readFileSync(`${proc.root}/${proc.pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

/** The finding, PID 1 named as in messages (`node server.js`). */
export function zombieHit(pid1: string): PlatformHit {
  return {
    rule: 'zombies-not-reaped',
    message: `On {platforms} PID 1 \`${pid1}\` does not reap orphaned child processes: a child left behind by a \`docker exec\` stayed a zombie (state Z in /proc, parent PID 1), so every orphan (a health check's grandchild, a crashed worker's children, a \`sh -c\` helper) keeps its PID until the PID limit is reached and forks fail.`,
    fix: 'Run an init as PID 1 that reaps: `docker run --init`, Compose `init: true`, or in the image `ENTRYPOINT ["tini", "--"]` (Debian/Alpine package `tini`) or `dumb-init`.',
  };
}
