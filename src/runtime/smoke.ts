// Smoke checks, per platform, before the SIGTERM probe: does the start executable exist in
// the built image, can it run, and will it run on real hardware of that platform?
// Two sources: the debug-path check (`docker run --entrypoint /bin/sh … test -x "$1"`), and
// the files themselves, read where the probe's running container shows them, else copied out
// of a never-started container (no shell needed).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Severity } from '../findings.js';
import type { BaseFamily, DockerfileModel, SourceRange } from '../model/types.js';
import type { Cleanup } from './cleanup.js';
import { execIn } from './container-calls.js';
import { docker, type DockerResult } from './docker.js';
import { archOfElf, describeElf, hostArch, matchesArch, parseElf, platformArch, type ArchSpec, type ElfInfo } from './elf.js';
import type { ImageConfig } from './image-config.js';
import { writerOf } from '../model/file-origin.js';
import { envTarget, parseShebang, type Shebang } from '../shell/shebang.js';
import { interpreterPackage, isExtraShell } from '../model/programs.js';
import { ImageFileReader, type ImageFile } from './image-files.js';
import type { HostRoot } from './host-root.js';
import { PROBE_HARDENING } from './probe.js';
import type { RuntimeHit } from './types.js';

export interface SmokeResult {
  hits: RuntimeHit[];
  startCommand: string[];
  /** `/bin/sh` runs in this image on this platform (`docker run --entrypoint /bin/sh` works). */
  hasShell: boolean;
  /** The start executable is missing or cannot run: skip the probe. */
  fatal: boolean;
}

export interface SmokeInput {
  image: string;
  platform: string;
  config: ImageConfig;
  model: DockerfileModel;
  cleanup: Cleanup;
  /** The probe's container, once it runs (undefined when it could not start): the debug-path check runs in it. */
  running?: Promise<string | undefined>;
  /** Its root as the host sees it, when that shows the image's files (host-root.ts): they are read there. */
  root?: Promise<HostRoot | undefined>;
}

/** The probe's tmpfs mounts: they hide what the image has there. */
const TMPFS = PROBE_HARDENING.filter((_, i, all) => all[i - 1] === '--tmpfs');

/** Kernel limit on nested interpreters (binfmt_script recursion) is 4; keep below. */
const MAX_DEPTH = 4;
const SHELL_TIMEOUT_MS = 30_000;

/** Where runc looks for argv[0]: as given when absolute, against WorkingDir when relative, else each PATH entry. */
export function executableCandidates(argv0: string, config: Pick<ImageConfig, 'path' | 'workingDir'>): string[] {
  const wd = config.workingDir.startsWith('/') ? config.workingDir : path.posix.join('/', config.workingDir);
  if (argv0.startsWith('/')) return [path.posix.normalize(argv0)];
  if (argv0.includes('/')) return [path.posix.join(wd, argv0)];
  const dirs = config.path.map((d) => (d.startsWith('/') ? d : path.posix.join(wd, d)));
  return [...new Set(dirs.map((d) => path.posix.join(d, argv0)))];
}

function installCommand(program: string, family: BaseFamily): string | undefined {
  const pkg = interpreterPackage(program);
  switch (family) {
    case 'alpine':
    case 'wolfi':
      return `RUN apk add --no-cache ${pkg}`;
    case 'debian':
    case 'ubuntu':
      return `RUN apt-get update && apt-get install -y --no-install-recommends ${pkg}`;
    case 'rhel':
      return `RUN dnf install -y ${pkg}`;
    default:
      return undefined;
  }
}

const q = (s: string) => `\`${s.replace(/\r/g, '\\r')}\``;
const modeText = (mode: number) => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
const isRootUser = (user: string) => user === '' || /^(root|0)(:.*)?$/.test(user);
const fileExists = (f: ImageFile | undefined) => f !== undefined && f.type !== 'missing' && f.type !== 'loop' && f.type !== 'error';

/** What is known about the Dockerfile side, for locations and fixes. */
interface Ctx {
  platform: string;
  arch?: ArchSpec;
  config: ImageConfig;
  model: DockerfileModel;
  reader: ImageFileReader;
  hits: RuntimeHit[];
  fatal: boolean;
  at: { file?: string; range?: SourceRange };
  /** Which instruction set the start command, for fixes: "ENTRYPOINT", "CMD" or "ENTRYPOINT/CMD". */
  keyword: string;
  /** /bin/sh exists in the image (the debug-path check's verdict; awaited only when a fix depends on it). */
  shellPresent: () => Promise<boolean>;
}

function hit(ctx: Ctx, rule: string, severity: Severity, message: string, fix: string, fatal = false): void {
  ctx.hits.push({ rule, severity, message, fix, ...ctx.at });
  if (fatal) ctx.fatal = true;
}

const FAILS = 'so every container fails at start with';

/** "`/app/server`" or "`/usr/bin/python3` (the interpreter of `/app/run.py`)". */
interface Subject {
  file: ImageFile;
  /** How to name it in a message. */
  label: string;
  role: 'start' | 'interpreter' | 'loader';
}

async function checkElf(ctx: Ctx, subject: Subject, elf: ElfInfo, depth: number): Promise<void> {
  const { arch } = ctx;
  if (arch && !matchesArch(elf, arch)) reportWrongArch(ctx, subject, elf, arch);
  if (!elf.interpreter || elf.incomplete || subject.role === 'loader' || depth >= MAX_DEPTH) return;
  const loader = (await ctx.reader.readMany([elf.interpreter])).get(elf.interpreter)!;
  if (loader.type === 'error') return;
  if (!fileExists(loader)) {
    const loaderName = elf.interpreter;
    const musl = /ld-musl/.test(loaderName);
    const family = ctx.model.base.family;
    let fix: string;
    if (!musl && (family === 'alpine' || family === 'wolfi')) fix = `Build a static binary (\`CGO_ENABLED=0\` for Go) or use a glibc-based final image (Debian slim, distroless/base) instead of ${ctx.model.base.ref}.`;
    else if (musl) fix = 'Build a static binary or build it on the final image\'s C library (glibc) instead of Alpine\'s musl.';
    else if (family === 'scratch' || family === 'distroless') fix = `Build a static binary (\`CGO_ENABLED=0 go build\`, \`-static\`) or use a final image that ships ${loaderName} (gcr.io/distroless/base or cc).`;
    else fix = `Build a static binary or use a final base image that ships ${loaderName} (the C library the binary was linked against).`;
    hit(ctx, 'interpreter-not-found', 'error',
      `${subject.label} is dynamically linked against the loader ${loaderName}, which does not exist in the image on {platforms}, ${FAILS} "no such file or directory".`,
      fix, true);
    return;
  }
  await checkExecutable(ctx, { file: loader, label: `${q(loader.path)} (the dynamic loader of ${q(subject.file.path)})`, role: 'loader' }, depth + 1);
}

function reportWrongArch(ctx: Ctx, subject: Subject, elf: ElfInfo, arch: ArchSpec): void {
  const got = describeElf(elf);
  const host = hostArch();
  const short = arch.short;
  let severity: Severity = 'error';
  let consequence: string;
  const compat = (arch.machine === 62 && elf.machine === 3) || (arch.machine === 183 && elf.machine === 40);
  if (compat) {
    severity = 'warning';
    consequence = arch.machine === 62
      ? 'it runs only on kernels with 32-bit x86 compatibility enabled and fails with exec format error elsewhere'
      : 'it runs only on arm64 CPUs with 32-bit ARM support and fails with exec format error on the others (AWS Graviton3, Apple silicon)';
  } else if (host && matchesArch(elf, host)) {
    consequence = `it runs here only because this machine is ${describeElf(elf)}; on real ${short} hardware it fails with exec format error`;
  } else if (archOfElf(elf)) {
    consequence = `it runs here only because QEMU emulates it; on real ${short} hardware it fails with exec format error`;
  } else {
    consequence = `on real ${short} hardware it fails with exec format error`;
  }
  const pinned = pinnedStageFor(ctx.model, elf);
  const fix = pinned
    ? `Remove \`--platform=${pinned.platform}\` from the FROM on line ${pinned.line} (or use \`--platform=$BUILDPLATFORM\` and cross-compile for $TARGETARCH) so each platform's image gets its own binary.`
    : `Build it for the target platform: cross-compile in a \`FROM --platform=$BUILDPLATFORM\` stage for $TARGETARCH (e.g. \`GOARCH=$TARGETARCH\`) or download the ${short} artefact.`;
  // Point at what put the foreign binary there (the COPY --from a pinned stage, the RUN that downloaded it).
  const file = subject.file;
  const writer = writerOf(ctx.model, [file.path, ...file.links.map((l) => l.path), file.resolvedPath]);
  const at = writer ? { file: ctx.model.file, range: writer.range } : ctx.at;
  ctx.hits.push({ rule: 'wrong-architecture', severity, message: `${subject.label} is ${/^(x|A|s|e_|I)/.test(got) ? 'an' : 'a'} ${got} ELF but the image is for {platforms}: ${consequence}.`, fix, ...at });
}

/** A stage pinned to a constant platform whose architecture is the ELF's (the usual origin of a foreign binary). */
function pinnedStageFor(model: DockerfileModel, elf: ElfInfo): { platform: string; line: number } | undefined {
  for (const stage of model.stages) {
    const p = stage.platform;
    if (!p || p.includes('$')) continue;
    const spec = platformArch(p);
    if (spec && matchesArch(elf, spec)) return { platform: p, line: stage.from.range.line };
  }
  return undefined;
}

async function checkScript(ctx: Ctx, subject: Subject, depth: number): Promise<void> {
  const { file } = subject;
  const head = file.head;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    hit(ctx, 'utf8-bom', 'error',
      `${subject.label} starts with a UTF-8 byte order mark in the image on {platforms}, so the kernel does not see its \`#!\` line and every container fails at start with "exec format error".`,
      'Save the script as UTF-8 without BOM (or strip it in the build: `RUN sed -i \'1s/^\\xEF\\xBB\\xBF//\' <script>`).', true);
    return;
  }
  const shebang = parseShebang(head);
  if (!shebang) {
    if (head.length > 0 && head.subarray(0, 1024).includes(0)) return; // a binary format we do not know (binfmt_misc may run it)
    hit(ctx, 'wrapper-missing-shebang', 'error',
      `${subject.label} ${file.size === 0 ? 'is empty' : 'has no `#!` line'} in the image on {platforms}, ${FAILS} "exec format error".`,
      file.size === 0 ? `Check the COPY source of ${q(file.path)}: the file in the image is empty.` : 'Start the script with an interpreter line such as `#!/bin/sh`.', true);
    return;
  }
  if (shebang.crlf || head.includes('\r\n')) {
    const crlfShebang = shebang.crlf;
    hit(ctx, 'crlf-in-image', 'error',
      crlfShebang
        ? `${subject.label} has CRLF line endings in the image on {platforms}, so ${crlfConsequence(shebang)}.`
        : `${subject.label} has CRLF line endings in the image on {platforms}, so the shell sees a trailing \\r on its lines and commands fail with "$'\\r': command not found".`,
      'Convert it to LF line endings (a `.gitattributes` line `*.sh text eol=lf`, or `RUN sed -i \'s/\\r$//\' <script>` in the build).', crlfShebang);
  }
  const interpreter = shebang.interpreter.replace(/\r$/, '');
  const arg = shebang.arg?.replace(/\r$/, '');
  if (interpreter === '') return;
  const interpPath = interpreter.startsWith('/') ? path.posix.normalize(interpreter) : path.posix.join(ctx.config.workingDir, interpreter);
  const interp = (await ctx.reader.readMany([interpPath])).get(interpPath)!;
  if (interp.type === 'error') return;
  const shebangText = q(`#!${interpreter}${arg ? ` ${arg}` : ''}`);
  if (!fileExists(interp)) {
    await reportMissingProgram(ctx, `${subject.label} starts with ${shebangText} but ${interpPath} does not exist in the image on {platforms}, ${FAILS} "no such file or directory".`, path.posix.basename(interpPath));
    return;
  }
  await checkExecutable(ctx, { file: interp, label: `${q(interpPath)} (the interpreter of ${q(file.path)})`, role: 'interpreter' }, depth + 1);
  if (shebang.crlf || path.posix.basename(interpPath) !== 'env') return;

  const target = envTarget(arg);
  if (!target) return;
  if (target.unsplit) {
    hit(ctx, 'interpreter-not-found', 'error',
      `${subject.label} starts with ${shebangText}, and the kernel passes ${q(target.program)} to env as one word, so on {platforms} env looks for a program of that name and every container fails at start with "no such file or directory".`,
      `Use \`#!/usr/bin/env -S ${target.program}\` (GNU env) or an absolute interpreter path such as \`#!/usr/bin/${target.program}\`.`, true);
    return;
  }
  const candidates = executableCandidates(target.program, ctx.config);
  const found = await ctx.reader.readMany(candidates);
  if ([...found.values()].some((f) => f.type === 'error')) return;
  const program = pickExecutable(candidates.map((c) => found.get(c)!));
  if (!program) {
    const where = target.program.includes('/') ? `${candidates[0]} does not exist` : `${target.program} is not on the image's PATH (${ctx.config.path.join(':')})`;
    await reportMissingProgram(ctx, `${subject.label} starts with ${shebangText} but ${where} on {platforms}, ${FAILS} "env: '${target.program}': No such file or directory".`, path.posix.basename(target.program));
    return;
  }
  await checkExecutable(ctx, { file: program, label: `${q(program.path)} (the interpreter of ${q(file.path)})`, role: 'interpreter' }, depth + 1);
}

/** What a \r at the end of the `#!` line does: it sticks to the interpreter, or to its argument. */
function crlfConsequence(shebang: Shebang): string {
  if (!shebang.arg) return `the kernel looks for the interpreter ${q(shebang.interpreter)} and every container fails at start with "no such file or directory"`;
  if (path.posix.basename(shebang.interpreter) === 'env') {
    const target = envTarget(shebang.arg);
    if (target && !target.unsplit) return `env looks for a program named ${q(`${target.program}\r`)} and every container fails at start with "No such file or directory"`;
  }
  return `${shebang.interpreter} receives ${q(shebang.arg)} as its argument and every container fails at start`;
}

async function reportMissingProgram(ctx: Ctx, message: string, program: string): Promise<void> {
  const install = installCommand(program, ctx.model.base.family);
  const hasSh = isExtraShell(program) && (await ctx.shellPresent());
  let fix: string;
  if (hasSh) {
    fix = install
      ? `Change the shebang to \`#!/bin/sh\` if the script is POSIX, or install ${program} in the final stage (\`${install}\`).`
      : `Change the shebang to \`#!/bin/sh\` if the script is POSIX, or build the final stage FROM an image that ships ${program}.`;
  } else {
    fix = install ? `Install ${program} in the final stage (\`${install}\`).` : `Build the final stage FROM an image that ships ${program}.`;
  }
  hit(ctx, 'interpreter-not-found', 'error', message, fix, true);
}

/** Checks on a file that the kernel will execve: mode, format, architecture, interpreter. */
async function checkExecutable(ctx: Ctx, subject: Subject, depth: number): Promise<void> {
  const { file } = subject;
  if (file.type === 'dir') {
    hit(ctx, 'entrypoint-not-executable', 'error', `${subject.label} is a directory in the image on {platforms}, ${FAILS} "permission denied".`,
      subject.role === 'start' ? `Point ${ctx.keyword} at the program inside ${q(file.path)}, not the directory.` : `Point the \`#!\` line at the interpreter program, not the directory ${q(file.path)}.`, true);
    return;
  }
  if (file.type !== 'file') return;
  // A loader's own mode is left alone: distributions differ and the kernel's rules for it are not ours to guess.
  if ((file.mode & 0o111) === 0 && subject.role !== 'loader') {
    hit(ctx, 'entrypoint-not-executable', 'error',
      `${subject.label} has mode ${modeText(file.mode)} (no execute bit) in the image on {platforms}, ${FAILS} "permission denied".`,
      chmodFix(ctx, file), true);
  }
  const elf = parseElf(file.head);
  if (elf) await checkElf(ctx, subject, elf, depth);
  else if (subject.role !== 'loader' && depth < MAX_DEPTH) await checkScript(ctx, subject, depth);
}

function chmodFix(ctx: Ctx, file: ImageFile): string {
  const target = file.resolvedPath;
  const copy = ctx.model.wrappers.find((w) => w.imagePath === target || w.imagePath === file.path)?.copy;
  if (copy) return `Copy it with an execute bit: add \`--chmod=755\` to the ${copy.keyword} on line ${copy.range.line} (or \`RUN chmod +x ${target}\`).`;
  return `Give it an execute bit in the build: \`RUN chmod +x ${target}\` or \`COPY --chmod=755 … ${target}\`.`;
}

/** runc's PATH lookup: the first candidate that is a file with an execute bit; else the first that exists. */
function pickExecutable(files: ImageFile[]): ImageFile | undefined {
  return files.find((f) => f.type === 'file' && (f.mode & 0o111) !== 0) ?? files.find((f) => fileExists(f) && f.type !== 'dir');
}

/**
 * The debug-path check: `--entrypoint /bin/sh … -c 'test -x "$1"' sh <path>`, the path a
 * positional parameter (never spliced into the -c string), run as the image's own user. A bare
 * name passes every PATH candidate, so the run starts at once instead of after the lookup:
 * exit 0 when one of them is executable for that user, as runc's lookup needs.
 */
async function debugShellRun(input: SmokeInput, paths: string[]): Promise<DockerResult> {
  const script = paths.length === 1 ? 'test -x "$1"' : 'for p do test -x "$p" && exit 0; done; exit 1';
  // In the probe's container when it is up: a `docker exec` costs far less than a container of
  // its own (created, started, torn down beside the starting service on the same cores). Not for
  // paths under the probe's tmpfs mounts, which hide the image's own files there.
  const id = await input.running;
  if (id && !paths.some((p) => TMPFS.some((d) => p === d || p.startsWith(`${d}/`)))) {
    const res = await execIn(id, ['/bin/sh', '-c', script, 'sh', ...paths], { timeoutMs: SHELL_TIMEOUT_MS, maxStdoutBytes: 64 * 1024 });
    // A verdict only when /bin/sh answered (0 or 1) or the runtime said it is not there; else the
    // container stopped meanwhile (a crash at start, a one-shot job, the exec killed with it): a run of its own.
    // (Over the Engine API the runtime's words come on stdout: `test -x` itself prints nothing.)
    const said = `${res.stderr}\n${res.stdout}`;
    const answered = !res.timedOut && (res.code === 0 || res.code === 1) && !START_ERROR.test(said);
    if (answered || SH_MISSING.test(said)) return { ...res, stderr: said.trim() };
  }
  const name = `${input.cleanup.runId}-smoke-${randomBytes(4).toString('hex')}`;
  input.cleanup.container(name);
  return docker(
    ['run', '--rm', '--pull=never', '--name', name, '--platform', input.platform, '--network', 'none', ...input.cleanup.labelArgs(),
      '--memory', '128m', '--pids-limit', '32', '--read-only', '--security-opt', 'no-new-privileges', '--entrypoint', '/bin/sh', '--', input.image, '-c', script, 'sh', ...paths],
    { timeoutMs: SHELL_TIMEOUT_MS, maxStdoutBytes: 64 * 1024 },
  ).then((res) => {
    if (!res.timedOut) input.cleanup.forgetContainer(name);
    return res;
  });
}

interface ShellVerdict {
  /** `/bin/sh` ran: `test -x` answered 0 or 1 with nothing on stderr. */
  hasShell: boolean;
  /** /bin/sh exists in the image. */
  present: boolean;
  exitCode: number | null;
}

/**
 * Read the debug-path run: /bin/sh ran, or the runtime said it does not exist. Anything else
 * (timeout, another start error) is inconclusive: then the file itself tells whether it exists.
 */
async function judgeShellRun(run: Promise<DockerResult>, reader: ImageFileReader): Promise<ShellVerdict> {
  const res = await run;
  if (!res.timedOut && SH_MISSING.test(res.stderr)) return { hasShell: false, present: false, exitCode: res.code };
  const ran = !res.timedOut && (res.code === 0 || res.code === 1) && !START_ERROR.test(res.stderr);
  if (ran) return { hasShell: true, present: true, exitCode: res.code };
  const sh = await reader.read('/bin/sh');
  return { hasShell: false, present: sh.type !== 'missing' && sh.type !== 'loop', exitCode: res.code };
}

const START_ERROR = /OCI runtime|failed to create shim|starting container process|Error response from daemon/;

/** The runtime could not start /bin/sh because it is not there (the OCI error names it). */
const SH_MISSING = /exec: "\/bin\/sh": stat \/bin\/sh: no such file or directory|"\/bin\/sh": no such file or directory/;

export async function smokeCheck(input: SmokeInput): Promise<SmokeResult> {
  const { config, model, platform } = input;
  const startCommand = [...config.entrypoint, ...config.cmd];
  const argv0 = startCommand[0];
  const candidates = argv0 !== undefined && argv0 !== '' ? executableCandidates(argv0, config) : [];
  const shellRun = debugShellRun(input, candidates.length > 0 ? candidates : ['/bin/sh']);

  const reader = new ImageFileReader(input);
  let verdict: Promise<ShellVerdict> | undefined;
  const shellVerdict = () => (verdict ??= judgeShellRun(shellRun, reader));
  const consistent = argv0 !== undefined && model.start.argv[0] === argv0 && model.start.executableFrom !== undefined;
  const from = consistent ? model.start.executableFrom : undefined;
  const ctx: Ctx = {
    platform,
    arch: platformArch(platform),
    config,
    model,
    reader,
    hits: [],
    fatal: false,
    at: from ? { file: model.file, range: from.instr.range } : {},
    keyword: from?.instr.keyword ?? 'ENTRYPOINT/CMD',
    shellPresent: async () => (await shellVerdict()).present,
  };
  let exe: ImageFile | undefined;
  let shell: ShellVerdict;
  try {
    const files = candidates.length > 0 ? await reader.readMany(candidates).then((m) => candidates.map((c) => m.get(c)!)) : [];
    exe = pickExecutable(files);
    if (argv0 !== undefined && argv0 !== '' && !files.some((f) => f.type === 'error')) {
      if (!exe) reportNotFound(ctx, argv0, files);
      else await checkExecutable(ctx, { file: exe, label: q(exe.path), role: 'start' }, 0);
    }
    shell = await shellVerdict();
  } finally {
    await reader.close();
  }

  if (!shell.present) {
    // Where the static rule of the same id points: the FROM the final image descends from.
    ctx.hits.push({
      rule: 'no-debug-shell',
      severity: 'info',
      file: model.file,
      range: model.chain[0]!.from.range,
      message: `The image has no /bin/sh on {platforms}, so debugging with \`docker run --entrypoint /bin/sh\` or \`docker exec … sh\` fails with "no such file or directory".`,
      fix: 'Debug it with an ephemeral container (`kubectl debug --image=busybox`, `docker debug`), or use a `:debug` variant of the base image while investigating.',
    });
  } else if (shell.hasShell && shell.exitCode === 1 && exe?.type === 'file' && (exe.mode & 0o111) !== 0 && !ctx.fatal && !isRootUser(config.user)) {
    // Root may run anything with an x bit; the image's user may not (0700 root-owned, 0744…).
    hit(ctx, 'entrypoint-not-executable', 'error',
      `${q(exe.path)} (mode ${modeText(exe.mode)}, owner uid ${exe.uid}) is not executable for the image's user ${q(config.user)} on {platforms}, ${FAILS} "permission denied".`,
      `Make it executable for that user (\`COPY --chmod=755\` or \`RUN chmod 755 ${exe.resolvedPath}\`), or \`--chown\` it to ${config.user}.`, true);
  }
  const hasShell = shell.hasShell;
  return { hits: ctx.hits, startCommand, hasShell, fatal: ctx.fatal };
}

function reportNotFound(ctx: Ctx, argv0: string, files: ImageFile[]): void {
  if (!argv0.includes('/')) {
    hit(ctx, 'entrypoint-not-found', 'error',
      `${q(argv0)} is not on the image's PATH (${ctx.config.path.join(':')}) on {platforms}, ${FAILS} "executable file not found in $PATH".`,
      `Install ${argv0} in the final stage (or COPY it there from the build stage), or start it by its absolute path.`, true);
    return;
  }
  const file = files[0]!;
  const shown = argv0.startsWith('/') ? q(file.path) : `${q(argv0)} (${file.path} from WorkingDir ${ctx.config.workingDir})`;
  const link = file.links[file.links.length - 1];
  // /dev, /proc and /sys are mounted by the runtime: absent from the image's files, never a program.
  if (link && /^\/(?:dev|proc|sys)(?:\/|$)/.test(path.posix.normalize(file.resolvedPath))) {
    hit(ctx, 'entrypoint-not-executable', 'error',
      `${shown} is a symlink to ${q(link.target)}, a file the container runtime mounts (a device or kernel file), not a program, on {platforms}, ${FAILS} "permission denied" or "exec format error".`,
      `Point ${ctx.keyword} at the program itself, or COPY the program to ${file.path} in the final stage.`, true);
    return;
  }
  const why = file.type === 'loop'
    ? `is a symlink loop in the image on {platforms}`
    : link
      ? `is a symlink to ${q(link.target)}, which does not exist in the image on {platforms}`
      : `does not exist in the image on {platforms}`;
  hit(ctx, 'entrypoint-not-found', 'error', `${shown} ${why}, ${FAILS} "no such file or directory".`,
    `COPY the file to ${file.path} in the final stage, or correct the path in ${ctx.keyword}.`, true);
}
