// ENTRYPOINT in shell form: `/bin/sh -c` runs it, CMD and `docker run` arguments are dropped.
import { shellLinkOf } from '../../model/start-chain.js';
import type { StaticRule } from '../types.js';
import { asExecForm, execsLastExplicitly } from '../../model/command-strings.js';
import { execArray, meantExecForm, shellFate, show } from './format.js';
import type { DockerfileModel, StartPart } from '../../model/types.js';
import type { Autofix } from '../../findings.js';
import { autofix, replaceInstr } from '../edits.js';
import { defaultShell, execFormOf } from './shell-form-cmd.js';

/**
 * `ENTRYPOINT node server.js` -> `ENTRYPOINT ["node", "server.js"]` for one simple command of
 * plain words. Safe when no CMD is in effect (exec form would now append it to the program's
 * arguments: unsafe) and the shell is the default one.
 */
export function fixShellFormEntrypoint(model: DockerfileModel, ep: StartPart): Autofix | undefined {
  const argv = execFormOf(model, ep);
  if (!argv) return undefined;
  return autofix(defaultShell(ep) && !model.start.cmd, [replaceInstr(model, ep.instr, `ENTRYPOINT ${execArray(argv)}`)]);
}

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
    const shell = shellLinkOf(model, ep);
    if (!shell) return [];
    const command = ep.command ?? '';
    const fate = shellFate(shell, model.base);
    const dropped = `\`${show(ep.instr)}\` runs as \`${ep.argv.slice(0, -1).join(' ')}\`, so CMD and \`docker run <image> …\` arguments are silently dropped`;
    const explicit = execsLastExplicitly(command);
    let tail: string;
    if (fate.kind === 'none' || !shell.replaced) tail = `, and ${fate.clause}`;
    else if (explicit) tail = ' (the leading `exec` keeps the shell from staying PID 1)';
    else {
      // What the shell execs: a start script the chain follows is PID 1, not yet the app (whether it hands over is its own finding).
      const next = model.startChain.links[model.startChain.links.indexOf(shell) + 1];
      const pid1 = next?.kind === 'script' ? `\`${next.word}\`` : 'the app';
      tail = ` (${fate.kind === 'ash' ? 'BusyBox ash' : 'bash'} execs this simple command, so ${pid1} is PID 1)`;
    }
    const argv = asExecForm(command);
    const fix = argv
      ? `Use exec form: \`ENTRYPOINT ${execArray(argv)}\`.`
      : 'Use exec form, moving the shell logic into a script that ends in `exec "$@"`: `ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]`.';
    // When the program replaces the shell it is PID 1 and gets SIGTERM, but the contract is still
    // broken: `docker run <image> --flag` (and a CMD) never reach it. The severity follows that
    // effect; the shell staying PID 1 makes it an error.
    const severity = fate.kind !== 'none' && shell.replaced && !model.start.cmd ? 'warning' : undefined;
    const edits = fixShellFormEntrypoint(model, ep);
    return [{ message: `${dropped}${tail}.`, fix, range: ep.instr.range, ...(severity ? { severity } : {}), ...(edits ? { autofix: edits } : {}) }];
  },
};
