#!/usr/bin/env node
// `node scripts/fix-corpus.mjs DIR`: `--fix` on every case of a labelled corpus (folders with a
// case.json giving `dockerfile` and `contextArg`, as the realworld set has). Each case is copied
// to a temp folder (case.json left out), linted, fixed, linted again and fixed a second time.
// Reports, per case and in total: crashes (exit 2, an internal error), files changed without a
// fixable finding in them, findings the fix brought (a rule/file pair with more findings after
// than before), a second --fix that still changes something, and the fixed findings per rule.
// Exit 1 when any of those checks fails. Nothing here is a test: run it by hand (npm run build first).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const args = process.argv.slice(2);
const unsafe = args.includes('--fix-unsafe');
const verbose = args.includes('-v');
const dir = args.find((a) => !a.startsWith('-'));
if (!dir) {
  console.error('usage: node scripts/fix-corpus.mjs [--fix-unsafe] [-v] CORPUS_DIR');
  process.exit(2);
}

function run(cwd, extra, c) {
  const r = spawnSync(process.execPath, [CLI, '--static', '--format', 'json', '--fail-on', 'never', '--progress', 'quiet', ...extra, '--context', c.contextArg, c.dockerfile], { cwd, encoding: 'utf8', timeout: 120_000 });
  let findings;
  try {
    findings = JSON.parse(r.stdout).findings;
  } catch {
    findings = undefined;
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, findings };
}

function snapshot(root) {
  const out = new Map();
  for (const rel of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const abs = path.join(root, rel);
    if (fs.lstatSync(abs).isFile()) out.set(rel.split(path.sep).join('/'), crypto.createHash('sha1').update(fs.readFileSync(abs)).digest('hex'));
  }
  return out;
}

const countBy = (findings, key) => {
  const m = new Map();
  for (const f of findings) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
};

const cases = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'case.json'))).sort();
const fixed = new Map();
const problems = [];
let changedCases = 0;
let fixableBefore = 0;
const t0 = Date.now();
for (const name of cases) {
  const c = JSON.parse(fs.readFileSync(path.join(dir, name, 'case.json'), 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-fix-corpus-'));
  try {
    fs.cpSync(path.join(dir, name), tmp, { recursive: true, filter: (src) => path.basename(src) !== 'case.json' || path.dirname(src) !== path.join(dir, name) });
    const before = run(tmp, [], c);
    if (before.code !== 0 || !before.findings) {
      problems.push(`${name}: lint before the fix exited ${before.code}: ${before.stderr.trim().split('\n')[0]}`);
      continue;
    }
    const files0 = snapshot(tmp);
    const fix = run(tmp, ['--fix', ...(unsafe ? ['--fix-unsafe'] : [])], c);
    if (fix.code !== 0 || !fix.findings || /internal error/.test(fix.stderr)) {
      problems.push(`${name}: --fix exited ${fix.code}: ${fix.stderr.trim().split('\n').pop()}`);
      continue;
    }
    const files1 = snapshot(tmp);
    const changed = [...files1].filter(([f, h]) => files0.get(f) !== h).map(([f]) => f);
    // A file may change only where a finding had a fix that edits it.
    const fixable = before.findings.filter((f) => f.autofix && (f.autofix.safe || unsafe));
    fixableBefore += fixable.length;
    const editable = new Set(fixable.flatMap((f) => f.autofix.edits.map((e) => path.posix.normalize(e.file))));
    for (const f of changed) if (!editable.has(f)) problems.push(`${name}: ${f} changed, but no finding had a fix in it`);
    if (changed.length > 0) changedCases++;
    // No new finding: per rule and file, never more after than before.
    const key = (f) => `${f.rule}\0${f.file}`;
    const b = countBy(before.findings, key);
    for (const [k, n] of countBy(fix.findings, key)) {
      if (n > (b.get(k) ?? 0)) problems.push(`${name}: new finding after the fix: ${k.replace('\0', ' in ')} (${b.get(k) ?? 0} -> ${n})`);
    }
    const br = countBy(before.findings, (f) => f.rule);
    const ar = countBy(fix.findings, (f) => f.rule);
    for (const [rule, n] of br) {
      const gone = n - (ar.get(rule) ?? 0);
      if (gone > 0) fixed.set(rule, (fixed.get(rule) ?? 0) + gone);
    }
    // Idempotent: a second --fix changes nothing.
    const again = run(tmp, ['--fix', ...(unsafe ? ['--fix-unsafe'] : [])], c);
    const files2 = snapshot(tmp);
    if (again.code !== 0 || [...files2].some(([f, h]) => files1.get(f) !== h)) problems.push(`${name}: a second --fix changed files again (exit ${again.code})`);
    if (verbose && changed.length > 0) console.log(`${name}: changed ${changed.join(', ')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
for (const p of problems) console.log(`FAIL ${p}`);
console.log('fixed findings per rule:');
for (const [rule, n] of [...fixed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${rule.padEnd(34)} ${n}`);
const total = [...fixed.values()].reduce((a, n) => a + n, 0);
console.log(`${cases.length} cases, ${changedCases} changed, ${fixableBefore} fixable findings before, ${total} findings fixed, ${problems.length} problems, ${((Date.now() - t0) / 1000).toFixed(0)}s`);
process.exit(problems.length > 0 ? 1 : 0);
