// GitHub's own parser for workflows and action.yml (@actions/workflow-parser, the one behind
// the GitHub Actions VS Code extension): schema, expression syntax and the conversion a
// runner does. It imports JSON without import attributes, so scripts/validate-workflows.mjs
// bundles this file with esbuild before it runs it.
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';

const trace = new NoOperationTraceWriter();

function located(e) {
  const start = e.range?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1, message: e.rawMessage ?? e.message };
}

/** Problems GitHub's parser finds in a workflow file's text. */
export async function workflowProblems(name, content) {
  const parsed = parseWorkflow({ name, content }, trace);
  const problems = parsed.context.errors.getErrors().map(located);
  if (parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) if (!problems.some((p) => e.Message.endsWith(p.message))) problems.push({ line: 1, column: 1, message: e.Message });
  }
  return problems;
}

/** Problems GitHub's parser finds in an action.yml's text. */
export function actionProblems(name, content) {
  return parseAction({ name, content }, trace).context.errors.getErrors().map(located);
}
