// The job summary (and the check run's output): verdict, a per-platform table and the
// findings table, in GitHub-flavoured Markdown with every user-controlled string escaped.
import * as core from '@actions/core';
import { compareFindings, type DeploymentResult, type FailOn, type Finding, type PlatformResult, type Report } from '../findings.js';
import { droppedLine } from '../policy/dropped-line.js';
import { deploymentLabel, graceVerdictText, platformLabel, readinessText, signalsText } from '../report/text.js';
import { docsUrl } from '../rules/types.js';
import { logInfo, mdCell, mdCode, plural, verdict } from './format.js';

const ICON: Record<Finding['severity'], string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

export interface SummaryOptions {
  /** Link a finding's location to the file at the analysed commit. */
  blobUrl?: (file: string, line: number) => string | undefined;
  /** Where the complete list is when the table is cut ("the SARIF file", "the JSON report"). */
  elsewhere?: string;
  /** Character budget of the findings table (check run texts stop at 65535). */
  maxChars?: number;
}

function seconds(n: number, digits = 1): string {
  return `${n.toFixed(digits)} s`;
}

function platformRow(dockerfile: string | undefined, p: PlatformResult): string {
  const cells: string[] = [];
  if (dockerfile !== undefined) cells.push(mdCell(dockerfile));
  cells.push(mdCell(platformLabel(p)));
  const built = !p.build
    ? p.image
      ? mdCode(`${p.image.ref}@${p.image.digest.slice(0, 19)}`)
      : 'not built'
    : p.build.ok
      ? `✅ ${seconds(p.build.seconds)}`
      : p.skipped && p.build.seconds === 0
        ? 'not built'
        : `❌ failed after ${seconds(p.build.seconds)}`;
  cells.push(built, p.startCommand ? mdCode(JSON.stringify(p.startCommand)) : '', p.pid1 ? mdCode(p.pid1) : '');
  const s = p.shutdown;
  if (s) {
    // What decided readiness (and when) explains when the signal went out.
    const ready = [readinessText(p.ready), signalsText(p.signals, s.signal)].filter(Boolean).join('; ');
    const shutdown = s.killed ? `❌ SIGKILLed after ${seconds(s.seconds, 2)}` : seconds(s.seconds, 2);
    cells.push(mdCell(s.signal), ready ? `${shutdown}<br>${mdCell(ready)}` : shutdown, String(s.exitCode ?? ''));
  } else if (p.oneShot) {
    cells.push('', `one-shot job, finished in ${seconds(p.oneShot.seconds)}`, String(p.oneShot.exitCode));
  } else {
    cells.push('', p.skipped ? `skipped: ${mdCell(p.skipped)}` : '', '');
  }
  return `| ${cells.join(' | ')} |`;
}

/** A deployed run's row, under its platform's: the same columns, the grace period's verdict with the shutdown. */
function deploymentRow(dockerfile: string | undefined, p: PlatformResult, d: DeploymentResult): string {
  const cells: string[] = [];
  if (dockerfile !== undefined) cells.push(mdCell(dockerfile));
  cells.push(`${mdCell(platformLabel(p))}<br>as deployed: ${mdCell(deploymentLabel(d))}`, '', mdCode(JSON.stringify(d.startCommand)), d.pid1 ? mdCode(d.pid1) : '');
  const s = d.shutdown;
  const grace = mdCell(graceVerdictText(d));
  if (d.skipped) cells.push('', `skipped: ${mdCell(d.skipped)}`, '');
  else if (s) cells.push(mdCell(s.signal), `${s.killed ? `❌ SIGKILLed after ${seconds(s.seconds, 2)}` : seconds(s.seconds, 2)}<br>${d.grace.exceeded ? '❌ ' : ''}${grace}`, String(s.exitCode ?? ''));
  else if (d.oneShot) cells.push('', `one-shot job, finished in ${seconds(d.oneShot.seconds)}`, String(d.oneShot.exitCode));
  else cells.push('', grace, '');
  return `| ${cells.join(' | ')} |`;
}

export function platformTable(reports: Report[]): string {
  const several = reports.length > 1;
  const rows: string[] = [];
  for (const r of reports) {
    for (const p of r.platforms) {
      rows.push(platformRow(several ? r.dockerfile : undefined, p));
      for (const d of p.deployments ?? []) rows.push(deploymentRow(several ? r.dockerfile : undefined, p, d));
    }
  }
  if (rows.length === 0) return '';
  const head = [...(several ? ['Dockerfile'] : []), 'Platform', 'Build', 'Start command', 'PID 1', 'Stop signal', 'Shutdown', 'Exit code'];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows].join('\n');
}

function location(f: Finding, options: SummaryOptions): string {
  const text = mdCell(`${f.file}:${f.line}`);
  const url = options.blobUrl?.(f.file, f.line);
  return url ? `[${text}](${url})` : text;
}

export function findingsTable(findings: Finding[], options: SummaryOptions = {}): string {
  if (findings.length === 0) return '';
  const budget = options.maxChars ?? 400_000;
  const lines = ['| Severity | Rule | Location | Finding | Fix |', '|---|---|---|---|---|'];
  let size = lines.join('\n').length;
  const sorted = [...findings].sort(compareFindings);
  let shown = 0;
  for (const f of sorted) {
    const platforms = f.platforms && f.platforms.length > 0 ? ` (${mdCell(f.platforms.join(', '))})` : '';
    const row = `| ${ICON[f.severity]} | [${mdCell(f.rule)}](${docsUrl(f.rule)})${platforms} | ${location(f, options)} | ${mdCell(f.message)} | ${mdCell(f.fix)} |`;
    if (size + row.length + 200 > budget) break;
    lines.push(row);
    size += row.length + 1;
    shown++;
  }
  if (shown < sorted.length) {
    lines.push('', `… and ${plural(sorted.length - shown, 'more finding')}: see ${options.elsewhere ?? 'the JSON report'}.`);
  }
  return lines.join('\n');
}

export interface SummaryInput {
  reports: Report[];
  failOn: FailOn;
  staticOnly: boolean;
}

/** The verdict and per-Dockerfile overview (also the check run's `summary`). */
export function overviewMarkdown(input: SummaryInput): string {
  const all = input.reports.flatMap((r) => r.findings);
  const v = verdict(all, input.failOn);
  const out = [`**${v.failed ? '❌' : '✅'} ${v.text}**`, ''];
  if (input.reports.length > 1) {
    out.push('| Dockerfile | Errors | Warnings | Infos |', '|---|---|---|---|');
    for (const r of input.reports) {
      const n = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
      out.push(`| ${mdCell(r.dockerfile)} | ${n('error')} | ${n('warning')} | ${n('info')} |`);
    }
    out.push('');
  }
  const platforms = platformTable(input.reports);
  if (platforms) out.push(platforms, '');
  else if (input.staticOnly) out.push('Runtime checks skipped: `static: true` (lint only, no build, no containers).', '');
  // What the config file or the diff filter left out is in no count above: say how many and why.
  const notes = [...new Set(input.reports.flatMap((r) => r.notes ?? []))];
  const dropped = droppedLine(input.reports);
  if (dropped) notes.push(dropped);
  for (const note of notes) out.push(`> ${mdCell(note)}`, '');
  return out.join('\n');
}

export function summaryMarkdown(input: SummaryInput, options: SummaryOptions = {}): string {
  const all = input.reports.flatMap((r) => r.findings);
  const parts = ['## entrypoint-guard', '', overviewMarkdown(input)];
  if (all.length > 0) parts.push('### Findings', '', findingsTable(all, options), '');
  return `${parts.join('\n')}\n`;
}

/** Append to the job summary; a runner without one (or an unwritable file) is logged, not fatal. */
export async function writeJobSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    logInfo('no job summary file (GITHUB_STEP_SUMMARY is not set); the summary is skipped.');
    return false;
  }
  try {
    await core.summary.addRaw(markdown).write();
    return true;
  } catch (err) {
    core.summary.emptyBuffer();
    logInfo(`the job summary could not be written (${(err as Error).message}).`);
    return false;
  }
}
