// Shared by the file-level wrapper rules (shebang, CRLF, BOM, exec bit): naming a script
// in messages, ranges on its lines, and RUN instructions that fix the file up later.
import { buildSteps } from '../../model/build-steps.js';
import { runCommandsOn } from '../../model/file-origin.js';
import type { DockerfileModel, SourceRange, WrapperScript } from '../../model/types.js';

/** The script lives in the Dockerfile (`COPY <<EOF /entrypoint.sh`). */
export function isHeredoc(model: DockerfileModel, w: WrapperScript): boolean {
  return w.absPath === undefined && w.file === model.file;
}

/** `docker/entrypoint.sh`, or `The COPY heredoc /entrypoint.sh` when the script lives in the Dockerfile (starts a sentence). */
export function scriptLabel(model: DockerfileModel, w: WrapperScript): string {
  return isHeredoc(model, w) ? `The COPY heredoc ${w.imagePath}` : `\`${w.file}\``;
}

/** The whole of a script line (1-based in the script), shifted into the file findings point at. */
export function scriptLineRange(w: WrapperScript, line: number): SourceRange {
  const text = (w.text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
  return { line: line + w.lineOffset, column: 1, endLine: line + w.lineOffset, endColumn: text.length + 1 };
}

/** Executed directly by the kernel (needs `#!` and the x bit), rather than handed to a shell or sourced. */
export function executedDirectly(w: WrapperScript): boolean {
  return w.role === 'start' && w.interpreter === undefined;
}

/**
 * Whether a RUN after the script's COPY (in the stages of the final image) rewrites it with
 * one of `programs` (`dos2unix`, `sed -i 's/\r$//'`…); `accept` filters the command words.
 */
export function rewrittenLater(model: DockerfileModel, w: WrapperScript, programs: Set<string>, accept: (words: string[]) => boolean): boolean {
  const { steps } = buildSteps(model, model.finalStage);
  const k = steps.findIndex((s) => s.instr === w.copy);
  if (k < 0) return false;
  return runCommandsOn(steps, k + 1, steps.length, w.imagePath, programs).some((c) => accept(c.words));
}
