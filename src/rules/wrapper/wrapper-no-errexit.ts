// No `set -e` before the first set-up step: a failed step is ignored and the app starts anyway.
import { shebangFlags } from '../../shell/script.js';
import { walkCommands, type Command, type FuncDef, type Simple } from '../../shell/structure.js';
import { commandBase, commandText, setFlags, staticValue } from '../../shell/words.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, scriptHit, shellScripts, type ShellScript } from './common.js';

/** Builtins and commands whose failure errexit would not be about: they are not set-up steps. */
const NOT_A_STEP = new Set([
  ':', 'true', 'false', 'echo', 'printf', 'set', 'shift', 'export', 'local', 'declare', 'typeset', 'readonly',
  'unset', 'trap', 'umask', 'ulimit', 'test', '[', '[[', 'exec', 'exit', 'return', 'wait', 'eval', 'source', '.',
  'cd', 'alias', 'unalias', 'hash', 'type', 'command', 'getopts', 'let', 'read', 'break', 'continue', 'shopt',
  'printenv', 'sleep',
]);

function errexitOn(cmd: Simple): boolean {
  if (commandBase(cmd.words[0]) !== 'set') return false;
  const flags = setFlags(cmd);
  return flags.on.has('e') || flags.optionsOn.has('errexit');
}

/** Does running this function execute a set-up step (directly, or through functions it calls)? */
function functionHasStep(script: ShellScript, fn: FuncDef, memo: Map<string, boolean>): boolean {
  const known = memo.get(fn.name);
  if (known !== undefined) return known;
  memo.set(fn.name, false); // recursion guard
  let found = false;
  if (fn.body) {
    walkCommands([{ andOr: { first: { negated: false, commands: [fn.body], start: fn.start }, rest: [] }, background: false, start: fn.start, end: fn.end }], (cmd, ctx) => {
      if (!found && !ctx.inCondition && !ctx.detached && !ctx.inSubstitution && isStep(script, cmd, memo)) found = true;
    });
  }
  memo.set(fn.name, found);
  return found;
}

function isStep(script: ShellScript, cmd: Command, memo: Map<string, boolean>): boolean {
  if (cmd.kind !== 'simple' || cmd.words.length === 0) return false;
  const name = staticValue(cmd.words[0]);
  const base = commandBase(cmd.words[0]);
  if (base !== undefined && NOT_A_STEP.has(base)) return false;
  const fn = name !== undefined && !name.includes('/') ? script.functions.get(name) : undefined;
  if (fn) return functionHasStep(script, fn, memo);
  return true;
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
      let firstStep: Simple | undefined;
      let errexitAt: number | undefined;
      const memo = new Map<string, boolean>();
      walkCommands(analysis.body, (cmd, ctx) => {
        if (cmd.kind !== 'simple' || ctx.inFunction || ctx.inSubstitution) return;
        if (!ctx.inCondition && errexitOn(cmd) && (errexitAt === undefined || cmd.start < errexitAt)) errexitAt = cmd.start;
        if (ctx.inCondition || ctx.detached) return;
        if (isStep(script, cmd, memo) && (!firstStep || cmd.start < firstStep.start)) firstStep = cmd;
      });
      if (!firstStep) continue;
      if (errexitAt !== undefined && errexitAt < firstStep.start) continue;
      const text = code(commandText(analysis.text, firstStep));
      const message =
        errexitAt === undefined
          ? `${text} runs without \`set -e\`, so if it fails the script carries on and starts the app anyway.`
          : `${text} runs before \`set -e\` (line ${analysis.lineOf(errexitAt) + script.wrapper.lineOffset}), so if it fails the script carries on and starts the app anyway.`;
      const fix = errexitAt === undefined ? 'Add `set -e` (or `set -eu`) on the line after the shebang.' : 'Move `set -e` up to the line after the shebang.';
      hits.push(scriptHit(script, firstStep.start, firstStep.end, message, fix));
    }
    return hits;
  },
};
