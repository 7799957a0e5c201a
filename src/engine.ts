// One engine for both faces: lint, then (unless --static) build, smoke-run and probe.
import { compareFindings, type Finding, type Report } from './findings.js';
import { dedupe, lintDockerfile, sourceTexts } from './lint.js';
import type { DockerfileModel } from './model/types.js';
import type { Options } from './options.js';
import { applyIgnores } from './report/ignores.js';
import { runRuntime } from './runtime/index.js';
import { withRuleMeta } from './runtime-findings.js';

export interface AnalysisResult {
  report: Report;
  model: DockerfileModel;
}

export async function analyze(options: Options): Promise<AnalysisResult> {
  const lint = lintDockerfile({
    dockerfile: options.dockerfile,
    context: options.context,
    buildArgs: options.buildArgs,
    target: options.target,
    ignore: options.ignore,
    cwd: options.cwd,
  });
  const { model } = lint;
  const report: Report = { version: 1, dockerfile: model.file, findings: lint.findings, platforms: [], notes: [...lint.notes] };

  if (!options.static) {
    const runtime = await runRuntime(model, options, { staticFindings: lint.findings });
    const confirmed = applyIgnores(withRuleMeta(runtime.hits), sourceTexts(model), options.ignore);
    // A runtime finding that restates a static one at the same place (no-debug-shell) replaces it:
    // it carries the platforms it was seen on.
    const place = (f: Finding) => `${f.rule}\0${f.file}\0${f.line}`;
    const seenAtRuntime = new Set(confirmed.map(place));
    report.findings = [...report.findings.filter((f) => !seenAtRuntime.has(place(f))), ...confirmed];
    report.platforms = runtime.platforms;
    report.notes!.push(...runtime.notes);
  }
  report.findings = dedupe(report.findings).sort(compareFindings);
  return { report, model };
}
