// A RUN/ADD downloads a URL with a hard-coded architecture and does not branch on the target architecture.
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from 'dockerfile-ast';
import { argDefault, expandArgs } from '../../model/variables.js';
import type { DockerfileModel, Instr, Stage } from '../../model/types.js';
import { buildSteps, type Step } from '../../model/build-steps.js';
import { copyOperands } from '../../model/file-origin.js';
import { builtStages, pathsCopiedOut, stageAndDescendants } from '../../model/stage-graph.js';
import type { RuleHit, StaticRule } from '../types.js';

const URL = /\b(?:https?|ftp):\/\/[^\s'"`<>|;)]+/g;
// Architecture tokens as they appear in release file names and paths.
const ARCH =
  /(?<![A-Za-z0-9])(amd64|x86_64|x86-64|x64|arm64|aarch64|arm64v8|armv[5-8]l?|armv7hf|armhf|armel|arm32v[67]|i[3-6]86|ppc64le|s390x|riscv64)(?![A-Za-z0-9])|(?<=[-_/])386(?=[-_./]|$)/i;
/** Build args BuildKit sets per platform: a value derived from one follows the target. */
const PLATFORM_ARGS = /\b(TARGETARCH|TARGETPLATFORM|TARGETOS|TARGETVARIANT|BUILDARCH)\b/;
// The RUN works out the architecture itself: it names a platform arg or asks the system.
const BRANCHES: RegExp[] = [
  PLATFORM_ARGS,
  // `uname -m`, `uname -sm`, `uname -s -m`, `uname --machine`, `uname -p`/`-i`/`-a` (they print it too).
  /\buname(?:\s+-[a-z]+)*\s+(?:-[a-z]*[ampi][a-z]*|--(?:machine|processor|hardware-platform|all))(?![\w-])/,
  /\bdpkg\s+--print-arch/,
  /\bdpkg-architecture\b/,
  /\bapk\s+--print-arch\b/,
  /\/etc\/apk\/arch\b/,
  /\$\(\s*arch\s*\)|`\s*arch\s*`/,
  // `rpm --eval %{_arch}`, `rpm -E '%_arch'`, `rpm -q --queryformat '%{ARCH}' rpm`, `%{_target_cpu}`.
  /\brpm\b[^\n;&|]*%\{?_?(?:arch|target_cpu|host_cpu)\b/i,
  /\bgo\s+env\s+GOARCH\b/,
  /\$\{?(?:HOSTTYPE|MACHTYPE)\b/,
  // tonistiigi/xx cross-compilation helpers read TARGETPLATFORM.
  /\bxx-(?:info|apk|apt|apt-get|go|cargo|clang|verify)\b/,
  /\bprocess\.arch\b|\bplatform\.machine\(\)/,
];

function branches(text: string, derived: Set<string>): boolean {
  return BRANCHES.some((re) => re.test(text)) || mentions(text, derived);
}

/** `ARG`/`ENV` definitions of one instruction: [name, value as written; undefined for a bare `ARG NAME`]. */
function definitions(instr: Instr): [string, string | undefined][] {
  if (instr.keyword === 'ARG') return argDefault(instr);
  if (instr.keyword !== 'ENV') return [];
  const props = (instr.node as unknown as Env).getProperties?.() ?? [];
  return props.map((p) => [p.getName(), p.getValue() ?? '']);
}

function mentions(text: string, names: Iterable<string>): boolean {
  for (const name of names) if (new RegExp(`\\$\\{?${name}\\b`).test(text)) return true;
  return false;
}

/**
 * Record the ARG/ENV names this instruction derives from a platform arg (`ENV
 * ARCH=${TARGETARCH}`, `ARG DL_ARCH=$ARCH` after it); a bare `ARG NAME` in a stage takes the
 * global ARG's value, derived or not.
 */
function derive(instr: Instr, derived: Set<string>, globals: Set<string>): void {
  for (const [name, value] of definitions(instr)) {
    // Only names a shell can reference (they go into a RegExp).
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const from = value === undefined ? globals.has(name) : PLATFORM_ARGS.test(value) || mentions(value, derived);
    if (from) derived.add(name);
    else derived.delete(name);
  }
}

/** Architecture families, so that `x86_64` in a URL matches a `Dockerfile.amd64`. */
const FAMILIES: [RegExp, string][] = [
  [/^(amd64|x86_64|x86-64|x64)$/i, 'amd64'],
  [/^(arm64|aarch64|arm64v8)$/i, 'arm64'],
  [/^(arm|armv[5-8]l?|armv7hf|armhf|armel|arm32v[5-7]|rpi|raspberrypi|raspbian)$/i, 'arm'],
  [/^(i[3-6]86|386|x86)$/i, '386'],
];

/** A variant named for `arm` (Dockerfile-arm) may fetch 32- or 64-bit arm binaries. */
function sameArch(variant: string, download: string): boolean {
  return variant === download || (variant === 'arm' && download === 'arm64');
}

function family(arch: string): string {
  return FAMILIES.find(([re]) => re.test(arch))?.[1] ?? arch.toLowerCase();
}

/** An architecture named in a file or folder name (`Dockerfile.aarch64`, `Dockerfile-arm`, `build-arm`, `arm32v7`, `Dockerfile.rpi`). */
const NAMED_ARCH =
  /(?<![A-Za-z0-9])(x86_64|x86-64|amd64|x64|arm64v8|arm64|aarch64|armv[5-8]l?|armv7hf|armhf|armel|arm32v[5-7]|arm|rpi|raspberrypi|raspbian|i[3-6]86|x86|ppc64le|s390x|riscv64)(?![A-Za-z0-9])/i;
const DOCKERFILE_NAME = /(?:^|[.\-_])(?:docker|container)file(?:[.\-_]|$)/i;

function namedArch(name: string): string | undefined {
  const m = NAMED_ARCH.exec(name);
  return m ? family(m[1]!) : undefined;
}

function listDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function holdsDockerfile(dir: string): boolean {
  return listDir(dir).some((e) => e.isFile() && DOCKERFILE_NAME.test(e.name));
}

/**
 * The Dockerfile is one architecture's variant by design: its own name or folder names an
 * architecture (`Dockerfile.aarch64`, `arm32v7/Dockerfile`), or another Dockerfile next to it
 * does (`Dockerfile` beside `Dockerfile-arm`, `build/` beside `build-arm/`), so this one is
 * the default architecture's.
 */
export interface ArchVariant {
  /** The family this file is for, when its name or folder says so. */
  own?: string;
  /** The per-architecture sibling that makes this file a variant (display name). */
  sibling?: string;
}

export function archVariant(model: DockerfileModel): ArchVariant | undefined {
  const file = path.basename(model.absPath);
  const dir = path.dirname(model.absPath);
  const repoRoot = fs.existsSync(path.join(dir, '.git'));
  const own = namedArch(file) ?? (repoRoot ? undefined : namedArch(path.basename(dir)));
  if (own) return { own };
  for (const e of listDir(dir)) {
    if (e.name === file) continue;
    if (e.isFile() && DOCKERFILE_NAME.test(e.name) && namedArch(e.name)) return { sibling: e.name };
    if (e.isDirectory() && namedArch(e.name) && holdsDockerfile(path.join(dir, e.name))) return { sibling: `${e.name}/` };
  }
  // Folders beside this one (`build/` and `build-arm/`), only inside the build context: never
  // the folders around the checkout.
  const parent = path.dirname(dir);
  const rel = path.relative(model.contextDir, parent);
  if (!repoRoot && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    for (const e of listDir(parent)) {
      if (e.isDirectory() && e.name !== path.basename(dir) && namedArch(e.name) && holdsDockerfile(path.join(parent, e.name))) return { sibling: `../${e.name}/` };
    }
  }
  return undefined;
}

const FETCH = /\b(curl|wget|aria2c|axel|fetch|http|xh)\b|\bInvoke-WebRequest\b|\burllib\b|\brequests\.get\b/;

/**
 * Files no platform runs, whatever architecture their URL names: a signature or checksum of a
 * download (`…_amd64.deb.asc`), and an architecture-independent package in an architecture's
 * repository folder (`…/x86_64/Packages/python3-pyparsing-2.4.6-1.el8.noarch.rpm`, `…_all.deb`).
 */
const NOT_A_BINARY = /\.(?:asc|sig|sign|gpg|sha1|sha256|sha512|md5|sha256sum|sha512sum)$|[._-]noarch\.rpm$|_all\.deb$/i;

type ArchUrl = { url: string; arch: string; written: string };

function archUrls(text: string, vars: Record<string, string | undefined>): ArchUrl[] {
  const out: ArchUrl[] = [];
  for (const m of text.matchAll(URL)) {
    const url = expandArgs(m[0], vars);
    if (NOT_A_BINARY.test(url.split(/[?#]/)[0]!)) continue;
    const arch = ARCH.exec(url);
    if (arch) out.push({ url, arch: arch[0], written: m[0] });
  }
  return out;
}

/**
 * The build ARG whose default puts the architecture in the URL (`ARG S6_ARCH=x86_64` and
 * `…/s6-overlay-${S6_ARCH}.tar.xz`): the URL as written names no architecture, and the build
 * chooses one per platform with `--build-arg`. Undefined when the URL writes the architecture
 * itself or an ENV sets it (a value no build can change).
 */
function archFromBuildArg(model: DockerfileModel, written: string, vars: Record<string, string | undefined>): string | undefined {
  if (ARCH.test(written)) return undefined;
  for (const m of written.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = m[1]!;
    if (!ARCH.test(vars[name] ?? '')) continue;
    const defs = model.instructions.flatMap((i) => definitions(i).map(([n]) => [n, i.keyword] as const)).filter(([n]) => n === name);
    return defs.length > 0 && defs.every(([, k]) => k === 'ARG') ? name : undefined;
  }
  return undefined;
}

function shortUrl(url: string): string {
  return url.length > 110 ? `${url.slice(0, 109)}…` : url;
}

/**
 * Stages whose architecture is fixed: a constant `--platform`, or `$BUILDPLATFORM` (runs on
 * the build host, the cross-compile pattern), on the stage or a stage it is built FROM.
 */
function pinned(model: DockerfileModel, stage: Stage): boolean {
  for (let s: Stage | undefined = stage; s; s = s.parent !== undefined ? model.stages[s.parent] : undefined) {
    const p = s.platform?.trim();
    if (p && !/\$\{?TARGETPLATFORM\}?/.test(p)) return true;
  }
  return false;
}

/** Words a release file name starts with that name no program (`linux-amd64.tar.gz`). */
const NOT_A_TOOL = /^(linux|darwin|windows|amd|arm|aarch|x|i|v|release|download|latest|bin|static|musl|gnu)$/i;

/** The program a release file is named for (`dockerize-alpine-linux-amd64-v0.6.1.tar.gz` → dockerize); undefined for packages and unnamed files. */
function toolName(url: string): string | undefined {
  const file = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  // A package or an install script puts files wherever it likes.
  if (/\.(deb|rpm|apk|sh|run|pkg)$/i.test(file)) return undefined;
  const name = /^[A-Za-z][A-Za-z]*/.exec(file)?.[0];
  return name && name.length >= 2 && !NOT_A_TOOL.test(name) ? name : undefined;
}

/** Is path x the directory y or inside it? */
function inside(x: string, y: string): boolean {
  return y === '/' || x === y || x.startsWith(`${y}/`);
}

/**
 * A download in a stage outside the final image's ancestry reaches a platform only if the
 * stage is built for the image, and the file is run later in it (or in a stage built FROM it:
 * an amd64 compiler builds amd64 binaries) or copied out of it. Where the file lands: the
 * RUN's working directory and the absolute paths the RUN names (`tar -C /usr/local/bin`).
 */
function reachesImage(model: DockerfileModel, stage: Stage, step: Step, url: string): boolean {
  const built = builtStages(model);
  if (!built) return true;
  if (!built.has(stage.index)) return false;
  const { instr } = step;
  const tool = toolName(url);
  const text = [instr.text, ...instr.heredocs.map((h) => h.content)].join('\n');
  if (!tool || /\|\s*(sudo\s+)?(ba)?sh\b/.test(text)) return true;
  const named = new RegExp(`(^|[^A-Za-z0-9_.-])${tool}([^A-Za-z0-9_-]|$)`);
  for (const s of stageAndDescendants(model, stage)) {
    for (const later of buildSteps(model, s).steps) {
      if (later.instr.stage !== s.index || (s === stage && later.instr.range.line <= instr.range.line)) continue;
      if (['RUN', 'ENTRYPOINT', 'CMD'].includes(later.instr.keyword) && named.test(later.instr.text)) return true;
    }
  }
  const copied = pathsCopiedOut(model, stage, built);
  if (!copied) return true;
  // A file saved or unpacked without a path lands in the working directory: a copy of the
  // directory, of an entry directly in it or of a folder named for the tool takes it (another
  // folder under it does not); a path the RUN names may be the file or a folder it fills.
  const paths = [...text.replace(URL, ' ').matchAll(/(?<![\w$}.-])\/[A-Za-z0-9_.+\/-]*/g)].map((m) => path.posix.normalize(m[0]).replace(/(.)\/$/, '$1'));
  const { workdir } = step;
  const fromWorkdir = (c: string) =>
    inside(workdir, c) || (inside(c, workdir) && (path.posix.dirname(c) === workdir || path.posix.relative(workdir, c).split('/')[0]!.includes(tool)));
  return copied.some((c) => fromWorkdir(c) || paths.some((p) => inside(p, c) || inside(c, p)));
}

/**
 * Installers that compare a package's architecture with the system's and refuse another's: rpm
 * ("package … is intended for a different architecture"), dpkg ("package architecture (amd64)
 * does not match system (arm64)"), and the front ends over them. Their force flags skip that check.
 */
const ARCH_CHECKED_INSTALL: [RegExp, string][] = [
  [/\brpm\s+(?:--?[A-Za-z-]+\s+)*?(?:-(?![A-Za-z]*[qeVK])[A-Za-z]*[iU][A-Za-z]*|--install|--upgrade)\b/, 'rpm'],
  [/\b(?:yum|dnf|microdnf|tdnf|zypper)\s+(?:-\S+\s+)*(?:install|localinstall|reinstall|in)\b/, 'the package manager'],
  [/\bdpkg\s+(?:-\S+\s+)*?(?:-[A-Za-z]*i[A-Za-z]*|--install)\b/, 'dpkg'],
  [/\b(?:apt-get|apt)\s+(?:-\S+\s+)*install\b|\bgdebi\b/, 'dpkg'],
];
const ARCH_CHECK_FORCED = /--ignorearch\b|--force-architecture\b|--force-all\b/;

/**
 * The download is an .rpm or .deb that this RUN installs with an installer that checks its
 * architecture (`wget …_x86_64.rpm && rpm -i …_x86_64.rpm`): a build for another platform stops
 * at the install, so no image ships the wrong binary. The installer's name, else undefined.
 */
function installedPackage(text: string, url: string): string | undefined {
  const file = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  if (!/\.(rpm|deb)$/i.test(file) || ARCH_CHECK_FORCED.test(text)) return undefined;
  // A package file is named again after the download: the installer's operand (the file, a glob, a saved name).
  const after = text.replace(URL, ' ');
  if (!/\S\.(rpm|deb)\b/i.test(after)) return undefined;
  return ARCH_CHECKED_INSTALL.find(([re]) => re.test(after))?.[1];
}

function hit(instr: Instr, url: string, arch: string, variant: ArchVariant | undefined, buildArg?: string, installer?: string): RuleHit {
  const what = `${instr.keyword === 'ADD' ? 'ADD downloads' : 'This RUN downloads'} \`${shortUrl(url)}\` (built for ${arch})`;
  if (installer !== undefined && variant?.own === undefined) {
    return {
      message: `${what} and installs it with ${installer === 'the package manager' ? installer : `\`${installer}\``}, which refuses a package built for another architecture: this Dockerfile builds for ${arch} only, and a build for another platform stops at this step instead of shipping the wrong binary.`,
      fix: `Nothing to fix if the image is only published for ${arch}; for a multi-arch image, pick the package from \`ARG TARGETARCH\` or \`uname -m\` (\`case "$(uname -m)" in x86_64) …;; aarch64) …;; esac\`).`,
      range: instr.range,
      severity: 'info',
    };
  }
  if (buildArg !== undefined && variant?.own === undefined) {
    return {
      message: `${what} by the default of the build argument \`${buildArg}\`: a build for another platform that does not pass \`--build-arg ${buildArg}=…\` gets the ${arch} binary and fails with \`exec format error\`.`,
      fix: `Nothing to fix if every build passes \`${buildArg}\` for its platform; to make it follow the platform on its own, derive it from \`ARG TARGETARCH\` in a RUN (\`case "$TARGETARCH" in amd64) …;; arm64) …;; esac\`).`,
      range: instr.range,
      severity: 'info',
    };
  }
  if (variant?.sibling !== undefined) {
    return {
      message: `${what}: this Dockerfile is the ${arch} variant by design (the other architecture has its own, \`${variant.sibling}\`), so its image only runs on ${arch}.`,
      fix: 'Nothing to fix if this image is only published for this architecture; to build one multi-arch image instead, use `ARG TARGETARCH` in the URL and drop the per-architecture copy.',
      range: instr.range,
      severity: 'info',
    };
  }
  const message =
    variant?.own !== undefined
      ? `${what}, but this Dockerfile's name says it is the ${variant.own} variant: its image gets the ${arch} binary and fails with \`exec format error\`.`
      : `${what} without checking the target architecture, so the image for every other platform gets the ${arch} binary and fails with \`exec format error\`.`;
  return {
    message,
    fix:
      instr.keyword === 'ADD'
        ? `Put \`ARG TARGETARCH\` in the stage and use it in the URL (\`…-linux-\${TARGETARCH}…\`), mapping names like x86_64/aarch64 in a RUN if the project uses them.`
        : `Declare \`ARG TARGETARCH\` and build the URL from it, or branch on \`dpkg --print-architecture\` / \`uname -m\` (\`case "$(uname -m)" in x86_64) …;; aarch64) …;; esac\`).`,
    range: instr.range,
  };
}

export const rule: StaticRule = {
  id: 'arch-specific-download',
  severity: 'warning',
  title: 'Download for one architecture',
  description: 'A RUN or ADD fetches a binary for a hard-coded architecture: the image for the other platform gets the wrong binary.',
  check(model) {
    if (model.windows) return [];
    const hits: RuleHit[] = [];
    let variant: ArchVariant | undefined | null = null;
    const globals = new Set<string>();
    for (const instr of model.instructions) if (instr.stage === -1) derive(instr, globals, new Set());
    const inImage = new Set(model.chain.map((s) => s.index));
    for (const stage of model.stages) {
      if (stage.windows || pinned(model, stage)) continue;
      const derived = new Set(globals);
      for (const step of buildSteps(model, stage).steps) {
        const { instr } = step;
        derive(instr, derived, globals);
        if (instr.stage !== stage.index) continue;
        let found: ArchUrl | undefined;
        let installer: string | undefined;
        if (instr.keyword === 'RUN') {
          const text = [instr.text, ...instr.heredocs.map((h) => h.content)].join('\n');
          if (!FETCH.test(text) || branches(text, derived)) continue;
          // A download that is not a package the RUN installs goes first: it is the one that ships.
          const urls = archUrls(text, step.vars).map((u) => ({ u, by: installedPackage(text, u.url) }));
          const first = urls.find((x) => x.by === undefined) ?? urls[0];
          found = first?.u;
          installer = first?.by;
        } else if (instr.keyword === 'ADD') {
          const ops = copyOperands(step);
          const sources = ops?.sources ?? instr.args.slice(0, -1);
          if (branches(instr.text, derived)) continue;
          found = archUrls(sources.join(' '), step.vars)[0];
        }
        if (!found) continue;
        if (!inImage.has(stage.index) && !reachesImage(model, stage, step, found.url)) continue;
        if (variant === null) variant = archVariant(model);
        // A per-architecture Dockerfile fetching its own architecture's binary is right.
        if (variant?.own !== undefined && sameArch(variant.own, family(found.arch))) continue;
        // ADD's sources come expanded: find the URL as the instruction writes it.
        const written = [...instr.text.matchAll(URL)].map((m) => m[0]).find((u) => expandArgs(u, step.vars) === found.url) ?? found.written;
        const h = hit(instr, found.url, found.arch, variant, archFromBuildArg(model, written, step.vars), installer);
        hits.push(h);
      }
    }
    return hits;
  },
};
