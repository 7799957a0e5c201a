// The product's output vocabulary: every channel (text, JSON, SARIF, annotations,
// check run, review) formats these and nothing else.

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface Finding {
  rule: string;
  severity: Severity;
  /** One sentence: what is wrong and what it causes. */
  message: string;
  /** One sentence: how to fix it. */
  fix: string;
  /** Relative to the working directory (the repository root in the Action). */
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn?: number;
  /** Present on runtime findings only. */
  platforms?: string[];
  /** The fix as text edits (`--fix` applies it, a review comment suggests it); absent when the fix needs a person. */
  autofix?: Autofix;
}

/**
 * One text edit: replace the range with `text`. Lines are 1-based in the file's text split on
 * `\n` (a CRLF line's `\r` is its last character); columns are 1-based UTF-16 positions in the
 * line, `endColumn` exclusive. An insertion has an empty range.
 */
export interface TextEdit {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/**
 * A fix as edits. `safe`: it changes nothing the container does but the bug (`--fix` applies
 * it); otherwise it may change behaviour and waits for `--fix-unsafe` or a person.
 */
export interface Autofix {
  safe: boolean;
  edits: TextEdit[];
}

export interface ShutdownResult {
  signal: string;
  seconds: number;
  exitCode: number | null;
  killed: boolean;
}

export interface PlatformResult {
  platform: string;
  /** Absent with --image (nothing was built). */
  build?: {
    ok: boolean;
    seconds: number;
    /** The image digest from buildx's --metadata-file. */
    digest?: string;
    /** Dockerfile steps built and those taken from the cache (BuildKit's `CACHED`). */
    cache?: { steps: number; cached: number };
  };
  /** With --image: the reference checked and this platform's manifest digest (the image id for a local tag). */
  image?: { ref: string; digest: string };
  /** Ran under an emulator (QEMU binfmt_misc) rather than on this machine's own CPU. */
  emulated?: boolean;
  startCommand?: string[];
  /** PID 1 named the same on every platform (a `#!` script by its name, not `<interpreter> <path>`). */
  pid1?: string;
  /** PID 1's argv as the process has it (the emulator's prefix stripped). */
  pid1Argv?: string[];
  /**
   * What decided that the container was ready for its stop signal, and when (seconds since it
   * started): a --ready-log match (log), --ready-cmd exiting 0 (cmd), --ready-http answering 2xx/3xx (http), HEALTHCHECK healthy (healthcheck), a listening socket
   * (listening), a quiet process tree (quiet); timeout: not ready within the bound, signalled
   * anyway; fixed: nothing observable (remote engine), a short fixed wait; exited: it exited first.
   */
  ready?: { by: 'log' | 'cmd' | 'http' | 'healthcheck' | 'listening' | 'quiet' | 'exited' | 'timeout' | 'fixed'; seconds: number; detail: string };
  /**
   * PID 1's signal dispositions read from the kernel at readiness (natively, on a local engine),
   * and `app`: those of the process PID 1 should hand over to (a shell PID 1's app child).
   */
  signals?: { pid1: { caught: string[]; ignored: string[] }; app?: { process: string; caught: string[]; ignored: string[] } };
  /**
   * The image's HEALTHCHECK run by the probe once the service was ready (docker exec, as Docker
   * runs it): healthy, unhealthy (never passed within its start period + retries), missing (its
   * program is not in the image), unjudged (still failing when the probe had to stop waiting);
   * `runs` checks in `seconds`.
   */
  health?: { status: 'healthy' | 'unhealthy' | 'missing' | 'unjudged'; exitCode: number | null; runs: number; seconds: number };
  /** An orphaned child left by a docker exec: reaped by PID 1 or left a zombie (state Z); `seconds` the check took. */
  zombies?: { reaped: boolean; seconds: number };
  /**
   * --probe-http: GET `path` on `port` from inside the container's network namespace (`via` the
   * host entering it, or a helper container in it), answered `before` the signal; the request
   * held open through the signal was answered (`status`), dropped (reset or closed unanswered)
   * or unjudged (SIGKILLed after the grace period, or no verdict), `detail` says how.
   */
  http?: { path: string; port: number; via: 'nsenter' | 'helper'; before: number; held: 'answered' | 'dropped' | 'unjudged'; status?: number; detail: string };
  /** Set when the container exited 0 on its own before the probe (a one-shot job). */
  oneShot?: { exitCode: number; seconds: number };
  /** The argv a harmless override command given at `docker run` arrived with (the wrapper's argument forwarding). */
  args?: { sent: string[]; arrived: string[]; forwarded: boolean };
  shutdown?: ShutdownResult;
  /** The probe as deployed: one run per deployment (compose service, Kubernetes or ECS container) matched to the Dockerfile. */
  deployments?: DeploymentResult[];
  /** Why runtime checks did not run or stopped early (platform-unavailable, build failure). */
  skipped?: string;
  /** Wall time of build + smoke checks + probe, seconds. */
  seconds?: number;
}

/**
 * The probe run as a deployment starts the image: its entrypoint/command replacement, its
 * literal env, its init, its stop signal, judged against its grace period (less its preStop).
 */
export interface DeploymentResult {
  /** The kind of manifest. */
  source: 'compose' | 'kubernetes' | 'ecs';
  /** The manifest and the service's or container's line. */
  file: string;
  line: number;
  /** Compose service, Kubernetes container or ECS container definition name. */
  container: string;
  /** Kubernetes: the workload that holds the container (`Deployment/api`). */
  workload?: string;
  /** The argv the platform starts (its replacement of ENTRYPOINT/CMD, else the image's). */
  startCommand: string[];
  /** Started behind Docker's init (compose `init: true`, ECS `initProcessEnabled`). */
  init?: boolean;
  /** Environment names the deployment takes from secrets or references, not passed to the probe. */
  skippedEnv?: string[];
  pid1?: string;
  pid1Argv?: string[];
  ready?: PlatformResult['ready'];
  oneShot?: { exitCode: number; seconds: number };
  /** The shutdown as observed: the probe waits up to the larger of the deployment's grace period and --grace-period. */
  shutdown?: ShutdownResult;
  /**
   * The deployment's grace period (`default`: the platform's, not written in the manifest), its
   * preStop hook's duration (a `sleep` as written, an exec hook as the probe ran and timed it), what shutdown needed (preStop + the observed shutdown) and
   * whether that reaches the grace period (grace-period-exceeded).
   */
  grace: { seconds: number; default?: boolean; preStop?: number; needed?: number; exceeded?: boolean };
  /** Why this deployment was not probed (the container did not start, no start command). */
  skipped?: string;
}

/** Which checks ran for a Dockerfile, and why the others did not: never silently green. */
export interface Checks {
  /** The Dockerfile and its scripts linted (not with --image alone). */
  static: { ran: boolean; reason?: string };
  /** Build, smoke run and shutdown probe: `ran: false` with the reason when the stage did not run at all; else per platform. */
  runtime: { ran: boolean; reason?: string; platforms?: { platform: string; ran: boolean; reason?: string }[] };
}

/** The runtime's reason when it was not asked for (--static): not a skip. */
export const RUNTIME_NOT_ASKED = 'not asked for (static)';

/** The one line a required but skipped runtime check fails with; undefined when every platform ran (or the runtime was not asked for). */
export function runtimeSkip(report: Report): string | undefined {
  const runtime = report.checks?.runtime;
  if (!runtime || (!runtime.ran && runtime.reason === RUNTIME_NOT_ASKED)) return undefined;
  if (!runtime.ran) return `${report.dockerfile || 'the image'}: runtime checks were required but skipped: ${runtime.reason ?? 'no reason given'}`;
  const skipped = (runtime.platforms ?? []).filter((p) => !p.ran);
  if (skipped.length === 0) return undefined;
  return `${report.dockerfile || 'the image'}: runtime checks were required but skipped on ${skipped.map((p) => `${p.platform} (${p.reason ?? 'no reason given'})`).join(', ')}`;
}

/** With require-runtime, the lines of every report whose runtime checks were skipped; none without it. */
export function requiredRuntimeSkips(reports: readonly Report[], required: boolean | undefined): string[] {
  return required ? reports.map(runtimeSkip).filter((l) => l !== undefined) : [];
}

export interface Report {
  version: 1;
  /** The Dockerfile; with --image and no Dockerfile, the image reference (findings point at it). */
  dockerfile: string;
  /** With --image: the reference checked and its digest (the manifest list's; the image id for a local tag). */
  image?: { ref: string; digest: string };
  findings: Finding[];
  platforms: PlatformResult[];
  /**
   * A matrix shard's plan: every platform planned for this Dockerfile (merge expects a shard for
   * each) and the platforms this shard was given (`ran`: covered even where the runtime was skipped).
   */
  plan?: { platforms: string[]; ran?: string[] };
  checks?: Checks;
  /** Notes for people (ShellCheck absent, runtime skipped and why). Not part of the JSON contract's findings. */
  notes?: string[];
  /** Findings the config file or the diff filter took out (src/policy). Not part of the JSON report. */
  dropped?: DroppedCounts;
}

export interface DroppedCounts {
  /** Turned off (`off`) or ignored by the config file. */
  byConfig: number;
  /** Outside the change under the filter mode. */
  byFilter: number;
  filterMode?: string;
  /** The config file in force, as the user knows it. */
  configFile?: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule)
  );
}

/** Sort for people: by file, then line; used by the text reporter. */
export function byLocation(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export type FailOn = Severity | 'never';

/**
 * The config file's per-path `fail-on` (`paths: {"legacy/**": {fail-on: never}}`), by finding.
 * Kept beside the finding, not in it, so the JSON report's shape stays as documented, and every
 * channel's verdict (text, summary, check run, outputs, exit code) follows it through failsAt.
 */
const failOnByFinding = new WeakMap<Finding, FailOn>();

export function setFailOnFor(finding: Finding, failOn: FailOn): void {
  failOnByFinding.set(finding, failOn);
}

/** Whether this finding alone fails the gate at `failOn` (or at its path's own fail-on). */
export function failsGate(f: Finding, failOn: FailOn): boolean {
  const at = failOnByFinding.get(f) ?? failOn;
  return at !== 'never' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[at];
}

export function failsAt(findings: Finding[], failOn: FailOn): boolean {
  return findings.some((f) => failsGate(f, failOn));
}
