// Does PID 1 reap orphans? Once the service is ready, a `docker exec` shell forks a subshell
// and exits: the kernel re-parents that orphan to the container's PID 1 (the shim that started the
// exec is a subreaper in another pid namespace, so it does not get it). Seen there, the orphan is
// told to exit (its stdin closes). A PID 1 that never waits for children it did not start leaves
// it in state Z, for good: under load the PID table fills up (pids-limit, then "fork: Resource
// temporarily unavailable").
// Read from the host's /proc (a local engine); a kernel state, so it holds under QEMU as well.
import { round } from './build.js';
import { armExec, type ArmedExec } from './container-calls.js';
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
/** How long the orphan may take to reach PID 1, and then to exit once told. */
const ORPHAN_EXIT_MS = 10_000;
const POLL_MS = 25;
/** Under QEMU every wait here is this many times longer (the emulator starts programs and hands SIGCHLD on late). */
const EMULATED_ZOMBIE_FACTOR = 3;
/**
 * Started with the container, it waits for a line on its stdin (sent once the service is ready),
 * then prints the pid of a subshell it leaves behind and exits. The subshell holds on to the
 * exec's stdin and stdout and waits on stdin: it exits only when the check closes that stdin,
 * after seeing it among PID 1's children. So no shell of the exec's own can reap it first (dash
 * reaps a child that exits before it does), and a reaper cannot take it before it is seen. It
 * runs no program of the image's (a `sleep` under QEMU is a whole emulated start).
 */
export const ARMED = 'read _ && { exec 3<&0; (read _ <&3) & echo "$!"; }';

/** A process of the orphan check itself (its `sh -c`, or the subshell re-parented to PID 1). */
export function isOrphanCheck(argv: readonly string[]): boolean {
  return argv.includes(ARMED);
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
  const once = async (armed: ArmedExec | undefined) => {
    if (!armed) return undefined;
    const said = await armed.say('\n', (out) => /^\d+\n/.test(out));
    const orphanPid = Number(said?.trim());
    if (!Number.isInteger(orphanPid) || orphanPid <= 1) {
      armed.disarm();
      return undefined;
    }
    return watchOrphan(proc, orphanPid, armed, factor, t0);
  };
  const armed = await req.armed;
  const first = armed ? await once(armed) : 'unseen';
  // None started with the container, or its orphan never seen among PID 1's children (gone
  // before this machine looked): once more with a shell started now.
  const outcome = first === 'unseen' ? await once(await armOrphanCheck(req.id, 20 * factor)) : first;
  return outcome === 'unseen' ? undefined : outcome;
}

/**
 * Wait for the orphan among PID 1's children, then let it exit and follow it: 'unseen' when it
 * never shows up there; once seen, gone means reaped (unless PID 1 itself is gone: the
 * container stopped meanwhile).
 */
async function watchOrphan(proc: HostProc, orphanPid: number, armed: ArmedExec, factor: number, t0: number): Promise<ZombieOutcome | 'unseen' | undefined> {
  // It reaches PID 1 once the exec's shell has exited; then, told to, it has to exit before it
  // can be reaped: on a loaded machine that can take seconds, and an orphan still alive says
  // nothing about PID 1 (unknown at the end).
  let aliveUntil = Date.now() + ORPHAN_EXIT_MS * factor;
  let released: Promise<unknown> | undefined;
  let zombieSince: number | undefined;
  let sleptSince = false;
  for (;;) {
    const now = Date.now();
    const orphan = childStates(proc).find((c) => c.nsPid === orphanPid);
    if (!released) {
      if (orphan) {
        // Among PID 1's children: close its stdin, so it exits.
        released = armed.fire('').catch(() => undefined);
        aliveUntil = now + ORPHAN_EXIT_MS * factor;
      } else if (armed.ended || now >= aliveUntil) {
        // It held the stream open: the stream ended, so it is gone without ever reaching PID 1.
        armed.disarm();
        return armed.ended ? 'unseen' : undefined;
      }
    } else if (!orphan) {
      return pid1Running(proc) ? { reaped: true, seconds: round((now - t0) / 1000) } : undefined;
    } else if (orphan.state === 'Z') {
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
