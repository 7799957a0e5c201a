// Unified diffs (`git diff`, GitHub's per-file `patch`) -> which lines of the new side changed.
// One reader for the filter modes and the review channel: a hunk's header counts bound it, so
// nothing after a hunk (the next file's header, trailing text) is taken for part of it.

/** The new side of one file in a diff. Line numbers are 1-based, in the file as it is now. */
export interface FileChange {
  /** Lines the diff adds (a changed line is a removed plus an added one). */
  added: Set<number>;
  /** Every new-side line inside a hunk: added lines and the context around them. */
  inHunks: Set<number>;
  /**
   * The diff says the file changed but shows no lines (GitHub leaves out the patch of a very
   * large file; `Binary files … differ`): every line counts as changed, so nothing is hidden.
   */
  wholeFile?: true;
}

/** Repository-relative path (`/`-separated, as git prints it) -> its change. Deleted files are absent. */
export type ChangedFiles = Map<string, FileChange>;

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The hunks of one file (GitHub's `patch` field, or a file's part of a `git diff`). */
export function parsePatch(patch: string): FileChange {
  const change: FileChange = { added: new Set(), inHunks: new Set() };
  let right = 0;
  let leftLeft = 0;
  let rightLeft = 0;
  for (const raw of patch.split('\n')) {
    const header = HUNK.exec(raw);
    if (header) {
      leftLeft = header[1] === undefined ? 1 : Number(header[1]);
      right = Number(header[2]);
      rightLeft = header[3] === undefined ? 1 : Number(header[3]);
      continue;
    }
    if (leftLeft <= 0 && rightLeft <= 0) continue;
    const line = raw.replace(/\r$/, '');
    const kind = line === '' ? ' ' : line[0];
    if (kind === '+' && rightLeft > 0) {
      change.added.add(right);
      change.inHunks.add(right++);
      rightLeft--;
    } else if (kind === '-' && leftLeft > 0) {
      leftLeft--;
    } else if (kind === ' ' && leftLeft > 0 && rightLeft > 0) {
      // A context line (an empty one may have lost its single space in transit).
      change.inHunks.add(right++);
      leftLeft--;
      rightLeft--;
    }
    // "\ No newline at end of file" changes neither side.
  }
  return change;
}

/** git's C-style quoting of unusual paths: `"caf\303\251 menu.sh"` -> `café menu.sh`. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1]!;
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `b/path` (or `path` with --no-prefix) from a `+++ ` line; undefined for /dev/null. */
function newPath(rest: string, prefixed: boolean): string | undefined {
  // git appends a tab after a path with spaces in some modes; the path itself has none.
  const raw = unquoteGitPath(rest.replace(/\t.*$/, '').trimEnd());
  if (raw === '/dev/null') return undefined;
  return prefixed && /^[a-z]\//.test(raw) ? raw.slice(2) : raw;
}

/** `diff --git a/x b/y` -> y, for file sections without `+++` (binary files, pure renames, mode changes). */
function pathFromGitHeader(line: string, prefixed: boolean): string | undefined {
  const rest = line.slice('diff --git '.length);
  const quoted = /^(?:"(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*")$/.exec(rest);
  if (quoted) return newPath(quoted[1]!, prefixed);
  // Unquoted paths may hold spaces: `a/x y b/x y`; both halves are the same length for a non-rename.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') return newPath(rest.slice(half + 1), prefixed);
  // A rename: its `rename to` line names the new path.
  return undefined;
}

export class DiffSyntaxError extends Error {}

/**
 * A whole multi-file unified diff (`git diff`, `git diff --no-prefix`, `diff -u`,
 * GitHub's `application/vnd.github.v3.diff`). An empty text is a diff with no changes; a
 * non-empty text with no file header is not a diff at all (DiffSyntaxError).
 */
export function parseUnifiedDiff(text: string): ChangedFiles {
  const files: ChangedFiles = new Map();
  if (text.trim() === '') return files;
  const lines = text.split('\n');
  let sawFile = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const git = line.startsWith('diff --git ');
    if (!git && !(line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ '))) continue;
    sawFile = true;
    // One file's section runs to the next `diff --git` (or the next `---`/`+++` pair outside a hunk).
    let end = i + 1;
    // --no-prefix diffs print bare paths; git's usual (and mnemonic) prefixes are one letter and a slash.
    const prefixed = git ? /^diff --git "?[a-z]\//.test(line) : /^--- "?a\//.test(line) || (line.startsWith('--- /dev/null') && /^\+\+\+ "?b\//.test(lines[i + 1]!));
    let path = git ? pathFromGitHeader(line, prefixed) : undefined;
    let deleted = false;
    let binary = false;
    const body: string[] = [];
    let header = true;
    for (; end < lines.length; end++) {
      const l = lines[end]!.replace(/\r$/, '');
      if (l.startsWith('diff --git ')) break;
      if (header) {
        if (l.startsWith('--- ')) continue;
        if (l.startsWith('+++ ')) {
          const p = newPath(l.slice(4), prefixed);
          if (p === undefined) deleted = true;
          else path = p;
          continue;
        }
        if (l.startsWith('deleted file mode')) deleted = true;
        if (l.startsWith('rename to ')) path = unquoteGitPath(l.slice('rename to '.length));
        if (l.startsWith('Binary files ') || l === 'GIT binary patch') binary = true;
        if (!HUNK.test(l)) continue;
        header = false;
      } else if (!git && l.startsWith('--- ') && lines[end + 1]?.startsWith('+++ ') && !HUNK.test(l)) {
        // A plain `diff -u` concatenation: the next file starts here.
        break;
      }
      body.push(l);
    }
    i = end - 1;
    if (deleted || path === undefined) continue;
    const change = parsePatch(body.join('\n'));
    // A rename or mode change without hunks changes no line; a binary file changes all of them.
    if (binary) change.wholeFile = true;
    files.set(path, change);
  }
  if (!sawFile) throw new DiffSyntaxError('it has no file header (`diff --git`, or `---`/`+++` lines)');
  return files;
}
