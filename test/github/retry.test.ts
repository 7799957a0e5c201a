// makeApi's retries against the local fake GitHub over real HTTP, with short back-off units
// (an option of makeApi, not mocked time).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/findings.js';
import { makeApi } from '../../src/github/api.js';
import { publishCheckRun } from '../../src/github/check-run.js';
import { FakeGitHub } from './fake-github.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = new FakeGitHub();
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.clearFailures();
  fake.requests.length = 0;
});

const listFiles = (api: ReturnType<typeof makeApi>) => api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: 'o', repo: 'r', pull_number: 1 });

describe('makeApi retries', () => {
  it('retries 502 and 503 and returns the 200', async () => {
    fake.fail('GET', /\/files$/, 502, 'Bad Gateway', 1);
    fake.fail('GET', /\/files$/, 503, 'Service Unavailable', 1);
    const res = await listFiles(makeApi('t', { unitMs: 1, baseUrl: fake.url }));
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up after its retries and throws the last answer', async () => {
    fake.fail('GET', /\/files$/, 500, 'Server Error');
    await expect(listFiles(makeApi('t', { unitMs: 1, retries: 2, baseUrl: fake.url }))).rejects.toMatchObject({ status: 500 });
    expect(fake.requests).toHaveLength(3);
  });

  it('waits out a secondary rate limit (403 with retry-after) and retries', async () => {
    fake.fail('GET', /\/files$/, 403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', 1, { 'retry-after': '2' });
    const res = await listFiles(makeApi('t', { unitMs: 1, baseUrl: fake.url }));
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it('does not retry a plain 403 (near miss: a missing permission stays a failure)', async () => {
    fake.fail('GET', /\/files$/, 403, 'Resource not accessible by integration', 1);
    await expect(listFiles(makeApi('t', { unitMs: 1, baseUrl: fake.url }))).rejects.toMatchObject({ status: 403 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('makeApi limits', () => {
  it('ends a request the server never answers at its timeout, without retrying, and fails later requests at once', async () => {
    fake.hang('GET', /\/files$/);
    const api = makeApi('t', { unitMs: 1, baseUrl: fake.url, timeoutMs: 400 });
    const started = Date.now();
    await expect(listFiles(api)).rejects.toMatchObject({ name: 'AbortError' });
    const first = Date.now() - started;
    expect(first).toBeGreaterThanOrEqual(350);
    expect(first).toBeLessThan(3_000);
    expect(fake.requests).toHaveLength(1);
    const again = Date.now();
    await expect(listFiles(api)).rejects.toThrow(/did not answer an earlier request within 0\.4 s/);
    expect(Date.now() - again).toBeLessThan(300);
    expect(fake.requests).toHaveLength(1);
  });

  it('does not retry a 429 whose retry-after is beyond the cap', async () => {
    fake.fail('GET', /\/files$/, 429, 'Too Many Requests', 1, { 'retry-after': '3600' });
    await expect(listFiles(makeApi('t', { unitMs: 1, baseUrl: fake.url }))).rejects.toMatchObject({ status: 429 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('creating a check run', () => {
  const event = { owner: 'o', repo: 'r', headSha: 'abc123', eventName: 'pull_request' };
  const report: Report = { version: 1, dockerfile: 'Dockerfile', findings: [], platforms: [] };

  it('looks before creating again after a 5xx: one check run, not two', async () => {
    fake.checkRuns.length = 0;
    fake.createThenFail = 1;
    const ok = await publishCheckRun({ api: makeApi('t', { unitMs: 1, baseUrl: fake.url }), event, reports: [report], failOn: 'error', staticOnly: true });
    expect(ok).toBe(true);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('creates again when the look finds nothing (the 5xx came before GitHub acted)', async () => {
    fake.checkRuns.length = 0;
    fake.fail('POST', /\/check-runs$/, 502, 'Bad Gateway', 1);
    const ok = await publishCheckRun({ api: makeApi('t', { unitMs: 1, baseUrl: fake.url }), event, reports: [report], failOn: 'error', staticOnly: true });
    expect(ok).toBe(true);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
  });
});
