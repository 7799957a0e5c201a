// Every rule id is public API: each has a docs page and a row in the README.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/registry.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const catalog = fs.existsSync(path.join(ROOT, '../shared/RULES.md')) ? fs.readFileSync(path.join(ROOT, '../shared/RULES.md'), 'utf8') : '';

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

  it.runIf(catalog !== '')('implements every rule of the catalog', () => {
    const ids = [...catalog.matchAll(/^\| ([a-z0-9-]+) \| (error|warning|info)/gm)].map((m) => m[1]);
    const known = new Set(allRules.map((r) => r.id));
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });
});
