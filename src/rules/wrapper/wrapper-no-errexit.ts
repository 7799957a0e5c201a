// No `set -e` before the first set-up step whose failure matters (a migration, an install, a
// config render, a DB init, a download): it fails, the script carries on and the app starts
// anyway. Not a defect: best-effort steps only (chown, mkdir, echo, sed on a config, user
// edits), or a script that handles failures itself (`set +e`, an ERR trap, reading `$?`).
import { shebangFlags } from '../../model/script-syntax.js';
import { walkCommands, type Command, type FuncDef, type Simple } from '../../model/script-syntax.js';
import { commandBase, commandText, commandWords, paramUses, setFlags, staticValue } from '../../model/script-syntax.js';
import type { DockerfileModel } from '../../model/types.js';
import type { Autofix } from '../../findings.js';
import { autofix, scriptLineEdit } from '../edits.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, flowOf, scriptHit, shellScripts, type ShellScript } from './common.js';

/** Builtins and commands whose failure errexit would not be about: they are not set-up steps. */
const NOT_A_STEP = new Set([
  ':', 'true', 'false', 'echo', 'printf', 'set', 'shift', 'export', 'local', 'declare', 'typeset', 'readonly',
  'unset', 'trap', 'umask', 'ulimit', 'test', '[', '[[', 'exec', 'exit', 'return', 'wait', 'eval', 'source', '.',
  'cd', 'alias', 'unalias', 'hash', 'type', 'command', 'getopts', 'let', 'read', 'break', 'continue', 'shopt',
  'printenv', 'sleep',
]);

/**
 * Best-effort steps: their failure leaves a container that still works or fails visibly on its
 * own (permissions, directories, messages, user and group edits, in-place edits of a config).
 */
const BEST_EFFORT = new Set([
  'chown', 'chmod', 'chgrp', 'mkdir', 'touch', 'ln', 'rm', 'sed', 'find', 'cat', 'ls', 'tee', 'date', 'id', 'getent',
  'whoami', 'hostname', 'env', 'logger', 'usermod', 'groupmod', 'useradd', 'groupadd', 'adduser', 'addgroup',
  'deluser', 'delgroup', 'chpasswd', 'ulimit', 'sysctl', 'sync', 'tr', 'cut', 'awk', 'grep', 'head', 'tail', 'sort',
  // Waiting for a dependency: when it never comes, the app fails visibly on its own.
  'nc', 'pg_isready', 'wait-for-it', 'wait-for-it.sh', 'wait-for', 'wait-for.sh', 'dockerize',
]);

/** Commands that only show a value: `$?` in their arguments is reported, not handled. */
const SHOWS = new Set(['echo', 'printf', 'logger']);

/** All of the command's output goes to /dev/null: the author expects it may fail (`groupdel app &>/dev/null`). */
function discardsFailure(cmd: Simple): boolean {
  const toNull = cmd.redirs.filter((r) => staticValue(r.target) === '/dev/null');
  const stderr = toNull.some((r) => r.op === '&>' || r.op === '&>>' || r.fd === '2') || cmd.redirs.some((r) => r.op === '>&' && r.fd === '2' && staticValue(r.target) === '1' && toNull.length > 0);
  return stderr;
}

/** The script handles failures itself: an explicit `set +e`, an `ERR` trap, or reading `$?`. */
function handlesFailures(script: ShellScript): boolean {
  let found = false;
  walkCommands(script.analysis.body, (cmd) => {
    if (found) return;
    // `$?` tested, stored or returned is handling; shown in a message (`echo "failed: $?"`) is not.
    const shows = cmd.kind === 'simple' && SHOWS.has(commandBase(cmd.words[0]) ?? '');
    if (!shows) for (const w of commandWords(cmd)) if (paramUses(w).some((u) => u.param.name === '?')) found = true;
    if (cmd.kind !== 'simple') return;
    const base = commandBase(cmd.words[0]);
    if (base === 'set') {
      const f = setFlags(cmd);
      if (f.off.has('e') || f.optionsOff.has('errexit')) found = true;
    }
    if (base === 'trap' && cmd.words.slice(2).some((w) => staticValue(w) === 'ERR')) found = true;
  });
  return found;
}

/**
 * `. /etc/app/bash-config`: a sourced file that sets errexit, or one we cannot read (it comes
 * from the base image), after which errexit may be on: the script is not judged from there.
 */
function sourcesErrexit(model: DockerfileModel, cmd: Simple): boolean {
  const base = commandBase(cmd.words[0]);
  if (base !== '.' && base !== 'source') return false;
  const target = staticValue(cmd.words[1]);
  const name = target?.split('/').pop();
  const lib = name ? model.wrappers.find((w) => w.role === 'sourced' && (w.imagePath === target || w.imagePath.endsWith(`/${name}`))) : undefined;
  if (!lib) return true;
  return /(^|[\s;&|])set\s+(-[a-zA-Z]*e|-o\s+errexit)/m.test(lib.text);
}

function errexitOn(cmd: Simple): boolean {
  if (commandBase(cmd.words[0]) !== 'set') return false;
  const flags = setFlags(cmd);
  return flags.on.has('e') || flags.optionsOn.has('errexit');
}

/** What a command is as a set-up step: none, best-effort, or one whose failure matters. */
type StepKind = 0 | 1 | 2;
const NONE = 0;
const BEST = 1;
const MATTERS = 2;

/** The strongest step running this function executes (directly, or through functions it calls). */
function functionStep(script: ShellScript, fn: FuncDef, memo: Map<string, StepKind>): StepKind {
  const known = memo.get(fn.name);
  if (known !== undefined) return known;
  memo.set(fn.name, NONE); // recursion guard
  let found: StepKind = NONE;
  if (fn.body) {
    walkCommands([{ andOr: { first: { negated: false, commands: [fn.body], start: fn.start }, rest: [] }, background: false, start: fn.start, end: fn.end }], (cmd, ctx) => {
      if (found === MATTERS || ctx.inCondition || ctx.detached || ctx.inSubstitution) return;
      const kind = stepKind(script, cmd, memo);
      if (kind > found) found = kind;
    });
  }
  memo.set(fn.name, found);
  return found;
}

/** The commands that start the app (each path's final command): not set-up steps. */
const appStarts = new WeakMap<ShellScript, Set<Command>>();

function stepKind(script: ShellScript, cmd: Command, memo: Map<string, StepKind>): StepKind {
  if (cmd.kind !== 'simple' || cmd.words.length === 0) return NONE;
  if (appStarts.get(script)?.has(cmd)) return NONE;
  const name = staticValue(cmd.words[0]);
  const base = commandBase(cmd.words[0]);
  if (base !== undefined && NOT_A_STEP.has(base)) return NONE;
  if ((base !== undefined && BEST_EFFORT.has(base)) || discardsFailure(cmd)) return BEST;
  const fn = name !== undefined && !name.includes('/') ? script.functions.get(name) : undefined;
  if (fn) return functionStep(script, fn, memo);
  return MATTERS;
}

/**
 * Steps whose failure is part of how they are used (a lookup, a probe, a wait, a removal or a
 * creation that may find the thing gone or there): with `set -e` their failing would end the script.
 */
const MAY_FAIL = new Set([
  'grep', 'egrep', 'fgrep', 'getent', 'id', 'nc', 'pg_isready', 'mysqladmin', 'redis-cli', 'wait-for-it', 'wait-for-it.sh', 'wait-for', 'wait-for.sh',
  'dockerize', 'kill', 'pkill', 'pgrep', 'pidof', 'killall', 'diff', 'cmp', 'test', '[', '[[', 'usermod', 'groupmod', 'useradd', 'groupadd',
  'adduser', 'addgroup', 'deluser', 'delgroup', 'userdel', 'groupdel', 'find', 'curl', 'wget', 'ping', 'timeout', 'which', 'type', 'command',
  'ls', 'cat', 'stat', 'readlink', 'false', 'expr', 'read', 'cd',
]);

/** A step of the script is expected to fail sometimes (see MAY_FAIL; `rm`/`mkdir`/`ln` without their forgiving flag; output sent to /dev/null). */
function someStepMayFail(script: ShellScript): boolean {
  let found = false;
  walkCommands(script.analysis.body, (cmd, ctx) => {
    if (found || cmd.kind !== 'simple' || ctx.inCondition || ctx.detached) return;
    const base = commandBase(cmd.words[0]);
    if (base === undefined) return;
    const flags = cmd.words.slice(1).map((w) => staticValue(w) ?? '').filter((w) => w.startsWith('-')).join(' ');
    if (MAY_FAIL.has(base) || discardsFailure(cmd)) found = true;
    else if (base === 'rm' && !/-[a-zA-Z]*f/.test(flags)) found = true;
    else if (base === 'mkdir' && !/-[a-zA-Z]*p/.test(flags)) found = true;
    else if (base === 'ln' && !/-[a-zA-Z]*f/.test(flags)) found = true;
  });
  return found;
}

/** `set -e` on the line after the shebang, when no step is expected to fail (else nothing: the finding stays for a person). */
export function fixNoErrexit(model: DockerfileModel, script: ShellScript): Autofix | undefined {
  if (someStepMayFail(script)) return undefined;
  const w = script.wrapper;
  const lines = w.text.split('\n');
  const at = script.analysis.shebang ? 2 : 1;
  if (at > lines.length || (at === 2 && lines.length === 1)) return undefined;
  const eol = lines[0]!.endsWith('\r') ? '\r\n' : '\n';
  const col = at === 1 && w.text.startsWith('\uFEFF') ? 2 : 1;
  return autofix(true, [scriptLineEdit(model, w, at, col, col, `set -e${eol}`)]);
}

export const rule: StaticRule = {
  id: 'wrapper-no-errexit',
  severity: 'warning',
  title: 'Wrapper without set -e',
  description: 'Without `set -e` a failing set-up step (migration, chown, config render) is ignored and the app starts anyway in a half-configured container.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const script of shellScripts(model, ['start'])) {
      const { analysis } = script;
      if (shebangFlags(analysis.shebang).has('e')) continue;
      if (handlesFailures(script)) continue;
      const flow = flowOf(script, model);
      appStarts.set(script, new Set(flow.finals.map((s) => s.cmd)));
      // The finding points at the first unprotected step (where `set -e` has to come before),
      // and fires only when an unprotected step whose failure matters follows.
      let firstStep: Simple | undefined;
      let mattering: Simple | undefined;
      let errexitAt: number | undefined;
      const memo = new Map<string, StepKind>();
      const steps: { cmd: Simple; kind: StepKind }[] = [];
      walkCommands(analysis.body, (cmd, ctx) => {
        if (cmd.kind !== 'simple' || ctx.inFunction || ctx.inSubstitution) return;
        if (!ctx.inCondition && (errexitOn(cmd) || sourcesErrexit(model, cmd)) && (errexitAt === undefined || cmd.start < errexitAt)) errexitAt = cmd.start;
        if (ctx.inCondition || ctx.detached) return;
        const kind = stepKind(script, cmd, memo);
        if (kind !== NONE) steps.push({ cmd, kind });
      });
      for (const { cmd, kind } of steps.sort((a, b) => a.cmd.start - b.cmd.start)) {
        if (errexitAt !== undefined && errexitAt < cmd.start) break;
        firstStep ??= cmd;
        if (kind === MATTERS) {
          mattering = cmd;
          break;
        }
      }
      if (!firstStep || !mattering) continue;
      const text = code(commandText(analysis.text, firstStep));
      const also = mattering === firstStep ? '' : ` (and ${code(commandText(analysis.text, mattering))} on line ${analysis.lineOf(mattering.start) + script.wrapper.lineOffset})`;
      const message =
        errexitAt === undefined
          ? `${text}${also} runs without \`set -e\`, so if it fails the script carries on and starts the app anyway.`
          : `${text}${also} runs before \`set -e\` (line ${analysis.lineOf(errexitAt) + script.wrapper.lineOffset}), so if it fails the script carries on and starts the app anyway.`;
      const fix = errexitAt === undefined ? 'Add `set -e` (or `set -eu`) on the line after the shebang.' : 'Move `set -e` up to the line after the shebang.';
      const edits = fixNoErrexit(model, script);
      hits.push({ ...scriptHit(script, firstStep.start, firstStep.end, message, fix), ...(edits ? { autofix: edits } : {}) });
    }
    return hits;
  },
};
