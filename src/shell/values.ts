// What a path through a script knows about its values: the positional parameters (known per
// scenario: `docker run IMAGE` hands the script its CMD words; an override hands it unknown
// ones), the variables it assigned, and facts learnt from the conditions it passed
// (`[ -n "$1" ]`, `case "$MODE" in web)`, `[ "${1#-}" != "$1" ]`). A path that would need one
// unknown value to be both equal and unequal to a literal is infeasible.
import type { Part, Word } from './tokenize.js';

/** A value: known text, or an unknown one named by where it came from (`$1`, `$RUN_MODE`). */
export type Val =
  /** `at`: this is the scenario's argument number `at` (0-based), wherever it was passed on to. */
  | { s: string; at?: number }
  /** `strip`: the value with this literal prefix removed (`${1#-}`); `first`: its first character (`${1:0:1}`). */
  | { sym: string; strip?: string; first?: boolean };

export interface Fact {
  eq?: string;
  ne: string[];
  empty?: boolean;
  /** Starts with the key (true) or not (false). */
  prefix: Record<string, boolean>;
}

export interface Env {
  /** Positional parameters; undefined: unknown (any command the user gives). */
  args?: Val[];
  /** With unknown args: at least one is given. */
  argsGiven?: boolean;
  /** Tracked variables (`undefined` value: known to be unset/empty). Untracked ones are unknown. */
  vars: Record<string, Val | undefined>;
  facts: Record<string, Fact>;
  /**
   * The variables worth tracking (tested in more than one place: a mode switch); facts about
   * and values of the others are not kept, so paths that differ only in them merge.
   */
  track?: ReadonlySet<string>;
  /** The callers' positional parameters while a function runs (innermost last). */
  frames?: { args?: Val[]; argsGiven?: boolean }[];
}

export const UNKNOWN_ARGS: Env = { vars: {}, facts: {} };

export function knownArgs(args: string[]): Env {
  return { args: args.map((s, at) => ({ s, at })), vars: {}, facts: {} };
}

/** A function call: its arguments become the positional parameters until it returns. */
export function enterFunction(env: Env, expanded: Expanded[]): Env {
  const inner = setArgs(env, expanded);
  return { ...inner, frames: [...(env.frames ?? []), { ...(env.args ? { args: env.args } : {}), ...(env.argsGiven ? { argsGiven: true } : {}) }] };
}

/** The function returned: the caller's positional parameters again. */
export function leaveFunction(env: Env): Env {
  const frames = env.frames ?? [];
  const top = frames[frames.length - 1];
  if (!top) return env;
  const out: Env = { ...env, args: top.args, argsGiven: top.argsGiven, frames: frames.slice(0, -1) };
  if (out.frames!.length === 0) delete out.frames;
  if (out.args === undefined) delete out.args;
  if (out.argsGiven === undefined) delete out.argsGiven;
  return out;
}

/** A value nothing can be learnt about (`$(…)`, `read`): facts about it are not kept. */
function freshSym(): Val {
  return { sym: '?' };
}

const isPositional = (name: string) => /^[1-9][0-9]*$/.test(name);

/** The value of a parameter on this path. */
function paramValue(name: string, env: Env): Val | undefined {
  if (isPositional(name)) {
    if (env.args) return env.args[Number(name) - 1] ?? { s: '' };
    return { sym: `$${name}` };
  }
  if (name === '#') return env.args ? { s: String(env.args.length) } : { sym: '$#' };
  if (name === '0') return { sym: '$0' };
  if (name === '@' || name === '*') {
    if (!env.args) return { sym: `$${name}` };
    const all = env.args.map((v) => ('s' in v ? v.s : undefined));
    return all.every((s) => s !== undefined) ? { s: all.join(' ') } : freshSym();
  }
  if (name in env.vars) return env.vars[name] ?? { s: '' };
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { sym: `$${name}` };
  return undefined;
}

/** `${x#pat}` on a known value, for literal patterns and a trailing `*`. */
function stripText(value: string, op: string, pattern: string): string | undefined {
  if (/[?[\]]/.test(pattern) || pattern.slice(0, -1).includes('*')) return undefined;
  const star = pattern.endsWith('*');
  const lit = star ? pattern.slice(0, -1) : pattern;
  if (op === '#' || op === '##') {
    if (!star) return value.startsWith(lit) ? value.slice(lit.length) : value;
    return undefined;
  }
  if (op === '%' || op === '%%') {
    if (pattern.startsWith('*') || star) return undefined;
    return value.endsWith(lit) ? value.slice(0, value.length - lit.length) : value;
  }
  return undefined;
}

function partsValue(parts: Part[], env: Env): Val | undefined {
  const vals: Val[] = [];
  for (const p of parts) {
    const v = partValue(p, env);
    if (v === undefined) return undefined;
    vals.push(v);
  }
  const nonEmpty = vals.filter((v) => !('s' in v) || v.s !== '');
  if (nonEmpty.length === 0) return { s: '' };
  if (nonEmpty.length === 1) return nonEmpty[0];
  if (nonEmpty.every((v) => 's' in v)) return { s: nonEmpty.map((v) => (v as { s: string }).s).join('') };
  return undefined;
}

function partValue(p: Part, env: Env): Val | undefined {
  switch (p.type) {
    case 'lit':
    case 'sq':
    case 'ansi':
      return { s: p.text };
    case 'dq':
      return partsValue(p.parts, env);
    case 'param': {
      if (p.indirect || p.subscript !== undefined) return undefined;
      const base = paramValue(p.name, env);
      if (!base) return undefined;
      if (p.length) return 's' in base ? { s: String(base.s.length) } : undefined;
      switch (p.op) {
        case '':
          return base;
        case ':-':
        case '-': {
          const dflt = partsValue(p.arg, env);
          if ('s' in base) return base.s !== '' || (p.op === '-' && !unset(p.name, env)) ? base : dflt;
          // `${1:-}`: the same unknown value (empty when unset).
          return dflt && 's' in dflt && dflt.s === '' ? base : undefined;
        }
        case '#':
        case '##':
        case '%':
        case '%%': {
          const pat = partsValue(p.arg, env);
          if (!pat || !('s' in pat)) return undefined;
          if ('s' in base) {
            const out = stripText(base.s, p.op, pat.s);
            return out === undefined ? undefined : { s: out };
          }
          if (p.op === '#' && pat.s !== '' && !/[*?[\]]/.test(pat.s) && base.strip === undefined && !base.first) return { sym: base.sym, strip: pat.s };
          return undefined;
        }
        case ':': {
          const range = partsValue(p.arg, env);
          if (!range || !('s' in range)) return undefined;
          const m = /^\s*(\d+)\s*(?::\s*(\d+)\s*)?$/.exec(range.s);
          if (!m) return undefined;
          const from = Number(m[1]);
          const len = m[2] === undefined ? undefined : Number(m[2]);
          if ('s' in base) return { s: base.s.slice(from, len === undefined ? undefined : from + len) };
          if (from === 0 && len === 1 && base.strip === undefined && !base.first) return { sym: base.sym, first: true };
          return undefined;
        }
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

function unset(name: string, env: Env): boolean {
  if (isPositional(name)) return env.args !== undefined && env.args[Number(name) - 1] === undefined;
  return name in env.vars && env.vars[name] === undefined;
}

/** The value of one word on this path (undefined when it cannot be told, e.g. `$(…)`). */
export function wordValue(word: Word, env: Env): Val | undefined {
  return partsValue(word.parts, env);
}

/**
 * The words a command's words expand to on this path, `"$@"` spliced in. Undefined entries are
 * words whose value cannot be told; `args` marks the words that came from the positional
 * parameters, with their index in them.
 */
export interface Expanded {
  value: Val | undefined;
  /** Index into the positional parameters this word came from; `all`: the unknown arguments, however many. */
  arg?: number | 'all';
}

export function expandWords(words: Word[], env: Env): Expanded[] {
  const out: Expanded[] = [];
  for (const w of words) {
    const all = allArgs(w);
    if (all) {
      if (!env.args) {
        out.push({ value: undefined, arg: 'all' });
        continue;
      }
      env.args.forEach((v, i) => out.push({ value: v, arg: i }));
      continue;
    }
    const single = singleArg(w);
    if (single !== undefined) {
      const v = env.args ? env.args[single] : { sym: `$${single + 1}` };
      if (v !== undefined) out.push({ value: v, arg: single });
      continue;
    }
    const v = wordValue(w, env);
    // An unquoted empty expansion disappears.
    if (v && 's' in v && v.s === '' && !w.parts.some((p) => p.type !== 'param' && p.type !== 'lit')) {
      if (w.parts.every((p) => p.type === 'param')) continue;
    }
    out.push({ value: v });
  }
  return out;
}

function allArgs(w: Word): boolean {
  const parts = w.parts.length === 1 && w.parts[0]!.type === 'dq' ? w.parts[0]!.parts : w.parts;
  const [p] = parts;
  return parts.length === 1 && p?.type === 'param' && (p.name === '@' || (p.name === '*' && w.parts[0]!.type !== 'dq')) && p.op === '' && !p.length && !p.indirect;
}

function singleArg(w: Word): number | undefined {
  const parts = w.parts.length === 1 && w.parts[0]!.type === 'dq' ? w.parts[0]!.parts : w.parts;
  const [p] = parts;
  if (parts.length !== 1 || p?.type !== 'param' || !isPositional(p.name) || p.op !== '' || p.length) return undefined;
  return Number(p.name) - 1;
}

/** Does the word hold the positional parameters (`"$@"`, `$*`, `"$1"`)? */
export function readsArgs(w: Word): boolean {
  return allArgs(w) || singleArg(w) !== undefined;
}

// ---- facts ---------------------------------------------------------------------------

function factOf(env: Env, sym: string): Fact {
  return env.facts[sym] ?? { ne: [], prefix: {} };
}

function consistent(f: Fact): boolean {
  if (f.eq !== undefined) {
    if (f.ne.includes(f.eq)) return false;
    if (f.empty === true && f.eq !== '') return false;
    if (f.empty === false && f.eq === '') return false;
    for (const [p, has] of Object.entries(f.prefix)) if (f.eq.startsWith(p) !== has) return false;
  }
  if (f.empty === true) {
    if (f.ne.includes('')) return false;
    for (const [p, has] of Object.entries(f.prefix)) if (has && p !== '') return false;
  }
  return true;
}

/** The env with one more fact about `sym`, or undefined when the path becomes infeasible. */
function withFact(env: Env, sym: string, change: (f: Fact) => Fact): Env | undefined {
  if (sym === '?' || !tracked(env, sym.slice(1))) return env;
  const before = factOf(env, sym);
  const after = change({ eq: before.eq, ne: [...before.ne], empty: before.empty, prefix: { ...before.prefix } } as Fact);
  if (after.eq === undefined) delete after.eq;
  if (after.empty === undefined) delete after.empty;
  if (!consistent(after)) return undefined;
  // With an unknown but given command, $1 is not empty.
  if (sym === '$1' && env.argsGiven && (after.empty === true || after.eq === '')) return undefined;
  return { ...env, facts: { ...env.facts, [sym]: after } };
}

/** A truth value for the path: both branches' envs, each undefined when that branch cannot happen. */
export interface Split {
  t?: Env;
  f?: Env;
}

const unknownSplit = (env: Env): Split => ({ t: env, f: env });

/** `a = b` on this path. */
function equality(a: Val | undefined, b: Val | undefined, env: Env): Split {
  if (!a || !b) return unknownSplit(env);
  if ('s' in a && 's' in b) return a.s === b.s ? { t: env } : { f: env };
  if ('sym' in a && 'sym' in b) {
    // `"${1#-}" = "$1"`: true exactly when $1 does not start with the prefix.
    const [x, y] = a.strip !== undefined ? [a, b] : [b, a];
    if (x.strip !== undefined && y.strip === undefined && !y.first && x.sym === y.sym && x.sym !== '?' && !x.first) {
      const prefix = x.strip;
      return { t: withFact(env, x.sym, (f) => ({ ...f, prefix: { ...f.prefix, [prefix]: false } })), f: withFact(env, x.sym, (f) => ({ ...f, prefix: { ...f.prefix, [prefix]: true } })) };
    }
    return unknownSplit(env);
  }
  const sym = ('sym' in a ? a : b) as Extract<Val, { sym: string }>;
  const lit = ('s' in a ? a : b) as { s: string };
  if (sym.first) {
    // `"${1:0:1}" = "-"`: a one-character literal is a prefix fact.
    if (lit.s.length !== 1) return lit.s === '' ? { t: withFact(env, sym.sym, (f) => ({ ...f, empty: true })), f: withFact(env, sym.sym, (f) => ({ ...f, empty: false })) } : { f: env };
    return { t: withFact(env, sym.sym, (f) => ({ ...f, prefix: { ...f.prefix, [lit.s]: true } })), f: withFact(env, sym.sym, (f) => ({ ...f, prefix: { ...f.prefix, [lit.s]: false } })) };
  }
  if (sym.strip !== undefined) return unknownSplit(env);
  return {
    t: withFact(env, sym.sym, (f) => ({ ...f, eq: lit.s, ...(lit.s === '' ? { empty: true } : { empty: false }) })),
    f: withFact(env, sym.sym, (f) => ({ ...f, ne: [...f.ne, lit.s], ...(lit.s === '' ? { empty: false } : {}) })),
  };
}

function emptiness(v: Val | undefined, env: Env): Split {
  if (!v) return unknownSplit(env);
  if ('s' in v) return v.s === '' ? { t: env } : { f: env };
  if (v.strip !== undefined || v.first) return unknownSplit(env);
  return { t: withFact(env, v.sym, (f) => ({ ...f, empty: true })), f: withFact(env, v.sym, (f) => ({ ...f, empty: false })) };
}

function numeric(a: Val | undefined, op: string, b: Val | undefined, env: Env): Split {
  const x = a && 's' in a && /^-?\d+$/.test(a.s.trim()) ? Number(a.s) : undefined;
  const y = b && 's' in b && /^-?\d+$/.test(b.s.trim()) ? Number(b.s) : undefined;
  // `$# -gt 0` with an unknown but given command.
  if (x === undefined && a && 'sym' in a && a.sym === '$#' && env.argsGiven && y === 0) {
    if (op === '-gt' || op === '-ne') return { t: env };
    if (op === '-eq' || op === '-le') return { f: env };
  }
  if (x === undefined || y === undefined) return unknownSplit(env);
  const r = op === '-eq' ? x === y : op === '-ne' ? x !== y : op === '-gt' ? x > y : op === '-ge' ? x >= y : op === '-lt' ? x < y : x <= y;
  return r ? { t: env } : { f: env };
}

const negate = (s: Split): Split => ({ ...(s.f ? { t: s.f } : {}), ...(s.t ? { f: s.t } : {}) });

/** A shell glob pattern as a regular expression (`*`, `?`, bracket expressions). */
function globRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

/** The literal text of a pattern word with its glob characters kept (quoted ones escaped). */
function patternText(word: Word, env: Env): string | undefined {
  let out = '';
  const add = (parts: Part[], quoted: boolean): boolean => {
    for (const p of parts) {
      if (p.type === 'lit') out += quoted ? p.text.replace(/[*?[]/g, '\\$&') : p.text;
      else if (p.type === 'sq' || p.type === 'ansi') out += p.text.replace(/[*?[]/g, '\\$&');
      else if (p.type === 'dq') {
        if (!add(p.parts, true)) return false;
      } else {
        const v = partValue(p, env);
        if (!v || !('s' in v)) return false;
        out += v.s.replace(/[*?[]/g, '\\$&');
      }
    }
    return true;
  };
  return add(word.parts, false) ? out : undefined;
}

/** Does the value match a `case` pattern on this path? */
export function patternMatch(v: Val | undefined, pattern: Word, env: Env): Split {
  const text = patternText(pattern, env);
  if (text === undefined || !v) return unknownSplit(env);
  const hasGlob = /(^|[^\\])[*?[]/.test(text);
  const literal = text.replace(/\\(.)/g, '$1');
  if ('s' in v) return globRegex(text).test(v.s) ? { t: env } : { f: env };
  if (text === '*') return { t: env };
  if (!hasGlob) return equality(v, { s: literal }, env);
  // `-*)`: a prefix.
  const m = /^((?:\\.|[^*?[\\])+)\*$/.exec(text);
  if (m && v.strip === undefined && !v.first) {
    const prefix = m[1]!.replace(/\\(.)/g, '$1');
    return { t: withFact(env, v.sym, (f) => ({ ...f, prefix: { ...f.prefix, [prefix]: true } })), f: withFact(env, v.sym, (f) => ({ ...f, prefix: { ...f.prefix, [prefix]: false } })) };
  }
  // A known value for the symbol decides it.
  const eq = v.strip === undefined && !v.first ? env.facts[v.sym]?.eq : undefined;
  if (eq !== undefined) return globRegex(text).test(eq) ? { t: env } : { f: env };
  return unknownSplit(env);
}

/**
 * The truth of a test command (`[ … ]`, `test …`, `[[ … ]]`) on this path, from its words
 * after the command name (the closing bracket removed). Undefined when it is not one we read.
 */
export function evalTest(words: Word[], env: Env, extended: boolean): Split {
  return testExpr(words, 0, words.length, env, extended);
}

function testExpr(w: Word[], from: number, to: number, env: Env, extended: boolean): Split {
  const n = to - from;
  const lit = (i: number) => (w[i] ? (w[i]!.parts.every((p) => p.type === 'lit') ? w[i]!.raw : undefined) : undefined);
  // `-a`/`-o`, `&&`/`||`: split at the lowest-precedence operator.
  for (const ops of [['-o', '||'], ['-a', '&&']]) {
    for (let i = to - 1; i > from; i--) {
      const op = lit(i);
      if (op === undefined || !ops.includes(op)) continue;
      if ((op === '-o' || op === '-a') && extended) continue;
      if ((op === '||' || op === '&&') && !extended) continue;
      const left = testExpr(w, from, i, env, extended);
      if (ops[0] === '-o') {
        // true: left true, or left false and right true.
        const right = left.f ? testExpr(w, i + 1, to, left.f, extended) : {};
        return { ...(left.t || right.t ? { t: left.t ?? right.t } : {}), ...(right.f ? { f: right.f } : {}) };
      }
      const right = left.t ? testExpr(w, i + 1, to, left.t, extended) : {};
      return { ...(right.t ? { t: right.t } : {}), ...(left.f || right.f ? { f: left.f ?? right.f } : {}) };
    }
  }
  if (n >= 1 && lit(from) === '!') return negate(testExpr(w, from + 1, to, env, extended));
  if (n === 3 && lit(from) === '(' && lit(to - 1) === ')') return testExpr(w, from + 1, to - 1, env, extended);
  // `[ "$x" ]`: true when not empty.
  if (n === 1) return negate(emptiness(wordValue(w[from]!, env), env));
  if (n === 2) {
    const op = lit(from);
    if (op === '-n') return negate(emptiness(wordValue(w[from + 1]!, env), env));
    if (op === '-z') return emptiness(wordValue(w[from + 1]!, env), env);
    return unknownSplit(env);
  }
  if (n === 3) {
    const op = lit(from + 1);
    const a = wordValue(w[from]!, env);
    if (op === '=' || op === '==') {
      if (extended) return patternMatch(a, w[from + 2]!, env);
      return equality(a, wordValue(w[from + 2]!, env), env);
    }
    if (op === '!=') {
      if (extended) return negate(patternMatch(a, w[from + 2]!, env));
      return negate(equality(a, wordValue(w[from + 2]!, env), env));
    }
    if (op && /^-(eq|ne|gt|ge|lt|le)$/.test(op)) return numeric(a, op, wordValue(w[from + 2]!, env), env);
  }
  return unknownSplit(env);
}

// ---- changes to the env ----------------------------------------------------------------

/** `set -- words…` on this path. */
export function setArgs(env: Env, expanded: Expanded[]): Env {
  if (expanded.some((e) => e.arg === 'all')) return { ...env, args: undefined, argsGiven: env.argsGiven || expanded.length > 1 };
  return { ...env, args: expanded.map((e) => e.value ?? freshSym()), argsGiven: undefined };
}

/** `shift n`. */
export function shiftArgs(env: Env, n: number): Env {
  if (!env.args) return { ...env, argsGiven: undefined };
  return { ...env, args: env.args.slice(n) };
}

/** `NAME=value` on this path (value undefined: unknown). */
export function assign(env: Env, name: string, value: Val | undefined): Env {
  if (!tracked(env, name)) return env;
  return { ...env, vars: { ...env.vars, [name]: value ?? freshSym() } };
}

/** Positional parameters are always tracked (the scenario knows them); variables when tested more than once. */
function tracked(env: Env, name: string): boolean {
  return isPositional(name) || name === '#' || name === '@' || name === '*' || (env.track?.has(name) ?? false);
}

/** A key that tells two envs apart (paths with equal keys are merged). */
const keys = new WeakMap<Env, string>();

export function envKey(env: Env): string {
  // Envs are never changed in place (every change makes a new one), so a key is computed once.
  let key = keys.get(env);
  if (key === undefined) {
    key = JSON.stringify([env.args ?? null, env.argsGiven ?? null, env.vars, env.facts, env.frames ?? null]);
    keys.set(env, key);
  }
  return key;
}

/** Count how often each name is read by a condition; those read by two or more are tracked. */
export function trackedNames(conditionWords: Word[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const words of conditionWords) {
    const names = new Set<string>();
    const visit = (parts: Part[]) => {
      for (const p of parts) {
        if (p.type === 'param') names.add(p.name);
        else if (p.type === 'dq') visit(p.parts);
      }
    };
    for (const w of words) visit(w.parts);
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, c]) => c >= 2).map(([n]) => n));
}
