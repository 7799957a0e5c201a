// How a wrapper script ends: for every path through it (branches, and-or lists, loops,
// case items, calls of the script's own functions), the command that would stay "the main
// process" when the script runs off its end, and the paths that end in `exec`/`exit`.
//
// A command is the main process of a path only when no other command follows it (tests and
// a restart loop's `sleep` aside): a command followed by more commands (an assignment, a
// config step, another program, a function call, `echo "done"`) is a step or a job the author
// expects to return; so is one whose exit status is tested (an `if`/`while` condition, the
// left side of `&&`/`||` unless the right side only exits or ignores the failure) and one run
// once per item of a `for` loop.
//
// Path-sensitive: each path carries what it knows (the positional parameters of the scenario,
// the variables it set, what its conditions told it, see values.ts), so a branch that cannot be
// taken on a path is not followed: with no arguments `[ -n "$1" ]` is false; a path that needs
// `$MODE` to be both `web` and not `web` does not exist.
// Bounded: a step budget and a cap on the number of distinct open paths.
import { functionBody, walkCommands, type Command, type FuncDef, type IfClause, type Pipeline, type Simple, type Stmt } from './structure.js';
import type { Word } from './tokenize.js';
import { assign, enterFunction, envKey, leaveFunction, trackedNames, evalTest, expandWords, patternMatch, setArgs, shiftArgs, UNKNOWN_ARGS, wordValue, type Env, type Expanded, type Split } from './values.js';
import { commandBase, execTarget, isQuotedAllArgs, staticValue } from './words.js';

export type SigKind = 'program' | 'argv' | 'wait' | 'pipeline' | 'subshell';

/** A command that can be the main process (or, for `wait`, waits for one). */
export interface Sig {
  kind: SigKind;
  cmd: Command;
  start: number;
  end: number;
  /** For a pipeline: all of its commands. */
  pipeline?: Command[];
  /** The function whose body holds the command (its offsets are in that function's file). */
  fn?: FuncDef;
}

/** An `exec` that replaces the shell with a program, and the words it runs on that path. */
export interface Handover {
  cmd: Simple;
  /** The words after `exec` as they expand on the path (`"$@"` spliced in when the arguments are known). */
  argv: Expanded[];
  fn?: FuncDef;
}

export interface FlowResult {
  /** The last significant command of each path that runs off the end of the script. */
  finals: Sig[];
  /** The execs that hand the shell over to a program, one per path and command. */
  handovers: Handover[];
  /** Some path ends (runs off the end, or exits) without having started a long-running program. */
  quietEnd: boolean;
  /** The `wait` commands the script runs, wherever on its paths (`wait -n; kill 0; exit 1` included). */
  waits: Simple[];
  /** `"$@"` run without exec and then `exit`. */
  argvThenExit: Sig[];
  /** Significant commands started in the background (`app &`). */
  background: Sig[];
  /** `exec` commands that replace the shell, in evaluation order. */
  execs: Simple[];
  /** False when the script was too large to follow completely (then report nothing). */
  complete: boolean;
  /** `if`/`elif` branches the flow reached but no path entered: their condition is false on every path. */
  skipped: IfClause[];
}

type Item = Sig | null;
/** One path: the command that would stay the main process if the script ended here, and what the path knows. */
interface Path {
  item: Item;
  env: Env;
  /** The exit status of the last and-or element: true, false, or unknown. */
  status?: boolean;
  /** The path runs a server in the foreground: the script stays there, what follows runs only after it stops. */
  blocked?: true;
}
type State = Path[];

/** Commands that are set-up or plumbing, never the main process of a container. */
const NOT_MAIN = new Set([
  ':', 'true', 'false', 'echo', 'printf', 'set', 'shift', 'export', 'local', 'declare', 'typeset', 'readonly',
  'unset', 'cd', 'pushd', 'popd', 'umask', 'ulimit', 'trap', 'test', '[', '[[', 'read', 'source', '.', 'alias',
  'unalias', 'hash', 'type', 'getopts', 'let', 'break', 'continue', 'shopt', 'mkdir', 'chown', 'chmod', 'chgrp',
  'rm', 'ln', 'cp', 'mv', 'touch', 'cat', 'ls', 'id', 'whoami', 'date', 'logger', 'basename', 'dirname',
  'readlink', 'realpath', 'stat', 'install', 'envsubst', 'sed', 'awk', 'grep', 'egrep', 'fgrep', 'find', 'tr', 'cut',
  'head', 'sort', 'uniq', 'wc', 'tee', 'usermod', 'useradd', 'groupadd', 'groupmod', 'addgroup', 'adduser',
  'deluser', 'getent', 'sync', 'update-ca-certificates', 'ldconfig', 'printenv', 'hostname', 'uname', 'mktemp',
  'kill', 'sleep', 'tail', 'env', 'command', 'chpasswd', 'xargs', 'ulimit', 'sysctl', 'mountpoint', 'nproc',
]);

/**
 * Commands that do nothing a path could be waiting for: pure tests, no-ops and a delay (a
 * restart loop's `sleep`). Any other
 * command after a program (even `echo "done"`) shows that the author expects the program to
 * return, so it is a step; a test between branches (`if [ "$1" = beat ]`) is not.
 */
const PASSIVE = new Set([':', 'true', 'false', 'test', '[', '[[', 'type', 'break', 'continue', 'sleep']);

/** What may follow the main process in an and-or list without testing it: ending the script on failure (`app || exit 1`) or ignoring it (`|| true`). */
const REPORT_ONLY = new Set([':', 'true', 'echo', 'printf', 'logger', 'exit']);

/** Is this simple command passive plumbing (see PASSIVE)? */
export function isPassive(cmd: Simple): boolean {
  if (cmd.words.length === 0) return false; // an assignment or a bare redirection does work
  const base = commandBase(cmd.words[0]);
  if (base === 'command') return isPlumbing(cmd);
  return base !== undefined && PASSIVE.has(base) && isPlumbing(cmd);
}

function reportOnly(pl: Pipeline): boolean {
  const base = (c: Command | undefined) => (c?.kind === 'simple' ? commandBase(c.words[0]) : undefined);
  const [c] = pl.commands;
  if (pl.commands.length !== 1 || !c) return false;
  // `|| exit 1`, `|| true`, or `|| { echo "failed" >&2; exit 1; }` (reporting, then exit).
  if (c.kind === 'simple') return ['exit', 'true', ':'].includes(base(c) ?? '');
  if (c.kind !== 'group') return false;
  const cmds = c.body.map((st) => (st.background || st.andOr.rest.length > 0 || st.andOr.first.commands.length !== 1 ? undefined : st.andOr.first.commands[0]));
  return cmds.length > 0 && base(cmds[cmds.length - 1]) === 'exit' && cmds.every((x) => REPORT_ONLY.has(base(x) ?? ''));
}

/** Is this simple command plumbing (never the main process)? */
export function isPlumbing(cmd: Simple): boolean {
  const base = commandBase(cmd.words[0]);
  if (base === undefined) return false;
  const args = cmd.words.slice(1).map((w) => staticValue(w));
  if (base === 'sleep') return !args.some((a) => a === 'infinity' || a === 'inf');
  if (base === 'tail') return !args.some((a) => a !== undefined && /^-[a-zA-Z]*[fF]/.test(a));
  if (base === 'env') return !cmd.words.slice(1).some((w) => !/^-|^[A-Za-z_][A-Za-z0-9_]*=/.test(w.raw));
  if (base === 'command') return args[0] === '-v' || args[0] === '-V';
  return NOT_MAIN.has(base);
}

/** The raw text of eval's arguments with their quotes removed (enough to see `exec …`). */
function evalText(cmd: Simple): string {
  return cmd.words
    .slice(1)
    .map((w) => w.raw.replace(/^['"]|['"]$/g, ''))
    .join(' ')
    .trim();
}

function isArgvWord(w: Word): boolean {
  if (isQuotedAllArgs(w)) return true;
  const [p] = w.parts;
  return w.parts.length === 1 && p?.type === 'param' && (p.name === '@' || p.name === '*') && p.op === '' && !p.length;
}

const BUDGET = 200_000;
/** More distinct open paths than this: the script is not a wrapper we can follow (report nothing). */
const MAX_PATHS = 256;
/** How deep function calls are followed. */
const MAX_CALLS = 16;

const itemKey = (x: Item): string => (x ? `${x.kind}:${x.start}:${x.end}:${x.fn?.start ?? ''}` : '-');

/** Paths with the same item and env are one. */
function dedupe(paths: Path[]): State {
  const seen = new Map<string, Path>();
  for (const p of paths) {
    const key = `${itemKey(p.item)}|${envKey(p.env)}|${p.status ?? ''}|${p.blocked ?? ''}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

const TESTS = new Set(['[', 'test', '[[']);

class Flow {
  readonly argvThenExit: Sig[] = [];
  readonly background: Sig[] = [];
  readonly execs: Simple[] = [];
  readonly handovers: Handover[] = [];
  /** `wait` commands the script runs (for its background jobs). */
  readonly waits: Simple[] = [];
  quietEnd = false;
  complete = true;
  /** `if` clauses reached, and those whose body some path entered. */
  readonly reached = new Set<IfClause>();
  readonly entered = new Set<IfClause>();
  private budget = BUDGET;
  private returns: Path[][] = [];
  private current: FuncDef | undefined;
  private readonly calling: string[] = [];

  constructor(
    private readonly functions: Map<string, FuncDef>,
    private readonly isServer: (words: string[]) => boolean,
  ) {}

  run(stmts: Stmt[], env: Env): State {
    return this.list(stmts, [{ item: null, env }]);
  }

  /** Tag a significant command with the function it runs in. */
  private at(sig: Sig): Sig {
    if (this.current) sig.fn = this.current;
    return sig;
  }

  private spend(): boolean {
    if (--this.budget <= 0) this.complete = false;
    return this.complete;
  }

  /** A path ends (exit, or the end of the script). */
  end(paths: Iterable<Path>): void {
    for (const p of paths) if (p.item === null) this.quietEnd = true;
  }

  list(stmts: Stmt[], state: State): State {
    let s = state;
    for (const stmt of stmts) {
      if (s.length === 0 || !this.complete) break;
      const held = s.filter((p) => p.blocked);
      const live = held.length === 0 ? s : s.filter((p) => !p.blocked);
      s = dedupe(live.length === 0 ? held : [...held, ...this.stmt(stmt, live)]);
      if (s.length > MAX_PATHS) this.complete = false;
    }
    return s;
  }

  private stmt(stmt: Stmt, state: State): State {
    if (!this.spend()) return state;
    const pipelines = [stmt.andOr.first, ...stmt.andOr.rest.map((r) => r.pipeline)];
    if (stmt.background) {
      let passive = true;
      for (const pl of pipelines) {
        for (const cmd of pl.commands) {
          const sig = this.isolated(cmd, state[0]!.env);
          if (sig) this.background.push(sig);
          if (sig || !this.passiveCommand(cmd)) passive = false;
        }
      }
      // The script goes on while the job runs: what ran before was a step.
      return passive ? state : supersede(state);
    }
    // Elements whose status decides what runs next are tested; a tail that only reports or
    // exits (`app || exit 1`) does not make the command before it a test.
    let lastReal = pipelines.length - 1;
    while (lastReal > 0 && reportOnly(pipelines[lastReal]!)) lastReal--;
    let current: State = state.map((p) => ({ item: p.item, env: p.env, ...(p.blocked ? { blocked: true as const } : {}) }));
    pipelines.forEach((pl, i) => {
      const op = i === 0 ? undefined : stmt.andOr.rest[i - 1]!.op;
      // Which paths run this element: `&&` after a success, `||` after a failure.
      const run: Path[] = [];
      const skip: Path[] = [];
      for (const p of current) {
        if (p.blocked) skip.push(p);
        else if (op === undefined || p.status === undefined) {
          run.push(p);
          if (op !== undefined) skip.push({ ...p, status: op === '||' });
        } else if ((op === '&&') === p.status) run.push(p);
        else skip.push(p);
      }
      const before = run;
      let after = this.pipeline(pl, run);
      if (i < lastReal || pl.negated) after = tested(before, after);
      current = [...after, ...skip];
    });
    // The status of the last element is the statement's (an `if` reads it).
    return current;
  }

  /** A command that neither runs a program nor does work (see PASSIVE). */
  private passiveCommand(cmd: Command): boolean {
    return cmd.kind === 'simple' && isPassive(cmd);
  }

  /** Evaluate a condition: its commands run, but their status is consumed; split by its truth. */
  private condition(stmts: Stmt[], state: State): { t: State; f: State } {
    const out = tested(state, this.list(stmts, state));
    return { t: out.filter((p) => p.status !== false), f: out.filter((p) => p.status !== true) };
  }

  private pipeline(pl: Pipeline, state: State): State {
    if (pl.commands.length === 0 || state.length === 0) return state;
    if (pl.commands.length === 1) {
      const out = this.command(pl.commands[0]!, state);
      return pl.negated ? out.map((p) => (p.status === undefined ? p : { ...p, status: !p.status })) : out;
    }
    for (const cmd of pl.commands) {
      const sig = this.isolated(cmd, state[0]!.env);
      if (sig) return state.map((p) => ({ item: this.at({ kind: 'pipeline', cmd, start: pl.start, end: pl.commands[pl.commands.length - 1]!.end, pipeline: pl.commands }), env: p.env }));
    }
    return pl.commands.every((c) => this.passiveCommand(c)) ? state.map(unknownStatus) : supersede(state);
  }

  /** Evaluate a command on its own (pipeline element, background job, subshell body): its significant command, if any. */
  private isolated(cmd: Command, env: Env): Sig | undefined {
    return this.apart((start) => this.command(cmd, start), env);
  }

  /** Run something in a process of its own (a subshell, a pipeline element): its significant command, if any. */
  private apart(run: (start: State) => State, env: Env): Sig | undefined {
    const execsBefore = this.execs.length;
    const handoversBefore = this.handovers.length;
    const quiet = this.quietEnd;
    const result = run([{ item: null, env }]);
    this.quietEnd = quiet;
    for (const x of result) if (x.item) return x.item;
    if (this.execs.length > execsBefore) {
      const exec = this.execs[this.execs.length - 1]!;
      // An exec in a subshell replaces the subshell only.
      this.execs.length = execsBefore;
      this.handovers.length = handoversBefore;
      return this.at({ kind: 'program', cmd: exec, start: exec.start, end: exec.end });
    }
    return undefined;
  }

  private command(cmd: Command, state: State): State {
    if (!this.spend() || state.length === 0) return state;
    switch (cmd.kind) {
      case 'simple':
        return this.simple(cmd, state);
      case 'function':
        return state;
      case 'group':
        return this.list(cmd.body, state);
      case 'subshell': {
        const out: Path[] = [];
        for (const p of state) {
          const sig = this.apart((start) => this.list(cmd.body, start), p.env);
          if (sig) out.push({ item: this.at({ kind: 'subshell', cmd, start: cmd.start, end: cmd.end }), env: p.env });
          else out.push({ item: null, env: p.env });
        }
        return out;
      }
      case 'if': {
        const out: Path[] = [];
        let cur = state;
        for (const clause of cmd.clauses) {
          if (cur.length === 0) break;
          const { t, f } = this.condition(clause.cond, cur);
          this.reached.add(clause);
          if (t.length > 0) this.entered.add(clause);
          out.push(...this.list(clause.body, t.map(noStatus)));
          cur = f.map(noStatus);
        }
        out.push(...(cmd.elseBody ? this.list(cmd.elseBody, cur) : cur));
        return out;
      }
      case 'case': {
        const out: Path[] = [];
        let rest: State = state;
        for (const item of cmd.items) {
          const taken: Path[] = [];
          const left: Path[] = [];
          for (const p of rest) {
            const value = cmd.word ? wordValue(cmd.word, p.env) : undefined;
            let envs: Split = { f: p.env };
            for (const pattern of item.patterns) {
              if (!envs.f) break;
              const m = patternMatch(value, pattern, envs.f);
              if (m.t) taken.push({ item: p.item, env: m.t });
              envs = m.f ? { f: m.f } : {};
            }
            if (envs.f) left.push({ item: p.item, env: envs.f });
          }
          out.push(...this.list(item.body, taken));
          rest = left;
        }
        out.push(...rest);
        return out;
      }
      case 'while':
      case 'until': {
        // The condition runs again after each pass of the body: what the body ran is a step
        // unless the condition is a pure test or constant (`while true`: a restart loop).
        const afterCond = this.condition(cmd.cond, state);
        const all = dedupe([...afterCond.t, ...afterCond.f].map(noStatus));
        const out: Path[] = [...all];
        const afterBody = this.list(cmd.body, all);
        const again = this.condition(cmd.cond, afterBody);
        out.push(...[...again.t, ...again.f].map(noStatus));
        return out;
      }
      case 'for': {
        // A command run once per item is a step, never the container's main process.
        const out: Path[] = [...state];
        out.push(...tested(state, this.list(cmd.body, state)).map(noStatus));
        return out;
      }
    }
  }

  private simple(cmd: Simple, state: State): State {
    const w0 = cmd.words[0];
    if (!w0) return supersede(state.map((p) => ({ ...p, env: this.assignAll(cmd, p.env) })));
    const base = commandBase(w0);
    const sig = (kind: SigKind): State => state.map((p) => ({ item: this.at({ kind, cmd, start: cmd.start, end: cmd.end }), env: p.env }));
    if (base === undefined) {
      if (!isArgvWord(w0)) return sig('program');
      // `"$@"` with no arguments runs nothing.
      const out: Path[] = [];
      for (const p of state) {
        if (p.env.args && p.env.args.length === 0 && cmd.words.length === 1) out.push(p);
        else out.push({ item: this.at({ kind: 'argv', cmd, start: cmd.start, end: cmd.end }), env: p.env });
      }
      return out;
    }
    if (TESTS.has(base)) {
      const words = cmd.words.slice(1);
      const close = staticValue(words[words.length - 1]);
      if ((base === '[' && close === ']') || (base === '[[' && close === ']]')) words.pop();
      const out: Path[] = [];
      for (const p of state) {
        const split = evalTest(words, p.env, base === '[[');
        if (split.t) out.push({ item: p.item, env: split.t, status: true });
        if (split.f) out.push({ item: p.item, env: split.f, status: false });
      }
      return out;
    }
    switch (base) {
      case 'true':
      case ':':
        return state.map((p) => ({ ...p, status: true }));
      case 'false':
        return state.map((p) => ({ ...p, status: false }));
      case 'exec': {
        const target = execTarget(cmd);
        if (!target) return state;
        const out: Path[] = [];
        for (const p of state) {
          const argv = expandWords(target, p.env);
          // `exec "$@"` with no arguments execs nothing: the script goes on, and what ran
          // before was a step the author expected to return.
          if (argv.length === 0) {
            out.push({ item: null, env: p.env });
            continue;
          }
          this.execs.push(cmd);
          this.handovers.push({ cmd, argv, ...(this.current ? { fn: this.current } : {}) });
        }
        return out;
      }
      case 'exit':
        // `"$@"` then `exit`: the container's command ran as a child. `"$@" --initialize…`
        // (extra arguments) is a one-shot run of the server on an init path, not the command.
        for (const x of state) if (x.item && x.item.kind === 'argv' && x.item.cmd.kind === 'simple' && x.item.cmd.words.length === 1) this.argvThenExit.push(x.item);
        this.end(state);
        return [];
      case 'return': {
        const top = this.returns[this.returns.length - 1];
        if (top) top.push(...state);
        return [];
      }
      case 'wait':
        // `wait -n; kill …; exit`: the shell sat as PID 1 waiting for any of its background jobs.
        // `wait "$PID"` after stopping a temporary server (docker-library mysql) is not that.
        if (state.length > 0 && (cmd.words.length === 1 || staticValue(cmd.words[1]) === '-n')) this.waits.push(cmd);
        return sig('wait');
      case 'eval': {
        const text = evalText(cmd);
        if (/^exec\s+\S/.test(text)) {
          this.execs.push(cmd);
          this.handovers.push({ cmd, argv: [], ...(this.current ? { fn: this.current } : {}) });
          return [];
        }
        if (/\$\{?[@*]/.test(text)) return sig('argv');
        return supersede(state);
      }
      case 'set': {
        const dd = cmd.words.findIndex((w, i) => i > 0 && staticValue(w) === '--');
        const first = staticValue(cmd.words[1]);
        const from = dd > 0 ? dd + 1 : first !== undefined && !/^[-+]/.test(first) ? 1 : -1;
        if (from > 0) return supersede(state.map((p) => ({ item: p.item, env: setArgs(p.env, expandWords(cmd.words.slice(from), p.env)) })));
        return supersede(state);
      }
      case 'shift': {
        const n = cmd.words[1] ? Number(staticValue(cmd.words[1])) : 1;
        return supersede(state.map((p) => ({ item: p.item, env: shiftArgs(p.env, Number.isInteger(n) ? n : 1) })));
      }
      case 'export':
      case 'local':
      case 'readonly':
      case 'declare':
      case 'typeset':
        return supersede(state.map((p) => ({ item: p.item, env: this.assignWords(cmd.words.slice(1), p.env) })));
    }
    const staticName = staticValue(w0);
    const fn = staticName !== undefined && !staticName.includes('/') ? this.functions.get(staticName) : undefined;
    if (fn) return this.call(fn, cmd, state);
    if (isPlumbing(cmd)) return isPassive(cmd) ? state.map(unknownStatus) : supersede(state);
    // A server in the foreground holds the script here: it is the main process of the path,
    // whatever the script would do after it stops (`echo "started"`, a cleanup).
    const words = cmd.words.map((w) => staticValue(w));
    if (words.every((w) => w !== undefined) && this.isServer(words as string[])) {
      return state.map((p) => ({ item: this.at({ kind: 'program', cmd, start: cmd.start, end: cmd.end }), env: p.env, blocked: true as const }));
    }
    return sig('program');
  }

  /** `NAME=value` words before a command or after `export`. */
  private assignAll(cmd: Simple, env: Env): Env {
    return this.assignWords(cmd.assigns, env);
  }

  private assignWords(words: Word[], env: Env): Env {
    let out = env;
    for (const w of words) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(w.raw);
      if (!m) continue;
      const name = m[1]!;
      // The value's parts: the word's parts minus the `NAME=` literal prefix.
      const [p0, ...rest] = w.parts;
      const parts = p0?.type === 'lit' ? [{ ...p0, text: p0.text.slice(name.length + 1) }, ...rest] : undefined;
      out = assign(out, name, parts ? wordValue({ ...w, parts }, out) : undefined);
    }
    return out;
  }

  private call(fn: FuncDef, cmd: Simple, state: State): State {
    // Recursion, or too deep: treat the call as plumbing.
    if (this.calling.includes(fn.name) || this.calling.length >= MAX_CALLS || !fn.body) return supersede(state);
    this.calling.push(fn.name);
    const returns: Path[] = [];
    this.returns.push(returns);
    const outer = this.current;
    this.current = fn;
    const entered = state.map((p) => ({ item: p.item, env: enterFunction(p.env, expandWords(cmd.words.slice(1), p.env)) }));
    const end = this.command(fn.body, entered);
    this.current = outer;
    this.returns.pop();
    this.calling.pop();
    return [...end, ...returns].map((p) => ({ item: p.item, env: leaveFunction(p.env) }));
  }
}

const noStatus = (p: Path): Path => (p.status === undefined ? p : { item: p.item, env: p.env, ...(p.blocked ? { blocked: true as const } : {}) });
const unknownStatus = noStatus;

/** Every path goes on after a command that did work: what ran before it was a step. */
function supersede(state: State): State {
  return state.map((p) => (p.blocked ? p : { item: null, env: p.env }));
}

/** A command whose status is tested ran, but is not a main process: its own signals become plain steps. */
function tested(before: State, after: State): State {
  const had = new Set(before.map((p) => itemKey(p.item)));
  return after.map((p) => (p.item && !p.blocked && !had.has(itemKey(p.item)) ? { ...p, item: null } : p));
}

/** The names the script's conditions (tests, `case` words) read more than once: its mode switches. */
const namesOf = new WeakMap<Stmt[], Set<string>>();

function conditionNames(stmts: Stmt[], functions: Map<string, FuncDef>): Set<string> {
  const known = namesOf.get(stmts);
  if (known) return known;
  const sites: Word[][] = [];
  const visit = (cmd: Command) => {
    if (cmd.kind === 'simple' && TESTS.has(commandBase(cmd.words[0]) ?? '')) sites.push(cmd.words.slice(1));
    if (cmd.kind === 'case' && cmd.word) sites.push([cmd.word]);
  };
  walkCommands(stmts, visit);
  for (const fn of functions.values()) if (fn.body) walkCommands(functionBody(fn), visit);
  const names = trackedNames(sites);
  namesOf.set(stmts, names);
  return names;
}

/**
 * Follow a script's paths to their ends. `env` says what is known when it starts: the
 * positional parameters of the scenario (unknown by default: any command the user gives).
 */
export function analyzeFlow(stmts: Stmt[], functions: Map<string, FuncDef>, env: Env = UNKNOWN_ARGS, isServer: (words: string[]) => boolean = () => false): FlowResult {
  const flow = new Flow(functions, isServer);
  const end = flow.run(stmts, { ...env, track: conditionNames(stmts, functions) });
  flow.end(end);
  const finals: Sig[] = [];
  const seen = new Set<string>();
  for (const x of end) {
    if (!x.item || seen.has(itemKey(x.item))) continue;
    seen.add(itemKey(x.item));
    finals.push(x.item);
  }
  const skipped = [...flow.reached].filter((b) => !flow.entered.has(b));
  return { finals, handovers: flow.handovers, quietEnd: flow.quietEnd, waits: flow.waits, argvThenExit: flow.argvThenExit, background: flow.background, execs: flow.execs, complete: flow.complete, skipped };
}
