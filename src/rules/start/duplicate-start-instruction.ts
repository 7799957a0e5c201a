// More than one ENTRYPOINT or CMD in one stage that reaches the final image: only the last counts.
import type { Instr } from '../../model/types.js';
import type { RuleHit, StaticRule } from '../types.js';
import { show, unixChain } from './format.js';

export const rule: StaticRule = {
  id: 'duplicate-start-instruction',
  severity: 'warning',
  title: 'Duplicate ENTRYPOINT or CMD',
  description: 'Only the last ENTRYPOINT and the last CMD of a stage take effect; earlier ones are dead code that misleads readers.',
  check(model) {
    const out: RuleHit[] = [];
    for (const stage of unixChain(model)) {
      for (const keyword of ['ENTRYPOINT', 'CMD']) {
        const all: Instr[] = stage.instructions.filter((i) => i.keyword === keyword);
        const last = all[all.length - 1];
        if (!last || all.length < 2) continue;
        for (const earlier of all.slice(0, -1)) {
          out.push({
            message: `\`${show(earlier)}\` never takes effect because the later \`${show(last, 60)}\` on line ${last.range.line} of the same stage replaces it.`,
            fix: `Delete this ${keyword} and keep the one on line ${last.range.line} (or merge them into one).`,
            range: earlier.range,
          });
        }
      }
    }
    return out;
  },
};
