// The start executable is a relative path (`./x`, `bin/x`) and no stage sets WORKDIR.
import type { StartPart } from '../../model/types.js';
import type { RuleHit, StaticRule } from '../types.js';
import { appCommand, partAt, show, startLayers } from './start-command.js';

/** `./start.sh`, `bin/server`: a path with a slash that is not absolute (a bare name is a PATH lookup). */
export function isRelativePath(word: string): boolean {
  return word.includes('/') && !/^[/$~]/.test(word);
}

export const rule: StaticRule = {
  id: 'relative-entrypoint',
  severity: 'warning',
  title: 'Relative start executable without WORKDIR',
  description: 'A relative start executable resolves against whatever WORKDIR the base image happens to set, when the Dockerfile sets none.',
  check(model) {
    if (model.windows || model.start.workdir) return [];
    // The executable itself, each program reached through exec-wrappers, and the program a script ends with.
    const candidates: { word: string; part: StartPart | undefined }[] = [{ word: model.start.argv[0] ?? '', part: partAt(model, 0) }];
    for (const layer of startLayers(model)) candidates.push({ word: layer.argv[layer.program]!, part: partAt(model, layer.offset + layer.program) });
    const app = appCommand(model);
    if (app) candidates.push({ word: app.words[0]!, part: app.part });
    const out: RuleHit[] = [];
    const seen = new Set<string>();
    for (const { word, part } of candidates) {
      if (!part || !isRelativePath(word) || seen.has(word)) continue;
      seen.add(word);
      const where = model.base.plainOs ? '`/`' : `\`/\` unless \`${model.base.ref}\` sets one`;
      out.push({
        message: `\`${show(part.instr)}\` starts \`${word}\`, a path relative to the working directory, but no stage sets WORKDIR, so it resolves against the base image's WORKDIR (${where}) and breaks when that changes.`,
        fix: `Set \`WORKDIR /app\` before it, or use the absolute path (e.g. \`/app/${word.replace(/^\.\//, '')}\`).`,
        range: part.instr.range,
      });
    }
    return out;
  },
};
