// scripts/release.mjs in a temporary clone of this repository: --dry-run changes nothing,
// a real run bumps package.json and package-lock.json, moves CHANGELOG.md's Unreleased
// entries, rebuilds dist/ with the new version, commits and tags; the release workflow's
// notes come from that section (scripts/changelog.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { release, sectionOf } from '../../scripts/changelog.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let clone = '';

const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' }).trim();
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(clone, 'scripts', script), ...args], { cwd: clone, encoding: 'utf8', timeout: 60_000 });
const pkgVersion = () => (JSON.parse(fs.readFileSync(path.join(clone, 'package.json'), 'utf8')) as { version: string }).version;

beforeAll(() => {
  clone = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-release-'));
  execFileSync('git', ['clone', '-q', '--no-local', ROOT, clone]);
  // The clone is of what is committed; the test runs the release of the files as they are here.
  for (const f of ['package.json', 'package-lock.json', 'CHANGELOG.md', 'scripts/release.mjs', 'scripts/changelog.mjs', 'scripts/build.mjs', 'scripts/bundle-options.mjs', 'scripts/licenses.mjs']) {
    fs.copyFileSync(path.join(ROOT, f), path.join(clone, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));
  // Right after a release there is nothing Unreleased: give the clone an entry to release.
  const changelog = path.join(clone, 'CHANGELOG.md');
  if (sectionOf(fs.readFileSync(changelog, 'utf8'), 'Unreleased') === '') {
    fs.writeFileSync(changelog, fs.readFileSync(changelog, 'utf8').replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n- An entry of the release test.\n'));
  }
  // .gitignore's `node_modules/` matches a folder, not this symlink.
  fs.appendFileSync(path.join(clone, '.git', 'info', 'exclude'), '/node_modules\n');
  git('config', 'user.email', 'release-test@example.invalid');
  git('config', 'user.name', 'release test');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: clone });
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'state under test');
}, 120_000);

afterAll(() => {
  if (clone) fs.rmSync(clone, { recursive: true, force: true });
});

describe('scripts/release.mjs', () => {
  it('--dry-run says what it would do and changes nothing', () => {
    const before = { head: git('rev-parse', 'HEAD'), version: pkgVersion(), changelog: fs.readFileSync(path.join(clone, 'CHANGELOG.md'), 'utf8') };
    const r = run('release.mjs', 'minor', '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/dry run/);
    expect(git('rev-parse', 'HEAD')).toBe(before.head);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('tag', '--list')).toBe('');
    expect(pkgVersion()).toBe(before.version);
    expect(fs.readFileSync(path.join(clone, 'CHANGELOG.md'), 'utf8')).toBe(before.changelog);
  });

  it('refuses a bad bump and a dirty tree in one line, exit 2', () => {
    const bad = run('release.mjs', 'sideways');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    fs.appendFileSync(path.join(clone, 'README.md'), '\nlocal edit\n');
    const dirty = run('release.mjs', 'patch');
    expect(dirty.status).toBe(2);
    expect(dirty.stderr).toMatch(/uncommitted changes/);
    git('checkout', '--', 'README.md');
  });

  it('bumps, moves the changelog entries, rebuilds dist, commits and tags', () => {
    const [maj, min] = pkgVersion().split('.').map(Number) as [number, number];
    const next = `${maj}.${min + 1}.0`;
    const unreleased = sectionOf(fs.readFileSync(path.join(clone, 'CHANGELOG.md'), 'utf8'), 'Unreleased');
    const r = run('release.mjs', 'minor');
    expect(r.status, r.stderr).toBe(0);
    expect(pkgVersion()).toBe(next);
    const lock = JSON.parse(fs.readFileSync(path.join(clone, 'package-lock.json'), 'utf8')) as { version: string; packages: Record<string, { version: string }> };
    expect([lock.version, lock.packages['']!.version]).toEqual([next, next]);
    const changelog = fs.readFileSync(path.join(clone, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## \\[${next.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect(sectionOf(changelog, next)).toBe(unreleased);
    expect(sectionOf(changelog, 'Unreleased')).toBe('');
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '-1', '--format=%s')).toBe(`Release v${next}`);
    expect(git('cat-file', '-t', `v${next}`)).toBe('tag');
    expect(git('rev-parse', `v${next}^{commit}`)).toBe(git('rev-parse', 'HEAD'));
    const cli = spawnSync(process.execPath, [path.join(clone, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' });
    expect(cli.stdout.trim()).toContain(next);

    // The release workflow's notes for the tag.
    const notes = run('changelog.mjs', 'notes', `v${next}`);
    expect(notes.status).toBe(0);
    expect(notes.stdout.trim()).toBe(unreleased);
    // Nothing left to release: a second run refuses.
    const again = run('release.mjs', 'patch');
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/nothing under "## \[Unreleased\]"/);
  });
});

describe('scripts/changelog.mjs', () => {
  const text = '# Changelog\n\n## [Unreleased]\n\n### Fixed\n- a\n\n## [1.0.0] - 2026-01-02\n\n### Added\n- b\n\n[1.0.0]: https://example.invalid/v1.0.0\n';
  it('finds a section up to the next heading or link reference', () => {
    expect(sectionOf(text, '1.0.0')).toBe('### Added\n- b');
    expect(sectionOf(text, 'Unreleased')).toBe('### Fixed\n- a');
    expect(sectionOf(text, '9.9.9')).toBeUndefined();
  });
  it('releases the Unreleased entries under the new heading, above the older ones', () => {
    const out = release(text, '1.1.0', '2026-02-03');
    expect(out.indexOf('## [1.1.0] - 2026-02-03')).toBeGreaterThan(out.indexOf('## [Unreleased]'));
    expect(out.indexOf('## [1.1.0]')).toBeLessThan(out.indexOf('## [1.0.0]'));
    expect(sectionOf(out, '1.1.0')).toBe('### Fixed\n- a');
    expect(() => release(out, '1.1.0', '2026-02-03')).toThrow(/already has a section/);
  });
});
