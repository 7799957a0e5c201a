// The repository root: where git's index gives file modes, where `.entrypoint-guard.yml` is
// looked for, where the config file's path globs start, and what `git diff` paths are relative to.
import fs from 'node:fs';
import path from 'node:path';

const repoRootCache = new Map<string, string | null>();

/**
 * The work tree root above `dir`: the nearest folder holding `.git` (a folder, or a file in
 * worktrees and submodules). Walking up costs a few stats; spawning `git rev-parse` per
 * folder cost milliseconds each.
 */
export function repoRootOf(dir: string): string | null {
  const visited: string[] = [];
  let root: string | null = null;
  for (let current = path.resolve(dir); ; ) {
    const cached = repoRootCache.get(current);
    if (cached !== undefined) {
      root = cached;
      break;
    }
    visited.push(current);
    if (fs.existsSync(path.join(current, '.git'))) {
      root = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of visited) repoRootCache.set(d, root);
  return root;
}

/** The repository root at or above `dir`; `fallback` outside a repository. */
export function repositoryRoot(dir: string, fallback: string): string {
  return repoRootOf(dir) ?? path.resolve(fallback);
}
