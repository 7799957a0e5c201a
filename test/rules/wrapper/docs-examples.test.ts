// The script-analysis rules' docs pages: the "Bad" script fires the rule, the "Good" one does not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrapperRules } from '../../../src/rules/wrapper/index.js';
import { findShellcheck } from '../../../src/rules/wrapper/shellcheck.js';
import { lintEntrypoint, ruleHits } from './entry.js';

const DOCS = path.resolve(import.meta.dirname, '../../../docs/rules');
const IDS = ['wrapper-missing-exec', 'wrapper-unquoted-args', 'wrapper-no-errexit', 'wrapper-bashism', 'wrapper-too-complex', 'wrapper-su-sudo', 'wrapper-unset-arg'];
const BASE = 'debian:bookworm-slim';
/** The pages whose examples are about an image without CMD (the wrapper starts with no arguments). */
const NO_CMD = new Set(['wrapper-unset-arg']);
const cmdFor = (id: string) => (NO_CMD.has(id) ? null : undefined);

function example(page: string, heading: 'Bad' | 'Good'): string {
  const m = new RegExp(`## ${heading}\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(page);
  expect(m, `${heading} example`).not.toBeNull();
  return m![1]!;
}

describe('wrapper script rule docs examples', () => {
  for (const id of IDS) {
    it(`${id}: the bad example fires, the good one does not`, () => {
      const rule = wrapperRules.find((r) => r.id === id);
      expect(rule).toBeDefined();
      const page = fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
      expect(page).toContain(`severity: \`${rule!.severity}\``);
      expect(ruleHits(id, BASE, example(page, 'Bad'), cmdFor(id)).length).toBeGreaterThan(0);
      expect(ruleHits(id, BASE, example(page, 'Good'), cmdFor(id))).toEqual([]);
    });
  }

  it.skipIf(!findShellcheck())('shellcheck: the bad example gets a ShellCheck finding, the good one none', () => {
    const page = fs.readFileSync(path.join(DOCS, 'shellcheck.md'), 'utf8');
    expect(lintEntrypoint(BASE, example(page, 'Bad')).some((f) => f.rule.startsWith('shellcheck/'))).toBe(true);
    expect(lintEntrypoint(BASE, example(page, 'Good')).filter((f) => f.rule.startsWith('shellcheck/'))).toEqual([]);
  });

  it('the good examples are clean of every error and warning', () => {
    for (const id of IDS) {
      const good = example(fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8'), 'Good');
      const loud = lintEntrypoint(BASE, good, cmdFor(id)).filter((f) => f.severity !== 'info');
      expect(loud, id).toEqual([]);
    }
  });
});
