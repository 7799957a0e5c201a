// The GitHub API client and what the channels know about the event. The token goes to
// getOctokit and nowhere else; failures are described by status and GitHub's own message.
import * as github from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { logInfo, oneLine } from './format.js';

export type GitHubApi = ReturnType<typeof github.getOctokit>;

export interface EventInfo {
  owner: string;
  repo: string;
  /** The commit the findings belong to: the PR head on pull_request events, else GITHUB_SHA. */
  headSha: string;
  /** Set on pull_request / pull_request_target events. */
  pullNumber?: number;
  eventName: string;
}

export interface RetryOptions {
  /**
   * Milliseconds per unit of back-off (default 1000): a 5xx is retried after 1, 4 and 9 units,
   * a rate limit after the seconds GitHub's `retry-after` names. Tests make it short.
   */
  unitMs?: number;
  /** Retries of a 5xx answer (default 3). */
  retries?: number;
  /** API root; default GITHUB_API_URL as @actions/github read it when loaded. */
  baseUrl?: string;
  /** Per-request timeout (default 30 s, or ENTRYPOINT_GUARD_API_TIMEOUT_MS). */
  timeoutMs?: number;
}

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * fetch with a deadline per request. A request that times out is not retried, and once one has,
 * every later request fails at once: an API that does not answer costs the step one timeout,
 * not one per request and retry. (An AbortError is what @octokit/request passes through unretried.)
 */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  let silent = false;
  const gaveUp = (message: string) => Object.assign(new Error(message), { name: 'AbortError' });
  return async (input, init) => {
    if (silent) throw gaveUp(`the GitHub API did not answer an earlier request within ${timeoutMs / 1000} s`);
    try {
      return await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      if ((err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError') {
        silent = true;
        throw gaveUp(`the GitHub API did not answer within ${timeoutMs / 1000} s`);
      }
      throw err;
    }
  };
}

/** Waits longer than this are not worth holding a CI job for: the channel falls back instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/**
 * The Octokit of @actions/github (GITHUB_API_URL is honoured through its defaults) with
 * @octokit/plugin-retry for transient 5xx answers and @octokit/plugin-throttling for GitHub's
 * rate limits (it also spaces writes a second apart, as GitHub asks of integrations). What
 * still fails after that is the channel's to log and fall back from; it never fails the step.
 */
export function makeApi(token: string, options: RetryOptions = {}): GitHubApi {
  const unit = options.unitMs ?? 1000;
  const wait = (what: string, retryAfter: number, request: { method: string; url: string }, retryCount: number, tries: number) => {
    const retrying = retryCount < tries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
    logInfo(`GitHub ${what} on ${request.method} ${request.url}: ${retrying ? `retrying in ${retryAfter} s` : 'not retrying'}.`);
    return retrying;
  };
  const timeoutMs = options.timeoutMs ?? (Number(process.env.ENTRYPOINT_GUARD_API_TIMEOUT_MS) || REQUEST_TIMEOUT_MS);
  return github.getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      request: { fetch: fetchWithTimeout(timeoutMs) },
      // 429 is the throttling plugin's to judge (it honours retry-after up to the cap); never retried blindly.
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        retryAfterBaseValue: unit,
        onRateLimit: (retryAfter, request, _octokit, retryCount) => wait('rate limit reached', retryAfter, request, retryCount, 1),
        onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => wait('secondary rate limit', retryAfter, request, retryCount, 2),
      },
    },
    retry,
    throttling,
  );
}

interface PullPayload {
  number?: number;
  head?: { sha?: string };
}

export function eventInfo(context = github.context): EventInfo | undefined {
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) return undefined;
  const pr = context.payload.pull_request as PullPayload | undefined;
  const headSha = pr?.head?.sha ?? context.sha ?? '';
  const info: EventInfo = { owner, repo, headSha, eventName: context.eventName ?? '' };
  if (pr && typeof pr.number === 'number') info.pullNumber = pr.number;
  return info;
}

/** "HTTP 403: Resource not accessible by integration", never the request (headers carry the token). */
export function describeApiError(err: unknown): string {
  const e = err as { name?: unknown; status?: unknown; response?: { data?: { message?: unknown } }; message?: unknown };
  if (e?.name === 'AbortError' && typeof e.message === 'string') return oneLine(e.message, 200);
  const status = typeof e?.status === 'number' ? `HTTP ${e.status}` : 'request failed';
  const apiMessage = typeof e?.response?.data?.message === 'string' ? e.response.data.message : typeof e?.message === 'string' ? e.message : '';
  const text = (apiMessage.split(' - https://')[0] ?? '').trim().replace(/\.$/, '');
  return oneLine(text ? `${status}: ${text}` : status, 200);
}

export function apiStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}
