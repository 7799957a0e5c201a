// The GitHub API client and what the channels know about the event. The token goes to
// getOctokit and nowhere else; failures are described by status and GitHub's own message.
import * as github from '@actions/github';
import { oneLine } from './format.js';

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

/** GITHUB_API_URL is honoured through @actions/github's defaults (baseUrl). */
export function makeApi(token: string): GitHubApi {
  return github.getOctokit(token);
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
  const e = err as { status?: unknown; response?: { data?: { message?: unknown } }; message?: unknown };
  const status = typeof e?.status === 'number' ? `HTTP ${e.status}` : 'request failed';
  const apiMessage = typeof e?.response?.data?.message === 'string' ? e.response.data.message : typeof e?.message === 'string' ? e.message : '';
  const text = (apiMessage.split(' - https://')[0] ?? '').trim().replace(/\.$/, '');
  return oneLine(text ? `${status}: ${text}` : status, 200);
}

export function apiStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}
