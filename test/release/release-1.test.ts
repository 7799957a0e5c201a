// What a 1.0 release needs, checked where it lives: the version and its CHANGELOG section (the
// release notes), the Marketplace's limits on action.yml, rule links pinned to the release
// tag, the contributor guide, and nothing in the repository pointing outside it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sectionOf } from '../../scripts/changelog.mjs';
import { docsUrl } from '../../src/rules/types.js';
import { VERSION } from '../../src/version.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

// The Marketplace's branding icons are Feather icons; these are the ones it lists that fit.
const ICONS = new Set(['power', 'shield', 'check-circle', 'box', 'package', 'anchor', 'alert-triangle', 'terminal']);
const COLORS = new Set(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']);

describe('release 1.0', () => {
  it('is version 1.x with release notes in CHANGELOG.md', () => {
    expect(VERSION).toMatch(/^1\.\d+\.\d+$/);
    expect(sectionOf(read('CHANGELOG.md'), VERSION)).toMatch(/^### /);
  });

  it('fits the Marketplace: a description of at most 125 characters and branding', () => {
    const action = parseYaml(read('action.yml')) as { description: string; branding: { icon: string; color: string } };
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(ICONS.has(action.branding.icon)).toBe(true);
    expect(COLORS.has(action.branding.color)).toBe(true);
  });

  it('links each rule to its page at this release, not at main', () => {
    expect(docsUrl('shell-form-entrypoint')).toBe(`https://github.com/entrypoint-guard/entrypoint-guard/blob/v${VERSION}/docs/rules/shell-form-entrypoint.md`);
  });

  it('has CONTRIBUTING.md (not DEVELOPERS.md) and documents the debug variable', () => {
    expect(fs.existsSync(path.join(ROOT, 'DEVELOPERS.md'))).toBe(false);
    expect(read('CONTRIBUTING.md')).toContain('ENTRYPOINT_GUARD_DEBUG');
    expect(read('README.md')).toContain('ENTRYPOINT_GUARD_DEBUG');
  });

  it('keeps CHANGELOG.md and CONTRIBUTING.md inside the repository: relative links that resolve, no web links', () => {
    for (const file of ['CHANGELOG.md', 'CONTRIBUTING.md']) {
      const text = read(file);
      expect(text, file).not.toMatch(/https?:\/\//);
      for (const [, target] of text.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)) expect(fs.existsSync(path.join(ROOT, target!)), `${file} -> ${target}`).toBe(true);
    }
  });

  it('points nowhere outside the repository from any tracked file', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && !f.startsWith('dist/') && !f.endsWith('package-lock.json') && fs.existsSync(path.join(ROOT, f)));
    const outside = files.filter((f) => /\.\.\/shared\/|\bshared\/(RULES|INTERFACE|DESIGN)\.md|\bINTERFACE\.md\b/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')) && f !== 'test/release/release-1.test.ts');
    expect(outside).toEqual([]);
  });
});
