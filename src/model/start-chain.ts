// The start chain: what the final image's start command runs, link by link — init ->
// privilege drop -> shell -> wrapper script(s) -> program — each with the ENTRYPOINT/CMD
// line that wrote it. Computed once per Dockerfile; every start rule and the runtime probe
// read it instead of re-walking argv.
import { execsLastImplicitly, lastCommand } from '../shell/command-string.js';
import { simpleCommands, sourcedFiles } from '../shell/commands.js';
import { binShDialect, shellName } from '../shell/script.js';
import { lacksShell } from './base-image.js';
import { baseName, execThrough, knownProgram, shellInvocation } from './programs.js';
import type { BaseImage, ChainLink, DockerfileModel, ShellKind, StartChain, StartPart, WrapperScript } from './types.js';
import { expandArgs } from './variables.js';

/** How the chain finds the scripts it runs (the wrapper resolver, through COPY/ADD). */
export interface ScriptFinder {
  /** The script a start word names; `interpreter` when a shell opens it (`sh entrypoint.sh`). */
  script(word: string, interpreter?: string): WrapperScript | undefined;
  /** A file a `sh -c` string sources (`. /app/env.sh && exec app`). */
  sourced(word: string): void;
  /** Build variables in effect in the final stage (ENV), for `sh -c` strings. */
  vars: Record<string, string | undefined>;
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

/**
 * A script runs its arguments as the program (`exec "$@"`, `exec gosu app "$@"`, `exec tini --
 * "$@"`, or `"$@"` as a child), so whatever follows it in argv runs next. `exec gosu app "$0"
 * "$@"` re-runs the script itself: its arguments are not the program.
 */
export function execsArgs(text: string): boolean {
  return simpleCommands(text).some(({ words }) => {
    let k = words[0] === 'exec' ? 1 : 0;
    for (let guard = 0; guard < 8 && k < words.length; guard++) {
      const through = execThrough(words, k);
      if (!through || through.command !== undefined) break;
      k = through.next;
    }
    return (words[k] === '$@' || words[k] === '${@}') && k === words.length - 1;
  });
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
    const { entrypoint, cmd, executableFrom } = this.model.start;
    if (entrypoint && entrypoint.form === 'exec') return k < entrypoint.argv.length ? entrypoint : (cmd ?? entrypoint);
    return (entrypoint ?? cmd ?? executableFrom)!;
  }

  /**
   * Walk argv from its first word. `offset` maps indices to model.start.argv (undefined for
   * words read out of a shell string, whose part is `fixedPart`).
   */
  walk(argv: string[], offset: number | undefined, fixedPart: StartPart | undefined, depth: number): void {
    let i = 0;
    while (i < argv.length && depth < 6 && this.links.length < 32) {
      const word = argv[i]!;
      const part = fixedPart ?? this.partAt(offset! + i);
      const at = (k: number) => (offset === undefined ? {} : { index: offset + k });
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
          this.commandString('/bin/sh', through.command, ['/bin/sh', '-c', through.command], {}, part, depth);
          return;
        }
        i = through.next;
        continue;
      }

      if (known?.role === 'shell') {
        const inv = shellInvocation(argv, i);
        if (inv.command) {
          const rest = this.commandString(word, inv.command.text, argv.slice(i, inv.command.index + 1), at(i), fixedPart ?? this.partAt(offset! + inv.command.index), depth, inv.command.index);
          if (rest === undefined) return;
          i = rest;
          continue;
        }
        if (inv.script) {
          const wrapper = this.finder.script(inv.script.word, word);
          const forwards = wrapper !== undefined && execsArgs(wrapper.text);
          this.links.push({
            kind: 'script',
            word: inv.script.word,
            name: baseName(inv.script.word),
            argv: argv.slice(i, inv.script.index + 1),
            part: fixedPart ?? this.partAt(offset! + inv.script.index),
            ...at(inv.script.index),
            interpreter: word,
            ...(wrapper ? { wrapper } : {}),
            forwards,
          });
          if (!forwards) return;
          i = inv.script.index + 1;
          continue;
        }
        // A bare shell: it is the program (an interactive or debugging image).
        this.links.push({ kind: 'program', word, name: known.name, argv: argv.slice(i), part, ...at(i) });
        return;
      }

      const wrapper = known ? undefined : this.finder.script(word);
      const inherited = !wrapper && INHERITED_ENTRYPOINT.test(baseName(word));
      if (wrapper || inherited) {
        const forwards = wrapper ? execsArgs(wrapper.text) : true;
        this.links.push({ kind: 'script', word, name: baseName(word), argv: [word], part, ...at(i), ...(wrapper ? { wrapper } : {}), forwards });
        if (!forwards) return;
        i++;
        continue;
      }
      this.links.push({ kind: 'program', word, name: known?.name ?? baseName(word), argv: argv.slice(i), part, ...at(i) });
      return;
    }
  }

  /**
   * A shell running a command string: the shell link, then the command it ends with. Returns
   * the argv index to continue at when the string ends in `exec "$@"` (the words after $0).
   */
  private commandString(
    shell: string,
    text: string,
    argv: string[],
    at: { index?: number },
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
    if (!last?.simple || last.detached) return undefined;
    let words = last.words;
    const explicit = words[0] === 'exec';
    if (explicit) words = words.slice(1);
    link.replaced = (explicit && words.length > 0) || (kind !== 'none' && kind !== 'unknown' && execsLastImplicitly(expanded, kind));
    if (words.length === 0 || words[0] === '.' || words[0] === 'source') return undefined;
    if (words.length === 1 && words[0] === '$@' && commandIndex !== undefined) return commandIndex + 2;
    this.walk(words, undefined, link.part, depth + 1);
    return undefined;
  }
}

export function computeStartChain(model: DockerfileModel, finder: ScriptFinder): StartChain {
  if (model.windows || model.start.argv.length === 0) return { links: [] };
  const walker = new ChainWalker(model, finder);
  walker.walk(model.start.argv, 0, undefined, 0);
  const links = walker.links;
  const last = links[links.length - 1];
  const program = last && last.kind !== 'init' && last.kind !== 'privdrop' && last.kind !== 'passthrough' ? last : undefined;
  return { links, ...(program ? { program } : {}) };
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
}

/** The program the chain ends in, as words: what the container's main process will be. */
export function appCommand(model: DockerfileModel): AppCommand | undefined {
  const program = model.startChain.program;
  if (!program || program.argv.length === 0) return undefined;
  return { words: program.argv, part: program.part, viaShell: program.index === undefined };
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
