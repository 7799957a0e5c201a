// The start chain: what the final image's start command runs, link by link — init ->
// privilege drop -> shell -> wrapper script(s) -> program — each with the ENTRYPOINT/CMD
// line that wrote it. Computed once per Dockerfile; every start rule and the runtime probe
// read it instead of re-walking argv.
import { execsLastImplicitly, lastCommand } from '../shell/command-string.js';
import { simpleCommands, sourcedFiles } from '../shell/commands.js';
import type { Expanded } from '../shell/values.js';
import { binShDialect, shellName } from '../shell/script.js';
import { lacksShell } from './base-image.js';
import { baseName, execThrough, knownProgram, shellInvocation } from './programs.js';
import { analysisOf, flowIn, forwardsCommand } from './scripts.js';
import { startPartAt } from './start-contract.js';
import type { BaseImage, ChainLink, DockerfileModel, Instr, ShellKind, StartChain, StartPart, WrapperScript } from './types.js';
import { expandArgs } from './variables.js';

/** How the chain finds the scripts it runs (the wrapper resolver, through COPY/ADD). */
export interface ScriptFinder {
  /** The script a start word names; `interpreter` when a shell opens it (`sh entrypoint.sh`). */
  script(word: string, interpreter?: string): WrapperScript | undefined;
  /** A file a `sh -c` string sources (`. /app/env.sh && exec app`). */
  sourced(word: string): void;
  /** Build variables in effect in the final stage (ENV), for `sh -c` strings. */
  vars: Record<string, string | undefined>;
  /** Every script found so far (start scripts and what they source). */
  readonly found: readonly WrapperScript[];
}

/** Where a word of the argv being walked came from. */
interface WordMeta {
  /** Its index in model.start.argv (a word of ENTRYPOINT or CMD). */
  index?: number;
  /** Written inside a script (its handover): that script's link. */
  origin?: ChainLink['origin'];
  /** The part to credit when the word has no index. */
  part?: StartPart;
}

/** What a shell path (`/bin/sh`, `bash`) really is on this base image. */
export function shellKind(shellPath: string, base: BaseImage): ShellKind {
  if (lacksShell(base)) return 'none';
  const name = shellName(shellPath);
  const dialect = name === 'sh' ? binShDialect(base.family) : name;
  switch (dialect) {
    case 'bash':
    case 'dash':
      return dialect;
    case 'ash':
    case 'busybox':
      return 'ash';
    default:
      return 'unknown';
  }
}

/** Official images' entrypoint, inherited from the base image and not in the build context: it execs "$@". */
const INHERITED_ENTRYPOINT = /^docker-entrypoint(\.sh)?$/;

class ChainWalker {
  readonly links: ChainLink[] = [];

  constructor(
    private readonly model: DockerfileModel,
    private readonly finder: ScriptFinder,
  ) {}

  /** Which part (ENTRYPOINT or CMD) holds index k of the top-level argv. */
  private partAt(k: number): StartPart {
    return startPartAt(this.model.start, k)!;
  }

  /** Walk argv from its first word; `meta` says where each word came from. */
  walk(argv: string[], meta: WordMeta[], depth: number): void {
    let i = 0;
    while (i < argv.length && depth < 6 && this.links.length < 32) {
      const word = argv[i]!;
      const partOf = (k: number) => meta[k]?.part ?? this.partAt(meta[k]?.index ?? 0);
      const part = partOf(i);
      const at = (k: number) => ({
        ...(meta[k]?.index !== undefined ? { index: meta[k]!.index } : {}),
        ...(meta[k]?.origin ? { origin: meta[k]!.origin } : {}),
      });
      const known = knownProgram(word);

      // `busybox httpd -f`: the applet is the program.
      if (known?.name === 'busybox' && knownProgram(argv[i + 1] ?? '')?.role !== 'shell') {
        this.links.push({ kind: 'program', word, name: argv[i + 1] ?? 'busybox', argv: argv.slice(i), part, ...at(i) });
        return;
      }

      if (known && known.role !== 'shell' && known.role !== 'package-manager') {
        const through = execThrough(argv, i)!;
        const staysParent = known.name === 'su' || known.name === 'sudo' || known.name === 'runuser';
        this.links.push({
          kind: known.role as 'init' | 'privdrop' | 'passthrough',
          word,
          name: known.name,
          argv: argv.slice(i, through.next),
          part,
          ...at(i),
          ...(through.groupSignals !== undefined ? { groupSignals: through.groupSignals } : {}),
          ...(staysParent ? { staysParent } : {}),
        });
        // `su user -c '<cmd>'`: su runs the user's shell with the command string.
        if (through.command !== undefined) {
          this.commandString('/bin/sh', through.command, ['/bin/sh', '-c', through.command], at(i), part, depth);
          return;
        }
        i = through.next;
        continue;
      }

      if (known?.role === 'shell') {
        const inv = shellInvocation(argv, i);
        if (inv.command) {
          const k = inv.command.index;
          const rest = this.commandString(word, inv.command.text, argv.slice(i, k + 1), at(i), partOf(k), depth, k);
          if (rest === undefined) return;
          i = rest;
          continue;
        }
        if (inv.script) {
          const k = inv.script.index;
          const wrapper = this.finder.script(inv.script.word, word);
          const link: ChainLink = {
            kind: 'script',
            word: inv.script.word,
            name: baseName(inv.script.word),
            argv: argv.slice(i, k + 1),
            part: partOf(k),
            ...at(k),
            interpreter: word,
            ...(wrapper ? { wrapper } : {}),
            forwards: wrapper !== undefined && forwardsCommand(wrapper, this.finder.found),
          };
          this.links.push(link);
          if (wrapper) this.throughScript(link, wrapper, argv.slice(k + 1), meta.slice(k + 1), depth);
          return;
        }
        // A bare shell: it is the program (an interactive or debugging image).
        this.links.push({ kind: 'program', word, name: known.name, argv: argv.slice(i), part, ...at(i) });
        return;
      }

      const wrapper = known ? undefined : this.finder.script(word);
      const inherited = !wrapper && !meta[i]?.origin && INHERITED_ENTRYPOINT.test(baseName(word));
      if (wrapper || inherited) {
        const link: ChainLink = { kind: 'script', word, name: baseName(word), argv: [word], part, ...at(i), ...(wrapper ? { wrapper } : {}), forwards: wrapper ? forwardsCommand(wrapper, this.finder.found) : true };
        this.links.push(link);
        if (wrapper) {
          this.throughScript(link, wrapper, argv.slice(i + 1), meta.slice(i + 1), depth);
          return;
        }
        i++;
        continue;
      }
      this.links.push({ kind: 'program', word, name: known?.name ?? baseName(word), argv: argv.slice(i), part, ...at(i) });
      return;
    }
  }

  /**
   * Follow a script started with `args` (as the image starts it): the program it hands over
   * to with `exec` on its paths (the one that runs its arguments first), or its arguments when
   * it runs them as a child; `runsNothing` when every path ends without a program.
   */
  private throughScript(link: ChainLink, wrapper: WrapperScript, args: string[], argsMeta: WordMeta[], depth: number): void {
    link.runArgs = args;
    const flow = flowIn(wrapper, this.finder.found, { kind: 'run', args });
    if (!flow.complete) {
      // Too large to follow: trust the shape (the command is run when it forwards it).
      if (link.forwards) this.walk(args, argsMeta, depth + 1);
      return;
    }
    const analysis = analysisOf(wrapper);
    const handovers = flow.handovers.filter((h) => h.argv.length > 0 && !reExecsItself(h.argv, wrapper));
    const chosen = handovers.find((h) => h.argv.some((e) => typeof e.arg === 'number')) ?? handovers[0];
    const literal = (words: string[]): boolean => words.length > 0 && words[0] !== '?' && !/[$`]/.test(words[0]!);
    const others: NonNullable<ChainLink['otherPrograms']> = [];
    const other = (words: string[], start: number): void => {
      if (literal(words) && !others.some((o) => o.words.join(' ') === words.join(' '))) others.push({ words, origin: { file: wrapper.file, line: analysis.lineOf(start) + wrapper.lineOffset, script: wrapper } });
    };
    if (chosen) {
      for (const h of handovers) if (h !== chosen && !h.fn) other(h.argv.map((e) => (e.value && 's' in e.value ? e.value.s : '?')), h.cmd.start);
      if (others.length) link.otherPrograms = others;
      const line = analysis.lineOf(chosen.cmd.start) + wrapper.lineOffset;
      const origin = { file: wrapper.file, line, script: wrapper };
      const words: string[] = [];
      const metas: WordMeta[] = [];
      for (const e of chosen.argv) {
        const v = e.value;
        const at = v && 's' in v ? v.at : undefined;
        words.push(v === undefined ? '?' : 's' in v ? v.s : v.sym);
        metas.push(at !== undefined && argsMeta[at] ? argsMeta[at]! : { part: link.part, origin });
      }
      this.walk(words, metas, depth + 1);
      return;
    }
    // `"$@"` as a child of the script: the command runs, with the script as its parent.
    if (flow.finals.some((s) => s.kind === 'argv') || flow.argvThenExit.length > 0) {
      this.walk(args, argsMeta, depth + 1);
      return;
    }
    const last = flow.finals.find((s) => s.kind === 'program' && s.cmd.kind === 'simple' && !s.fn);
    if (last && last.cmd.kind === 'simple') {
      const words = last.cmd.words.map((w) => w.raw.replace(/^(['"])(.*)\1$/, '$2'));
      if (words.every((w) => !/[$`]/.test(w))) link.child = { words, origin: { file: wrapper.file, line: analysis.lineOf(last.start) + wrapper.lineOffset, script: wrapper } };
      for (const s of flow.finals)
        if (s !== last && s.kind === 'program' && s.cmd.kind === 'simple' && !s.fn) other(s.cmd.words.map((w) => w.raw.replace(/^(['"])(.*)\1$/, '$2')), s.start);
      if (others.length) link.otherPrograms = others;
    }
    if (flow.finals.length === 0 && flow.quietEnd && !flow.background.length) link.runsNothing = true;
  }

  /**
   * A shell running a command string: the shell link, then the command it ends with. Returns
   * the argv index to continue at when the string ends in `exec "$@"` (the words after $0).
   */
  private commandString(
    shell: string,
    text: string,
    argv: string[],
    at: { index?: number; origin?: ChainLink['origin'] },
    part: StartPart,
    depth: number,
    commandIndex?: number,
  ): number | undefined {
    const kind = shellKind(shell, this.model.base);
    const link: ChainLink = {
      kind: 'shell',
      word: shell,
      name: baseName(shell),
      argv,
      part,
      ...at,
      command: text,
      shellKind: kind,
      replaced: false,
    };
    this.links.push(link);
    const expanded = expandArgs(text, this.finder.vars);
    for (const f of sourcedFiles(expanded)) this.finder.sourced(f);
    const last = lastCommand(expanded);
    if (!last?.simple || last.detached) {
      // BusyBox ash also replaces itself with the last command of the branch an `if`/`case` takes.
      link.replaced = kind === 'ash' && execsLastImplicitly(expanded, kind);
      return undefined;
    }
    let words = last.words;
    const explicit = words[0] === 'exec';
    if (explicit) words = words.slice(1);
    link.replaced = (explicit && words.length > 0) || (kind !== 'none' && kind !== 'unknown' && execsLastImplicitly(expanded, kind));
    if (words.length === 0 || words[0] === '.' || words[0] === 'source') return undefined;
    if (words.length === 1 && words[0] === '$@' && commandIndex !== undefined) return commandIndex + 2;
    this.walk(words, words.map(() => ({ part: link.part, ...(link.origin ? { origin: link.origin } : {}) })), depth + 1);
    return undefined;
  }
}

export function computeStartChain(model: DockerfileModel, finder: ScriptFinder): StartChain {
  if (model.windows || model.start.argv.length === 0) return { links: [] };
  const walker = new ChainWalker(model, finder);
  walker.walk(model.start.argv, model.start.argv.map((_, index) => ({ index })), 0);
  const links = walker.links;
  const last = links[links.length - 1];
  const program = last && last.kind !== 'init' && last.kind !== 'privdrop' && last.kind !== 'passthrough' ? last : undefined;
  return { links, ...(program ? { program } : {}) };
}

/** The script re-runs itself (`exec gosu app "$0" "$@"`, docker-library style): another pass, not a program. */
function reExecsItself(argv: Expanded[], wrapper: WrapperScript): boolean {
  const words = argv.map((e) => (e.value === undefined ? '?' : 's' in e.value ? e.value.s : e.value.sym));
  let k = 0;
  for (let guard = 0; guard < 8 && k < words.length; guard++) {
    const through = execThrough(words, k);
    if (!through || through.command !== undefined) break;
    k = through.next;
  }
  const w = words[k] ?? '';
  return w === '$0' || w === '$BASH_SOURCE' || w === wrapper.imagePath || (!w.includes('/') && w === baseName(wrapper.imagePath));
}

/** The chain's links of one kind. */
export function linksOf(chain: StartChain, kind: ChainLink['kind']): ChainLink[] {
  return chain.links.filter((l) => l.kind === kind);
}

/** The init at the head of the chain (tini, dumb-init…), if any. */
export function chainInit(chain: StartChain): ChainLink | undefined {
  const first = chain.links.find((l) => l.kind !== 'passthrough');
  return first?.kind === 'init' ? first : undefined;
}

export interface AppCommand {
  /** The program and its arguments as they will run (quotes removed). */
  words: string[];
  /** The instruction that wrote the program's name. */
  part: StartPart;
  /** Read out of a shell command string (shell form or `sh -c`). */
  viaShell: boolean;
  /** Written inside a wrapper script that execs it: the script's file and line. */
  origin?: ChainLink['origin'];
}

/**
 * The program the container runs as its app, PID 1 or not: the chain's program, else the one a
 * wrapper runs as its own child at its end (`python manage.py runserver` without exec).
 */
export function mainProgram(model: DockerfileModel): AppCommand | undefined {
  const last = model.startChain.links[model.startChain.links.length - 1];
  if (last?.kind === 'script' && last.child) return { words: last.child.words, part: last.part, viaShell: false, origin: last.child.origin };
  return appCommand(model);
}

/** The program the chain ends in, as words: what the container's main process will be. */
export function appCommand(model: DockerfileModel): AppCommand | undefined {
  const program = model.startChain.program;
  if (!program || program.argv.length === 0) return undefined;
  return { words: program.argv, part: program.part, viaShell: program.index === undefined && !program.origin, ...(program.origin ? { origin: program.origin } : {}) };
}

/** The shell link that runs the command string written by `part` (a shell form, or `["sh", "-c", …]`). */
export function shellLinkOf(model: DockerfileModel, part: StartPart): ChainLink | undefined {
  return model.startChain.links.find((l) => l.kind === 'shell' && l.part === part && l.command !== undefined);
}

/**
 * Every link before `link` hands over to the next (inits, droppers, scripts that exec "$@"):
 * the chain really reaches it with the arguments it was written with.
 */
export function reachedByForwarding(model: DockerfileModel, link: ChainLink): boolean {
  for (const l of model.startChain.links) {
    if (l === link) return true;
    if (l.kind === 'script' && !l.forwards) return false;
    if (l.kind === 'shell' || l.kind === 'program') return false;
  }
  return false;
}

/**
 * The init (tini, dumb-init…) whose direct child `link` is: every link between them replaces
 * itself with the next (a script that execs "$@", gosu, `env`), so the init's stop signal lands
 * on `link` itself. Undefined when no init comes first or something in between stays as parent.
 */
export function parentInit(model: DockerfileModel, link: ChainLink): ChainLink | undefined {
  const links = model.startChain.links;
  const at = links.indexOf(link);
  if (at <= 0) return undefined;
  for (let i = at - 1; i >= 0; i--) {
    const l = links[i]!;
    if (l.kind === 'init') return l;
    if (l.kind === 'passthrough' || (l.kind === 'script' && l.forwards) || (l.kind === 'privdrop' && !l.staysParent)) continue;
    return undefined;
  }
  return undefined;
}

/**
 * The ENTRYPOINT wrapper that should hand `docker run <image> <command>` on to the program
 * (it execs "$@"), with the line of its script that does so. Undefined when the chain has
 * none (CMD-only images: an override replaces the whole command).
 */
export function forwardingWrapper(model: DockerfileModel): { link: ChainLink; wrapper: WrapperScript; line: number } | undefined {
  const ep = model.start.entrypoint;
  if (!ep || ep.form !== 'exec') return undefined;
  const link = model.startChain.links.find((l) => l.kind === 'script' && l.forwards && l.wrapper && l.part === ep);
  if (!link?.wrapper) return undefined;
  const commands = simpleCommands(link.wrapper.text).filter(({ words }) => words.some((w) => /\$(\{)?[@*]/.test(w)));
  const line = (commands[commands.length - 1]?.line ?? 1) + link.wrapper.lineOffset;
  return { link, wrapper: link.wrapper, line };
}

/**
 * The process the model expects as PID 1 when the image starts (`docker run IMAGE`), and where
 * that comes from: for the probe's verdict, which compares it with the PID 1 it observes.
 */
export interface ExpectedPid1 {
  /** The program's name (`gunicorn`), or the shell a wrapper leaves as PID 1. */
  name: string;
  /** Where the model read it: "CMD on line 9", "line 12 of docker-entrypoint.sh, without exec". */
  where: string;
  /** The wrapper runs the program as its child (no exec): the shell stays PID 1. */
  childOfShell: boolean;
}

export function expectedPid1(model: DockerfileModel): ExpectedPid1 | undefined {
  const links = model.startChain.links;
  const last = links[links.length - 1];
  if (last?.kind === 'script' && last.child) {
    return { name: baseName(last.child.words[0] ?? last.name), where: `line ${last.child.origin.line} of ${last.child.origin.file} runs it without \`exec\``, childOfShell: true };
  }
  const program = model.startChain.program;
  if (!program) return undefined;
  const where = program.origin ? `line ${program.origin.line} of ${program.origin.file}` : `${program.part.instr.keyword} on line ${program.part.instr.range.line}`;
  return { name: program.kind === 'script' ? program.name : baseName(program.word), where, childOfShell: false };
}

/** The HEALTHCHECK in effect in the final image (undefined when none or `NONE`): the last one of the stages it descends from. */
export function effectiveHealthcheck(model: DockerfileModel): Instr | undefined {
  let found: Instr | undefined;
  for (const stage of model.chain) for (const i of stage.instructions) if (i.keyword === 'HEALTHCHECK') found = i;
  if (!found || /^NONE\b/i.test(found.text.trim())) return undefined;
  return found;
}
