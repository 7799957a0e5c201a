// `exec $@`, `exec $*`, `exec "$*"`: the container's arguments are re-split or joined. Also
// when the program gets them as the final command of a path without exec (`node app.js $@`).
import { walkCommands, type Simple } from '../../model/script-syntax.js';
import type { Word } from '../../model/script-syntax.js';
import { argsMisuse, commandText, execTarget, staticValue } from '../../model/script-syntax.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, flowOf, scriptHit, shellScripts, sourceOf } from './common.js';

export const rule: StaticRule = {
  id: 'wrapper-unquoted-args',
  severity: 'warning',
  title: 'Wrapper passes arguments unquoted',
  description: '`exec $@`, `exec $*` and `exec "$*"` re-split the container\'s arguments on whitespace (and glob them) or join them into one.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const script of shellScripts(model, ['start'])) {
      const src = script.analysis.text;
      const programs: { cmd: Simple; target: Word[] }[] = [];
      walkCommands(script.analysis.body, (cmd) => {
        if (cmd.kind !== 'simple') return;
        const target = execTarget(cmd);
        if (target) programs.push({ cmd, target });
      });
      // The final command of a path is the program too, exec'd or not (in this file).
      const flow = flowOf(script, model);
      if (flow.complete) {
        for (const sig of flow.finals) if (sig.cmd.kind === 'simple' && sourceOf(script, sig.fn).wrapper === script.wrapper && !programs.some((p) => p.cmd === sig.cmd)) programs.push({ cmd: sig.cmd, target: sig.cmd.words });
      }
      for (const { cmd, target } of programs.sort((a, b) => a.cmd.start - b.cmd.start)) {
        // `eval $@` re-parses its arguments as shell text whatever the quoting: `"$@"` does not help there.
        if (target.length > 0 && staticValue(target[0]) === 'eval') continue;
        target.forEach((word, i) => {
          const misuse = argsMisuse(word);
          if (!misuse) return;
          // `sh -c "$*"` joins on purpose: the shell wants one command string.
          if (misuse.kind === 'joined' && staticValue(target[i - 1]) === '-c') return;
          const before = src.slice(cmd.start, word.start);
          const after = src.slice(word.end, cmd.end);
          const fixed = commandText(`${before}"$@"${after}`, { start: 0, end: before.length + 4 + after.length }, 90);
          const consequence =
            misuse.kind === 'joined'
              ? `joins all of the container's arguments into one, so \`docker run <image> --workers 4\` reaches the app as the single argument "--workers 4"`
              : `re-splits the container's arguments on whitespace and expands globs in them, so an argument like "my file" or "*.conf" reaches the app changed`;
          hits.push(scriptHit(script, word.start, word.end, `${code(word.raw)} in ${code(commandText(src, cmd))} ${consequence}.`, `Quote it as "$@": ${code(fixed)}.`));
        });
      }
    }
    return hits;
  },
};
