// An exec-form word that holds a whole command line: `CMD ["gunicorn app:app"]`, or
// `ENTRYPOINT ["python"]` + `CMD ["manage.py runserver"]`. Exec form is not split on spaces, so
// the kernel looks for a program named `gunicorn app:app`, or the interpreter for a file of
// that name.
import { interpreterOf } from '../../model/programs.js';
import { startPartAt } from '../../model/start-contract.js';
import type { ChainLink } from '../../model/types.js';
import type { RuleHit, StaticRule } from '../types.js';
import { execArray, placeOf, show } from './format.js';

/** A word that reads as several: a space between two non-space runs (not a path with a space in a quoted name). */
const JOINED = /^\S+(\s+\S+)+$/;

/** The words of the link that name a program or the file an interpreter runs, with their argv index. */
function namedWords(link: ChainLink): { word: string; index: number }[] {
  if (link.index === undefined || link.origin) return [];
  const out = [{ word: link.word, index: link.index }];
  // `python "manage.py runserver"`: the interpreter's first operand is the file it opens.
  if (link.kind === 'program' && interpreterOf(link.word) && !/^(sh|bash|zsh|ksh|dash|fish)$/.test(interpreterOf(link.word)!)) {
    const k = link.argv.findIndex((w, i) => i > 0 && !w.startsWith('-'));
    const before = link.argv.slice(1, k);
    // `python -c "…"`, `node -e "…"`: code, not a file name.
    if (k > 0 && !before.some((w) => /^-[ce]$|^--eval$/.test(w))) out.push({ word: link.argv[k]!, index: link.index + k });
  }
  return out;
}

export const rule: StaticRule = {
  id: 'exec-form-joined-words',
  severity: 'error',
  title: 'Exec-form word holds a whole command line',
  description: 'An exec-form word like `"gunicorn app:app"` is one argument: the kernel looks for a program (or the interpreter for a file) with that whole name, and the container fails to start.',
  deployed: 'any',
  check(model) {
    if (model.windows) return [];
    const out: RuleHit[] = [];
    const seen = new Set<number>();
    for (const link of model.startChain.links) {
      if (link.kind === 'shell' || link.kind === 'script') continue;
      for (const { word, index } of namedWords(link)) {
        if (seen.has(index) || !JOINED.test(word)) continue;
        const part = startPartAt(model.start, index);
        if (!part || part.form !== 'exec') continue;
        seen.add(index);
        const split = part.argv.flatMap((w) => (w === word ? word.trim().split(/\s+/) : [w]));
        const program = index === link.index;
        out.push({
          message: program
            ? `\`${show(part.instr)}\` names the program \`${word}\` as one word: exec form does not split on spaces, so the container fails with \`exec: "${word}": executable file not found\`.`
            : `\`${show(part.instr)}\` hands \`${link.word}\` the single argument \`${word}\`: exec form does not split on spaces, so ${link.word} looks for a file named \`${word}\` and the container exits at once.`,
          fix: `Write each word as its own string: \`${part.instr.keyword} ${execArray(split)}\`.`,
          ...placeOf(part),
        });
      }
    }
    return out;
  },
};
