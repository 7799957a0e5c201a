// Dockerfile paths and globs, one per line (the `dockerfile` input, the CLI's arguments, `plan`),
// `!glob` lines excluding what earlier lines matched. Globs are picomatch's (through
// tinyglobby for the walk): `*`, `?`, `[abc]`, `{a,b}`, `**`, `\` escapes. `*` and `**` do not
// enter dot-folders unless the pattern names them; `.git` and `node_modules` are never walked.
import path from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import { InputError } from '../errors.js';

const MAGIC = /[*?[{]/;
const NEVER_WALK = ['**/node_modules/**', '**/.git/**'];

/** `[!ab]` (as the shell, .gitignore and @actions/glob write a negated class) in picomatch's spelling `[^ab]`. */
function negatedClasses(pattern: string): string {
  return pattern.replace(/(^|[^\\])\[!/g, '$1[^');
}

export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** A glob over `/`-separated relative paths as an anchored RegExp (the config file's `paths`, `!` exclusions). */
export function globToRegExp(pattern: string): RegExp {
  return picomatch.makeRe(negatedClasses(pattern), { dot: false });
}

/** Files under `cwd` matching one glob, as `/`-separated paths relative to `cwd` (or absolute when the pattern is). */
export function globFiles(pattern: string, cwd: string): string[] {
  const normalized = negatedClasses(pattern).replace(/\\(?![*?[\]{}\\])/g, '/').replace(/^\.\//, '');
  const absolute = normalized.startsWith('/');
  const found = globSync(absolute ? normalized.slice(1) : normalized, {
    cwd: absolute ? '/' : cwd,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: NEVER_WALK,
  });
  return absolute ? found.map((f) => `/${f}`) : found;
}

/**
 * Path and glob lines as a list of paths: one path or glob per line; `!glob` lines drop
 * earlier matches. A literal path is kept as given (a missing one fails later with a clear
 * sentence); a glob that matches nothing is an input error.
 */
export function expandDockerfiles(spec: string, cwd: string): string[] {
  const lines = spec.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) throw new InputError('dockerfile must name at least one Dockerfile path or glob');
  const result: string[] = [];
  for (const line of lines) {
    if (line.startsWith('!')) {
      const re = globToRegExp(line.slice(1).trim().replace(/^\.\//, ''));
      for (let i = result.length - 1; i >= 0; i--) if (re.test(result[i]!.replace(/^\.\//, ''))) result.splice(i, 1);
      continue;
    }
    if (!hasMagic(line)) {
      result.push(line);
      continue;
    }
    const matches = globFiles(line, cwd).sort();
    if (matches.length === 0) throw new InputError(`dockerfile pattern ${JSON.stringify(line)} matches no file under ${cwd}`);
    result.push(...matches);
  }
  const unique = [...new Set(result.map((p) => path.normalize(p).split(path.sep).join('/')))];
  if (unique.length === 0) throw new InputError('the dockerfile patterns exclude every file they match');
  return unique;
}
