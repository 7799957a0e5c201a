// The Action: inputs -> analyze each Dockerfile -> channels -> outputs -> the fail-on gate.
// A reporting channel that fails is logged once and falls back to annotations; only the
// findings decide the step's status. Bad input fails the step with one sentence.
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { envInputReader, readActionConfig, type ActionConfig } from './action-inputs.js';
import { analyze } from './engine.js';
import { errorMessage, InputError } from './errors.js';
import { compareFindings, failsAt, requiredRuntimeSkips, type Finding, type Report } from './findings.js';
import { emitAnnotations } from './github/annotations.js';
import { eventInfo, makeApi, type EventInfo } from './github/api.js';
import { publishCheckRun } from './github/check-run.js';
import { countsText, inWorkspace, logInfo, oneLine } from './github/format.js';
import { setOutputs, writeJsonReport } from './github/outputs.js';
import { actionDiffFilter } from './github/pull-diff.js';
import { ActionGroups } from './github/progress.js';
import { publishReview } from './github/review.js';
import { RUN_ID_STATE } from './github/state.js';
import { summaryMarkdown, writeJobSummary } from './github/summary.js';
import type { DiffFilter } from './policy/diff-filter.js';
import { applyPolicy } from './policy/apply-policy.js';
import { droppedLine } from './policy/dropped-line.js';
import { artifactUri, defaultCategory, writeSarif } from './report/sarif.js';
import { mergeShardFiles } from './matrix/merge.js';
import { planMatrix } from './matrix/plan.js';
import { protectCredential, redact, registerBuildSecrets } from './runtime/secrets.js';
import { applyPathFailOn } from './policy/apply-policy.js';

/** Analyse each Dockerfile, then apply the config file and the diff filter to its report. */
async function analyzeAll(config: ActionConfig, runId: string, filter: DiffFilter | undefined): Promise<Report[]> {
  const reports: Report[] = [];
  for (const dockerfile of config.dockerfiles) {
    // Each Dockerfile gets its own options object; context defaults to its own folder (engine).
    const options = { ...config.options, dockerfile, runId, ignore: new Set(config.options.ignore), buildArgs: { ...config.options.buildArgs }, probeEnv: { ...config.options.probeEnv } };
    const title = `entrypoint-guard: ${oneLine(dockerfile || (options.image ?? ''))}`;
    const analyzeOne = async () => {
      // One log group per platform (build output streamed live, then smoke and probe): groups do not nest.
      const result = await analyze(options, { progress: () => new ActionGroups(title) });
      const kept = applyPolicy(result.report, result.model, { config: config.project, filter, root: config.workspace, cwd: config.workspace });
      logInfo(`${kept.dockerfile}: ${countsText(kept.findings)}.`);
      for (const note of kept.notes ?? []) logInfo(note);
      return kept;
    };
    const report = options.static ? await core.group(title, analyzeOne) : await analyzeOne();
    reports.push(report);
  }
  return reports;
}

function blobUrl(event: EventInfo | undefined): ((file: string, line: number) => string | undefined) | undefined {
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  if (!event || !event.headSha) return undefined;
  return (file, line) =>
    !inWorkspace(file) ? undefined : `${server}/${event.owner}/${event.repo}/blob/${event.headSha}/${artifactUri(file)}#L${line}`;
}

/** A file of the checked-out head, for review suggestions; undefined outside the workspace, over 1 MB or unreadable. */
function readSourceFile(workspace: string, file: string): string | undefined {
  if (!inWorkspace(file)) return undefined;
  try {
    const abs = path.resolve(workspace, file);
    if (fs.statSync(abs).size > 1024 * 1024) return undefined;
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  try {
    const config = readActionConfig(envInputReader());
    // The token is masked like a secret and can never be one; the runner masks the secrets' values in its log too.
    protectCredential(config.token);
    for (const value of registerBuildSecrets(config.options.secrets)) core.setSecret(value);
    if (config.untrustedKeys) logInfo(`${config.project?.file ?? 'the config file'}: ${config.untrustedKeys.join(', ')} ignored: on pull_request_target and on pull requests from forks the file comes from the pull request, so it cannot hand the build the runner's credentials, files or network; set them as inputs of the workflow.`);
    const runId = `eg-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    if (!config.options.static) core.saveState(RUN_ID_STATE, runId);

    const event = eventInfo();
    const merging = config.reports !== undefined;
    // A shard publishes nothing through the API: the merge job does, once.
    const wantsApi = (config.checkRun || config.review) && !config.reportOnly && !config.plan;
    // The shards filtered their findings already; the merge reads no diff.
    const needsDiff = config.options.filterMode !== 'nofilter' && event?.pullNumber !== undefined && !merging;
    const api = (wantsApi || needsDiff) && config.token && event ? makeApi(config.token) : undefined;
    // The diff first: it is one cheap request, and the filter applies to every report.
    const filter = merging ? undefined : await actionDiffFilter({ mode: config.options.filterMode, event, api });

    if (config.plan) {
      const matrix = planMatrix({
        specs: config.dockerfiles,
        cwd: config.workspace,
        platforms: config.options.platforms,
        runners: config.runners,
        ...(filter ? { changes: filter.changes } : {}),
      });
      const text = JSON.stringify(matrix);
      logInfo(`plan: ${matrix.include.length} shard${matrix.include.length === 1 ? '' : 's'} (${new Set(matrix.include.map((e) => e.dockerfile)).size} Dockerfiles x ${config.options.platforms.join(', ')}).`);
      core.info(text);
      core.setOutput('matrix', text);
      return;
    }

    let reports: Report[];
    if (merging) {
      reports = mergeShardFiles(config.reports!, config.workspace);
      applyPathFailOn(reports, config.project, config.workspace, config.workspace);
      for (const r of reports) {
        logInfo(`${r.dockerfile}: merged ${r.platforms.length} platform${r.platforms.length === 1 ? '' : 's'}; ${countsText(r.findings)}.`);
        for (const note of r.notes ?? []) logInfo(note);
      }
    } else {
      reports = await analyzeAll(config, runId, filter);
    }
    if (config.reportOnly) {
      // A matrix shard: the JSON report (with its plan, for merge) and the outputs; no channels, no gate.
      for (const r of reports) r.plan = { platforms: config.planPlatforms ?? config.options.platforms, ran: config.options.platforms };
      const reportPath = writeJsonReport(reports, runId);
      logInfo(`report-only: the JSON report is ${reportPath}; the merge job publishes and gates.`);
      setOutputs(reports, config.options.failOn, reportPath);
      return;
    }
    const findings: Finding[] = reports.flatMap((r) => r.findings).sort(compareFindings);
    const failOn = config.options.failOn;
    const failed = failsAt(findings, failOn);
    const dropped = droppedLine(reports);
    if (dropped) logInfo(dropped);

    const reportPath = writeJsonReport(reports, runId);
    const elsewhere: string[] = [];
    if (config.sarifFile) {
      const target = path.resolve(config.workspace, config.sarifFile);
      try {
        writeSarif(target, reports, { sourceRoot: config.workspace, category: config.category ?? defaultCategory() });
        elsewhere.push(`the SARIF file ${config.sarifFile}`);
      } catch (err) {
        throw new InputError(`sarif-file ${config.sarifFile} cannot be written (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)})`);
      }
    }

    // API channels first: what they show decides which annotations are still needed.
    let checkRunOk = false;
    let reviewCovered = new Set<Finding>();
    let channelFailed = false;
    if (wantsApi && !api) {
      logInfo(`${config.checkRun ? 'check run' : ''}${config.checkRun && config.review ? ' and ' : ''}${config.review ? 'review' : ''} skipped: ${event ? 'no github-token' : 'GITHUB_REPOSITORY is not set'}; findings are reported as annotations instead.`);
      channelFailed = true;
    }
    if (api && event && config.checkRun) {
      if (!event.headSha) {
        logInfo('check run skipped: no commit SHA in the event (GITHUB_SHA); findings are reported as annotations instead.');
        channelFailed = true;
      } else {
        checkRunOk = await publishCheckRun({ api, event, reports, failOn, staticOnly: config.options.static });
        channelFailed ||= !checkRunOk;
      }
    }
    if (api && event && config.review) {
      const review = await publishReview(api, event, findings, (file) => readSourceFile(config.workspace, file));
      reviewCovered = review.covered;
      channelFailed ||= !review.ok;
    }
    if (checkRunOk) elsewhere.unshift('the entrypoint-guard check run');

    // Summary before annotations, so the "N more" notice can point at it.
    const markdown = summaryMarkdown(
      { reports, failOn, staticOnly: config.options.static },
      { blobUrl: blobUrl(event), elsewhere: [...elsewhere, `the JSON report (${reportPath})`].join(', ') },
    );
    if (await writeJobSummary(markdown)) elsewhere.unshift('the job summary');

    // Workflow annotations: all findings when asked for (minus those shown as review comments);
    // when turned off, still every finding a failed channel could not show.
    if (config.annotations || channelFailed) {
      const pending = findings.filter((f) => !reviewCovered.has(f) && (config.annotations || !checkRunOk));
      if (pending.length > 0) emitAnnotations(pending, { reserveError: failed, elsewhere: [...elsewhere, `the JSON report (${reportPath})`] });
    }

    setOutputs(reports, failOn, reportPath);
    if (failed) core.setFailed(`entrypoint-guard: ${countsText(findings)}; failing at fail-on: ${failOn}.`);
    // Never silently green: a runtime check asked for and skipped fails the step (require-runtime).
    const skips = requiredRuntimeSkips(reports, config.options.requireRuntime);
    if (skips.length > 0) core.setFailed(`entrypoint-guard: ${oneLine(skips.join('; '), 1000)} (require-runtime: false accepts this)`);
  } catch (err) {
    if (err instanceof InputError) core.setFailed(`entrypoint-guard: ${oneLine(redact(err.message), 1000)}`);
    else core.setFailed(`entrypoint-guard: internal error: ${oneLine(redact(errorMessage(err)), 1000)}`);
    if (process.env.ENTRYPOINT_GUARD_DEBUG && err instanceof Error && !(err instanceof InputError)) core.debug(err.stack ?? '');
  }
}
