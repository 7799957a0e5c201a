// Questions about a command string (a shell-form ENTRYPOINT/CMD, an `sh -c` script): the
// command it ends with, whether the shell execs it, and whether it can be written as exec form.
import { parseShell } from './commands.js';
import { walkCommands, type Simple, type Stmt } from './structure.js';
import type { Part, Word } from './tokenize.js';
import { isQuotedAllArgs, staticValue } from './words.js';

/** A word as the rules read it: quotes removed when static, `"$@"` as `$@`, else the source text. */
export function wordText(word: Word): string {
  if (isQuotedAllArgs(word)) return '$@';
  return staticValue(word) ?? word.raw;
}

export function parseScript(script: string): Stmt[] {
  return parseShell(script);
}

export interface LastCommand {
  /** The last top-level command, when it is a simple command. */
  simple?: Simple;
  /** Its words (assignments excluded), see wordText. */
  words: string[];
  /** Runs detached from the script's end: backgrounded, inside a pipeline, or after `||`. */
  detached: boolean;
  /** Has redirections. */
  redirect: boolean;
  /** How many commands the top level runs (statements and and-or elements). */
  count: number;
}

/** The command the script ends with: the one left running when the script is done. */
export function lastCommand(script: string): LastCommand | undefined {
  const stmts = parseScript(script);
  const stmt = stmts[stmts.length - 1];
  if (!stmt) return undefined;
  const { first, rest } = stmt.andOr;
  const tail = rest[rest.length - 1];
  const pipeline = tail ? tail.pipeline : first;
  const cmd = pipeline.commands[pipeline.commands.length - 1];
  if (!cmd) return undefined;
  const count = stmts.reduce((n, s) => n + 1 + s.andOr.rest.length, 0);
  // After `||` the command only runs when the one before failed, unless that one was an exec too (`[ … ] && exec a || exec b`).
  const before = rest.length > 1 ? rest[rest.length - 2]!.pipeline : first;
  const beforeCmd = before.commands[before.commands.length - 1];
  const execBefore = beforeCmd?.kind === 'simple' && staticValue(beforeCmd.words[0]) === 'exec';
  const detached = stmt.background || pipeline.commands.length > 1 || pipeline.negated || (tail?.op === '||' && !execBefore);
  if (cmd.kind !== 'simple') return { words: [], detached, redirect: cmd.kind !== 'function' && cmd.redirs.length > 0, count };
  return { simple: cmd, words: cmd.words.map(wordText), detached, redirect: cmd.redirs.length > 0, count };
}

/** The script sets a trap for SIGTERM (it handles the signal itself, like rabbitmq-server). */
export function trapsTerm(script: string): boolean {
  let found = false;
  walkCommands(parseScript(script), (cmd) => {
    if (cmd.kind !== 'simple' || staticValue(cmd.words[0]) !== 'trap') return;
    if (cmd.words.slice(2).some((w) => /^(SIG)?TERM$|^15$/i.test(staticValue(w) ?? ''))) found = true;
  });
  return found;
}

/** The last top-level command is `exec <program>` and runs in the foreground at the end of the script. */
export function execsLastExplicitly(script: string): boolean {
  const last = lastCommand(script);
  return !!last && !last.detached && last.words[0] === 'exec' && last.words.length > 1;
}

/**
 * The shell replaces itself with the last command without being told to. Measured: BusyBox
 * ash does so for a plain last simple command (after `;`/`&&` too, even with redirections);
 * bash 5.1+ likewise but not with a redirection; dash never. A trap keeps every shell around.
 */
export function execsLastImplicitly(script: string, shell: 'dash' | 'ash' | 'bash' | 'unknown'): boolean {
  if (shell === 'dash' || shell === 'unknown') return false;
  if (trapsTerm(script)) return false;
  if (shell === 'ash') return ashExecsAtEnd(parseScript(script), 0);
  const last = lastCommand(script);
  if (!last?.simple || last.detached) return false;
  return !last.redirect;
}

/**
 * BusyBox ash carries its "exit after this" flag into the branch an `if` or `case` takes, a
 * `{ …; }` group and a `( … )` subshell, so the last simple command there replaces the shell
 * too (measured, BusyBox 1.35: `sh -c 'if [ -n "$X" ]; then a; else b; fi'` leaves `b` as the
 * shell's PID; Debian's dash 0.5.12 and bash 5.2 fork it). Not through a loop, a compound with
 * a redirection (`if …; fi > log`), a pipeline, `&`, or a command after `||`. Every branch must
 * end so; a branch with no command, or an `if` without `else`, only lets the shell exit.
 */
function ashExecsAtEnd(stmts: Stmt[], depth: number): boolean {
  const stmt = stmts[stmts.length - 1];
  if (!stmt) return true;
  if (depth > 8) return false;
  const { first, rest } = stmt.andOr;
  const tail = rest[rest.length - 1];
  const pipeline = tail ? tail.pipeline : first;
  const cmd = pipeline.commands[pipeline.commands.length - 1];
  if (!cmd || stmt.background || pipeline.commands.length > 1 || pipeline.negated) return false;
  if (tail?.op === '||') {
    const before = rest.length > 1 ? rest[rest.length - 2]!.pipeline : first;
    const beforeCmd = before.commands[before.commands.length - 1];
    if (!(beforeCmd?.kind === 'simple' && staticValue(beforeCmd.words[0]) === 'exec')) return false;
  }
  switch (cmd.kind) {
    case 'simple':
      return true;
    case 'if':
      return cmd.redirs.length === 0 && cmd.clauses.every((c) => ashExecsAtEnd(c.body, depth + 1)) && ashExecsAtEnd(cmd.elseBody ?? [], depth + 1);
    case 'case':
      return cmd.redirs.length === 0 && cmd.items.every((item) => ashExecsAtEnd(item.body, depth + 1));
    case 'group':
    case 'subshell':
      return cmd.redirs.length === 0 && ashExecsAtEnd(cmd.body, depth + 1);
    default:
      return false;
  }
}

function plain(parts: Part[]): boolean {
  return parts.every((p) => (p.type === 'lit' ? !/[*?[~]/.test(p.text) : p.type === 'sq' || (p.type === 'dq' && plain(p.parts))));
}

/**
 * The words of a shell command when it can be written as an exec-form array as is: one simple
 * command of plain words, no expansions, globs, assignments or redirections (a leading `exec`
 * dropped). Undefined otherwise.
 */
export function asExecForm(script: string): string[] | undefined {
  const last = lastCommand(script);
  if (!last?.simple || last.count !== 1 || last.detached || last.redirect || last.simple.assigns.length > 0) return undefined;
  if (!last.simple.words.every((w) => plain(w.parts))) return undefined;
  const words = last.simple.words.map((w) => staticValue(w)!);
  if (words[0] === 'exec') words.shift();
  return words.length > 0 ? words : undefined;
}

/** The first word `/bin/sh` would try to run for this text (for "…: not found" messages). */
export function firstWord(script: string): string | undefined {
  const stmt = parseScript(script)[0];
  const cmd = stmt?.andOr.first.commands[0];
  const word = cmd?.kind === 'simple' ? cmd.words[0] : undefined;
  return word && wordText(word);
}
