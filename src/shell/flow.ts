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
// Linear: each function body is summarised once, each construct is evaluated a bounded number of times.
import type { Command, FuncDef, Pipeline, Simple, Stmt } from './structure.js';
import type { Word } from './tokenize.js';
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

export interface FlowResult {
  /** The last significant command of each path that runs off the end of the script. */
  finals: Sig[];
  /** `"$@"` run without exec and then `exit`. */
  argvThenExit: Sig[];
  /** Significant commands started in the background (`app &`). */
  background: Sig[];
  /** `exec` commands that replace the shell, in evaluation order. */
  execs: Simple[];
  /** False when the script was too large to follow completely (then report nothing). */
  complete: boolean;
}

const PASS = Symbol('caller');
type Item = Sig | null | typeof PASS;
type State = Set<Item>;

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

class Flow {
  readonly argvThenExit: Sig[] = [];
  readonly background: Sig[] = [];
  readonly execs: Simple[] = [];
  complete = true;
  private budget = BUDGET;
  private readonly summaries = new Map<string, State | 'computing'>();
  private returns: State[] = [];
  private current: FuncDef | undefined;

  constructor(private readonly functions: Map<string, FuncDef>) {}

  run(stmts: Stmt[]): State {
    return this.list(stmts, new Set<Item>([null]));
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

  list(stmts: Stmt[], state: State): State {
    let s = state;
    for (const stmt of stmts) {
      if (s.size === 0 || !this.complete) break;
      s = this.stmt(stmt, s);
      if (s.size > MAX_PATHS) this.complete = false;
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
          const sig = this.isolated(cmd);
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
    const out = new Set<Item>();
    let current = state;
    pipelines.forEach((pl, i) => {
      const before = current;
      let after = this.pipeline(pl, current);
      if (i < lastReal || pl.negated) after = tested(before, after);
      for (const x of after) out.add(x);
      current = i === 0 ? after : out;
    });
    return pipelines.length === 1 ? current : out;
  }

  /** A command that neither runs a program nor does work (see PASSIVE). */
  private passiveCommand(cmd: Command): boolean {
    return cmd.kind === 'simple' && isPassive(cmd);
  }

  /** Evaluate a condition: its commands run, but their status is consumed. */
  private condition(stmts: Stmt[], state: State): State {
    return tested(state, this.list(stmts, state));
  }

  private pipeline(pl: Pipeline, state: State): State {
    if (pl.commands.length === 0) return state;
    if (pl.commands.length === 1) return this.command(pl.commands[0]!, state);
    for (const cmd of pl.commands) {
      const sig = this.isolated(cmd);
      if (sig) return new Set<Item>([this.at({ kind: 'pipeline', cmd, start: pl.start, end: pl.commands[pl.commands.length - 1]!.end, pipeline: pl.commands })]);
    }
    return pl.commands.every((c) => this.passiveCommand(c)) ? state : supersede(state);
  }

  /** Evaluate a command on its own (pipeline element, background job, subshell body): its significant command, if any. */
  private isolated(cmd: Command): Sig | undefined {
    const execsBefore = this.execs.length;
    const result = this.command(cmd, new Set<Item>([null]));
    for (const x of result) if (x && x !== PASS) return x;
    if (this.execs.length > execsBefore) {
      const exec = this.execs[this.execs.length - 1]!;
      this.execs.length = execsBefore; // an exec in a subshell replaces the subshell only
      return this.at({ kind: 'program', cmd: exec, start: exec.start, end: exec.end });
    }
    return undefined;
  }

  private command(cmd: Command, state: State): State {
    if (!this.spend()) return state;
    switch (cmd.kind) {
      case 'simple':
        return this.simple(cmd, state);
      case 'function':
        return state;
      case 'group':
        return this.list(cmd.body, state);
      case 'subshell': {
        const execsBefore = this.execs.length;
        const inner = this.list(cmd.body, new Set<Item>([PASS]));
        const replaced = this.execs.length > execsBefore;
        this.execs.length = execsBefore;
        const significant = replaced || [...inner].some((x) => x !== null && x !== PASS);
        if (significant) return new Set<Item>([this.at({ kind: 'subshell', cmd, start: cmd.start, end: cmd.end })]);
        return inner.has(null) ? supersede(state) : state;
      }
      case 'if': {
        const out = new Set<Item>();
        let cur = state;
        for (const clause of cmd.clauses) {
          cur = this.condition(clause.cond, cur);
          for (const x of this.list(clause.body, cur)) out.add(x);
        }
        for (const x of cmd.elseBody ? this.list(cmd.elseBody, cur) : cur) out.add(x);
        return out;
      }
      case 'case': {
        const out = new Set<Item>();
        let catchAll = false;
        for (const item of cmd.items) {
          if (item.patterns.some((p) => p.raw === '*')) catchAll = true;
          for (const x of this.list(item.body, state)) out.add(x);
        }
        if (!catchAll) for (const x of state) out.add(x);
        return out;
      }
      case 'while':
      case 'until': {
        // The condition runs again after each pass of the body: what the body ran is a step
        // unless the condition is a pure test or constant (`while true`: a restart loop).
        const afterCond = this.condition(cmd.cond, state);
        const out = new Set<Item>(afterCond);
        const afterBody = this.list(cmd.body, afterCond);
        for (const x of this.condition(cmd.cond, afterBody)) out.add(x);
        return out;
      }
      case 'for': {
        // A command run once per item is a step, never the container's main process.
        const out = new Set<Item>(state);
        for (const x of tested(state, this.list(cmd.body, state))) out.add(x);
        return out;
      }
    }
  }

  private simple(cmd: Simple, state: State): State {
    const w0 = cmd.words[0];
    if (!w0) return supersede(state); // an assignment or redirection: work for what follows
    const base = commandBase(w0);
    const sig = (kind: SigKind): State => new Set<Item>([this.at({ kind, cmd, start: cmd.start, end: cmd.end })]);
    if (base === undefined) return sig(isArgvWord(w0) ? 'argv' : 'program');
    switch (base) {
      case 'exec':
        if (!execTarget(cmd)) return state;
        this.execs.push(cmd);
        return new Set();
      case 'exit':
        // `"$@"` then `exit`: the container's command ran as a child. `"$@" --initialize…`
        // (extra arguments) is a one-shot run of the server on an init path, not the command.
        for (const x of state) if (x && x !== PASS && x.kind === 'argv' && x.cmd.kind === 'simple' && x.cmd.words.length === 1) this.argvThenExit.push(x);
        return new Set();
      case 'return': {
        const top = this.returns[this.returns.length - 1];
        if (top) for (const x of state) top.add(x);
        return new Set();
      }
      case 'wait':
        return sig('wait');
      case 'eval': {
        const text = evalText(cmd);
        if (/^exec\s+\S/.test(text)) {
          this.execs.push(cmd);
          return new Set();
        }
        if (/\$\{?[@*]/.test(text)) return sig('argv');
        return supersede(state);
      }
    }
    const staticName = staticValue(w0);
    const fn = staticName !== undefined && !staticName.includes('/') ? this.functions.get(staticName) : undefined;
    if (fn) return this.call(fn, state);
    if (isPlumbing(cmd)) return isPassive(cmd) ? state : supersede(state);
    return sig('program');
  }

  private call(fn: FuncDef, state: State): State {
    let summary = this.summaries.get(fn.name);
    if (summary === 'computing') return state; // recursion: treat as plumbing
    if (!summary) {
      this.summaries.set(fn.name, 'computing');
      const returns = new Set<Item>();
      this.returns.push(returns);
      const outer = this.current;
      this.current = fn;
      const end = fn.body ? this.command(fn.body, new Set<Item>([PASS])) : new Set<Item>([PASS]);
      this.current = outer;
      this.returns.pop();
      summary = new Set<Item>([...end, ...returns]);
      this.summaries.set(fn.name, summary);
    }
    const out = new Set<Item>();
    for (const x of summary) {
      if (x === PASS) for (const y of state) out.add(y);
      else out.add(x);
    }
    return out;
  }
}

/** Every path goes on after a command that did work: what ran before it was a step. */
function supersede(state: State): State {
  return state.size === 0 ? state : new Set<Item>([null]);
}

/** A command whose status is tested ran, but is not a main process: its own signals become plain steps. */
function tested(before: State, after: State): State {
  const out = new Set<Item>();
  for (const x of after) out.add(x && x !== PASS && !before.has(x) ? null : x);
  return out;
}

/** Follow a script's paths to their ends. */
export function analyzeFlow(stmts: Stmt[], functions: Map<string, FuncDef>): FlowResult {
  const flow = new Flow(functions);
  const end = flow.run(stmts);
  const finals: Sig[] = [];
  for (const x of end) if (x && x !== PASS) finals.push(x);
  return { finals, argvThenExit: flow.argvThenExit, background: flow.background, execs: flow.execs, complete: flow.complete };
}
