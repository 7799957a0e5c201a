// When is the container ready for its stop signal? A fixed wait is too slow for a fast service
// and too short for a slow one (node under QEMU needs over 3 s to install its SIGTERM handler),
// so the probe watches for the first sign of readiness:
//   - with --ready-log, a matching log line (the user said what ready means: nothing else counts);
//   - otherwise the image's HEALTHCHECK reporting healthy, a socket listening in the container's
//     network namespace, or its process tree going quiet (no CPU time for about a second);
// and sends the signal anyway at the upper bound (--startup-wait, longer under emulation).
import { round } from './build.js';
import { containerState } from './container-state.js';
import { docker } from './docker.js';
import { hostProc, listeningSockets, treeCpu, type Listener } from './host-proc.js';
import { getOnce, type NetnsAccess } from './netns-http.js';
import { targetPort } from './request-drain.js';
import type { HttpTarget } from '../options/parse.js';

export type ReadyBy = 'log' | 'cmd' | 'http' | 'healthcheck' | 'listening' | 'quiet' | 'exited' | 'timeout' | 'fixed';

export interface Readiness {
  by: ReadyBy;
  /** Since the container started. */
  seconds: number;
  detail: string;
}

export interface ReadinessRequest {
  id: string;
  /** State.Pid from `docker inspect` (0 or undefined when unknown). */
  hostPid?: number;
  readyLog?: RegExp;
  /** --ready-cmd: a command line that exits 0 once the service is ready. */
  readyCmd?: string;
  /** --ready-http: GET PATH answering 2xx/3xx, through a way into the container's network namespace. */
  readyHttp?: { target: HttpTarget; access: Exclude<NetnsAccess, { kind: 'unavailable' }> };
  /** The upper bound, seconds. */
  boundSeconds: number;
  /** The image has a HEALTHCHECK (not NONE). */
  healthcheck: boolean;
  /** Date.now() when `docker run` returned. */
  startedAt: number;
  /**
   * The container has a network namespace of its own (none, bridge, a user network): its
   * listening sockets are its own. With `host` or `container:<id>` they are someone else's.
   */
  ownNetns: boolean;
}

const TICK_MS = 200;
/** Listening sockets are read more often: a few small /proc files, and every tick waited is the verdict's. */
const LISTEN_TICK_MS = 40;
/** No CPU time growth for this long counts as quiet. */
export const QUIET_MS = 1000;
/** CPU ticks (1/100 s) a quiet window may still use: a shell loop forking `sleep` now and then. */
const QUIET_TICKS = 2;
/** How often docker inspect is asked (exit, health) when /proc answers the rest. */
const INSPECT_MS = 1000;
/** Nothing to observe (a remote engine, no HEALTHCHECK): a short fixed wait, as before readiness existed. */
export const FALLBACK_SECONDS = 5;

export async function waitReady(req: ReadinessRequest): Promise<Readiness> {
  if (req.readyLog) return waitForLog(req, req.readyLog);
  if (req.readyCmd) return waitForCmd(req, req.readyCmd);
  if (req.readyHttp) return waitForHttp(req, req.readyHttp.target, req.readyHttp.access);
  const proc = hostProc(req.hostPid, req.id);
  const bound = proc || req.healthcheck ? req.boundSeconds : Math.min(req.boundSeconds, FALLBACK_SECONDS);
  const samples: Sample[] = [];
  let lastInspect = 0;
  let lastSample = 0;
  for (;;) {
    const now = Date.now();
    const elapsed = now - req.startedAt;
    if (proc && now - lastSample >= TICK_MS) {
      lastSample = now;
      const cpu = treeCpu(proc);
      if (cpu === undefined) return ready(req, 'exited', 'PID 1 exited');
      samples.push({ t: now, ...cpu });
      // Keep only what the quiet window can still look at.
      while (samples.length > 2 && samples[1]!.t <= now - QUIET_MS) samples.shift();
      const quiet = quietSince(samples, now);
      if (quiet) return ready(req, 'quiet', `process tree idle for ${QUIET_MS / 1000} s (CPU time ${(cpu.ticks / 100).toFixed(2)} s)`);
    }
    if (proc && req.ownNetns) {
      const listening = listeningSockets(proc);
      if (listening.length > 0) return ready(req, 'listening', `listening on ${describeListeners(listening)}`);
    }
    if (!proc || req.healthcheck) {
      if (now - lastInspect >= (proc ? INSPECT_MS : 500)) {
        lastInspect = now;
        const state = await containerState(req.id);
        if (state && !state.running) return ready(req, 'exited', `exited with code ${state.exitCode}`);
        if (state?.health === 'healthy') return ready(req, 'healthcheck', 'HEALTHCHECK reported healthy');
      }
    }
    if (elapsed >= bound * 1000) {
      if (bound < req.boundSeconds) return ready(req, 'fixed', `no readiness signal can be observed here (no local /proc, no HEALTHCHECK): stop signal sent after ${bound} s`);
      return ready(req, 'timeout', `not ready within ${bound} s: stop signal sent anyway`);
    }
    await sleep(Math.min(proc && req.ownNetns ? LISTEN_TICK_MS : TICK_MS, Math.max(10, bound * 1000 - elapsed)));
  }
}

function ready(req: ReadinessRequest, by: ReadyBy, detail: string): Readiness {
  return { by, seconds: round((Date.now() - req.startedAt) / 1000), detail };
}

export interface Sample {
  t: number;
  ticks: number;
  runnable: boolean;
}

/**
 * The window of the last QUIET_MS used at most QUIET_TICKS of CPU and found the tree runnable
 * at most once (a fork caught in the act): a busy process starved of CPU on a loaded machine
 * uses little CPU time too, but it is always runnable. Needs that much history.
 */
export function quietSince(samples: Sample[], now: number): boolean {
  let from = -1;
  samples.forEach((s, i) => {
    if (s.t <= now - QUIET_MS) from = i;
  });
  const last = samples[samples.length - 1];
  if (from < 0 || !last) return false;
  const window = samples.slice(from);
  return last.ticks - window[0]!.ticks <= QUIET_TICKS && window.filter((s) => s.runnable).length <= 1;
}

export function describeListeners(list: Listener[]): string {
  const names = [...new Set(list.map((l) => (l.proto === 'unix' ? `unix ${l.address}` : `${l.proto} ${l.address}`)))];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

async function waitForLog(req: ReadinessRequest, re: RegExp): Promise<Readiness> {
  let buffer = '';
  let matched = '';
  // Ends when a line matches, when the container exits (the stream closes), or at the bound.
  const res = await docker(['logs', '-f', req.id], {
    timeoutMs: Math.max(0, req.boundSeconds * 1000 - (Date.now() - req.startedAt)),
    maxStdoutBytes: 1024 * 1024,
    onOutput: (chunk) => {
      buffer = (buffer + chunk).slice(-64 * 1024);
      matched ||= buffer.split('\n').find((l) => re.test(l)) ?? '';
      return matched !== '';
    },
  });
  if (matched) return ready(req, 'log', `log line matched ${String(re)}`);
  if (!res.timedOut) return ready(req, 'exited', 'the log stream ended (the container exited)');
  return ready(req, 'timeout', `not ready within ${req.boundSeconds} s: --ready-log ${String(re)} did not match, stop signal sent anyway`);
}

/** --ready-cmd: `docker exec <id> /bin/sh -c CMD` until it exits 0, the container exits, or the bound. */
async function waitForCmd(req: ReadinessRequest, cmd: string): Promise<Readiness> {
  let last = '';
  for (;;) {
    const left = req.boundSeconds * 1000 - (Date.now() - req.startedAt);
    if (left <= 0) return ready(req, 'timeout', `not ready within ${req.boundSeconds} s: --ready-cmd \`${cmd}\` did not exit 0${last ? ` (last: ${last})` : ''}, stop signal sent anyway`);
    const res = await docker(['exec', req.id, '/bin/sh', '-c', cmd], { timeoutMs: Math.max(1000, left), maxStdoutBytes: 64 * 1024 });
    if (res.code === 0) return ready(req, 'cmd', `--ready-cmd \`${cmd}\` exited 0`);
    const state = await containerState(req.id);
    if (state && !state.running) return ready(req, 'exited', `exited with code ${state.exitCode}`);
    last = res.timedOut ? 'timed out' : `exit ${res.code}${res.stderr.trim() ? `: ${res.stderr.trim().split('\n')[0]!.slice(0, 120)}` : ''}`;
    await sleep(CMD_RETRY_MS);
  }
}

/** --ready-http: GET PATH inside the container's network namespace until it answers 2xx/3xx, the container exits, or the bound. */
async function waitForHttp(req: ReadinessRequest, target: HttpTarget, access: Exclude<NetnsAccess, { kind: 'unavailable' }>): Promise<Readiness> {
  let last = '';
  for (;;) {
    const left = req.boundSeconds * 1000 - (Date.now() - req.startedAt);
    if (left <= 0) return ready(req, 'timeout', `not ready within ${req.boundSeconds} s: --ready-http GET ${target.path} did not answer 2xx/3xx${last ? ` (last: ${last})` : ''}, stop signal sent anyway`);
    const port = targetPort(target, req.id, req.hostPid);
    if (typeof port === 'number') {
      const res = await getOnce(access, req.id, port, target.path, Math.min(5000, Math.max(500, left)));
      if (res.status !== undefined && res.status >= 200 && res.status < 400) return ready(req, 'http', `GET ${target.path} on port ${port} answered ${res.status}`);
      last = res.status !== undefined ? `answered ${res.status}` : (res.error ?? 'no answer');
    } else {
      last = port;
    }
    const state = await containerState(req.id);
    if (state && !state.running) return ready(req, 'exited', `exited with code ${state.exitCode}`);
    await sleep(CMD_RETRY_MS);
  }
}

/** Between runs of --ready-cmd and --ready-http. */
const CMD_RETRY_MS = 250;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
