// The probe as deployed: for each deployment matched to the Dockerfile (a compose service, a
// Kubernetes or ECS container), one more probe run of the already built image, started as the
// platform starts it (its entrypoint/command replacement, its literal env, its init, its stop
// signal) and judged against its grace period less its preStop hook (grace-period-exceeded).
// The same sandbox as the plain run: probe.ts starts it (--network none, limits, cleanup).
import type { DeploymentResult, ShutdownResult } from '../findings.js';
import type { Deployment } from '../model/deployment.js';
import { deployedHalves, deploymentLabel } from '../model/deployed-start.js';
import { graceFix, graceRange, graceText, preStopSeconds, preStopText, startKey } from '../model/deployment-grace.js';
import type { SourceRange } from '../model/types.js';
import { round } from './build.js';
import type { Cleanup } from './cleanup.js';
import type { ImageConfig } from './image-config.js';
import { EMULATED_TIMING, isShell, normalizeSignal, probe, type Confirmable, type ProbeOptions } from './probe.js';
import type { PlatformHit } from './types.js';

/** What the platform starts: the image's ENTRYPOINT and CMD as the deployment replaces them. */
export interface DeployedStart {
  entrypoint: string[];
  cmd: string[];
  /** entrypoint + cmd: what runs. */
  argv: string[];
  /** The deployment replaces the image's ENTRYPOINT or CMD; `line` is where. */
  replaced: boolean;
  line?: number;
}

/** The deployed start command on the built image's config (the merge: model/deployed-start.ts). */
export function deployedStart(d: Deployment, image: Pick<ImageConfig, 'entrypoint' | 'cmd'>): DeployedStart {
  const { entrypoint: entry, command, dropsImageCmd } = deployedHalves(d);
  const entrypoint = entry ? entry.value : image.entrypoint;
  const cmd = command ? command.value : dropsImageCmd ? [] : image.cmd;
  const line = entry?.line ?? command?.line;
  return { entrypoint: [...entrypoint], cmd: [...cmd], argv: [...entrypoint, ...cmd], replaced: entry !== undefined || command !== undefined, ...(line !== undefined ? { line } : {}) };
}

/**
 * The deployment's literal env, and nothing of the host's. A name it takes from a secret or a
 * reference (`valueFrom`, `env_file`, ECS `secrets`) is passed only when --probe-env gives it a
 * stand-in value, which the user wrote for the probe.
 */
export function deployedEnv(d: Deployment, probeEnv: Record<string, string>): { env: Record<string, string>; missing: string[] } {
  const env: Record<string, string> = {};
  for (const e of d.env) env[e.name] = e.value;
  const missing: string[] = [];
  for (const name of d.skippedEnv) {
    if (Object.hasOwn(probeEnv, name)) env[name] = probeEnv[name]!;
    else missing.push(name);
  }
  return { env, missing };
}

export interface DeployedProbeJob {
  deployment: Deployment;
  image: string;
  platform: string;
  config: ImageConfig;
  options: ProbeOptions;
  cleanup: Cleanup;
  emulated?: boolean;
  /** Static findings a PID 1 verdict confirms: only when the deployment starts what the Dockerfile does. */
  confirms?: Confirmable;
  /** The plain `docker run` probe of the same platform: what it started, the signal it sent and the rules it reported. */
  plain: { startCommand: string[]; signal: string; rules: ReadonlySet<string> };
  /** Why the image's own start command was not probed: a deployment that keeps it is not probed either. */
  imageCannotStart?: string;
}

export interface DeployedOutcome {
  result: DeploymentResult;
  hits: PlatformHit[];
  notes: string[];
}

/** One probe run of one deployment on one platform. */
export async function probeDeployment(job: DeployedProbeJob): Promise<DeployedOutcome> {
  const d = job.deployment;
  const start = deployedStart(d, job.config);
  const preStop = preStopSeconds(d);
  const result: DeploymentResult = {
    source: d.kind,
    file: d.file,
    line: d.line,
    container: d.name,
    ...(d.workload ? { workload: d.workload } : {}),
    startCommand: start.argv,
    ...(d.init?.value ? { init: true } : {}),
    ...(d.skippedEnv.length > 0 ? { skippedEnv: [...d.skippedEnv] } : {}),
    grace: { seconds: d.grace.seconds, ...(d.grace.line === undefined ? { default: true } : {}), ...(preStop ? { preStop } : {}) },
  };
  const notes: string[] = [];
  if (start.argv.length === 0) {
    result.skipped = 'the deployment starts no command';
    return { result, hits: [], notes };
  }
  if (job.imageCannotStart && !start.replaced) {
    result.skipped = `it starts the image's own command, and ${job.imageCannotStart}`;
    return { result, hits: [], notes };
  }
  const { env, missing } = deployedEnv(d, job.options.probeEnv);
  const signal = normalizeSignal(d.stopSignal?.value ?? job.config.stopSignal).name;
  // Long enough to see a drain that the deployment's grace period cuts off, and never shorter than a plain run's.
  const wait = Math.max(d.grace.seconds, job.options.gracePeriod);
  const sameStart = !start.replaced && signal === job.plain.signal && !d.init?.value;
  // A preStop exec hook of unknown length runs before the signal, timed; a `sleep` is counted, not slept.
  const unknownHook = d.preStop?.kind === 'exec' && preStop === undefined && d.preStop.argv && d.preStop.argv.length > 0 ? d.preStop.argv : undefined;
  const probed = await probe({
    image: job.image,
    platform: job.platform,
    config: { ...job.config, entrypoint: start.entrypoint, cmd: start.cmd, stopSignal: signal },
    options: { ...job.options, gracePeriod: wait },
    cleanup: job.cleanup,
    ...(job.emulated !== undefined ? { emulated: job.emulated } : {}),
    ...(sameStart && job.confirms ? { confirms: job.confirms } : {}),
    deployed: { argv: start.argv, env, init: d.init?.value === true, graceSeconds: d.grace.seconds, ...(unknownHook ? { preStop: unknownHook } : {}) },
  });
  for (const n of probed.notes ?? []) notes.push(`${n} (${deploymentLabel(d)})`);
  if (probed.unavailable) {
    result.skipped = `no emulator for ${job.platform} is registered on this machine`;
    return { result, hits: [], notes };
  }
  if (probed.pid1) result.pid1 = probed.pid1;
  if (probed.pid1Argv) result.pid1Argv = probed.pid1Argv;
  if (probed.ready) result.ready = { by: probed.ready.by, seconds: probed.ready.seconds, detail: probed.ready.detail };
  if (probed.oneShot) result.oneShot = probed.oneShot;
  if (probed.shutdown) result.shutdown = probed.shutdown;

  // Where the deployment wrote what the finding is about: its command, else the container.
  const startAt = lineRange(start.line ?? d.line);
  let hits: PlatformHit[] = probed.hits.filter((h) => h.rule !== 'slow-shutdown').map((h) => ({ ...h, file: d.file, range: startAt, ...(start.replaced ? manifestFix(d, h, signal, isShell(probed.pid1Argv ?? [])) : {}) }));
  if (missing.length > 0 && hits.some((h) => h.rule === 'exited-on-start')) {
    // It was started without what the deployment takes from secrets: its crash is the probe's, not the deployment's.
    hits = hits.filter((h) => h.rule !== 'exited-on-start');
    result.skipped = `it exited on start without ${missing.join(', ')}, which the deployment takes from secrets or references`;
    notes.push(`On ${job.platform} the ${deploymentLabel(d)} exited on start in the probe, which ran it without ${missing.map((m) => `\`${m}\``).join(', ')} (taken from secrets or references, never read): pass stand-in values with \`--probe-env NAME=VALUE\` to probe it as deployed.`);
  }
  const verdict = judgeGrace(d, probed.shutdown, job.emulated === true, probed.preStop?.seconds);
  result.grace = { ...result.grace, ...verdict.grace };
  hits.push(...verdict.hits);
  // A deployment that starts the image as `docker run` does repeats the plain run's verdicts: they are the Dockerfile's.
  if (sameStart) hits = hits.filter((h) => h.rule === 'grace-period-exceeded' || !job.plain.rules.has(h.rule));
  // A developer's setup (the checkout mounted, a development mode): as the static rules, info only.
  if (d.devSetup) hits = hits.map((h) => ({ ...h, severity: 'info' as const, message: `${h.message} Info only: ${d.devSetup}.` }));
  return { result, hits, notes };
}

/** Rules whose plain-run fix edits the Dockerfile; a deployed start command is fixed in the manifest. */
const PID1_RULES = new Set(['shell-is-pid1', 'package-manager-is-pid1']);

function manifestFix(d: Deployment, h: PlatformHit, signal: string, shellPid1: boolean): Pick<PlatformHit, 'fix'> | Record<string, never> {
  const shellSwallowed = h.rule === 'sigterm-ignored' && shellPid1;
  if (!PID1_RULES.has(h.rule) && !shellSwallowed) return {};
  const key = startKey(d);
  return { fix: `Start the app itself in \`${key}:\` (line ${d.entrypoint?.line ?? d.command?.line ?? d.line} of ${d.file}): the list form without a shell or package manager (\`${key}: ["app", "arg"]\`), or \`exec app\` as the shell's last command, so the app is PID 1 and receives ${signal} itself.` };
}

function lineRange(line: number): SourceRange {
  return { line, column: 1, endLine: line, endColumn: 0 };
}

/**
 * grace-period-exceeded at runtime: the preStop hook's known duration + the shutdown the probe
 * measured reaches the deployment's grace period, so the platform SIGKILLs the container
 * mid-drain. A shutdown past half of what the grace period leaves after preStop is
 * slow-shutdown, as for a plain run. A container that never exited is sigterm-ignored (probe.ts).
 */
export function judgeGrace(d: Deployment, shutdown: ShutdownResult | undefined, emulated: boolean, hookMeasured?: number): { grace: Partial<DeploymentResult['grace']>; hits: PlatformHit[] } {
  if (!shutdown) return { grace: {}, hits: [] };
  const written = preStopSeconds(d);
  const preStop = written ?? hookMeasured;
  const known = preStop ?? 0;
  const needed = round(known + shutdown.seconds);
  const grace = d.grace.seconds;
  const measuredHook = written === undefined && hookMeasured !== undefined ? { preStop: hookMeasured } : {};
  if (shutdown.killed) return { grace: { ...measuredHook, needed, exceeded: true }, hits: [] };
  const left = grace - known;
  const hits: PlatformHit[] = [];
  const timing = emulated ? { emulatedNote: EMULATED_TIMING } : {};
  const hook = !d.preStop
    ? 'no preStop hook (0 s)'
    : preStop === undefined
      ? `${preStopText(d)} (its own time not known, counted as 0 s)`
      : `${preStopText(d)}: ${preStop} s${written === undefined ? ' (run and timed by the probe)' : ''}`;
  if (needed >= grace) {
    hits.push({
      rule: 'grace-period-exceeded',
      file: d.file,
      range: graceRange(d),
      ...timing,
      message: `On {platforms} the ${deploymentLabel(d)} needs longer to stop than its grace period: ${hook} + a shutdown of {detail} after ${shutdown.signal} (measured by the probe) ≥ ${graceText(d)}, so the platform SIGKILLs it mid-drain at every deploy and scale-down.`,
      detail: `${shutdown.seconds} s`,
      fix: graceFix(d, Math.ceil(needed * 1.5) + 5),
    });
  } else if (shutdown.seconds > left / 2) {
    hits.push({
      rule: 'slow-shutdown',
      file: d.file,
      range: graceRange(d),
      message: `On {platforms} the ${deploymentLabel(d)} took {detail} to exit after ${shutdown.signal}, more than half of the ${round(left)} s that ${graceText(d)} leaves after ${d.preStop ? preStopText(d) : 'the stop signal'}, so a slower day ends in SIGKILL.`,
      detail: `${shutdown.seconds} s`,
      fix: graceFix(d, Math.ceil(needed * 2) + 5),
    });
  }
  return { grace: { ...measuredHook, needed, exceeded: needed >= grace }, hits };
}

