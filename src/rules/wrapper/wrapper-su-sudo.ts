// `su … -c` or `sudo` as the command the wrapper ends in: su/sudo stay PID 1 as the app's parent.
import type { BaseFamily } from '../../model/types.js';
import { walkCommands, type Simple } from '../../shell/structure.js';
import type { Word } from '../../shell/tokenize.js';
import { commandBase, commandText, execTarget, staticValue } from '../../shell/words.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, flowOf, scriptHit, shellScripts, sourceOf, type ScriptText } from './common.js';

/** `su … -c …` / `sudo …` at the head of these words: the tool's name, else undefined. */
function privilegeTool(words: Word[]): 'su' | 'sudo' | undefined {
  const base = commandBase(words[0]);
  if (base === 'sudo') return 'sudo';
  if (base === 'su' && words.slice(1).some((w) => /^(-c|--command(=.*)?|-[a-zA-Z]*c)$/.test(staticValue(w) ?? ''))) return 'su';
  return undefined;
}

function replacement(family: BaseFamily): string {
  if (family === 'alpine' || family === 'busybox' || family === 'wolfi') return '`exec su-exec app "$@"`';
  if (family === 'debian' || family === 'ubuntu') return '`exec gosu app "$@"` or `exec setpriv --reuid=app --regid=app --init-groups "$@"`';
  return '`exec gosu app "$@"`, `exec su-exec app "$@"` or `exec setpriv --reuid=app --regid=app --init-groups "$@"`';
}

export const rule: StaticRule = {
  id: 'wrapper-su-sudo',
  severity: 'warning',
  title: 'Wrapper drops privileges with su or sudo',
  description: 'su and sudo run the app as their child and stay as its parent, so PID 1 is never the app; gosu, su-exec and setpriv exec it instead.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const script of shellScripts(model, ['start'])) {
      const { analysis } = script;
      const found: { cmd: Simple; where: ScriptText }[] = [];
      walkCommands(analysis.body, (cmd, ctx) => {
        if (cmd.kind !== 'simple' || ctx.inSubstitution) return;
        const target = execTarget(cmd);
        if (target && privilegeTool(target)) found.push({ cmd, where: script });
      });
      const flow = flowOf(script);
      if (flow.complete) {
        for (const sig of flow.finals) if (sig.cmd.kind === 'simple' && privilegeTool(sig.cmd.words)) found.push({ cmd: sig.cmd, where: sourceOf(script, sig.fn) });
      }
      const seen = new Set<Simple>();
      for (const { cmd, where } of found.sort((a, b) => a.cmd.start - b.cmd.start)) {
        if (seen.has(cmd)) continue;
        seen.add(cmd);
        const tool = privilegeTool(execTarget(cmd) ?? cmd.words)!;
        const family = model.base.family;
        const busyboxSu = family === 'alpine' || family === 'busybox';
        const consequence =
          tool === 'sudo'
            ? 'sudo forks the command and stays PID 1 as its parent, so the app is never PID 1 and depends on sudo relaying signals to it'
            : busyboxSu
              ? "BusyBox su hands the command to the user's shell as one `-c` string, so the arguments are parsed a second time and a shell stays PID 1 (ignoring SIGTERM) whenever the string is more than one simple command"
              : 'su forks the command and stays PID 1 as its parent, and on SIGTERM it ends the session and SIGKILLs the app two seconds later';
        hits.push(scriptHit(where, cmd.start, cmd.end, `${code(commandText(where.analysis.text, cmd))}: ${consequence}.`, `Drop privileges with a tool that execs, such as ${replacement(family)}.`));
      }
    }
    return hits;
  },
};
