// A wrapper script as a whole: shebang, dialect (from the shebang and the base image family),
// tokens, statements, functions and line numbers.
import type { BaseFamily } from '../model/types.js';
import { collectFunctions, parseTokens, type FuncDef, type Stmt } from './structure.js';
import { lineStarts as lineIndexOf } from './commands.js';
import { parseShebang, type Shebang } from './shebang.js';
import { tokenize, type Comment, type Part, type Token } from './tokenize.js';

export { parseShebang, type Shebang };

export type ShellName = 'sh' | 'bash' | 'dash' | 'ash' | 'busybox' | 'zsh' | 'ksh';

/**
 * What actually interprets the script: `dash` (Debian/Ubuntu /bin/sh), `busybox` (ash:
 * Alpine, BusyBox, Wolfi), `bash` (also RHEL's /bin/sh), `posix` (an sh we cannot name).
 */
export type Dialect = 'bash' | 'dash' | 'busybox' | 'posix' | 'zsh' | 'ksh';

export interface ScriptDialect {
  /** The shell the script asks for. */
  shell: ShellName;
  dialect: Dialect;
  /** How the script asks for it, for messages: `#!/bin/sh`, `sh entrypoint.sh`. */
  declared: string;
  /** The script declares a POSIX sh (sh, dash, ash, busybox sh), not bash/zsh/ksh. */
  posix: boolean;
}

const SHELLS: Record<string, ShellName> = {
  sh: 'sh', bash: 'bash', dash: 'dash', ash: 'ash', busybox: 'busybox', zsh: 'zsh', ksh: 'ksh',
  ksh93: 'ksh', mksh: 'ksh', pdksh: 'ksh', 'bash5': 'bash',
};

/** The shell a program name stands for (`bash`, `/bin/sh`, `busybox`), undefined when not a shell. */
export function shellName(program: string): ShellName | undefined {
  const base = program.slice(program.lastIndexOf('/') + 1);
  return SHELLS[base];
}

/** What /bin/sh is in an image of this family. */
export function binShDialect(family: BaseFamily): Dialect {
  switch (family) {
    case 'debian':
    case 'ubuntu':
      return 'dash';
    case 'alpine':
    case 'busybox':
    case 'wolfi':
    case 'distroless':
      return 'busybox';
    case 'rhel':
      return 'bash';
    default:
      return 'posix';
  }
}

/**
 * The dialect of a script: from how the start command invokes it (`["bash", "/x.sh"]`), else
 * its shebang, else /bin/sh (what `sh -c` and a missing shebang lead to). Undefined for a
 * script that is not a shell script (`#!/usr/bin/env python3`).
 */
export function scriptDialect(shebang: Shebang | undefined, family: BaseFamily, invokedWith?: string): ScriptDialect | undefined {
  let shell: ShellName | undefined;
  let declared: string;
  if (invokedWith !== undefined) {
    shell = shellName(invokedWith);
    declared = `${invokedWith} <script>`;
  } else if (shebang) {
    shell = shellName(shebang.program);
    if (shell === 'busybox' && shebang.args[0] !== undefined && shebang.args[0] !== 'sh' && shebang.args[0] !== 'ash') shell = undefined;
    declared = shebang.line;
  } else {
    shell = 'sh';
    declared = 'no shebang (/bin/sh)';
  }
  if (!shell) return undefined;
  let dialect: Dialect;
  switch (shell) {
    case 'sh':
      dialect = binShDialect(family);
      break;
    case 'dash':
      dialect = 'dash';
      break;
    case 'ash':
    case 'busybox':
      dialect = 'busybox';
      break;
    case 'bash':
      dialect = 'bash';
      break;
    case 'zsh':
      dialect = 'zsh';
      break;
    case 'ksh':
      dialect = 'ksh';
      break;
  }
  return { shell, dialect, declared, posix: shell === 'sh' || shell === 'dash' || shell === 'ash' || shell === 'busybox' };
}

/** Shebang flags turn on errexit/nounset: `#!/bin/sh -e`, `#!/bin/bash -eu`, `-o nounset`. */
export function shebangFlags(shebang: Shebang | undefined): Set<string> {
  const out = new Set<string>();
  if (!shebang) return out;
  const args = shebang.args[0] === 'sh' && shebang.program === 'busybox' ? shebang.args.slice(1) : shebang.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^-([A-Za-z]+)$/.exec(a);
    if (!m) continue;
    for (const ch of m[1]!) if (ch !== 'o') out.add(ch);
    if (m[1]!.includes('o') && args[i + 1] !== undefined) {
      const name = args[++i]!;
      if (name === 'errexit') out.add('e');
      if (name === 'nounset') out.add('u');
    }
  }
  return out;
}

export interface ScriptAnalysis {
  /** The text the offsets refer to: BOM removed, CRLF turned into LF (line numbers unchanged). */
  text: string;
  shebang?: Shebang;
  tokens: Token[];
  comments: Comment[];
  body: Stmt[];
  functions: Map<string, FuncDef>;
  /** Number of lines. */
  lineCount: number;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
  /** 1-based column of an offset. */
  columnOf(offset: number): number;
}

/** Tokenise and structure a script. Never throws. */
export function analyzeScript(raw: string): ScriptAnalysis {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const { starts: lineStarts, lineAt: lineIndex } = lineIndexOf(text);
  const { tokens, comments } = tokenize(text);
  const body = parseTokens(tokens);
  const analysis: ScriptAnalysis = {
    text,
    tokens,
    comments,
    body,
    functions: collectFunctions(body),
    lineCount: text.endsWith('\n') ? lineStarts.length - 1 : lineStarts.length,
    lineOf: (offset) => lineIndex(offset) + 1,
    columnOf: (offset) => offset - lineStarts[lineIndex(offset)]! + 1,
  };
  const shebang = parseShebang(text);
  if (shebang) analysis.shebang = shebang;
  return analysis;
}

/** Positional parameters: `$1`…`$9`, `${10}`, `$@`, `$*`. */
const POSITIONAL = /^(?:[@*]|[1-9][0-9]*)$/;

/**
 * Does any word of the script read its arguments (`"$@"`, `$*`, `$1`, `${1:-x}`, inside
 * quotes or `$(…)`)? A script that never does cannot hand its command on.
 */
export function readsArguments(tokens: Token[]): boolean {
  const inParts = (parts: Part[]): boolean =>
    parts.some((p) => {
      switch (p.type) {
        case 'param':
          return POSITIONAL.test(p.name) || inParts(p.arg);
        case 'dq':
          return inParts(p.parts);
        case 'cmdsub':
        case 'procsub':
        case 'array':
          return readsArguments(p.tokens);
        default:
          return false;
      }
    });
  return tokens.some((t) => (t.kind === 'word' ? inParts(t.word.parts) : t.kind === 'redir' && t.target !== undefined && inParts(t.target.parts)));
}
