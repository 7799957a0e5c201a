// Build-context file access as Docker sees it: .dockerignore (with `!` exceptions and
// `**`), symlinks that stay inside the context, and file modes from git's index when the
// context lives in a git repository (what CI checks out), else from the file system.
import { execFileSync } from 'node:child_process';
import { childEnv } from '../child-env.js';
import fs from 'node:fs';
import path from 'node:path';
import { repoRootOf } from '../repo-root.js';
import type { FileMode } from './types.js';

/** A compiled Docker path pattern. */
export interface PathMatcher {
  test(path: string): boolean;
}

interface IgnorePattern {
  exclusion: boolean;
  matcher: PathMatcher;
}

type Token =
  | { t: 'lit'; c: string }
  /** `?`: one character other than `/`. */
  | { t: 'one' }
  /** `[…]`: one character of a class (a single-character regex, so no backtracking). */
  | { t: 'class'; re: RegExp }
  /** `*`: any run of characters other than `/`. */
  | { t: 'star' }
  /** `**` (+ `/`) before more pattern: nothing, or anything ending in `/`. */
  | { t: 'gstar' }
  /** `**` at the end: anything. */
  | { t: 'all' };

const NEVER: PathMatcher = { test: () => false };

/**
 * Compile one pattern the way moby/patternmatcher does: `*` and `?` never cross `/`, `**`
 * crosses any number of directories (`**` + `/` eats the slash), `[…]` classes (`[!…]` too),
 * `\` escapes. Matching simulates the pattern as an NFA over the path, so it takes time
 * proportional to path length × pattern length whatever the pattern (no regex backtracking
 * on `**` + `/` + `**` or `*a*a*a…`).
 */
export function compileDockerPattern(pattern: string): PathMatcher {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        const t = i + 1 >= pattern.length ? 'all' : 'gstar';
        // (ε | .*/) twice is (ε | .*/) once, and before `.*` it adds nothing: a run of `**` is one
        // state, not one per pair (900 `*` against a long path took seconds).
        while (tokens[tokens.length - 1]?.t === 'gstar') tokens.pop();
        tokens.push({ t });
      } else if (tokens[tokens.length - 1]?.t !== 'star') {
        tokens.push({ t: 'star' });
      }
    } else if (ch === '?') {
      tokens.push({ t: 'one' });
    } else if (ch === '\\') {
      tokens.push({ t: 'lit', c: i + 1 < pattern.length ? pattern[++i]! : '\\' });
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        tokens.push({ t: 'lit', c: '[' });
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      // As in Go's RE2 (what Docker uses), a `]` first in the class is a literal; JS would read `[]` as empty.
      body = body.replace(/^(\^?)\]/, '$1\\]');
      try {
        tokens.push({ t: 'class', re: new RegExp(`^[${body}]$`, 's') });
      } catch {
        return NEVER;
      }
      i = close;
    } else {
      tokens.push({ t: 'lit', c: ch });
    }
  }
  return { test: (path) => nfaMatch(tokens, path) };
}

/**
 * States 0..m: "before token i" (m = matched all). States m+1+i: "inside the `.*` of a
 * gstar token i" (it leaves to i+1 right after consuming a `/`).
 */
function nfaMatch(tokens: Token[], path: string): boolean {
  const m = tokens.length;
  let current = new Set<number>();
  const add = (set: Set<number>, state: number): void => {
    // Follow the empty moves: star/all/gstar may match nothing; gstar may also start its `.*`.
    for (let s = state; ; s++) {
      if (set.has(s)) return;
      set.add(s);
      if (s >= m) return;
      const tok = tokens[s]!;
      if (tok.t === 'gstar') set.add(m + 1 + s);
      if (tok.t !== 'star' && tok.t !== 'all' && tok.t !== 'gstar') return;
    }
  };
  add(current, 0);
  for (let k = 0; k < path.length && current.size > 0; k++) {
    const c = path[k]!;
    const next = new Set<number>();
    for (const s of current) {
      if (s > m) {
        // Inside a gstar's `.*`.
        const i = s - m - 1;
        next.add(s);
        if (c === '/') add(next, i + 1);
        continue;
      }
      if (s === m) continue;
      const tok = tokens[s]!;
      switch (tok.t) {
        case 'lit':
          if (c === tok.c) add(next, s + 1);
          break;
        case 'one':
          if (c !== '/') add(next, s + 1);
          break;
        case 'class':
          if (tok.re.test(c)) add(next, s + 1);
          break;
        case 'star':
          if (c !== '/') add(next, s);
          break;
        case 'all':
          add(next, s);
          break;
        case 'gstar':
          break; // its `.*` state carries on
      }
    }
    current = next;
  }
  return current.has(m);
}

/** `.dockerignore` lines -> patterns, normalised as BuildKit's ReadAll does. */
export function parseDockerignore(text: string): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  for (const rawLine of text.split('\n')) {
    const raw = rawLine.replace(/\r$/, '');
    if (raw.startsWith('#')) continue;
    let pattern = raw.trim();
    if (pattern === '') continue;
    const exclusion = pattern.startsWith('!');
    if (exclusion) pattern = pattern.slice(1).trim();
    if (pattern === '') continue;
    pattern = path.posix.normalize(pattern);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    if (pattern.length > 1 && pattern.endsWith('/')) pattern = pattern.slice(0, -1);
    out.push({ exclusion, matcher: compileDockerPattern(pattern) });
  }
  return out;
}

/** Docker's MatchesOrParentMatches: the last matching pattern wins; a match on a parent directory counts. */
export function isIgnoredBy(patterns: IgnorePattern[], rel: string): boolean {
  const parts = rel.split('/');
  let matched = false;
  for (const p of patterns) {
    if (p.exclusion !== matched) continue;
    let match = p.matcher.test(rel);
    for (let i = 1; !match && i < parts.length; i++) match = p.matcher.test(parts.slice(0, i).join('/'));
    if (match) matched = !p.exclusion;
  }
  return matched;
}

// git's index per repository root, cached for the process (`git ls-files -s -z`).
const gitIndexCache = new Map<string, Map<string, string> | null>();

/** The allow-listed environment (src/child-env.ts): no GIT_* override, no token. */
function gitEnv(): NodeJS.ProcessEnv {
  return childEnv();
}


function gitIndex(root: string): Map<string, string> | null {
  const cached = gitIndexCache.get(root);
  if (cached !== undefined) return cached;
  let index: Map<string, string> | null = null;
  try {
    // core.fsmonitor off: a repository's config must not make us run its hook.
    const out = execFileSync('git', ['-c', 'core.fsmonitor=false', '-C', root, 'ls-files', '-s', '-z'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
      maxBuffer: 512 * 1024 * 1024,
      env: gitEnv(),
    });
    index = new Map();
    for (const entry of out.split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      // "<mode> <object> <stage>\t<path>"
      index.set(entry.slice(tab + 1), entry.slice(0, entry.indexOf(' ')));
    }
  } catch {
    index = null;
  }
  gitIndexCache.set(root, index);
  return index;
}

export type ContextKind = 'file' | 'dir';

export class BuildContext {
  readonly dir: string;
  private readonly realDir: string | undefined;
  private readonly patterns: IgnorePattern[];
  // The context does not change during one lint: each entry is resolved and stat'ed once
  // (the start chain, the file-origin resolver and the rules ask about the same few paths).
  private readonly reals = new Map<string, string | undefined>();
  private readonly kinds = new Map<string, ContextKind | undefined>();

  constructor(contextDir: string, dockerfileAbs?: string) {
    this.dir = contextDir;
    let real: string | undefined;
    try {
      real = fs.realpathSync(contextDir);
    } catch {
      real = undefined;
    }
    this.realDir = real;
    this.patterns = parseDockerignore(readIgnoreFile(contextDir, dockerfileAbs));
  }

  /** Normalise a COPY source to a context-relative path ('' for the root); `..` cannot leave the context. */
  static normalise(source: string): string {
    return path.posix.normalize(`/${source}`).slice(1).replace(/\/$/, '');
  }

  isIgnored(rel: string): boolean {
    return rel !== '' && isIgnoredBy(this.patterns, rel);
  }

  /** Absolute real path of a context entry, or undefined when missing, ignored, or a symlink leading outside. */
  private real(rel: string): string | undefined {
    if (this.reals.has(rel)) return this.reals.get(rel);
    const real = this.resolveReal(rel);
    this.reals.set(rel, real);
    return real;
  }

  private resolveReal(rel: string): string | undefined {
    if (!this.realDir || this.isIgnored(rel)) return undefined;
    let real: string;
    try {
      real = fs.realpathSync.native(path.join(this.dir, rel));
    } catch {
      return undefined;
    }
    if (real !== this.realDir && !real.startsWith(this.realDir + path.sep)) return undefined;
    return real;
  }

  kind(rel: string): ContextKind | undefined {
    if (this.kinds.has(rel)) return this.kinds.get(rel);
    const kind = this.statKind(rel);
    this.kinds.set(rel, kind);
    return kind;
  }

  private statKind(rel: string): ContextKind | undefined {
    const real = this.real(rel);
    if (!real) return undefined;
    try {
      const st = fs.statSync(real);
      if (st.isDirectory()) return 'dir';
      if (st.isFile()) return 'file';
    } catch {
      // vanished
    }
    return undefined;
  }

  /** Absolute path on disk (symlinks inside the context resolved), for a file that is in the build. */
  absPath(rel: string): string | undefined {
    return this.kind(rel) === 'file' ? this.real(rel) : undefined;
  }

  /** Names in a context directory that are part of the build. */
  list(relDir: string): string[] {
    const real = this.real(relDir);
    if (!real) return [];
    let names: string[];
    try {
      names = fs.readdirSync(real);
    } catch {
      return [];
    }
    return names.filter((name) => !this.isIgnored(relDir === '' ? name : `${relDir}/${name}`)).sort();
  }

  /** Expand a COPY source with `*`, `?`, `[…]` (per path segment, as filepath.Match) to context paths. */
  glob(source: string): string[] {
    const segments = BuildContext.normalise(source).split('/').filter((s) => s !== '');
    let current = [''];
    for (const seg of segments) {
      const next: string[] = [];
      const wild = /[*?[]/.test(seg);
      const re = wild ? compileDockerPattern(seg) : undefined;
      for (const base of current) {
        if (!re) {
          const rel = base === '' ? seg : `${base}/${seg}`;
          if (this.kind(rel)) next.push(rel);
          continue;
        }
        for (const name of this.list(base)) if (re.test(name)) next.push(base === '' ? name : `${base}/${name}`);
      }
      current = next;
      if (current.length === 0) break;
    }
    return current;
  }

  /** Whether the file is executable: git's index when the file is tracked, else the file system. */
  mode(rel: string): FileMode {
    const real = this.real(rel);
    if (!real) return { executable: 'unknown', source: 'unknown' };
    const root = repoRootOf(path.dirname(real));
    if (root) {
      const index = gitIndex(root);
      const key = path.relative(root, real).split(path.sep).join('/');
      const mode = index?.get(key);
      if (mode === '100755') return { executable: true, source: 'git-index' };
      if (mode === '100644') return { executable: false, source: 'git-index' };
    }
    if (process.platform === 'win32') return { executable: 'unknown', source: 'unknown' };
    try {
      return { executable: (fs.statSync(real).mode & 0o111) !== 0, source: 'filesystem' };
    } catch {
      return { executable: 'unknown', source: 'unknown' };
    }
  }
}

/** `<Dockerfile>.dockerignore` next to the Dockerfile wins over the context's `.dockerignore` (BuildKit). */
function readIgnoreFile(contextDir: string, dockerfileAbs?: string): string {
  const candidates = dockerfileAbs ? [`${dockerfileAbs}.dockerignore`] : [];
  candidates.push(path.join(contextDir, '.dockerignore'));
  for (const file of candidates) {
    // Most contexts have neither file: a stat that does not throw is cheaper than a failed read.
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      // unreadable: next
    }
  }
  return '';
}
