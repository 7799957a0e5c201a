// Exec-form ENTRYPOINT + shell-form CMD: the entrypoint receives `/bin/sh -c "<cmd>"`.
import { reachedByForwarding, shellLinkOf } from '../../model/start-chain.js';
import { asExecForm } from '../../model/command-strings.js';
import type { StaticRule } from '../types.js';
import { execArray, meantExecForm, show } from './format.js';
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
