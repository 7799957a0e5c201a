// Running the fixer in-process on a throw-away copy of a fixture: lint, fix (bounded passes),
// write, lint again from disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { fixPasses, newFixSession, unifiedDiff, writeFixes, type FixSession } from '../../src/fix/run.js';
import { lintDockerfile } from '../../src/lint.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'fix');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fixture folder (test/fixtures/fix/<name>) or inline files, copied to a new temp folder (modes kept). */
export function workdir(from: string | Record<string, string | { content: string; mode: number }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-fix-'));
  made.push(dir);
  if (typeof from === 'string') fs.cpSync(path.join(FIXTURES, from), dir, { recursive: true });
  else {
    for (const [rel, spec] of Object.entries(from)) {
      const abs = path.join(dir, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, typeof spec === 'string' ? spec : spec.content);
      if (typeof spec !== 'string') fs.chmodSync(abs, spec.mode);
    }
  }
  return dir;
}

export interface Fixed {
  before: Finding[];
  after: Finding[];
  session: FixSession;
  passes: number;
  diff: string;
}

export function lintAt(dir: string, dockerfile = 'Dockerfile', context?: string): Finding[] {
  return lintDockerfile({ dockerfile, cwd: dir, ...(context ? { context } : {}) }).findings;
}

/** Fix the Dockerfile in `dir` and its scripts on disk; the findings before and after. */
export function fixAt(dir: string, o: { dockerfile?: string; context?: string; unsafe?: boolean } = {}): Fixed {
  const dockerfile = o.dockerfile ?? 'Dockerfile';
  const before = lintAt(dir, dockerfile, o.context);
  const session = newFixSession();
  const passes = fixPasses(session, dir, o.unsafe ?? false, (edited) => lintDockerfile({ dockerfile, cwd: dir, edited, ...(o.context ? { context: o.context } : {}) }).findings);
  const diff = unifiedDiff(session);
  writeFixes(session);
  return { before, after: lintAt(dir, dockerfile, o.context), session, passes, diff };
}

export function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

export const rules = (findings: Finding[]) => findings.map((f) => f.rule).sort();
