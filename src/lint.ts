// The static half of the engine: read, parse once, run every pure rule, apply ignores.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';
import type { Finding } from './findings.js';
import { readUserText } from './input.js';
import { parseDockerfile } from './model/parse.js';
import type { DockerfileModel } from './model/types.js';
import { applyIgnores } from './report/ignores.js';
import { staticRules } from './rules/registry.js';
import type { RuleHit, RuleMeta } from './rules/types.js';
import { runShellcheck } from './rules/wrapper/shellcheck.js';

export interface LintOptions {
  /** Dockerfile path as the user gave it. */
  dockerfile: string;
  /** Build context; the Dockerfile's folder when absent. */
  context?: string;
  buildArgs?: Record<string, string>;
  target?: string;
  ignore?: Set<string>;
  /** Base for display paths (the repository root in the Action); process.cwd() when absent. */
  cwd?: string;
  /** Texts the fixer changed but has not written, by absolute path (src/fix). */
  edited?: ReadonlyMap<string, string>;
}

export interface LintResult {
  model: DockerfileModel;
  findings: Finding[];
  notes: string[];
}

export function displayPath(absPath: string, cwd: string): string {
  const rel = path.relative(cwd, absPath);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

export function toFinding(meta: RuleMeta, hit: RuleHit, defaultFile: string): Finding {
  const finding: Finding = {
    rule: hit.rule ?? meta.id,
    severity: hit.severity ?? meta.severity,
    message: hit.message,
    fix: hit.fix,
    file: hit.file ?? defaultFile,
    line: hit.range.line,
    endLine: Math.max(hit.range.endLine, hit.range.line),
    column: hit.range.column,
  };
  if (hit.range.endColumn > 0) finding.endColumn = hit.range.endColumn;
  if (hit.autofix && hit.autofix.edits.length > 0) finding.autofix = hit.autofix;
  return finding;
}

/** Keep one finding per rule and place (rules may reach the same line by two paths). */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${(f.platforms ?? []).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A missing or non-directory build context is bad input (else every COPY source silently goes unresolved). */
function checkContextDir(contextDir: string, cwd: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(contextDir);
  } catch {
    throw new InputError(`build context ${displayPath(contextDir, cwd)} does not exist`);
  }
  if (!stat.isDirectory()) throw new InputError(`build context ${displayPath(contextDir, cwd)} is not a directory`);
}

/** The text of every file findings can point at (the Dockerfile and its wrappers), for inline ignores. */
export function sourceTexts(model: DockerfileModel): Map<string, string> {
  const texts = new Map<string, string>([[model.file, model.text]]);
  for (const w of model.wrappers) if (!texts.has(w.file)) texts.set(w.file, w.text);
  return texts;
}

export function lintDockerfile(options: LintOptions): LintResult {
  const cwd = options.cwd ?? process.cwd();
  const absPath = path.resolve(cwd, options.dockerfile);
  const file = displayPath(absPath, cwd);
  const text = options.edited?.get(absPath) ?? readUserText(absPath, file, 'Dockerfile');
  const contextDir = path.resolve(cwd, options.context ?? path.dirname(absPath));
  checkContextDir(contextDir, cwd);
  const model = parseDockerfile({ file, absPath, text, contextDir, buildArgs: options.buildArgs, target: options.target, ...(options.edited ? { edited: options.edited } : {}) });

  const findings: Finding[] = [];
  for (const rule of staticRules) {
    for (const hit of rule.check(model)) findings.push(toFinding(rule, hit, file));
  }
  const notes: string[] = [];
  const shellcheck = runShellcheck(model);
  findings.push(...shellcheck.findings);
  if (shellcheck.note) notes.push(shellcheck.note);

  return { model, findings: dedupe(applyIgnores(findings, sourceTexts(model), options.ignore ?? new Set())), notes };
}
