// Wrapper-script resolution: which build-context files (or COPY heredocs) the final
// image's start command executes, and what those scripts source. Image paths are mapped
// back through the COPY/ADD instructions of the stages that build the final image.
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from 'dockerfile-ast';
import { InputError } from '../errors.js';
import { decodeText } from '../input.js';
import { BuildContext, compileDockerPattern } from './context.js';
import { argDefault, expandArgs } from './parse.js';
import { commandWords, runCommands, splitCommands } from './shell-words.js';
import { DEFAULT_PATH } from './start-contract.js';
import type { DockerfileModel, FileMode, Heredoc, Instr, Stage, WrapperScript } from './types.js';

const posix = path.posix;
const MAX_BYTES = 16 * 1024 * 1024;

/** One instruction of a stage's build, with the WORKDIR and variables in effect before it. */
export interface Step {
  instr: Instr;
  workdir: string;
  vars: Record<string, string | undefined>;
}

export interface BuildSteps {
  steps: Step[];
  /** WORKDIR and variables after the last instruction. */
  final: { workdir: string; vars: Record<string, string | undefined> };
}

/**
 * The ARG/ENV values in effect at each step, without copying every variable at every step
 * (that was quadratic: a generated 5 MB Dockerfile with thousands of ENV lines ran out of
 * memory). A snapshot is a read-only view that looks each name up in its history of changes.
 */
class VarHistory {
  /** The variables as they are now. */
  readonly live: Record<string, string | undefined> = {};
  private readonly changes = new Map<string, { version: number; value: string | undefined }[]>();
  private version = 0;

  set(name: string, value: string | undefined): void {
    this.live[name] = value;
    let h = this.changes.get(name);
    if (!h) this.changes.set(name, (h = []));
    const last = h[h.length - 1];
    if (last && last.version === this.version + 1) last.value = value;
    else h.push({ version: this.version + 1, value });
  }

  /** The variables as they are now, as a read-only view that later `set`s do not change. */
  snapshot(): Record<string, string | undefined> {
    const at = ++this.version;
    const lookup = (name: string): { value: string | undefined } | undefined => {
      const h = this.changes.get(name);
      if (!h || h[0]!.version > at) return undefined;
      let lo = 0;
      let hi = h.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (h[mid]!.version <= at) lo = mid;
        else hi = mid - 1;
      }
      return h[lo]!;
    };
    return new Proxy({} as Record<string, string | undefined>, {
      get: (_t, name) => (typeof name === 'string' ? lookup(name)?.value : undefined),
      has: (_t, name) => typeof name === 'string' && lookup(name) !== undefined,
      ownKeys: () => [...this.changes.keys()].filter((k) => lookup(k) !== undefined),
      getOwnPropertyDescriptor: (_t, name) => {
        const found = typeof name === 'string' ? lookup(name) : undefined;
        return found ? { value: found.value, writable: false, enumerable: true, configurable: true } : undefined;
      },
      set: () => false,
    });
  }
}

/** Every instruction that builds `stage` (its FROM-ancestry root first), with WORKDIR and ARG/ENV values. */
export function buildSteps(model: DockerfileModel, stage: Stage): BuildSteps {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent !== undefined ? model.stages[s.parent] : undefined) chain.unshift(s);
  const globals: Record<string, string | undefined> = {};
  for (const instr of model.instructions) {
    if (instr.stage !== -1 || instr.keyword !== 'ARG') continue;
    for (const [name, value] of argDefault(instr)) globals[name] = model.buildArgs[name] ?? (value !== undefined ? expandArgs(value, globals) : undefined);
  }
  const steps: Step[] = [];
  let workdir = '/';
  const history = new VarHistory();
  const vars = history.live;
  for (const s of chain) {
    for (const instr of s.instructions) {
      steps.push({ instr, workdir, vars: history.snapshot() });
      if (instr.keyword === 'WORKDIR') {
        const value = expandArgs(instr.text.trim(), vars);
        workdir = posix.resolve(workdir, value);
      } else if (instr.keyword === 'ARG') {
        for (const [name, value] of argDefault(instr)) {
          history.set(name, model.buildArgs[name] ?? (value !== undefined ? expandArgs(value, vars) : globals[name]));
        }
      } else if (instr.keyword === 'ENV') {
        const props = (instr.node as unknown as Env).getProperties?.() ?? [];
        for (const p of props) history.set(p.getName(), expandArgs(p.getValue() ?? '', vars));
      }
    }
  }
  return { steps, final: { workdir, vars } };
}

/** COPY/ADD operands: sources and destination as written (JSON form or whitespace-split), variables expanded. */
export interface CopyOperands {
  sources: string[];
  /** Absolute destination, without a trailing slash ('/' for the root). */
  dest: string;
  /** The destination is a directory: trailing slash, `.`, or several sources. */
  destIsDir: boolean;
}

export function copyOperands(step: Step): CopyOperands | undefined {
  const { instr } = step;
  let words: string[] | undefined;
  const text = instr.text.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((w) => typeof w === 'string')) words = parsed as string[];
    } catch {
      words = undefined;
    }
  }
  words ??= text.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return undefined;
  words = words.map((w) => (w.startsWith('<<') ? w : expandArgs(w, step.vars)));
  const rawDest = words[words.length - 1]!;
  if (rawDest.includes('$')) return undefined;
  const sources = words.slice(0, -1);
  const destIsDir = rawDest.endsWith('/') || rawDest === '.' || rawDest.endsWith('/.') || sources.length > 1;
  const dest = posix.resolve(step.workdir, rawDest);
  return { sources, dest, destIsDir };
}

const STANDARD_DIRS = new Set([
  '/', '/bin', '/sbin', '/usr', '/usr/bin', '/usr/sbin', '/usr/local', '/usr/local/bin', '/usr/local/sbin',
  '/etc', '/opt', '/tmp', '/root', '/home', '/srv', '/var', '/var/lib', '/run',
]);

/** Whether `dir` is known to be a directory before step `k` (standard dirs, WORKDIR, `RUN mkdir`). */
function knownDir(steps: Step[], k: number, dir: string): boolean {
  if (STANDARD_DIRS.has(dir)) return true;
  const covers = (p: string): boolean => p === dir || p.startsWith(`${dir}/`);
  for (let j = 0; j < k; j++) {
    const { instr, workdir } = steps[j]!;
    // The WORKDIR in effect after a WORKDIR instruction is the next step's.
    if (instr.keyword === 'WORKDIR' && covers(steps[j + 1]?.workdir ?? '')) return true;
    if (instr.keyword !== 'RUN') continue;
    for (const cmd of runCommands(instr)) {
      const words = commandWords(cmd.words);
      if (words[0] !== 'mkdir') continue;
      for (const w of words.slice(1)) {
        if (w.startsWith('-')) continue;
        if (covers(posix.resolve(workdir, expandArgs(w, steps[j]!.vars)))) return true;
      }
    }
  }
  return false;
}

type Origin =
  | { kind: 'context'; rel: string; copy: Instr; mode: FileMode }
  | { kind: 'heredoc'; heredoc: Heredoc; copy: Instr; mode: FileMode };

const URL_SOURCE = /^(https?:\/\/|git@|[a-z]+:\/\/)/i;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

/**
 * Parse a chmod mode (`755`, `0755`, `+x`, `u+x`, `a=rx,u+w`, `-x`) and apply it to a prior
 * executable state. Returns 'unknown' when the effect cannot be told.
 */
export function applyChmod(mode: string, prior: boolean | 'unknown'): boolean | 'unknown' {
  if (/^[0-7]{1,4}$/.test(mode)) return (parseInt(mode, 8) & 0o111) !== 0;
  let result = prior;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!m) return 'unknown';
    const who = m[1]!;
    const everyone = who === '' || who.includes('a') || (who.includes('u') && who.includes('g') && who.includes('o'));
    for (const op of m[2]!.match(/[-+=][rwxXst]*/g) ?? []) {
      const perms = op.slice(1);
      if (op[0] === '+' && perms.includes('x')) result = true;
      else if (op[0] === '-' && perms.includes('x') && everyone) result = false;
      else if (op[0] === '=' && perms.includes('x')) result = true;
      else if (op[0] === '=' && !perms.includes('X') && everyone) result = false;
    }
  }
  return result;
}

/** Glob-aware match of a chmod/sed operand (absolute) against an image path; `recursive` covers directories. */
function operandCovers(operand: string, imagePath: string, recursive: boolean): boolean {
  const dir = operand.replace(/\/+$/, '') || '/';
  if (operand === imagePath) return true;
  if (recursive && (dir === '/' || imagePath.startsWith(`${dir}/`))) return true;
  if (!/[*?[]/.test(operand)) return false;
  const re = compileDockerPattern(dir);
  if (re.test(imagePath)) return true;
  if (!recursive) return false;
  for (let p = posix.dirname(imagePath); p !== '/'; p = posix.dirname(p)) if (re.test(p)) return true;
  return false;
}

/**
 * Commands of the RUN instructions in steps[from, to) that name `imagePath` as an operand of
 * one of `programs` (`chmod`, `dos2unix`, `sed`…), with the working directory followed
 * through `cd`. `find <dir> … -exec <program> … {}` counts for files under <dir>.
 */
export function runCommandsOn(
  steps: Step[],
  from: number,
  to: number,
  imagePath: string,
  programs: Set<string>,
): { instr: Instr; words: string[] }[] {
  const out: { instr: Instr; words: string[] }[] = [];
  for (let j = from; j < to; j++) {
    const step = steps[j]!;
    if (step.instr.keyword !== 'RUN') continue;
    let cwd = step.workdir;
    for (const cmd of runCommands(step.instr)) {
      let words = commandWords(cmd.words).map((w) => expandArgs(w, step.vars));
      if (words[0] === 'cd' && words[1] && !words[1].includes('$')) {
        cwd = posix.resolve(cwd, words[1]);
        continue;
      }
      if (words[0] === 'find') {
        const exec = words.findIndex((w) => w === '-exec' || w === '-execdir');
        const target = words[exec + 1];
        const root = words[1];
        if (exec < 0 || !target || !programs.has(posix.basename(target)) || !root || root.startsWith('-')) continue;
        const nameIdx = words.indexOf('-name');
        const name = nameIdx >= 0 ? words[nameIdx + 1] : undefined;
        const rootAbs = posix.resolve(cwd, root);
        if (!imagePath.startsWith(`${rootAbs.replace(/\/$/, '')}/`)) continue;
        if (name && !compileDockerPattern(name).test(posix.basename(imagePath))) continue;
        words = words.slice(exec + 1).filter((w) => w !== '{}' && w !== ';' && w !== '+' && w !== '\\;');
        out.push({ instr: step.instr, words });
        continue;
      }
      if (words[0] === 'xargs') words = words.slice(1).filter((w) => !w.startsWith('-'));
      const program = words[0] ? posix.basename(words[0]) : '';
      if (!programs.has(program)) continue;
      const recursive = words.some((w) => /^-[a-zA-Z]*R/.test(w) || w === '--recursive');
      const operands = words.slice(1).filter((w) => !w.startsWith('-') || /^-[rwxXst]+$/.test(w));
      if (operands.some((o) => !o.includes('$') && operandCovers(posix.resolve(cwd, o), imagePath, recursive))) {
        out.push({ instr: step.instr, words });
      }
    }
  }
  return out;
}

const CHMOD = new Set(['chmod']);

/** Apply the `RUN chmod`s in steps[from, to) that cover `imagePath`. */
function applyRunChmods(steps: Step[], from: number, to: number, imagePath: string, mode: FileMode): FileMode {
  let result = mode;
  for (const { words } of runCommandsOn(steps, from, to, imagePath, CHMOD)) {
    const modeWord = words.slice(1).find((w) => !/^-[a-zA-Z]+$/.test(w) && !w.startsWith('--'));
    if (!modeWord) continue;
    const executable = applyChmod(modeWord, result.executable);
    if (executable === 'unknown') continue;
    result = { executable, source: 'run-chmod' };
  }
  return result;
}

function flagMode(copy: Instr, prior: FileMode): FileMode {
  const chmod = copy.flags.get('chmod');
  if (!chmod) return prior;
  const executable = applyChmod(chmod, 'unknown');
  return executable === 'unknown' ? { executable: 'unknown', source: 'unknown' } : { executable, source: 'chmod-flag' };
}

class Resolver {
  private readonly stepsCache = new Map<number, BuildSteps>();

  constructor(
    readonly model: DockerfileModel,
    readonly ctx: BuildContext,
  ) {}

  build(stage: Stage): BuildSteps {
    let build = this.stepsCache.get(stage.index);
    if (!build) {
      build = buildSteps(this.model, stage);
      this.stepsCache.set(stage.index, build);
    }
    return build;
  }

  private stageRef(value: string): Stage | undefined {
    const v = value.toLowerCase();
    if (/^\d+$/.test(v)) return this.model.stages[Number(v)];
    return this.model.stages.find((s) => s.name === v);
  }

  /**
   * Where the file at `imagePath` of `stage` comes from: the last COPY/ADD that writes it,
   * followed through `COPY --from=<stage>`. 'opaque' when it comes from somewhere we
   * cannot read (a URL, another image); undefined when no COPY writes it.
   */
  locate(stage: Stage, imagePath: string, depth = 0): Origin | 'opaque' | undefined {
    if (depth > 8) return 'opaque';
    const { steps } = this.build(stage);
    for (let k = steps.length - 1; k >= 0; k--) {
      const step = steps[k]!;
      if (step.instr.keyword !== 'COPY' && step.instr.keyword !== 'ADD') continue;
      const ops = copyOperands(step);
      if (!ops) continue;
      const found = this.matchCopy(stage, steps, k, ops, imagePath, depth);
      if (found === undefined) continue;
      if (found === 'opaque') return found;
      return { ...found, mode: applyRunChmods(steps, k + 1, steps.length, imagePath, found.mode) };
    }
    return undefined;
  }

  private matchCopy(stage: Stage, steps: Step[], k: number, ops: CopyOperands, imagePath: string, depth: number): Origin | 'opaque' | undefined {
    const copy = steps[k]!.instr;
    const { dest } = ops;
    const destIsDir = ops.destIsDir || knownDir(steps, k, dest);
    const under = (d: string): string | undefined => (imagePath.startsWith(`${d === '/' ? '' : d}/`) ? imagePath.slice(d === '/' ? 1 : d.length + 1) : undefined);
    const fromFlag = copy.flags.get('from');

    for (const source of [...ops.sources].reverse()) {
      // COPY heredoc: `COPY <<EOF /entrypoint.sh` (or several heredocs into a directory, named after the heredoc).
      const hd = /^<<-?(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1$/.exec(source);
      if (hd && copy.heredocs.length > 0) {
        const heredoc = copy.heredocs.find((h) => h.name === hd[2]);
        if (!heredoc) continue;
        const target = destIsDir ? posix.join(dest, heredoc.name) : dest;
        if (target !== imagePath) continue;
        const content = source.startsWith('<<-') ? heredoc.content.replace(/^\t+/gm, '') : heredoc.content;
        return { kind: 'heredoc', heredoc: { ...heredoc, content }, copy, mode: flagMode(copy, { executable: false, source: 'heredoc' }) };
      }

      if (fromFlag !== undefined && fromFlag !== null) {
        const fromStage = this.stageRef(expandArgs(fromFlag, steps[k]!.vars));
        const fileTarget = !destIsDir && imagePath === dest;
        const dirTarget = imagePath === posix.join(dest, posix.basename(source));
        const rel = under(dest);
        if (!fileTarget && !dirTarget && rel === undefined) continue;
        if (!fromStage || /[*?[]/.test(source)) return 'opaque';
        const srcAbs = posix.resolve('/', source);
        const candidates = [fileTarget || dirTarget ? srcAbs : undefined, rel !== undefined ? posix.join(srcAbs, rel) : undefined];
        for (const c of candidates) {
          if (!c) continue;
          const origin = this.locate(fromStage, c, depth + 1);
          if (origin === undefined) continue;
          if (origin === 'opaque') return origin;
          return { ...origin, copy, mode: flagMode(copy, origin.mode) };
        }
        // The other stage may have produced it in a RUN: not ours to read.
        if (fileTarget || dirTarget) return 'opaque';
        continue;
      }

      if (URL_SOURCE.test(source)) {
        if (imagePath === dest || imagePath === posix.join(dest, posix.basename(source.replace(/[?#].*$/, '')))) return 'opaque';
        continue;
      }

      const matches = /[*?[]/.test(source) ? this.ctx.glob(source) : [BuildContext.normalise(source)];
      const multi = destIsDir || matches.length > 1;
      for (const rel of matches) {
        const kind = this.ctx.kind(rel);
        if (!kind) continue;
        if (kind === 'dir') {
          const inner = under(dest);
          if (inner === undefined) continue;
          const candidate = rel === '' ? inner : `${rel}/${inner}`;
          if (this.ctx.kind(candidate) === 'file') return this.contextOrigin(candidate, copy);
          continue;
        }
        if (copy.keyword === 'ADD' && ARCHIVE.test(rel)) continue;
        const asFile = !multi && imagePath === dest;
        const inDir = imagePath === posix.join(dest, posix.basename(rel));
        if (asFile || inDir) return this.contextOrigin(rel, copy);
      }
    }
    return undefined;
  }

  private contextOrigin(rel: string, copy: Instr): Origin {
    return { kind: 'context', rel, copy, mode: flagMode(copy, this.ctx.mode(rel)) };
  }
}

// ---------------------------------------------------------------------------------------
// What the start command runs.

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
const INITS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'docker-init']);
const INIT_VALUE_OPTS = new Set(['-p', '-e', '-r', '--rewrite']);
const SU_TOOLS = new Set(['gosu', 'su-exec']);

/**
 * The interpreter a script's `#!` line names: `#!/bin/bash` -> /bin/bash, `#!/usr/bin/env
 * bash` and `#!/usr/bin/env -S bash -e` -> bash. Undefined without a `#!` first line (a BOM
 * before it counts as none: the kernel does not see it).
 */
export function shebangOf(text: string): { interpreter: string; args: string[]; line: string } | undefined {
  if (!text.startsWith('#!')) return undefined;
  const line = (text.split('\n', 1)[0] ?? '').replace(/\r$/, '');
  const words = line.slice(2).trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  if (posix.basename(words[0]!) === 'env') {
    const rest = words.slice(1).filter((w) => w !== '-S' && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) && !(w.startsWith('-') && w !== '-'));
    if (rest.length === 0) return undefined;
    return { interpreter: rest[0]!, args: rest.slice(1), line };
  }
  return { interpreter: words[0]!, args: words.slice(1), line };
}

/** Does the script hand its arguments on (`exec "$@"`, `exec gosu app "$@"`)? */
export function passesArgs(text: string): boolean {
  return /"\$(@|\{@\})"|\$@/.test(text);
}

/** One thing the start command runs, as `walkStart` reads it. */
export type StartEvent =
  /** A program exec'd (shell, interpreter, script or binary), as written. */
  | { kind: 'program'; word: string }
  /** A script handed to a shell on its command line (`["/bin/sh", "/entrypoint.sh"]`). */
  | { kind: 'script'; word: string; interpreter: string }
  /** A file a `sh -c` string sources (`. /app/env.sh && exec app`). */
  | { kind: 'sourced'; word: string };

/**
 * Walk a start argv the way exec would: init systems (tini, dumb-init) and their options,
 * `env`, gosu/su-exec, shells with `-c` (the last command of the string is what runs) or a
 * script argument, then the program. `onProgram` returns true when the program hands its
 * remaining arguments on (a wrapper ending in `exec "$@"`): the walk continues with them.
 */
export function walkStart(argv: string[], onEvent: (event: StartEvent) => boolean, vars: Record<string, string | undefined> = {}, depth = 0): void {
  let i = 0;
  while (i < argv.length && depth < 6) {
    const word = argv[i]!;
    const base = posix.basename(word);
    if (INITS.has(base)) {
      i++;
      while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '--') i += INIT_VALUE_OPTS.has(argv[i]!) ? 2 : 1;
      if (argv[i] === '--') i++;
      continue;
    }
    if (base === 'env') {
      i++;
      while (i < argv.length && (argv[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!))) i++;
      continue;
    }
    if (SU_TOOLS.has(base)) {
      i += 2;
      continue;
    }
    if (SHELLS.has(base)) {
      onEvent({ kind: 'program', word });
      i++;
      if (base === 'busybox' && argv[i] && SHELLS.has(argv[i]!)) i++;
      let commandString = false;
      while (i < argv.length && /^[-+]/.test(argv[i]!)) {
        const opt = argv[i]!;
        i++;
        if (opt === '--' || opt === '-') break;
        if (/^[-+][oO]$/.test(opt)) i++;
        else if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(opt)) commandString = true;
      }
      if (commandString) {
        const text = argv[i];
        if (text === undefined) return;
        const commands = splitCommands(expandArgs(text, vars)).map((c) => commandWords(c.words)).filter((w) => w.length > 0);
        for (const words of commands) {
          if ((words[0] === '.' || words[0] === 'source') && words[1]) onEvent({ kind: 'sourced', word: words[1] });
        }
        const last = commands[commands.length - 1];
        if (last && last[0] !== '.' && last[0] !== 'source') walkStart(last, onEvent, vars, depth + 1);
        return;
      }
      if (i < argv.length) onEvent({ kind: 'script', word: argv[i]!, interpreter: word });
      return;
    }
    if (!onEvent({ kind: 'program', word })) return;
    i++;
  }
}

interface Target {
  /** As written: absolute, relative (has a slash) or a bare name (PATH lookup). */
  word: string;
  interpreter?: string;
  sourced?: boolean;
  /** Directory of the script that sources it (for `$(dirname "$0")/lib.sh`). */
  scriptDir?: string;
}

const SCRIPT_DIR_PREFIX =
  /^(?:\$\(\s*dirname\s+(?:--\s+)?"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE)"?\s*\)|\$\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\}|\$\(\s*cd\s+"?\$\(\s*dirname\s+(?:--\s+)?"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\})"?\s*\)"?\s*&&\s*pwd(?:\s+-P)?\s*\))\//;

class WrapperCollector {
  readonly found: WrapperScript[] = [];
  private readonly final: { workdir: string; vars: Record<string, string | undefined> };
  private readonly searchPath: string[];
  private readonly cwdBase: string;

  constructor(
    readonly model: DockerfileModel,
    readonly resolver: Resolver,
  ) {
    this.final = resolver.build(model.finalStage).final;
    this.searchPath = model.start.path ?? DEFAULT_PATH;
    this.cwdBase = posix.dirname(model.file.split(path.sep).join('/'));
  }

  walk(argv: string[]): void {
    walkStart(
      argv,
      (event) => {
        if (event.kind === 'sourced') this.add({ word: event.word, sourced: true });
        else if (event.kind === 'script') this.add({ word: event.word, interpreter: event.interpreter });
        else {
          const script = this.add({ word: event.word });
          return script !== undefined && script.role === 'start' && passesArgs(script.text);
        }
        return false;
      },
      this.final.vars,
    );
  }

  private candidates(target: Target): string[] {
    let word = target.word;
    if (target.scriptDir) {
      const m = SCRIPT_DIR_PREFIX.exec(word);
      if (m) word = posix.join(target.scriptDir, word.slice(m[0].length));
    }
    if (word.includes('$') || word.includes('`') || word === '') return [];
    if (word.startsWith('/')) return [posix.normalize(word)];
    if (word.includes('/')) return [posix.resolve(this.final.workdir, word)];
    const inPath = this.searchPath.filter((d) => d.startsWith('/')).map((d) => posix.join(d, word));
    // `. lib.sh` searches PATH (dash, bash in POSIX mode), then bash falls back to the working directory.
    return target.sourced ? [...inPath, posix.join(this.final.workdir, word)] : inPath;
  }

  add(target: Target, depth = 0): WrapperScript | undefined {
    for (const imagePath of this.candidates(target)) {
      const existing = this.found.find((w) => w.imagePath === imagePath);
      if (existing) return existing;
      const origin = this.resolver.locate(this.model.finalStage, imagePath);
      if (origin === 'opaque') return undefined;
      if (!origin) continue;
      const script = this.load(origin, imagePath, target);
      if (!script) return undefined;
      this.found.push(script);
      if (depth < 4) this.followSources(script, depth + 1);
      return script;
    }
    return undefined;
  }

  private followSources(script: WrapperScript, depth: number): void {
    for (const cmd of splitCommands(script.text.replace(/\r/g, ''))) {
      const words = commandWords(cmd.words);
      if ((words[0] === '.' || words[0] === 'source') && words[1]) {
        this.add({ word: words[1], sourced: true, scriptDir: posix.dirname(script.imagePath) }, depth);
      }
    }
  }

  private load(origin: Origin, imagePath: string, target: Target): WrapperScript | undefined {
    const role = target.sourced ? 'sourced' : 'start';
    if (origin.kind === 'heredoc') {
      return {
        imagePath,
        file: this.model.file,
        text: origin.heredoc.content.endsWith('\n') ? origin.heredoc.content : `${origin.heredoc.content}\n`,
        lineOffset: origin.heredoc.contentLine - 1,
        role,
        ...(target.interpreter ? { interpreter: target.interpreter } : {}),
        mode: origin.mode,
        copy: origin.copy,
      };
    }
    const absPath = this.resolver.ctx.absPath(origin.rel);
    if (!absPath) return undefined;
    const display = posix.normalize(
      posix.join(this.cwdBase, path.relative(path.dirname(this.model.absPath), absPath).split(path.sep).join('/')),
    );
    const text = readScript(absPath, display);
    if (text === undefined) return undefined;
    return {
      imagePath,
      file: display,
      absPath,
      text,
      lineOffset: 0,
      role,
      ...(target.interpreter ? { interpreter: target.interpreter } : {}),
      mode: origin.mode,
      copy: origin.copy,
    };
  }
}

/** A script's text; undefined for a binary (ELF, NUL bytes: not a wrapper). InputError when a script cannot be read. */
function readScript(absPath: string, display: string): string | undefined {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(absPath);
    if (stat.size > MAX_BYTES) throw new InputError(`wrapper script ${display} is ${Math.round(stat.size / 1048576)} MB; files over 16 MB are not analysed`);
    bytes = fs.readFileSync(absPath);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`wrapper script ${display} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // An empty (or blank) script is a finding for the rules (no shebang), not unreadable input.
  if (bytes.toString('latin1').trim() === '') return bytes.toString('latin1');
  if (bytes.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])) || bytes.includes(0)) return undefined;
  // Keep a BOM: the decoder would drop it, and utf8-bom needs to see it.
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom && bytes.length === 3) return '\uFEFF';
  return (bom ? '\uFEFF' : '') + decodeText(bom ? bytes.subarray(3) : bytes, display, 'wrapper script');
}

export function resolveWrappers(model: DockerfileModel): WrapperScript[] {
  if (model.start.argv.length === 0) return [];
  const ctx = new BuildContext(model.contextDir, model.absPath);
  const collector = new WrapperCollector(model, new Resolver(model, ctx));
  collector.walk(model.start.argv);
  return collector.found;
}
