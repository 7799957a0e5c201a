// Fuzzing the wrapper-script analysis (src/shell: tokenizer, structure, flow; and the model's
// word splitter): it promises never to throw and to run in linear time. Checked on generated
// and mutated scripts, random text, and pathological nesting up to 64 KB.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { simpleCommands } from '../../src/shell/commands.js';
import { analyzeFlow } from '../../src/shell/flow.js';
import { analyzeScript, parseShebang } from '../../src/shell/script.js';
import { walkCommands } from '../../src/shell/structure.js';
import type { Token } from '../../src/shell/tokenize.js';
import { mutatedScript, script } from './gen.js';
import { FUZZ_TIMEOUT, fuzz, lineCount, RUNS } from './harness.js';

/** Constructs that nest or never close: what makes a tokenizer recurse or rescan. */
const NESTERS = ['$(', '`', '"', "'", '${', '$((', '(', '{ ', 'if true; then ', 'case x in ', 'while :; do ', 'f() { ', '<<EOF\n', '\\', '$\'', '<(', 'a=(', '[[ ', '# ', '\n'];

/** `unit` repeated up to `length` characters. */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
// Up to 64 KB: a linear pass takes milliseconds, a quadratic one minutes, so the per-case
// bound tells them apart even on a loaded 2-core CI machine.
const size = fc.integer({ min: 1_000, max: 64_000 });
const pathological = fc.oneof(
  fc.tuple(fc.constantFrom(...NESTERS), size).map(([s, n]) => fill(s, n)),
  fc.tuple(fc.constantFrom(...NESTERS), fc.constantFrom(...NESTERS), size).map(([a, b, n]) => fill(a + b, n)),
  fc.tuple(script, size).map(([s, n]) => fill(s || 'x', n)),
  size.map((n) => `#!/bin/sh\nexec ${'x'.repeat(n)} "$@"\n`),
);

const anyScript = fc.oneof(
  { weight: 4, arbitrary: mutatedScript },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...NESTERS, 'exec "$@"', 'x', ' ', ')', '}', 'fi', 'done', 'esac', ';;', 'EOF\n'), { maxLength: 60 }).map((p) => p.join('')) },
);

/** Plain checks (not `expect` per item): inputs have tens of thousands of tokens. */
function check(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

function checkTokens(tokens: Token[], length: number): void {
  let prev = 0;
  for (const t of tokens) {
    check(t.start >= 0 && t.start <= length, () => `token starts outside the text: ${t.start} of ${length}`);
    check(t.start >= prev, () => `tokens out of source order: ${t.start} after ${prev}`);
    prev = t.start;
    if (t.kind === 'word') check(t.word.start <= t.word.end && t.word.end <= length, () => `word [${t.word.start}, ${t.word.end}) outside the text of ${length}`);
  }
}

function analyse(text: string): void {
  const a = analyzeScript(text);
  const length = a.text.length;
  const lines = lineCount(a.text);
  checkTokens(a.tokens, length);
  check(a.lineCount >= 0 && a.lineCount <= lines, () => `lineCount ${a.lineCount} of ${lines}`);
  for (const c of a.comments) check(c.start >= 0 && c.start < Math.max(1, length), () => `comment at ${c.start} of ${length}`);
  walkCommands(a.body, (cmd) => {
    check(cmd.start >= 0 && cmd.end <= length, () => `${cmd.kind} [${cmd.start}, ${cmd.end}) outside the text of ${length}`);
    const line = a.lineOf(cmd.start);
    check(line >= 1 && line <= lines, () => `${cmd.kind} on line ${line} of ${lines}`);
    check(a.columnOf(cmd.start) >= 1, () => `${cmd.kind} at column ${a.columnOf(cmd.start)}`);
  });
  const flow = analyzeFlow(a.body, a.functions);
  for (const sig of [...flow.finals, ...flow.argvThenExit, ...flow.background]) check(sig.start >= 0 && sig.end <= length, () => `flow result [${sig.start}, ${sig.end}) outside the text`);
  parseShebang(a.text);
}

describe('fuzz: wrapper-script analysis', () => {
  it(`analyses ${RUNS} generated and random scripts: never throws, offsets inside the text`, () => {
    fuzz('shell-analysis', anyScript, analyse, { describeInput: (s) => s });
  }, FUZZ_TIMEOUT);

  it('analyses pathological nesting (up to 64 KB) in bounded time', () => {
    fuzz('shell-pathological', pathological, analyse, { runs: Math.max(30, Math.round(RUNS / 10)), describeInput: (s) => s });
  }, FUZZ_TIMEOUT);

  it('splits RUN/start-command text into commands with lines inside the text', () => {
    fuzz('split-commands', fc.oneof(anyScript, pathological), (text) => {
      const lines = lineCount(text);
      for (const cmd of simpleCommands(text)) {
        check(cmd.line >= 1 && cmd.line <= lines, () => `command on line ${cmd.line} of ${lines}`);
        for (const w of cmd.words) check(typeof w === 'string', () => `word ${String(w)}`);
      }
    }, { runs: Math.max(50, Math.round(RUNS / 4)), describeInput: (s) => s });
  }, FUZZ_TIMEOUT);
});
