// One engine for both faces: lint, then (unless --static) build, smoke-run and probe.
import { compareFindings, type Report } from './findings.js';
import { dedupe, lintDockerfile } from './lint.js';
import type { DockerfileModel } from './model/types.js';
import type { Options } from './options.js';
import { applyIgnores } from './report/ignores.js';
import { runRuntime } from './runtime/index.js';

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
    const runtime = await runRuntime(model, options);
    const texts = new Map<string, string>([[model.file, model.text]]);
    for (const w of model.wrappers) if (!texts.has(w.file)) texts.set(w.file, w.text);
    report.findings.push(...applyIgnores(runtime.findings, texts, options.ignore));
    report.platforms = runtime.platforms;
    report.notes!.push(...runtime.notes);
  }
  report.findings = dedupe(report.findings).sort(compareFindings);
  return { report, model };
}
