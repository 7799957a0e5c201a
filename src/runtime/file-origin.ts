// Which Dockerfile instruction put a file into the final image: a finding about the file
// itself (an amd64 binary in the arm64 image) belongs on the COPY/RUN that wrote it, not on
// the ENTRYPOINT that merely names it.
// The COPY/ADD destination mapping is the model's (buildSteps/copyOperands, the same one that
// resolves wrapper scripts); it is read here behind this one function so that moving it into
// the model's start chain changes one import.
import path from 'node:path';
import { buildSteps, copyOperands } from '../model/wrappers.js';
import type { DockerfileModel, Instr } from '../model/types.js';

/**
 * The last instruction of the final image's build that wrote one of `paths` (the path as the
 * start command names it, the symlinks it passes through, and where they lead): a COPY/ADD
 * whose destination is the file or a directory holding it, else a RUN that names the full
 * path. Undefined when none does (the file came with the base image).
 */
export function writerOf(model: DockerfileModel, paths: string[]): Instr | undefined {
  const wanted = [...new Set(paths.filter((p) => p.startsWith('/')).map((p) => path.posix.normalize(p)))];
  if (wanted.length === 0) return undefined;
  let steps;
  try {
    steps = buildSteps(model, model.finalStage).steps;
  } catch {
    return undefined;
  }
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    const { keyword } = step.instr;
    if (keyword === 'COPY' || keyword === 'ADD') {
      const ops = copyOperands(step);
      if (!ops) continue;
      const dest = ops.dest;
      const under = (p: string) => dest === '/' || p.startsWith(`${dest}/`);
      // A file destination is the file; a directory destination (or a directory copied into place) holds it.
      if (wanted.some((p) => p === dest || under(p))) return step.instr;
    } else if (keyword === 'RUN') {
      if (wanted.some((p) => mentions(step.instr.text, p))) return step.instr;
    }
  }
  return undefined;
}

/** The path as a whole word of the RUN text (`-o /usr/local/bin/app`, `mv app /server`), not a prefix of a longer one. */
function mentions(text: string, p: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(p, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + p.length];
    if ((before === undefined || /[\s"'=:;(]/.test(before)) && (after === undefined || /[\s"';)&|>]/.test(after))) return true;
    from = at + 1;
  }
}
