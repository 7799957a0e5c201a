// The start executable is a relative path (`./x`, `bin/x`) and no stage sets WORKDIR.
import { copyWords, writerOf } from '../../model/file-origin.js';
import type { DockerfileModel, StartPart } from '../../model/types.js';
import type { RuleHit, StaticRule } from '../types.js';
import { show } from './format.js';

/** `./start.sh`, `bin/server`: a path with a slash that is not absolute (a bare name is a PATH lookup). */
export function isRelativePath(word: string): boolean {
  return word.includes('/') && !/^[/$~]/.test(word);
}

/**
 * The COPY/ADD that put `word` in place wrote it through a relative destination (`COPY app ./`,
 * `COPY start.sh ./start.sh`) with no WORKDIR set: the file lands in the same working directory
 * the start path resolves against, whatever directory the base image sets, so the two agree.
 */
function copiedRelative(model: DockerfileModel, word: string): boolean {
  const writer = writerOf(model, [`/${word.replace(/^\.\//, '')}`]);
  if (!writer || (writer.keyword !== 'COPY' && writer.keyword !== 'ADD')) return false;
  const dest = copyWords(writer).at(-1);
  return dest !== undefined && !/^[/$~]/.test(dest) && !dest.startsWith('<<');
}

export const rule: StaticRule = {
  id: 'relative-entrypoint',
  severity: 'warning',
  title: 'Relative start executable without WORKDIR',
  description: 'A relative start executable resolves against whatever WORKDIR the base image happens to set, when the Dockerfile sets none.',
  check(model) {
    if (model.windows || model.start.workdir) return [];
    // Every program the start chain executes: inits, droppers, shells, scripts and the program.
    const candidates: { word: string; part: StartPart | undefined }[] = model.startChain.links.filter((l) => !l.origin).map((l) => ({ word: l.word, part: l.part }));
    const out: RuleHit[] = [];
    const seen = new Set<string>();
    for (const { word, part } of candidates) {
      if (!part || !isRelativePath(word) || seen.has(word) || copiedRelative(model, word)) continue;
      seen.add(word);
      const where = model.base.plainOs ? '`/`' : `\`/\` unless \`${model.base.ref}\` sets one`;
      out.push({
        message: `\`${show(part.instr)}\` starts \`${word}\`, a path relative to the working directory, but no stage sets WORKDIR, so it resolves against the base image's WORKDIR (${where}) and breaks when that changes.`,
        fix: `Set \`WORKDIR /app\` before it, or use the absolute path (e.g. \`/app/${word.replace(/^\.\//, '')}\`).`,
        range: part.instr.range,
        // An application base image usually sets a WORKDIR of its own that the COPY relies on: only a plain OS base surely leaves `/`.
        ...(model.base.plainOs ? {} : { severity: 'info' as const }),
      });
    }
    return out;
  },
};
