#!/usr/bin/env node
// npm run release -- <patch|minor|major|X.Y.Z> [--dry-run]
// Bumps the version in package.json and package-lock.json, moves CHANGELOG.md's Unreleased
// entries under the new version's heading, rebuilds dist/ (it carries the version), commits
// and makes the annotated tag vX.Y.Z. It pushes nothing: it prints the push command, and the
// pushed tag runs .github/workflows/release.yml. --dry-run says what it would do and changes
// nothing. Refuses to run on a dirty work tree or without Unreleased entries.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { release } from './changelog.mjs';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const bump = args.filter((a) => a !== '--dry-run')[0];
const fail = (message) => { console.error(`release: ${message}`); process.exit(2); };
const git = (...a) => execFileSync('git', a, { encoding: 'utf8' }).trim();

if (!bump || args.length > (dryRun ? 2 : 1)) fail('usage: release.mjs <patch|minor|major|X.Y.Z> [--dry-run]');

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const SEMVER = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;
const cur = SEMVER.exec(pkg.version);
if (!cur) fail(`package.json version "${pkg.version}" is not X.Y.Z`);
const [maj, min, pat] = cur.slice(1, 4).map(Number);
const next = bump === 'major' ? `${maj + 1}.0.0`
  : bump === 'minor' ? `${maj}.${min + 1}.0`
  : bump === 'patch' ? (cur[4] ? `${maj}.${min}.${pat}` : `${maj}.${min}.${pat + 1}`)
  : SEMVER.test(bump) ? bump : fail(`"${bump}" is not patch, minor, major or X.Y.Z`);
const tag = `v${next}`;

if (git('status', '--porcelain') !== '') fail('the work tree has uncommitted changes; commit or stash them first');
if (git('tag', '--list', tag) !== '') fail(`tag ${tag} exists already`);
const date = new Date().toISOString().slice(0, 10);
const changelog = release(fs.readFileSync('CHANGELOG.md', 'utf8'), next, date);

console.log(`release: ${pkg.version} -> ${next}${dryRun ? ' (dry run: nothing is changed)' : ''}`);
console.log(`  package.json, package-lock.json: version ${next}`);
console.log(`  CHANGELOG.md: "## [${next}] - ${date}" with the Unreleased entries`);
console.log(`  npm run build (dist/ carries the version); git commit "Release ${tag}"; git tag -a ${tag}`);
if (dryRun) process.exit(0);

const json = (file, edit) => {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(data);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
};
json('package.json', (d) => { d.version = next; });
if (fs.existsSync('package-lock.json')) json('package-lock.json', (d) => { d.version = next; if (d.packages?.['']) d.packages[''].version = next; });
fs.writeFileSync('CHANGELOG.md', changelog);
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const files = ['package.json', 'CHANGELOG.md', 'dist'];
if (fs.existsSync('package-lock.json')) files.push('package-lock.json');
git('add', '--', ...files);
git('commit', '-q', '-m', `Release ${tag}`);
git('tag', '-a', tag, '-m', `entrypoint-guard ${tag}`);
console.log(`release: committed and tagged ${tag}. Publish it with:\n  git push origin HEAD ${tag}`);
