// ENTRYPOINT without a CMD after it, where a command was expected: Docker resets the inherited CMD.
import type { StaticRule } from '../types.js';
import { baseName, endsInExecArgs, needsProgram, peelExecWrappers, show, startWrapper } from './start-command.js';

export const rule: StaticRule = {
  id: 'entrypoint-resets-cmd',
  severity: 'warning',
  title: 'ENTRYPOINT resets the inherited CMD',
  description: 'Setting ENTRYPOINT resets the CMD inherited from the base stage or image: a wrapper that execs "$@" then execs nothing and the container exits at once.',
  check(model) {
    const { entrypoint: ep, cmd, resetCmd } = model.start;
    if (model.windows || !ep || ep.form !== 'exec' || ep.argv.length === 0 || cmd) return [];
    // Everything in the ENTRYPOINT is a wrapper that runs its arguments (tini --, gosu app, a script ending in exec "$@")?
    const onlyWrappers = peelExecWrappers(model, ep.argv) >= ep.argv.length;
    const last = [...ep.argv].reverse().find((w) => !w.startsWith('-')) ?? ep.argv[0]!;
    const script = startWrapper(model, last);
    const entry = `\`${show(ep.instr)}\``;
    if (resetCmd) {
      // A full program invocation (`["node", "dist/server.js"]`) that replaces a dev CMD on purpose is fine.
      const scriptLike = !script && ep.argv.length === 1 && /entrypoint|\.sh$/i.test(baseName(last));
      if (!onlyWrappers && !scriptLike) return [];
      const stage = model.stages[resetCmd.instr.stage];
      const where = ` (inherited from stage ${stage?.name ?? stage?.index ?? '?'})`;
      return [
        {
          message: `${entry} resets \`${show(resetCmd.instr, 60)}\` from line ${resetCmd.instr.range.line}${where}, so the entrypoint starts with no command and the container exits at once.`,
          fix: `Repeat the command after the ENTRYPOINT in this stage: \`${show(resetCmd.instr, 70)}\`.`,
          range: ep.instr.range,
        },
      ];
    }
    if (!onlyWrappers) return [];
    let consequence: string | undefined;
    if (script && endsInExecArgs(script.text, model)) consequence = `\`${script.imagePath}\` ends in \`exec "$@"\` with no arguments, so it execs nothing and the container exits as soon as the script finishes`;
    else {
      const init = ep.argv.find(needsProgram);
      if (init) consequence = `\`${baseName(init)}\` is given no program to run, so the container exits at once`;
    }
    if (!consequence) return [];
    return [
      {
        message: `${entry} has no CMD after it (setting ENTRYPOINT resets any CMD inherited from the base image), and ${consequence}.`,
        fix: 'Add the command after the ENTRYPOINT, e.g. `CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]`.',
        range: ep.instr.range,
      },
    ];
  },
};
