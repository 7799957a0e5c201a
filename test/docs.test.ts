// Every rule id is public API: each has a docs page and a row in the README.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/registry.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('rule docs', () => {
  it('has unique ids', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of allRules) {
    it(`${rule.id} has a docs page and a README row`, () => {
      const page = path.join(ROOT, 'docs/rules', `${rule.id}.md`);
      expect(fs.existsSync(page)).toBe(true);
      expect(fs.readFileSync(page, 'utf8')).toContain(rule.id);
      expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`docs/rules/${rule.id}.md`);
    });
  }

  it('has a rule for every docs page (the registry and docs/rules/ are the one rule catalog)', () => {
    const known = new Set(allRules.map((r) => r.id));
    const pages = fs.readdirSync(path.join(ROOT, 'docs/rules')).map((f) => f.replace(/\.md$/, ''));
    expect(pages.filter((id) => id !== 'shellcheck' && !known.has(id))).toEqual([]);
  });
});
