// Shell-shaped garbage through the tokenizer, the structure, the flow analysis and every
// script rule: nothing throws, every hit lands on a line of the script. (The fuzz suite in
// test/fuzz runs far more cases through the whole pipeline; this one is seeded and quick.)
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/model/parse.js';
import type { WrapperScript } from '../../src/model/types.js';
import { wrapperRules } from '../../src/rules/wrapper/index.js';
import { analyzeFlow } from '../../src/shell/flow.js';
import { analyzeScript } from '../../src/shell/script.js';

const FRAGMENTS = [
  'if', 'then', 'fi', 'elif', 'else', 'case', 'esac', 'in', ';;', ')', '(', '$(', '`', '"', "'", '${', '}', '{', '$((', '))',
  'while', 'do', 'done', 'for', 'until', 'function', 'f()', '&&', '||', '|', '&', ';', '\n', '\\\n', '\\', '<<EOF\n', 'EOF\n',
  '<<-X\n', '\tX\n', '<<<', '$@', '"$@"', '$*', '"$*"', '$1', '${1:-x}', '$#', 'exec', 'gosu', 'su', 'sudo', '-c', 'set', '-eu',
  '-o', 'pipefail', '[[', ']]', '[', ']', '==', 'x=(', 'wait', 'source', 'nc', '-z', 'db', 'return', 'exit', '\r\n', 'trap',
  'TERM', 'eval', '<(', '&>', '2>&1', '>', ' ', ' ', ' ', '#', "$'", 'gunicorn', 'app:app', 'until', 'pg_isready',
];

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function scriptFrom(next: () => number): string {
  const parts: string[] = [next() < 0.5 ? '#!/bin/sh\n' : '#!/bin/bash\n'];
  const n = Math.floor(next() * 120);
  for (let i = 0; i < n; i++) parts.push(next() < 0.9 ? FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]! : String.fromCharCode(Math.floor(next() * 0x3000)));
  return parts.join('');
}

describe('shell analysis robustness', () => {
  const model = parseDockerfile({ file: 'Dockerfile', absPath: '/nonexistent/Dockerfile', text: 'FROM debian:bookworm\nCOPY e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n', contextDir: '/nonexistent' });
  const copy = model.instructions[1]!;

  it('survives 400 seeded shell-shaped inputs', () => {
    const next = rng(20240601);
    for (let n = 0; n < 400; n++) {
      const text = scriptFrom(next);
      const a = analyzeScript(text);
      analyzeFlow(a.body, a.functions);
      const wrapper: WrapperScript = { imagePath: '/e.sh', file: 'e.sh', text, lineOffset: 0, role: n % 3 === 0 ? 'sourced' : 'start', mode: { executable: true, source: 'filesystem' }, copy };
      model.wrappers = [wrapper];
      for (const rule of wrapperRules) {
        for (const hit of rule.check(model)) {
          expect(hit.range.line, `${rule.id} on ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(1);
          expect(hit.range.line).toBeLessThanOrEqual(a.lineCount + 1);
          expect(hit.message.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('handles pathological nesting and size without throwing', () => {
    for (const text of ['$('.repeat(20_000), '"$('.repeat(10_000), 'if x; then '.repeat(5_000), 'f() { '.repeat(5_000), 'a | '.repeat(20_000), '`'.repeat(10_001), "'".repeat(9_999), 'case x in a) '.repeat(5_000)]) {
      const a = analyzeScript(text);
      expect(() => analyzeFlow(a.body, a.functions)).not.toThrow();
    }
  });
});
