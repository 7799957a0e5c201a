// One `docker buildx build --load` per platform (the classic image store cannot load a
// manifest list), with BuildKit's plain progress parsed into a build-failed hit at the
// failing Dockerfile line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Instr, DockerfileModel, SourceRange } from '../model/types.js';
import type { Options } from '../options.js';
import { buildxVersion, supports } from './buildx.js';
import type { Cleanup } from './cleanup.js';
import { docker } from './docker.js';
import { redact, RedactingStream } from './secrets.js';
import type { RuntimeHit } from './types.js';

/** Generous: a cold build of a real application under emulation takes many minutes. */
export const BUILD_TIMEOUT_MS = 45 * 60_000;

export interface BuildRequest {
  model: DockerfileModel;
  platform: string;
  contextDir: string;
  target?: string;
  buildArgs: Record<string, string>;
  cleanup: Cleanup;
  /** Distinguishes several analyses sharing one run id (the Action checks each Dockerfile in turn). */
  nonce?: string;
  timeoutMs?: number;
  /** The user's builder, caches, secrets, build contexts and ssh, passed to buildx as given. */
  buildx?: Partial<Pick<Options, 'builder' | 'cacheFrom' | 'cacheTo' | 'secrets' | 'buildContexts' | 'ssh' | 'network' | 'addHosts'>>;
  /** Each chunk of BuildKit's plain progress, as it arrives (progress display). */
  onProgress?: (chunk: string) => void;
  /** Built under an emulator: only then can "exec format error" mean a missing one (on the native platform it is the build's own failure). */
  emulated?: boolean;
}

/** Counted from the plain progress: Dockerfile steps (`#N [stage i/n] …`, FROM left out: a source, never CACHED) and those `#N CACHED`. */
export interface CacheStats {
  steps: number;
  cached: number;
}

export interface BuildOutcome {
  ok: boolean;
  /** The per-run tag (registered with the cleanup before the build starts). */
  tag: string;
  seconds: number;
  /** build-failed, or platform-unavailable when the failure is a missing emulator. */
  hit?: RuntimeHit;
  /** The platform cannot execute here (no emulator): skip, do not fail. */
  unavailable?: boolean;
  /** From --metadata-file: the image digest, and BuildKit's build warnings when the client writes them. */
  digest?: string;
  warnings?: string[];
  cache?: CacheStats;
}

/** `#5 [2/3] RUN …` headers and `#5 CACHED` lines of BuildKit's plain progress. */
export function cacheStats(log: string): CacheStats {
  const steps = new Set<string>();
  const cached = new Set<string>();
  for (const line of log.replace(/\r/g, '').split('\n')) {
    const step = /^#(\d+) \[[^\]]*\d+\/\d+\] (?!FROM )/.exec(line);
    if (step) steps.add(step[1]!);
    const hit = /^#(\d+) CACHED\s*$/.exec(line);
    if (hit) cached.add(hit[1]!);
  }
  return { steps: steps.size, cached: [...cached].filter((id) => steps.has(id)).length };
}

interface Metadata {
  'containerimage.digest'?: string;
  'buildx.build.warnings'?: { short?: string; detail?: string[]; location?: { ranges?: { start?: { line?: number } }[] } }[];
}

function readMetadata(file: string): Metadata {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Metadata;
  } catch {
    return {};
  }
}

/**
 * The docker client gets a scrubbed environment (src/runtime/docker.ts): a secret read from
 * the environment (`env=NAME`, or `id=NAME` without src) is handed to that one build call only.
 */
export function secretEnv(secrets: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const spec of secrets) {
    const fields = new Map(spec.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as const));
    const name = fields.get('env') ?? (fields.has('src') || fields.has('source') ? undefined : fields.get('id'));
    if (name && process.env[name] !== undefined) env[name] = process.env[name]!;
  }
  return env;
}

/** `--builder`, caches, secrets, build contexts, ssh, the RUN steps' network and extra hosts: each as the user gave it. */
export function userBuildArgs(b: NonNullable<BuildRequest['buildx']>): string[] {
  const args: string[] = [];
  if (b.builder) args.push('--builder', b.builder);
  for (const s of b.cacheFrom ?? []) args.push('--cache-from', s);
  for (const s of b.cacheTo ?? []) args.push('--cache-to', s);
  for (const s of b.secrets ?? []) args.push('--secret', s);
  for (const s of b.buildContexts ?? []) args.push('--build-context', s);
  for (const s of b.ssh ?? []) args.push('--ssh', s);
  if (b.network) args.push('--network', b.network);
  for (const h of b.addHosts ?? []) args.push('--add-host', h);
  return args;
}

/** `--provenance` exists from buildx 0.10; older clients reject it. Read from `docker buildx version`, once per process. */
export async function supportsProvenance(): Promise<boolean> {
  return supports(await buildxVersion(), '--provenance');
}

/** Tags are lower-case `[a-z0-9._-]`; one per run and platform. */
export function imageTag(runId: string, platform: string, nonce = ''): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+/, '');
  return `entrypoint-guard/${clean(runId)}${nonce ? `-${clean(nonce)}` : ''}:${clean(platform)}`;
}

export async function buildPlatform(req: BuildRequest): Promise<BuildOutcome> {
  const { model, platform, cleanup } = req;
  const tag = imageTag(cleanup.runId, platform, req.nonce);
  cleanup.image(tag);
  const version = await buildxVersion();
  const args = ['buildx', 'build', '--progress=plain', '--platform', platform, '--load', '-t', tag, ...cleanup.labelArgs()];
  if (supports(version, '--provenance')) args.push('--provenance=false');
  let metadataFile: string | undefined;
  if (supports(version, '--metadata-file')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-build-'));
    cleanup.dir(dir);
    metadataFile = path.join(dir, 'metadata.json');
    args.push('--metadata-file', metadataFile);
  }
  // --load per platform works with every driver: docker-container, remote and kubernetes builders send the image to the engine.
  args.push(...userBuildArgs(req.buildx ?? {}));
  if (req.target) args.push('--target', req.target);
  for (const [k, v] of Object.entries(req.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  args.push('-f', model.absPath, req.contextDir);

  // BuildKit's progress can be megabytes; the error is at the end, so keep a rolling tail.
  let log = '';
  // Secret values are masked before anything is kept or shown, even when split across chunks.
  const masked = new RedactingStream();
  const keep = (text: string) => {
    req.onProgress?.(text);
    log += text;
    if (log.length > 512 * 1024) log = log.slice(-256 * 1024);
  };
  const started = Date.now();
  const result = await docker(args, {
    timeoutMs: req.timeoutMs ?? BUILD_TIMEOUT_MS,
    maxStdoutBytes: 1024 * 1024,
    env: { ...secretEnv(req.buildx?.secrets ?? []), BUILDX_NO_DEFAULT_ATTESTATIONS: '1', DOCKER_BUILDKIT: '1', BUILDX_METADATA_WARNINGS: '1' },
    onOutput: (chunk) => {
      keep(masked.write(chunk));
    },
  });
  keep(masked.end());
  const seconds = round((Date.now() - started) / 1000);
  if (result.code === 0 && !result.timedOut) {
    const outcome: BuildOutcome = { ok: true, tag, seconds, cache: cacheStats(log) };
    if (metadataFile) {
      const meta = readMetadata(metadataFile);
      if (meta['containerimage.digest']) outcome.digest = meta['containerimage.digest'];
      const warnings = meta['buildx.build.warnings'];
      if (Array.isArray(warnings) && warnings.length > 0) {
        outcome.warnings = warnings.map((w) => {
          const line = w.location?.ranges?.[0]?.start?.line;
          return `${w.short ?? 'build warning'}${line ? ` (Dockerfile line ${line})` : ''}`;
        });
      }
    }
    return outcome;
  }

  if (result.timedOut) {
    const minutes = Math.round((req.timeoutMs ?? BUILD_TIMEOUT_MS) / 60_000);
    return {
      ok: false,
      tag,
      seconds,
      hit: {
        rule: 'build-failed',
        message: `The build for {platforms} did not finish within ${minutes} minutes, so its image could not be checked.`,
        fix: 'Speed the build up (cache mounts, a prebuilt base) or check it locally with `docker buildx build --platform ' + platform + ' .`.',
        range: model.instructions[0]?.range,
      },
    };
  }
  const failure = parseBuildFailure(log || redact(result.stderr), model);
  if (req.emulated !== false && isMissingEmulator(failure.errorLines.join('\n'))) {
    return { ok: false, tag, seconds, unavailable: true, hit: unavailableHit(platform, model, failure.errorLines.at(-1)) };
  }
  return { ok: false, tag, seconds, hit: buildFailedHit(platform, model, failure) };
}

export interface BuildFailure {
  /** The failing instruction, when it could be located. */
  instr?: Instr;
  /** 1-based Dockerfile lines of the failing instruction (from BuildKit's excerpt or the matched instruction). */
  range?: SourceRange;
  /** The failing step's last output lines and the ERROR line, without BuildKit's `#N 0.123` prefixes. */
  errorLines: string[];
  /** The ERROR: line, `ERROR: ` removed. */
  error: string;
}

/**
 * Parse BuildKit's plain progress after a failed build. Handles both the modern form
 * (`Dockerfile:12` excerpt with a `>>>` marker) and the BuildKit 0.8 form of Debian's
 * engine 20.10 (`#6 [stage-1 3/3] RUN …` / `#6 ERROR: executor failed running […]`),
 * where the instruction is found by its text within its stage.
 */
export function parseBuildFailure(log: string, model: DockerfileModel): BuildFailure {
  const lines = log.replace(/\r/g, '').split('\n');
  const finalLine = [...lines].reverse().find((l) => /^ERROR:|^error:/.test(l.trim())) ?? lines.filter((l) => l.trim()).at(-1) ?? 'the build failed';
  const finalError = stripErrorPrefixes(finalLine.trim());

  // The failing vertex: `#N ERROR: …`, its header `#N [stage i/n] KEYWORD text` and its output lines.
  let vertex: string | undefined;
  let stepError: string | undefined;
  for (const l of lines) {
    const m = /^#(\d+) ERROR: (.*)$/.exec(l);
    if (m) {
      vertex = m[1];
      stepError = m[2];
      break;
    }
  }
  let header: string | undefined;
  const output: string[] = [];
  if (vertex) {
    for (const l of lines) {
      const h = new RegExp(`^#${vertex} (\\[.*)$`).exec(l);
      if (h && header === undefined) header = h[1];
      const o = new RegExp(`^#${vertex} \\d+\\.\\d+ (.*)$`).exec(l);
      if (o) output.push(o[1]!);
    }
  }
  // `------\n > [stage 2/3] RUN …:\n0.254 output\n------` is the same step's output, also in newer BuildKit.
  if (output.length === 0) {
    const start = lines.findIndex((l) => /^ > \[/.test(l));
    if (start >= 0) {
      header ??= lines[start]!.slice(3).replace(/:$/, '');
      for (let i = start + 1; i < lines.length && !/^-{4,}$/.test(lines[i]!.trim()); i++) {
        output.push(lines[i]!.replace(/^\d+\.\d+ /, ''));
      }
    }
  }

  let range: SourceRange | undefined;
  let instr: Instr | undefined;
  // Modern excerpt: `Dockerfile:12` … `  12 | >>> RUN …`.
  const marked = lines.map((l) => /^\s*(\d+)\s*\|\s*>>>/.exec(l)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  if (marked.length > 0) {
    const line = Math.min(...marked);
    instr = model.instructions.find((i) => i.range.line <= line && line <= i.range.endLine);
    range = instr?.range ?? { line, column: 1, endLine: Math.max(...marked), endColumn: 0 };
  }
  if (!range && header) {
    instr = matchStep(header, model);
    range = instr?.range;
  }
  if (!range) {
    // `dockerfile parse error line 2: unknown instruction: FOO`
    const m = /(?:parse error|error on) line (\d+)/i.exec(finalError);
    if (m) {
      const line = Number(m[1]);
      instr = model.instructions.find((i) => i.range.line <= line && line <= i.range.endLine);
      range = instr?.range ?? { line, column: 1, endLine: line, endColumn: 0 };
    }
  }
  const tail = output.map((l) => l.trimEnd()).filter((l) => l.trim() !== '').slice(-5);
  const errorLines = [...tail, stepError && !finalError.includes(stepError) ? stepError : finalError];
  return { instr, range, errorLines, error: finalError };
}

/** `ERROR: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: …` -> the cause. */
export function stripErrorPrefixes(line: string): string {
  let s = line.replace(/^(ERROR|error):\s*/, '');
  for (;;) {
    const next = s
      .replace(/^failed to solve( with frontend [\w.]+)?:\s*/i, '')
      .replace(/^rpc error: code = \w+ desc = /i, '')
      .replace(/^failed to create LLB definition:\s*/i, '');
    if (next === s) return s;
    s = next;
  }
}

/** `[stage-1 3/3] RUN echo hi` → the RUN of stage 1 whose text is `echo hi`. */
export function matchStep(header: string, model: DockerfileModel): Instr | undefined {
  const m = /^\[(?:(\S+) )?\d+\/\d+\] (\S+)\s*(.*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, stageName, keyword, rest] = m;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const want = norm(rest!);
  let stages = model.stages;
  if (stageName !== undefined) {
    const byIndex = /^stage-(\d+)$/.exec(stageName);
    const named = model.stages.filter((s) => s.name === stageName.toLowerCase() || (byIndex && s.index === Number(byIndex[1])));
    if (named.length > 0) stages = named;
  }
  const candidates = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === keyword!.toUpperCase());
  const rawText = (i: Instr) => {
    const flags = [...i.flags].map(([k, v]) => (v === null ? `--${k}` : `--${k}=${v}`)).join(' ');
    return norm(`${flags} ${i.text}`);
  };
  return (
    candidates.find((i) => rawText(i) === want || norm(i.text) === want) ??
    candidates.find((i) => want.startsWith(norm(i.text).slice(0, 40)) || norm(i.text).startsWith(want.slice(0, 40))) ??
    (candidates.length === 1 ? candidates[0] : undefined)
  );
}

/** No emulator registered for a foreign architecture. */
export function isMissingEmulator(text: string): boolean {
  return /exec format error|no binfmt_misc|binfmt.*not (?:registered|found|available)/i.test(text);
}

export function unavailableHit(platform: string, model: DockerfileModel, detail?: string): RuntimeHit {
  const why = detail ? ` (${truncate(detail, 160)})` : '';
  return {
    rule: 'platform-unavailable',
    message: `{platforms} cannot run on this machine because no emulator is registered for it${why}, so its build and runtime checks were skipped, not failed.`,
    fix: `Add \`docker/setup-qemu-action\` before this step in the workflow (or register qemu binfmt handlers, e.g. \`apt-get install qemu-user-static\`) to check ${platform}.`,
    range: model.instructions[0]?.range,
  };
}

function buildFailedHit(platform: string, model: DockerfileModel, failure: BuildFailure): RuntimeHit {
  const where = failure.instr ? ` at \`${truncate(`${failure.instr.keyword} ${failure.instr.text.replace(/\s+/g, ' ')}`, 100)}\`` : '';
  const quoted = failure.errorLines.map((l) => `\`${truncate(l.trim().replaceAll('`', "'"), 200)}\``).join(' ');
  return {
    rule: 'build-failed',
    message: `The build for {platforms} fails${where}: ${quoted}`,
    fix: `Reproduce it with \`docker buildx build --platform ${platform} --load .\` and fix that instruction{archHint}.`,
    range: failure.range ?? model.instructions[0]?.range,
  };
}

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
