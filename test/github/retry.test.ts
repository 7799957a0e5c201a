// makeApi's retries against the local fake GitHub over real HTTP, with short back-off units
// (an option of makeApi, not mocked time).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeApi } from '../../src/github/api.js';
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
