// Fuzzing the user-controlled patterns and expansions of the model: .dockerignore lines and
// COPY sources (compileDockerPattern, isIgnoredBy, BuildContext.glob) and ARG expansion.
// Bounded time on hostile input (`**/**/…`, `*a*a*a…`, 100 KB patterns), and the same
// answers as the reference regex translation on inputs small enough for a regex.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuildContext, compileDockerPattern, isIgnoredBy, parseDockerignore } from '../../src/model/context.js';
import { expandArgs } from '../../src/model/variables.js';
import { acceptInputError, fuzz, FUZZ_TIMEOUT, RUNS, scratchDir } from './harness.js';

/** The reference: the regex translation of moby/patternmatcher's rules (backtracking, so small inputs only). */
function referenceRegex(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        re += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      const next = i + 1 < pattern.length ? pattern[++i]! : '\\';
      re += /[\\^$.|?*+()[\]{}/-]/.test(next) ? `\\${next}` : next;
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      re += `[${body}]`;
      i = close;
    } else re += /[.+()|{}^$\]]/.test(ch) ? `\\${ch}` : ch;
  }
  try {
    return new RegExp(`${re}$`, 's');
  } catch {
    return /(?!)/;
  }
}

const patternChar = fc.constantFrom('*', '*', '**', '?', '/', 'a', 'b', '.', '[a-b]', '[!a]', '[', ']', '\\', '\\*', '-', '!', '^', '$', '(', '|');
const pathChar = fc.constantFrom('a', 'b', '/', '.', '-', '*', '[', '\\', 'x');
const smallPattern = fc.array(patternChar, { maxLength: 8 }).map((p) => p.join(''));
const smallPath = fc.array(pathChar, { maxLength: 10 }).map((p) => p.join(''));

/** Patterns built to make a backtracking matcher explode, at sizes a user can write. */
const hostilePattern = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((n) => `${Array(n).fill('**').join('/')}/x`),
  fc.integer({ min: 1, max: 60 }).map((n) => `${'*a'.repeat(n)}b`),
  fc.integer({ min: 1, max: 200 }).map((n) => `${'*'.repeat(n)}x`),
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => `run.${'["x",'.repeat(Math.ceil(n / 5))}`),
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => '?'.repeat(n)),
  fc.tuple(smallPattern, fc.integer({ min: 1, max: 30 })).map(([p, n]) => p.repeat(n)),
);
const hostilePath = fc.oneof(
  fc.integer({ min: 1, max: 100 }).map((n) => `${'x/'.repeat(n)}b`),
  fc.integer({ min: 1, max: 4_000 }).map((n) => 'a'.repeat(n)),
  fc.tuple(smallPath, fc.integer({ min: 1, max: 100 })).map(([p, n]) => p.repeat(n)),
);

const globDir = scratchDir('eg-fuzz-glob-');

describe('fuzz: context patterns and ARG expansion', () => {
  it('compileDockerPattern agrees with the regex translation on small inputs', () => {
    // A class whose first character is `]` is a literal `]` in Go (and in compileDockerPattern);
    // the plain regex translation reads `[]` as an empty class, so those are left out here.
    const comparable = smallPattern.filter((p) => !/\[!?\]/.test(p));
    fuzz('pattern-reference', fc.tuple(comparable, fc.array(smallPath, { minLength: 1, maxLength: 6 })), ([pattern, paths]) => {
      const ours = compileDockerPattern(pattern);
      const ref = referenceRegex(pattern);
      for (const p of paths) expect(ours.test(p), `${JSON.stringify(pattern)} vs ${JSON.stringify(p)}`).toBe(ref.test(p));
    });
  }, FUZZ_TIMEOUT);

  it('matches hostile patterns against long paths in bounded time, never throwing', () => {
    fuzz('pattern-hostile', fc.tuple(hostilePattern, hostilePath), ([pattern, p]) => {
      const m = compileDockerPattern(pattern);
      expect(typeof m.test(p)).toBe('boolean');
      const ignore = parseDockerignore(`${pattern}\n!${pattern}\n${pattern}/**`);
      expect(typeof isIgnoredBy(ignore, p)).toBe('boolean');
    }, { runs: Math.max(50, Math.round(RUNS / 4)), describeInput: ([pattern, p]) => `${pattern}\n---\n${p}` });
  }, FUZZ_TIMEOUT);

  it('globs COPY sources (hostile or not) over a real context in bounded time', () => {
    const dir = globDir;
    for (const rel of ['a.sh', 'b.sh', 'docker/entrypoint.sh', 'docker/x/y.sh', 'x'.repeat(200), 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab']) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), '#!/bin/sh\n');
    }
    fs.writeFileSync(path.join(dir, '.dockerignore'), '**/**/**/**/**/**/**/**/**/**/**/z\n*a*a*a*a*a*a*a*a*a*a*a*a*a*c\n');
    const ctx = new BuildContext(dir);
    fuzz('glob-sources', fc.oneof(hostilePattern, smallPattern), (source) => {
      const found = ctx.glob(source);
      for (const rel of found) expect(fs.existsSync(path.join(dir, rel)), rel).toBe(true);
    }, { describeInput: (s) => s });
  }, FUZZ_TIMEOUT);

  it('expandArgs agrees with the single-regex reference on small inputs', () => {
    const ref = (text: string, vars: Record<string, string | undefined>) =>
      text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, op, word, bare) => {
        const value = vars[(braced ?? bare) as string];
        if (op === ':-') return value ? value : word;
        if (op === '-') return value !== undefined ? value : word;
        if (op === ':+') return value ? word : '';
        if (op === '+') return value !== undefined ? word : '';
        return value !== undefined ? value : whole;
      });
    const piece = fc.constantFrom('$', '{', '}', 'A', 'B', ':', '-', '+', 'x', ' ', '${A}', '${B:-d}', '$A', '${A+w}');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const vars = fc.dictionary(fc.constantFrom('A', 'B'), fc.constantFrom('', 'v', '$A', '}'));
    fuzz('expand-args-reference', fc.tuple(text, vars), ([t, v]) => {
      expect(expandArgs(t, v)).toBe(ref(t, v));
    });
  }, FUZZ_TIMEOUT);

  it('expands ARG references in bounded time', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 1, max: 50_000 }).map((n) => '${A:-'.repeat(n)),
      fc.integer({ min: 1, max: 50_000 }).map((n) => '$'.repeat(n)),
      fc.integer({ min: 1, max: 20_000 }).map((n) => '${A'.repeat(n) + '}'.repeat(n)),
    );
    fuzz('expand-args', fc.tuple(text, fc.dictionary(fc.constantFrom('A', 'B', 'HOME'), fc.string({ maxLength: 20 }))), ([t, vars]) => {
      // A string, or one line (InputError) when references would expand past the bound.
      const out = acceptInputError(() => expandArgs(t, vars));
      if (typeof out !== 'string') expect(out.message).toMatch(/expand past/);
    }, { describeInput: ([t]) => t });
  }, FUZZ_TIMEOUT);
});
