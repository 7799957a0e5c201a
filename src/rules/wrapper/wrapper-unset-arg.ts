// `set -u` and `$1` without a default or an `$#` check: the script aborts when started without
// arguments. Only where that can happen: the image starts the wrapper with no arguments (no
// CMD reaches it), or the script itself treats "no arguments" as a way to start (it reads
// `${1:-}` somewhere, and `$1` bare elsewhere). An image that always passes a CMD to an
// entrypoint that reads `"$1"` (docker-library style) has nothing to run without one anyway.
import type { DockerfileModel, WrapperScript } from '../../model/types.js';
import { shebangFlags } from '../../model/script-syntax.js';
import { walkCommands, type Command } from '../../model/script-syntax.js';
import type { Param, Word } from '../../model/script-syntax.js';
import { commandBase, commandWords, paramUses, setFlags, staticValue } from '../../model/script-syntax.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, scriptHit, shellScripts } from './common.js';
import { containerAction } from '../../model/github-action.js';

/** Operators that make an unset parameter safe under nounset (`${1-}`, `${1:-x}`, `${1+x}`, `${1?msg}`). */
const SAFE_OPS = new Set(['-', ':-', '+', ':+', '=', ':=', '?', ':?']);

function paramText(p: Param): string {
  if (!p.braced) return `$${p.name}`;
  return `\${${p.length ? '#' : ''}${p.name}${p.op}${p.op ? '…' : ''}}`;
}

/**
 * How many arguments the start command hands the wrapper (ENTRYPOINT's words after it, then
 * CMD), or undefined when the wrapper is not a word of the start command.
 */
/** How many arguments the start command hands the wrapper: the words after its link in the chain. */
function argumentsGiven(model: DockerfileModel, wrapper: WrapperScript): number | undefined {
  const link = model.startChain.links.find((l) => l.kind === 'script' && l.wrapper === wrapper);
  return link?.index === undefined ? undefined : model.start.argv.length - link.index - 1;
}

/** The positional parameter a word reads, plain (`"$1"`, `x$1`), if any. */
function positionalIn(word: Word | undefined): Param | undefined {
  if (!word) return undefined;
  return paramUses(word).find((u) => /^[1-9][0-9]*$/.test(u.param.name))?.param;
}

/**
 * A test for "no argument given" (`[ -z "$1" ]`, `[ "$1" = "" ]`, `case "$1" in "")`): the
 * parameter it reads, when the command is one.
 */
function emptinessTest(cmd: Command): Param | undefined {
  if (cmd.kind === 'case') {
    return cmd.items.some((i) => i.patterns.some((p) => staticValue(p) === '')) ? positionalIn(cmd.word) : undefined;
  }
  if (cmd.kind !== 'simple') return undefined;
  const base = commandBase(cmd.words[0]);
  if (base !== '[' && base !== '[[' && base !== 'test') return undefined;
  const w = cmd.words;
  for (let i = 1; i < w.length; i++) {
    const v = staticValue(w[i]);
    if ((v === '-z' || v === '-n') && positionalIn(w[i + 1])) return positionalIn(w[i + 1]);
    if ((v === '=' || v === '==' || v === '!=') && staticValue(w[i + 1]) === '' && positionalIn(w[i - 1])) return positionalIn(w[i - 1]);
  }
  return undefined;
}

export const rule: StaticRule = {
  id: 'wrapper-unset-arg',
  severity: 'warning',
  title: 'Positional argument under set -u',
  description: 'With `set -u`, `$1` aborts the script with "parameter not set" when the container starts without arguments.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const script of shellScripts(model, ['start'])) {
      const { analysis } = script;
      const fromShebang = shebangFlags(analysis.shebang).has('u');
      // nounset toggles at the top level, by position; `$#` anywhere counts as an argument check.
      const toggles: { at: number; on: boolean }[] = []; // in source order (top-level walk)
      let checksCount = false;
      let setPositional: { at: number; count: number } | undefined;
      const uses: Param[] = [];
      /** A positional read with a default (`${1:-}`) or tested for emptiness (`[ -z "$1" ]`): the script expects to start without arguments. */
      let zeroArgBranch: Param | undefined;
      walkCommands(analysis.body, (cmd, ctx) => {
        for (const w of commandWords(cmd)) {
          for (const { param } of paramUses(w)) {
            if (param.name === '#' && !param.length) checksCount = true;
            if (ctx.inFunction || !/^[1-9][0-9]*$/.test(param.name)) continue;
            if (!SAFE_OPS.has(param.op)) uses.push(param);
            else if (param.op !== '?' && param.op !== ':?') zeroArgBranch ??= param;
          }
        }
        if (!ctx.inFunction) zeroArgBranch ??= emptinessTest(cmd);
        if (cmd.kind !== 'simple' || ctx.inFunction || ctx.inSubstitution) return;
        const base = commandBase(cmd.words[0]);
        if (base === 'set') {
          const f = setFlags(cmd);
          if (f.on.has('u') || f.optionsOn.has('nounset')) toggles.push({ at: cmd.start, on: true });
          if (f.off.has('u') || f.optionsOff.has('nounset')) toggles.push({ at: cmd.start, on: false });
        }
      });
      if (checksCount) continue;
      // Can the wrapper start without arguments? Not when the start command always hands it some.
      const given = argumentsGiven(model, script.wrapper);
      // A GitHub container action's runner passes its `runs.args` (the inputs) after the ENTRYPOINT, in place of a CMD.
      const actionArgs = model.start.cmd ? 0 : (containerAction(model)?.args ?? 0);
      if (actionArgs > 0) {
        // Every positional up to that count is set (an input left empty arrives as an empty string).
        const set = (p: Param) => Number(p.name) <= actionArgs;
        if (zeroArgBranch && set(zeroArgBranch)) zeroArgBranch = undefined;
        for (let i = uses.length - 1; i >= 0; i--) if (set(uses[i]!)) uses.splice(i, 1);
      }
      const noArgs = actionArgs > 0 ? false : given !== undefined ? given === 0 : !model.start.cmd;
      if (!noArgs && !zeroArgBranch) continue;
      // An unconditional top-level `set -- a b` sets $1, $2 for what follows.
      for (const stmt of analysis.body) {
        const cmd = stmt.andOr.rest.length === 0 && stmt.andOr.first.commands.length === 1 ? stmt.andOr.first.commands[0] : undefined;
        if (cmd?.kind !== 'simple' || commandBase(cmd.words[0]) !== 'set') continue;
        const dd = cmd.words.findIndex((w) => staticValue(w) === '--');
        const count = dd > 0 ? cmd.words.slice(dd + 1).filter((w) => !/^"?\$\{?[@*]\}?"?$/.test(w.raw)).length : 0;
        if (count > 0) {
          setPositional = { at: cmd.end, count };
          break;
        }
      }
      // Sweep the uses in order alongside the nounset toggles.
      toggles.sort((a, b) => a.at - b.at);
      uses.sort((a, b) => a.start - b.start);
      let on = fromShebang;
      let t = 0;
      let first: Param | undefined;
      for (const p of uses) {
        while (t < toggles.length && toggles[t]!.at < p.start) on = toggles[t++]!.on;
        if (!on) continue;
        if (setPositional && p.start > setPositional.at && Number(p.name) <= setPositional.count) continue;
        first = p;
        break;
      }
      if (!first) continue;
      const text = paramText(first);
      const error = script.dialect.dialect === 'bash' ? `$${first.name}: unbound variable` : `${first.name}: parameter not set`;
      hits.push(
        scriptHit(
          script,
          first.start,
          first.end,
          first === zeroArgBranch
            ? `${code(text)} is read under \`set -u\` to test whether an argument was given, so when none is (\`docker run --entrypoint\`, a Kubernetes \`command:\` without \`args:\`${noArgs ? ', or this image started as it is' : ''}) the script aborts with "${error}" before the test can say so.`
            : noArgs
            ? `${code(text)} is read under \`set -u\` and ${model.start.cmd ? 'the start command passes the script no arguments' : 'the image has no CMD'}, so \`docker run <image>\` aborts with "${error}".`
            : `${code(text)} is read under \`set -u\`, while line ${analysis.lineOf(zeroArgBranch!.start) + script.wrapper.lineOffset} expects the script to start without arguments (${code(paramText(zeroArgBranch!))}): started that way (\`docker run --entrypoint\`, a Kubernetes \`command:\` without \`args:\`) it aborts with "${error}".`,
          `Read it as ${code(`\${${first.name}:-}`)} (or check \`[ $# -gt 0 ]\` first).`,
        ),
      );
    }
    return hits;
  },
};
