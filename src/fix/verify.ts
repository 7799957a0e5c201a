// `--fix --verify`: the fixed files are built and probed in a copy of the build context before
// anything is written. The fixes are kept only when each fixed rule has fewer findings than
// before and no rule has more in any file (nothing new appears); otherwise the files stay as
// they were and the reason is said in one line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../findings.js';
import type { FixSession } from './run.js';

/** Inside `base` (a relative path that does not climb out). */
function inside(base: string, target: string): string | undefined {
  const rel = path.relative(base, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)) ? rel : undefined;
}

export interface Mirror {
  /** The copy of the working directory (the same relative paths as the original). */
  cwd: string;
  /** The copy of the repository root (config globs and diff paths are relative to it). */
  root: string;
  remove(): void;
}

/**
 * A temp copy of the build context and the Dockerfile, laid out under a copy of the repository
 * root as they are under the real one, with the session's texts written in place of the
 * originals. Undefined when the context or the Dockerfile lies outside the root.
 */
export function mirrorWithFixes(session: FixSession, o: { cwd: string; root: string; contextDir: string; dockerfile: string }): Mirror | undefined {
  const relCwd = inside(o.root, o.cwd);
  const relContext = inside(o.root, o.contextDir);
  const relDockerfile = inside(o.root, o.dockerfile);
  if (relCwd === undefined || relContext === undefined || relDockerfile === undefined) return undefined;
  for (const abs of session.edited.keys()) if (inside(o.root, abs) === undefined) return undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-verify-'));
  const remove = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    const at = (rel: string) => path.join(tmp, rel);
    // The repository's own history is never part of a build context worth copying.
    fs.cpSync(o.contextDir, at(relContext), { recursive: true, verbatimSymlinks: true, filter: (src) => path.basename(src) !== '.git' });
    fs.mkdirSync(path.dirname(at(relDockerfile)), { recursive: true });
    if (!fs.existsSync(at(relDockerfile))) fs.copyFileSync(o.dockerfile, at(relDockerfile));
    for (const [abs, text] of session.edited) {
      const target = at(inside(o.root, abs)!);
      const mode = fs.existsSync(target) ? fs.statSync(target).mode & 0o777 : 0o644;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text, { mode });
      fs.chmodSync(target, mode);
    }
    return { cwd: at(relCwd), root: tmp, remove };
  } catch (err) {
    remove();
    throw err;
  }
}

/** Why the fixed state is not better (undefined: it is): a fixed rule still as often found, or a rule found more often in a file. */
export function verdictOf(before: readonly Finding[], after: readonly Finding[], fixedRules: Iterable<string>): string | undefined {
  const count = (fs: readonly Finding[], key: (f: Finding) => string) => {
    const m = new Map<string, number>();
    for (const f of fs) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
    return m;
  };
  const byRule = [count(before, (f) => f.rule), count(after, (f) => f.rule)] as const;
  for (const rule of fixedRules) {
    if ((byRule[1].get(rule) ?? 0) >= (byRule[0].get(rule) ?? 0)) return `${rule} is still found after its fix`;
  }
  const key = (f: Finding) => `${f.rule} in ${f.file}`;
  const was = count(before, key);
  for (const [k, n] of count(after, key)) if (n > (was.get(k) ?? 0)) return `the fixed image has a new finding: ${k}`;
  return undefined;
}
