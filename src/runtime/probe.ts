// The SIGTERM shutdown probe: start the image as built (no --init, which would hide the
// problem), let it come up, record PID 1, send the image's own stop signal, time the exit.
// A deployed run (deployed.ts) starts it as a deployment does: its command, env, init, signal.
import fs from 'node:fs';
import path from 'node:path';
import type { ShutdownResult } from '../findings.js';
import type { Cleanup } from './cleanup.js';
import { docker } from './docker.js';
import { killContainer, topText, waitContainer, type ArmedExec } from './container-calls.js';
import type { ImageConfig } from './image-config.js';
import { isMissingEmulator, round, truncate } from './build.js';
import { displayName } from './process-name.js';
import { knownProgram } from '../model/programs.js';
import { signalName, signalNumber } from '../model/signals.js';
import type { ExpectedPid1 } from '../model/start-chain.js';
import { containerState, type ContainerState } from './container-state.js';
import { hostProc, isDefunct, mayLowerPriority, pid1Running, processArgv, processTree, signalDispositions, watchPid1Exit, type HostProc, type SignalDispositions } from './host-proc.js';
import { waitReady, type Readiness } from './readiness.js';
import { checkHealth, runHealthOnce, type HealthOutcome, type HealthRun, type NativeHealth } from './healthcheck.js';
import { armOrphanCheck, checkZombies, isOrphanCheck, zombieHit, type ZombieOutcome } from './zombies.js';
import type { PlatformHit } from './types.js';
import type { SourceRange } from '../model/types.js';
import { judgeStopSignal } from './stop-signal.js';
import { netnsAccess } from './netns-http.js';
import { holdRequest, judgeHeld, release, targetPort, type DrainResult, type HeldRequest } from './request-drain.js';
import type { HttpTarget } from '../options/parse.js';

export interface ProbeOptions {
  gracePeriod: number;
  /** Upper bound on waiting for readiness, seconds (times EMULATION_FACTOR under emulation). */
  startupWait: number;
  readyLog?: RegExp;
  readyCmd?: string;
  /** --ready-http and --probe-http: GET PATH inside the container's network namespace. */
  readyHttp?: HttpTarget;
  probeHttp?: HttpTarget;
  probeEnv: Record<string, string>;
  probeNetwork: string;
  /** --probe-privileges: run the probe without the smoke run's hardening (read-only root, no new privileges, dropped capabilities). */
  probePrivileges?: boolean;
}

/** Static findings the probe can confirm, by rule id (present only when that static rule fired). */
export interface Confirmable {
  /** shell-form-cmd, shell-form-entrypoint, shell-wrapper-in-exec-form, wrapper-missing-exec… */
  shellPid1: string[];
  /** package-manager-as-pid1 */
  packageManager: string[];
}

export interface ProbeRequest {
  image: string;
  platform: string;
  config: ImageConfig;
  options: ProbeOptions;
  cleanup: Cleanup;
  confirms?: Confirmable;
  /** The platform runs under an emulator (QEMU): the verdict rests on timing alone. */
  emulated?: boolean;
  /** Run with a writable root (the rest of the hardening kept): the read-only one stopped it at start. */
  writableRoot?: boolean;
  /** /bin/sh runs in the image (the smoke checks' verdict, which may still be coming): the zombie check needs it. */
  hasShell?: boolean | Promise<boolean | undefined>;
  /**
   * The smoke checks' verdict, run beside the probe: the stop signal waits for it, and is not
   * sent when it says the start executable cannot run (the caller then discards the probe).
   */
  signalGate?: Promise<boolean>;
  /** The program the model's start chain ends in, and the STOPSIGNAL instruction (stop-signal-not-graceful). */
  expectedProgram?: string;
  expectedArgs?: string[];
  stopSignalAt?: { file: string; range: SourceRange };
  /** Where a STOPSIGNAL would be added (the line it goes before). */
  stopSignalInsertAt?: { file: string; line: number };
  /** What the model expects as PID 1, and where it read it: the verdict compares it with what it sees. */
  expectedPid1?: ExpectedPid1;
  /** The probe as deployed (deployed.ts): the container started as the deployment starts it. */
  deployed?: DeployedRun;
  /** An emulated platform's: the native platform's HEALTHCHECK verdict in the same run, once there is one. */
  nativeHealth?: Promise<NativeHealth>;
  /** A native platform's: offer its HEALTHCHECK verdict to the emulated ones as soon as it has one. */
  shareHealth?: (status: NativeHealth['status']) => void;
}

/**
 * How a deployment starts the image, as `docker run` flags: `--entrypoint` + args (never a
 * shell string), its literal env instead of --probe-env's, Docker's init when it gives one.
 * `config.stopSignal` carries its stop signal; `options.gracePeriod` how long the probe waits.
 */
export interface DeployedRun {
  argv: string[];
  env: Record<string, string>;
  init: boolean;
  /** The deployment's grace period: what a SIGKILLed shutdown is said to have exceeded. */
  graceSeconds: number;
  /** A preStop exec hook whose length is not known: run in the container before the signal, timed. */
  preStop?: string[];
}

export interface ProbeResult {
  hits: PlatformHit[];
  pid1?: string;
  /** PID 1's argv as the process has it (emulator prefix stripped), for the JSON report. */
  pid1Argv?: string[];
  oneShot?: { exitCode: number; seconds: number };
  shutdown?: ShutdownResult;
  /** What decided readiness for the stop signal, and when. */
  ready?: Readiness;
  /** PID 1's signal dispositions at readiness, as the kernel keeps them (native, local engine only). */
  pid1Signals?: SignalDispositions;
  /** Those of the process PID 1 should hand over to (a shell PID 1's app child), named as PID 1 is. */
  appSignals?: AppSignals;
  /** The HEALTHCHECK run once ready (healthcheck-broken), and the orphan reaping check (zombies-not-reaped). */
  health?: Omit<HealthOutcome, 'hit' | 'note'>;
  zombies?: ZombieOutcome;
  /** --probe-http: the request held open through the stop signal (request-dropped-on-stop). */
  http?: DrainResult;
  /** The image cannot execute here (exec format error): platform-unavailable, not a failure. */
  unavailable?: string;
  /** The signal gate said no: nothing was judged. */
  abandoned?: boolean;
  notes?: string[];
  /** A deployed run's preStop exec hook, as the probe ran it before the signal. */
  preStop?: { seconds: number; exitCode: number | null };
}

const CALL_MS = 20_000;
/** How long the engine may take to mark a container exited after its PID 1 is gone from /proc. */
const EXIT_SEEN_MS = 5_000;
/** CPUs the engine needs before an emulated HEALTHCHECK's first run goes beside the emulated service's start. */
const EARLY_EMULATED_HEALTH_CPUS = 4;
/** Emulated platforms start several times slower (node under QEMU: 3.2 s instead of 0.3 s). */
export const EMULATION_FACTOR = 3;
const RUN_MS = 90_000;
const LOG_LINES = 5;

/** Resource limits for an untrusted container, each used only when the engine says it can enforce it. */
const LIMITS: { flag: (limits: EngineLimits) => string[]; engine: keyof EngineLimits }[] = [
  { flag: (limits) => ['--cpus', String(cpuLimit(limits.cpus))], engine: 'CpuCfsQuota' },
  { flag: () => ['--memory', '512m'], engine: 'MemoryLimit' },
  { flag: () => ['--pids-limit', '256'], engine: 'PidsLimit' },
];
interface EngineLimits {
  CpuCfsQuota?: boolean;
  MemoryLimit?: boolean;
  PidsLimit?: boolean;
  /** The engine's CPUs (`docker info` NCPU). */
  cpus?: number;
}
let engineLimits: Promise<EngineLimits> | undefined;

/**
 * All of the engine's CPUs but half of one, at least one: a runaway container never takes the
 * whole machine from the tool and the engine, while a service starts as fast as it would
 * deployed. One CPU was too tight: a HEALTHCHECK or a `docker exec` shares the container's quota
 * with the starting service (node under QEMU was ready seconds later beside its emulated check).
 */
export function cpuLimit(cpus: number | undefined): number {
  return cpus !== undefined && Number.isFinite(cpus) && cpus >= 2 ? cpus - 0.5 : 1;
}

/**
 * What this engine's kernel can enforce, from `docker info` (asked once per process): never from
 * a failed run's error text, which names the image's own start path and so is the image's to write.
 * An engine that does not say keeps every limit.
 */
export function limitsOfEngine(): Promise<EngineLimits> {
  engineLimits ??= docker(['info', '--format', '{{json .}}'], { timeoutMs: CALL_MS, maxStdoutBytes: 4 * 1024 * 1024 }).then((r) => {
    try {
      const info = JSON.parse(r.stdout) as Record<string, unknown>;
      const said = (k: 'CpuCfsQuota' | 'MemoryLimit' | 'PidsLimit') => (typeof info[k] === 'boolean' ? (info[k] as boolean) : true);
      return { CpuCfsQuota: said('CpuCfsQuota'), MemoryLimit: said('MemoryLimit'), PidsLimit: said('PidsLimit'), ...(typeof info.NCPU === 'number' ? { cpus: info.NCPU } : {}) };
    } catch {
      return {};
    }
  });
  return engineLimits;
}

/**
 * The smoke run's hardening for the untrusted container: a read-only root (with writable tmpfs
 * where services keep runtime files), no new privileges, and none of the capabilities a service
 * never needs to start (raw sockets, device nodes, audit, file capabilities, chroot).
 */
export const PROBE_HARDENING = ['--read-only', '--tmpfs', '/tmp', '--tmpfs', '/run', '--tmpfs', '/var/run', '--tmpfs', '/var/tmp',
  '--security-opt', 'no-new-privileges', '--cap-drop', 'NET_RAW', '--cap-drop', 'MKNOD', '--cap-drop', 'AUDIT_WRITE', '--cap-drop', 'SETFCAP', '--cap-drop', 'SYS_CHROOT'];

export function runArgs(req: StartRequest, limits: EngineLimits = {}): string[] {
  const { options, cleanup } = req;
  const args = ['run', '-d', '--platform', req.platform, '--network', options.probeNetwork, ...cleanup.labelArgs(), '--log-driver', 'json-file', '--log-opt', 'max-size=5m'];
  for (const limit of LIMITS) if (limits[limit.engine] !== false) args.push(...limit.flag(limits));
  // The second try of an image the hardening stopped at start: Docker's own defaults (its
  // capability set: a DHCP server needs NET_RAW) with a writable root, still no new privileges.
  if (!options.probePrivileges) args.push(...(req.writableRoot ? ['--security-opt', 'no-new-privileges'] : PROBE_HARDENING));
  const deployed = req.deployed;
  for (const [k, v] of Object.entries(deployed ? deployed.env : options.probeEnv)) args.push('-e', `${k}=${v}`);
  if (!deployed) {
    args.push(req.image);
    return args;
  }
  if (deployed.init) args.push('--init');
  // `--entrypoint` takes one word; the rest of the argv follows the image as arguments, each its own word.
  args.push(`--entrypoint=${deployed.argv[0] ?? ''}`, req.image, ...deployed.argv.slice(1));
  return args;
}

/** The image cannot start here because of its CPU type: an emulator missing, on a foreign platform only. */
function noEmulator(req: ProbeRequest, text: string): boolean {
  return req.emulated === true && isMissingEmulator(text);
}

/**
 * A probe container being started: begun while the smoke checks run, so its start overlaps
 * them. `pid` is its PID 1 on the host (0 when the engine did not say: it exited at once).
 */
export type ProbeStart = Promise<{ id: string; at: number; pid: number } | { error: string }>;

/** What starting the container needs: not the image's config, so the start need not wait for `docker image inspect`. */
type StartRequest = Omit<ProbeRequest, 'hasShell' | 'signalGate' | 'confirms' | 'expectedProgram' | 'expectedArgs' | 'stopSignalAt' | 'stopSignalInsertAt' | 'expectedPid1' | 'config'> & Partial<Pick<ProbeRequest, 'config'>>;

export async function startProbe(req: StartRequest): ProbeStart {
  const s = await startContainer(req);
  if (!('id' in s)) return s;
  const at = Date.now();
  return { ...s, at, pid: (await containerState(s.id))?.pid ?? 0 };
}

/** Stop a probe container that will not be probed (the smoke checks found the start executable cannot run). */
export async function abandonProbe(start: ProbeStart, cleanup: Cleanup): Promise<void> {
  const s = await start;
  if (!('id' in s)) return;
  const res = await docker(['rm', '-f', '-v', s.id], { timeoutMs: CALL_MS });
  if (res.code === 0) cleanup.forgetContainer(s.id);
}

export async function probe(req: ProbeRequest, start: ProbeStart = startProbe(req)): Promise<ProbeResult> {
  const { options } = req;
  const started = await start;
  if ('error' in started) {
    const error = started.error;
    if (noEmulator(req, error)) return { hits: [], unavailable: error };
    return { hits: [exitedOnStart(null, [error], req.config, true, false, isMissingEmulator(error) ? req.platform : undefined)] };
  }
  // The orphan check's shell starts with the container and waits for readiness (zombies.ts).
  const armed = req.deployed ? undefined : armOrphanCheck(started.id, options.startupWait * (req.emulated ? EMULATION_FACTOR : 1) + 60);
  try {
    return await probeStarted(req, started, armed);
  } finally {
    void armed?.then((a) => a?.disarm());
  }
}

async function probeStarted(req: ProbeRequest, started: { id: string; at: number; pid: number }, armed: Promise<ArmedExec | undefined> | undefined): Promise<ProbeResult> {
  const { options, config, cleanup } = req;
  const { id, at: startedAt } = started;
  const hostPid = started.pid || undefined;
  const signal = normalizeSignal(config.stopSignal);

  // The HEALTHCHECK's first run starts with the container, so its own start (a node or python
  // check) overlaps the service's: on a quiet 2-CPU machine 0.1 s sooner to the verdict than
  // running it once ready. Under QEMU that start costs seconds of CPU: on two CPUs it made the
  // emulated service itself ready 1.6 s later (3.6 s instead of 2.0 s), more than the check costs
  // once the service is ready, so there it waits for readiness unless it can run at the lowest
  // CPU priority (it then takes only the CPU the service leaves idle: after readiness 0.5 s
  // instead of 1.8 s for an emulated `node -e`) or the engine has CPUs to spare.
  // A deployed run probes the shutdown only (the image's HEALTHCHECK and reaping are the plain run's verdicts).
  const lowPriority = mayLowerPriority();
  // With a native platform in the run its verdict is taken over after readiness instead (afterReady).
  const spareCpus = !req.emulated || (lowPriority && !req.nativeHealth) || ((await limitsOfEngine()).cpus ?? 0) >= EARLY_EMULATED_HEALTH_CPUS;
  const earlyHealth = config.health && !req.deployed && spareCpus ? runHealthOnce(id, config.health, req.emulated, lowPriority) : undefined;
  const bound = round(options.startupWait * (req.emulated ? EMULATION_FACTOR : 1));
  const ownNetns = !/^(?:host|container:)/.test(options.probeNetwork);
  // HTTP from inside the container's network namespace (it keeps --network none), when asked for.
  const httpNotes: string[] = [];
  const access = options.readyHttp || options.probeHttp ? await netnsAccess({ id, hostPid, image: req.image, platform: req.platform, cleanup, emulated: req.emulated }) : undefined;
  const way = access && access.kind !== 'unavailable' ? access : undefined;
  if (access?.kind === 'unavailable') {
    const flags = [options.readyHttp ? '--ready-http' : '', options.probeHttp ? '--probe-http' : ''].filter(Boolean).join(' and ');
    httpNotes.push(`${flags} skipped on ${req.platform}: no way into the container's network namespace here (${access.reason})${options.readyHttp ? '; readiness was judged by the default signals' : ''}.`);
  }
  const readyHttp = options.readyHttp && way && !options.readyLog && !options.readyCmd ? { readyHttp: { target: options.readyHttp, access: way } } : {};
  const ready = await waitReady({ id, hostPid, readyLog: options.readyLog, ...(options.readyCmd ? { readyCmd: options.readyCmd } : {}), ...readyHttp, boundSeconds: bound, healthcheck: config.healthcheck, startedAt, ownNetns });

  // PID 1 and the checks that need a ready service, side by side, and beside them whether it
  // still runs (on a container that exited they fail fast and are not used).
  const checksAfterReady = (pid: number | undefined) => (req.deployed ? Promise.resolve(NO_CHECKS) : afterReady(req, id, pid, startedAt, startedAt + bound * 1000, ready, earlyHealth, armed));
  const afterChecks = ready.by === 'exited' ? undefined : Promise.all([pid1Of(id, hostPid, config.path), checksAfterReady(hostPid)]);
  afterChecks?.catch(() => undefined);
  // The kernel's PID 1 is gone a moment before the engine marks the container exited (under
  // load, longer than a state read over the API takes): wait for the engine to agree first.
  if (ready.by === 'exited') await waitContainer(id, exitSeenMs(req.emulated));
  let state = await containerState(id);
  if (state && !state.running) {
    const early = await exitedEarly(id, state, startedAt, req);
    // Many services write a pid or lease file beside their binary, some need a raw socket: the
    // hardening must not turn a working image into a finding. Once more as Docker runs it by
    // default (writable root, its capabilities); keep what that shows.
    if (!options.probePrivileges && !req.writableRoot && early.hits.some((h) => h.rule === 'exited-on-start')) {
      // The smoke checks found that the start executable cannot run: no second try.
      if (req.signalGate && !(await req.signalGate)) return { hits: [], abandoned: true };
      await docker(['rm', '-f', id], { timeoutMs: CALL_MS });
      req.cleanup.forgetContainer(id);
      const again = await probe({ ...req, writableRoot: true });
      if (!again.hits.some((h) => h.rule === 'exited-on-start')) {
        return { ...again, notes: [...(again.notes ?? []), `On ${req.platform} the container stops at start under the probe's hardening (read-only root, dropped capabilities), so the probe ran it with a writable root and Docker's default capabilities (no new privileges kept).`] };
      }
      return again;
    }
    return early;
  }
  const notes = [...httpNotes];
  if (options.readyLog && ready.by === 'timeout') notes.push(`--ready-log ${String(options.readyLog)} did not match within ${bound} s on ${req.platform}; the stop signal was sent anyway.`);
  if (options.readyCmd && !options.readyLog && ready.by === 'timeout') notes.push(`--ready-cmd \`${options.readyCmd}\` did not exit 0 within ${bound} s on ${req.platform}; the stop signal was sent anyway.`);
  if (readyHttp.readyHttp && ready.by === 'timeout') notes.push(`--ready-http GET ${options.readyHttp!.path} did not answer 2xx/3xx within ${bound} s on ${req.platform}; the stop signal was sent anyway.`);

  // PID 1 (docker top) and the checks that need a ready service, side by side.
  const [top, checked] = await (afterChecks ?? Promise.all([pid1Of(id, state?.pid, config.path), checksAfterReady(state?.pid)]));
  if (checked.zombie) checked.hits.push(zombieHit(truncate(top?.display ?? 'PID 1', 80)));
  // The kernel's own evidence, read before the signal; under QEMU it would be the emulator's handlers.
  const local = hostProc(state?.pid, id);
  const proc = req.emulated ? undefined : local;
  const pid1Signals = proc ? signalDispositions(proc) : undefined;
  const appSignals = proc && top ? handOverSignals(proc, top, config.path) : undefined;
  const notGraceful = req.deployed ? undefined : judgeStopSignal({ signal: signal.name, top, ...(req.expectedProgram !== undefined ? { expectedProgram: req.expectedProgram, expectedArgs: req.expectedArgs ?? [] } : {}), ...(req.stopSignalAt ? { stopSignalAt: req.stopSignalAt } : {}), ...(req.stopSignalInsertAt ? { insertAt: req.stopSignalInsertAt } : {}) });
  if (notGraceful) checked.hits.push(notGraceful);
  notes.push(...checked.notes);
  const named: Partial<ProbeResult> = { ...(top ? { pid1: top.display, pid1Argv: top.argv } : {}), ...(pid1Signals ? { pid1Signals } : {}), ...(appSignals ? { appSignals } : {}), ...checked.results };

  if (req.signalGate && !(await req.signalGate)) return { hits: [], abandoned: true };
  let held: HeldRequest | undefined;
  if (options.probeHttp && way) {
    const port = targetPort(options.probeHttp, id, state?.pid);
    const opened = typeof port === 'number' ? await holdRequest({ access: way, id, hostPid: state?.pid, port, path: options.probeHttp.path, platform: req.platform, emulated: req.emulated }) : { note: `--probe-http skipped on ${req.platform}: ${port}.` };
    held = opened.held;
    if (opened.note) notes.push(opened.note);
  }
  // A deployment's preStop hook runs before its stop signal, as the platform runs it.
  let preStop: ProbeResult['preStop'];
  if (req.deployed?.preStop) {
    preStop = await runPreStop(id, req.deployed.preStop, req.deployed.graceSeconds);
    state = await settledState(id, local, req.emulated);
    const stopped = state !== undefined && !state.running;
    if (preStop.exitCode !== 0 && !stopped) notes.push(`On ${req.platform} the preStop hook \`${truncate(req.deployed.preStop.join(' '), 60)}\` ${preStop.exitCode === null ? `was still running after ${req.deployed.graceSeconds} s` : `exited with code ${preStop.exitCode}`}; the platform sends the stop signal all the same.`);
    if (state && stopped) {
      // The hook stopped the service itself (`nginx -s quit`): its shutdown is over before the signal.
      const shutdown: ShutdownResult = { signal: signal.name, seconds: 0, exitCode: state.exitCode, killed: false };
      const hits = [...checked.hits, ...judgeShutdown({ shutdown, signal, top, gracePeriod: req.deployed.graceSeconds, emulated: req.emulated, pid1Signals, appSignals })];
      return { hits, ...named, ready, shutdown, preStop, notes };
    }
  }

  // Start waiting before the signal so the exit is seen the moment it happens: in /proc on a
  // local engine (the engine's own word comes later under load, and is not the program's time).
  const waiter = waitExit(id, (options.gracePeriod + 60) * 1000);
  const exitWatch = local ? watchPid1Exit(local) : undefined;
  const t0 = Date.now();
  let kill = await killContainer(id, signal.name);
  if (kill.ok && held) release(held);
  if (!kill.ok) {
    state = await settledState(id, local, req.emulated);
    // It exited between the startup check and the signal.
    held?.relay.kill();
    if (state && !state.running) return { ...(await exitedEarly(id, state, startedAt, req)), ...named, ready, notes };
    // A signal name this engine does not know: try its number.
    if (signal.number !== undefined) kill = await killContainer(id, String(signal.number));
    if (!kill.ok) {
      await killContainer(id, 'KILL');
      notes.push(`The shutdown probe on ${req.platform} could not send ${signal.name}: ${firstErrorLine(kill.error) || 'docker kill failed'}.`);
      return { hits: [], ...named, ready, notes };
    }
  }
  let killed = false;
  const graceMs = options.gracePeriod * 1000;
  // The grace timer is cleared as soon as the container exits: a pending timer would keep the
  // CLI (and the Action step) alive for the whole grace period after a clean 0.1 s shutdown.
  const grace = timer(Math.max(0, graceMs - (Date.now() - t0)));
  const exitedAt = Promise.race([waiter.then(() => Date.now()), ...(exitWatch ? [exitWatch.at] : [])]);
  const first = await Promise.race([exitedAt.then(() => 'exited' as const), grace.done.then(() => 'grace' as const)]);
  grace.cancel();
  // A handler the kernel listed before the signal and no longer lists after it was a one-shot
  // (SA_RESETHAND) default of the runtime, e.g. node's own, which re-raises the signal: as PID 1
  // the kernel drops that, and the app installs no handler of its own.
  let pid1SignalsAfter: SignalDispositions | undefined;
  if (first === 'grace') {
    killed = true;
    if (proc && pid1Signals?.caught.includes(signal.name)) pid1SignalsAfter = signalDispositions(proc);
    await killContainer(id, 'KILL');
  }
  const exitCode = await waiter;
  const seconds = round(((killed ? Date.now() : await exitedAt) - t0) / 1000);
  exitWatch?.stop();
  const shutdown: ShutdownResult = { signal: signal.name, seconds: killed ? round(Math.max(seconds, options.gracePeriod)) : seconds, exitCode, killed };
  const drained = held ? await judgeHeld(held, { signal: signal.name, killed, waitMs: 2000 * (req.emulated ? EMULATION_FACTOR : 1) }) : undefined;
  if (drained?.hit) checked.hits.push(drained.hit);
  if (drained?.result.held === 'unjudged') notes.push(`--probe-http on ${req.platform}: the request held open through ${signal.name} was not judged (${drained.result.detail}).`);
  if (drained) named.http = drained.result;

  const hits = [...checked.hits, ...judgeShutdown({ shutdown, signal, top, gracePeriod: req.deployed?.graceSeconds ?? options.gracePeriod, confirms: req.confirms, emulated: req.emulated, pid1Signals, pid1SignalsAfter, appSignals, ...(req.expectedPid1 ? { expected: req.expectedPid1 } : {}) })];
  return { hits, ...named, ready, shutdown, notes, ...(preStop ? { preStop } : {}) };
}

/** Run a preStop exec hook in the container (its argv as the manifest gives it, no shell of ours), timed; null exit code: cut off at the grace period. */
async function runPreStop(id: string, argv: string[], graceSeconds: number): Promise<{ seconds: number; exitCode: number | null }> {
  const t0 = Date.now();
  const res = await docker(['exec', id, ...argv], { timeoutMs: graceSeconds * 1000 });
  return { seconds: round((Date.now() - t0) / 1000), exitCode: res.timedOut ? null : res.code };
}

const NO_CHECKS = { hits: [] as PlatformHit[], notes: [] as string[], results: {} as Pick<ProbeResult, 'health' | 'zombies'>, zombie: false };

/** Readiness that saw the service serve: "never passed" can be judged only then (healthcheck.ts). */
const SERVING: Readiness['by'][] = ['listening', 'log', 'cmd', 'http'];

/**
 * The checks that need a ready service, run side by side before the stop signal: the image's
 * HEALTHCHECK (healthcheck-broken) and whether PID 1 reaps an orphan (zombies-not-reaped).
 */
async function afterReady(req: ProbeRequest, id: string, hostPid: number | undefined, startedAt: number, until: number, ready: Readiness, early?: Promise<HealthRun>, armed?: Promise<ArmedExec | undefined>) {
  const health = req.config.health;
  // Ready by the HEALTHCHECK itself: Docker already ran it and it passed.
  const runnable = health !== undefined && ready.by !== 'healthcheck' && ready.by !== 'exited';
  // Under QEMU a node or python check costs seconds of emulated CPU after readiness. The same
  // check that passed natively in this run, against a service seen serving here too, is not run
  // again: what it would add is QEMU's timing, not the image's (the same rule as reconcileEmulated).
  const native = runnable && req.emulated && SERVING.includes(ready.by) && req.nativeHealth ? await settled(req.nativeHealth) : undefined;
  const passedNatively = native?.status === 'healthy' && native.text === health?.text ? native : undefined;
  const [h, z] = await Promise.all([
    health && runnable && !passedNatively ? checkHealth({ id, health, startedAt, until, emulated: req.emulated, readyDetail: ready.detail, serving: SERVING.includes(ready.by), ...(early ? { early } : {}) }) : undefined,
    Promise.resolve(req.hasShell).then((hasShell) => (hasShell === false ? undefined : checkZombies({ id, hostPid, emulated: req.emulated, ...(armed ? { armed } : {}) }))),
  ]);
  const hits: PlatformHit[] = [];
  const notes: string[] = [];
  const results: Pick<ProbeResult, 'health' | 'zombies'> = {};
  if (h) {
    if (!req.emulated) req.shareHealth?.(h.status);
    if (h.hit) hits.push(h.hit);
    if (h.note) notes.push(`${h.note.replace(/\.$/, '')} on ${req.platform}.`);
    results.health = { status: h.status, exitCode: h.exitCode, runs: h.runs, seconds: h.seconds };
  } else if (health && ready.by === 'healthcheck') {
    if (!req.emulated) req.shareHealth?.('healthy');
    results.health = { status: 'healthy', exitCode: 0, runs: 0, seconds: 0 };
  } else if (passedNatively) {
    results.health = { status: 'healthy', exitCode: 0, runs: 0, seconds: 0 };
    notes.push(`The HEALTHCHECK was not run again on ${req.platform} (emulated): it passed natively on ${passedNatively.platform}, and the service was serving here too (${truncate(ready.detail, 60)}).`);
  }
  if (z) results.zombies = { reaped: z.reaped, seconds: z.seconds };
  return { hits, notes, results, zombie: z?.reaped === false };
}

const exitSeenMs = (emulated?: boolean) => EXIT_SEEN_MS * (emulated ? EMULATION_FACTOR : 1);

/**
 * The container's state once the engine agrees with the kernel. When /proc (read through a
 * handle taken while PID 1 ran) shows PID 1 gone, the engine may not have marked the container
 * exited yet: a preStop hook that stopped the service returns that early.
 */
async function settledState(id: string, local: HostProc | undefined, emulated?: boolean): Promise<ContainerState | undefined> {
  if (local && !pid1Running(local)) await waitContainer(id, exitSeenMs(emulated));
  return containerState(id);
}

/** The promise's value if it has one already, else undefined: never waits for it. */
function settled<T>(p: Promise<T>): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)))]);
}

/**
 * Resolves with the exit code once the container has exited: `docker wait`, and should that
 * call itself fail (not time out), polling the container state.
 */
async function waitExit(id: string, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  const code = await waitContainer(id, timeoutMs);
  if (code !== undefined) return code;
  while (Date.now() < deadline) {
    const state = await containerState(id);
    if (!state) return null;
    if (!state.running) return state.exitCode;
    await sleep(100);
  }
  return null;
}

async function startContainer(req: StartRequest): Promise<{ id: string } | { error: string }> {
  const res = await docker(runArgs(req, await limitsOfEngine()), { timeoutMs: RUN_MS });
  const id = /^[0-9a-f]{12,64}$/m.exec(res.stdout)?.[0];
  if (id) req.cleanup.container(id);
  if (res.code === 0 && id) return { id };
  return { error: firstErrorLine(res.stderr) || (res.timedOut ? `docker run did not answer within ${RUN_MS / 1000} s` : 'docker run failed') };
}

function firstErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^WARNING:|^Run 'docker run --help'/.test(l));
  return (lines[0] ?? '').replace(/^docker: /, '').replace(/^Error response from daemon: /, '');
}

async function exitedEarly(id: string, state: ContainerState, startedAt: number, req: ProbeRequest): Promise<ProbeResult> {
  const ran = Date.parse(state.finishedAt) - Date.parse(state.startedAt);
  const seconds = round((Number.isFinite(ran) && ran >= 0 ? ran : Date.now() - startedAt) / 1000);
  if (state.exitCode === 0 && !state.oomKilled) return { hits: [], oneShot: { exitCode: 0, seconds } };
  const logs = await lastLogLines(id, LOG_LINES);
  if (noEmulator(req, logs.join('\n')) || noEmulator(req, state.error)) return { hits: [], unavailable: logs.find((l) => isMissingEmulator(l)) ?? state.error };
  const formatError = [state.error, ...logs].find((l) => isMissingEmulator(l));
  const native = !req.emulated && formatError !== undefined ? req.platform : undefined;
  const hit = exitedOnStart(state.exitCode, native ? [formatError!] : logs, req.config, false, state.oomKilled, native);
  return { hits: [hit] };
}

/** The last lines of stdout and stderr, interleaved in time order. */
export async function lastLogLines(id: string, n: number): Promise<string[]> {
  const res = await docker(['logs', '--timestamps', '--tail', String(n * 4), id], { timeoutMs: CALL_MS, maxStdoutBytes: 1024 * 1024 });
  const stamped = (res.stdout + '\n' + res.stderr)
    .split('\n')
    .map((l) => /^(\d{4}-\d\d-\d\dT[\d:.]+Z) ?(.*)$/.exec(l.replace(/\r$/, '')))
    .filter((m): m is RegExpExecArray => m !== null && m[2]!.trim() !== '');
  stamped.sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
  return stamped.map((m) => m[2]!.trimEnd()).slice(-n);
}

const WANTS_CONFIG = /\b(?:must (?:be )?(?:set|specif|provid|defin)|(?:is|are) (?:not set|unset|required|missing|empty|undefined)|required (?:env|environment|variable|setting|config)|missing (?:env|environment|required|variable|config|setting)|environment variable|no (?:password|secret|database url|config))/i;

function exitedOnStart(exitCode: number | null, logs: string[], config: ImageConfig, daemonError: boolean, oom = false, nativeExecFormat?: string): PlatformHit {
  const quoted = logs.length > 0 ? `: ${logs.map((l) => `\`${truncate(l.trim(), 160)}\``).join(' ')}` : ' without any output';
  const how = daemonError ? 'could not start' : oom ? `was killed for exceeding the probe's 512 MB memory limit (exit ${exitCode})` : `exited with code ${exitCode} before the stop signal`;
  const wantsConfig = logs.some((l) => WANTS_CONFIG.test(l));
  const readOnly = logs.some((l) => /read-only file system/i.test(l));
  const start = [...config.entrypoint, ...config.cmd].join(' ');
  let fix: string;
  if (nativeExecFormat) {
    // The platform is this machine's own: "exec format error" means the file, not a missing emulator.
    const message = `On {platforms} the container could not start${quoted}: the start file is not an executable for ${nativeExecFormat} (neither an ELF program for this CPU nor a script with a \`#!\` line), although ${nativeExecFormat} runs natively here.`;
    return { rule: 'exited-on-start', message, fix: `Make \`${truncate(start, 80)}\` a ${nativeExecFormat} program or a script starting with \`#!\`, then check it with \`docker run --rm <image>\`.` };
  }
  if (wantsConfig) fix = 'The logs ask for configuration: pass what a real deployment sets with `--probe-env KEY=VALUE` (repeatable), or give the image a working default.';
  else if (readOnly) fix = 'The probe runs with a read-only root file system (writable: /tmp, /run, /var/run, /var/tmp and declared VOLUMEs): write elsewhere, declare a VOLUME, or pass `--probe-privileges` to probe without the hardening.';
  else if (daemonError) fix = `Make the start command \`${truncate(start, 80)}\` exist and be executable in the image, then check it with \`docker run --rm <image>\`.`;
  else fix = `Run \`docker run --rm <image>\` to see the crash and fix the start command \`${truncate(start, 80)}\`; if it needs configuration to start, pass it with \`--probe-env KEY=VALUE\`.`;
  return { rule: 'exited-on-start', message: `On {platforms} the container ${how}${quoted}.`, fix };
}

// ---------------------------------------------------------------- PID 1 ---

export interface Pid1 {
  /** Real argv of PID 1 (the qemu binfmt prefix stripped under emulation). */
  argv: string[];
  /** The same name on every platform: a `#!` script by its name, not `<interpreter> <path>` (process-name.ts). */
  display: string;
  /** Real argv of PID 1's direct children. */
  children: string[][];
  /** Their host pids, in the same order (from `docker top`, which lists host pids). */
  childPids?: number[];
}

export interface AppSignals extends SignalDispositions {
  /** The process, named as PID 1 is (process-name.ts). */
  process: string;
}

/**
 * The dispositions of the process a shell PID 1 should have handed over to: its first app child
 * (appChildren), read from the kernel like PID 1's. Native runs on a local engine only.
 */
function handOverSignals(proc: HostProc, top: Pid1, pathDirs?: string[]): AppSignals | undefined {
  if (!isShell(top.argv) || !top.childPids) return undefined;
  const apps = appChildren(top);
  if (apps.length === 0) return undefined;
  const pid = top.childPids[top.children.indexOf(apps[0]!)];
  if (pid === undefined) return undefined;
  const child = { pid, root: proc.root };
  const dispositions = signalDispositions(child);
  if (!dispositions) return undefined;
  const argv = processArgv(child) ?? apps[0]!;
  return { process: displayName(stripEmulator(argv), pathDirs), ...dispositions };
}

async function pid1Of(id: string, hostPid: number | undefined, pathDirs?: string[]): Promise<Pid1 | undefined> {
  // A local engine: the host's /proc, exact argv included, without a `ps` run by the engine.
  const local = hostProc(hostPid, id);
  const tree = local ? processTree(local) : undefined;
  if (tree) {
    const argv = stripEmulator(tree.argv);
    return { argv, display: displayName(argv, pathDirs), children: tree.children.map((c) => stripEmulator(c.argv)), childPids: tree.children.map((c) => c.pid) };
  }
  const text = await topText(id, ['-eo', 'pid,ppid,args']);
  if (text === undefined) return undefined;
  const top = parseTop(text, hostPid, pathDirs);
  // ps joins arguments with spaces; the kernel's cmdline keeps them apart (a local engine only).
  const exact = local ? processArgv(local) : undefined;
  if (!top || !exact) return top;
  const argv = stripEmulator(exact);
  return { ...top, argv, display: displayName(argv, pathDirs) };
}

/** Parse `docker top <id> -eo pid,ppid,args`; PID 1 is the row whose host pid is State.Pid (else the row without a parent inside). */
export function parseTop(output: string, hostPid?: number, pathDirs?: string[]): Pid1 | undefined {
  const rows = output
    .split('\n')
    .slice(1)
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), argv: stripEmulator(m[3]!.trim().split(/\s+/)) }));
  if (rows.length === 0) return undefined;
  const pids = new Set(rows.map((r) => r.pid));
  const init = rows.find((r) => r.pid === hostPid) ?? rows.find((r) => !pids.has(r.ppid)) ?? rows[0]!;
  const kids = rows.filter((r) => r.ppid === init.pid);
  return { argv: init.argv, display: displayName(init.argv, pathDirs), children: kids.map((r) => r.argv), childPids: kids.map((r) => r.pid) };
}

/**
 * Under binfmt_misc emulation ps shows the interpreter first. With the P (preserve-argv0)
 * flag, which Debian's qemu-user-static (`…/qemu-binfmt/aarch64-binfmt-P`) and
 * tonistiigi/binfmt use, the kernel passes `<interpreter> <path> <argv0> <args…>`;
 * without it `<interpreter> <path> <args…>`.
 */
export function stripEmulator(argv: string[]): string[] {
  const interp = argv[0] ?? '';
  if (!/qemu|binfmt/.test(path.posix.basename(interp))) return argv;
  const preserve = /binfmt-P$/.test(interp) || preservesArgv0(interp) || (argv.length >= 3 && path.posix.basename(argv[1]!) === path.posix.basename(argv[2]!));
  return preserve ? argv.slice(2) : argv.slice(1);
}

const binfmtFlags = new Map<string, boolean>();

/** Read the binfmt_misc entries once to learn whether this interpreter was registered with the P flag. */
function preservesArgv0(interpreter: string): boolean {
  if (binfmtFlags.size === 0) {
    try {
      for (const name of fs.readdirSync('/proc/sys/fs/binfmt_misc')) {
        const text = fs.readFileSync(path.join('/proc/sys/fs/binfmt_misc', name), 'utf8');
        const interp = /^interpreter (.*)$/m.exec(text)?.[1];
        const flags = /^flags: (.*)$/m.exec(text)?.[1] ?? '';
        if (interp) binfmtFlags.set(interp, flags.includes('P'));
      }
    } catch {
      // A remote engine or no binfmt_misc: fall back to the heuristics.
    }
    if (binfmtFlags.size === 0) binfmtFlags.set('', false);
  }
  return binfmtFlags.get(interpreter) === true;
}

export function commandName(argv: string[]): string {
  const first = path.posix.basename(argv[0] ?? '');
  // `/bin/busybox sh …` runs the applet named by the next word.
  if (first === 'busybox' && argv[1] && !argv[1].startsWith('-')) return path.posix.basename(argv[1]);
  return first;
}

export function isShell(argv: string[]): boolean {
  const name = commandName(argv);
  return name !== 'busybox' && knownProgram(name)?.role === 'shell';
}

/** npm/yarn/pnpm directly (npm retitles itself `npm start`) or run by node (`node /usr/local/bin/npm start`). */
export function isPackageManager(argv: string[]): boolean {
  const name = commandName(argv).replace(/\.c?js$/, '');
  if (knownProgram(name)?.role === 'package-manager') return true;
  if (/^node(js)?$/.test(name) && argv[1]) {
    const script = argv[1];
    return /(?:^|\/)(?:npm|npx|yarn|pnpm|npm-cli|npx-cli|yarn\.js|pnpm\.cjs)(?:\.c?js)?$/.test(script) || /\/node_modules\/(?:npm|yarn|pnpm|corepack)\//.test(script);
  }
  return false;
}

/**
 * The children that are an app rather than the shell's own work: a shell loop whose only
 * child is `sleep` is itself the service, not a wrapper around one, and a child with PID 1's
 * own argv is the shell forked for a subshell or caught between fork and exec.
 */
export function appChildren(top: Pick<Pid1, 'argv' | 'children'>): string[][] {
  const self = top.argv.join('\0');
  // The probe's own orphan check runs beside this reading: its re-parented subshell is not the app,
  // nor is its orphan once it has exited and waits for a shell PID 1 to reap it (`[sh] <defunct>`).
  return top.children.filter((c) => commandName(c) !== 'sleep' && c.join('\0') !== self && !isOrphanCheck(c) && !isDefunct(c));
}

// ------------------------------------------------------------- signals ---

export interface StopSignal {
  /** As docker kill takes it: SIGTERM, SIGQUIT, SIGRTMIN+3. */
  name: string;
  number?: number;
}

export function normalizeSignal(raw: string): StopSignal {
  const name = signalName(raw);
  // A number Linux gives no name keeps its number (`STOPSIGNAL 99`).
  const number = /^\d+$/.test(name) ? Number(name) : signalNumber(name);
  return number === undefined ? { name } : { name, number };
}

// ------------------------------------------------------------- verdict ---

export interface ShutdownFacts {
  shutdown: ShutdownResult;
  signal: StopSignal;
  top?: Pid1;
  gracePeriod: number;
  confirms?: Confirmable;
  /** Ran under QEMU: the host saw the emulator's signal handling, not the program's. */
  emulated?: boolean;
  /** PID 1's dispositions read from the kernel before the signal (native runs only). */
  pid1Signals?: SignalDispositions;
  /** PID 1's dispositions read again when the grace period ran out (only if it had a handler before). */
  pid1SignalsAfter?: SignalDispositions;
  /** The hand-over process's (a shell PID 1's app child), likewise. */
  appSignals?: AppSignals;
  /** What the model expected as PID 1 (the start contract). */
  expected?: ExpectedPid1;
}

function confirmsText(ids: string[] | undefined): string {
  if (!ids || ids.length === 0) return '';
  return ` (confirms ${ids.join(' and ')})`;
}

/** Appended to a verdict reached under emulation ({platforms}: the emulated ones). */
export const EMULATED_TIMING = '{platforms} ran emulated (QEMU): that verdict rests on timing alone, and a program that installs its handler late under emulation\'s slowdown can be misjudged; confirm on real hardware if the app handles the signal (a matrix job on `ubuntu-24.04-arm` runs linux/arm64 natively).';

/** The findings of one shutdown: pure, so every branch is unit-testable. */
export function judgeShutdown(facts: ShutdownFacts): PlatformHit[] {
  const { shutdown, signal, top, gracePeriod, confirms, emulated, pid1Signals, pid1SignalsAfter, appSignals, expected: contract } = facts;
  // "expected `gunicorn` as PID 1 (line 12 of entrypoint.sh runs it without `exec`)": the model's word next to what was seen.
  const versus = contract ? `; the start contract expected \`${contract.name}\` as PID 1 (${contract.where})` : '';
  const hits: PlatformHit[] = [];
  const sig = signal.name;
  const expected = signal.number !== undefined ? 128 + signal.number : undefined;
  const okCode = shutdown.exitCode === 0 || (expected !== undefined && shutdown.exitCode === expected);
  const clean = !shutdown.killed && okCode;
  const pid1 = top ? `\`${truncate(top.display, 80)}\`` : 'PID 1';
  const apps = top ? appChildren(top) : [];
  const shellParent = top !== undefined && isShell(top.argv) && apps.length > 0;
  const child = shellParent ? `\`${truncate(displayName(apps[0]!), 60)}\`` : '';
  // `/bin/sh /entrypoint.sh` is shown as the script it runs; say it is a shell all the same.
  const shellName = top !== undefined && top.display !== top.argv.join(' ') ? `shell script ${pid1}` : `shell ${pid1}`;
  // The kernel's word on the child that never got the signal: it would have shut down on its own.
  const childEvidence = shellParent && appSignals
    ? appSignals.caught.includes(sig)
      ? ` (\`${truncate(appSignals.process, 60)}\` has a ${sig} handler, per the kernel's SigCgt for it: it would shut down cleanly if it received the signal)`
      : ` (and \`${truncate(appSignals.process, 60)}\` installs no ${sig} handler either, per the kernel's SigCgt for it)`
    : '';

  if (shutdown.killed) {
    // Listed before the signal, gone after it: a one-shot default handler that re-raised it.
    const oneShot = pid1Signals?.caught.includes(sig) === true && pid1SignalsAfter !== undefined && !pid1SignalsAfter.caught.includes(sig);
    const handled = pid1Signals?.caught.includes(sig) === true && !oneShot;
    const why = shellParent
      ? `the ${shellName} is PID 1 and never passed ${sig} on to ${child}${childEvidence}`
      : emulated
        ? `${pid1} is PID 1 and did not act on it (under QEMU a PID 1 without a handler is left waiting in sigsuspend; natively the kernel drops the signal)`
        : pid1Signals?.ignored.includes(sig)
          ? `${pid1} is PID 1 and sets ${sig} to be ignored (the kernel lists it in PID 1's SigIgn)`
          : oneShot
            ? `${pid1} is PID 1 and installs no handler of its own for ${sig}: the one in the kernel's SigCgt for PID 1 was the runtime's one-shot default (gone from SigCgt once the signal arrived), which re-raises ${sig}, and the kernel drops that for PID 1`
          : handled
            ? `${pid1} is PID 1 and has a ${sig} handler (the kernel lists it in PID 1's SigCgt), but did not exit within the grace period`
            : pid1Signals
              ? `${pid1} is PID 1 and installs no handler for ${sig} (none in the kernel's SigCgt for PID 1), and the kernel drops unhandled signals to PID 1`
              : `${pid1} is PID 1, where the kernel drops signals that have no handler`;
    hits.push({
      rule: 'sigterm-ignored',
      ...(emulated ? { emulatedNote: EMULATED_TIMING } : {}),
      message: `On {platforms} the container ignored ${sig} and was SIGKILLed after the ${gracePeriod} s grace period because ${why}, so every deploy and scale-down kills in-flight work.`,
      fix: handled && !shellParent
        ? `Make the ${sig} handler finish in-flight work and exit well within the grace period (or raise the orchestrator's grace period to match).`
        : shellParent
        ? `Start the app with \`exec\` (in the wrapper: \`exec "$@"\`; in the Dockerfile: exec-form \`CMD ["app", "arg"]\`) so it is PID 1 and receives ${sig} itself.`
        : `Handle ${sig} in the app (finish in-flight work, then exit), or run it under an init that forwards signals, e.g. \`ENTRYPOINT ["tini", "--"]\`.`,
    });
  } else if (shutdown.seconds > gracePeriod / 2) {
    hits.push({
      rule: 'slow-shutdown',
      message: `On {platforms} the container took {detail} to exit after ${sig}, more than half the ${gracePeriod} s grace period, so a slower day ends in SIGKILL.`,
      detail: `${shutdown.seconds} s`,
      fix: 'Bound the drain on shutdown well below the orchestrator\'s grace period (Kubernetes terminationGracePeriodSeconds, 30 s by default), or raise that period to match.',
    });
  }
  if (!shutdown.killed && !okCode) {
    const want = expected !== undefined ? `0 or ${expected} (128 + ${sig})` : '0';
    hits.push({
      rule: 'unclean-exit',
      message: `On {platforms} the container exited with code {detail} after ${sig} instead of ${want}, so orchestrators and restart policies count every deploy as a crash.`,
      detail: String(shutdown.exitCode),
      fix: `Exit with code 0 after a graceful ${sig} shutdown (e.g. \`trap 'kill -TERM "$child"; wait "$child"; exit 0' TERM\`, or the app's own signal handler).`,
    });
  }
  if (shellParent) {
    if (!clean) {
      hits.push({
        rule: 'shell-is-pid1',
        message: `On {platforms} PID 1 is the ${shellName} running ${child} as its child${versus}, and the ${sig} shutdown was not clean${confirmsText(confirms?.shellPid1)}.`,
        fix: 'Replace the shell with the app: `exec "$@"` / `exec app` as the wrapper\'s last command, or an exec-form `CMD ["app", "arg"]` instead of a shell-form one.',
      });
    } else {
      hits.push({
        rule: 'shell-is-pid1',
        severity: 'info',
        message: `On {platforms} PID 1 is the ${shellName} running ${child} as its child; it handled ${sig} and the container exited cleanly, which keeps working only as long as the trap forwards the signal.`,
        fix: 'Prefer `exec`-ing the app so it is PID 1 itself, or keep the shell\'s trap forwarding the stop signal to the child and waiting for it.',
      });
    }
  }
  if (top && isPackageManager(top.argv)) {
    hits.push({
      rule: 'package-manager-is-pid1',
      message: `On {platforms} PID 1 is the package manager ${pid1}, which runs the app under \`sh -c\` and does not let it drain gracefully on ${sig}${confirmsText(confirms?.packageManager)}.`,
      fix: 'Start the app directly in exec form, e.g. `CMD ["node", "server.js"]`, instead of `npm start`.',
    });
  }
  return hits;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A sleep that can be called off, so a race it lost leaves no timer behind. */
export function timer(ms: number): { done: Promise<void>; cancel: () => void } {
  let handle: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return { done, cancel: () => clearTimeout(handle) };
}
