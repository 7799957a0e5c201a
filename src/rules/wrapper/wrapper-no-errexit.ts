// No `set -e` before the first set-up step whose failure matters (a migration, an install, a
// config render, a DB init, a download): it fails, the script carries on and the app starts
// anyway. Not a defect: best-effort steps only (chown, mkdir, echo, sed on a config, user
// edits), or a script that handles failures itself (`set +e`, an ERR trap, reading `$?`).
import { shebangFlags } from '../../model/script-syntax.js';
import { functionBody, walkCommands, type Command, type FuncDef, type Simple, type Stmt } from '../../model/script-syntax.js';
import { commandBase, commandText, commandWords, paramUses, setFlags, staticValue, wordTexts } from '../../model/script-syntax.js';
import { commandsOf } from '../../model/command-strings.js';
import { commandStringAt, execThrough, xargsCommandAt } from '../../model/programs.js';
import type { DockerfileModel } from '../../model/types.js';
import type { Autofix } from '../../findings.js';
import { autofix, scriptLineEdit } from '../edits.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, flowOf, scriptHit, shellScripts, type ShellScript } from './common.js';

/** Builtins and commands whose failure errexit would not be about: they are not set-up steps. */
const NOT_A_STEP = new Set([
  ':', 'true', 'false', 'echo', 'printf', 'set', 'shift', 'export', 'local', 'declare', 'typeset', 'readonly',
  'unset', 'trap', 'umask', 'ulimit', 'test', '[', '[[', 'exec', 'exit', 'return', 'wait', 'eval', 'source', '.',
  'cd', 'alias', 'unalias', 'hash', 'type', 'command', 'getopts', 'let', 'read', 'break', 'continue', 'shopt',
  'printenv', 'sleep',
]);

/**
 * Best-effort steps: their failure leaves a container that still works or fails visibly on its
 * own (permissions, directories, messages, user and group edits, in-place edits of a config).
 */
const BEST_EFFORT = new Set([
  'chown', 'chmod', 'chgrp', 'mkdir', 'touch', 'ln', 'rm', 'sed', 'find', 'cat', 'ls', 'tee', 'date', 'id', 'getent',
  'whoami', 'hostname', 'env', 'logger', 'usermod', 'groupmod', 'useradd', 'groupadd', 'adduser', 'addgroup',
  'deluser', 'delgroup', 'chpasswd', 'mkhomedir_helper', 'ulimit', 'sysctl', 'sync', 'tr', 'cut', 'awk', 'grep', 'head', 'tail', 'sort',
  // Copying default files into place (`cp -rn /tmp/img/* public/img`): the app runs without them, or fails visibly on a missing config.
  'cp',
  // Waiting for a dependency: when it never comes, the app fails visibly on its own.
  'nc', 'pg_isready', 'wait-for-it', 'wait-for-it.sh', 'wait-for', 'wait-for.sh', 'dockerize',
]);

/** Commands that only show a value: `$?` in their arguments is reported, not handled. */
const SHOWS = new Set(['echo', 'printf', 'logger']);

/** All of the command's output goes to /dev/null: the author expects it may fail (`groupdel app &>/dev/null`). */
function discardsFailure(cmd: Simple): boolean {
  const toNull = cmd.redirs.filter((r) => staticValue(r.target) === '/dev/null');
  const stderr = toNull.some((r) => r.op === '&>' || r.op === '&>>' || r.fd === '2') || cmd.redirs.some((r) => r.op === '>&' && r.fd === '2' && staticValue(r.target) === '1' && toNull.length > 0);
  return stderr;
}

/** The script handles failures itself: an explicit `set +e`, an `ERR` trap, or reading `$?`. */
function handlesFailures(script: ShellScript): boolean {
  let found = false;
  walkCommands(script.analysis.body, (cmd) => {
    if (found) return;
    // `$?` tested, stored or returned is handling; shown in a message (`echo "failed: $?"`) is not.
    const shows = cmd.kind === 'simple' && SHOWS.has(commandBase(cmd.words[0]) ?? '');
    if (!shows) for (const w of commandWords(cmd)) if (paramUses(w).some((u) => u.param.name === '?')) found = true;
    if (cmd.kind !== 'simple') return;
    const base = commandBase(cmd.words[0]);
    if (base === 'set') {
      const f = setFlags(cmd);
      if (f.off.has('e') || f.optionsOff.has('errexit')) found = true;
    }
    if (base === 'trap' && cmd.words.slice(2).some((w) => staticValue(w) === 'ERR')) found = true;
  });
  return found;
}

/**
 * `. /etc/app/bash-config`: a sourced file that sets errexit, or one we cannot read (it comes
 * from the base image), after which errexit may be on: the script is not judged from there.
 */
function sourcesErrexit(model: DockerfileModel, cmd: Simple): boolean | 'maybe' {
  const base = commandBase(cmd.words[0]);
  if (base !== '.' && base !== 'source') return false;
  const target = staticValue(cmd.words[1]);
  const name = target?.split('/').pop();
  const lib = name ? model.wrappers.find((w) => w.role === 'sourced' && (w.imagePath === target || w.imagePath.endsWith(`/${name}`))) : undefined;
  if (!lib) return 'maybe';
  return /(^|[\s;&|])set\s+(-[a-zA-Z]*e|-o\s+errexit)/m.test(lib.text);
}

function errexitOn(cmd: Simple): boolean {
  if (commandBase(cmd.words[0]) !== 'set') return false;
  const flags = setFlags(cmd);
  return flags.on.has('e') || flags.optionsOn.has('errexit');
}

/** The statement list ends in a plain `exit` (`exit`, `exit 1`): its path never reaches the app. */
function endsInExit(body: Stmt[]): boolean {
  const last = body[body.length - 1];
  if (!last || last.background || last.andOr.rest.length > 0 || last.andOr.first.commands.length !== 1) return false;
  const cmd = last.andOr.first.commands[0]!;
  return cmd.kind === 'simple' && commandBase(cmd.words[0]) === 'exit';
}

/**
 * Commands of an `if`/`case` branch that ends in `exit` (`echo "set APP_KEY"; artisan
 * key:generate --show; exit`): the path stops there, so their failure cannot start the app.
 */
function exitBoundCommands(script: ShellScript): Set<Command> {
  const out = new Set<Command>();
  const mark = (body: Stmt[]) => {
    if (endsInExit(body)) walkCommands(body, (c) => out.add(c));
  };
  walkCommands(script.analysis.body, (cmd) => {
    if (cmd.kind === 'if') {
      for (const c of cmd.clauses) mark(c.body);
      if (cmd.elseBody) mark(cmd.elseBody);
    } else if (cmd.kind === 'case') {
      for (const item of cmd.items) mark(item.body);
    }
  });
  return out;
}

/** A loop condition that never ends the loop by itself: `while true`, `while :`, `while sleep 60`. */
const ENDLESS_CONDITION = new Set(['true', ':', 'sleep']);

/**
 * The script is itself the service: it ends in an endless loop (`while true; do inotifywait …;
 * dump; done`, `while sleep 3600; do backup; done`). A step it runs once before the loop and again
 * inside it (traefik-certdumper's `dump`) is the service's own repeated work, whose failure the
 * loop tolerates on every round by design: not a set-up step that leaves the app half-configured.
 * The texts of the commands the final loop runs.
 */
function repeatedInFinalLoop(script: ShellScript): Set<string> {
  const body = script.analysis.body;
  const last = body[body.length - 1];
  const out = new Set<string>();
  if (!last || last.background || last.andOr.rest.length > 0 || last.andOr.first.commands.length !== 1) return out;
  const loop = last.andOr.first.commands[0]!;
  if (loop.kind !== 'while') return out;
  const cond = loop.cond.length === 1 && loop.cond[0]!.andOr.rest.length === 0 ? loop.cond[0]!.andOr.first : undefined;
  const condCmd = cond && !cond.negated && cond.commands.length === 1 ? cond.commands[0] : undefined;
  if (!condCmd || condCmd.kind !== 'simple' || !ENDLESS_CONDITION.has(commandBase(condCmd.words[0]) ?? '')) return out;
  walkCommands(loop.body, (cmd) => {
    if (cmd.kind === 'simple') out.add(commandText(script.analysis.text, cmd, Infinity));
  });
  return out;
}

/** Droppers that, given no command, start the user's shell on their stdin. */
const SHELL_SWITCHERS = new Set(['su', 'runuser']);

/** The command reads commands on its stdin: a redirect into it (`<<EOF`, `< file`) or a pipe feeding it. */
function readsCommands(script: ShellScript, cmd: Simple): boolean {
  if (cmd.redirs.some((r) => r.op.startsWith('<') && (r.fd === '' || r.fd === '0'))) return true;
  const before = script.analysis.text.slice(0, cmd.start).trimEnd();
  return before.endsWith('|') && !before.endsWith('||');
}

/** What a command is as a set-up step: none, best-effort, or one whose failure matters. */
type StepKind = 0 | 1 | 2;
const NONE = 0;
const BEST = 1;
const MATTERS = 2;

/** The strongest step running this function executes (directly, or through functions it calls). */
function functionStep(script: ShellScript, fn: FuncDef, memo: Map<string, StepKind>): StepKind {
  const known = memo.get(fn.name);
  if (known !== undefined) return known;
  memo.set(fn.name, NONE); // recursion guard
  let found: StepKind = NONE;
  if (fn.body) {
    walkCommands(functionBody(fn), (cmd, ctx) => {
      if (found === MATTERS || ctx.inCondition || ctx.detached || ctx.inSubstitution) return;
      const kind = stepKind(script, cmd, memo);
      if (kind > found) found = kind;
    });
  }
  memo.set(fn.name, found);
  return found;
}

/** The commands that start the app (each path's final command): not set-up steps. */
const appStarts = new WeakMap<ShellScript, Set<Command>>();

function stepKind(script: ShellScript, cmd: Command, memo: Map<string, StepKind>): StepKind {
  if (cmd.kind !== 'simple' || cmd.words.length === 0) return NONE;
  if (appStarts.get(script)?.has(cmd)) return NONE;
  const name = staticValue(cmd.words[0]);
  const base = commandBase(cmd.words[0]);
  if (base !== undefined && NOT_A_STEP.has(base)) return NONE;
  // `gosu git mkdir -p /data/git`, `env A=b migrate`: the step is the program they run.
  const through = execThrough(wordTexts(cmd.words), 0);
  if (through && through.command === undefined && through.next > 0 && through.next < cmd.words.length) {
    return discardsFailure(cmd) ? BEST : stepKind(script, { ...cmd, words: cmd.words.slice(through.next) }, memo);
  }
  // `su thug -s /bin/bash` with nothing to run (IntelOwl thug entrypoint.sh): the user's shell
  // reads the script's stdin, which in a container is no terminal, and returns at once. It
  // switches no user for the lines after it and sets nothing up. Fed a heredoc or a pipe, it
  // runs commands: then it is judged as a step like any other.
  if (through && through.command === undefined && through.next >= cmd.words.length && SHELL_SWITCHERS.has(through.program.name) && !readsCommands(script, cmd)) return BEST;
  if ((base !== undefined && BEST_EFFORT.has(base)) || discardsFailure(cmd)) return BEST;
  // `find /config … | xargs -0r chown app:app` (Tautulli start.sh): the step is the command xargs runs.
  if (base === 'xargs') {
    const at = xargsCommandAt(wordTexts(cmd.words), 0);
    return at === undefined ? BEST : stepKind(script, { ...cmd, words: cmd.words.slice(at) }, memo);
  }
  const fn = name !== undefined && !name.includes('/') ? script.functions.get(name) : undefined;
  if (fn) return functionStep(script, fn, memo);
  const inner = commandStringOf(cmd);
  if (inner !== undefined) return stringStep(script, inner, memo);
  return MATTERS;
}

/**
 * `sh -c "while ! nc -z db 5432; do sleep 1; done"`: the text of the command string the shell
 * runs (variables left for the inner shell to read: only command names matter here).
 */
function commandStringOf(cmd: Simple): string | undefined {
  const words = wordTexts(cmd.words);
  const k = commandStringAt(words, 0);
  const word = k === undefined ? undefined : cmd.words[k];
  if (!word) return undefined;
  const value = staticValue(word);
  if (value !== undefined) return value;
  // A double-quoted string with expansions: the inner shell sees its text with them expanded.
  return word.parts.length === 1 && word.parts[0]!.type === 'dq' ? word.raw.slice(1, -1) : undefined;
}

/** A shell command string is the strongest step among the commands it runs (conditions and background jobs aside, as in a script). */
function stringStep(script: ShellScript, text: string, memo: Map<string, StepKind>): StepKind {
  let found: StepKind = NONE;
  walkCommands(commandsOf(text), (cmd, ctx) => {
    if (found === MATTERS || ctx.inCondition || ctx.detached || ctx.inSubstitution || cmd.kind !== 'simple') return;
    // A string within the string: not followed further.
    const kind = commandStringOf(cmd) === undefined ? stepKind(script, cmd, memo) : MATTERS;
    if (kind > found) found = kind;
  });
  return found;
}

/**
 * Steps known not to fail in a working container, so `set -e` changes nothing but the bug: shell
 * builtins that set things up, file set-up with its forgiving flags, and the migrations and
 * asset steps of the common frameworks (whose failure is exactly what `set -e` is for).
 */
const SURE_STEPS = new Set(['echo', 'printf', 'export', 'set', 'shift', 'unset', 'local', 'readonly', 'umask', 'sleep', 'true', ':', 'exec', 'exit', 'return', 'chown', 'chmod', 'chgrp', 'touch', 'envsubst', 'date']);
const SETUP_STEP = new RegExp(
  [
    String.raw`^(?:\S*/)?python[0-9.]* (?:\S*/)?manage\.py (?:migrate|collectstatic|makemigrations|compilemessages|check)\b`,
    String.raw`^(?:\S*/)?django-admin (?:migrate|collectstatic|compilemessages)\b`,
    String.raw`^(?:\S*/)?alembic upgrade\b`,
    String.raw`^(?:\S*/)?flask db upgrade\b`,
    String.raw`^(?:bundle exec )?(?:\S*/)?(?:rake|rails) (?:db:migrate|db:prepare|assets:precompile)\b`,
    String.raw`^(?:\S*/)?php artisan (?:migrate|config:cache|route:cache|view:cache)\b`,
    String.raw`^(?:\S*/)?npx prisma migrate deploy\b`,
    String.raw`^(?:\S*/)?(?:npm run|yarn|pnpm) migrate\b`,
  ].join('|'),
);

/**
 * Every step the script takes before its app is one known not to fail in a working container
 * (SURE_STEPS, `mkdir -p`, `ln -sf`, the framework set-up steps): what "no step is
 * expected to fail" can be known to mean. An unknown program (`add-user.sh`, which fails when the
 * user exists on a restart) might fail by design, and with `set -e` would stop the container.
 */
function everyStepSure(script: ShellScript, appStarts: ReadonlySet<Command>): boolean {
  let sure = true;
  walkCommands(script.analysis.body, (cmd, ctx) => {
    if (!sure || cmd.kind !== 'simple' || ctx.inCondition || ctx.detached || appStarts.has(cmd) || cmd.words.length === 0) return;
    const base = commandBase(cmd.words[0]);
    const words = cmd.words.map((w) => staticValue(w) ?? '$');
    const flags = words.filter((w) => w.startsWith('-')).join(' ');
    if (base === undefined || discardsFailure(cmd)) sure = false;
    else if (SURE_STEPS.has(base)) return;
    else if (base === 'mkdir' && /-[a-zA-Z]*p/.test(flags)) return;
    else if (base === 'ln' && /-[a-zA-Z]*f/.test(flags)) return;
    else if (!SETUP_STEP.test(words.join(' '))) sure = false;
  });
  return sure;
}

/** `set -e` on the line after the shebang, when no step is expected to fail (else nothing: the finding stays for a person). */
export function fixNoErrexit(model: DockerfileModel, script: ShellScript, appStarts: ReadonlySet<Command>): Autofix | undefined {
  if (!everyStepSure(script, appStarts)) return undefined;
  const w = script.wrapper;
  const lines = w.text.split('\n');
  const at = script.analysis.shebang ? 2 : 1;
  if (at > lines.length || (at === 2 && lines.length === 1)) return undefined;
  const eol = lines[0]!.endsWith('\r') ? '\r\n' : '\n';
  const col = at === 1 && w.text.startsWith('\uFEFF') ? 2 : 1;
  return autofix(true, [scriptLineEdit(model, w, at, col, col, `set -e${eol}`)]);
}

export const rule: StaticRule = {
  id: 'wrapper-no-errexit',
  severity: 'warning',
  title: 'Wrapper without set -e',
  description: 'Without `set -e` a failing set-up step (migration, chown, config render) is ignored and the app starts anyway in a half-configured container.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const script of shellScripts(model, ['start'])) {
      const { analysis } = script;
      if (shebangFlags(analysis.shebang).has('e')) continue;
      if (handlesFailures(script)) continue;
      const flow = flowOf(script, model);
      appStarts.set(script, new Set(flow.finals.map((s) => s.cmd)));
      // The finding points at the first unprotected step (where `set -e` has to come before),
      // and fires only when an unprotected step whose failure matters follows.
      let firstStep: Simple | undefined;
      let mattering: Simple | undefined;
      let errexitAt: number | undefined;
      const memo = new Map<string, StepKind>();
      const steps: { cmd: Simple; kind: StepKind }[] = [];
      const exitBound = exitBoundCommands(script);
      const repeated = repeatedInFinalLoop(script);
      // A sourced file that is not in the build context may set -e: the steps after it are not judged, and the message does not claim it does.
      let errexitSeen = false;
      walkCommands(analysis.body, (cmd, ctx) => {
        if (cmd.kind !== 'simple' || ctx.inFunction || ctx.inSubstitution) return;
        const sets = ctx.inCondition ? false : errexitOn(cmd) || sourcesErrexit(model, cmd);
        if (sets && (errexitAt === undefined || cmd.start < errexitAt)) {
          errexitAt = cmd.start;
          errexitSeen = sets === true;
        }
        if (ctx.inCondition || ctx.detached || exitBound.has(cmd) || repeated.has(commandText(analysis.text, cmd, Infinity))) return;
        const kind = stepKind(script, cmd, memo);
        if (kind !== NONE) steps.push({ cmd, kind });
      });
      for (const { cmd, kind } of steps.sort((a, b) => a.cmd.start - b.cmd.start)) {
        if (errexitAt !== undefined && errexitAt < cmd.start) break;
        firstStep ??= cmd;
        if (kind === MATTERS) {
          mattering = cmd;
          break;
        }
      }
      if (!firstStep || !mattering) continue;
      const text = code(commandText(analysis.text, firstStep));
      const also = mattering === firstStep ? '' : ` (and ${code(commandText(analysis.text, mattering))} on line ${analysis.lineOf(mattering.start) + script.wrapper.lineOffset})`;
      const errexitLine = errexitAt === undefined ? undefined : analysis.lineOf(errexitAt) + script.wrapper.lineOffset;
      const message =
        errexitLine === undefined
          ? `${text}${also} runs without \`set -e\`, so if it fails the script carries on and starts the app anyway.`
          : errexitSeen
            ? `${text}${also} runs before \`set -e\` (line ${errexitLine}), so if it fails the script carries on and starts the app anyway.`
            : `${text}${also} runs without \`set -e\` (the file sourced on line ${errexitLine} is not in the build context, so whether it sets one is not known), so if it fails the script carries on and starts the app anyway.`;
      const fix = errexitLine === undefined || !errexitSeen ? 'Add `set -e` (or `set -eu`) on the line after the shebang.' : 'Move `set -e` up to the line after the shebang.';
      const edits = fixNoErrexit(model, script, appStarts.get(script)!);
      hits.push({ ...scriptHit(script, firstStep.start, firstStep.end, message, fix), ...(edits ? { autofix: edits } : {}) });
    }
    return hits;
  },
};
