// `--fix`: lint, apply the fixes that do not overlap, lint again, until nothing more applies
// (bounded passes, ESLint's approach). Edits are kept in memory until the end: `--fix-dry-run`
// only prints the diff, `--fix` writes each changed file whole (its mode kept).
import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Finding, TextEdit } from '../findings.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../report/atomic.js';
import { applyEdits, chooseFixes } from './apply.js';

/** Enough for a chain of fixes on one line (shell form -> exec form -> npm's script); a fix that keeps re-applying stops here. */
export const MAX_PASSES = 10;

export interface FixSession {
  /** Current texts of the files changed so far, by absolute path. */
  edited: Map<string, string>;
  /** The texts as they were on disk before the first change, by absolute path. */
  original: Map<string, string>;
  /** Display path of each changed file. */
  display: Map<string, string>;
  /** Findings the fixes made go away, by rule. */
  fixed: Map<string, number>;
}

export function newFixSession(): FixSession {
  return { edited: new Map(), original: new Map(), display: new Map(), fixed: new Map() };
}

/** A file's text as the session has it: its edited text, else the disk's. */
function textIn(session: FixSession, cwd: string): (file: string) => string | undefined {
  return (file) => {
    const abs = path.resolve(cwd, file);
    const known = session.edited.get(abs);
    if (known !== undefined) return known;
    try {
      return fs.readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  };
}

function isSymlink(abs: string): boolean {
  try {
    return fs.lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Apply the chosen findings' edits to the session's texts; whether any text changed. */
function applyChosen(session: FixSession, cwd: string, chosen: readonly Finding[]): boolean {
  const textOf = textIn(session, cwd);
  const byFile = new Map<string, TextEdit[]>();
  for (const f of chosen) for (const e of f.autofix!.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  let changed = false;
  for (const [file, edits] of byFile) {
    const before = textOf(file);
    const after = before === undefined ? undefined : applyEdits(before, edits);
    if (before === undefined || after === undefined || after === before) continue;
    const abs = path.resolve(cwd, file);
    // A symlink may lead anywhere (out of the repository): its file is not the fixer's to write.
    if (isSymlink(abs)) continue;
    if (!session.original.has(abs)) session.original.set(abs, before);
    session.display.set(abs, file);
    session.edited.set(abs, after);
    changed = true;
  }
  return changed;
}

/**
 * One pass over findings that cannot be re-checked by linting (the runtime's, such as
 * stop-signal-not-graceful's STOPSIGNAL): their fixes applied, counted as applied.
 */
export function applyOnce(session: FixSession, cwd: string, unsafe: boolean, findings: readonly Finding[]): void {
  const chosen = chooseFixes(findings, textIn(session, cwd), unsafe);
  if (!applyChosen(session, cwd, chosen)) return;
  for (const f of chosen) session.fixed.set(f.rule, (session.fixed.get(f.rule) ?? 0) + 1);
}

/**
 * Fix one Dockerfile (and its scripts): `lint` reads the files with the session's texts in
 * place of the disk's and returns the findings the policy keeps. Returns the passes it took.
 */
export function fixPasses(session: FixSession, cwd: string, unsafe: boolean, lint: (edited: ReadonlyMap<string, string>) => Finding[]): number {
  const textOf = textIn(session, cwd);
  const count = (findings: Finding[]) => {
    const n = new Map<string, number>();
    for (const f of findings) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
    return n;
  };
  let findings = lint(session.edited);
  const before = count(findings);
  let passes = MAX_PASSES;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const chosen = chooseFixes(findings, textOf, unsafe);
    if (!applyChosen(session, cwd, chosen)) {
      passes = pass - 1;
      break;
    }
    findings = lint(session.edited);
  }
  // Fixed: the rule's findings before the first pass less those left after the last.
  const after = count(findings);
  for (const [rule, n] of before) {
    const gone = n - (after.get(rule) ?? 0);
    if (gone > 0) session.fixed.set(rule, (session.fixed.get(rule) ?? 0) + gone);
  }
  return passes;
}

/** The session's changes as one unified diff (`a/` and `b/` paths, as git prints them); '' when nothing changed. */
export function unifiedDiff(session: FixSession): string {
  let out = '';
  for (const [abs, before] of [...session.original].sort((a, b) => a[0].localeCompare(b[0]))) {
    const after = session.edited.get(abs)!;
    if (after === before) continue;
    const name = session.display.get(abs)!;
    out += createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true } });
  }
  return out;
}

/** Write every changed file (whole, atomically, with its mode). */
export function writeFixes(session: FixSession): void {
  for (const [abs, text] of session.edited) {
    if (session.original.get(abs) === text) continue;
    try {
      writeFileAtomic(abs, text);
    } catch (err) {
      throw new InputError(`cannot write the fix to ${session.display.get(abs) ?? abs}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
}

/** "3 fixes applied (shell-form-cmd 1, wrapper-missing-exec 2)". */
export function fixedLine(session: FixSession, dryRun: boolean): string {
  const total = [...session.fixed.values()].reduce((a, b) => a + b, 0);
  const verb = dryRun ? 'would be applied' : 'applied';
  if (total === 0) return 'no fix to apply';
  const rules = [...session.fixed].sort((a, b) => a[0].localeCompare(b[0])).map(([r, n]) => `${r} ${n}`).join(', ');
  return `${total} fix${total === 1 ? '' : 'es'} ${verb} (${rules})`;
}
