// Where a file of the final image comes from: the COPY/ADD that wrote it (followed through
// `COPY --from=<stage>`), a COPY heredoc, and its mode after `--chmod` and later `RUN chmod`s.
import path from 'node:path';
import { programWords, runCommands } from '../shell/commands.js';
import { buildSteps, stageByRef, type BuildSteps, type Step } from './build-steps.js';
import { BuildContext, compileDockerPattern } from './context.js';
import type { DockerfileModel, FileMode, Heredoc, Instr, Stage } from './types.js';
import { expandArgs } from './variables.js';

const posix = path.posix;

/** COPY/ADD operands: sources and destination as written (JSON form or whitespace-split), variables expanded. */
export interface CopyOperands {
  sources: string[];
  /** Absolute destination, without a trailing slash ('/' for the root). */
  dest: string;
  /** The destination is a directory: trailing slash, `.`, or several sources. */
  destIsDir: boolean;
}

const operandsOf = new WeakMap<Step, CopyOperands | null>();

/** COPY/ADD operands of a step (read once per step: the resolver asks for each file it locates). */
export function copyOperands(step: Step): CopyOperands | undefined {
  let ops = operandsOf.get(step);
  if (ops === undefined) {
    ops = readCopyOperands(step) ?? null;
    operandsOf.set(step, ops);
  }
  return ops ?? undefined;
}

/** A COPY/ADD's operands as written: its JSON array, else its whitespace-separated words. */
export function copyWords(instr: Instr): string[] {
  const text = instr.text.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((w) => typeof w === 'string')) return parsed as string[];
    } catch {
      // Not JSON: the shell-like form.
    }
  }
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Quotes the builder's word processing removes from a non-JSON operand: `"${APP_HOME}"` -> `/srv/app`. */
function unquoted(word: string): string {
  return word.replace(/"([^"]*)"|'([^']*)'/g, (_, dq: string | undefined, sq: string | undefined) => dq ?? sq ?? '');
}

function readCopyOperands(step: Step): CopyOperands | undefined {
  let words = copyWords(step.instr);
  if (words.length < 2) return undefined;
  const json = step.instr.text.trim().startsWith('[') && !words.some((w) => w.startsWith('['));
  words = words.map((w) => (w.startsWith('<<') ? w : expandArgs(w, step.vars))).map((w) => (json || w.startsWith('<<') ? w : unquoted(w)));
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
      const words = programWords(cmd.words);
      if (words[0] !== 'mkdir') continue;
      for (const w of words.slice(1)) {
        if (w.startsWith('-')) continue;
        if (covers(posix.resolve(workdir, expandArgs(w, steps[j]!.vars)))) return true;
      }
    }
  }
  return false;
}

export type Origin =
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
      let words = programWords(cmd.words).map((w) => expandArgs(w, step.vars));
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

/**
 * The image path a RUN's `cp`/`mv`/`install` copies to `imagePath` (the last such command in
 * the RUN), its operands resolved against the working directory (`cd` followed). Only copies
 * with literal operands: `cp SRC DEST`, `cp SRC… DIR/`, `cp -r DIR DEST`, `install -m 755 SRC DEST`.
 */
function runCopySource(step: Step, steps: Step[], k: number, imagePath: string): { src: string; mode?: string } | undefined {
  let cwd = step.workdir;
  let found: { src: string; mode?: string } | undefined;
  for (const cmd of runCommands(step.instr)) {
    const words = programWords(cmd.words).map((w) => expandArgs(w, step.vars));
    if (words[0] === 'cd' && words[1] && !words[1].includes('$')) {
      cwd = posix.resolve(cwd, words[1]);
      continue;
    }
    const program = words[0] ? posix.basename(words[0]) : '';
    if (program !== 'cp' && program !== 'mv' && program !== 'install') continue;
    const operands: string[] = [];
    let recursive = false;
    let toDir: string | undefined;
    let mode = program === 'install' ? '755' : undefined;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (program === 'install' && /^-[mgo]$/.test(w)) {
        if (w === '-m') mode = words[i + 1];
        i++;
        continue;
      }
      if (w === '-t' || w === '--target-directory') {
        toDir = words[++i];
        continue;
      }
      if (w.startsWith('-')) {
        if (/^-[a-zA-Z]*[rRa]/.test(w) || w === '--recursive' || w === '--archive') recursive = true;
        if (program === 'install' && w === '-d') return found;
        continue;
      }
      operands.push(w);
    }
    if (operands.some((o) => o.includes('$') || /[*?[`]/.test(o))) continue;
    const sources = toDir !== undefined ? operands : operands.slice(0, -1);
    const destWord = toDir ?? operands[operands.length - 1];
    if (!destWord || sources.length === 0) continue;
    const dest = posix.resolve(cwd, destWord);
    const destIsDir = toDir !== undefined || destWord.endsWith('/') || sources.length > 1 || knownDir(steps, k, dest);
    for (const src of sources) {
      const target = destIsDir ? posix.join(dest, posix.basename(src)) : dest;
      // `cp -r docker /opt/` copies the folder: a file under it comes from the same place under the source.
      const inside = recursive && imagePath.startsWith(`${target}/`) ? imagePath.slice(target.length + 1) : undefined;
      if (target !== imagePath && inside === undefined) continue;
      found = { src: posix.join(posix.resolve(cwd, src), inside ?? ''), ...(mode !== undefined ? { mode } : {}) };
    }
  }
  return found;
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

export class Resolver {
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


  /**
   * Where the file at `imagePath` of `stage` comes from: the last COPY/ADD that writes it,
   * followed through `COPY --from=<stage>`. 'opaque' when it comes from somewhere we
   * cannot read (a URL, another image); undefined when no COPY writes it.
   */
  locate(stage: Stage, imagePath: string, depth = 0, before?: number): Origin | 'opaque' | undefined {
    if (depth > 8) return 'opaque';
    const { steps } = this.build(stage);
    for (let k = (before ?? steps.length) - 1; k >= 0; k--) {
      const step = steps[k]!;
      if (step.instr.keyword === 'RUN') {
        // `RUN cp docker/entrypoint.sh /usr/local/bin/` puts a file the build copied earlier in place.
        const from = runCopySource(step, steps, k, imagePath);
        if (from === undefined) continue;
        const origin = this.locate(stage, from.src, depth + 1, k);
        if (origin === undefined || origin === 'opaque') continue;
        // cp and mv keep the file's mode; install sets its own (0755 unless -m says otherwise).
        const executable = from.mode === undefined ? 'unknown' : applyChmod(from.mode, origin.mode.executable);
        const mode: FileMode = executable === 'unknown' ? origin.mode : { executable, source: 'run-chmod' };
        return { ...origin, mode: applyRunChmods(steps, k, steps.length, imagePath, mode) };
      }
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
        const fromStage = stageByRef(this.model, expandArgs(fromFlag, steps[k]!.vars));
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
// Which instruction put a file into the final image: a finding about the file itself (an
// amd64 binary in the arm64 image) belongs on the COPY/RUN that wrote it, not on the
// ENTRYPOINT that merely names it.

/**
 * The last instruction of the final image's build that wrote one of `paths` (the path as the
 * start command names it, the symlinks it passes through, and where they lead): a COPY/ADD
 * whose destination is the file or a directory holding it, else a RUN that names the full
 * path. Undefined when none does (the file came with the base image).
 */
export function writerOf(model: DockerfileModel, paths: string[]): Instr | undefined {
  const wanted = [...new Set(paths.filter((p) => p.startsWith('/')).map((p) => posix.normalize(p)))];
  if (wanted.length === 0) return undefined;
  let steps;
  try {
    steps = buildSteps(model, model.finalStage).steps;
  } catch {
    return undefined;
  }
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    const { keyword } = step.instr;
    if (keyword === 'COPY' || keyword === 'ADD') {
      const ops = copyOperands(step);
      if (!ops) continue;
      const dest = ops.dest;
      const under = (p: string) => dest === '/' || p.startsWith(`${dest}/`);
      // A file destination is the file; a directory destination (or a directory copied into place) holds it.
      if (wanted.some((p) => p === dest || under(p))) return step.instr;
    } else if (keyword === 'RUN') {
      if (wanted.some((p) => mentions(step.instr.text, p))) return step.instr;
    }
  }
  return undefined;
}

/** The path as a whole word of the RUN text (`-o /usr/local/bin/app`, `mv app /server`), not a prefix of a longer one. */
function mentions(text: string, p: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(p, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + p.length];
    if ((before === undefined || /[\s"'=:;(]/.test(before)) && (after === undefined || /[\s"';)&|>]/.test(after))) return true;
    from = at + 1;
  }
}
