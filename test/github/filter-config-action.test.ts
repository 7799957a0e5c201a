// The bundled Action with filter-mode on a real pull request patch (git diff of a real commit,
// served by the fake GitHub's files endpoint as GitHub does), the config file, and retries.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { findingsOf, makeWorkspace, runAction, TOKEN } from './run-action.js';

const GIT_ENV = { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const BASE = 'FROM node:22\nWORKDIR /app\nCMD npm start\n';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = new FakeGitHub();
  await fake.start();
});
afterEach(async () => {
  await fake.stop();
});

/** A workspace committed at BASE, then changed: `ENTRYPOINT` added on line 4. The PR's files, as GitHub lists them. */
function pullRequest(extra: Record<string, string> = {}): string {
  const ws = makeWorkspace({ Dockerfile: BASE, ...extra });
  const git = (...a: string[]) => execFileSync('git', ['-C', ws, ...a], { encoding: 'utf8', env: { ...GIT_ENV, HOME: ws } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  fs.appendFileSync(path.join(ws, 'Dockerfile'), 'ENTRYPOINT node server.js\n');
  // GitHub's `patch` is the file's part of the diff from its first hunk on.
  const diff = git('diff', '--', 'Dockerfile');
  fake.files = [{ filename: 'Dockerfile', status: 'modified', patch: diff.slice(diff.indexOf('@@')).replace(/\n$/, '') }];
  return ws;
}

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule).sort();

describe('filter-mode in the Action', () => {
  it('added: outputs, annotations, summary and gate cover only findings on the PR\'s added lines', async () => {
    const ws = pullRequest();
    const run = await runAction({ workspace: ws, apiUrl: fake.url, inputs: { static: 'true', 'filter-mode': 'added' } });
    expect(rules(findingsOf(run))).toEqual(['shell-form-entrypoint']);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '1', warnings: '0' });
    expect(run.annotations.filter((a) => a.properties.title?.startsWith('cmd-ignored'))).toEqual([]);
    expect(run.summary).toContain('1 finding not reported or counted: 1 outside the diff (filter-mode: added).');
    expect(run.stdout).toContain('entrypoint-guard: filter-mode added: reporting and gating only findings in the 1 file this pull request changes.');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /repos/octo-org/shop/pulls/1347/files');
    expect(fake.requests[0]!.authorization).toBe(`token ${TOKEN}`);
  });

  it('file: a change elsewhere passes the gate; nofilter (the default) reports everything', async () => {
    const ws = pullRequest();
    fake.files = [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-old\n+new' }];
    const filtered = await runAction({ workspace: ws, apiUrl: fake.url, inputs: { static: 'true', 'filter-mode': 'file' } });
    expect(filtered.code).toBe(0);
    expect(filtered.outputs).toMatchObject({ result: 'pass', errors: '0', warnings: '0', findings: '[]' });
    const all = await runAction({ workspace: ws, apiUrl: fake.url, inputs: { static: 'true' } });
    expect(all.outputs).toMatchObject({ result: 'fail', errors: '1', warnings: '1' });
    expect(all.summary).not.toContain('not reported or counted');
  });

  it('is off on a push, and says so in one line', async () => {
    const ws = pullRequest();
    const run = await runAction({ workspace: ws, apiUrl: fake.url, eventName: 'push', event: { ref: 'refs/heads/main', after: 'abc' }, inputs: { static: 'true', 'filter-mode': 'added' } });
    expect(run.stdout.split('\n').filter((l) => l.includes('filter-mode'))).toEqual(['entrypoint-guard: filter-mode added is off: the push event has no pull request diff; every finding is reported and counted.']);
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '1' });
    expect(fake.requests).toEqual([]);
  });
});

describe('config file in the Action', () => {
  it('.entrypoint-guard.yml sets severities, filter-mode and fail-on; an input wins over it', async () => {
    const ws = pullRequest({ '.entrypoint-guard.yml': 'rules:\n  shell-form-entrypoint: warning\nfail-on: warning\nfilter-mode: added\n' });
    const run = await runAction({ workspace: ws, apiUrl: fake.url, inputs: { static: 'true' } });
    expect(findingsOf(run).map((f) => `${f.rule}:${f.severity}`)).toEqual(['shell-form-entrypoint:warning']);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '0', warnings: '1' });
    const input = await runAction({ workspace: ws, apiUrl: fake.url, inputs: { static: 'true', 'fail-on': 'error', 'filter-mode': 'nofilter' } });
    expect(input.outputs).toMatchObject({ result: 'pass', errors: '0', warnings: '2' });
    expect(input.code).toBe(0);
  });

  it('a bad config fails the step with one line naming the key and the file', async () => {
    const ws = pullRequest({ 'ci/eg.yml': 'platforms: [linux/amd64]\nfilter_mode: added\n' });
    const run = await runAction({ workspace: ws, apiUrl: fake.url, inputs: { static: 'true', config: 'ci/eg.yml' } });
    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.startsWith('::error'))).toEqual([
      '::error::entrypoint-guard: ci/eg.yml: unknown key "filter_mode" (did you mean filter-mode?)',
    ]);
  });
});

describe('retries on the API channels', () => {
  it('a 502 then 200 on the check run is retried and the run is created; the step does not fail for it', async () => {
    const ws = pullRequest();
    fake.fail('POST', /\/check-runs$/, 502, 'Server Error', 1);
    const run = await runAction({ workspace: ws, apiUrl: fake.url, inputs: { static: 'true', 'check-run': 'true', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))).toHaveLength(2);
    expect(run.stdout).toContain('entrypoint-guard: check run entrypoint-guard created with 2 annotations (conclusion: neutral).');
    expect(run.stdout).not.toContain('findings are reported as annotations instead');
  });

  it('a 404 is not retried (near miss): the channel falls back once', async () => {
    const ws = pullRequest();
    fake.fail('POST', /\/check-runs$/, 404, 'Not Found');
    const run = await runAction({ workspace: ws, apiUrl: fake.url, inputs: { static: 'true', 'check-run': 'true', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))).toHaveLength(1);
    expect(run.stdout).toContain('check run could not be created: HTTP 404: Not Found; findings are reported as annotations instead.');
  });
});
