// Property-based fuzzing of the static pipeline: generated and mutated Dockerfiles with
// wrapper scripts in a real build context. No crash (an InputError is the accepted answer to
// invalid input), no hang (each case under CASE_LIMIT_MS), every finding inside its file.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/errors.js';
import { lintDockerfile, toFinding } from '../../src/lint.js';
import { parseDockerfile } from '../../src/model/parse.js';
import { staticRules } from '../../src/rules/registry.js';
import { describeCase, inputTexts, writeContext } from './disk.js';
import { applyMutations, dockerfileCase, mutation } from './gen.js';
import { acceptInputError, checkFindings, fuzz, FUZZ_TIMEOUT, RUNS, scratchDir } from './harness.js';

// ShellCheck is an external program with its own 15 s timeout per script, and its parser is
// slow on pathological input. This file bounds *our* code at CASE_LIMIT_MS per case, so it
// runs the pipeline without it; shellcheck.test.ts fuzzes the pipeline with ShellCheck.
vi.mock('../../src/rules/wrapper/shellcheck.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/rules/wrapper/shellcheck.js')>()),
  runShellcheck: () => ({ findings: [] }),
}));

const root = scratchDir('eg-fuzz-static-');

describe('fuzz: static pipeline', () => {
  it(`lints ${RUNS} generated Dockerfiles with wrapper scripts: no crash, no hang, findings inside their files`, () => {
    const outcomes = { linted: 0, rejected: 0, wrappers: 0 };
    fuzz(
      'static-pipeline',
      dockerfileCase,
      (c) => {
        const dir = writeContext(root, c);
        const result = acceptInputError(() => lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }));
        if (result instanceof InputError) {
          outcomes.rejected++;
          return;
        }
        outcomes.linted++;
        if (result.model.wrappers.length > 0) outcomes.wrappers++;
        expect(result.model.file).toBe('Dockerfile');
        checkFindings(result.findings, inputTexts(c, result));
      },
      { describeInput: describeCase },
    );
    console.info(`static-pipeline: ${outcomes.linted} linted (${outcomes.wrappers} with wrapper scripts), ${outcomes.rejected} InputError`);
    // The generator must reach every outcome, or it is not exercising the pipeline.
    expect(outcomes.linted, 'cases that produced a model').toBeGreaterThan(RUNS / 4);
    expect(outcomes.wrappers, 'cases with a resolved wrapper script').toBeGreaterThan(RUNS / 10);
    expect(outcomes.rejected, 'cases rejected with an InputError').toBeGreaterThan(0);
  }, FUZZ_TIMEOUT);

  it('parses arbitrary text handed straight to the parser (NUL, lone surrogates, CR-only) and runs every rule', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.tuple(dockerfileCase, fc.array(mutation, { maxLength: 6 })).map(([c, ms]) => applyMutations(c.dockerfile, ms)),
    );
    const none = path.join(root, 'none');
    fuzz(
      'parse-arbitrary-text',
      text,
      (t) => {
        const model = acceptInputError(() => parseDockerfile({ file: 'Dockerfile', absPath: path.join(none, 'Dockerfile'), text: t, contextDir: none }));
        if (model instanceof InputError) return;
        const lines = t.replace(/^\uFEFF/, '').split('\n').length;
        expect(model.lines.length).toBe(lines);
        for (const instr of model.instructions) {
          expect(instr.range.line, `${instr.keyword} starts inside the file`).toBeGreaterThanOrEqual(1);
          expect(instr.range.endLine, `${instr.keyword} ends inside the file`).toBeLessThanOrEqual(lines);
          expect(instr.range.endLine).toBeGreaterThanOrEqual(instr.range.line);
        }
        const findings = staticRules.flatMap((rule) => rule.check(model).map((hit) => toFinding(rule, hit, model.file)));
        checkFindings(findings, new Map([['Dockerfile', t.replace(/^\uFEFF/, '')]]));
      },
      { describeInput: (t) => t },
    );
  }, FUZZ_TIMEOUT);

  it('reads random bytes from disk as a Dockerfile: a model or one clear InputError', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.constantFrom('FROM alpine\nCMD ["x"]\n', 'FROM scratch\n'), fc.uint8Array({ maxLength: 40 }), fc.nat()).map(([head, junk, at]) => {
        const b = Buffer.from(head);
        const i = at % (b.length + 1);
        return new Uint8Array(Buffer.concat([b.subarray(0, i), Buffer.from(junk), b.subarray(i)]));
      }),
    );
    const dir = path.join(root, 'bytes');
    fs.mkdirSync(dir, { recursive: true });
    fuzz(
      'random-bytes-from-disk',
      bytes,
      (b) => {
        fs.writeFileSync(path.join(dir, 'Dockerfile'), b);
        const result = acceptInputError(() => lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }));
        if (result instanceof InputError) return;
        checkFindings(result.findings, new Map([['Dockerfile', result.model.text.replace(/^\uFEFF/, '')]]));
      },
      { describeInput: (b) => Buffer.from(b).toString('base64') },
    );
  }, FUZZ_TIMEOUT);

  it('is deterministic: the same input gives the same findings twice', () => {
    fuzz(
      'deterministic',
      dockerfileCase,
      (c) => {
        const dir = writeContext(root, c);
        const once = acceptInputError(() => lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }));
        const twice = acceptInputError(() => lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }));
        if (once instanceof InputError || twice instanceof InputError) {
          expect(String(twice)).toBe(String(once));
          return;
        }
        expect(twice.findings).toEqual(once.findings);
      },
      { runs: Math.max(20, Math.round(RUNS / 5)), describeInput: describeCase },
    );
  }, FUZZ_TIMEOUT);
});
