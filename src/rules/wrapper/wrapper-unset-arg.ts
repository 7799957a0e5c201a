// `set -u` and `$1` without a default or an `$#` check: the script aborts when started without arguments.
import { shebangFlags } from '../../shell/script.js';
import { walkCommands } from '../../shell/structure.js';
import type { Param } from '../../shell/tokenize.js';
import { commandBase, commandWords, paramUses, setFlags, staticValue } from '../../shell/words.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, scriptHit, shellScripts } from './common.js';

/** Operators that make an unset parameter safe under nounset (`${1-}`, `${1:-x}`, `${1+x}`, `${1?msg}`). */
const SAFE_OPS = new Set(['-', ':-', '+', ':+', '=', ':=', '?', ':?']);

function paramText(p: Param): string {
  if (!p.braced) return `$${p.name}`;
  return `\${${p.length ? '#' : ''}${p.name}${p.op}${p.op ? '…' : ''}}`;
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
      walkCommands(analysis.body, (cmd, ctx) => {
        for (const w of commandWords(cmd)) {
          for (const { param } of paramUses(w)) {
            if (param.name === '#' && !param.length) checksCount = true;
            if (!ctx.inFunction && /^[1-9][0-9]*$/.test(param.name) && !SAFE_OPS.has(param.op)) uses.push(param);
          }
        }
        if (cmd.kind !== 'simple' || ctx.inFunction || ctx.inSubstitution) return;
        const base = commandBase(cmd.words[0]);
        if (base === 'set') {
          const f = setFlags(cmd);
          if (f.on.has('u') || f.optionsOn.has('nounset')) toggles.push({ at: cmd.start, on: true });
          if (f.off.has('u') || f.optionsOff.has('nounset')) toggles.push({ at: cmd.start, on: false });
        }
      });
      if (checksCount) continue;
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
          model.start.cmd
            ? `${code(text)} is read under \`set -u\`, so the script aborts with "${error}" whenever it starts without arguments (\`docker run --entrypoint\`, a Kubernetes \`command:\` without \`args:\`).`
            : `${code(text)} is read under \`set -u\` and the image has no CMD, so \`docker run <image>\` starts it without arguments and the script aborts with "${error}".`,
          `Read it as ${code(`\${${first.name}:-}`)} (or check \`[ $# -gt 0 ]\` first).`,
        ),
      );
    }
    return hits;
  },
};
