// The Action against a GitHub stand-in that reads every request and never answers: the step
// still ends, within one request timeout, with the findings as annotations instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { makeWorkspace, runAction } from './run-action.js';

const github = new FakeGitHub();
beforeAll(async () => void (await github.start()));
afterAll(async () => github.stop());

describe('a GitHub API that never answers', () => {
  it('ends the step within the request timeout; the findings fall back to annotations', async () => {
    github.hang('POST', /./);
    github.hang('GET', /./);
    const started = Date.now();
    const run = await runAction({
      workspace: makeWorkspace({ Dockerfile: 'FROM alpine:3.20\nCMD node server.js\n' }),
      apiUrl: github.url,
      inputs: { static: 'true', 'check-run': 'true', review: 'true', 'filter-mode': 'added', 'fail-on': 'never' },
      env: { ENTRYPOINT_GUARD_API_TIMEOUT_MS: '2000' },
    });
    const seconds = (Date.now() - started) / 1000;
    expect(run.code, run.stderr).toBe(0);
    // One timeout (2 s) plus start-up: later requests fail at once instead of waiting again.
    expect(seconds).toBeLessThan(12);
    expect(github.requests.length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/did not answer/);
    expect(run.annotations.some((a) => /shell-form-cmd/.test(`${a.properties.title ?? ''} ${a.message}`))).toBe(true);
  }, 60_000);
});
