// The Action's filter modes take the pull request's own diff from the API (the files endpoint,
// whose `patch` per file is the unified diff's hunks). Events without a diff (push, tag,
// schedule) and a diff that cannot be had turn the filter off with one log line: a filter
// never hides findings because of what it could not see.
import type { ChangedFiles } from '../diff/unified.js';
import { parsePatch } from '../diff/unified.js';
import type { FilterMode } from '../options.js';
import type { DiffFilter } from '../policy/diff-filter.js';
import { describeApiError, type EventInfo, type GitHubApi } from './api.js';
import { logInfo } from './format.js';

/** GitHub lists at most this many files of a pull request; a list that long may be cut. */
export const MAX_PULL_FILES = 3000;

interface PullFile {
  filename: string;
  status?: string;
  patch?: string;
}

export async function pullRequestChanges(api: GitHubApi, event: EventInfo & { pullNumber: number }): Promise<ChangedFiles | 'too-many'> {
  const files = (await api.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    owner: event.owner,
    repo: event.repo,
    pull_number: event.pullNumber,
    per_page: 100,
  })) as PullFile[];
  if (files.length >= MAX_PULL_FILES) return 'too-many';
  const changes: ChangedFiles = new Map();
  for (const file of files) {
    if (file.status === 'removed') continue;
    // No patch: a binary file, or one too large for GitHub to show; all of it counts as changed.
    const change = file.patch ? parsePatch(file.patch) : { added: new Set<number>(), inHunks: new Set<number>(), wholeFile: true as const };
    changes.set(file.filename, change);
  }
  return changes;
}

export interface FilterSource {
  mode: FilterMode;
  event: EventInfo | undefined;
  /** Undefined when there is no token (or no repository) to ask with. */
  api: GitHubApi | undefined;
}

/** The filter for this run, or undefined (filter off, said in one line) when there is no diff to filter by. */
export async function actionDiffFilter({ mode, event, api }: FilterSource): Promise<DiffFilter | undefined> {
  if (mode === 'nofilter') return undefined;
  const off = (why: string) => {
    logInfo(`filter-mode ${mode} is off: ${why}; every finding is reported and counted.`);
    return undefined;
  };
  if (!event) return off('GITHUB_REPOSITORY is not set');
  if (event.pullNumber === undefined) return off(`the ${event.eventName || 'current'} event has no pull request diff`);
  if (!api) return off('no github-token to read the pull request diff with');
  try {
    const changes = await pullRequestChanges(api, { ...event, pullNumber: event.pullNumber });
    if (changes === 'too-many') return off(`the pull request changes ${MAX_PULL_FILES} files or more, and GitHub lists no more than that`);
    logInfo(`filter-mode ${mode}: reporting and gating only findings in the ${changes.size} file${changes.size === 1 ? '' : 's'} this pull request changes.`);
    return { mode, changes };
  } catch (err) {
    return off(`the pull request diff could not be read (${describeApiError(err)})`);
  }
}
