// Review comments carry the fix as a GitHub suggested change where its lines are in the diff:
// posted against the local GitHub stand-in, then applied to the PR's head as GitHub applies a
// suggestion (the commented lines replaced by the block), and the head linted again.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../src/lint.js';
import { addedFilePatch, FakeGitHub } from './fake-github.js';
import { findingsOf, makeWorkspace, PR_NUMBER, runAction } from './run-action.js';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});
afterEach(async () => {
  await gh.stop();
});

// The CMD spans two lines: its suggestion replaces both (a multi-line comment).
const DOCKERFILE = [
  'FROM node:22-bookworm-slim',
  'WORKDIR /app',
  'COPY package.json server.js ./',
  'COPY docker-entrypoint.sh /usr/local/bin/',
  'ENTRYPOINT ["docker-entrypoint.sh"]',
  'CMD node \\',
  '    server.js',
  '',
].join('\n');
// The shape of the official node image's docker-entrypoint.sh (docker-library/node), with the
// final `exec` left out.
const ENTRYPOINT = ['#!/bin/sh', 'set -e', '', 'if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then', '  set -- node "$@"', 'fi', '', '"$@"', ''].join('\n');

/** The block of a ```suggestion fence in a comment body. */
function suggestionOf(body: string): string | undefined {
  const m = /(`{3,})suggestion\n([\s\S]*?)\n\1/.exec(body);
  return m?.[2];
}

/** Apply a suggestion the way GitHub does: lines start_line..line replaced by the block's lines. */
function applySuggestion(file: string, start: number, end: number, block: string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.splice(start - 1, end - start + 1, ...block.split('\n'));
  fs.writeFileSync(file, lines.join('\n'));
}

describe('review suggestions', () => {
  it('suggests each fix on changed lines, multi-line where needed, and the suggestions applied to the head lint clean of those rules', async () => {
    const ws = makeWorkspace({ Dockerfile: DOCKERFILE, 'docker-entrypoint.sh': ENTRYPOINT, 'package.json': '{"name":"app"}\n', 'server.js': 'require("http").createServer().listen(3000);\n' });
    fs.chmodSync(path.join(ws, 'docker-entrypoint.sh'), 0o644);
    gh.files = [
      { filename: 'Dockerfile', status: 'added', patch: addedFilePatch(DOCKERFILE) },
      { filename: 'docker-entrypoint.sh', status: 'added', patch: addedFilePatch(ENTRYPOINT) },
    ];
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { static: 'true', review: 'true', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    const fixable = findingsOf(run).filter((f) => (f as { autofix?: { safe: boolean } }).autofix?.safe);
    expect(fixable.map((f) => f.rule).sort()).toEqual(['shell-form-cmd-after-entrypoint', 'wrapper-missing-exec', 'wrapper-not-executable']);

    const review = gh.requests.find((r) => r.method === 'POST' && r.path === `/repos/octo-org/shop/pulls/${PR_NUMBER}/reviews`)!.body;
    const comments = review.comments as { path: string; line: number; start_line?: number; body: string }[];
    const suggested = comments.filter((c) => suggestionOf(c.body) !== undefined);
    expect(suggested).toHaveLength(3);
    const cmd = suggested.find((c) => c.body.includes('shell-form-cmd-after-entrypoint'))!;
    expect(cmd).toMatchObject({ path: 'Dockerfile', start_line: 6, line: 7 });
    expect(suggestionOf(cmd.body)).toBe('CMD ["node", "server.js"]');
    const exec = suggested.find((c) => c.body.includes('wrapper-missing-exec'))!;
    expect(exec).toMatchObject({ path: 'docker-entrypoint.sh', line: 8 });
    expect(exec.start_line).toBeUndefined();
    expect(suggestionOf(exec.body)).toBe('exec "$@"');
    expect(suggestionOf(suggested.find((c) => c.body.includes('wrapper-not-executable'))!.body)).toBe('COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/');
    // GitHub accepted every comment (a line outside the diff would have failed the whole review).
    expect(gh.comments).toHaveLength(comments.length);

    // Applied bottom-up per file, as a reviewer commits them one after the other.
    for (const c of [...suggested].sort((a, b) => b.line - a.line)) applySuggestion(path.join(ws, c.path), c.start_line ?? c.line, c.line, suggestionOf(c.body)!);
    const after = lintDockerfile({ dockerfile: 'Dockerfile', cwd: ws }).findings;
    expect(after.filter((f) => f.autofix?.safe)).toEqual([]);
    const gone = new Set(after.map((f) => f.rule));
    for (const rule of ['shell-form-cmd-after-entrypoint', 'wrapper-missing-exec', 'wrapper-not-executable']) expect(gone.has(rule)).toBe(false);
    expect(fs.readFileSync(path.join(ws, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE.replace('COPY docker-entrypoint.sh', 'COPY --chmod=755 docker-entrypoint.sh').replace('CMD node \\\n    server.js', 'CMD ["node", "server.js"]'));
  });

  it('leaves the suggestion out when the fix reaches a line outside the diff', async () => {
    const ws = makeWorkspace({ Dockerfile: DOCKERFILE, 'docker-entrypoint.sh': ENTRYPOINT, 'package.json': '{"name":"app"}\n', 'server.js': '\n' });
    // Only line 6 changed: the CMD's fix replaces lines 6 and 7.
    gh.files = [{ filename: 'Dockerfile', status: 'modified', patch: ['@@ -6,1 +6,1 @@', '-CMD nodejs \\', '+CMD node \\'].join('\n') }];
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { static: 'true', review: 'true', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    const review = gh.requests.find((r) => r.method === 'POST' && r.path.endsWith('/reviews'))!.body;
    const comment = (review.comments as { line: number; start_line?: number; body: string }[]).find((c) => c.body.includes('shell-form-cmd-after-entrypoint'))!;
    expect(comment.line).toBe(6);
    expect(comment.start_line).toBeUndefined();
    expect(suggestionOf(comment.body)).toBeUndefined();
  });
});
