// A POSIX-sh/bash tokenizer for wrapper scripts: words with their quoting and expansions,
// operators, redirections (heredoc bodies skipped), comments. Not a full parser, but exact
// about quoting. It never throws and runs in linear time: every step consumes input, nested
// constructs ($(…), `…`, ${…}, "…") recurse at most MAX_DEPTH levels, deeper ones are
// skipped flat.

export type Part =
  /** Unquoted literal text, backslash escapes resolved. */
  | { type: 'lit'; text: string }
  /** '…' */
  | { type: 'sq'; text: string }
  /** $'…' (bash ANSI-C quoting). */
  | { type: 'ansi'; text: string; start: number }
  /** "…" */
  | { type: 'dq'; parts: Part[] }
  /** $name, $1, $@, ${…}. */
  | Param
  /** $(…) or `…`. */
  | { type: 'cmdsub'; tokens: Token[]; backtick: boolean; start: number; end: number }
  /** $((…)) or a ((…)) command. */
  | { type: 'arith'; text: string; start: number }
  /** <(…) or >(…) (bash). */
  | { type: 'procsub'; tokens: Token[]; start: number }
  /** name=( … ) (bash array assignment). */
  | { type: 'array'; tokens: Token[]; start: number };

export interface Param {
  type: 'param';
  /** Parameter name: `1`, `@`, `#`, `HOME`. */
  name: string;
  braced: boolean;
  /** `${#x}` (length). */
  length: boolean;
  /** `${!x}` (indirection). */
  indirect: boolean;
  /** `${x[…]}`: the subscript text. */
  subscript?: string;
  /** The operator after the name: `:-`, `-`, `:=`, `=`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`, `//`, `:` (substring), `^`, `,`, `@`…; '' when none. */
  op: string;
  /** Parts of the word after the operator (`${1:-default}` → default). */
  arg: Part[];
  /** Offset of the `$`. */
  start: number;
  end: number;
}

export interface Word {
  /** Source text, as written (continuations included). */
  raw: string;
  parts: Part[];
  /** Offsets into the script text: [start, end). */
  start: number;
  end: number;
}

export type Token =
  | { kind: 'word'; word: Word; start: number }
  | { kind: 'op'; op: string; start: number }
  | { kind: 'newline'; start: number }
  | { kind: 'redir'; op: string; fd: string; target?: Word; heredoc?: HeredocInfo; start: number; end: number };

export interface HeredocInfo {
  delimiter: string;
  /** The delimiter was quoted: the body is not expanded. */
  quoted: boolean;
  /** `<<-`: leading tabs stripped. */
  stripTabs: boolean;
  /** Offsets of the body (excluding the delimiter line), filled in when the body is read. */
  bodyStart: number;
  bodyEnd: number;
}

export interface Comment {
  start: number;
  text: string;
}

export interface TokenizeResult {
  tokens: Token[];
  comments: Comment[];
}

const MAX_DEPTH = 48;
const OPERATORS = [';;&', ';;', ';&', '&&', '||', '|&', ';', '&', '|'];
const REDIRECTS = ['<<<', '<<-', '&>>', '<<', '<>', '<&', '>>', '>&', '>|', '&>', '<', '>'];
const SPECIAL_PARAMS = '@*#?$!-0123456789';

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z_]/.test(c);
}
function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}
function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';
}
/** Characters that end an unquoted word. */
function isMeta(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>';
}

/** Words that open a command context for case/esac tracking inside $( … ). */
const COMMAND_OPENERS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '{', '!', 'in', 'time', 'for']);

class Lexer {
  readonly comments: Comment[] = [];
  private pendingHeredocs: HeredocInfo[] = [];
  i: number;

  constructor(readonly src: string, start: number, readonly end: number) {
    this.i = start;
  }

  private peek(offset = 0): string | undefined {
    const j = this.i + offset;
    return j < this.end ? this.src[j] : undefined;
  }

  private startsWith(s: string): boolean {
    return this.i + s.length <= this.end && this.src.startsWith(s, this.i);
  }

  /** Skip `\` + newline (a line continuation) at the current position; true when skipped. */
  private skipContinuation(): boolean {
    if (this.peek() === '\\' && this.peek(1) === '\n') {
      this.i += 2;
      return true;
    }
    if (this.peek() === '\\' && this.peek(1) === '\r' && this.peek(2) === '\n') {
      this.i += 3;
      return true;
    }
    return false;
  }

  /**
   * Read tokens until the end, or (closeParen) until the `)` that closes the construct the
   * caller opened; that `)` is consumed. Returns whether the closing paren was found.
   */
  readTokens(depth: number, closeParen: boolean): { tokens: Token[]; closed: boolean } {
    const tokens: Token[] = [];
    let parens = 0;
    let caseDepth = 0;
    let expectCasePattern = false;
    const atCommandStart = () => {
      const prev = tokens[tokens.length - 1];
      if (!prev) return true;
      if (prev.kind === 'newline') return true;
      if (prev.kind === 'op') return true;
      if (prev.kind === 'word') return COMMAND_OPENERS.has(prev.word.raw);
      return false;
    };
    while (this.i < this.end) {
      const c = this.peek()!;
      if (isBlank(c)) {
        this.i++;
        continue;
      }
      if (this.skipContinuation()) continue;
      if (c === '#') {
        const start = this.i;
        while (this.i < this.end && this.src[this.i] !== '\n') this.i++;
        this.comments.push({ start, text: this.src.slice(start, this.i) });
        continue;
      }
      if (c === '\n') {
        tokens.push({ kind: 'newline', start: this.i });
        this.i++;
        this.readHeredocBodies();
        continue;
      }
      if (c === ')') {
        if (closeParen && parens === 0 && !(caseDepth > 0 && expectCasePattern)) {
          this.i++;
          return { tokens, closed: true };
        }
        if (parens > 0) parens--;
        else if (caseDepth > 0) expectCasePattern = false;
        tokens.push({ kind: 'op', op: ')', start: this.i });
        this.i++;
        continue;
      }
      if (c === '(') {
        if (this.peek(1) === '(' && atCommandStart()) {
          const start = this.i;
          const text = this.skipBalancedParens(this.i);
          tokens.push({ kind: 'word', start, word: { raw: this.src.slice(start, this.i), parts: [{ type: 'arith', text, start }], start, end: this.i } });
          continue;
        }
        parens++;
        tokens.push({ kind: 'op', op: '(', start: this.i });
        this.i++;
        continue;
      }
      // An IO number: digits directly followed by a redirection operator.
      if (/[0-9]/.test(c)) {
        let j = this.i;
        while (j < this.end && /[0-9]/.test(this.src[j]!)) j++;
        if (j < this.end && (this.src[j] === '<' || this.src[j] === '>') && !(this.src[j + 1] === '(')) {
          const fd = this.src.slice(this.i, j);
          const start = this.i;
          this.i = j;
          tokens.push(this.readRedirect(fd, start, depth));
          continue;
        }
      }
      if ((c === '<' || c === '>') && this.peek(1) === '(') {
        tokens.push(this.readWordToken(depth));
        continue;
      }
      const redir = REDIRECTS.find((r) => this.startsWith(r));
      if (redir) {
        tokens.push(this.readRedirect('', this.i, depth));
        continue;
      }
      const op = OPERATORS.find((o) => this.startsWith(o));
      if (op) {
        if (op === ';;' || op === ';&' || op === ';;&') expectCasePattern = true;
        tokens.push({ kind: 'op', op, start: this.i });
        this.i += op.length;
        continue;
      }
      const commandStart = atCommandStart();
      const tok = this.readWordToken(depth);
      tokens.push(tok);
      if (tok.kind === 'word' && commandStart) {
        const raw = tok.word.raw;
        if (raw === 'case') {
          caseDepth++;
        } else if (raw === 'esac' && caseDepth > 0) {
          caseDepth--;
          expectCasePattern = false;
        }
      }
      if (tok.kind === 'word' && tok.word.raw === 'in' && caseDepth > 0) expectCasePattern = true;
    }
    return { tokens, closed: false };
  }

  private readWordToken(depth: number): Token {
    const start = this.i;
    const parts = this.readParts('word', depth);
    // `name=( … )` array assignment.
    if (this.peek() === '(' && parts.length > 0) {
      const last = parts[parts.length - 1]!;
      if (last.type === 'lit' && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(this.src.slice(start, this.i))) {
        const arrStart = this.i;
        this.i++;
        const inner = depth < MAX_DEPTH ? this.readTokens(depth + 1, true).tokens : this.skipFlat(')');
        parts.push({ type: 'array', tokens: inner, start: arrStart });
        parts.push(...this.readParts('word', depth));
      }
    }
    if (this.i === start) {
      // Defensive: never stall. Consume one character as a literal word.
      this.i++;
      return { kind: 'word', start, word: { raw: this.src.slice(start, this.i), parts: [{ type: 'lit', text: this.src.slice(start, this.i) }], start, end: this.i } };
    }
    return { kind: 'word', start, word: { raw: this.src.slice(start, this.i), parts: mergeLits(parts), start, end: this.i } };
  }

  private readRedirect(fd: string, start: number, depth: number): Token {
    const op = REDIRECTS.find((r) => this.startsWith(r)) ?? this.src[this.i]!;
    this.i += op.length;
    for (;;) {
      if (isBlank(this.peek())) this.i++;
      else if (!this.skipContinuation()) break;
    }
    let target: Word | undefined;
    const c = this.peek();
    if (c !== undefined && c !== '\n' && !isMeta(c)) {
      const tok = this.readWordToken(depth);
      if (tok.kind === 'word') target = tok.word;
    } else if (c !== undefined && (c === '<' || c === '>') && this.peek(1) === '(') {
      const tok = this.readWordToken(depth);
      if (tok.kind === 'word') target = tok.word;
    }
    const token: Token = { kind: 'redir', op, fd, start, end: this.i };
    if (target) token.target = target;
    if ((op === '<<' || op === '<<-') && target) {
      const quoted = target.parts.some((p) => p.type !== 'lit') || target.raw.includes('\\');
      const heredoc: HeredocInfo = { delimiter: literalText(target.parts), quoted, stripTabs: op === '<<-', bodyStart: -1, bodyEnd: -1 };
      token.heredoc = heredoc;
      this.pendingHeredocs.push(heredoc);
    }
    return token;
  }

  /** After a newline token: skip the bodies of the heredocs opened on the line. */
  private readHeredocBodies(): void {
    const pending = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const h of pending) {
      h.bodyStart = this.i;
      let found = false;
      while (this.i < this.end) {
        let lineEnd = this.src.indexOf('\n', this.i);
        if (lineEnd < 0 || lineEnd > this.end) lineEnd = this.end;
        let line = this.src.slice(this.i, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) {
          h.bodyEnd = this.i;
          this.i = Math.min(lineEnd + 1, this.end);
          found = true;
          break;
        }
        this.i = Math.min(lineEnd + 1, this.end);
      }
      if (!found) h.bodyEnd = this.end;
    }
  }

  /**
   * Read word parts. ctx 'word': stop at an unquoted metacharacter; 'dq': stop after the
   * closing `"`; 'brace': stop after the closing `}` of `${…}` (`inDq`: that `${…}` is inside
   * double quotes, where single quotes are literal). $( … ) and `…` recurse.
   */
  readParts(ctx: 'word' | 'dq' | 'brace', depth: number, inDq = false): Part[] {
    const parts: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ type: 'lit', text: lit });
      lit = '';
    };
    while (this.i < this.end) {
      const c = this.src[this.i]!;
      if ((c === '<' || c === '>') && ctx === 'word' && this.peek(1) === '(') {
        flush();
        const start = this.i;
        this.i += 2;
        const tokens = depth < MAX_DEPTH ? this.readTokens(depth + 1, true).tokens : this.skipFlat(')');
        parts.push({ type: 'procsub', tokens, start });
        continue;
      }
      if (ctx === 'word' && isMeta(c)) break;
      if (ctx === 'dq' && c === '"') {
        this.i++;
        flush();
        return parts;
      }
      if (ctx === 'brace' && c === '}') {
        this.i++;
        flush();
        return parts;
      }
      if (c === '\\') {
        if (this.skipContinuation()) continue;
        const next = this.peek(1);
        if (next === undefined) {
          lit += c;
          this.i++;
          continue;
        }
        if (ctx === 'dq' && !'$`"\\'.includes(next)) lit += c + next;
        else lit += next;
        this.i += 2;
        continue;
      }
      if (c === "'" && ctx !== 'dq' && !inDq) {
        flush();
        const close = this.src.indexOf("'", this.i + 1);
        const stop = close < 0 || close >= this.end ? this.end : close;
        parts.push({ type: 'sq', text: this.src.slice(this.i + 1, stop) });
        this.i = Math.min(stop + 1, this.end);
        continue;
      }
      if (c === '"' && ctx !== 'dq') {
        flush();
        this.i++;
        if (depth >= MAX_DEPTH) {
          parts.push({ type: 'dq', parts: [{ type: 'lit', text: this.skipFlatString('"') }] });
          continue;
        }
        parts.push({ type: 'dq', parts: this.readParts('dq', depth + 1) });
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBacktick(depth));
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(ctx, depth, inDq || ctx === 'dq');
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
        lit += c;
        this.i++;
        continue;
      }
      lit += c;
      this.i++;
    }
    flush();
    return parts;
  }

  private readBacktick(depth: number): Part {
    const start = this.i;
    this.i++;
    // Find the closing backtick (escapes skipped), then tokenise the inside in place.
    let j = this.i;
    while (j < this.end && this.src[j] !== '`') j += this.src[j] === '\\' ? 2 : 1;
    const close = Math.min(j, this.end);
    let tokens: Token[] = [];
    if (depth < MAX_DEPTH) {
      const inner = new Lexer(this.src, this.i, close);
      tokens = inner.readTokens(depth + 1, false).tokens;
      this.comments.push(...inner.comments);
    }
    this.i = Math.min(close + 1, this.end);
    return { type: 'cmdsub', tokens, backtick: true, start, end: this.i };
  }

  /** At `$`: read an expansion, or return undefined for a literal `$`. */
  private readDollar(ctx: 'word' | 'dq' | 'brace', depth: number, inDq: boolean): Part | undefined {
    const start = this.i;
    const next = this.peek(1);
    if (next === '(' && this.peek(2) === '(') {
      this.i++;
      const text = this.skipBalancedParens(this.i);
      return { type: 'arith', text, start };
    }
    if (next === '(') {
      this.i += 2;
      const tokens = depth < MAX_DEPTH ? this.readTokens(depth + 1, true).tokens : this.skipFlat(')');
      return { type: 'cmdsub', tokens, backtick: false, start, end: this.i };
    }
    if (next === '{') {
      this.i += 2;
      return this.readBraceParam(start, depth, inDq);
    }
    if (next === "'" && !inDq) {
      this.i += 2;
      let j = this.i;
      while (j < this.end && this.src[j] !== "'") j += this.src[j] === '\\' ? 2 : 1;
      const stop = Math.min(j, this.end);
      const text = this.src.slice(this.i, stop);
      this.i = Math.min(stop + 1, this.end);
      return { type: 'ansi', text, start };
    }
    if (next === '"' && !inDq) {
      // $"…" (locale translation): a double-quoted string.
      this.i += 2;
      if (depth >= MAX_DEPTH) return { type: 'dq', parts: [{ type: 'lit', text: this.skipFlatString('"') }] };
      return { type: 'dq', parts: this.readParts('dq', depth + 1) };
    }
    if (isNameStart(next)) {
      let j = this.i + 1;
      while (j < this.end && isNameChar(this.src[j])) j++;
      const name = this.src.slice(this.i + 1, j);
      this.i = j;
      return { type: 'param', name, braced: false, length: false, indirect: false, op: '', arg: [], start, end: j };
    }
    if (next !== undefined && SPECIAL_PARAMS.includes(next)) {
      this.i += 2;
      return { type: 'param', name: next, braced: false, length: false, indirect: false, op: '', arg: [], start, end: this.i };
    }
    return undefined;
  }

  /** After `${`: name, subscript, operator and argument, up to the closing `}`. */
  private readBraceParam(start: number, depth: number, inDq: boolean): Part {
    const param: Param = { type: 'param', name: '', braced: true, length: false, indirect: false, op: '', arg: [], start, end: start };
    if (depth >= MAX_DEPTH) {
      param.name = this.skipFlatString('}');
      param.end = this.i;
      return param;
    }
    let c = this.peek();
    if (c === '#' && this.peek(1) !== '}' && (isNameChar(this.peek(1)) || (this.peek(1) !== undefined && '@*#?$!'.includes(this.peek(1)!) && this.peek(2) === '}'))) {
      param.length = true;
      this.i++;
    } else if (c === '!' && this.peek(1) !== '}' && (isNameStart(this.peek(1)) || this.peek(1) === '@' || this.peek(1) === '*')) {
      param.indirect = true;
      this.i++;
    }
    c = this.peek();
    if (isNameStart(c)) {
      let j = this.i;
      while (j < this.end && isNameChar(this.src[j])) j++;
      param.name = this.src.slice(this.i, j);
      this.i = j;
    } else if (c !== undefined && /[0-9]/.test(c)) {
      let j = this.i;
      while (j < this.end && /[0-9]/.test(this.src[j]!)) j++;
      param.name = this.src.slice(this.i, j);
      this.i = j;
    } else if (c !== undefined && SPECIAL_PARAMS.includes(c)) {
      param.name = c;
      this.i++;
    }
    if (this.peek() === '[') {
      let j = this.i + 1;
      let nest = 1;
      while (j < this.end && nest > 0) {
        if (this.src[j] === '[') nest++;
        else if (this.src[j] === ']') nest--;
        else if (this.src[j] === '}' || this.src[j] === '\n') break;
        if (nest > 0) j++;
      }
      param.subscript = this.src.slice(this.i + 1, j);
      this.i = this.src[j] === ']' ? j + 1 : j;
    }
    const ops = [':-', ':=', ':+', ':?', '##', '%%', '//', '/#', '/%', '^^', ',,', '-', '=', '+', '?', '#', '%', '/', '^', ',', ':', '@'];
    const op = ops.find((o) => this.startsWith(o));
    if (op) {
      param.op = op;
      this.i += op.length;
    }
    param.arg = this.readParts('brace', depth + 1, inDq);
    param.end = this.i;
    return param;
  }

  /** At `((` or `$((` minus the `$`: skip to the balancing `))`; returns the inner text. */
  private skipBalancedParens(from: number): string {
    let j = from;
    let nest = 0;
    while (j < this.end) {
      const ch = this.src[j]!;
      if (ch === '(') nest++;
      else if (ch === ')') {
        nest--;
        if (nest === 0) {
          j++;
          break;
        }
      } else if (ch === '\\') j++;
      j++;
    }
    j = Math.min(j, this.end);
    this.i = j;
    return this.src.slice(from + 2, Math.max(from + 2, j - 2));
  }

  /** Past the depth limit: skip to the balancing close char without recursing. */
  private skipFlat(close: ')'): Token[] {
    let nest = 0;
    while (this.i < this.end) {
      const ch = this.src[this.i]!;
      if (ch === '\\') {
        this.i += 2;
        continue;
      }
      if (ch === '(') nest++;
      if (ch === close) {
        if (nest === 0) {
          this.i++;
          break;
        }
        nest--;
      }
      this.i++;
    }
    this.i = Math.min(this.i, this.end);
    return [];
  }

  private skipFlatString(close: '"' | '}'): string {
    const start = this.i;
    while (this.i < this.end && this.src[this.i] !== close) this.i += this.src[this.i] === '\\' ? 2 : 1;
    this.i = Math.min(this.i, this.end);
    const text = this.src.slice(start, this.i);
    if (this.i < this.end) this.i++;
    return text;
  }
}

function mergeLits(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (p.type === 'lit' && prev?.type === 'lit') prev.text += p.text;
    else out.push(p);
  }
  return out;
}

/** The literal text of parts with quotes removed and expansions dropped (heredoc delimiters). */
function literalText(parts: Part[]): string {
  return parts.map((p) => (p.type === 'lit' || p.type === 'sq' || p.type === 'ansi' ? p.text : p.type === 'dq' ? literalText(p.parts) : '')).join('');
}

/** Tokenise a whole script. Never throws. */
export function tokenize(src: string): TokenizeResult {
  const lexer = new Lexer(src, 0, src.length);
  const { tokens } = lexer.readTokens(0, false);
  return { tokens, comments: lexer.comments };
}
