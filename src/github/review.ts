// `review: true`: findings on lines of the PR's diff become review comments in one review.
// Only RIGHT-side lines inside a hunk can take a comment (one line outside makes GitHub reject
// the whole review with 422), at most 30 per review, none that is already there (a hidden
// marker per rule, file and line). Everything else stays an annotation.
import { compareFindings, type Finding } from '../findings.js';
import { parsePatch } from '../diff/unified.js';
import { suggestionBlock, suggestionFor, type Suggestion } from '../fix/suggest.js';
import { docsUrl } from '../rules/types.js';
import { describeApiError, type EventInfo, type GitHubApi } from './api.js';
import { logInfo, mdCode, mdText, plural, ruleShort } from './format.js';

export const MAX_REVIEW_COMMENTS = 30;

/**
 * RIGHT-side line numbers a review comment may use: added and context lines of every hunk
 * (the diff module's reading of the patch, shared with the filter modes).
 */
export function commentableLines(patch: string): Set<number> {
  return parsePatch(patch).inHunks;
}

function markerPart(s: string): string {
  return s.replace(/[^A-Za-z0-9._/@+-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function markerKey(f: Finding): string {
  return `${markerPart(f.rule)}:${markerPart(f.file)}:${f.line}`;
}

export function marker(f: Finding): string {
  return `<!-- entrypoint-guard:${markerKey(f)} -->`;
}

const MARKER = /<!-- entrypoint-guard:(\S+) -->/g;

export function markersIn(body: string): string[] {
  return [...body.matchAll(MARKER)].map((m) => m[1]!);
}

/**
 * Text quoted from the Dockerfile or the container's logs, shown literally: it cannot fake a
 * marker, open HTML or mention (and notify) anyone.
 */
function quoteSafe(text: string): string {
  return mdText(text).replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}

export function commentBody(f: Finding, suggestion?: Suggestion): string {
  const platforms = f.platforms && f.platforms.length > 0 ? ` · ${quoteSafe(f.platforms.join(', '))}` : '';
  // The suggested lines are the file's own text after the fix: GitHub shows a suggestion block
  // as code and applies it verbatim, so it is not escaped (escaping would change the file).
  const suggested = suggestion
    ? [f.autofix?.safe ? '**Suggested change** (what `entrypoint-guard --fix` writes):' : '**Suggested change** (may change behaviour: review it; `--fix-unsafe` writes it):', suggestionBlock(suggestion.text), '']
    : [];
  return [
    `**entrypoint-guard** · ${mdCode(f.rule)} · ${f.severity}${platforms}: ${quoteSafe(ruleShort(f.rule))}`,
    '',
    quoteSafe(f.message),
    '',
    `**Fix:** ${quoteSafe(f.fix)}`,
    '',
    ...suggested,
    `[Rule documentation](${docsUrl(f.rule)})`,
    '',
    marker(f),
  ].join('\n');
}

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  /** A multi-line comment (a suggestion replacing several lines) starts here. */
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** The finding's fix as a suggestion, when every line it replaces can take a comment (GitHub rejects the review otherwise). */
function suggestionInDiff(f: Finding, diff: Map<string, Set<number>>, readSource: ((file: string) => string | undefined) | undefined): Suggestion | undefined {
  const lines = diff.get(f.file);
  const text = f.autofix && lines && readSource ? readSource(f.file) : undefined;
  const s = text === undefined ? undefined : suggestionFor(f, text);
  if (!s || !lines) return undefined;
  for (let l = s.startLine; l <= s.endLine; l++) if (!lines.has(l)) return undefined;
  return s;
}

function reviewComment(f: Finding, line: number, suggestion: Suggestion | undefined): ReviewComment {
  if (!suggestion) return { path: f.file, line, side: 'RIGHT', body: commentBody(f) };
  const multi = suggestion.startLine < suggestion.endLine ? { start_line: suggestion.startLine, start_side: 'RIGHT' as const } : {};
  return { path: f.file, line: suggestion.endLine, side: 'RIGHT', ...multi, body: commentBody(f, suggestion) };
}

/** The first line of the finding's range that is in the diff, if any. */
function diffLine(f: Finding, diff: Map<string, Set<number>>): number | undefined {
  const lines = diff.get(f.file);
  if (!lines) return undefined;
  for (let l = f.line; l <= Math.max(f.endLine, f.line); l++) if (lines.has(l)) return l;
  return undefined;
}

export interface ReviewResult {
  /** Findings visible as review comments: posted now, or already there from an earlier run. */
  covered: Set<Finding>;
  /** False when an API call failed (logged once). */
  ok: boolean;
}

interface PullFile {
  filename: string;
  status?: string;
  patch?: string;
}

interface PullComment {
  body?: string;
}

/**
 * `readSource` reads a file of the pull request's head (repository-relative path): a finding
 * whose fix lies on lines of the diff gets a suggestion block built from it.
 */
export async function publishReview(api: GitHubApi, event: EventInfo, findings: Finding[], readSource?: (file: string) => string | undefined): Promise<ReviewResult> {
  const covered = new Set<Finding>();
  if (event.pullNumber === undefined) {
    logInfo(`review comments skipped: the ${event.eventName || 'current'} event is not a pull request.`);
    return { covered, ok: true };
  }
  const pr = { owner: event.owner, repo: event.repo, pull_number: event.pullNumber, per_page: 100 };
  let step = 'list the pull request files';
  try {
    const files = (await api.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', pr)) as PullFile[];
    const diff = new Map<string, Set<number>>();
    for (const file of files) {
      if (file.status === 'removed' || !file.patch) continue;
      diff.set(file.filename, commentableLines(file.patch));
    }
    const inDiff = [...findings].sort(compareFindings).flatMap((f) => {
      const line = diffLine(f, diff);
      return line === undefined ? [] : [{ f, line }];
    });
    if (inDiff.length === 0) {
      logInfo('review: no finding is on a line changed in this pull request; findings stay annotations.');
      return { covered, ok: true };
    }

    step = 'list the existing review comments';
    const existing = (await api.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', pr)) as PullComment[];
    const there = new Set(existing.flatMap((c) => markersIn(c.body ?? '')));
    const fresh = inDiff.filter(({ f }) => {
      if (!there.has(markerKey(f))) return true;
      covered.add(f);
      return false;
    });
    const posting = fresh.slice(0, MAX_REVIEW_COMMENTS);
    if (posting.length === 0) {
      logInfo(`review: all ${plural(inDiff.length, 'finding')} on changed lines already have a comment.`);
      return { covered, ok: true };
    }
    const comments: ReviewComment[] = posting.map(({ f, line }) => reviewComment(f, line, suggestionInDiff(f, diff, readSource)));
    const more = fresh.length - posting.length;
    const body = [
      `entrypoint-guard found ${plural(fresh.length, 'new issue')} on lines changed in this pull request.`,
      more > 0 ? `${plural(more, 'more finding')} beyond the first ${MAX_REVIEW_COMMENTS} are in the annotations and the job summary.` : '',
    ]
      .filter(Boolean)
      .join(' ');

    step = 'post the review';
    await api.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
      owner: event.owner,
      repo: event.repo,
      pull_number: event.pullNumber,
      commit_id: event.headSha,
      event: 'COMMENT',
      body,
      comments,
      // Not idempotent: a retried create after a 5xx could post the review twice; a failure falls back to annotations.
      request: { retries: 0 },
    });
    for (const { f } of posting) covered.add(f);
    logInfo(`review posted with ${plural(comments.length, 'comment')}.`);
    return { covered, ok: true };
  } catch (err) {
    logInfo(`review comments skipped: could not ${step} (${describeApiError(err)}); findings are reported as annotations instead.`);
    return { covered, ok: false };
  }
}
