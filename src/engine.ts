// One engine for both faces: lint, then (unless --static) build, smoke-run and probe.
import { InputError } from './errors.js';
import { compareFindings, RUNTIME_NOT_ASKED, type Finding, type Report } from './findings.js';
import { dedupe, lintDockerfile, sourceTexts, type LintResult } from './lint.js';
import { parseDockerfile } from './model/parse.js';
import { readDeployments } from './model/deploy/sources.js';
import type { DockerfileModel } from './model/types.js';
import type { Options } from './options.js';
import { applyIgnores } from './report/ignores.js';
import { JUDGED_SKIPS, runRuntime } from './runtime/index.js';
import { redactDeep } from './runtime/secrets.js';
import type { ProgressFactory } from './runtime/progress.js';
import { withRuleMeta } from './runtime-findings.js';

export interface AnalysisResult {
  report: Report;
  model: DockerfileModel;
}

/**
 * `--image` without a Dockerfile: nothing to lint; a one-line model of the image (`FROM <ref>`)
 * whose file is the reference, so runtime findings point at the image.
 */
function imageOnlyModel(ref: string, options: Options): LintResult {
  const model = parseDockerfile({ file: ref, absPath: ref, text: `FROM ${ref}\n`, contextDir: options.cwd });
  // Release gating on a built image: the manifests that deploy it are probed as they start it.
  const deployed = readDeployments(model, { specs: options.deploy ?? [], cwd: options.cwd, image: ref, ...(options.deployStdin !== undefined ? { stdin: options.deployStdin } : {}) });
  model.deployments = deployed.deployments;
  return { model, findings: [], notes: deployed.notes };
}

export async function analyze(options: Options, extras: { progress?: ProgressFactory } = {}): Promise<AnalysisResult> {
  if (options.static && options.image !== undefined) throw new InputError('--image probes a built image, so it cannot be combined with --static (lint only)');
  const imageOnly = options.image !== undefined && options.dockerfile === '';
  const lint = imageOnly ? imageOnlyModel(options.image!, options) : lintDockerfile({
    dockerfile: options.dockerfile,
    context: options.context,
    buildArgs: options.buildArgs,
    target: options.target,
    ignore: options.ignore,
    cwd: options.cwd,
    deploy: options.deploy,
    ...(options.deployStdin !== undefined ? { deployStdin: options.deployStdin } : {}),
  });
  const { model } = lint;
  const report: Report = {
    version: 1,
    dockerfile: model.file,
    findings: lint.findings,
    platforms: [],
    notes: [...lint.notes],
    checks: { static: imageOnly ? { ran: false, reason: 'no Dockerfile: an image alone (--image)' } : { ran: true }, runtime: { ran: false, reason: RUNTIME_NOT_ASKED } },
  };

  if (!options.static) {
    const runtime = await runRuntime(model, options, { staticFindings: lint.findings, progress: extras.progress });
    const confirmed = applyIgnores(withRuleMeta(runtime.hits), sourceTexts(model), options.ignore);
    // A runtime finding that restates a static one at the same place (no-debug-shell) replaces it:
    // it carries the platforms it was seen on.
    const place = (f: Finding) => `${f.rule}\0${f.file}\0${f.line}`;
    const seenAtRuntime = new Set(confirmed.map(place));
    report.findings = [...report.findings.filter((f) => !seenAtRuntime.has(place(f))), ...confirmed];
    report.platforms = runtime.platforms;
    if (runtime.image) report.image = runtime.image;
    report.notes!.push(...runtime.notes);
    report.checks!.runtime = runtime.skipped
      ? { ran: false, reason: runtime.skipped }
      : { ran: true, platforms: runtime.platforms.map((p) => ({ platform: p.platform, ran: p.skipped === undefined || JUDGED_SKIPS.has(p.skipped), ...(p.skipped ? { reason: p.skipped } : {}) })) };
  }
  report.findings = dedupe(report.findings).sort(compareFindings);
  // Whatever a build or a container printed, no build secret's value reaches a report.
  return { report: redactDeep(report), model };
}
