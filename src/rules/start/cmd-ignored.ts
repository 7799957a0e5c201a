// Shell-form ENTRYPOINT with a CMD in effect: the CMD is never used.
import type { StaticRule } from '../types.js';
import { execArray, meantExecForm, placeOf, show, showPart } from './format.js';
import { asExecForm } from '../../model/command-strings.js';

export const rule: StaticRule = {
  id: 'cmd-ignored',
  severity: 'warning',
  title: 'CMD ignored by shell-form ENTRYPOINT',
  description: 'A shell-form ENTRYPOINT ignores CMD entirely: the CMD is never used.',
  deployed: 'any',
  check(model) {
    const { entrypoint, cmd } = model.start;
    // A JSON-looking ENTRYPOINT that is not valid JSON is malformed-exec-form's finding.
    if (model.windows || !entrypoint || entrypoint.form !== 'shell' || meantExecForm(entrypoint.instr) || !cmd) return [];
    const argv = asExecForm(entrypoint.command ?? '');
    return [
      {
        message: `${showPart(cmd, 90)} is never used because the shell-form \`${show(entrypoint.instr, 60)}\` (line ${entrypoint.instr.range.line}${cmd.origin ? ` of ${model.file}` : ''}) runs under \`${entrypoint.argv.slice(0, -1).join(' ')}\` and ignores CMD.`,
        fix: `Write the ENTRYPOINT in exec form (\`ENTRYPOINT ${execArray(argv ?? ['/usr/local/bin/docker-entrypoint.sh'])}\`) so the CMD reaches it as arguments, or drop the CMD.`,
        ...placeOf(cmd),
      },
    ];
  },
};
