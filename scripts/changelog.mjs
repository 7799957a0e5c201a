#!/usr/bin/env node
// CHANGELOG.md in the Keep a Changelog layout: `## [Unreleased]` on top, then one
// `## [X.Y.Z] - YYYY-MM-DD` section per release.
//   changelog.mjs notes vX.Y.Z   prints that version's section (the GitHub release notes);
//                                exit 1 when there is none or it is empty.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const HEADING = /^## \[([^\]]+)\]/;

/** The body of the `## [version]` section (without its heading), or undefined. */
export function sectionOf(text, version) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => HEADING.exec(l)?.[1] === version);
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && (HEADING.test(l) || /^\[[^\]]+\]:\s/.test(l)));
  if (end < 0) end = lines.length;
  return lines.slice(start + 1, end).join('\n').trim();
}

/** Moves the Unreleased entries under a new `## [version] - date` heading; throws when there are none. */
export function release(text, version, date) {
  if (sectionOf(text, version) !== undefined) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  const unreleased = sectionOf(text, 'Unreleased');
  if (unreleased === undefined) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  if (unreleased === '') throw new Error('CHANGELOG.md: nothing under "## [Unreleased]" to release');
  const lines = text.split('\n');
  const at = lines.findIndex((l) => HEADING.exec(l)?.[1] === 'Unreleased');
  let end = lines.findIndex((l, i) => i > at && (HEADING.test(l) || /^\[[^\]]+\]:\s/.test(l)));
  if (end < 0) end = lines.length;
  return [...lines.slice(0, at + 1), '', `## [${version}] - ${date}`, '', unreleased, '', ...lines.slice(end)].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const [command, tag] = process.argv.slice(2);
  if (command !== 'notes' || !tag) {
    console.error('usage: changelog.mjs notes vX.Y.Z');
    process.exit(2);
  }
  const body = sectionOf(fs.readFileSync('CHANGELOG.md', 'utf8'), tag.replace(/^v/, ''));
  if (!body) {
    console.error(`CHANGELOG.md has no entries for ${tag.replace(/^v/, '')}`);
    process.exit(1);
  }
  process.stdout.write(`${body}\n`);
}
