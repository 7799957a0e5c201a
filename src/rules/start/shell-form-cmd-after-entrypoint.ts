// Exec-form ENTRYPOINT + shell-form CMD: the entrypoint receives `/bin/sh -c "<cmd>"`.
import { parentInit, reachedByForwarding, shellLinkOf } from '../../model/start-chain.js';
import type { ChainLink, DockerfileModel } from '../../model/types.js';
import { asExecForm } from '../../model/command-strings.js';
import type { StaticRule } from '../types.js';
import { execArray, meantExecForm, shellFate, show } from './format.js';
import { withAutofix } from '../edits.js';
import { cmdToExecForm } from './shell-form-cmd.js';

export const rule: StaticRule = {
  id: 'shell-form-cmd-after-entrypoint',
  severity: 'error',
  title: 'Shell-form CMD after exec-form ENTRYPOINT',
  description: 'With an exec-form ENTRYPOINT, a shell-form CMD is passed to it as `/bin/sh -c "<cmd>"`: the entrypoint gets a shell and a string instead of the arguments it expects.',
  check(model) {
    const { entrypoint, cmd } = model.start;
    if (model.windows || !entrypoint || entrypoint.form !== 'exec' || entrypoint.argv.length === 0) return [];
    // A JSON-looking CMD that is not valid JSON is malformed-exec-form's finding.
    if (!cmd || cmd.form !== 'shell' || meantExecForm(cmd.instr)) return [];
    // An entrypoint that execs its arguments (`exec "$@"`) runs `/bin/sh -c "<cmd>"` as given:
    // when that shell in turn replaces itself with the program, the program ends up PID 1.
    const shell = shellLinkOf(model, cmd);
    if (shell && shell.replaced && reachedByForwarding(model, shell)) return [];
    const shellArgs = cmd.argv.slice(0, -1).join(' ');
    const command = cmd.command ?? '';
    const argv = asExecForm(command);
    // The ENTRYPOINT is an init (`tini --`) that runs the command as given: `/bin/sh -c` is what
    // it should run, and the defect is the shell left between the init and the program (behind
    // one that signals the process group too: the shell dies of SIGTERM at once and the init
    // exits with its child).
    const init = shell ? initRunningShell(model, shell) : undefined;
    if (shell && init) {
      const fate = shellFate(shell, model.base, 'the program', init.name, init.groupSignals === true);
      return [
        {
          message: `\`${show(cmd.instr)}\` is shell form, so \`${init.name}\` runs it under \`${shellArgs}\`, and ${fate.clause}.`,
          fix: argv
            ? `Write the CMD in exec form: \`CMD ${execArray(argv)}\`.`
            : `Start the last command with \`exec\` so the shell replaces itself with it (\`CMD exec ${command.trim()}\`), or write the CMD in exec form.`,
          range: cmd.instr.range,
          ...withAutofix(cmdToExecForm(model, cmd)),
        },
      ];
    }
    return [
      {
        message: `\`${show(cmd.instr)}\` is shell form, so the ENTRYPOINT \`${entrypoint.argv[0]}\` receives \`${shellArgs} "${command.trim()}"\` as its arguments instead of the command's words.`,
        fix: argv
          ? `Write the CMD in exec form: \`CMD ${execArray(argv)}\`.`
          : 'Write the CMD in exec form (`CMD ["gunicorn", "app.wsgi"]`), moving any shell logic into the entrypoint script.',
        range: cmd.instr.range,
        // The same rewrite as shell-form-cmd's: the entrypoint then gets the command's words.
        ...withAutofix(cmdToExecForm(model, cmd)),
      },
    ];
  },
};

/** The init that the ENTRYPOINT is, when it runs the CMD's shell itself as its child (only inits and pass-throughs before it). */
function initRunningShell(model: DockerfileModel, shell: ChainLink): ChainLink | undefined {
  const init = parentInit(model, shell);
  if (!init) return undefined;
  const links = model.startChain.links;
  const between = links.slice(links.indexOf(init) + 1, links.indexOf(shell));
  return between.every((l) => l.kind === 'passthrough') ? init : undefined;
}
