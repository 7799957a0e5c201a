// A script the kernel executes directly has no `#!` line.
import type { Autofix } from '../../findings.js';
import type { DockerfileModel, WrapperScript } from '../../model/types.js';
import { autofix, scriptLineEdit, withAutofix } from '../edits.js';
import type { RuleHit, StaticRule } from '../types.js';
import { analyseInstalls, interpreterAvailability } from '../../model/installs.js';
import { shellScripts } from './common.js';
import { posixWithSourced } from './wrapper-bashism.js';

/** `#!/bin/sh` as a new first line, for a script that is plain POSIX sh (nothing for one with bash syntax: which shell it needs is the author's call). */
export function fixMissingShebang(model: DockerfileModel, w: WrapperScript): Autofix | undefined {
  const script = shellScripts(model, ['start']).find((s) => s.wrapper === w);
  if (!script || !posixWithSourced(model, script)) return undefined;
  // On an image without /bin/sh (scratch, distroless) the shebang would only move the failure.
  if (interpreterAvailability(model, 'sh', analyseInstalls(model)) === 'absent') return undefined;
  const eol = w.text.includes('\r\n') ? '\r\n' : '\n';
  return autofix(true, [scriptLineEdit(model, w, 1, 1, 1, `#!/bin/sh${eol}`)]);
}
import { executedDirectly, scriptLabel, scriptLineRange } from './file-facts.js';

export const rule: StaticRule = {
  id: 'wrapper-missing-shebang',
  severity: 'error',
  title: 'Wrapper script without #! line',
  description: 'A start script without a `#!` first line cannot be executed by the kernel: the container fails with "exec format error".',
  deployed: 'any',
  check(model) {
    if (model.windows) return [];
    const hits: RuleHit[] = [];
    for (const w of model.wrappers) {
      // A BOM before `#!` is utf8-bom's finding; a script handed to a shell or sourced needs no `#!`.
      if (!executedDirectly(w) || w.text.startsWith('#!') || w.text.startsWith('\uFEFF#!')) continue;
      // Started from a shell's command string (shell-form `CMD start.sh`): when the kernel
      // refuses the file, the shell runs it as a shell script itself.
      const links = model.startChain.links;
      const at = links.findIndex((l) => l.kind === 'script' && l.wrapper === w);
      const before = at > 0 ? links[at - 1] : undefined;
      if (before?.kind === 'shell' && before.command !== undefined) continue;
      const first = (w.text.split('\n')[0] ?? '').replace(/\r$/, '').trim();
      hits.push({
        message: `${scriptLabel(model, w)} is the start command's script but has no \`#!\` first line${first ? ` (it starts with \`${first.slice(0, 40)}\`)` : ''}, so the kernel refuses to run it and the container fails with \`exec format error\`.`,
        fix: 'Make `#!/bin/sh` (or the interpreter the script is written for) its first line.',
        range: scriptLineRange(w, 1),
        file: w.file,
        ...withAutofix(fixMissingShebang(model, w)),
      });
    }
    return hits;
  },
};
