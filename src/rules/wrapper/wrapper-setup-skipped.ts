// A wrapper runs its set-up (migrations, collectstatic, a wait for the database) only when its
// first argument is one exact command (`if [ "$1" = "gunicorn" ]; then … fi; exec "$@"`), and
// the image starts it with another: as the image starts, the set-up never runs. Followed as the
// image starts the wrapper (its CMD as the arguments), against any command given.
import { flowIn } from '../../model/scripts.js';
import { baseName } from '../../model/programs.js';
import { commandBase, commandText, functionBody, isPlumbing, paramUses, staticValue, walkCommands, type FuncDef, type IfClause, type Simple, type Stmt } from '../../model/script-syntax.js';
import type { ChainLink, DockerfileModel } from '../../model/types.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, scriptHit, shellScripts } from './common.js';

const TESTS = new Set(['[', 'test', '[[']);

/** The literals a condition says `$1` equals (`[ "$1" = "gunicorn" ]`, `[[ $1 == celery ]]`). */
function commandWordsTested(cond: Stmt[]): string[] {
  const out: string[] = [];
  walkCommands(cond, (cmd) => {
    if (cmd.kind !== 'simple' || !TESTS.has(commandBase(cmd.words[0]) ?? '')) return;
    const w = cmd.words;
    for (let i = 2; i + 1 < w.length; i++) {
      const op = staticValue(w[i]);
      if (op !== '=' && op !== '==') continue;
      const [a, b] = [w[i - 1]!, w[i + 1]!];
      // `$1`, `${1}`, `${1:-}`: the first argument (a default only matters when there is none).
      const first = (x: typeof a) => paramUses(x).some((u) => u.param.name === '1' && ['', '-', ':-'].includes(u.param.op));
      const literal = first(a) ? staticValue(b) : first(b) ? staticValue(a) : undefined;
      if (literal) out.push(literal);
    }
  });
  return out;
}

/**
 * The body goes on to what follows the `if`: neither it nor a function it calls execs, exits
 * or returns. It is set-up for the command the script runs next, not a mode of its own.
 */
function fallsThrough(body: Stmt[], functions: Map<string, FuncDef>, seen = new Set<string>()): boolean {
  let ends = false;
  walkCommands(body, (cmd, ctx) => {
    if (ends || ctx.inFunction || cmd.kind !== 'simple') return;
    const base = commandBase(cmd.words[0]) ?? '';
    if (['exec', 'exit', 'return'].includes(base)) ends = true;
    const fn = functions.get(base);
    if (fn?.body && !seen.has(base)) {
      seen.add(base);
      if (!fallsThrough(functionBody(fn), functions, seen)) ends = true;
    }
  });
  return !ends;
}

/** The body's first command that does work (not a message, a test or a `mkdir`). */
function firstStep(body: Stmt[]): Simple | undefined {
  let step: Simple | undefined;
  walkCommands(body, (cmd, ctx) => {
    if (step || ctx.inFunction || ctx.inCondition || cmd.kind !== 'simple' || cmd.words.length === 0) return;
    if (!isPlumbing(cmd)) step = cmd;
  });
  return step;
}

/** `python -m gunicorn`, `/usr/local/bin/gunicorn`: the program a command word names. */
function programOf(args: string[]): string {
  const first = baseName(args[0] ?? '');
  if (/^python[0-9.]*$/.test(first) && args[1] === '-m' && args[2]) return args[2];
  return first;
}

function skippedSetup(model: DockerfileModel, link: ChainLink): RuleHit[] {
  const { wrapper, runArgs } = link;
  if (!wrapper || !runArgs || runArgs.length === 0) return [];
  const script = shellScripts(model, ['start']).find((s) => s.wrapper === wrapper);
  if (!script) return [];
  const run = flowIn(wrapper, model.wrappers, { kind: 'run', args: runArgs });
  const anyCommand = flowIn(wrapper, model.wrappers, { kind: 'override' });
  if (!run.complete || !anyCommand.complete) return [];
  const own = new Set<IfClause>();
  walkCommands(script.analysis.body, (cmd, ctx) => {
    if (cmd.kind === 'if' && !ctx.inFunction) for (const c of cmd.clauses) own.add(c);
  });
  const hits: RuleHit[] = [];
  for (const clause of run.skipped) {
    if (!own.has(clause) || anyCommand.skipped.includes(clause) || !fallsThrough(clause.body, script.functions)) continue;
    const tested = commandWordsTested(clause.cond);
    const step = firstStep(clause.body);
    if (tested.length === 0 || !step) continue;
    const given = programOf(runArgs);
    // The condition names the image's own program, spelled another way: the set-up was meant for it.
    const sameProgram = tested.some((t) => baseName(t) === given);
    const a = script.analysis;
    const condLine = a.lineOf(clause.cond[0]!.start) + wrapper.lineOffset;
    const started = code(runArgs.join(' '));
    const names = tested.map((t) => code(t)).join(' or ');
    hits.push({
      ...scriptHit(
        script,
        step.start,
        step.end,
        `${code(commandText(a.text, step))} runs only when the command is ${names} (line ${condLine}), but the image starts ${wrapper.imagePath} with ${started}: as the image starts, this set-up never runs${sameProgram ? ` although ${started} is ${code(given)} too` : ''}.`,
        sameProgram
          ? `Compare the program's name, not its spelling (\`case "$(basename "$1")" in ${given}) … esac\`), or write the CMD as ${code(given)}.`
          : `If the image's command needs this set-up, add it to the condition (\`[ "$1" = ${given} ]\`); if it is meant for another image sharing the script, nothing to do.`,
      ),
      ...(sameProgram ? {} : { severity: 'info' as const }),
    });
  }
  return hits;
}

export const rule: StaticRule = {
  id: 'wrapper-setup-skipped',
  severity: 'warning',
  title: 'Wrapper set-up skipped as the image starts',
  description: 'The wrapper runs its set-up only for one exact command, and the image starts it with another: the migrations or checks never run.',
  check(model) {
    if (model.windows) return [];
    return model.startChain.links.filter((l) => l.kind === 'script').flatMap((l) => skippedSetup(model, l));
  },
};
