// A script the start command runs (or sources) has Windows line endings.
import type { Autofix } from '../../findings.js';
import type { DockerfileModel, WrapperScript } from '../../model/types.js';
import { autofix, scriptLineEdit, withAutofix } from '../edits.js';
import type { RuleHit, StaticRule } from '../types.js';
import { executedDirectly, rewrittenLater, scriptLabel, scriptLineRange } from './file-facts.js';

/** Every CRLF -> LF: the `\r` at the end of each line removed (a lone `\r` inside a line stays). */
export function fixCrlf(model: DockerfileModel, w: WrapperScript): Autofix | undefined {
  const edits = w.text.split('\n').flatMap((line, i) => (line.endsWith('\r') ? [scriptLineEdit(model, w, i + 1, line.length, line.length + 1, '')] : []));
  return autofix(true, edits);
}

const CONVERTERS = new Set(['dos2unix', 'fromdos', 'sed', 'perl']);

export const rule: StaticRule = {
  id: 'crlf-line-endings',
  severity: 'error',
  title: 'CRLF line endings in a wrapper script',
  description: 'A start script with CRLF line endings names the interpreter `/bin/sh\\r`: the container fails with "no such file or directory".',
  deployed: 'any',
  check(model) {
    if (model.windows) return [];
    const hits: RuleHit[] = [];
    for (const w of model.wrappers) {
      const at = w.text.indexOf('\r\n');
      if (at < 0) continue;
      // `RUN sed -i 's/\r$//' /entrypoint.sh` or `dos2unix` after the COPY fixes it in the image.
      if (rewrittenLater(model, w, CONVERTERS, (words) => words[0] === 'dos2unix' || words[0] === 'fromdos' || words.some((x) => x.includes('\\r')))) continue;
      const line = w.text.slice(0, at).split('\n').length;
      const label = scriptLabel(model, w);
      const consequence =
        executedDirectly(w) && line === 1 && w.text.startsWith('#!')
          ? `so the kernel looks for the interpreter \`${(w.text.slice(2, at).trim().split(/\s+/)[0] ?? '/bin/sh')}\\r\` and the container fails with \`no such file or directory\``
          : 'so the shell reads a `\\r` at the end of every command and the script fails with errors like `set: illegal option -` or `$\'\\r\': command not found`';
      hits.push({
        message: `${label} has Windows (CRLF) line endings from line ${line}, ${consequence}.`,
        fix: `Convert it to LF (\`dos2unix ${w.absPath ? w.file : w.imagePath}\`) and add \`*.sh text eol=lf\` to .gitattributes so Windows checkouts keep LF.`,
        range: scriptLineRange(w, line),
        file: w.file,
        ...withAutofix(fixCrlf(model, w)),
      });
    }
    return hits;
  },
};
