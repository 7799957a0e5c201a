// Which stages a build of the final image runs, and what leaves a stage that is not part of
// the final image's ancestry: BuildKit builds only the stages the target needs (its FROM
// ancestry and the stages it copies or mounts from), and such a stage reaches the image only
// through the paths copied out of it.
import path from 'node:path';
import { buildSteps, stageByRef } from './build-steps.js';
import { copyOperands } from './file-origin.js';
import type { DockerfileModel, Instr, Stage } from './types.js';
import { expandArgs } from './variables.js';

const posix = path.posix;

/** `RUN --mount=…,from=<stage>`: every mount's `from` (the flag map keeps only the last `--mount`). */
function mountSources(model: DockerfileModel, instr: Instr): string[] {
  const text = model.lines.slice(instr.range.line - 1, instr.range.endLine).join('\n');
  return [...text.matchAll(/--mount=\S*?\bfrom=([^,\s]+)/g)].map((m) => m[1]!.replace(/^["']|["']$/g, ''));
}

/** The stages another stage reads files from: `COPY --from`, `RUN --mount=from=`; undefined when a reference is not a literal. */
function readsFrom(model: DockerfileModel, stage: Stage): Stage[] | undefined {
  const out: Stage[] = [];
  for (const { instr, vars } of buildSteps(model, stage).steps) {
    if (instr.stage !== stage.index) continue;
    const refs = instr.keyword === 'COPY' || instr.keyword === 'ADD' ? [instr.flags.get('from') ?? undefined] : instr.keyword === 'RUN' ? mountSources(model, instr) : [];
    for (const raw of refs) {
      if (!raw) continue;
      const ref = expandArgs(raw, vars);
      if (ref.includes('$')) return undefined;
      const from = stageByRef(model, ref);
      if (from) out.push(from);
    }
  }
  return out;
}

/** The stages built for the final image (BuildKit skips the others); undefined when a reference cannot be read. */
export function builtStages(model: DockerfileModel): Set<number> | undefined {
  const built = new Set<number>();
  const todo: Stage[] = [model.finalStage];
  while (todo.length > 0) {
    const stage = todo.pop()!;
    if (built.has(stage.index)) continue;
    built.add(stage.index);
    if (stage.parent !== undefined) todo.push(model.stages[stage.parent]!);
    const reads = readsFrom(model, stage);
    if (!reads) return undefined;
    todo.push(...reads);
  }
  return built;
}

/** Stages built FROM `stage`, directly or through others, and `stage` itself. */
export function stageAndDescendants(model: DockerfileModel, stage: Stage): Stage[] {
  const family = new Set([stage.index]);
  for (const s of model.stages) if (s.parent !== undefined && family.has(s.parent)) family.add(s.index);
  return model.stages.filter((s) => family.has(s.index));
}

/**
 * The absolute paths the built stages copy out of `stage` or a stage built FROM it
 * (`COPY --from=builder /app/dist /app`); undefined when a source is not a literal path.
 */
export function pathsCopiedOut(model: DockerfileModel, stage: Stage, built: Set<number>): string[] | undefined {
  const family = new Set(stageAndDescendants(model, stage).map((s) => s.index));
  const out: string[] = [];
  for (const reader of model.stages) {
    if (!built.has(reader.index)) continue;
    for (const step of buildSteps(model, reader).steps) {
      const { instr } = step;
      if (instr.stage !== reader.index) continue;
      const raw = instr.keyword === 'COPY' || instr.keyword === 'ADD' ? instr.flags.get('from') : undefined;
      if (instr.keyword === 'RUN' && mountSources(model, instr).some((ref) => family.has(stageByRef(model, expandArgs(ref, step.vars))?.index ?? -1))) return undefined;
      if (!raw) continue;
      const from = stageByRef(model, expandArgs(raw, step.vars));
      if (!from || !family.has(from.index)) continue;
      const ops = copyOperands(step);
      if (!ops || ops.sources.some((s) => /[$*?[]/.test(s))) return undefined;
      out.push(...ops.sources.map((s) => posix.resolve('/', s)));
    }
  }
  return out;
}
