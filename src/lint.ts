// The static half of the engine: read, parse once, run every pure rule, apply ignores.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';
import type { Finding } from './findings.js';
import { readUserText } from './input.js';
import { readDeployments, type DeploySpec } from './model/deploy/sources.js';
import { deployedModel, deploymentLabel, runsToItsEnd } from './model/deployed-start.js';
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
  /** Deployment manifests (--deploy); Compose files beside the Dockerfile are found without. */
  deploy?: readonly DeploySpec[];
  /** Standard input's text, for a `-` in `deploy`. */
  deployStdin?: string;
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

/**
 * The start-contract rules again on each deployed start command (a Compose service's, a
 * Kubernetes or ECS container's that replaces the image's ENTRYPOINT or CMD): findings at the
 * manifest's lines, or on a script the deployment runs; none that repeats the image's own.
 */
function lintDeployments(model: DockerfileModel, plain: readonly Finding[]): Finding[] {
  const place = (f: Finding) => `${f.rule}\0${f.file}\0${f.line}`;
  const placed = new Set(plain.map(place));
  const out: Finding[] = [];
  for (const d of model.deployments) {
    const deployed = deployedModel(model, d);
    if (!deployed) continue;
    const manifests = new Set([d.file, ...Object.values(d.fieldFiles ?? {})]);
    for (const rule of staticRules) {
      if (!rule.deployed || (rule.deployed === 'service' && runsToItsEnd(d, deployed))) continue;
      for (const hit of rule.check(deployed)) {
        const finding = toFinding(rule, hit, model.file);
        // The rules' fixes edit the Dockerfile and scripts; a deployed command is fixed in its manifest, which --fix does not write.
        delete finding.autofix;
        if (placed.has(place(finding))) continue;
        placed.add(place(finding));
        // Found in a script or the Dockerfile, but only as this deployment starts the image: say so.
        const mounted = deployed.wrappers.find((w) => w.mount && w.file === finding.file);
        if (mounted?.mount) finding.message = `${finding.message} (${deploymentLabel(d)} mounts it over \`${mounted.imagePath}\` at ${mounted.mount.file}:${mounted.mount.line}.)`;
        else if (!manifests.has(finding.file)) finding.message = `${finding.message} (As ${deploymentLabel(d)} in ${d.file}:${d.line} starts the image.)`;
        // A developer's setup is no production start: what it gets wrong is worth knowing, not a defect.
        if (d.devSetup && finding.severity !== 'info') {
          finding.severity = 'info';
          finding.message = `${finding.message} Info only: ${d.devSetup}.`;
        }
        out.push(finding);
      }
    }
  }
  return out;
}

/** A manifest already read once (so it exists and is small); undefined when it is gone. */
function readIfFile(absPath: string): string | undefined {
  try {
    return fs.readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
}

export function lintDockerfile(options: LintOptions): LintResult {
  const cwd = options.cwd ?? process.cwd();
  const absPath = path.resolve(cwd, options.dockerfile);
  const file = displayPath(absPath, cwd);
  const text = options.edited?.get(absPath) ?? readUserText(absPath, file, 'Dockerfile');
  const contextDir = path.resolve(cwd, options.context ?? path.dirname(absPath));
  checkContextDir(contextDir, cwd);
  const model = parseDockerfile({ file, absPath, text, contextDir, buildArgs: options.buildArgs, target: options.target, ...(options.edited ? { edited: options.edited } : {}) });
  const deployed = readDeployments(model, { specs: options.deploy ?? [], cwd, ...(options.deployStdin !== undefined ? { stdin: options.deployStdin } : {}) });
  model.deployments = deployed.deployments;

  const findings: Finding[] = [];
  for (const rule of staticRules) {
    for (const hit of rule.check(model)) findings.push(toFinding(rule, hit, file));
  }
  findings.push(...lintDeployments(model, findings));
  const notes: string[] = [...deployed.notes];
  if (model.deployments.length > 0) notes.push(`judged as deployed by ${model.deployments.map((d) => `${deploymentLabel(d)} (${d.file}:${d.line})`).join(', ')}`);
  const shellcheck = runShellcheck(model);
  findings.push(...shellcheck.findings);
  if (shellcheck.note) notes.push(shellcheck.note);

  const texts = sourceTexts(model);
  // Scripts a deployment bind-mounts are read only through it.
  for (const d of model.deployments) for (const w of deployedModel(model, d)?.wrappers ?? []) if (!texts.has(w.file)) texts.set(w.file, w.text);
  // Inline ignores work in manifests too (`# entrypoint-guard ignore=…` above a YAML line).
  for (const d of model.deployments) {
    for (const f of [d.file, ...Object.values(d.fieldFiles ?? {})]) {
      if (texts.has(f)) continue;
      const text = f === '<stdin>' ? options.deployStdin : readIfFile(path.resolve(cwd, f));
      if (text !== undefined) texts.set(f, text);
    }
  }
  return { model, findings: dedupe(applyIgnores(findings, texts, options.ignore ?? new Set())), notes };
}
