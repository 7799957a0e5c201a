// Does PID 1 reap orphans? Once the service is ready, a `docker exec` shell backgrounds a
// `sleep 0` and exits: the kernel re-parents that orphan to the container's PID 1 (the shim
// that started the exec is a subreaper in another pid namespace, so it does not get it). A PID 1
// that never waits for children it did not start leaves it in state Z, for good: under load
// the PID table fills up (pids-limit, then "fork: Resource temporarily unavailable").
// Read from the host's /proc (a local engine); a kernel state, so it holds under QEMU as well.
import { round } from './build.js';
import { docker } from './docker.js';
import { childStates, hostProc } from './host-proc.js';
import type { PlatformHit } from './types.js';

export interface ZombieRequest {
  id: string;
  hostPid?: number;
  emulated?: boolean;
  /** PID 1 as named in messages (`node server.js`). */
  pid1: string;
}

export interface ZombieOutcome {
  reaped: boolean;
  seconds: number;
  hit?: PlatformHit;
}

/** A reaping PID 1 waits within milliseconds of SIGCHLD; a zombie this old is not going to be reaped. */
const ZOMBIE_MS = 200;
const POLL_MS = 25;
/** Prints the orphan's pid (in the container's pid namespace) and leaves it behind. */
const ORPHAN = 'sleep 0 >/dev/null 2>&1 & echo "$!"';

/** Undefined when it cannot be checked here: no local /proc, no /bin/sh in the image, the exec failed. */
export async function checkZombies(req: ZombieRequest): Promise<ZombieOutcome | undefined> {
  const proc = hostProc(req.hostPid, req.id);
  if (!proc) return undefined;
  const factor = req.emulated ? 3 : 1;
  const t0 = Date.now();
  const res = await docker(['exec', req.id, '/bin/sh', '-c', ORPHAN], { timeoutMs: 20_000 * factor, maxStdoutBytes: 4096 });
  const orphanPid = Number(res.stdout.trim());
  if (res.code !== 0 || !Number.isInteger(orphanPid) || orphanPid <= 1) return undefined;
  const deadline = Date.now() + 1500 * factor;
  let zombieSince: number | undefined;
  for (;;) {
    const now = Date.now();
    const orphan = childStates(proc).find((c) => c.nsPid === orphanPid);
    const zombie = orphan?.state === 'Z';
    if (zombie) zombieSince ??= now;
    else zombieSince = undefined;
    if (zombieSince !== undefined && now - zombieSince >= ZOMBIE_MS * factor) {
      return { reaped: false, seconds: round((now - t0) / 1000), hit: zombieHit(req) };
    }
    // The exec's shell has exited, so the orphan is PID 1's child by now: gone means reaped.
    if (!orphan) return { reaped: true, seconds: round((now - t0) / 1000) };
    if (now >= deadline) return { reaped: !zombie, seconds: round((now - t0) / 1000) };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function zombieHit(req: ZombieRequest): PlatformHit {
  return {
    rule: 'zombies-not-reaped',
    message: `On {platforms} PID 1 \`${req.pid1}\` does not reap orphaned child processes: a child left behind by a \`docker exec\` stayed a zombie (state Z in /proc, parent PID 1), so every orphan (a health check's grandchild, a crashed worker's children, a \`sh -c\` helper) keeps its PID until the PID limit is reached and forks fail.`,
    fix: 'Run an init as PID 1 that reaps: `docker run --init`, Compose `init: true`, or in the image `ENTRYPOINT ["tini", "--"]` (Debian/Alpine package `tini`) or `dumb-init`.',
  };
}
