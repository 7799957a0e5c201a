// The wrapper runs the main process as its own child: the shell stays PID 1.
import { ownDevelopmentMark } from '../../model/dev-image.js';
import { containerAction } from '../../model/github-action.js';
import { baseName, controlScriptChild, execThrough, interactiveShell, interpreterOf, isArgvScheduler, knownProgram, programRun } from '../../model/programs.js';
import { commandBase, commandText, functionBody, staticValue, walkCommands, wordTexts, type Command, type FlowResult, type Sig, type Simple, type Stmt } from '../../model/script-syntax.js';
import type { Autofix } from '../../findings.js';
import type { DockerfileModel } from '../../model/types.js';
import { autofix, scriptEdit } from '../edits.js';
import type { RuleHit, StaticRule } from '../types.js';
import { signalName } from '../../model/signals.js';
import { code, flowOf, initProcess, scriptHit, shellScripts, sourceOf, type ShellScript } from './common.js';

/** The script sets a trap (an EXIT or signal handler that `exec` would drop). */
function setsTrap(script: ShellScript): boolean {
  let found = false;
  walkCommands(script.analysis.body, (cmd) => {
    if (cmd.kind === 'simple' && commandBase(cmd.words[0]) === 'trap') found = true;
  });
  return found;
}

/**
 * The function is called once, as the script's last top-level command (`docker_switch_user
 * "$@"` at the end): an `exec` inside it ends the script where it was ending anyway.
 */
function calledLastOnly(script: ShellScript, name: string): boolean {
  let calls = 0;
  walkCommands(script.analysis.body, (cmd) => {
    if (cmd.kind === 'simple' && commandBase(cmd.words[0]) === name) calls++;
  });
  const last = script.analysis.body[script.analysis.body.length - 1];
  const cmd = last && !last.background && last.andOr.rest.length === 0 && last.andOr.first.commands.length === 1 ? last.andOr.first.commands[0] : undefined;
  return calls === 1 && cmd?.kind === 'simple' && commandBase(cmd.words[0]) === name;
}

/**
 * `"$@"` -> `exec "$@"`, `node server.js` -> `exec node server.js` where the command is
 * written (the script, or the file defining the function it is in): never onto a package
 * manager (`exec npm start` keeps npm as PID 1), a function or a builtin (exec runs programs
 * only), a command with `VAR=x` in front, or inside a function called from anywhere but the
 * script's last line. Safe without traps (exec would drop an EXIT handler: unsafe then).
 */
export function fixMissingExec(model: DockerfileModel, script: ShellScript, sig: Sig): Autofix | undefined {
  if (sig.cmd.kind !== 'simple' || sig.cmd.assigns.length > 0) return undefined;
  if (sig.fn && !calledLastOnly(script, sig.fn.name)) return undefined;
  const first = sig.cmd.words[0];
  if (!first) return undefined;
  if (sig.kind === 'program') {
    const base = commandBase(first);
    if (base === undefined || !/^[\w.+-]+$/.test(base) || script.functions.has(base) || BUILTINS.has(base)) return undefined;
    // Behind a dropper or an env (`gosu app npm start`) the package manager would still be PID 1.
    if (sig.cmd.words.some((w) => knownProgram(commandBase(w) ?? '')?.role === 'package-manager')) return undefined;
  }
  // `eval $@` -> `eval exec $@`: exec cannot run the builtin eval, eval runs the exec.
  const at = commandBase(first) === 'eval' ? sig.cmd.words[1]?.start : first.start;
  if (at === undefined) return undefined;
  const where = sourceOf(script, sig.fn);
  return autofix(!setsTrap(script), [scriptEdit(model, where.wrapper, where.analysis, at, at, 'exec ')]);
}

/**
 * `"$@"` or `eval $@` inside a function runs the function's arguments: the call that hands it
 * a command to serve (`run "bundle exec puma -C config/puma.rb"`), the first one that is not a
 * one-shot step, with its line; undefined when nothing calls it.
 */
function callOf(script: ShellScript, fn: string): { text: string; line: number } | undefined {
  const calls: Simple[] = [];
  const visit = (cmd: Command) => {
    if (cmd.kind === 'simple' && commandBase(cmd.words[0]) === fn) calls.push(cmd);
  };
  walkCommands(script.analysis.body, visit);
  for (const f of script.functions.values()) if (f.body && f.name !== fn) walkCommands(functionBody(f), visit);
  const served = calls.find((c) => programRun(wordTexts(c.words.slice(1)).flatMap((w) => w.split(/\s+/)).filter(Boolean)) !== 'one-shot') ?? calls[0];
  if (!served) return undefined;
  return { text: script.analysis.text.slice(served.start, served.end), line: script.analysis.lineOf(served.start) + script.wrapper.lineOffset };
}

/** Shell builtins: `exec` cannot run them. */
const BUILTINS = new Set(['cd', 'echo', 'printf', 'read', 'wait', 'set', 'export', 'eval', 'source', '.', 'test', '[', 'true', 'false', ':', 'exit', 'return', 'trap', 'shift', 'ulimit', 'umask', 'command', 'type', 'hash', 'alias', 'kill', 'let', 'local']);

/** Programs an app's output is piped into for logging: `node server.js | tee app.log`. */
const LOG_SINKS = new Set(['tee', 'logger', 'cat', 'sed', 'awk', 'grep', 'ts', 'multilog', 'cronolog', 'rotatelogs', 'svlogd', 's6-log', 'pino-pretty', 'bunyan', 'jq']);

/** Commands a TERM trap stops with: it signals the child, or ends the shell. */
const STOPS = new Set(['kill', 'pkill', 'killall', 'exit']);

/**
 * Does the script trap the stop signal (TERM, or the image's STOPSIGNAL: `STOPSIGNAL SIGINT`
 * with `trap cleanup SIGINT`) with an action that stops (`kill` the child, or `exit`), written in
 * the trap or in a function of the script it calls? A handler that only logs and sleeps
 * (`graceful_shutdown() { sleep 60; }`) forwards nothing: the child still never sees SIGTERM.
 */
function trapsTerm(script: ShellScript, model: DockerfileModel): boolean {
  const stop = model.start.stopSignal ? signalName(model.start.stopSignal.value) : 'SIGTERM';
  const caught = (w: string) => {
    const name = signalName(w);
    return name === 'SIGTERM' || name === stop;
  };
  const stops = (stmts: Parameters<typeof walkCommands>[0]): boolean => {
    let found = false;
    walkCommands(stmts, (cmd) => {
      if (cmd.kind === 'simple' && STOPS.has(commandBase(cmd.words[0]) ?? '')) found = true;
    });
    return found;
  };
  let found = false;
  walkCommands(script.analysis.body, (cmd) => {
    if (cmd.kind !== 'simple' || commandBase(cmd.words[0]) !== 'trap') return;
    if (!cmd.words.slice(2).some((w) => caught(staticValue(w) ?? ''))) return;
    const action = (staticValue(cmd.words[1]!) ?? cmd.words[1]?.raw ?? '').split(/[\s;&|(){}]+/).filter(Boolean);
    if (action.some((w) => STOPS.has(w))) found = true;
    for (const w of action) {
      const fn = script.functions.get(w);
      if (fn && stops(functionBody(fn))) found = true;
    }
  });
  return found;
}

/** Programs whose job is named by their first operand (`sh backup.sh`, `python manage.py clearsessions`). */
const runsScript = (base: string) => interpreterOf(base) !== undefined || knownProgram(base)?.role === 'shell' || base === 'bun' || base === 'deno';

/**
 * The words that name the job a final command runs, base names of paths: `backup.sh` for
 * `sh backup.sh`, `manage.py clearsessions` for `python manage.py clearsessions`, the program
 * for anything else. Undefined when a word is not static.
 */
function jobWords(sig: Sig): string[] | undefined {
  if (sig.cmd.kind !== 'simple') return undefined;
  const [w0, ...rest] = sig.cmd.words;
  const base = commandBase(w0);
  if (base === undefined) return undefined;
  if (!runsScript(base)) return [base];
  const operands = rest.filter((w) => !w.raw.startsWith('-')).map((w) => commandBase(w));
  if (operands.length === 0 || operands.some((o) => o === undefined)) return undefined;
  return operands as string[];
}

/**
 * The text the script writes into a crontab (`echo "$SCHEDULE /bin/sh /backup.sh" >
 * /etc/crontabs/root`, `… | crontab -`, a heredoc into /etc/cron.d/…): what it schedules.
 */
function cronText(script: ShellScript): string {
  const { text } = script.analysis;
  const lineOf = (at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, (text.indexOf('\n', at) + 1 || text.length + 1) - 1);
  let out = '';
  walkCommands(script.analysis.body, (cmd) => {
    if (cmd.kind !== 'simple') return;
    const intoCron = cmd.redirs.some((r) => /cron/.test(r.target?.raw ?? ''));
    if (!intoCron && commandBase(cmd.words[0]) !== 'crontab') return;
    out += `${lineOf(cmd.start)}\n`;
    for (const r of cmd.redirs) if (r.heredoc) out += `${text.slice(r.heredoc.bodyStart, r.heredoc.bodyEnd)}\n`;
  });
  return out;
}

/**
 * The commands the script hands to a scheduler that takes its job as arguments (`exec go-cron
 * "$SCHEDULE" /bin/sh backup.sh` on the path where a schedule is set): one line each.
 */
function schedulerText(flow: ReturnType<typeof flowOf>): string {
  return flow.handovers
    .map((h) => wordTexts(h.cmd.words))
    .filter((words) => words.some((w) => isArgvScheduler(w)))
    .map((words) => `${words.join(' ')}\n`)
    .join('');
}

/** Is the job this final command runs also scheduled by the script, with cron or a scheduler (so one that ends)? */
function scheduledJob(sig: Sig, cron: string): boolean {
  const words = jobWords(sig);
  if (!words || cron === '') return false;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Every word on one crontab line, each as a whole word or a path's last component.
  return cron.split('\n').some((line) => words.every((w) => new RegExp(`(^|[\\s/'"=])${escape(w)}([\\s'";]|$)`).test(line)));
}

/** Commands a loop condition waits on forever: a constant, or a file watcher. */
const ENDLESS = new Set(['true', ':', 'inotifywait', 'fswatch', 'entr']);

/** `while true` (or a watcher) whose body has none of the `exits` that leave it: the shell holds here for ever. */
function endlessLoop(cmd: Command, exits: readonly string[]): boolean {
  if (cmd.kind !== 'while') return false;
  const cond = cmd.cond[cmd.cond.length - 1]?.andOr.first.commands[0];
  if (cond?.kind !== 'simple' || !ENDLESS.has(commandBase(cond.words[0]) ?? '')) return false;
  let leaves = false;
  walkCommands(cmd.body, (c) => {
    if (c.kind === 'simple' && exits.includes(commandBase(c.words[0]) ?? '')) leaves = true;
  });
  return !leaves;
}

/**
 * A daemon that forks into the background (`nginx`, `php-fpm`, `crond`) started at the top
 * level, and after it an endless loop (`while true`, `while inotifywait …`) with no way out:
 * the shell stays PID 1 forever, and SIGTERM never reaches the daemon.
 */
function daemonUnderLoop(script: ShellScript): { daemon: Simple; loop: Command } | undefined {
  let daemon: Simple | undefined;
  for (const stmt of script.analysis.body) {
    if (stmt.background || stmt.andOr.rest.length > 0 || stmt.andOr.first.commands.length !== 1) continue;
    const cmd = stmt.andOr.first.commands[0]!;
    if (cmd.kind === 'simple') {
      const words = cmd.words.map((w) => staticValue(w));
      if (!daemon && words.every((w) => w !== undefined) && programRun(words as string[]) === 'daemon') daemon = cmd;
      continue;
    }
    if (daemon && endlessLoop(cmd, ['break', 'exit', 'return', 'exec'])) return { daemon, loop: cmd };
  }
  return undefined;
}

/** The first program a statement list starts with `&` (inside if/case/group bodies too), not a one-shot step. */
function backgroundJob(stmts: Stmt[], depth = 0): Simple | undefined {
  if (depth > 8) return undefined;
  for (const stmt of stmts) {
    const cmd = stmt.andOr.first.commands[stmt.andOr.first.commands.length - 1];
    if (!cmd) continue;
    if (stmt.background && stmt.andOr.rest.length === 0 && cmd.kind === 'simple' && cmd.words.length > 0 && programRun(wordTexts(cmd.words)) !== 'one-shot') return cmd;
    const bodies = cmd.kind === 'if' ? [...cmd.clauses.map((c) => c.body), ...(cmd.elseBody ? [cmd.elseBody] : [])] : cmd.kind === 'case' ? cmd.items.map((i) => i.body) : cmd.kind === 'group' ? [cmd.body] : [];
    for (const body of bodies) {
      const job = backgroundJob(body, depth + 1);
      if (job) return job;
    }
  }
  return undefined;
}

/**
 * An endless loop at the top level (`while true`) with no way out that starts the programs
 * itself in the background and restarts them (`if [ $(pgrep apache2 | wc -l) -eq 0 ]; then
 * apache2-foreground & fi; sleep 5`): a watchdog written in shell, which stays PID 1 forever.
 */
function jobUnderLoop(script: ShellScript): { job: Simple; loop: Command } | undefined {
  for (const stmt of script.analysis.body) {
    if (stmt.background || stmt.andOr.rest.length > 0 || stmt.andOr.first.commands.length !== 1) continue;
    const cmd = stmt.andOr.first.commands[0]!;
    // Nothing after a top-level `exec …` or `exit` runs.
    const base = cmd.kind === 'simple' ? commandBase(cmd.words[0]) : undefined;
    if (cmd.kind === 'simple' && (base === 'exit' || (base === 'exec' && cmd.words.length > 1))) return undefined;
    if (cmd.kind !== 'while') continue;
    // A loop that waits for its jobs is their parent doing its work, not a watchdog.
    const job = endlessLoop(cmd, ['break', 'exit', 'return', 'exec', 'wait']) ? backgroundJob(cmd.body) : undefined;
    if (job) return { job, loop: cmd };
  }
  return undefined;
}

/** Words that start the next word's program detached from the terminal or the session (`nohup java … &`). */
const DETACHERS = new Set(['nohup', 'setsid']);

/**
 * The script's only program runs in the background: every path runs off the end (no command in
 * the foreground there, no `exec`, no `wait`, no endless loop) after starting a job that is not
 * a one-shot step. Undefined otherwise.
 */
function jobLeftBehind(flow: FlowResult, loopHeld: unknown, script: ShellScript): { sig: Sig; program?: string; detacher?: string } | undefined {
  if (!flow.quietEnd || flow.finals.length > 0 || flow.handovers.length > 0 || flow.execs.length > 0 || loopHeld || setsTrap(script)) return undefined;
  // Any `wait` (`wait $PID` too, in a restart loop or a handler) may hold the shell there, and
  // so may a loop that runs for ever or polls (`while true`, `while pgrep java; do sleep 5; done`).
  let holds = false;
  const visit = (cmd: Command) => {
    if (cmd.kind === 'simple' && commandBase(cmd.words[0]) === 'wait') holds = true;
    if (cmd.kind !== 'while' && cmd.kind !== 'until') return;
    const cond = cmd.cond[cmd.cond.length - 1]?.andOr.first.commands[0];
    if (cond?.kind === 'simple' && ENDLESS.has(commandBase(cond.words[0]) ?? '')) holds = true;
    walkCommands(cmd.body, (c) => {
      if (c.kind === 'simple' && commandBase(c.words[0]) === 'sleep') holds = true;
    });
  };
  walkCommands(script.analysis.body, visit);
  for (const fn of script.functions.values()) walkCommands(functionBody(fn), visit);
  if (holds) return undefined;
  for (const sig of flow.background) {
    if (sig.cmd.kind !== 'simple') continue;
    const words = wordTexts(sig.cmd.words);
    const at = words.findIndex((w) => !DETACHERS.has(baseName(w)));
    if (at < 0 || programRun(words.slice(at)) === 'one-shot') continue;
    // The program as the message names it: undefined when its word is not static (`$JAVACMD`).
    const program = commandBase(sig.cmd.words[at]);
    return { sig, ...(program ? { program } : {}), ...(at > 0 ? { detacher: baseName(words[0]!) } : {}) };
  }
  return undefined;
}

/** The final command is a step that runs once and returns, as the program table reads its words. */
function oneShot(sig: Sig): boolean {
  if (sig.cmd.kind !== 'simple') return false;
  return programRun(wordTexts(sig.cmd.words)) === 'one-shot';
}

/**
 * The command with `exec` in front of its program word: after any `VAR=x` assignments
 * (`HOSTNAME=0.0.0.0 exec node server.js`), since `exec HOSTNAME=0.0.0.0 node …` would look for
 * a program named `HOSTNAME=0.0.0.0`.
 */
function withExec(sig: Sig, text: string): string {
  if (sig.cmd.kind !== 'simple' || sig.cmd.assigns.length === 0) return `exec ${text}`;
  const prefix = sig.cmd.assigns.map((w) => w.raw).join(' ');
  // `exec env VAR=x cmd` where the assignments are not written plainly at the start.
  if (!text.startsWith(`${prefix} `)) return `exec env ${text}`;
  return `${prefix} exec ${text.slice(prefix.length + 1)}`;
}

/** The program the command runs, past the droppers and inits that exec it (`gosu app python …` runs python). */
function programName(sig: Sig): string {
  const cmd = sig.cmd.kind === 'simple' ? sig.cmd : undefined;
  if (!cmd) return 'the app';
  let k = 0;
  for (let guard = 0; guard < 8; guard++) {
    const through = execThrough(cmd.words.map((w) => commandBase(w) ?? '?'), k);
    if (!through || through.command !== undefined || through.next >= cmd.words.length) break;
    k = through.next;
  }
  const base = commandBase(cmd.words[k]);
  return base ? code(base) : 'the app';
}

export const rule: StaticRule = {
  id: 'wrapper-missing-exec',
  severity: 'error',
  title: 'Wrapper runs the app without exec',
  description: 'The wrapper script starts the main process as a child instead of replacing itself with `exec`, so the shell stays PID 1 and SIGTERM never reaches the app.',
  deployed: 'service',
  check(model) {
    const hits: RuleHit[] = [];
    // A GitHub container action runs once per workflow step and the runner waits for its end: a job.
    if (containerAction(model)) return hits;
    const init = initProcess(model);
    // Under an init the shell is its child. One that signals the shell alone kills it; one that
    // signals the whole process group (dumb-init, `tini -g`) reaches the app too, but the shell
    // dies of it at once and the init exits with its child, so the app is SIGKILLed before its
    // shutdown can finish (measured: a node handler draining for 300 ms never finished).
    const underInit = (shell: string, app: string) =>
      init?.mode === 'group'
        ? `when ${init.name} signals the whole process group the ${shell} dies of SIGTERM at once, ${init.name} exits with its child, and ${app} is SIGKILLed with the container before its shutdown can finish`
        : `${init?.name} delivers SIGTERM to the ${shell} only, which exits at once, and ${app} is SIGKILLed with the container without a clean shutdown`;
    const consequence = (app: string) => (init ? `so ${underInit('shell', app)}` : `so the shell stays PID 1, ignores SIGTERM and \`docker stop\` SIGKILLs ${app} after the grace period`);
    for (const script of shellScripts(model, ['start'])) {
      const flow = flowOf(script, model);
      if (!flow.complete) continue;
      const seen = new Set<string>();
      /** Report at a command, in the file it lives in (a sourced file's function, or the script). */
      const report = (sig: Sig, build: (text: string) => [message: string, fix: string], edits?: Autofix) => {
        const where = sourceOf(script, sig.fn);
        const key = `${where.wrapper.file}\0${sig.start}`;
        if (seen.has(key)) return;
        seen.add(key);
        const [message, fix] = build(commandText(where.analysis.text, sig));
        hits.push({ ...scriptHit(where, sig.start, sig.end, message, fix), ...(edits ? { autofix: edits } : {}) });
      };
      const argv = (sig: Sig, before: string) =>
        report(sig, (text) => {
          const isEval = sig.cmd.kind === 'simple' && commandBase(sig.cmd.words[0]) === 'eval';
          // `eval` re-reads its words as a command line: exec goes inside it, and `exec "$@"` would not split `run "bundle exec puma"`.
          const fixed = isEval ? code(text.replace(/^eval\s+/, 'eval exec ')) : '`exec "$@"`';
          // In a function, `$@` is what the function is called with, not the container's command.
          const call = sig.fn ? callOf(script, sig.fn.name) : undefined;
          const what = sig.fn
            ? `the command \`${sig.fn.name}\` is called with${call ? ` (${code(call.text)} on line ${call.line})` : ''}`
            : "the container's command";
          return [
            `${code(text)} runs ${what} as a child of the script${before}, ${consequence('the app')}.`,
            `Replace it with ${fixed} so the command takes over PID 1 and receives SIGTERM itself.`,
          ];
        }, fixMissingExec(model, script, sig));
      const cron = cronText(script) + schedulerText(flow);
      // `crond` (no -f) forks and returns: the endless loop after it holds the shell, judged below.
      const loopHeld = daemonUnderLoop(script);
      for (const sig of flow.finals) {
        // The script runs it once here and schedules it (cron, go-cron) on another path: a job, not a server.
        if (scheduledJob(sig, cron)) continue;
        switch (sig.kind) {
          case 'argv':
            argv(sig, '');
            break;
          case 'program':
            // A step that runs once and returns (`… init`, `go test`, `ansible-playbook`) ends the
            // script on this path: a job, not a main process for SIGTERM to reach.
            if (oneShot(sig)) break;
            if (sig.cmd === loopHeld?.daemon) break;
            // `bash` alone (the branch for `docker run -it image bash`): a session, not a service.
            if (sig.cmd.kind === 'simple' && interactiveShell(wordTexts(sig.cmd.words))) break;
            report(sig, (text) => [
              `${code(text)} runs as a child of the shell, ${consequence(programName(sig))}.`,
              // `exec npm start` would make npm PID 1: exec the program the package script runs.
              knownProgram(commandBase(sig.cmd.kind === 'simple' ? sig.cmd.words[0] : undefined) ?? '')?.role === 'package-manager'
                ? `Exec the program the package script runs instead of the package manager (e.g. ${code('exec node server.js')}, copied from package.json), so it replaces the shell and receives SIGTERM itself.`
                : `Start it with ${code(withExec(sig, text))} so it replaces the shell and receives SIGTERM itself.`,
            ], fixMissingExec(model, script, sig));
            break;
          case 'pipeline': {
            // `app | tee log` keeps the app from being PID 1; `pg_dump | gzip > f` is a job, not a server.
            const last = sig.pipeline?.[sig.pipeline.length - 1];
            if (last?.kind !== 'simple' || !LOG_SINKS.has(commandBase(last.words[0]) ?? '')) break;
            report(sig, (text) => [
              `${code(text)} runs the app inside a pipeline, so the shell stays PID 1 and SIGTERM never reaches the app.`,
              'Drop the pipe (write logs to stdout/stderr) and start the app with `exec`.',
            ]);
            break;
          }
          case 'subshell':
            report(sig, (text) => [
              `${code(text)} runs the app in a subshell, so the script's shell stays PID 1 and SIGTERM never reaches the app.`,
              'Run the commands without the parentheses and start the app with `exec`.',
            ]);
            break;
          case 'wait':
            break;
        }
      }
      const job = flow.background[0];
      if (job && (flow.finals.some((s) => s.kind === 'wait') || flow.waits.length > 0) && !trapsTerm(script, model)) {
        report(job, (text) => {
          const app = text.replace(/\s*&$/, '');
          return [
            `${code(`${app} &`)} runs in the background while the shell waits as PID 1, so SIGTERM stops at the shell and ${programName(job)} is SIGKILLed after the grace period.`,
            `Run it in the foreground with ${code(`exec ${app}`)}, or trap TERM and forward it with \`kill\` before \`wait\`.`,
          ];
        });
      }
      // The script starts the app in the background and runs off its end with nothing in the
      // foreground: the shell exits, and with it the container, taking the app down at once.
      const left = job && model.startChain.links.at(-1)?.wrapper === script.wrapper ? jobLeftBehind(flow, loopHeld, script) : undefined;
      if (left) {
        report(left.sig, (text) => {
          const app = text.replace(/\s*&$/, '');
          return [
            `${code(`${app} &`)} starts ${left.program ? code(left.program) : 'the app'} in the background and the script then ends, so the shell the container runs exits, the container stops at once and ${left.program ? code(left.program) : 'the app'} is killed with it.`,
            `Run the app in the foreground as the script's last command, with exec and without \`&\`${left.detacher ? ` or \`${left.detacher}\`` : ''}, so it replaces the shell (e.g. ${code('exec java $JAVA_OPTS -jar app.jar')}).`,
          ];
        });
      }
      for (const sig of flow.argvThenExit) argv(sig, ' before `exit`');
      const watch = trapsTerm(script, model) ? undefined : loopHeld;
      if (watch) {
        const loopLine = script.analysis.lineOf(watch.loop.start) + script.wrapper.lineOffset;
        report({ kind: 'program', cmd: watch.daemon, start: watch.daemon.start, end: watch.daemon.end }, (text) => [
          init
            ? `${code(text)} forks into the background and the endless loop on line ${loopLine} holds the shell, so ${underInit('looping shell', code(commandBase(watch.daemon.words[0]) ?? 'the daemon'))}.`
            : `${code(text)} forks into the background and the endless loop on line ${loopLine} keeps the shell as PID 1, so SIGTERM stops at the shell and ${code(commandBase(watch.daemon.words[0]) ?? 'the daemon')} is SIGKILLed after the grace period.`,
          `Run the loop in the background and the daemon in the foreground last, with exec (e.g. ${code("exec nginx -g 'daemon off;'")}), or trap TERM and stop the daemon before exiting.`,
        ]);
      }
      const watchdog = trapsTerm(script, model) ? undefined : jobUnderLoop(script);
      if (watchdog) {
        const loopLine = script.analysis.lineOf(watchdog.loop.start) + script.wrapper.lineOffset;
        const app = code(commandBase(watchdog.job.words[0]) ?? 'the app');
        report({ kind: 'program', cmd: watchdog.job, start: watchdog.job.start, end: watchdog.job.end }, (text) => [
          init
            ? `${code(`${text} &`)} runs in the background of the endless loop on line ${loopLine}, so ${underInit('looping shell', app)}.`
            : `${code(`${text} &`)} runs in the background of the endless loop on line ${loopLine}, which keeps the shell as PID 1 for ever, so SIGTERM stops at the shell and ${app} is SIGKILLed after the grace period.`,
          'Let a process supervisor (supervisord, s6, tini with one program) restart the programs, or trap TERM in the script, `kill` the jobs and exit.',
        ]);
      }
    }
    const control = controlScriptHit(model, consequence);
    if (control) hits.push(control);
    // A development image by design is stopped by a developer (a slow `docker compose down`), not drained by a deploy.
    const dev = hits.length > 0 ? ownDevelopmentMark(model) : undefined;
    if (dev) return hits.map((h) => ({ ...h, message: `${h.message} Low impact here: ${dev.reason}.`, severity: 'info' as const }));
    return hits;
  },
};

/**
 * The program the chain ends in is a control script from the image (`apache2ctl -D
 * FOREGROUND`) that runs the server as its own child: the same defect as a wrapper without
 * exec, in a script the image brings.
 */
function controlScriptHit(model: DockerfileModel, consequence: (app: string) => string): RuleHit | undefined {
  const program = model.startChain.program;
  const child = program ? controlScriptChild(program.argv) : undefined;
  if (!program || !child) return undefined;
  const message = `\`${child.script}\` is a /bin/sh script that runs \`${child.server}\` as its child without exec (\`$HTTPD "$@"; ERROR=$?\`), ${consequence(`\`${child.server}\``)}.`;
  const fix = `Start ${child.server} itself as PID 1: \`CMD ["/bin/sh", "-c", "${child.foreground}"]\` (the official php:apache and httpd images ship \`apache2-foreground\` and \`httpd-foreground\` for this).`;
  if (program.origin) {
    const { script, line } = program.origin;
    return { message, fix, file: script.file, range: { line: line, column: 1, endLine: line, endColumn: 1 } };
  }
  return { message, fix, range: program.part.instr.range };
}
