// Property-based fuzzing of --fix: on generated Dockerfiles with wrapper scripts, the fix passes
// never crash, every fix's edits fall inside its files, the fixed files still lint, no rule is
// found more often after the fix, and a second --fix changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { Finding } from '../../src/findings.js';
import { fixPasses, newFixSession, writeFixes } from '../../src/fix/run.js';
import { lintDockerfile } from '../../src/lint.js';
import { describeCase, writeContext } from './disk.js';
import { dockerfileCase } from './gen.js';
import { acceptInputError, CASE_LIMIT_MS, fuzz, FUZZ_TIMEOUT, RUNS, scratchDir } from './harness.js';

// As in static.test.ts: our code is what is bounded here, not ShellCheck's.
vi.mock('../../src/rules/wrapper/shellcheck.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/rules/wrapper/shellcheck.js')>()),
  runShellcheck: () => ({ findings: [] }),
}));

const root = scratchDir('eg-fuzz-fix-');
const byRule = (fs: Finding[]) => {
  const m = new Map<string, number>();
  for (const f of fs) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
};

describe('fuzz: --fix', () => {
  it(`fixes ${RUNS} generated Dockerfiles: no crash, edits inside their files, no rule found more often after the safe fixes, idempotent`, () => {
    const outcomes = { fixed: 0, unchanged: 0, unsafe: 0 };
    fuzz(
      'fix',
      dockerfileCase,
      (c) => {
        const dir = writeContext(root, c);
        const first = acceptInputError(() => lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }));
        if (first instanceof InputError) return;
        for (const f of first.findings) {
          for (const e of f.autofix?.edits ?? []) {
            const text = fs.readFileSync(path.join(dir, e.file), 'utf8').split('\n');
            expect(e.line, `${f.rule} ${JSON.stringify(e)}`).toBeLessThanOrEqual(text.length);
            expect(e.endColumn - 1, `${f.rule} ${JSON.stringify(e)}`).toBeLessThanOrEqual(text[e.endLine - 1]?.length ?? -1);
          }
        }
        const lint = (edited: ReadonlyMap<string, string>) => lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir, edited }).findings;
        // Safe fixes: nothing found more often after them. Unsafe ones may change behaviour by
        // design (a CMD that now reaches the program): no crash, and idempotent.
        const session = newFixSession();
        fixPasses(session, dir, false, lint);
        writeFixes(session);
        if (session.original.size > 0) {
          outcomes.fixed++;
          const after = lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }).findings;
          // A BOM or CRs change how the whole script reads (a CR-joined line, a BOM-glued first
          // word can hide the commands after it): removing them may reveal findings the broken
          // file hid. Every other fix must not make any rule fire more often.
          // Likewise a shell-form ENTRYPOINT drops every command, so it hides that none reaches the
          // entrypoint: in exec form entrypoint-resets-cmd says so.
          const reveals = first.findings.some((f) => f.autofix?.safe && (f.rule === 'crlf-line-endings' || f.rule === 'utf8-bom'));
          const was = byRule(first.findings);
          if (!reveals) for (const [rule, n] of byRule(after)) if (rule !== 'entrypoint-resets-cmd') expect(n, `${rule} after the fix`).toBeLessThanOrEqual(was.get(rule) ?? 0);
          const again = newFixSession();
          fixPasses(again, dir, false, lint);
          expect(again.original.size, 'a second --fix changes nothing').toBe(0);
        } else outcomes.unchanged++;
        const unsafe = newFixSession();
        fixPasses(unsafe, dir, true, lint);
        writeFixes(unsafe);
        if (unsafe.original.size > 0) outcomes.unsafe++;
        const again = newFixSession();
        fixPasses(again, dir, true, lint);
        expect(again.original.size, 'a second --fix-unsafe changes nothing').toBe(0);
      },
      // A case lints the files up to twice per pass, safe and unsafe: a few lints' time.
      { describeInput: describeCase, limitMs: CASE_LIMIT_MS * 5 },
    );
    console.info(`fix: ${outcomes.fixed} fixed, ${outcomes.unchanged} unchanged, ${outcomes.unsafe} changed further by --fix-unsafe`);
    expect(outcomes.fixed, 'cases the fixer changed').toBeGreaterThan(0);
  }, FUZZ_TIMEOUT);
});
