// The static pipeline *with* ShellCheck (when it is on PATH): ShellCheck's comments are mapped
// onto wrapper files and COPY heredocs, so their lines must land inside the file they name.
// Fewer cases: each wrapper costs a ShellCheck process (and up to its own 15 s timeout).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { lintDockerfile } from '../../src/lint.js';
import { findShellcheck } from '../../src/rules/wrapper/shellcheck.js';
import { describeCase, inputTexts, writeContext } from './disk.js';
import { dockerfileCase } from './gen.js';
import { acceptInputError, checkFindings, fuzz, RUNS, scratchDir } from './harness.js';

const root = scratchDir('eg-fuzz-shellcheck-');
const shellcheck = findShellcheck();

describe('fuzz: static pipeline with ShellCheck', () => {
  // CI installs ShellCheck (.ci/run); elsewhere it is optional and the pipeline says so in a note.
  it.skipIf(!shellcheck && !process.env.CI)('maps ShellCheck comments inside the files they name', () => {
    expect(shellcheck, 'ShellCheck is installed in CI').not.toBeNull();
    let shellcheckFindings = 0;
    fuzz(
      'static-pipeline-shellcheck',
      dockerfileCase,
      (c) => {
        const dir = writeContext(root, c);
        const result = acceptInputError(() => lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }));
        if (result instanceof InputError) return;
        shellcheckFindings += result.findings.filter((f) => f.rule.startsWith('shellcheck/')).length;
        checkFindings(result.findings, inputTexts(c, result));
      },
      // ShellCheck's own per-script timeout is 15 s; a case has at most a few scripts.
      { runs: Math.max(20, Math.round(RUNS / 20)), limitMs: 40_000, describeInput: describeCase },
    );
    expect(shellcheckFindings, 'ShellCheck findings seen').toBeGreaterThan(0);
  }, 600_000);
});
