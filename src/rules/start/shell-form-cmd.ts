// CMD in shell form as the start command (no ENTRYPOINT): the shell may stay PID 1.
import { shellLinkOf } from '../../model/start-chain.js';
import { asExecForm, commandsOf, execsLastExplicitly, lastCommand, trapsTerm } from '../../model/command-strings.js';
import { commandBase, walkCommands } from '../../model/script-syntax.js';
import type { DockerfileModel, StartPart } from '../../model/types.js';
import type { Autofix } from '../../findings.js';
import { autofix, insertInInstr, replaceInstr } from '../edits.js';
import { knownProgram } from '../../model/programs.js';
import type { StaticRule } from '../types.js';
import { execArray, meantExecForm, shellFate, show } from './format.js';

/** The shell form runs under the default `/bin/sh -c` (a SHELL such as `bash --login -c` sets things up that exec form would skip). */
export function defaultShell(part: StartPart): boolean {
  const shell = part.argv.slice(0, -1);
  return shell.length === 2 && shell[0] === '/bin/sh' && shell[1] === '-c';
}

/** The exec-form words of a shell form, unless they start another shell (`bash -c '…'` in exec form is shell-wrapper-in-exec-form's finding). */
export function execFormOf(model: DockerfileModel, part: StartPart): string[] | undefined {
  const argv = asExecForm(part.command ?? '');
  // A program name with a blank in it reads as a joined command line in exec form (exec-form-joined-words).
  if (!argv || knownProgram(argv[0]!)?.role === 'shell' || /\s/.test(argv[0]!)) return undefined;
  // The shell runs a script without `#!` itself; exec form hands it to the kernel, which refuses it.
  const noShebang = model.startChain.links.some((l) => l.kind === 'script' && l.part === part && l.wrapper && !/^\uFEFF?#!/.test(l.wrapper.text));
  return noShebang ? undefined : argv;
}

/**
 * `CMD node server.js` -> `CMD ["node", "server.js"]`: one simple command of plain words runs
 * the same without the shell. Safe under the default shell; with `exec` in front of the last
 * command otherwise (`CMD migrate && exec serve`), which only --fix-unsafe applies.
 */
export function fixShellFormCmd(model: DockerfileModel, cmd: StartPart): Autofix | undefined {
  return cmdToExecForm(model, cmd) ?? execLastFix(model, cmd);
}

/** The CMD rewritten in exec form, when it is one simple command of plain words (safe under the default shell). */
export function cmdToExecForm(model: DockerfileModel, cmd: StartPart): Autofix | undefined {
  const argv = execFormOf(model, cmd);
  return argv ? autofix(defaultShell(cmd), [replaceInstr(model, cmd.instr, `CMD ${execArray(argv)}`)]) : undefined;
}

/**
 * `CMD python manage.py migrate && gunicorn app.wsgi` -> `… && exec gunicorn app.wsgi`, `CMD
 * gunicorn --bind :$PORT app` -> `CMD exec gunicorn …`: the last command replaces the shell.
 * Unsafe (--fix-unsafe): the program now gets the signals, and the author's shell logic stays
 * as written. Only a plain last command on a one-line CMD, never a package manager or a shell.
 */
function execLastFix(model: DockerfileModel, cmd: StartPart): Autofix | undefined {
  const last = lastCommand(cmd.command ?? '');
  const first = last?.simple?.words[0];
  if (!last?.simple || !first || last.detached || last.simple.assigns.length > 0) return undefined;
  const base = commandBase(first);
  const role = base === undefined ? undefined : knownProgram(base)?.role;
  if (base === undefined || role === 'package-manager' || role === 'shell' || base === 'exec') return undefined;
  return autofix(false, [insertInInstr(model, cmd.instr, first.start, 'exec ')]);
}

/** Builtins that return at once. */
const RETURNS_AT_ONCE = new Set(['echo', 'printf', 'true', 'false', ':', 'exit']);

/** The command only prints and returns (`CMD echo "This base image has been run."`): no process for SIGTERM to reach. */
function onlyReturns(command: string): boolean {
  let any = false;
  let all = true;
  walkCommands(commandsOf(command), (c) => {
    any = true;
    if (c.kind !== 'simple' || !RETURNS_AT_ONCE.has(commandBase(c.words[0]) ?? '')) all = false;
  });
  return any && all;
}

export const rule: StaticRule = {
  id: 'shell-form-cmd',
  severity: 'warning',
  title: 'CMD in shell form',
  description:
    "A shell-form CMD runs under `/bin/sh -c`: the shell may stay PID 1 and swallow SIGTERM (always on Debian's dash; BusyBox ash and bash exec a simple last command).",
  check(model) {
    const { entrypoint, cmd } = model.start;
    if (model.windows || !cmd || cmd.form !== 'shell' || meantExecForm(cmd.instr) || (entrypoint && entrypoint.argv.length > 0)) return [];
    const command = cmd.command ?? '';
    // `exec app` (or a trap that forwards the signal) is the deliberate way to use the shell form.
    if (execsLastExplicitly(command) || trapsTerm(command)) return [];
    if (onlyReturns(command)) return [];
    const shell = shellLinkOf(model, cmd);
    if (!shell) return [];
    const fate = shellFate(shell, model.base);
    const argv = asExecForm(command);
    const fix = argv
      ? `Use exec form: \`CMD ${execArray(argv)}\`.`
      : 'Use exec form, or prefix the last command with `exec` so it replaces the shell (e.g. `CMD python manage.py migrate && exec gunicorn app.wsgi`).';
    // ash and bash replace themselves with a last simple command: the app is PID 1 today.
    const severity = fate.implicitExec ? 'info' : undefined;
    const edits = fixShellFormCmd(model, cmd);
    return [{ message: `\`${show(cmd.instr)}\` runs under \`${cmd.argv.slice(0, -1).join(' ')}\`, and ${fate.clause}.`, fix, range: cmd.instr.range, ...(severity ? { severity } : {}), ...(edits ? { autofix: edits } : {}) }];
  },
};
