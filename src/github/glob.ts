// The `dockerfile` input: paths and globs, one per line (monorepos). Node 20 has no
// fs.globSync, so this is a small matcher: `*`, `?`, `[abc]`, `{a,b}`, `**` for any number of
// folders, and `!pattern` lines that exclude what earlier lines matched. `*` and `**` do not
// enter dot-folders unless the pattern names them; `.git` and `node_modules` are never walked.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

const MAGIC = /[*?[{]/;
const NEVER_WALK = new Set(['.git', 'node_modules']);
/** Bounds a runaway walk (a `**` over a huge checkout). */
const MAX_ENTRIES = 200_000;

export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One path segment's pattern (no `/`) as a regular expression source. */
function segmentSource(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, close);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else if (c === '{') {
      const close = seg.indexOf('}', i);
      if (close === -1) {
        out += '\\{';
        continue;
      }
      const alternatives = seg.slice(i + 1, close).split(',');
      out += `(?:${alternatives.map(segmentSource).join('|')})`;
      i = close;
    } else if (c === '\\' && i + 1 < seg.length) {
      out += escapeRegex(seg[++i]!);
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

/** A glob over `/`-separated relative paths as an anchored RegExp. */
export function globToRegExp(pattern: string): RegExp {
  const segments = pattern.split('/').filter((s, i, all) => s !== '' || i === all.length - 1);
  let source = '';
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === '**') {
      // Zero or more folders, none of them hidden.
      source += last ? '(?:(?!\\.)[^/]+(?:/(?!\\.)[^/]+)*)?' : '(?:(?!\\.)[^/]+/)*';
      return;
    }
    const hidden = seg.startsWith('.') ? '' : '(?!\\.)';
    source += hidden + segmentSource(seg) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`);
}

/** The folders before the first segment with glob characters: where the walk starts. */
function literalPrefix(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  const i = segments.findIndex((s) => hasMagic(s));
  return { base: segments.slice(0, i).join('/'), rest: segments.slice(i).join('/') };
}

function walk(root: string, onFile: (rel: string) => void, maxDepth: number): void {
  let visited = 0;
  const visit = (dir: string, rel: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++visited > MAX_ENTRIES) throw new InputError(`a dockerfile pattern walks more than ${MAX_ENTRIES} files; make it more specific (e.g. services/*/Dockerfile)`);
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        // Symlinked folders are not followed (no loops); real ones up to the pattern's depth.
        if (!NEVER_WALK.has(e.name) && depth < maxDepth) visit(path.join(dir, e.name), childRel, depth + 1);
      } else if (e.isFile() || e.isSymbolicLink()) {
        onFile(childRel);
      }
    }
  };
  visit(root, '', 0);
}

/** Files under `cwd` matching one glob, as `/`-separated paths relative to `cwd` (or absolute when the pattern is). */
export function globFiles(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\(?![*?[\]{}\\])/g, '/').replace(/^\.\//, '');
  const { base, rest } = literalPrefix(normalized);
  const root = path.resolve(cwd, base === '' && normalized.startsWith('/') ? '/' : base);
  const re = globToRegExp(rest);
  const maxDepth = rest.split('/').includes('**') ? 64 : rest.split('/').length - 1;
  const found: string[] = [];
  walk(root, (rel) => {
    if (!re.test(rel)) return;
    const abs = path.join(root, rel);
    try {
      if (!fs.statSync(abs).isFile()) return;
    } catch {
      return;
    }
    found.push(base === '' ? rel : `${base.replace(/\/$/, '')}/${rel}`);
  }, maxDepth);
  return found;
}

/**
 * The `dockerfile` input as a list of paths: one path or glob per line; `!glob` lines drop
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
