// reviewdog's filter modes over one Dockerfile's findings: which of them belong to the change.
// Paths here are repository-relative (as diffs name files); the caller maps findings to them.
import type { ChangedFiles, FileChange } from '../diff/unified.js';
import type { Finding } from '../findings.js';
import type { FilterMode } from '../options.js';

export type ActiveFilterMode = Exclude<FilterMode, 'nofilter'>;

export interface DiffFilter {
  mode: ActiveFilterMode;
  changes: ChangedFiles;
}

export interface FilterScope {
  /** The Dockerfile, repository-relative. */
  dockerfile: string;
  /** The wrapper scripts its start chain runs (model.wrappers), repository-relative. */
  wrappers: string[];
}

function anyLineIn(f: Finding, lines: Set<number>): boolean {
  for (let l = f.line; l <= Math.max(f.endLine, f.line); l++) if (lines.has(l)) return true;
  return false;
}

function linesMatch(f: Finding, change: FileChange, mode: 'added' | 'diff_context'): boolean {
  if (change.wholeFile) return true;
  return anyLineIn(f, mode === 'added' ? change.added : change.inHunks);
}

/**
 * Whether a finding at `file` (repository-relative) is part of the change.
 * - runtime findings (with platforms) are about the image the Dockerfile and its scripts make:
 *   they count when any of those files changed, in every mode;
 * - `file`: the finding's file changed, or it is a wrapper script of a Dockerfile that changed;
 * - `added`: a line of the finding's range was added or changed;
 * - `diff_context`: a line of its range is inside a hunk (changed or shown around a change).
 */
export function inChange(f: Finding, file: string, filter: DiffFilter, scope: FilterScope): boolean {
  const { changes, mode } = filter;
  if (f.platforms && f.platforms.length > 0) {
    return changes.has(file) || changes.has(scope.dockerfile) || scope.wrappers.some((w) => changes.has(w));
  }
  if (mode === 'file') return changes.has(file) || (scope.wrappers.includes(file) && changes.has(scope.dockerfile));
  const change = changes.get(file);
  return change !== undefined && linesMatch(f, change, mode);
}
