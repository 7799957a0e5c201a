// The start script reaches the image without an execute bit.
import path from 'node:path';
import type { Autofix } from '../../findings.js';
import { buildSteps } from '../../model/build-steps.js';
import { copyOperands } from '../../model/file-origin.js';
import type { DockerfileModel, FileMode, WrapperScript } from '../../model/types.js';
import { afterKeyword, autofix, insertAfterInstr, withAutofix } from '../edits.js';
import type { RuleHit, StaticRule } from '../types.js';
import { executedDirectly, isHeredoc, scriptLabel } from './file-facts.js';

function why(w: WrapperScript, mode: FileMode): string {
  const chmod = w.copy.flags.get('chmod');
  switch (mode.source) {
    case 'git-index':
      return 'it is 100644 in git\'s index and neither `--chmod` nor a `RUN chmod` adds the x bit';
    case 'filesystem':
      return 'it is not executable in the build context and neither `--chmod` nor a `RUN chmod` adds the x bit';
    case 'heredoc':
      return 'COPY heredocs are created with mode 0644 and neither `--chmod` nor a `RUN chmod` adds the x bit';
    case 'chmod-flag':
      return `\`--chmod=${chmod ?? ''}\` leaves it without an x bit`;
    case 'run-chmod':
      return 'the last `RUN chmod` on it leaves it without an x bit';
    default:
      return 'nothing gives it an x bit';
  }
}

/** The Dockerfile already uses BuildKit-only syntax (a `# syntax=` line, heredocs, `--chmod`, `--link`, `--mount`). */
function usesBuildKit(model: DockerfileModel): boolean {
  return /^#\s*syntax\s*=/im.test(model.text) || model.instructions.some((i) => i.heredocs.length > 0 || ['chmod', 'link', 'mount', 'exclude', 'parents'].some((f) => i.flags.has(f)));
}

/** The COPY writes this one file: its only source is the script (not a folder or a glob, whose other files --chmod would change too). */
function copiesOnlyIt(model: DockerfileModel, w: WrapperScript): boolean {
  if (w.absPath === undefined || w.copy.flags.has('from')) return false;
  const stage = model.stages[w.copy.stage];
  const step = stage ? buildSteps(model, stage).steps.find((s) => s.instr === w.copy) : undefined;
  const ops = step ? copyOperands(step) : undefined;
  return ops?.sources.length === 1 && path.resolve(model.contextDir, ops.sources[0]!) === w.absPath;
}

/** No USER before the COPY in its stage's ancestry but root: a `RUN chmod` can change the root-owned copy. */
function rootAt(model: DockerfileModel, w: WrapperScript): boolean {
  const users = model.instructions.filter((i) => i.keyword === 'USER' && i.range.line < w.copy.range.line && model.chain.some((s) => s.index === i.stage));
  const last = users[users.length - 1]?.args[0];
  return last === undefined || /^(root|0)(:.*)?$/.test(last);
}

/**
 * The x bit where the file enters the image: `COPY --chmod=755` on the COPY that writes only
 * the script (or a COPY heredoc); `RUN chmod +x <path>` after it when that is the Dockerfile's
 * style (it chmods in RUN and uses no BuildKit syntax) or the COPY copies more than the script.
 * Nothing when a `--chmod` or `RUN chmod` is already there (the author chose the mode).
 */
export function fixNotExecutable(model: DockerfileModel, w: WrapperScript): Autofix | undefined {
  if (w.copy.flags.has('chmod') || w.mode.source === 'run-chmod' || w.mode.source === 'chmod-flag') return undefined;
  const heredoc = isHeredoc(model, w);
  const single = heredoc || copiesOnlyIt(model, w);
  const runStyle = !usesBuildKit(model) && /\bchmod\b/.test(model.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.text).join('\n'));
  if (single && !(runStyle && rootAt(model, w))) return autofix(true, [afterKeyword(model, w.copy, ' --chmod=755')]);
  if (heredoc || !rootAt(model, w) || /[\s'"$`\\]/.test(w.imagePath)) return undefined;
  return autofix(true, [insertAfterInstr(model, w.copy, `RUN chmod +x ${w.imagePath}`)]);
}

export const rule: StaticRule = {
  id: 'wrapper-not-executable',
  severity: 'error',
  title: 'Wrapper script not executable',
  description: 'The start script is copied without an execute bit: the container fails with "permission denied".',
  deployed: 'any',
  check(model) {
    if (model.windows) return [];
    const hits: RuleHit[] = [];
    for (const w of model.wrappers) {
      // `["/bin/sh", "/entrypoint.sh"]` and sourced files need no x bit; an unknown mode proves nothing.
      if (!executedDirectly(w) || w.mode.executable !== false) continue;
      const copy = w.copy;
      const heredoc = isHeredoc(model, w);
      const gitFix = w.mode.source === 'git-index' ? `, or mark it executable in git (\`git update-index --chmod=+x ${w.file}\`)` : w.mode.source === 'filesystem' ? `, or \`chmod +x ${w.file}\`` : '';
      hits.push({
        message: `${scriptLabel(model, w)} ${heredoc ? 'is created' : `is copied to ${w.imagePath}`} without an execute bit (${why(w, w.mode)}), so the container fails with \`permission denied\`.`,
        fix: heredoc
          ? `Create it executable: \`COPY --chmod=755 <<EOF ${w.imagePath}\`.`
          : `Copy it with \`${copy.keyword} --chmod=755 …\`${gitFix}.`,
        range: copy.range,
        file: model.file,
        ...withAutofix(fixNotExecutable(model, w)),
      });
    }
    return hits;
  },
};
