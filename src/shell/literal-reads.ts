// Does a wrapper script read the literal text `$NAME` in its own arguments? nginx-proxy's
// docker-entrypoint.sh is handed `label=$NGINX_CONTAINER_LABEL` by an exec-form CMD (no
// shell expanded it) and replaces the literal `$NGINX_CONTAINER_LABEL` itself:
//   set -- "${@:1:i-1}" "${!i/\$NGINX_CONTAINER_LABEL/${NGINX_CONTAINER_LABEL}}" "${@:i+1}"
// Read from the tokens, so quoting is exact: only an escaped or single-quoted `$NAME` is
// literal text, and only in a substitution of text that comes from the arguments.
import { type Part, type Token, tokenize } from './tokenize.js';

/** Parameter operators whose word is a pattern matched against the value (`${x/pat/rep}`, `${x#pat}`). */
const PATTERN_OPS = new Set(['/', '//', '/#', '/%', '#', '##', '%', '%%']);
/** Programs that rewrite text by a pattern (`sed 's/$VAR/…/'`). */
const REWRITERS = new Set(['sed', 'gsed', 'perl', 'awk', 'gawk', 'mawk', 'envsubst']);
/** Programs that expand every `$VAR` in the text they are given. */
const EXPANDERS = new Set(['eval', 'envsubst']);
const LITERAL_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\])?\+?=/;

/** What a script does with the literal text `$NAME` in its arguments. */
export interface LiteralReads {
  /** Names the script replaces as literal text in its arguments, with the script offset where it does. */
  names: Map<string, number>;
  /** Offset of an `eval`/`envsubst` applied to the arguments (`eval "exec $@"`): every name is expanded. */
  expandsArgs?: number;
}

function wordOf(t: Token): Part[] | undefined {
  return t.kind === 'word' ? t.word.parts : t.kind === 'redir' ? t.target?.parts : undefined;
}

function litText(parts: Part[]): string {
  return parts.map((p) => (p.type === 'lit' || p.type === 'sq' ? p.text : '')).join('');
}

/**
 * Where a script reads the literal text `$NAME` in its arguments: an escaped or single-quoted
 * `$NAME` as the pattern of a parameter substitution (`${arg/\$NAME/$NAME}`) or in the script
 * of a rewriting program (`sed`, `perl`, `awk`, `envsubst`), in a statement that works on the
 * arguments (`$@`, `$*`, `$1`, `${!i}`, a `for a in "$@"` variable, a variable assigned from
 * them); or `eval`/`envsubst` run over the arguments. A `sed` on a config file, a test
 * (`[[ $* =~ "\$NAME" ]]`) or a message that prints the name is not a read.
 */
export function literalReads(script: string): LiteralReads {
  const out: LiteralReads = { names: new Map() };
  /** Variables that hold the arguments or one of them. */
  const aliases = new Set<string>();

  // One statement at a time (a pipeline counts as one): what it references and rewrites.
  interface Statement {
    args: boolean;
    literals: Map<string, number>;
    expander?: number;
    loopVar?: string;
    sawIn: boolean;
  }

  // Walks one word; returns whether it references the arguments.
  const walk = (parts: Part[], rewriting: boolean, at: number, stmt: Statement): boolean => {
    let args = false;
    for (const p of parts) {
      if (p.type === 'lit' || p.type === 'sq' || p.type === 'ansi') {
        if (rewriting) for (const m of p.text.matchAll(LITERAL_REF)) if (!stmt.literals.has(m[1]!)) stmt.literals.set(m[1]!, at);
      } else if (p.type === 'dq') {
        args = walk(p.parts, rewriting, at, stmt) || args;
      } else if (p.type === 'param') {
        // `${!i}` with a numeric i is how bash loops over positional parameters.
        if (/^([@*]|[1-9][0-9]*)$/.test(p.name) || p.indirect || aliases.has(p.name)) args = true;
        args = walk(p.arg, rewriting || PATTERN_OPS.has(p.op), p.start, stmt) || args;
      } else if (p.type === 'cmdsub' || p.type === 'procsub' || p.type === 'array') {
        args = scan(p.tokens) || args;
      }
    }
    return args;
  };

  // Walks a token list statement by statement; returns whether any of it references the arguments.
  const scan = (tokens: Token[]): boolean => {
    let any = false;
    let stmt: Statement = { args: false, literals: new Map(), sawIn: false };
    let command: string | undefined;
    let first = true;
    const end = (): void => {
      if (stmt.args) {
        for (const [name, at] of stmt.literals) if (!out.names.has(name)) out.names.set(name, at);
        if (stmt.expander !== undefined) out.expandsArgs ??= stmt.expander;
      }
      // `for a in "$@"` or `for a` (which iterates over the arguments).
      if (stmt.loopVar && (stmt.args || !stmt.sawIn)) aliases.add(stmt.loopVar);
      any ||= stmt.args;
      stmt = { args: false, literals: new Map(), sawIn: false };
      command = undefined;
      first = true;
    };
    for (const t of tokens) {
      if (t.kind === 'newline' || (t.kind === 'op' && t.op !== '|' && t.op !== '|&')) {
        end();
        continue;
      }
      if (t.kind === 'op') {
        command = undefined;
        first = true;
        continue;
      }
      const parts = wordOf(t);
      if (!parts) continue;
      const text = litText(parts);
      if (t.kind === 'word' && command === 'for' && stmt.loopVar === undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) stmt.loopVar = text;
      else if (t.kind === 'word' && command === 'for' && text === 'in') stmt.sawIn = true;
      const assigned = t.kind === 'word' ? ASSIGNMENT.exec(text)?.[1] : undefined;
      if (first && t.kind === 'word' && !assigned && text !== 'exec' && text !== 'command') {
        command = text.slice(text.lastIndexOf('/') + 1);
        first = false;
        if (EXPANDERS.has(command)) stmt.expander ??= t.start;
      }
      const args = walk(parts, command !== undefined && REWRITERS.has(command), t.start, stmt);
      // `ARGS="$*"`, `local label="$1"`: the variable now holds argument text.
      if (assigned && args) aliases.add(assigned);
      stmt.args ||= args;
    }
    end();
    return any;
  };

  scan(tokenize(script).tokens);
  return out;
}
