// A UTF-8 byte order mark before the script's first line.
import type { Autofix } from '../../findings.js';
import type { DockerfileModel, WrapperScript } from '../../model/types.js';
import { autofix, scriptLineEdit, withAutofix } from '../edits.js';
import type { RuleHit, StaticRule } from '../types.js';

/** The BOM removed: the first character of the file. */
export function fixBom(model: DockerfileModel, w: WrapperScript): Autofix | undefined {
  return autofix(true, [scriptLineEdit(model, w, 1, 1, 2, '')]);
}
import { executedDirectly, scriptLabel, scriptLineRange } from './file-facts.js';

export const rule: StaticRule = {
  id: 'utf8-bom',
  severity: 'error',
  title: 'UTF-8 BOM in a wrapper script',
  description: 'A UTF-8 BOM before `#!` hides the shebang from the kernel: the container fails with "exec format error".',
  deployed: 'any',
  check(model) {
    if (model.windows) return [];
    const hits: RuleHit[] = [];
    for (const w of model.wrappers) {
      if (!w.text.startsWith('\uFEFF')) continue;
      const label = scriptLabel(model, w);
      const consequence =
        executedDirectly(w) && w.text.startsWith('\uFEFF#!')
          ? 'so the kernel does not see its `#!` line and the container fails with `exec format error`'
          : 'so the shell reads the invisible bytes as part of the first command and fails with `not found`';
      hits.push({
        message: `${label} starts with a UTF-8 byte order mark, ${consequence}.`,
        fix: `Save it as UTF-8 without BOM (\`sed -i '1s/^\\xEF\\xBB\\xBF//' ${w.absPath ? w.file : w.imagePath}\`, or "UTF-8" instead of "UTF-8 with BOM" in the editor).`,
        range: scriptLineRange(w, 1),
        file: w.file,
        ...withAutofix(fixBom(model, w)),
      });
    }
    return hits;
  },
};
