// Which interpreters the final image has: what its base image family ships, what the RUN
// lines of the stages that build it install (and remove again), and whether one may have
// arrived without a package manager (built from source, a tarball, COPY --from). Only
// absence that can be proven is reported as 'absent'.
import path from 'node:path';
import { splitImageRef } from './base-image.js';
import { interpreterOf, type ImageProgram, type Interpreter } from './programs.js';
import { expandArgs } from './variables.js';
import { programWords, runCommands } from '../shell/commands.js';
import type { BaseImage, DockerfileModel, Instr } from './types.js';
import { buildSteps, type Step } from './build-steps.js';
import { copyOperands } from './file-origin.js';

export { interpreterOf, type Interpreter };

// Alpine-based images known to ship no bash (their own entrypoints are #!/bin/sh).
const ALPINE_WITHOUT_BASH = new Set(['alpine', 'busybox', 'node', 'python', 'golang', 'nginx', 'php', 'redis']);
// Plain OS images whose contents are known: no language runtimes, no curl or wget (BusyBox's wget aside).
const PLAIN_KNOWN = new Set(['alpine', 'busybox', 'debian', 'ubuntu']);
// Official language images whose `-slim` (Debian) and `-alpine` variants ship no curl: their
// Dockerfiles install it only as a build dependency and purge it (docker-library node, python).
const SLIM_WITHOUT_CURL = new Set(['node', 'python']);

export type Availability = 'present' | 'absent' | 'unknown';

/** What the base image itself ships. */
export function baseHas(base: BaseImage, interp: ImageProgram): Availability {
  const { family, debugVariant } = base;
  const name = base.name.split('/').pop() ?? base.name;
  if (interp === 'curl' || interp === 'wget') return baseHasHttpClient(base, interp);
  if (family === 'scratch') return 'absent';
  if (family === 'distroless') {
    if (interp === 'python') return /python/.test(name) ? 'present' : 'absent';
    if (interp === 'node') return /node/.test(name) ? 'present' : 'absent';
    if (interp === 'sh') return debugVariant ? 'present' : 'absent';
    return 'absent';
  }
  if (family === 'alpine' || family === 'busybox') {
    if (interp === 'sh') return 'present';
    if (interp === 'bash') return ALPINE_WITHOUT_BASH.has(name) ? 'absent' : 'unknown';
    return PLAIN_KNOWN.has(name) ? 'absent' : 'unknown';
  }
  if (family === 'debian' || family === 'ubuntu') {
    if (interp === 'sh' || interp === 'bash' || interp === 'dash' || interp === 'perl') return 'present';
    return PLAIN_KNOWN.has(name) ? 'absent' : 'unknown';
  }
  if (family === 'rhel') return interp === 'sh' || interp === 'bash' ? 'present' : 'unknown';
  return 'unknown';
}

/** curl and wget: absent only where the base is known well enough (a false alarm costs more than a miss). */
function baseHasHttpClient(base: BaseImage, client: 'curl' | 'wget'): Availability {
  const { family, debugVariant, tag } = base;
  const name = base.name.split('/').pop() ?? base.name;
  if (family === 'scratch') return 'absent';
  // distroless ships neither; its :debug variants have BusyBox, whose wget is on their PATH.
  if (family === 'distroless') return client === 'wget' && debugVariant ? 'present' : 'absent';
  // BusyBox's wget applet is in every Alpine and BusyBox image; curl is not.
  if (family === 'alpine' || family === 'busybox') {
    if (client === 'wget') return 'present';
    return PLAIN_KNOWN.has(name) || SLIM_WITHOUT_CURL.has(name) ? 'absent' : 'unknown';
  }
  if (family === 'debian' || family === 'ubuntu') {
    if (PLAIN_KNOWN.has(name)) return 'absent';
    if (SLIM_WITHOUT_CURL.has(name) && /(^|[-_.])slim([-_.]|$)/.test(tag ?? '')) return 'absent';
    return 'unknown';
  }
  return 'unknown';
}

// Package names (apk, apt, dnf/yum/microdnf, zypper) that bring an interpreter or an HTTP client.
const PACKAGES: [RegExp, ImageProgram][] = [
  [/^(bash|bash-completion|libtool|bats)$/, 'bash'],
  [/^(busybox|busybox-static|busybox-extras|dash|mksh)$/, 'sh'],
  [/^zsh$/, 'zsh'],
  [/^(ksh|mksh|loksh)$/, 'ksh'],
  [/^dash$/, 'dash'],
  [/^fish$/, 'fish'],
  [/^(python\d*(\.\d+)?|python-is-python3|py3-.+|python\d*(\.\d+)?-.+)$/, 'python'],
  [/^(nodejs(-current|-lts.*)?|npm|yarn|pnpm)$/, 'node'],
  [/^ruby.*$/, 'ruby'],
  [/^perl.*$/, 'perl'],
  [/^php\d*(-.+)?$/, 'php'],
  [/^curl(-minimal)?$/, 'curl'],
  [/^(wget2?|busybox|busybox-static|busybox-extras)$/, 'wget'],
];

function packageInterpreters(pkg: string): ImageProgram[] {
  const name = pkg.replace(/[=<>~].*$/, '').replace(/:[a-z0-9]+$/, '');
  return PACKAGES.filter(([re]) => re.test(name)).map(([, i]) => i);
}

// Words that name an interpreter in a download, source build or installer.
const MENTIONS: [RegExp, ImageProgram[]][] = [
  [/\bbash\b/i, ['bash']],
  [/\bbusybox\b/i, ['sh', 'wget']],
  [/\bcurl\b/i, ['curl']],
  [/\bwget\b/i, ['wget']],
  [/\bzsh\b/i, ['zsh']],
  [/\bpython\d*(\.\d+)*\b|\bcpython\b|\bpyenv\b|\b(mini|ana)?conda\b|\bmicromamba\b|\bmamba\b|\buv\s+python\b|python-build-standalone/i, ['python']],
  [/\bnode(js)?\b|\bnvm\b|\bfnm\b|\bvolta\b/i, ['node']],
  [/\bruby\b|\brbenv\b|\bruby-build\b/i, ['ruby']],
  [/\bperl\b|\bperlbrew\b/i, ['perl']],
  [/\bphp\b/i, ['php']],
];
const ACQUIRE = /\b(curl|wget|aria2c|tar|unzip|bsdtar|make\s+(-j\s*\S+\s+)?(alt)?install|\.\/configure|(nvm|pyenv|asdf|fnm|volta|rbenv|n|conda|micromamba|mise|rtx|uv)\s+(install|use)|install\.sh)\b/;
// Source directories that bring whole trees of binaries with them.
const BROAD_SOURCES = new Set(['/', '/usr', '/usr/local', '/usr/local/bin', '/bin', '/usr/bin', '/opt', '/sbin', '/usr/sbin']);

function mentioned(text: string): ImageProgram[] {
  const out: ImageProgram[] = [];
  for (const [re, interps] of MENTIONS) if (re.test(text)) out.push(...interps);
  return out;
}

const ALL: ImageProgram[] = ['sh', 'bash', 'zsh', 'ksh', 'dash', 'fish', 'python', 'node', 'ruby', 'perl', 'php', 'curl', 'wget'];

/** Configuration-management runs: they install whatever their recipes name. */
const PROVISIONERS = new Set(['puppet', 'ansible-playbook', 'ansible', 'chef-solo', 'chef-client', 'salt-call']);
/** The name of a project's own set-up program (`scripts/setup/install`, `./install-deps.sh`, `bootstrap.sh`). */
const SETUP_SCRIPT = /(^|[-_.])(install|setup|bootstrap|provision)([-_.]|$)/i;

/**
 * The command runs a provisioner, or a set-up program of the project's own by its path
 * (directly or as `sh`/`bash` its argument): a package install we cannot see.
 */
function provisions(words: string[]): boolean {
  const w0 = words[0];
  if (!w0) return false;
  const base = path.posix.basename(w0);
  if (PROVISIONERS.has(base)) return true;
  const script = /^(ba|da|a|z)?sh$/.test(base) ? words.slice(1).find((w) => !w.startsWith('-')) : w0;
  if (!script || (!script.includes('/') && script === w0)) return false;
  // A system tool that happens to be named so (`/usr/bin/install`, `docker-php-ext-install`) is not the project's set-up.
  if (/^\/(usr\/)?(local\/)?s?bin\//.test(script)) return false;
  return SETUP_SCRIPT.test(path.posix.basename(script).replace(/\.(sh|bash)$/, ''));
}

export interface InstallAnalysis {
  /** Interpreters a package install leaves in the final image, with the RUN that installed them. */
  installed: Map<ImageProgram, Instr>;
  /** Interpreters that may have arrived another way (source build, tarball, COPY --from, an install list we cannot read). */
  maybe: Set<ImageProgram>;
}

const INSTALLERS: Record<string, { add: Set<string>; del: Set<string> }> = {
  apk: { add: new Set(['add']), del: new Set(['del']) },
  'apt-get': { add: new Set(['install']), del: new Set(['remove', 'purge']) },
  apt: { add: new Set(['install']), del: new Set(['remove', 'purge']) },
  aptitude: { add: new Set(['install']), del: new Set(['remove', 'purge']) },
  yum: { add: new Set(['install']), del: new Set(['remove', 'erase']) },
  dnf: { add: new Set(['install']), del: new Set(['remove', 'erase']) },
  microdnf: { add: new Set(['install']), del: new Set(['remove']) },
  tdnf: { add: new Set(['install']), del: new Set(['remove', 'erase']) },
  zypper: { add: new Set(['install', 'in']), del: new Set(['remove', 'rm']) },
};
// Options that take a value as the next word.
const VALUE_OPTS = new Set(['--virtual', '-t', '--repository', '-X', '--root', '-p', '-o', '--option', '--target-release', '--setopt', '--releasever', '--installroot', '--enablerepo', '--disablerepo', '--arch', '--keys-dir', '--cache-dir']);

/** Package installs and removals of the final image's stages, in order. */
export function analyseInstalls(model: DockerfileModel): InstallAnalysis {
  const owners = new Map<string, Set<string>>(); // package -> 'world' or the virtual names holding it
  const installedBy = new Map<string, Instr>();
  const virtuals = new Map<string, Set<string>>();
  const maybe = new Set<ImageProgram>();
  const { steps } = buildSteps(model, model.finalStage);
  const stageNames = new Set(model.stages.flatMap((s) => (s.name ? [s.name] : [])));

  const add = (pkg: string, owner: string, instr: Instr): void => {
    let set = owners.get(pkg);
    if (!set) owners.set(pkg, (set = new Set()));
    set.add(owner);
    installedBy.set(pkg, instr);
  };

  for (const step of steps) {
    const { instr } = step;
    if (instr.keyword === 'RUN') {
      const text = [instr.text, ...instr.heredocs.map((h) => h.content)].join('\n');
      if (ACQUIRE.test(text)) for (const i of mentioned(text)) maybe.add(i);
      for (const cmd of runCommands(instr)) {
        const words = programWords(cmd.words);
        // An installer or provisioner of the project's own may install any package (zulip's
        // `scripts/setup/install` runs puppet): what it brings cannot be read from here.
        if (provisions(words)) for (const i of ALL) maybe.add(i);
        readInstall(words, step, { add, owners, virtuals, maybe });
      }
    } else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      copyMaybe(step, maybe, stageNames);
    }
  }

  const installed = new Map<ImageProgram, Instr>();
  for (const [pkg, set] of owners) {
    if (set.size === 0) continue;
    for (const i of packageInterpreters(pkg)) installed.set(i, installedBy.get(pkg)!);
  }
  return { installed, maybe };
}

interface InstallState {
  add: (pkg: string, owner: string, instr: Instr) => void;
  owners: Map<string, Set<string>>;
  virtuals: Map<string, Set<string>>;
  maybe: Set<ImageProgram>;
}

function readInstall(words: string[], step: Step, state: InstallState): void {
  const tool = words[0] ? path.posix.basename(words[0]) : '';
  const spec = INSTALLERS[tool];
  if (!spec) return;
  let sub = 1;
  while (sub < words.length && words[sub]!.startsWith('-')) sub += VALUE_OPTS.has(words[sub]!) && !(words[sub] === '-t' && tool !== 'apk') ? 2 : 1;
  const verb = words[sub] ?? '';
  const adding = spec.add.has(verb);
  const deleting = spec.del.has(verb);
  if (!adding && !deleting) return;
  let virtual: string | undefined;
  const pkgs: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (i === sub) continue;
    const w = words[i]!;
    if (w.startsWith('-')) {
      if ((w === '--virtual' || w === '-t') && tool === 'apk') virtual = words[i + 1];
      if (VALUE_OPTS.has(w) && !(w === '-t' && tool !== 'apk')) i++;
      continue;
    }
    pkgs.push(expandArgs(w, step.vars));
  }
  if (adding) {
    // An install list we cannot read (`apk add $runDeps`, `$(cat packages.txt)`) may hold anything.
    const dynamic = pkgs.flatMap((p) => p.split(/\s+/)).filter((p) => p.includes('$') || p.includes('`'));
    if (dynamic.length > 0) for (const i of ALL) state.maybe.add(i);
    const names = pkgs.flatMap((p) => p.split(/\s+/)).filter((p) => p !== '' && !p.includes('$') && !p.includes('`'));
    if (virtual) state.virtuals.set(virtual, new Set(names));
    for (const p of names) state.add(p.replace(/[=<>~].*$/, ''), virtual ?? 'world', step.instr);
    return;
  }
  for (const p of pkgs.flatMap((x) => x.split(/\s+/)).filter((x) => x !== '')) {
    const v = state.virtuals.get(p);
    if (v && tool === 'apk') {
      for (const pkg of v) state.owners.get(pkg)?.delete(p);
      continue;
    }
    state.owners.get(p.replace(/[=<>~].*$/, ''))?.delete('world');
  }
}

/** COPY --from / ADD that may bring an interpreter's binaries. */
function copyMaybe(step: Step, maybe: Set<ImageProgram>, stageNames: Set<string>): void {
  const { instr } = step;
  const from = instr.flags.get('from');
  const ops = copyOperands(step);
  if (!ops) return;
  // A curl or wget binary from the build context or another stage (`COPY bin/curl /usr/local/bin/`).
  for (const src of ops.sources) for (const i of mentioned(src)) if (i === 'curl' || i === 'wget') maybe.add(i);
  if (from) {
    // `--from=python:3.12-slim`, `--from=busybox:musl`: the image itself names what it brings.
    const ref = expandArgs(from, step.vars);
    if (!stageNames.has(ref.toLowerCase()) && !/^\d+$/.test(ref)) for (const i of interpretersOfImage(ref)) maybe.add(i);
    for (const src of ops.sources) {
      const abs = path.posix.resolve('/', src);
      if (BROAD_SOURCES.has(abs.replace(/\/$/, '') || '/')) for (const i of ALL) maybe.add(i);
      for (const i of mentioned(src)) maybe.add(i);
    }
    return;
  }
  if (instr.keyword === 'ADD') {
    for (const src of ops.sources) {
      if (/^(https?|ftp):\/\/|\.(tar(\.\w+)?|tgz|txz|tbz2?)$/i.test(src)) for (const i of mentioned(src)) maybe.add(i);
    }
  }
}

function interpretersOfImage(ref: string): ImageProgram[] {
  const { name } = splitImageRef(ref);
  const last = name.split('/').pop() ?? name;
  return mentioned(last.replace(/[-_]/g, ' '));
}

/**
 * Whether the final image has the interpreter: 'present' (base ships it, or a package
 * install leaves it), 'absent' only when the base provably lacks it and nothing in the
 * build can have brought it, else 'unknown'.
 */
export function interpreterAvailability(model: DockerfileModel, interp: ImageProgram, analysis = analyseInstalls(model)): Availability {
  const base = baseHas(model.base, interp);
  if (base !== 'absent') return base;
  if (analysis.installed.has(interp)) return 'present';
  if (analysis.maybe.has(interp)) return 'unknown';
  return 'absent';
}
