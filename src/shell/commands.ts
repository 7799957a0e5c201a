// Simple commands of a piece of shell text (a RUN line, a `sh -c` string, a shell-form
// ENTRYPOINT, a wrapper script), read with the one shell front end (tokenize + structure).
// Heredoc bodies are data to the command that reads them, so they are never commands here.
import { parseTokens, walkCommands, type Simple, type Stmt } from './structure.js';
import { tokenize, type Part, type Word } from './tokenize.js';
import { staticValue } from './words.js';

export interface SimpleCommand {
  /** Words with quotes removed; expansions (`$VAR`, `$(…)`) kept as written. */
  words: string[];
  /** 1-based line (within the text) where the command starts. */
  line: number;
  /** Inside an if/while condition, or before the last element of an and-or list. */
  inCondition: boolean;
  /** The command as parsed. */
  cmd: Simple;
}

/** A word with its quotes removed and its expansions kept as written (`"$HOME/x"` -> `$HOME/x`). */
export function looseText(word: Word, src: string): string {
  const v = staticValue(word);
  if (v !== undefined) return v;
  const text = (parts: Part[]): string =>
    parts
      .map((p) => {
        switch (p.type) {
          case 'lit':
          case 'sq':
          case 'ansi':
            return p.text;
          case 'dq':
            return text(p.parts);
          case 'param':
          case 'cmdsub':
            return src.slice(p.start, p.end);
          case 'arith':
            return `$((${p.text}))`;
          default:
            return '';
        }
      })
      .join('');
  return text(word.parts);
}

/** The start offset of every line of a text, and the 0-based line of an offset (binary search). */
export function lineStarts(text: string): { starts: number[]; lineAt: (offset: number) => number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { starts, lineAt };
}

export function parseShell(text: string): Stmt[] {
  return parseTokens(tokenize(text.replace(/\r\n/g, '\n')).tokens);
}

/**
 * Every simple command of the text, in source order, top level and nested (if/case/loops,
 * functions, groups), excluding command substitutions and heredoc bodies.
 */
export function simpleCommands(text: string): SimpleCommand[] {
  const src = text.replace(/\r\n/g, '\n');
  const { lineAt } = lineStarts(src);
  const lineOf = (offset: number) => lineAt(offset) + 1;
  const out: SimpleCommand[] = [];
  walkCommands(parseTokens(tokenize(src).tokens), (cmd, ctx) => {
    if (cmd.kind !== 'simple' || ctx.inSubstitution || cmd.words.length === 0) return;
    out.push({ words: cmd.words.map((w) => looseText(w, src)), line: lineOf(cmd.start), inCondition: ctx.inCondition, cmd });
  });
  return out;
}

/** Prefixes that run the rest of the words as the command (`exec`, `command`, `nohup`, `time`, `sudo …`, `env …`). */
const PREFIXES = new Set(['exec', 'command', 'nohup', 'time', 'builtin']);

/** The words from the program on: `exec`, `command`, `sudo -E`, `env A=b` prefixes dropped. */
export function programWords(words: string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (PREFIXES.has(w) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      i++;
      continue;
    }
    if (w === 'sudo' || w === 'env') {
      i++;
      while (i < words.length && (words[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!))) i++;
      continue;
    }
    break;
  }
  return words.slice(i);
}

/** `.`/`source` commands of a script: the files it reads into its own shell. */
export function sourcedFiles(text: string): string[] {
  const out: string[] = [];
  for (const { words } of simpleCommands(text)) {
    if ((words[0] === '.' || words[0] === 'source') && words[1]) out.push(words[1]);
  }
  return out;
}

const SHELL_PROGRAM = /(^|\/)(ba|da|a|z|k|mk)?sh$/;

/**
 * Commands of a RUN instruction: its exec form (a shell's `-c` string read as shell), or its
 * shell text; a heredoc body counts when the heredoc is the script a shell reads (`RUN <<EOF`,
 * `RUN bash <<EOF`), not when it is data for another program (`RUN cat <<EOF > /etc/app.conf`).
 */
type RunInstr = { text: string; exec?: string[]; heredocs: { name: string; content: string }[] };
const runCache = new WeakMap<RunInstr, SimpleCommand[]>();

export function runCommands(instr: RunInstr): SimpleCommand[] {
  // Several questions are asked of every RUN (chmods, installs, mkdirs): parse each once.
  let cmds = runCache.get(instr);
  if (!cmds) runCache.set(instr, (cmds = readRun(instr)));
  return cmds;
}

function readRun(instr: RunInstr): SimpleCommand[] {
  if (instr.exec) {
    const [first, second, third] = instr.exec;
    if (first && SHELL_PROGRAM.test(first) && second === '-c' && third !== undefined) return simpleCommands(third);
    return instr.exec.length > 0 ? [{ words: instr.exec, line: 1, inCondition: false, cmd: execFormCommand(instr.exec) }] : [];
  }
  const cmds = simpleCommands(instr.text);
  for (const h of instr.heredocs) {
    const reader = cmds.find((c) => c.cmd.redirs.some((r) => r.heredoc?.delimiter === h.name));
    const program = reader ? programWords(reader.words)[0] : undefined;
    if (reader === undefined || (program !== undefined && SHELL_PROGRAM.test(program) && !programWords(reader.words).some((w) => w === '-c'))) {
      cmds.push(...simpleCommands(h.content));
    }
  }
  // A RUN that is only `<<EOF` has no command of its own: the heredoc is the script.
  return cmds.filter((c) => c.words.length > 0);
}

function execFormCommand(argv: string[]): Simple {
  const words: Word[] = argv.map((a) => ({ raw: a, parts: [{ type: 'sq', text: a }], start: 0, end: 0 }));
  return { kind: 'simple', assigns: [], words, redirs: [], start: 0, end: 0 };
}
