// The repository root for the CLI: where `.entrypoint-guard.yml` is looked for, where the config
// file's path globs start, and what `git diff` paths are relative to.
import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file in worktrees); `fallback` outside a repository. */
export function repositoryRoot(dir: string, fallback: string): string {
  for (let current = path.resolve(dir); ; ) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(fallback);
    current = parent;
  }
}
