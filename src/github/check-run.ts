// `check-run: true`: one check run named entrypoint-guard on the PR head with every finding as
// an annotation. The API takes at most 50 annotations per request: the run is created with the
// first batch and PATCHed with the rest; its conclusion follows `fail-on`.
import { compareFindings, failsAt, type FailOn, type Finding, type Report } from '../findings.js';
import { apiStatus, describeApiError, type EventInfo, type GitHubApi } from './api.js';
import { countsText, findingTitle, inWorkspace, logInfo, verdict } from './format.js';
import { findingsTable, overviewMarkdown } from './summary.js';

export const CHECK_NAME = 'entrypoint-guard';
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit on a check run's output.summary and output.text. */
const MAX_OUTPUT = 65_535;

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
}

export function conclusionFor(findings: Finding[], failOn: FailOn): CheckConclusion {
  if (failsAt(findings, failOn)) return 'failure';
  return findings.length === 0 ? 'success' : 'neutral';
}

export function checkAnnotation(f: Finding): CheckAnnotation {
  const endLine = Math.max(f.endLine, f.line);
  const a: CheckAnnotation = {
    path: f.file,
    start_line: f.line,
    end_line: endLine,
    annotation_level: f.severity === 'error' ? 'failure' : f.severity === 'warning' ? 'warning' : 'notice',
    message: `${f.message}\nFix: ${f.fix}`.slice(0, 60_000),
    title: findingTitle(f).slice(0, 255),
  };
  if (endLine === f.line && f.column > 0) {
    a.start_column = f.column;
    if (f.endColumn !== undefined && f.endColumn >= f.column) a.end_column = f.endColumn;
  }
  return a;
}

function clip(text: string): string {
  return text.length <= MAX_OUTPUT ? text : `${text.slice(0, MAX_OUTPUT - 40)}\n\n… (cut at GitHub's size limit)`;
}

export interface CheckRunInput {
  api: GitHubApi;
  event: EventInfo;
  reports: Report[];
  failOn: FailOn;
  staticOnly: boolean;
}

/**
 * A create is not idempotent: after a 5xx the run may exist. Look before creating again, once;
 * any other failure (a 4xx, an API that does not answer) is the caller's.
 */
async function createOnce(create: () => Promise<{ data: { id: number | bigint } }>, find: () => Promise<number | undefined>): Promise<number> {
  try {
    return Number((await create()).data.id);
  } catch (err) {
    const status = apiStatus(err);
    if (status === undefined || status < 500 || (err as Error).name === 'AbortError') throw err;
    const existing = await find();
    if (existing !== undefined) return existing;
    return Number((await create()).data.id);
  }
}

/** This attempt's check run on the head commit, by its external id. */
async function findCheckRun(api: GitHubApi, event: EventInfo, externalId: string): Promise<number | undefined> {
  const res = await api.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: event.owner, repo: event.repo, ref: event.headSha, check_name: CHECK_NAME, per_page: 100 });
  const run = (res.data.check_runs as { id: number; external_id?: string | null }[]).find((r) => r.external_id === externalId);
  return run?.id;
}

/** Returns true when the check run carries every annotation; false after logging why not. */
export async function publishCheckRun(input: CheckRunInput): Promise<boolean> {
  const { api, event, reports, failOn } = input;
  const findings = reports.flatMap((r) => r.findings).sort(compareFindings);
  const annotations = findings.filter((f) => inWorkspace(f.file)).map(checkAnnotation);
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);

  const title = findings.length === 0 ? 'No findings' : `${verdict(findings, failOn).failed ? 'Failed' : 'Passed'}: ${countsText(findings)}`;
  const summary = clip(overviewMarkdown({ reports, failOn, staticOnly: input.staticOnly }));
  const text = clip(findingsTable(findings, { maxChars: MAX_OUTPUT - 200, elsewhere: 'the job summary or the JSON report' }) || 'No findings.');
  const conclusion = conclusionFor(findings, failOn);
  const completed = { status: 'completed' as const, conclusion, completed_at: new Date().toISOString() };
  const single = batches.length === 1;

  let step = 'created';
  let id: number | undefined;
  // Marks this attempt's run, so a create that failed after GitHub made it is found, not made twice.
  const externalId = `entrypoint-guard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    const create = () =>
      api.request('POST /repos/{owner}/{repo}/check-runs', {
        owner: event.owner,
        repo: event.repo,
        name: CHECK_NAME,
        head_sha: event.headSha,
        external_id: externalId,
        ...(single ? completed : { status: 'in_progress' as const }),
        output: { title, summary, text, annotations: batches[0]! },
        request: { retries: 0 },
      });
    id = await createOnce(create, () => findCheckRun(api, event, externalId));
    step = 'updated';
    for (let i = 1; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await api.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner: event.owner,
        repo: event.repo,
        check_run_id: id!,
        ...(last ? completed : {}),
        output: { title, summary, annotations: batches[i]! },
      });
    }
    logInfo(`check run ${CHECK_NAME} ${single ? 'created' : 'created and updated'} with ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} (conclusion: ${conclusion}).`);
    return true;
  } catch (err) {
    const why = describeApiError(err);
    const hint = apiStatus(err) === 403 && !/rate limit/i.test(why) ? ' (the token needs `checks: write`; fork pull requests get a read-only token)' : '';
    logInfo(`check run could not be ${step}: ${why}${hint}; findings are reported as annotations instead.`);
    if (id !== undefined) {
      // Do not leave a run "in progress" forever; its annotations are incomplete, say so.
      await api
        .request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
          owner: event.owner,
          repo: event.repo,
          check_run_id: id,
          ...completed,
          output: { title, summary: clip(`${summary}\n\nSome annotations could not be sent: see the job's annotations and summary.`) },
        })
        .catch(() => undefined);
    }
    return false;
  }
}
