// Questions about words and simple commands: static values, "$@" forms, parameter uses.
import type { Command, Simple } from './structure.js';
import type { Param, Part, Word } from './tokenize.js';

/** The word's value when it contains no expansion (quotes removed), else undefined. */
export function staticValue(word: Word | undefined): string | undefined {
  if (!word) return undefined;
  let out = '';
  const add = (parts: Part[]): boolean => {
    for (const p of parts) {
      if (p.type === 'lit' || p.type === 'sq' || p.type === 'ansi') out += p.text;
      else if (p.type === 'dq') {
        if (!add(p.parts)) return false;
      } else return false;
    }
    return true;
  };
  return add(word.parts) ? out : undefined;
}

/** The words as text: each one's value where it has no expansion, else as written (`"$@"`). */
export function wordTexts(words: readonly Word[]): string[] {
  return words.map((w) => staticValue(w) ?? w.raw);
}

/** The last path component of a static command word: `/usr/local/bin/gosu` -> `gosu`. */
export function commandBase(word: Word | undefined): string | undefined {
  const v = staticValue(word);
  if (v === undefined) return undefined;
  const slash = v.lastIndexOf('/');
  return slash >= 0 ? v.slice(slash + 1) : v;
}

function isAllParam(p: Part | undefined, names: string): p is Param {
  return p?.type === 'param' && names.includes(p.name) && p.name.length === 1 && !p.length && !p.indirect && p.op === '' && p.subscript === undefined;
}

/** `"$@"` or `"${@}"` exactly: the arguments, one word each. */
export function isQuotedAllArgs(word: Word): boolean {
  const [p] = word.parts;
  return word.parts.length === 1 && p?.type === 'dq' && p.parts.length === 1 && isAllParam(p.parts[0], '@');
}

/** `$@`/`$*` (re-split) or `"$*"` (joined) in the word; undefined when neither. */
export function argsMisuse(word: Word): { kind: 'unquoted' | 'joined'; text: string } | undefined {
  for (const p of word.parts) {
    if (p.type === 'param' && (p.name === '@' || p.name === '*') && !p.length && !p.indirect) {
      return { kind: 'unquoted', text: word.raw };
    }
    if (p.type === 'dq') {
      for (const q of p.parts) {
        if (q.type === 'param' && q.name === '*' && !q.length && !q.indirect && p.parts.length === 1) return { kind: 'joined', text: word.raw };
      }
    }
  }
  return undefined;
}

export interface ParamUse {
  param: Param;
  /** Inside double quotes. */
  quoted: boolean;
}

/** Parameter expansions in the word, including the arguments of `${x:-…}` (not inside $( … )). */
export function paramUses(word: Word): ParamUse[] {
  const out: ParamUse[] = [];
  const visit = (parts: Part[], quoted: boolean) => {
    for (const p of parts) {
      if (p.type === 'param') {
        out.push({ param: p, quoted });
        visit(p.arg, quoted);
      } else if (p.type === 'dq') visit(p.parts, true);
    }
  };
  visit(word.parts, false);
  return out;
}

/** Every word a command carries directly (not those of nested commands). */
export function commandWords(cmd: Command): Word[] {
  const redirTargets = (cmd.kind === 'function' ? [] : cmd.redirs).flatMap((r) => (r.target ? [r.target] : []));
  switch (cmd.kind) {
    case 'simple':
      return [...cmd.assigns, ...cmd.words, ...redirTargets];
    case 'case':
      return [...(cmd.word ? [cmd.word] : []), ...cmd.items.flatMap((i) => i.patterns), ...redirTargets];
    case 'for':
      return [...(cmd.items ?? []), ...redirTargets];
    default:
      return redirTargets;
  }
}

/**
 * The command an `exec` runs: the words after `exec` and its own options (`-a name`, `-c`,
 * `-l`), or undefined when the exec only sets up redirections (`exec >log 2>&1`).
 */
export function execTarget(cmd: Simple): Word[] | undefined {
  if (commandBase(cmd.words[0]) !== 'exec') return undefined;
  let i = 1;
  while (i < cmd.words.length) {
    const v = staticValue(cmd.words[i]);
    if (v === '-a') i += 2;
    else if (v !== undefined && /^-[cl]+$/.test(v)) i++;
    else if (v === '--') {
      i++;
      break;
    } else break;
  }
  const rest = cmd.words.slice(i);
  return rest.length > 0 ? rest : undefined;
}

/** The source text of a command, whitespace-collapsed and shortened for a message. */
export function commandText(src: string, cmd: { start: number; end: number }, max = 70): string {
  const text = src.slice(cmd.start, cmd.end).replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The value of a static word as a flag cluster of `set`: `-Eeo` -> on, letters. */
export function setFlags(cmd: Simple): { on: Set<string>; off: Set<string>; optionsOn: Set<string>; optionsOff: Set<string> } {
  const on = new Set<string>();
  const off = new Set<string>();
  const optionsOn = new Set<string>();
  const optionsOff = new Set<string>();
  const words = cmd.words.map((w) => staticValue(w));
  for (let i = 1; i < words.length; i++) {
    const v = words[i];
    if (v === undefined || v === '--' || v === '-') break;
    const m = /^([-+])([A-Za-z]+)$/.exec(v);
    if (!m) break;
    const sign = m[1]!;
    const letters = m[2]!;
    for (const ch of letters) (sign === '-' ? on : off).add(ch);
    if (letters.includes('o')) {
      const name = words[i + 1];
      if (name !== undefined) {
        (sign === '-' ? optionsOn : optionsOff).add(name);
        i++;
      }
    }
  }
  on.delete('o');
  off.delete('o');
  return { on, off, optionsOn, optionsOff };
}
