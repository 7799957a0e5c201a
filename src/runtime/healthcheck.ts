// The image's HEALTHCHECK, run by the probe once the service is ready, the way Docker runs it
// (`docker exec`, the container's user and env; CMD-SHELL through the image's shell): a check
// whose program is not in the image, or that never passes while the service is up, marks every
// container unhealthy (Swarm, ECS and Compose's `depends_on: service_healthy` act on that).
// Docker's own first run is `interval` (30 s by default) after the start: too late to wait for.
import { round, truncate } from './build.js';
import { execIn } from './container-calls.js';
import type { DockerResult } from './docker.js';
import type { HealthSpec } from './image-config.js';
import type { PlatformHit } from './types.js';

export interface HealthRequest {
  id: string;
  health: HealthSpec;
  /** Date.now() when the container started. */
  startedAt: number;
  /** The latest moment the probe may still spend on it (its readiness bound). */
  until: number;
  emulated?: boolean;
  /** What made the service count as ready, for the message ("listening on tcp :8000"). */
  readyDetail: string;
  /**
   * A run started with the container, before readiness (its program's own start, a node or
   * python check's seconds under QEMU, overlaps the service's): passing or missing settles it,
   * failing does not count (the service was not ready yet).
   */
  early?: Promise<HealthRun>;
  /**
   * The service was seen serving (a listening socket, the user's log line or command). Else
   * (a quiet process tree: it may be waiting for a database --network none keeps away) a
   * failing check is retried a while and never judged "never passed".
   */
  serving: boolean;
}

export interface HealthOutcome {
  hit?: PlatformHit;
  status: 'healthy' | 'unhealthy' | 'missing' | 'unjudged';
  exitCode: number | null;
  runs: number;
  seconds: number;
  note?: string;
}

/** The OCI runtime's words for a CMD check whose program is not there (docker exec exits 126/127). */
const EXEC_MISSING = /executable file not found in \$PATH|exec: "[^"]*": (?:stat [^:]*: )?no such file or directory/;
/** A shell's (dash, bash, BusyBox ash) words for a CMD-SHELL check's missing program: `sh: 1: curl: not found`. */
const SHELL_MISSING = /(?:^|\n)(?:[^\n:]*: (?:\d+: |line \d+: )?)?([\w.+-]+): (?:command )?not found/;
/** Between runs of a failing check: faster than Docker (its interval), slow enough to let the service settle. */
const RETRY_MS = 1000;
/** How long a failing check is retried when its start period + retries outlast the probe's bound. */
const GIVE_UP_MS = 5000;

export async function checkHealth(req: HealthRequest): Promise<HealthOutcome> {
  const { health } = req;
  const factor = req.emulated ? 3 : 1;
  const t0 = Date.now();
  // Docker counts failures only after the start period, and calls it unhealthy after `retries` of them in a row.
  const dockerDeadline = req.startedAt + (health.startPeriod + health.retries * health.interval) * 1000;
  // A verdict Docker reaches only after the probe's bound cannot be judged: a few runs, then a note.
  const judgeable = req.serving && dockerDeadline <= req.until;
  const giveUpAt = Math.min(req.until, t0 + GIVE_UP_MS * factor);
  let runs = 0;
  let last: { code: number | null; output: string } = { code: null, output: '' };
  const done = (o: Omit<HealthOutcome, 'runs' | 'seconds' | 'exitCode'>): HealthOutcome => ({ ...o, exitCode: last.code, runs, seconds: round((Date.now() - t0) / 1000) });
  let early = req.early;
  for (;;) {
    runs++;
    const res = early ? await early : await runHealthOnce(req.id, health, req.emulated);
    const before = early !== undefined;
    early = undefined;
    const output = `${res.stdout}\n${res.stderr}`.trim();
    last = { code: res.timedOut ? null : res.code, output: res.timedOut ? `no answer within ${health.timeout * factor} s` : output };
    if (!res.timedOut && res.code === 0) return done({ status: 'healthy' });
    const program = missingProgram(res.code, output, health);
    if (program) return done({ status: 'missing', hit: missingHit(req, program, last.output) });
    // Failed before the service was ready: that run says nothing; run it again now.
    if (before) {
      runs--;
      continue;
    }
    const now = Date.now();
    if (judgeable && now >= dockerDeadline) return done({ status: 'unhealthy', hit: neverHealthyHit(req, runs, last) });
    if (!judgeable && now + RETRY_MS >= giveUpAt) {
      const why = req.serving ? `its start period + retries allow ${round((dockerDeadline - req.startedAt) / 1000)} s` : `the service was not seen serving (${truncate(req.readyDetail, 60)})`;
      const note = `The HEALTHCHECK \`${truncate(health.text, 80)}\` had not passed when the probe stopped waiting (${runs} run(s), last exit ${last.code ?? 'timeout'}${last.output ? `: \`${truncate(oneLine(last.output), 120)}\`` : ''}); ${why}, so it was not judged.`;
      return done({ status: 'unjudged', note });
    }
    await new Promise((r) => setTimeout(r, judgeable ? Math.max(10, Math.min(RETRY_MS, dockerDeadline - now)) : RETRY_MS));
  }
}

export type HealthRun = DockerResult;

/** A native platform's verdict on the HEALTHCHECK, offered to the emulated platforms of the same run. */
export interface NativeHealth {
  platform: string;
  /** The check as the image config gives it: only the same check is taken over. */
  text: string;
  status: HealthOutcome['status'];
}

/**
 * One run of the check, as Docker runs it (an exec: the container's user and env). `lowPriority`:
 * started beside the service's own start, it takes only the CPU the service leaves idle.
 */
export function runHealthOnce(id: string, health: HealthSpec, emulated?: boolean, lowPriority?: boolean): Promise<HealthRun> {
  const factor = emulated ? 3 : 1;
  return execIn(id, health.argv, { timeoutMs: (health.timeout * factor + 5) * 1000, maxStdoutBytes: 64 * 1024, ...(lowPriority ? { lowPriority } : {}) });
}

/** The check's program, when the run says it is not in the image. */
export function missingProgram(code: number | null, output: string, health: HealthSpec): string | undefined {
  if ((code === 126 || code === 127) && EXEC_MISSING.test(output)) return health.argv[0];
  // A CMD-SHELL check (`curl -f … || exit 1` exits 1 even then): the shell's own "not found".
  const shell = SHELL_MISSING.exec(output);
  if (shell && code !== 0 && (code === 127 || health.text.includes(shell[1]!))) return shell[1];
  return undefined;
}

function oneLine(s: string): string {
  return s.split('\n').map((l) => l.trim()).filter(Boolean).join(' / ');
}

function missingHit(req: HealthRequest, program: string, output: string): PlatformHit {
  const name = program.split('/').pop()!;
  return {
    rule: 'healthcheck-broken',
    message: `On {platforms} the HEALTHCHECK \`${truncate(req.health.text, 100)}\` can never pass: \`${name}\` is not in the image ({detail}), so Docker marks every container unhealthy.`,
    detail: `\`${truncate(oneLine(output), 160)}\``,
    fix: `Install ${name} in the final stage, or check with a program the image has (e.g. \`node -e "require('http').get('http://127.0.0.1:PORT/', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"\`, \`python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:PORT/')"\`, BusyBox \`wget -q --spider\`).`,
  };
}

function neverHealthyHit(req: HealthRequest, runs: number, last: { code: number | null; output: string }): PlatformHit {
  const h = req.health;
  const code = last.code === null ? 'timed out' : `exited ${last.code}`;
  const odd = last.code !== null && last.code !== 1 ? ` (Docker reserves exit code 2 and expects 0 for healthy, 1 for unhealthy)` : '';
  return {
    rule: 'healthcheck-broken',
    message: `On {platforms} the HEALTHCHECK \`${truncate(h.text, 100)}\` never passed while the service was up (${truncate(req.readyDetail, 60)}): ${runs} runs within its start period + retries (${h.startPeriod} s + ${h.retries} × ${h.interval} s), the last {detail}${odd}, so Docker marks every container unhealthy.`,
    detail: `${code}${last.output ? `: \`${truncate(oneLine(last.output), 160)}\`` : ''}`,
    fix: 'Run the check by hand in a running container (`docker exec <container> <check>`) and point it at what the service really serves (address, port, path); give a slow start a `--start-period`.',
  };
}
