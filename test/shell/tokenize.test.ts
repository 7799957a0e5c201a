import { describe, expect, it } from 'vitest';
import { tokenize, type Param, type Part, type Token } from '../../src/shell/tokenize.js';
import { staticValue } from '../../src/shell/words.js';

const words = (tokens: Token[]) => tokens.filter((t) => t.kind === 'word').map((t) => (t.kind === 'word' ? t.word : undefined)!);
const raws = (src: string) => words(tokenize(src).tokens).map((w) => w.raw);
const kinds = (src: string) => tokenize(src).tokens.map((t) => (t.kind === 'word' ? `w:${t.word.raw}` : t.kind === 'op' ? `op:${t.op}` : t.kind === 'redir' ? `r:${t.fd}${t.op}${t.target?.raw ?? ''}` : 'nl'));

function params(parts: Part[], out: Param[] = []): Param[] {
  for (const p of parts) {
    if (p.type === 'param') {
      out.push(p);
      params(p.arg, out);
    } else if (p.type === 'dq') params(p.parts, out);
  }
  return out;
}

describe('tokenize: quoting', () => {
  it('keeps quoted spaces, escapes and mixed quoting inside one word', () => {
    const ws = words(tokenize(`echo 'a b' "c d" e\\ f g"h"'i'`).tokens);
    expect(ws.map((w) => staticValue(w))).toEqual(['echo', 'a b', 'c d', 'e f', 'ghi']);
  });

  it('does not end a word at ) ; or # inside quotes, nor start a comment mid-word', () => {
    expect(raws(`x=$(echo ")" | tr -d ')') ; a#b 'c;d' # comment`)).toEqual([`x=$(echo ")" | tr -d ')')`, 'a#b', `'c;d'`]);
    const { comments } = tokenize('echo a # trailing\n# whole line\n');
    expect(comments.map((c) => c.text)).toEqual(['# trailing', '# whole line']);
  });

  it('joins line continuations and keeps the word offsets of the source', () => {
    const src = 'exec \\\n  gunicorn \\\n  app:app';
    expect(kinds(src)).toEqual(['w:exec', 'w:gunicorn', 'w:app:app']);
    const ws = words(tokenize(src).tokens);
    expect(src.slice(ws[2]!.start, ws[2]!.end)).toBe('app:app');
  });

  it("reads $'…' as ANSI-C quoting but leaves $' inside double quotes literal", () => {
    const [, w] = words(tokenize(`printf $'a\\tb' "$'x'"`).tokens);
    expect(w!.parts[0]!.type).toBe('ansi');
    const [, , dq] = words(tokenize(`printf $'a\\tb' "$'x'"`).tokens);
    expect(staticValue(dq)).toBe("$'x'");
  });

  it('does not treat single quotes inside "${…}" in double quotes as quoting', () => {
    expect(raws('echo "it\'s ${1:-don\'t}" next')).toEqual(['echo', '"it\'s ${1:-don\'t}"', 'next']);
  });
});

describe('tokenize: expansions', () => {
  it('parses parameter expansions with their operators', () => {
    const [, w] = words(tokenize('echo "${1#-}${1:-x}$@${#}${#var}${arr[0]}$2${!ref}"').tokens);
    const ps = params(w!.parts);
    expect(ps.map((p) => [p.name, p.op, p.length, p.indirect, p.subscript ?? null])).toEqual([
      ['1', '#', false, false, null],
      ['1', ':-', false, false, null],
      ['@', '', false, false, null],
      ['#', '', false, false, null],
      ['var', '', true, false, null],
      ['arr', '', false, false, '0'],
      ['2', '', false, false, null],
      ['ref', '', false, true, null],
    ]);
  });

  it('tokenises $( … ) and backticks recursively, with a case statement inside $( … )', () => {
    const all = words(tokenize('x=$(case "$1" in a) echo "a)";; *) echo `id -u`;; esac) after').tokens);
    expect(all.map((x) => x.raw)).toEqual(['x=$(case "$1" in a) echo "a)";; *) echo `id -u`;; esac)', 'after']);
    const sub = all[0]!.parts.find((p) => p.type === 'cmdsub');
    expect(sub && sub.type === 'cmdsub' ? words(sub.tokens).map((x) => x.raw) : []).toContain('esac');
  });

  it('reads $(( … )), (( … )) commands and name=( … ) arrays as single words', () => {
    expect(raws('n=$(( (a + 1) * 2 )); (( n++ )); arr=(one "two three")')).toEqual(['n=$(( (a + 1) * 2 ))', '(( n++ ))', 'arr=(one "two three")']);
    const arr = words(tokenize('arr=(one two)').tokens)[0]!;
    expect(arr.parts.map((p) => p.type)).toEqual(['lit', 'array']);
  });

  it('reads process substitution as a word part', () => {
    const ws = words(tokenize('diff <(ls a) <(ls b)').tokens);
    expect(ws.map((w) => w.parts[0]!.type)).toEqual(['lit', 'procsub', 'procsub']);
  });
});

describe('tokenize: operators, redirections, heredocs', () => {
  it('splits operators and redirections with their fd and target', () => {
    expect(kinds('a && b || c | d |& e; f & g ;; 2>&1 >/dev/null <<<"$x" &>log')).toEqual([
      'w:a', 'op:&&', 'w:b', 'op:||', 'w:c', 'op:|', 'w:d', 'op:|&', 'w:e', 'op:;', 'w:f', 'op:&', 'w:g', 'op:;;',
      'r:2>&1', 'r:>/dev/null', 'r:<<<"$x"', 'r:&>log',
    ]);
  });

  it('skips heredoc bodies, including <<- with tabs, quoted delimiters and two on one line', () => {
    const src = [
      'cat <<EOF > /etc/app.conf',
      'exec "$@"  [[ not code ]]',
      'EOF',
      'cat <<-\'END\' <<"TWO"',
      '\tinside one',
      '\tEND',
      'inside two',
      'TWO',
      'echo done',
    ].join('\n');
    expect(raws(src)).toEqual(['cat', 'cat', 'echo', 'done']);
    const heredocs = tokenize(src).tokens.flatMap((t) => (t.kind === 'redir' && t.heredoc ? [t.heredoc] : []));
    expect(heredocs.map((h) => [h.delimiter, h.quoted, h.stripTabs])).toEqual([
      ['EOF', false, false],
      ['END', true, true],
      ['TWO', true, false],
    ]);
    expect(src.slice(heredocs[0]!.bodyStart, heredocs[0]!.bodyEnd)).toBe('exec "$@"  [[ not code ]]\n');
  });

  it('reads a heredoc opened inside $( … )', () => {
    expect(raws('x="$(cat <<EOF\n) not closed here\nEOF\n)"\necho after')).toEqual(['x="$(cat <<EOF\n) not closed here\nEOF\n)"', 'echo', 'after']);
  });

  it('emits newline tokens only outside quotes', () => {
    const nl = tokenize('echo "a\nb"\necho c\n').tokens.filter((t) => t.kind === 'newline');
    expect(nl).toHaveLength(2);
  });
});

describe('tokenize: robustness', () => {
  const nasty = [
    '', '\\', '"', "'", '`', '$', '${', '$(', '$((', '((', '<<', '<<EOF', 'cat <<EOF\n', "$'", '"${x', '"$(', '`$(`',
    ')))))', '(((((', 'case', 'esac )', '${#', '${!', '${1:', 'a=(', '<(', '&>', '2>', '\uFEFF#!/bin/sh\r\n',
    '$('.repeat(5000), '"$(echo "'.repeat(2000), '${'.repeat(3000), '`'.repeat(501), '\\\n'.repeat(1000), 'x'.repeat(100_000),
    '<<A <<B <<C\n'.repeat(200), '\0\u0001\u00ff日本語',
  ];
  it.each(nasty.map((s, i) => [i, s] as const))('never throws and always terminates (case %i)', (_i, src) => {
    expect(() => tokenize(src)).not.toThrow();
  });

  it('covers every character of the input with tokens, comments or skipped bodies (no infinite loop on a lone metachar)', () => {
    for (const ch of [';', '&', '|', '(', ')', '<', '>', '\n', '#', '\\', '}', '{']) {
      expect(() => tokenize(ch.repeat(50))).not.toThrow();
    }
  });
});
