// Runtime verification: per platform, buildx build -> image config -> smoke checks -> SIGTERM
// probe; platforms run concurrently (two at a time) and their findings are merged into one
// finding per rule and place listing every platform it was seen on. The runtime returns hits:
// rule metadata (default severities) is attached by the engine (src/runtime-findings.ts), so
// this module and the Action's post step that imports it never carry the rules.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, PlatformResult, ShutdownResult } from '../findings.js';
import { deploymentLabel } from '../model/deployed-start.js';
import type { DockerfileModel, SourceRange } from '../model/types.js';
import type { Options } from '../options.js';
import { buildPlatform, imageTag, round, truncate, unavailableHit } from './build.js';
import { pullVariant, resolveImage, type ImageVariant, type ResolvedImage } from './image-source.js';
import { buildxVersion, checkBuildOptions, inspectBuilder } from './buildx.js';
import { Cleanup } from './cleanup.js';
import { docker } from './docker.js';
import { inspectImage } from './image-config.js';
import { hostRoot } from './host-root.js';
import { checkArgsForwarding, OVERRIDE } from './args-forwarding.js';
import { lacksShell } from '../model/base-image.js';
import { knownProgram } from '../model/programs.js';
import { effectiveHealthcheck, expectedPid1, forwardingWrapper } from '../model/start-chain.js';
import type { NativeHealth } from './healthcheck.js';
import { abandonProbe, limitsOfEngine, normalizeSignal, probe, startProbe, type Confirmable } from './probe.js';
import { probeDeployment, type DeployedOutcome } from './deployed.js';
import { silentProgress, type Phase, type ProgressFactory, type ProgressSink } from './progress.js';
import { smokeCheck } from './smoke.js';
import { registerBuildSecrets } from './secrets.js';
import type { PlatformHit, RuntimeFinding } from './types.js';

export interface RuntimeResult {
  /** Merged hits without rule metadata: the engine attaches it (withRuleMeta). */
  hits: RuntimeFinding[];
  platforms: PlatformResult[];
  notes: string[];
  /** Why the whole runtime stage did not run (no engine, no buildx, a Windows image); the report's `checks.runtime`. */
  skipped?: string;
  /** With --image: the reference checked and its (manifest list's) digest. */
  image?: { ref: string; digest: string };
}

export interface RuntimeExtras {
  /** The static findings, so runtime findings can say which of them they confirm. */
  staticFindings?: Finding[];
  /** Status as it goes (stderr in the CLI, log groups in the Action); silent when absent. */
  progress?: ProgressFactory;
}

/** Platforms built and probed at the same time (a 2-core runner is busy with two builds). */
export const PLATFORM_CONCURRENCY = 2;
const VERSION_MS = 15_000;

interface Tagged extends PlatformHit {
  platform: string;
}

const BUILD_FAILED = 'the build failed';
const START_CANNOT_RUN = 'the start executable cannot run, so the shutdown probe was skipped';
const NO_START_COMMAND = 'the image has no start command to probe';
/**
 * Skips that are the image's own verdict, each reported as a finding (build-failed, the smoke
 * checks', missing-start-command): the runtime checks ran and judged it; nothing was silently
 * left out, so require-runtime does not fail on them.
 */
export const JUDGED_SKIPS: ReadonlySet<string> = new Set([BUILD_FAILED, START_CANNOT_RUN, NO_START_COMMAND]);

export async function runRuntime(model: DockerfileModel, options: Options, extras: RuntimeExtras = {}): Promise<RuntimeResult> {
  // Secret values are read (for masking only) and the tool's own credentials refused before anything runs.
  registerBuildSecrets(options.secrets);
  const notes: string[] = [];
  const skip = (reason: string, advice = ''): RuntimeResult => ({ hits: [], platforms: [], skipped: reason, notes: [`Runtime checks skipped: ${reason}${advice}.`] });
  if (model.windows) return skip('Windows images are not built or probed');

  // Asked once per process, and here beside the engine queries rather than before the first probe's `docker run`.
  void limitsOfEngine();
  const engine = await docker(['version', '--format', '{{.Server.Os}}/{{.Server.Arch}}'], { timeoutMs: VERSION_MS });
  if (engine.code !== 0 || engine.timedOut) {
    return skip(`no Docker engine answered (${engineProblem(engine.stderr, engine.timedOut)})`);
  }
  const serverPlatform = engine.stdout.trim();
  const buildx = await docker(['buildx', 'version'], { timeoutMs: VERSION_MS });
  if (!options.image && (buildx.code !== 0 || buildx.timedOut)) {
    return skip('docker buildx is not installed', '; add docker/setup-buildx-action to the workflow (or install the docker-buildx plugin)');
  }
  const builder = await inspectBuilder(options.builder);
  const builderPlatforms = builder.platforms;
  if (!options.image) checkBuildOptions(options, { version: await buildxVersion(), driver: builder.driver, platforms: builderPlatforms });
  const binfmt = readBinfmt();

  // --image: the image's own platforms, unless --platforms named them (those it lacks are reported, not failed).
  let resolved: ResolvedImage | undefined;
  let platforms = options.platforms;
  const lacking: string[] = [];
  if (options.image) {
    resolved = await resolveImage(options.image);
    const has = resolved.variants.map((v) => v.platform);
    if (options.platformsExplicit) {
      for (const p of platforms) if (!resolved.variants.some((v) => samePlatform(v.platform, p))) lacking.push(p);
    } else {
      platforms = has;
    }
  }

  const progress = extras.progress?.(platforms) ?? silentProgress;
  const cleanup = new Cleanup(options.runId);
  cleanup.installSignalHandlers();
  const nonce = randomBytes(3).toString('hex');
  const confirms = confirmable(model, extras.staticFindings ?? []);
  const hits: Tagged[] = [];
  const results: PlatformResult[] = [];
  // The native platform's HEALTHCHECK verdict, for the emulated ones to take over (probe.ts);
  // none to wait for when no platform of this run is native.
  let shareHealth!: (verdict: NativeHealth) => void;
  const supports = new Map(platforms.map((p) => [p, platformSupport(p, serverPlatform, builderPlatforms, binfmt)]));
  const nativeInRun = [...supports.values()].some((s) => s.available && !s.emulated);
  const nativeHealth = nativeInRun ? new Promise<NativeHealth>((resolve) => (shareHealth = resolve)) : undefined;
  try {
    const outcomes = await mapLimit(platforms, PLATFORM_CONCURRENCY, async (platform) => {
      const support = supports.get(platform)!;
      if (resolved && lacking.includes(platform)) {
        progress.phase(platform, 'skipped', `the image has no ${platform} variant`);
        return lackingPlatform(platform, resolved);
      }
      const variant = resolved?.variants.find((v) => samePlatform(v.platform, platform));
      try {
        return await runPlatform({ platform, support, model, options, cleanup, confirms, nonce, variant, resolved, progress, nativeHealth, shareHealth });
      } catch (err) {
        progress.phase(platform, 'failed', 'runtime checks stopped by an internal error');
        // A bug or an engine gone mid-run stops this platform's checks, not the report.
        const message = err instanceof Error ? err.message : String(err);
        const result: PlatformResult = resolved ? { platform } : { platform, build: { ok: false, seconds: 0 } };
        return { result: { ...result, skipped: 'runtime checks stopped by an internal error' }, hits: [], notes: [`Runtime checks for ${platform} stopped: ${truncate(message, 200)}.`] };
      }
    });
    notes.push(...reconcileEmulated(outcomes));
    for (const o of outcomes) {
      results.push(o.result);
      hits.push(...o.hits.map((h) => ({ ...h, platform: o.result.platform })));
      for (const d of o.deployed ?? []) hits.push(...d.hits.map((h) => ({ ...h, platform: o.result.platform })));
      notes.push(...o.notes);
    }
  } finally {
    progress.close();
    await cleanup.removeAll();
    cleanup.uninstallSignalHandlers();
  }
  const out: RuntimeResult = { hits: mergeHits(hits, model, platforms), platforms: results, notes };
  if (resolved) out.image = { ref: resolved.ref, digest: resolved.digest };
  return out;
}

/** Shutdown verdicts that rest on timing under QEMU (shell-is-pid1 only at its error severity). */
const TIMING_RULES = new Set(['sigterm-ignored', 'slow-shutdown', 'unclean-exit', 'shell-is-pid1', 'grace-period-exceeded', 'zombies-not-reaped']);

/** One probe run's verdicts: the plain `docker run` one, or one deployment's, on one platform. */
interface ProbedRun {
  platform: string;
  emulated?: boolean;
  startCommand?: string[];
  pid1?: string;
  shutdown?: ShutdownResult;
  zombies?: { reaped: boolean };
  hits: PlatformHit[];
}

/**
 * An emulated platform's shutdown verdict that the native run of the same start chain, in the
 * same run, contradicts is QEMU's signal handling and timing, not the program's: it is dropped
 * for a note that says so (npm and BusyBox syslogd as PID 1 are SIGKILLed under QEMU where they
 * exit natively). Verdicts the native run shares stand. The same for each deployment's runs.
 */
export function reconcileEmulated(outcomes: PlatformOutcome[]): string[] {
  const plain = (o: PlatformOutcome): ProbedRun => ({ ...o.result, hits: o.hits });
  const notes = reconcileRuns(outcomes.map(plain), 'the container', (i, hits) => (outcomes[i]!.hits = hits));
  const deployments = Math.max(0, ...outcomes.map((o) => o.deployed?.length ?? 0));
  for (let d = 0; d < deployments; d++) {
    const runs = outcomes.map((o) => {
      const dep = o.deployed?.[d];
      return { platform: o.result.platform, ...(o.result.emulated ? { emulated: true } : {}), ...(dep ? { ...dep.result, hits: dep.hits } : { hits: [] }) };
    });
    const subject = `the container as ${outcomes.map((o) => o.deployed?.[d]?.subject).find(Boolean) ?? 'deployed'}`;
    notes.push(...reconcileRuns(runs, subject, (i, hits) => (outcomes[i]!.deployed![d]!.hits = hits)));
  }
  return notes;
}

function reconcileRuns(runs: ProbedRun[], subject: string, setHits: (index: number, hits: PlatformHit[]) => void): string[] {
  const notes: string[] = [];
  const chain = (r: ProbedRun) => `${(r.startCommand ?? []).join('\0')}\n${r.pid1 ?? ''}`;
  const key = (h: PlatformHit) => `${h.rule}\0${h.severity ?? ''}`;
  runs.forEach((emulated, index) => {
    if (!emulated.emulated || !emulated.shutdown) return;
    const native = runs.find((r) => !r.emulated && r.shutdown && chain(r) === chain(emulated));
    if (!native) return;
    const nativeKeys = new Set(native.hits.map(key));
    // A zombie is contradicted only by a native run that saw its orphan reaped (not by one that could not tell).
    const contradicts = (h: PlatformHit) => !nativeKeys.has(key(h)) && (h.rule !== 'zombies-not-reaped' || native.zombies?.reaped === true);
    const contradicted = emulated.hits.filter((h) => TIMING_RULES.has(h.rule) && h.severity !== 'info' && contradicts(h));
    if (contradicted.length === 0) return;
    setHits(index, emulated.hits.filter((h) => !contradicted.includes(h)));
    const e = emulated.shutdown;
    const n = native.shutdown!;
    // The orphan check's verdict is about reaping, not about the shutdown.
    const shutdownRules = contradicted.some((h) => h.rule !== 'zombies-not-reaped');
    const there = !shutdownRules ? 'left an orphaned child a zombie' : e.killed ? `was SIGKILLed after ignoring ${e.signal} for the grace period` : `exited with code ${e.exitCode} after ${e.seconds} s`;
    const here = !shutdownRules ? 'did not' : n.killed ? 'was SIGKILLed too, for other reasons' : `exited with code ${n.exitCode} after ${n.seconds} s`;
    notes.push(
      `On ${emulated.platform} (emulated by QEMU) ${subject} ${there} (${[...new Set(contradicted.map((h) => h.rule))].join(', ')}), but the same start chain \`${truncate(emulated.pid1 ?? (emulated.startCommand ?? []).join(' '), 60)}\` ${here} natively on ${native.platform}: the emulated verdict rests on QEMU's signal handling and timing, so it is not reported. Confirm on real ${emulated.platform.split('/')[1]} hardware, e.g. a matrix job on \`ubuntu-24.04-arm\`.`,
    );
  });
  return notes;
}

/** `linux/arm64` and `linux/arm64/v8` are the same platform. */
function samePlatform(a: string, b: string): boolean {
  const norm = (p: string) => p.replace(/^(linux\/arm64)\/v8$/, '$1');
  return norm(a) === norm(b);
}

/** --platforms named a platform the image does not have: said, not failed. */
function lackingPlatform(platform: string, resolved: ResolvedImage): PlatformOutcome {
  const has = resolved.variants.map((v) => v.platform).join(', ');
  return {
    result: { platform, skipped: `the image ${resolved.ref} has no ${platform} variant (it has ${has})` },
    hits: [],
    notes: [`${resolved.ref} has no ${platform} image (it has ${has}), so ${platform} was not checked.`],
  };
}

function engineProblem(stderr: string, timedOut: boolean): string {
  if (timedOut) return `docker version did not answer within ${VERSION_MS / 1000} s`;
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /cannot connect|connection refused|no such file|not found|permission denied|ENOENT|is the docker daemon running/i.test(l)) ?? lines.at(-1);
  if (!line || /ENOENT/.test(line)) return 'the docker command is not installed';
  return truncate(line.replace(/^error during connect: /i, ''), 200);
}

interface PlatformOutcome {
  result: PlatformResult;
  hits: PlatformHit[];
  notes: string[];
  /** The probe as deployed, per deployment in model.deployments' order (its result is also in result.deployments). */
  deployed?: Array<DeployedOutcome & { subject: string }>;
}

interface PlatformJob {
  platform: string;
  support: Support;
  model: DockerfileModel;
  options: Options;
  cleanup: Cleanup;
  confirms: Confirmable;
  nonce: string;
  /** With --image: this platform's image, and the reference it came from. */
  variant?: ImageVariant;
  resolved?: ResolvedImage;
  progress: ProgressSink;
  /** The HEALTHCHECK verdict of the run's native platform: given by it, read by the emulated ones. */
  nativeHealth?: Promise<NativeHealth>;
  shareHealth?: (verdict: NativeHealth) => void;
}

async function runPlatform(job: PlatformJob): Promise<PlatformOutcome> {
  const { platform, support, model, options, cleanup, confirms, progress } = job;
  const started = Date.now();
  const result: PlatformResult = job.resolved ? { platform } : { platform, build: { ok: false, seconds: 0 } };
  if (support.available && support.emulated) result.emulated = true;
  const hits: PlatformHit[] = [];
  const notes: string[] = [];
  const deployed: NonNullable<PlatformOutcome['deployed']> = [];
  const done = (): PlatformOutcome => {
    result.seconds = round((Date.now() - started) / 1000);
    const final: Phase = !result.skipped ? 'done' : result.build && !result.build.ok && !/emulator/.test(result.skipped) ? 'failed' : 'skipped';
    progress.phase(platform, final, result.skipped);
    return { result, hits, notes, ...(deployed.length > 0 ? { deployed } : {}) };
  };
  if (!support.available) {
    hits.push(unavailableHit(platform, model, support.reason));
    result.skipped = `no emulator for ${platform} is registered on this machine`;
    return done();
  }

  let image: string;
  if (job.resolved && job.variant) {
    result.image = { ref: job.resolved.ref, digest: job.variant.digest };
    if (!job.variant.local) progress.phase(platform, 'pulling', job.variant.source);
    const pulled = await pullVariant(job.variant, imageTag(cleanup.runId, platform, job.nonce), cleanup);
    if (!pulled.ok) {
      notes.push(`Runtime checks for ${platform} stopped: ${pulled.error}.`);
      result.skipped = 'the image could not be pulled';
      return done();
    }
    image = pulled.image;
  } else {
    progress.phase(platform, 'building');
    const build = await buildPlatform({
      onProgress: (chunk) => progress.output(platform, chunk),
      model,
      platform,
      contextDir: model.contextDir,
      target: options.target,
      buildArgs: options.buildArgs,
      cleanup,
      nonce: job.nonce,
      emulated: support.emulated,
      buildx: { builder: options.builder, cacheFrom: options.cacheFrom, cacheTo: options.cacheTo, secrets: options.secrets, buildContexts: options.buildContexts, ssh: options.ssh, network: options.network, addHosts: options.addHosts },
    });
    result.build = { ok: build.ok, seconds: build.seconds };
    if (build.digest) result.build.digest = build.digest;
    if (build.cache && build.cache.steps > 0) result.build.cache = build.cache;
    for (const w of build.warnings ?? []) notes.push(`Build warning on ${platform}: ${truncate(w, 200)}.`);
    if (!build.ok) {
      if (build.hit) hits.push(build.hit);
      result.skipped = build.unavailable ? `no emulator for ${platform} is registered on this machine` : BUILD_FAILED;
      return done();
    }
    image = build.tag;
  }

  // The probe's container starts now, beside `docker image inspect`, so the service comes up
  // while the image config is read and the smoke checks run.
  const startRequest = {
    image,
    platform,
    cleanup,
    emulated: support.emulated,
    options: { gracePeriod: options.gracePeriod, startupWait: options.startupWait, readyLog: options.readyLog, ...(options.readyCmd ? { readyCmd: options.readyCmd } : {}), ...(options.readyHttp ? { readyHttp: options.readyHttp } : {}), ...(options.probeHttp ? { probeHttp: options.probeHttp } : {}), probeEnv: options.probeEnv, probeNetwork: options.probeNetwork, probePrivileges: options.probePrivileges },
  };
  const probeStart = startProbe(startRequest);
  let config;
  try {
    config = await inspectImage(image);
  } catch (err) {
    await abandonProbe(probeStart, cleanup);
    notes.push(`Runtime checks for ${platform} stopped: ${(err as Error).message}.`);
    result.skipped = 'the built image could not be inspected';
    return done();
  }
  result.startCommand = [...config.entrypoint, ...config.cmd];
  const probeRequest = { ...startRequest, config };
  /**
   * The probe as deployed: one more run per deployment, of the image just built, one after the
   * other; also when the image's own start command cannot run (`imageCannotStart`), since a
   * deployment may replace it.
   */
  const probeDeployments = async (plainRules: ReadonlySet<string>, imageCannotStart?: string) => {
    const plain = { startCommand: result.startCommand ?? [], signal: normalizeSignal(config.stopSignal).name, rules: plainRules };
    for (const deployment of model.deployments) {
      const subject = deploymentLabel(deployment);
      progress.phase(platform, 'probe', `as deployed: ${subject.replaceAll('`', '')}`);
      const outcome = await probeDeployment({ deployment, image, platform, config, options: probeRequest.options, cleanup, emulated: support.emulated, confirms, plain, ...(imageCannotStart ? { imageCannotStart } : {}) });
      deployed.push({ ...outcome, subject });
      notes.push(...outcome.notes);
    }
    if (deployed.length > 0) result.deployments = deployed.map((d) => d.result);
  };
  progress.phase(platform, 'smoke');
  // The smoke checks and the probe run side by side: readiness and the checks after it do not
  // wait for the smoke checks, only the stop signal does (signalGate).
  const running = probeStart.then((s) => ('id' in s ? s.id : undefined));
  const root = probeStart.then((s) => ('id' in s ? hostRoot(s.pid, s.id) : undefined));
  const smoked = smokeCheck({ image: image, platform, config, model, cleanup, running, root }).then(
    (smoke) => ({ smoke }),
    (err: unknown) => ({ error: (err as Error).message }),
  );
  const runnable = smoked.then((s) => !('smoke' in s && s.smoke.fatal) && config.entrypoint.length + config.cmd.length > 0);
  const expected = expectedPid1(model);
  const program = model.startChain.program?.word;
  const programArgs = model.startChain.program?.argv.slice(1) ?? [];
  const stopSignal = model.chain.flatMap((s) => s.instructions).filter((i) => i.keyword === 'STOPSIGNAL').at(-1);
  const probing = probe(
    {
      ...probeRequest,
      confirms,
      hasShell: smoked.then((s) => ('smoke' in s ? s.smoke.hasShell : undefined)),
      signalGate: runnable,
      ...(program !== undefined && !job.resolved ? { expectedProgram: program, expectedArgs: programArgs } : {}),
      ...(stopSignal && !job.resolved ? { stopSignalAt: { file: model.file, range: stopSignal.range } } : {}),
      ...(!job.resolved ? { stopSignalInsertAt: stopSignalPlace(model) } : {}),
      ...(expected && !job.resolved ? { expectedPid1: expected } : {}),
      ...(support.emulated && job.nativeHealth ? { nativeHealth: job.nativeHealth } : {}),
      ...(!support.emulated && job.shareHealth && config.health ? { shareHealth: (status: NativeHealth['status']) => job.shareHealth!({ platform, text: config.health!.text, status }) } : {}),
    },
    probeStart,
  );
  // Awaited below, after the smoke checks: a failure meanwhile must not count as unhandled.
  probing.catch(() => undefined);
  const smokeOutcome = await smoked;
  if ('smoke' in smokeOutcome) {
    const { smoke } = smokeOutcome;
    hits.push(...smoke.hits);
    if (smoke.startCommand.length > 0) result.startCommand = smoke.startCommand;
    if (smoke.fatal) {
      await abandonProbe(probeStart, cleanup);
      await probing.catch(() => undefined);
      result.skipped = START_CANNOT_RUN;
      await probeDeployments(new Set(), START_CANNOT_RUN);
      return done();
    }
  } else {
    notes.push(`Smoke checks for ${platform} could not run: ${smokeOutcome.error}.`);
  }
  if (result.startCommand.length === 0) {
    await abandonProbe(probeStart, cleanup);
    await probing.catch(() => undefined);
    result.skipped = NO_START_COMMAND;
    await probeDeployments(new Set(), NO_START_COMMAND);
    return done();
  }

  // `docker run <image> <command>` must reach the program word for word through the wrapper.
  const forwarding = forwardingWrapper(model);
  if (forwarding && !lacksShell(model.base)) {
    const { wrapper, line } = forwarding;
    const checked = await checkArgsForwarding({
      image: image,
      platform,
      emulated: support.emulated,
      cleanup,
      probeEnv: options.probeEnv,
      wrapper: path.posix.basename(wrapper.imagePath),
      place: { file: wrapper.file, range: { line, column: 1, endLine: line, endColumn: 0 } },
    });
    hits.push(...checked.hits);
    notes.push(...checked.notes);
    if (checked.arrived) result.args = { sent: [...OVERRIDE], arrived: checked.arrived, forwarded: checked.hits.length === 0 };
  }

  progress.phase(platform, 'probe');
  const probed = await probing;
  notes.push(...(probed.notes ?? []));
  if (probed.unavailable) {
    hits.push(unavailableHit(platform, model, probed.unavailable));
    result.skipped = `no emulator for ${platform} is registered on this machine`;
    return done();
  }
  // At the HEALTHCHECK line, where the static part of the rule points: the runtime finding confirms it (engine.ts).
  const health = job.resolved ? undefined : effectiveHealthcheck(model);
  hits.push(...probed.hits.map((h) => (h.rule === 'healthcheck-broken' && health && !h.range ? { ...h, file: model.file, range: health.range } : h)));
  if (probed.pid1) result.pid1 = probed.pid1;
  if (probed.pid1Argv) result.pid1Argv = probed.pid1Argv;
  if (probed.pid1Signals) {
    result.signals = { pid1: { caught: probed.pid1Signals.caught, ignored: probed.pid1Signals.ignored } };
    const app = probed.appSignals;
    if (app) result.signals.app = { process: app.process, caught: app.caught, ignored: app.ignored };
  }
  if (probed.oneShot) result.oneShot = probed.oneShot;
  if (probed.ready) result.ready = { by: probed.ready.by, seconds: probed.ready.seconds, detail: probed.ready.detail };
  if (probed.health) result.health = probed.health;
  if (probed.zombies) result.zombies = probed.zombies;
  if (probed.http) result.http = probed.http;
  if (probed.shutdown) result.shutdown = probed.shutdown;

  await probeDeployments(new Set(probed.hits.map((h) => h.rule)));
  return done();
}

// ------------------------------------------------------------ platforms ---

export interface Support {
  available: boolean;
  emulated: boolean;
  reason?: string;
}

/** Docker's arch names -> qemu's binfmt_misc entry names. */
const QEMU_ARCH: Record<string, string> = {
  amd64: 'x86_64',
  arm64: 'aarch64',
  arm: 'arm',
  '386': 'i386',
  ppc64le: 'ppc64le',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  mips64le: 'mips64el',
  mips64: 'mips64',
  loong64: 'loongarch64',
};

/**
 * Can this machine run `platform`? Natively (the engine's own arch; 386 on amd64), or under an
 * emulator that the builder lists or binfmt_misc has enabled. With nothing to go on (a remote
 * engine that lists no platforms), assume yes and let the build or run report exec format errors.
 */
export function platformSupport(platform: string, serverPlatform: string, builderPlatforms: string[], binfmt: Map<string, boolean> | undefined): Support {
  const [os, arch = '', variant] = platform.split('/');
  const [serverOs, serverArch] = serverPlatform.split('/');
  if (os === serverOs && (arch === serverArch || (serverArch === 'amd64' && arch === '386'))) return { available: true, emulated: false };
  const listed = builderPlatforms.some((p) => {
    const [o, a, v] = p.split('/');
    return o === os && a === arch && (variant === undefined || v === undefined || v === variant);
  });
  const qemu = QEMU_ARCH[arch] ?? arch;
  const registered = binfmt?.get(`qemu-${qemu}`) === true;
  if (listed || registered) return { available: true, emulated: true };
  if (builderPlatforms.length === 0 && binfmt === undefined) return { available: true, emulated: true };
  return { available: false, emulated: true, reason: `the builder lists ${builderPlatforms.join(', ') || 'no platforms'} and binfmt_misc has no enabled qemu-${qemu} entry` };
}

/** binfmt_misc entry name -> enabled; undefined when it cannot be read (no binfmt_misc, remote engine). */
export function readBinfmt(dir = '/proc/sys/fs/binfmt_misc'): Map<string, boolean> | undefined {
  const local = !process.env.DOCKER_HOST || process.env.DOCKER_HOST.startsWith('unix://');
  if (!local) return undefined;
  try {
    const entries = new Map<string, boolean>();
    for (const name of fs.readdirSync(dir)) {
      if (name === 'register' || name === 'status') continue;
      try {
        entries.set(name, /^enabled/.test(fs.readFileSync(path.join(dir, name), 'utf8')));
      } catch {
        // unreadable entry: ignore
      }
    }
    return entries;
  } catch {
    return undefined;
  }
}

// --------------------------------------------------------- confirmations ---

/**
 * Which static findings a shell or package manager as PID 1 confirms: the rules that fired,
 * and what the start chain says stays between PID 1 and the app (a shell that does not
 * replace itself, a package manager as the program).
 */
export function confirmable(model: DockerfileModel, staticFindings: Finding[]): Confirmable {
  const fired = new Set(staticFindings.map((f) => f.rule));
  const shell = new Set<string>();
  const { entrypoint, cmd } = model.start;
  const staysShell = model.startChain.links.some((l) => l.kind === 'shell' && !l.replaced && !l.origin && l.part.form === 'shell');
  if (staysShell && entrypoint?.form === 'shell') shell.add('shell-form-entrypoint');
  else if (staysShell && !entrypoint && cmd?.form === 'shell') shell.add('shell-form-cmd');
  for (const id of ['shell-form-entrypoint', 'shell-form-cmd', 'shell-wrapper-in-exec-form', 'wrapper-missing-exec']) if (fired.has(id)) shell.add(id);
  const pm: string[] = [];
  const program = model.startChain.program;
  if (fired.has('package-manager-as-pid1') || (program && knownProgram(program.word)?.role === 'package-manager')) pm.push('package-manager-as-pid1');
  return { shellPid1: [...shell], packageManager: pm };
}

// ---------------------------------------------------------------- merge ---

/**
 * Where a new STOPSIGNAL goes: on the line before the final stage's ENTRYPOINT/CMD (with the
 * other start settings), else after the final FROM.
 */
function stopSignalPlace(model: DockerfileModel): { file: string; line: number } {
  const parts = [model.start.entrypoint, model.start.cmd].filter((p) => p !== undefined && p.instr.stage === model.finalStage.index);
  const line = parts.length > 0 ? Math.min(...parts.map((p) => p!.instr.range.line)) : model.finalStage.from.range.endLine + 1;
  return { file: model.file, line };
}

/** The instruction runtime findings point at: what set the start executable, else the final FROM. */
export function startRange(model: DockerfileModel): SourceRange {
  const part = model.start.executableFrom ?? model.start.entrypoint ?? model.start.cmd;
  return part?.instr.range ?? model.finalStage.from.range;
}

function joinPlatforms(platforms: string[]): string {
  if (platforms.length <= 1) return platforms[0] ?? '';
  return `${platforms.slice(0, -1).join(', ')} and ${platforms.at(-1)}`;
}

/**
 * One finding per rule, severity and place, listing every platform it was seen on (in the
 * order the platforms were asked for). `{platforms}` and `{detail}` are filled in here.
 */
export function mergeHits(hits: Tagged[], model: DockerfileModel, order: string[]): RuntimeFinding[] {
  const groups = new Map<string, Tagged[]>();
  const defaultRange = startRange(model);
  for (const h of hits) {
    const range = h.range ?? defaultRange;
    // An explicit severity (shell-is-pid1 at info) is a different finding from the rule's default.
    const key = `${h.rule}\0${h.severity ?? ''}\0${h.file ?? model.file}\0${range.line}`;
    const list = groups.get(key) ?? [];
    list.push(h);
    groups.set(key, list);
  }
  const rank = (p: string) => (order.indexOf(p) < 0 ? order.length : order.indexOf(p));
  const findings: RuntimeFinding[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => rank(a.platform) - rank(b.platform));
    const first = group[0]!;
    const platforms = [...new Set(group.map((h) => h.platform))];
    const details = group.map((h) => h.detail).filter((d): d is string => d !== undefined);
    const detail = new Set(details).size <= 1 ? (details[0] ?? '') : group.map((h) => `${h.detail} on ${h.platform}`).join(' and ');
    const archHint = first.rule === 'build-failed' && platforms.length < order.length ? ' for that architecture (branch on `TARGETARCH` where it differs)' : '';
    const fill = (s: string) => s.replaceAll('{platforms}', joinPlatforms(platforms)).replaceAll('{detail}', detail).replaceAll('{archHint}', archHint);
    // Said once, about the emulated platforms only: a native verdict on another platform stands as it is.
    const emulated = group.filter((h) => h.emulatedNote !== undefined);
    const emulatedNote = emulated.length > 0 ? ` ${emulated[0]!.emulatedNote!.replaceAll('{platforms}', joinPlatforms([...new Set(emulated.map((h) => h.platform))]))}` : '';
    const range = first.range ?? defaultRange;
    const finding: RuntimeFinding = {
      rule: first.rule,
      ...(first.severity ? { severity: first.severity } : {}),
      message: fill(first.message) + emulatedNote,
      fix: fill(first.fix),
      file: first.file ?? model.file,
      line: range.line,
      endLine: Math.max(range.endLine, range.line),
      column: range.column,
      platforms,
    };
    if (range.endColumn > 0) finding.endColumn = range.endColumn;
    if (first.autofix) finding.autofix = first.autofix;
    findings.push(finding);
  }
  return findings;
}

// -------------------------------------------------------------- helpers ---

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
