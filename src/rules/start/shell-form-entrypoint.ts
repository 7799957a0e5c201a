// ENTRYPOINT in shell form: `/bin/sh -c` runs it, CMD and `docker run` arguments are dropped.
import type { StaticRule } from '../types.js';
import { execArray, meantExecForm, shellFate, show } from './start-command.js';
import { asExecForm, execsLastExplicitly } from './shell-text.js';

export const rule: StaticRule = {
  id: 'shell-form-entrypoint',
  severity: 'error',
  title: 'ENTRYPOINT in shell form',
  description:
    '`/bin/sh -c` runs a shell-form ENTRYPOINT: CMD and `docker run` arguments are silently dropped, and on dash-based images (Debian/Ubuntu) the shell stays PID 1 and never forwards SIGTERM.',
  check(model) {
    const ep = model.start.entrypoint;
    // A JSON-looking ENTRYPOINT that is not valid JSON is malformed-exec-form's finding.
    if (model.windows || !ep || ep.form !== 'shell' || meantExecForm(ep.instr)) return [];
    const command = ep.command ?? '';
    const shell = model.start.shell[0] ?? '/bin/sh';
    const fate = shellFate(shell, command, model.base);
    const dropped = `\`${show(ep.instr)}\` runs as \`${ep.argv.slice(0, -1).join(' ')}\`, so CMD and \`docker run <image> …\` arguments are silently dropped`;
    let tail: string;
    if (fate.kind === 'none') tail = `, and ${fate.clause}`;
    else if (execsLastExplicitly(command)) tail = ' (the leading `exec` only keeps the shell from staying PID 1)';
    else if (fate.implicitExec) tail = ` (${fate.kind === 'ash' ? 'BusyBox ash' : 'bash'} execs this simple command, but the arguments are still lost)`;
    else tail = `, and ${fate.clause}`;
    const argv = asExecForm(command);
    const fix = argv
      ? `Use exec form: \`ENTRYPOINT ${execArray(argv)}\`.`
      : 'Use exec form, moving the shell logic into a script that ends in `exec "$@"`: `ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]`.';
    return [{ message: `${dropped}${tail}.`, fix, range: ep.instr.range }];
  },
};
