// `&&`, `||`, `|`, `;`, `>`, `<` as whole exec-form arguments: nothing is chained or redirected.
import { argvCommandLine } from '../../model/programs.js';
import type { RuleHit, StaticRule } from '../types.js';
import { baseName, execArray, execFormInstructions, placeOfInstr, show } from './format.js';

const OPERATORS = new Set(['&&', '||', '|', ';', '>', '>>', '<', '2>', '2>&1', '&>', '&']);

/** Programs that take some of these words as real arguments: `find … -exec cmd {} ;`, `test a < b`, `expr 1 \| 0`. */
const TAKES_OPERATORS = /^(find|test|\[|expr)$/;

/** The first whole argument that is a shell operator, if the program cannot mean it literally. */
export function operatorArgument(argv: string[]): string | undefined {
  if (argv.some((a) => TAKES_OPERATORS.test(baseName(a)))) return undefined;
  // A process manager that reads `&&` itself (`monofy check '&&' gunicorn …`): only the operators it does not know.
  const own = argv.flatMap((a) => argvCommandLine(a)?.operators ?? []);
  return argv.slice(1).find((a) => OPERATORS.has(a.trim()) && !own.includes(a.trim()));
}

function suggestion(keyword: string, argv: string[]): string {
  const words = argv.map((a) => (OPERATORS.has(a.trim()) || /^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a.trim() : `'${a.replace(/'/g, `'\\''`)}'`));
  if (keyword === 'HEALTHCHECK') return `Use the shell form for a compound check: \`HEALTHCHECK CMD ${words.join(' ')}\`.`;
  // The last command of the chain should replace the shell: `a && exec b`.
  let lastStart = 0;
  argv.forEach((a, i) => {
    if (a.trim() === '&&' || a.trim() === ';') lastStart = i + 1;
  });
  if (argv[lastStart] !== 'exec' && !argv.slice(lastStart).some((a) => a.trim() === '|' || a.trim() === '&')) words.splice(lastStart, 0, 'exec');
  return `Run it through a shell that execs the last program, \`${keyword} ${execArray(['/bin/sh', '-c', words.join(' ')])}\`, or move the steps into an entrypoint script that ends in \`exec "$@"\`.`;
}

export const rule: StaticRule = {
  id: 'shell-operator-in-exec-form',
  severity: 'error',
  title: 'Shell operator in exec form',
  description: 'Exec form runs no shell: `&&`, `|`, `;`, `>` are passed to the program as literal arguments and nothing is chained or redirected.',
  deployed: 'any',
  check(model) {
    const out: RuleHit[] = [];
    for (const instr of execFormInstructions(model, true)) {
      const argv = instr.exec!;
      const op = operatorArgument(argv);
      if (op === undefined) continue;
      out.push({
        message: `\`${show(instr)}\` is exec form, so \`${op.trim()}\` is passed to \`${argv[0]}\` as a literal argument and nothing after it is ${/[<>]/.test(op) ? 'redirected' : 'chained'}.`,
        fix: suggestion(instr.keyword, argv),
        ...placeOfInstr(model, instr),
      });
    }
    return out;
  },
};
