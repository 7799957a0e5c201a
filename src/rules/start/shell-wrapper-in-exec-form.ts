// `["sh", "-c", "<cmd>"]` whose command does not end by exec'ing the program: the shell can stay PID 1.
import { asExecForm, execsLastExplicitly, lastCommand, trapsTerm } from '../../model/command-strings.js';
import { parentInit } from '../../model/start-chain.js';
import type { RuleHit, StaticRule } from '../types.js';
import { execArray, placeOf, shellFate, showPart, showText } from './format.js';

export const rule: StaticRule = {
  id: 'shell-wrapper-in-exec-form',
  severity: 'warning',
  title: 'Shell wrapper without exec',
  description: 'An exec-form `sh -c "<cmd>"` start command whose command is not exec\'d leaves the shell as PID 1, where it can swallow SIGTERM.',
  deployed: 'service',
  check(model) {
    const out: RuleHit[] = [];
    for (const [k, shell] of model.startChain.links.entries()) {
      // Shell forms are shell-form-entrypoint's and shell-form-cmd's business.
      if (shell.kind !== 'shell' || shell.command === undefined || shell.part.form !== 'exec' || shell.origin) continue;
      // `su app -c '<cmd>'`: su's own shell, which cannot be dropped without the privilege drop (wrapper-su-sudo's business).
      const before = model.startChain.links[k - 1];
      if (before?.kind === 'privdrop' && (before.name === 'su' || before.name === 'runuser')) continue;
      const script = shell.command;
      const part = shell.part;
      if (execsLastExplicitly(script) || trapsTerm(script)) continue;
      const lastWords = lastCommand(script)?.words ?? [];
      const program = lastWords[0] ? `\`${lastWords[0]}\`` : 'the program';
      // Under an init the shell is the init's child, not PID 1 (`tini -g -- limits.sh sh -c "migrate && server"`
      // with limits.sh exec'ing "$@", supabase/supavisor). Either way the shell dies of SIGTERM at
      // once and the program goes down with the container (shellFate says how).
      const init = parentInit(model, shell);
      const fate = shellFate(shell, model.base, program, init?.name, init?.groupSignals === true);
      const direct = asExecForm(script);
      const fix = direct
        ? `Drop the shell and run the program directly: \`${part.instr.keyword} ${execArray(direct)}\`.`
        : `End the script by replacing the shell with the program: \`… exec ${showText(lastWords.join(' '), 50)}\`.`;
      // A deployment that runs from a developer's checkout is stopped by a developer, not drained by a deploy.
      const dev = part.origin?.devSetup;
      out.push({
        message: `${showPart(part, 90)} runs \`${showText(script, 60)}\` under \`${shell.word}\` without \`exec\`, and ${fate.clause}.${dev ? ` Low impact here: ${dev}.` : ''}`,
        fix,
        ...placeOf(part),
        // ash and bash replace themselves with a last simple command: the program is PID 1 today.
        ...(fate.implicitExec || dev ? { severity: 'info' as const } : {}),
      });
    }
    return out;
  },
};
