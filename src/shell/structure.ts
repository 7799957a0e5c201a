// The structure of a wrapper script: statements, and-or lists, pipelines and compound
// commands (if/case/loops/functions/groups), built from tokenize.ts's tokens. Tolerant:
// it never throws, always makes progress, and stops nesting at MAX_NESTING (deeper input
// is read as flat simple commands).
import type { HeredocInfo, Part, Token, Word } from './tokenize.js';

export interface Redir {
  op: string;
  fd: string;
  target?: Word;
  heredoc?: HeredocInfo;
  start: number;
}

export interface Simple {
  kind: 'simple';
  /** Leading `NAME=value` words. */
  assigns: Word[];
  /** Command name and arguments (`[[ … ]]` keeps its brackets as words). */
  words: Word[];
  redirs: Redir[];
  start: number;
  end: number;
}

export interface IfClause {
  cond: Stmt[];
  body: Stmt[];
  start: number;
}

export interface If {
  kind: 'if';
  clauses: IfClause[];
  elseBody?: Stmt[];
  redirs: Redir[];
  start: number;
  end: number;
}

export interface CaseItem {
  patterns: Word[];
  body: Stmt[];
  start: number;
}

export interface Case {
  kind: 'case';
  word?: Word;
  items: CaseItem[];
  redirs: Redir[];
  start: number;
  end: number;
}

export interface Loop {
  kind: 'while' | 'until';
  cond: Stmt[];
  body: Stmt[];
  redirs: Redir[];
  start: number;
  end: number;
}

export interface For {
  kind: 'for';
  variable?: string;
  /** undefined: iterates over "$@". */
  items?: Word[];
  body: Stmt[];
  redirs: Redir[];
  start: number;
  end: number;
}

export interface Group {
  kind: 'group' | 'subshell';
  body: Stmt[];
  redirs: Redir[];
  start: number;
  end: number;
}

export interface FuncDef {
  kind: 'function';
  name: string;
  /** Declared with the `function` keyword (bash/ksh). */
  keyword: boolean;
  body?: Command;
  start: number;
  end: number;
}

export type Command = Simple | If | Case | Loop | For | Group | FuncDef;

export interface Pipeline {
  negated: boolean;
  commands: Command[];
  start: number;
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface Stmt {
  andOr: AndOr;
  background: boolean;
  start: number;
  end: number;
}

const MAX_NESTING = 120;
const RESERVED_CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}', 'in']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

class Parser {
  p = 0;
  constructor(private readonly tokens: Token[]) {}

  private tok(offset = 0): Token | undefined {
    return this.tokens[this.p + offset];
  }

  private wordAt(offset = 0): string | undefined {
    const t = this.tok(offset);
    return t?.kind === 'word' ? t.word.raw : undefined;
  }

  private isOp(op: string, offset = 0): boolean {
    const t = this.tok(offset);
    return t?.kind === 'op' && t.op === op;
  }

  private lastEnd(): number {
    const t = this.tokens[this.p - 1];
    if (!t) return 0;
    if (t.kind === 'word') return t.word.end;
    if (t.kind === 'redir') return t.end;
    if (t.kind === 'op') return t.start + t.op.length;
    return t.start;
  }

  private skipNewlines(): void {
    while (this.tok()?.kind === 'newline') this.p++;
  }

  private expectWord(word: string): boolean {
    this.skipSeparators();
    if (this.wordAt() === word) {
      this.p++;
      return true;
    }
    return false;
  }

  private skipSeparators(): void {
    for (;;) {
      const t = this.tok();
      if (t?.kind === 'newline' || (t?.kind === 'op' && t.op === ';')) this.p++;
      else break;
    }
  }

  /**
   * A list of statements up to (not consuming) a terminator: a reserved word in `closers`
   * at command position, `)` when `paren`, `;;` when `caseItem`, or the end.
   */
  parseList(closers: Set<string>, depth: number, paren = false, caseItem = false): Stmt[] {
    const stmts: Stmt[] = [];
    for (;;) {
      this.skipSeparators();
      const t = this.tok();
      if (!t) break;
      if (t.kind === 'word' && closers.has(t.word.raw)) break;
      if (t.kind === 'op' && t.op === ')') {
        if (paren || caseItem) break;
        this.p++; // stray `)`: skip
        continue;
      }
      if (t.kind === 'op' && (t.op === ';;' || t.op === ';&' || t.op === ';;&')) {
        if (caseItem) break;
        this.p++;
        continue;
      }
      if (t.kind === 'word' && RESERVED_CLOSERS.has(t.word.raw) && t.word.raw !== '}' && t.word.raw !== 'in') {
        // A closer nobody opened (`fi` at the top level): skip it.
        this.p++;
        continue;
      }
      const before = this.p;
      const stmt = this.parseStmt(closers, depth);
      if (stmt) stmts.push(stmt);
      if (this.p === before) this.p++; // never stall
    }
    return stmts;
  }

  private parseStmt(closers: Set<string>, depth: number): Stmt | undefined {
    const start = this.tok()?.start ?? 0;
    const andOr = this.parseAndOr(closers, depth);
    if (!andOr) return undefined;
    let background = false;
    if (this.isOp('&')) {
      background = true;
      this.p++;
    } else if (this.isOp(';')) {
      this.p++;
    }
    return { andOr, background, start, end: this.lastEnd() };
  }

  private parseAndOr(closers: Set<string>, depth: number): AndOr | undefined {
    const first = this.parsePipeline(closers, depth);
    if (!first) return undefined;
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.tok();
      if (t?.kind !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.p++;
      this.skipNewlines();
      const next = this.parsePipeline(closers, depth);
      if (!next) break;
      rest.push({ op: t.op as '&&' | '||', pipeline: next });
    }
    return { first, rest };
  }

  private parsePipeline(closers: Set<string>, depth: number): Pipeline | undefined {
    const start = this.tok()?.start ?? 0;
    let negated = false;
    while (this.wordAt() === '!' || this.wordAt() === 'time') {
      if (this.wordAt() === '!') negated = !negated;
      this.p++;
    }
    const commands: Command[] = [];
    const first = this.parseCommand(closers, depth);
    if (!first) return negated ? { negated, commands, start } : undefined;
    commands.push(first);
    for (;;) {
      const t = this.tok();
      if (t?.kind !== 'op' || (t.op !== '|' && t.op !== '|&')) break;
      this.p++;
      this.skipNewlines();
      const next = this.parseCommand(closers, depth);
      if (!next) break;
      commands.push(next);
    }
    return { negated, commands, start };
  }

  private parseCommand(closers: Set<string>, depth: number): Command | undefined {
    const t = this.tok();
    if (!t) return undefined;
    if (depth < MAX_NESTING) {
      if (t.kind === 'op' && t.op === '(') return this.withRedirs(this.parseGroup('subshell', depth));
      if (t.kind === 'word') {
        switch (t.word.raw) {
          case 'if':
            return this.withRedirs(this.parseIf(closers, depth));
          case 'case':
            return this.withRedirs(this.parseCase(closers, depth));
          case 'while':
          case 'until':
            return this.withRedirs(this.parseLoop(t.word.raw, closers, depth));
          case 'for':
          case 'select':
            return this.withRedirs(this.parseFor(closers, depth));
          case '{':
            return this.withRedirs(this.parseGroup('group', depth));
          case 'function':
            return this.parseFunction(true, closers, depth);
          default:
            if (this.isOp('(', 1) && this.isOp(')', 2) && /^[^\s$"'`=]+$/.test(t.word.raw)) return this.parseFunction(false, closers, depth);
        }
      }
    }
    return this.parseSimple();
  }

  private withRedirs<T extends { redirs: Redir[]; end: number }>(cmd: T): T {
    for (;;) {
      const t = this.tok();
      if (t?.kind !== 'redir') break;
      cmd.redirs.push(toRedir(t));
      cmd.end = t.end;
      this.p++;
    }
    return cmd;
  }

  private parseSimple(): Simple | undefined {
    const start = this.tok()?.start ?? 0;
    const cmd: Simple = { kind: 'simple', assigns: [], words: [], redirs: [], start, end: start };
    let inDoubleBracket = false;
    for (;;) {
      const t = this.tok();
      if (!t) break;
      if (t.kind === 'newline') {
        // `[[ … ]]` may continue after `&&`/`||` on the next line.
        const prev = this.tokens[this.p - 1];
        if (inDoubleBracket && prev?.kind === 'op' && (prev.op === '&&' || prev.op === '||')) {
          this.p++;
          continue;
        }
        break;
      }
      if (t.kind === 'redir') {
        if (inDoubleBracket && (t.op === '<' || t.op === '>')) {
          // A comparison inside [[ ]], not a redirection.
          cmd.words.push({ raw: t.op, parts: [{ type: 'lit', text: t.op }], start: t.start, end: t.start + 1 });
          if (t.target) cmd.words.push(t.target);
          cmd.end = t.end;
          this.p++;
          continue;
        }
        cmd.redirs.push(toRedir(t));
        cmd.end = t.end;
        this.p++;
        continue;
      }
      if (t.kind === 'op') {
        if (inDoubleBracket && t.op !== ';' && t.op !== ';;' && t.op !== '&') {
          cmd.words.push({ raw: t.op, parts: [{ type: 'lit', text: t.op }], start: t.start, end: t.start + t.op.length });
          cmd.end = t.start + t.op.length;
          this.p++;
          continue;
        }
        break;
      }
      const w = t.word;
      if (cmd.words.length === 0 && ASSIGNMENT.test(w.raw)) {
        cmd.assigns.push(w);
      } else {
        if (cmd.words.length === 0 && w.raw === '[[') inDoubleBracket = true;
        else if (inDoubleBracket && w.raw === ']]') inDoubleBracket = false;
        cmd.words.push(w);
      }
      cmd.end = w.end;
      this.p++;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) return undefined;
    return cmd;
  }

  private parseIf(closers: Set<string>, depth: number): If {
    const start = this.tok()!.start;
    this.p++; // if
    const clauses: IfClause[] = [];
    let elseBody: Stmt[] | undefined;
    const condClosers = union(closers, ['then', 'fi']);
    const bodyClosers = union(closers, ['elif', 'else', 'fi']);
    let clauseStart = start;
    for (;;) {
      const cond = this.parseList(condClosers, depth + 1);
      this.expectWord('then');
      const body = this.parseList(bodyClosers, depth + 1);
      clauses.push({ cond, body, start: clauseStart });
      this.skipSeparators();
      const w = this.wordAt();
      if (w === 'elif') {
        clauseStart = this.tok()!.start;
        this.p++;
        continue;
      }
      if (w === 'else') {
        this.p++;
        elseBody = this.parseList(union(closers, ['fi']), depth + 1);
      }
      this.expectWord('fi');
      break;
    }
    const node: If = { kind: 'if', clauses, redirs: [], start, end: this.lastEnd() };
    if (elseBody) node.elseBody = elseBody;
    return node;
  }

  private parseCase(closers: Set<string>, depth: number): Case {
    const start = this.tok()!.start;
    this.p++; // case
    const node: Case = { kind: 'case', items: [], redirs: [], start, end: start };
    const t = this.tok();
    if (t?.kind === 'word') {
      node.word = t.word;
      this.p++;
    }
    this.skipNewlines();
    if (this.wordAt() === 'in') this.p++;
    const bodyClosers = union(closers, ['esac']);
    for (;;) {
      this.skipNewlines();
      const cur = this.tok();
      if (!cur) break;
      if (cur.kind === 'word' && cur.word.raw === 'esac') {
        this.p++;
        break;
      }
      if (cur.kind === 'word' && closers.has(cur.word.raw)) break;
      const before = this.p;
      const itemStart = cur.start;
      if (this.isOp('(')) this.p++;
      const patterns: Word[] = [];
      for (;;) {
        const pt = this.tok();
        if (pt?.kind === 'word') {
          patterns.push(pt.word);
          this.p++;
        } else if (pt?.kind === 'op' && pt.op === '|') {
          this.p++;
        } else break;
      }
      if (this.isOp(')')) this.p++;
      const body = this.parseList(bodyClosers, depth + 1, false, true);
      node.items.push({ patterns, body, start: itemStart });
      const sep = this.tok();
      if (sep?.kind === 'op' && (sep.op === ';;' || sep.op === ';&' || sep.op === ';;&')) this.p++;
      if (this.p === before) this.p++;
    }
    node.end = this.lastEnd();
    return node;
  }

  private parseLoop(kind: 'while' | 'until', closers: Set<string>, depth: number): Loop {
    const start = this.tok()!.start;
    this.p++;
    const cond = this.parseList(union(closers, ['do', 'done']), depth + 1);
    this.expectWord('do');
    const body = this.parseList(union(closers, ['done']), depth + 1);
    this.expectWord('done');
    return { kind, cond, body, redirs: [], start, end: this.lastEnd() };
  }

  private parseFor(closers: Set<string>, depth: number): For {
    const start = this.tok()!.start;
    this.p++;
    const node: For = { kind: 'for', body: [], redirs: [], start, end: start };
    const v = this.tok();
    if (v?.kind === 'word') {
      node.variable = v.word.raw;
      this.p++;
    }
    this.skipNewlines();
    if (this.wordAt() === 'in') {
      this.p++;
      node.items = [];
      for (;;) {
        const t = this.tok();
        if (t?.kind !== 'word') break;
        node.items.push(t.word);
        this.p++;
      }
    }
    this.skipSeparators();
    if (this.wordAt() === '{') {
      const group = this.parseGroup('group', depth);
      node.body = group.body;
    } else {
      this.expectWord('do');
      node.body = this.parseList(union(closers, ['done']), depth + 1);
      this.expectWord('done');
    }
    node.end = this.lastEnd();
    return node;
  }

  private parseGroup(kind: 'group' | 'subshell', depth: number): Group {
    const start = this.tok()!.start;
    this.p++;
    let body: Stmt[];
    if (kind === 'subshell') {
      body = this.parseList(new Set(), depth + 1, true);
      if (this.isOp(')')) this.p++;
    } else {
      body = this.parseList(new Set(['}']), depth + 1);
      this.expectWord('}');
    }
    return { kind, body, redirs: [], start, end: this.lastEnd() };
  }

  private parseFunction(keyword: boolean, closers: Set<string>, depth: number): FuncDef {
    const start = this.tok()!.start;
    if (keyword) this.p++;
    const nameTok = this.tok();
    let name = '';
    if (nameTok?.kind === 'word') {
      name = nameTok.word.raw;
      this.p++;
    }
    if (this.isOp('(') && this.isOp(')', 1)) this.p += 2;
    this.skipNewlines();
    const node: FuncDef = { kind: 'function', name, keyword, start, end: this.lastEnd() };
    const body = this.tok() ? this.parseCommand(closers, depth + 1) : undefined;
    if (body) node.body = body;
    node.end = this.lastEnd();
    return node;
  }
}

function union(set: Set<string>, more: string[]): Set<string> {
  const out = new Set(set);
  for (const m of more) out.add(m);
  return out;
}

function toRedir(t: Extract<Token, { kind: 'redir' }>): Redir {
  const r: Redir = { op: t.op, fd: t.fd, start: t.start };
  if (t.target) r.target = t.target;
  if (t.heredoc) r.heredoc = t.heredoc;
  return r;
}

const parsed = new WeakMap<Token[], Stmt[]>();

/** Parse a token list into statements (memoised per token list). Never throws. */
export function parseTokens(tokens: Token[]): Stmt[] {
  let stmts = parsed.get(tokens);
  if (!stmts) {
    stmts = new Parser(tokens).parseList(new Set(), 0);
    parsed.set(tokens, stmts);
  }
  return stmts;
}

// ---------------------------------------------------------------------------------------
// Walking

/** Commands nested in a command substitution or process substitution of these parts. */
export function substitutions(parts: Part[], out: Token[][] = []): Token[][] {
  for (const p of parts) {
    if (p.type === 'cmdsub' || p.type === 'procsub' || p.type === 'array') out.push(p.tokens);
    else if (p.type === 'dq') substitutions(p.parts, out);
    else if (p.type === 'param') substitutions(p.arg, out);
  }
  return out;
}

export interface WalkContext {
  /** Inside a function body. */
  inFunction: boolean;
  /** Part of an if/while/until condition, a `!` pipeline, or an and-or list before its last element. */
  inCondition: boolean;
  /** Inside $( … ), `…` or <( … ). */
  inSubstitution: boolean;
  /** Runs in the background (`&`) or a non-final pipeline element. */
  detached: boolean;
}

const TOP: WalkContext = { inFunction: false, inCondition: false, inSubstitution: false, detached: false };

/**
 * Visit every command (compound ones too), in source order, including those inside command
 * substitutions (parsed on the fly). Depth-limited like the parser.
 */
/** A function's body as a statement list (to walk or follow like the script's own body). */
export function functionBody(fn: FuncDef): Stmt[] {
  return fn.body ? [{ andOr: { first: { negated: false, commands: [fn.body], start: fn.start }, rest: [] }, background: false, start: fn.start, end: fn.end }] : [];
}

export function walkCommands(stmts: Stmt[], visit: (cmd: Command, ctx: WalkContext) => void, ctx: WalkContext = TOP): void {
  walkList(stmts, visit, ctx, 0);
}

function walkList(stmts: Stmt[], visit: (cmd: Command, ctx: WalkContext) => void, ctx: WalkContext, depth: number): void {
  if (depth > MAX_NESTING * 2) return;
  for (const s of stmts) {
    const pipelines = [s.andOr.first, ...s.andOr.rest.map((r) => r.pipeline)];
    pipelines.forEach((pl, i) => {
      const last = i === pipelines.length - 1;
      pl.commands.forEach((cmd, j) => {
        const c: WalkContext = {
          inFunction: ctx.inFunction,
          inCondition: ctx.inCondition || !last || pl.negated,
          inSubstitution: ctx.inSubstitution,
          detached: ctx.detached || s.background || j < pl.commands.length - 1,
        };
        walkCommand(cmd, visit, c, depth + 1);
      });
    });
  }
}

function walkWords(words: Word[], visit: (cmd: Command, ctx: WalkContext) => void, ctx: WalkContext, depth: number): void {
  for (const w of words) {
    for (const tokens of substitutions(w.parts)) {
      walkList(parseTokens(tokens), visit, { ...ctx, inSubstitution: true }, depth + 1);
    }
  }
}

function redirWords(redirs: Redir[]): Word[] {
  return redirs.flatMap((r) => (r.target ? [r.target] : []));
}

function walkCommand(cmd: Command, visit: (cmd: Command, ctx: WalkContext) => void, ctx: WalkContext, depth: number): void {
  visit(cmd, ctx);
  switch (cmd.kind) {
    case 'simple':
      walkWords([...cmd.assigns, ...cmd.words, ...redirWords(cmd.redirs)], visit, ctx, depth);
      break;
    case 'if':
      for (const c of cmd.clauses) {
        walkList(c.cond, visit, { ...ctx, inCondition: true }, depth + 1);
        walkList(c.body, visit, ctx, depth + 1);
      }
      if (cmd.elseBody) walkList(cmd.elseBody, visit, ctx, depth + 1);
      break;
    case 'case':
      if (cmd.word) walkWords([cmd.word], visit, ctx, depth);
      for (const item of cmd.items) walkList(item.body, visit, ctx, depth + 1);
      break;
    case 'while':
    case 'until':
      walkList(cmd.cond, visit, { ...ctx, inCondition: true }, depth + 1);
      walkList(cmd.body, visit, ctx, depth + 1);
      break;
    case 'for':
      walkWords(cmd.items ?? [], visit, ctx, depth);
      walkList(cmd.body, visit, ctx, depth + 1);
      break;
    case 'group':
    case 'subshell':
      walkList(cmd.body, visit, ctx, depth + 1);
      break;
    case 'function':
      if (cmd.body) walkCommand(cmd.body, visit, { ...ctx, inFunction: true }, depth + 1);
      break;
  }
  if (cmd.kind !== 'simple' && cmd.kind !== 'function') walkWords(redirWords(cmd.redirs), visit, ctx, depth);
}

/** Every function definition by name (the last definition wins, as when the script runs top to bottom). */
export function collectFunctions(stmts: Stmt[]): Map<string, FuncDef> {
  const out = new Map<string, FuncDef>();
  walkCommands(stmts, (cmd, ctx) => {
    if (cmd.kind === 'function' && !ctx.inSubstitution && cmd.name) out.set(cmd.name, cmd);
  });
  return out;
}
