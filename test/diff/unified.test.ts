// The unified-diff reader on real `git diff` output: a temp repository, real commits, real git.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiffSyntaxError, parsePatch, parseUnifiedDiff, unquoteGitPath } from '../../src/diff/unified.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=true', '-C', repo, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: repo, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

function write(repo: string, files: Record<string, string | null>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(repo, rel);
    if (text === null) fs.rmSync(abs);
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    }
  }
}

/** A repository with `before` committed and `after` in the work tree (staged), and the real diff between them. */
function realDiff(before: Record<string, string>, after: Record<string, string | null>, ...diffArgs: string[]): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-diff-'));
  made.push(repo);
  git(repo, 'init', '-q', '-b', 'main');
  write(repo, before);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'base');
  write(repo, after);
  git(repo, 'add', '-A');
  return git(repo, 'diff', '--cached', '-M', ...diffArgs);
}

const DOCKERFILE = ['FROM node:22-alpine', 'WORKDIR /app', 'COPY package.json .', 'RUN npm ci', 'COPY . .', 'EXPOSE 3000', 'USER node', 'CMD ["node", "server.js"]', ''].join('\n');
const lines = (text: string) => text.split('\n');

describe('parseUnifiedDiff on git diff output', () => {
  it('reads added lines and hunk context of a modified file', () => {
    const after = lines(DOCKERFILE);
    after.splice(7, 1, 'ENTRYPOINT node server.js'); // line 8 changed
    after.splice(1, 0, 'RUN apk add --no-cache tini'); // line 2 added, so the change is now line 9
    const diff = realDiff({ Dockerfile: DOCKERFILE }, { Dockerfile: after.join('\n') }, '-U1');
    const change = parseUnifiedDiff(diff).get('Dockerfile')!;
    expect([...change.added].sort((a, b) => a - b)).toEqual([2, 9]);
    // -U1: one context line each side of each change.
    expect([...change.inHunks].sort((a, b) => a - b)).toEqual([1, 2, 3, 8, 9]);
    expect(change.inHunks.has(5)).toBe(false);
    expect(change.wholeFile).toBeUndefined();
  });

  it('names new, renamed and unusually named files by their new path, and leaves deleted ones out', () => {
    const diff = realDiff(
      { 'old/entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n', 'gone.sh': '#!/bin/sh\necho bye\n', Dockerfile: DOCKERFILE },
      {
        'old/entrypoint.sh': null,
        'docker/entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n',
        'gone.sh': null,
        // Nothing like gone.sh, so git does not take it for a rename of it.
        'scripts/café start.sh': 'exec node server.js\n# started by compose\n',
      },
    );
    const files = parseUnifiedDiff(diff);
    expect([...files.keys()].sort()).toEqual(['docker/entrypoint.sh', 'scripts/café start.sh']);
    // A pure rename changes no line.
    expect(files.get('docker/entrypoint.sh')!.added.size).toBe(0);
    expect([...files.get('scripts/café start.sh')!.added]).toEqual([1, 2]);
  });

  it('reads --no-prefix diffs and marks binary files as wholly changed', () => {
    const diff = realDiff({ Dockerfile: DOCKERFILE, 'bin/tool': 'a\u0000b' }, { Dockerfile: `${DOCKERFILE}HEALTHCHECK CMD true\n`, 'bin/tool': 'a\u0000c' }, '--no-prefix');
    const files = parseUnifiedDiff(diff);
    expect([...files.get('Dockerfile')!.added]).toEqual([9]); // after the 8 lines of DOCKERFILE
    expect(files.get('bin/tool')!.wholeFile).toBe(true);
  });

  it('takes an empty diff for no changes, and rejects text that is no diff', () => {
    expect(parseUnifiedDiff('').size).toBe(0);
    expect(() => parseUnifiedDiff('just some words\nand more\n')).toThrow(DiffSyntaxError);
  });
});

describe('parsePatch (GitHub patch fields)', () => {
  it('stops at the hunk counts and ignores the no-newline marker', () => {
    const change = parsePatch(['@@ -1,2 +1,2 @@', ' FROM alpine', '-CMD sh', '+CMD ["sh"]', '\\ No newline at end of file', '+not in the hunk'].join('\n'));
    expect([...change.added]).toEqual([2]);
    expect([...change.inHunks]).toEqual([1, 2]);
  });
});

it('unquotes git C-style paths', () => {
  expect(unquoteGitPath('"b/caf\\303\\251 \\"x\\".sh"')).toBe('b/café "x".sh');
  expect(unquoteGitPath('b/plain.sh')).toBe('b/plain.sh');
});
