// Findings as workflow-command annotations on the exact file and line. GitHub keeps at most 10
// errors, 10 warnings and 10 notices per step (50 per job): the most severe go first, then one
// notice says how many more there are and where to see them.
import * as core from '@actions/core';
import { compareFindings, type Finding, type Severity } from '../findings.js';
import { findingText, findingTitle, inWorkspace, plural } from './format.js';

export const PER_STEP_LIMIT = 10;

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationSink {
  error(message: string, properties: core.AnnotationProperties): void;
  warning(message: string, properties: core.AnnotationProperties): void;
  notice(message: string, properties: core.AnnotationProperties): void;
}

export const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

export function annotationProperties(f: Finding): core.AnnotationProperties {
  const props: core.AnnotationProperties = { title: findingTitle(f) };
  if (!inWorkspace(f.file)) return props;
  props.file = f.file;
  props.startLine = f.line;
  props.endLine = Math.max(f.endLine, f.line);
  // Columns only make sense (and are only accepted) on a single line.
  if (props.endLine === f.line && f.column > 0) {
    props.startColumn = f.column;
    if (f.endColumn !== undefined && f.endColumn >= f.column) props.endColumn = f.endColumn;
  }
  return props;
}

function annotationMessage(f: Finding): string {
  // A finding outside the workspace cannot be placed on a file: say where it is.
  return inWorkspace(f.file) ? findingText(f) : `${f.file}:${f.line}: ${findingText(f)}`;
}

export interface AnnotationPlan {
  shown: Finding[];
  hidden: Finding[];
}

/**
 * Which findings fit GitHub's per-step limits, most severe first. `reserveError` keeps one
 * error slot for the step's own failure message (core.setFailed is an error annotation too);
 * when anything is left out, one notice slot is kept for the "N more" notice.
 */
export function planAnnotations(findings: Finding[], reserveError = false): AnnotationPlan {
  const sorted = [...findings].sort(compareFindings);
  const by = (s: Severity) => sorted.filter((f) => f.severity === s);
  const errors = by('error');
  const warnings = by('warning');
  const infos = by('info');
  const errorBudget = PER_STEP_LIMIT - (reserveError ? 1 : 0);
  const overflow = errors.length > errorBudget || warnings.length > PER_STEP_LIMIT || infos.length > PER_STEP_LIMIT;
  const noticeBudget = PER_STEP_LIMIT - (overflow ? 1 : 0);
  const shown = [...errors.slice(0, errorBudget), ...warnings.slice(0, PER_STEP_LIMIT), ...infos.slice(0, noticeBudget)];
  const hidden = [...errors.slice(errorBudget), ...warnings.slice(PER_STEP_LIMIT), ...infos.slice(noticeBudget)];
  return { shown, hidden };
}

export interface EmitOptions {
  reserveError?: boolean;
  /** Where the rest can be seen ("the job summary", "the entrypoint-guard check run", …). */
  elsewhere: string[];
}

/** Emit the annotations; returns the plan (what was shown and what was left out). */
export function emitAnnotations(findings: Finding[], options: EmitOptions, sink: AnnotationSink = core): AnnotationPlan {
  const plan = planAnnotations(findings, options.reserveError);
  for (const f of plan.shown) sink[LEVEL[f.severity]](annotationMessage(f), annotationProperties(f));
  if (plan.hidden.length > 0) {
    const where = options.elsewhere.length > 0 ? options.elsewhere.join(', ') : 'the JSON report';
    sink.notice(
      `${plural(plan.hidden.length, 'more finding')} not shown as annotations (GitHub shows at most ${PER_STEP_LIMIT} per severity in a step): see ${where}.`,
      { title: 'entrypoint-guard: more findings' },
    );
  }
  return plan;
}
