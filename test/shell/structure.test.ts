import { describe, expect, it } from 'vitest';
import { collectFunctions, parseTokens, walkCommands, type Command, type Stmt } from '../../src/shell/structure.js';
import { tokenize } from '../../src/shell/tokenize.js';
import { dedent } from '../helpers.js';

const parse = (src: string): Stmt[] => parseTokens(tokenize(src).tokens);
const only = (src: string): Command => parse(src)[0]!.andOr.first.commands[0]!;

/** Every simple command's words, with the walk context flags that are set. */
function simples(src: string): string[] {
  const out: string[] = [];
  walkCommands(parse(src), (cmd, ctx) => {
    if (cmd.kind !== 'simple') return;
    const flags = [ctx.inFunction && 'fn', ctx.inCondition && 'cond', ctx.inSubstitution && 'sub', ctx.detached && 'bg'].filter(Boolean);
    out.push(`${[...cmd.assigns, ...cmd.words].map((w) => w.raw).join(' ')}${flags.length ? ` [${flags.join(',')}]` : ''}`);
  });
  return out;
}

describe('structure', () => {
  it('parses if/elif/else/fi into clauses', () => {
    const cmd = only('if [ "$1" = a ]; then exec a; elif [ "$1" = b ]\nthen exec b\nelse exec c; fi');
    expect(cmd.kind).toBe('if');
    if (cmd.kind !== 'if') return;
    expect(cmd.clauses).toHaveLength(2);
    expect(cmd.elseBody).toHaveLength(1);
  });

  it('parses case items with alternatives, a leading paren, and a last item without ;;', () => {
    const cmd = only(dedent(`
      case "$1" in
        web|api) exec gunicorn app:app ;;
        (worker) exec celery -A proj worker ;;
        *) exec "$@"
      esac
    `));
    expect(cmd.kind).toBe('case');
    if (cmd.kind !== 'case') return;
    expect(cmd.items.map((i) => i.patterns.map((p) => p.raw))).toEqual([['web', 'api'], ['worker'], ['*']]);
    expect(cmd.items.map((i) => i.body.length)).toEqual([1, 1, 1]);
  });

  it('parses loops, for without in, and trailing redirections of compound commands', () => {
    expect(only('while read -r line; do echo "$line"; done < /etc/hosts').kind).toBe('while');
    expect(only('until pg_isready -h db; do sleep 1; done').kind).toBe('until');
    const f = only('for arg; do echo "$arg"; done');
    expect(f.kind === 'for' && f.items).toBeUndefined();
    const g = only('for f in /docker-entrypoint.d/*.sh; do . "$f"; done');
    expect(g.kind === 'for' ? g.items?.map((w) => w.raw) : null).toEqual(['/docker-entrypoint.d/*.sh']);
    const w = only('{ echo a; echo b; } >> /tmp/log');
    expect(w.kind === 'group' ? w.redirs.map((r) => r.op) : null).toEqual(['>>']);
  });

  it('knows the three ways to define a function', () => {
    const fns = collectFunctions(parse('a() { :; }\nfunction b { :; }\nfunction c() {\n  :\n}\nd ()\n{\n  :\n}\n'));
    expect([...fns.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect([...fns.values()].map((f) => f.keyword)).toEqual([false, true, true, false]);
  });

  it('keeps [[ … ]] with && and parentheses inside as one command', () => {
    const stmts = parse('[[ -n "$a" && ( "$b" == x* || -z "$c" ) ]] && exec "$@"');
    expect(stmts).toHaveLength(1);
    const first = stmts[0]!.andOr.first.commands[0]!;
    expect(first.kind === 'simple' ? first.words.map((w) => w.raw) : []).toEqual(['[[', '-n', '"$a"', '&&', '(', '"$b"', '==', 'x*', '||', '-z', '"$c"', ')', ']]']);
    expect(stmts[0]!.andOr.rest.map((r) => r.op)).toEqual(['&&']);
  });

  it('marks conditions, functions, substitutions and background jobs in the walk', () => {
    expect(simples(dedent(`
      setup() { chown app /data; }
      if ! grep -q x /etc/f; then setup; fi
      migrate || true
      x="$(id -u)"
      worker &
      cat log | tee out
    `))).toEqual([
      'chown app /data [fn]',
      'grep -q x /etc/f [cond]',
      'setup',
      'migrate [cond]',
      'true',
      'x="$(id -u)"',
      'id -u [sub]',
      'worker [bg]',
      'cat log [bg]',
      'tee out',
    ]);
  });

  it('assignments before the command are not the command', () => {
    const cmd = only('PGUSER="${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -w start');
    expect(cmd.kind === 'simple' ? [cmd.assigns.length, cmd.words[0]?.raw] : null).toEqual([1, 'pg_ctl']);
  });

  it('recovers from stray closers and unterminated constructs without losing later commands', () => {
    const out = simples('fi\ndone\n)\nesac\nif true; then\n  echo inside\n');
    expect(out).toEqual(['true [cond]', 'echo inside']);
    expect(simples('case x in a) echo a\n')).toEqual(['echo a']);
  });

  it('never throws on deep or broken nesting', () => {
    for (const src of ['if x; then '.repeat(3000), 'while '.repeat(3000), '{ '.repeat(5000), '( '.repeat(5000), 'f() '.repeat(2000), 'case a in '.repeat(2000), 'for x in '.repeat(2000)]) {
      expect(() => simples(src)).not.toThrow();
    }
  });
});
