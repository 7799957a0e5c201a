// Every docs page's "Bad" example fires its rule and its "Good" example does not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRules } from '../../../src/rules/start/index.js';
import { hits, lint } from '../../helpers.js';

const DOCS = path.resolve(import.meta.dirname, '../../../docs/rules');

function example(page: string, heading: 'Bad' | 'Good'): string {
  const m = new RegExp(`## ${heading}\\n\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``).exec(page);
  expect(m, `${heading} example`).not.toBeNull();
  return m![1]!;
}

describe('start rule docs examples', () => {
  for (const rule of startRules) {
    it(`${rule.id}: the bad example fires, the good one does not`, () => {
      const page = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
      expect(page).toContain(`severity: \`${rule.severity}\``);
      expect(hits(lint(example(page, 'Bad')), rule.id).length).toBeGreaterThan(0);
      expect(hits(lint(example(page, 'Good')), rule.id)).toEqual([]);
    });
  }
});
