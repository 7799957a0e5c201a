// The start script reaches the image without an execute bit.
import type { FileMode, WrapperScript } from '../../model/types.js';
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
      });
    }
    return hits;
  },
};
