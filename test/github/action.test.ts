// The bundled Action (dist/index.js) run as the runner runs it, against a local server that
// answers like the GitHub API: annotations, outputs, summary, SARIF, check run, review, the
// fallbacks when a channel fails, and the fail-on gate.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import { docsUrl } from '../../src/rules/types.js';
import { addedFilePatch, FakeGitHub, rightLines } from './fake-github.js';
import {
  findingAnnotations,
  findingsOf,
  HEAD_SHA,
  makeWorkspace,
  MERGE_SHA,
  PR_NUMBER,
  runAction,
  TOKEN,
  type ActionRun,
  type FindingJson,
} from './run-action.js';
import { githubLimitErrors, sarifErrors } from './sarif-schema.js';

// Realistic Dockerfiles with one known finding each (from the start-contract rules).
const SHELL_ENTRYPOINT = 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT node server.js\n'; // error, line 4
const SHELL_CMD = 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD node server.js\n'; // warning, line 4
const NO_START = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates\n'; // info
const GOOD = 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

let gh: FakeGitHub;
beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});
afterEach(async () => {
  await gh.stop();
});

function expectNoSecretsOrStacks(run: ActionRun): void {
  expect(run.stdout).not.toContain(TOKEN);
  expect(run.stderr).not.toContain(TOKEN);
  expect(run.summary).not.toContain(TOKEN);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

function annotationFor(run: ActionRun, f: FindingJson) {
  return findingAnnotations(run).find((a) => a.properties.file === f.file && a.properties.line === String(f.line) && a.properties.title!.startsWith(`${f.rule}: `));
}

function byRule(findings: FindingJson[], rule: string, file: string): FindingJson {
  const f = findings.find((x) => x.rule === rule && x.file === file);
  if (!f) throw new Error(`no ${rule} finding on ${file} in ${JSON.stringify(findings.map((x) => `${x.rule}@${x.file}:${x.line}`))}`);
  return f;
}

describe('annotations, outputs, summary and SARIF', () => {
  it('reports every Dockerfile of a glob on its own lines and writes the outputs, the summary and a valid SARIF file', async () => {
    const ws = makeWorkspace({
      'services/api/Dockerfile': SHELL_ENTRYPOINT,
      'services/worker/Dockerfile': SHELL_CMD,
      'services/base/Dockerfile': NO_START,
      'services/web/Dockerfile': GOOD,
      'node_modules/pkg/Dockerfile': SHELL_ENTRYPOINT,
    });
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { dockerfile: 'services/*/Dockerfile', static: 'true', 'sarif-file': 'results/entrypoint-guard.sarif' } });
    expectNoSecretsOrStacks(run);
    expect(run.code).toBe(1);

    const findings = findingsOf(run);
    const api = byRule(findings, 'shell-form-entrypoint', 'services/api/Dockerfile');
    expect(api).toMatchObject({ severity: 'error', line: 4, column: 1 });
    expect(byRule(findings, 'shell-form-cmd', 'services/worker/Dockerfile')).toMatchObject({ severity: 'warning', line: 4 });
    expect(byRule(findings, 'missing-start-command', 'services/base/Dockerfile')).toMatchObject({ severity: 'info' });
    expect(findings.filter((f) => f.file === 'services/web/Dockerfile' && f.severity !== 'info')).toEqual([]);
    expect(findings.some((f) => f.file.startsWith('node_modules/'))).toBe(false);

    // The exact workflow command for the entrypoint finding, escaped as @actions/core does.
    expect(run.stdout).toMatch(/^::error title=shell-form-entrypoint%3A [^,\n]+,file=services\/api\/Dockerfile,line=4,endLine=4,col=1[,:]/m);
    // One annotation per finding (well under the limits here), at its file and line, severity mapped.
    expect(findingAnnotations(run)).toHaveLength(findings.length);
    for (const f of findings) {
      const a = annotationFor(run, f);
      expect(a, `${f.rule}@${f.file}:${f.line}`).toBeDefined();
      expect(a!.level).toBe(LEVEL[f.severity]);
      expect(a!.properties.endLine).toBe(String(f.endLine));
      expect(a!.message).toBe(`${f.message} Fix: ${f.fix}`);
    }
    // The gate: the last command fails the step and says why.
    const last = run.commands.at(-1)!;
    expect(last).toMatch(/^::error::entrypoint-guard: \d+ errors?, \d+ warnings?, \d+ info; failing at fail-on: error\.$/);

    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    expect(run.outputs).toMatchObject({ result: 'fail', errors: String(counts.error), warnings: String(counts.warning), infos: String(counts.info), 'shutdown-seconds': '{}' });

    // The JSON report: the CLI's format, an array for several Dockerfiles, in RUNNER_TEMP.
    const reportPath = run.outputs.report!;
    expect(path.isAbsolute(reportPath)).toBe(true);
    const report = parseJsonReport<{ dockerfile: string; findings: FindingJson[]; version: number }>(fs.readFileSync(reportPath, 'utf8'));
    expect(report.map((r) => r.dockerfile)).toEqual(['services/api/Dockerfile', 'services/base/Dockerfile', 'services/web/Dockerfile', 'services/worker/Dockerfile']);
    expect(report.flatMap((r) => r.findings).length).toBe(findings.length);
    expect(report.every((r) => r.version === 1)).toBe(true);

    // The job summary: verdict, per-Dockerfile counts, the findings table with docs links.
    expect(run.summary).toContain('## entrypoint-guard');
    expect(run.summary).toMatch(/\*\*❌ Fail: \d+ errors?, .*\(fail-on: error\)\*\*/);
    expect(run.summary).toContain('| services/worker/Dockerfile | 0 | 1 |');
    expect(run.summary).toContain('Runtime checks skipped: `static: true`');
    expect(run.summary).toContain(`[shell-form-entrypoint](${docsUrl('shell-form-entrypoint')})`);
    expect(run.summary).toContain(`[services/api/Dockerfile:4](https://github.com/octo-org/shop/blob/${HEAD_SHA}/services/api/Dockerfile#L4)`);

    // SARIF: valid against the 2.1.0 schema and GitHub's limits, one run for every Dockerfile.
    const sarifPath = path.join(ws, 'results/entrypoint-guard.sarif');
    const sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(githubLimitErrors(sarif)).toEqual([]);
    expect(sarif.runs.map((r: any) => r.automationDetails.id)).toEqual(['entrypoint-guard/']);
    expect(new Set(sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri))).toEqual(new Set(report.filter((r) => r.findings.length > 0).flatMap((r) => r.findings.map((f) => f.file))));
    const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'shell-form-entrypoint');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'services/api/Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 1, endLine: 4, ...(api.endColumn ? { endColumn: api.endColumn } : {}) },
    });
    expect(fs.readdirSync(path.dirname(sarifPath))).toEqual(['entrypoint-guard.sarif']);
    // No channel that needs the API was asked for: no request at all.
    expect(gh.requests).toEqual([]);
  });

  it('fails the step exactly at fail-on', async () => {
    const ws = makeWorkspace({ 'worker/Dockerfile': SHELL_CMD, 'base/Dockerfile': NO_START });
    const expected = { error: 0, warning: 1, info: 1, never: 0 } as const;
    for (const [failOn, code] of Object.entries(expected)) {
      const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { dockerfile: '*/Dockerfile', static: 'true', 'fail-on': failOn } });
      expect(run.code, `fail-on ${failOn}`).toBe(code);
      expect(run.outputs.result).toBe(code === 1 ? 'fail' : 'pass');
      const gate = run.commands.filter((c) => c.startsWith('::error::'));
      expect(gate).toHaveLength(code);
      if (code === 1) expect(gate[0]).toContain(`failing at fail-on: ${failOn}`);
      // Findings below the gate are still reported.
      expect(findingAnnotations(run).length).toBe(findingsOf(run).length);
    }
  });

  it('fails the step in one line when the runtime was asked for and no engine answers (require-runtime defaults to true)', async () => {
    const ws = makeWorkspace({ Dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/bin/true"]\n' });
    const nowhere = { DOCKER_HOST: 'unix:///nonexistent/eg-docker.sock' };
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { platforms: 'linux/amd64' }, env: nowhere });
    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::entrypoint-guard: Dockerfile: runtime checks were required but skipped: no Docker engine answered .*\(require-runtime: false accepts this\)$/),
    ]);
    expect(parseJsonReport(fs.readFileSync(run.outputs.report!, 'utf8'))[0]!.checks!.runtime.ran).toBe(false);
    // Said so, it passes on the lint alone; the report still says the runtime did not run.
    const accepted = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { platforms: 'linux/amd64', 'require-runtime': 'false' }, env: nowhere });
    expect(accepted.code).toBe(0);
  });

  it('emits the most severe findings first up to 10 per severity, then one notice with how many more and where', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) {
      const n = String(i).padStart(2, '0');
      files[`svc-e${n}/Dockerfile`] = SHELL_ENTRYPOINT;
      files[`svc-w${n}/Dockerfile`] = SHELL_CMD;
      files[`svc-i${n}/Dockerfile`] = NO_START;
    }
    const ws = makeWorkspace(files);
    for (const failOn of ['error', 'never']) {
      const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { dockerfile: '**/Dockerfile', static: 'true', 'fail-on': failOn, 'sarif-file': 'eg.sarif' } });
      const failing = failOn === 'error';
      expect(run.code).toBe(failing ? 1 : 0);
      const n = { error: Number(run.outputs.errors), warning: Number(run.outputs.warnings), info: Number(run.outputs.infos) };
      expect(n.error).toBeGreaterThan(10);
      expect(n.warning).toBeGreaterThan(10);
      expect(n.info).toBeGreaterThan(10);
      const shown = findingAnnotations(run);
      const count = (level: string) => shown.filter((a) => a.level === level).length;
      // One error slot stays free for the step's failure message; one notice slot for "N more".
      expect(count('error')).toBe(failing ? 9 : 10);
      expect(count('warning')).toBe(10);
      expect(count('notice')).toBe(9);
      expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(10);
      expect(run.annotations.filter((a) => a.level === 'notice')).toHaveLength(10);
      // Most severe first.
      const ranks = shown.map((a) => ({ error: 3, warning: 2, notice: 1 })[a.level]);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
      const more = run.annotations.filter((a) => a.properties.title === 'entrypoint-guard: more findings');
      expect(more).toHaveLength(1);
      const hidden = n.error + n.warning + n.info - shown.length;
      expect(more[0]!.level).toBe('notice');
      expect(more[0]!.message).toContain(`${hidden} more findings not shown as annotations`);
      expect(more[0]!.message).toContain('the job summary');
      expect(more[0]!.message).toContain('the SARIF file eg.sarif');
      // The summary still lists every finding.
      expect(run.summary.split('\n').filter((l) => /^\| (❌|⚠️|ℹ️) /.test(l))).toHaveLength(n.error + n.warning + n.info);
    }
  });

  it('never lets paths or Dockerfile text inject workflow commands or HTML', async () => {
    const evilDir = 'evil\n::error::pwned';
    const oddDir = 'we,ird:dir %25 50%';
    const ws = makeWorkspace({
      [`${evilDir}/Dockerfile`]: SHELL_ENTRYPOINT,
      [`${oddDir}/Dockerfile`]: 'FROM node:22-bookworm-slim\nENTRYPOINT echo "%0A::error::pwned2 <script>alert(1)</script> | x"\n',
    });
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { dockerfile: '*/Dockerfile', static: 'true', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    for (const line of run.stdout.split('\n')) {
      expect(line.trimStart()).not.toMatch(/^::error::pwned/);
      if (line.trimStart().startsWith('::')) expect(line).toMatch(/^::(group|endgroup|error|warning|notice)[ :]/);
    }
    const findings = findingsOf(run);
    const odd = byRule(findings, 'shell-form-entrypoint', `${oddDir}/Dockerfile`);
    const evil = byRule(findings, 'shell-form-entrypoint', `${evilDir}/Dockerfile`);
    // The paths survive the round trip through the escaped properties exactly.
    expect(annotationFor(run, odd)!.properties.file).toBe(`${oddDir}/Dockerfile`);
    expect(annotationFor(run, evil)!.properties.file).toBe(`${evilDir}/Dockerfile`);
    expect(annotationFor(run, odd)!.message).toContain('%0A::error::pwned2');
    // The summary shows the text, never as HTML or as extra table cells.
    expect(run.summary).not.toContain('<script>');
    const row = run.summary.split('\n').find((l) => l.includes('pwned2'))!;
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(5);
  });
});

describe('check run', () => {
  it('creates one check run on the PR head with every finding, in batches of 50', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 55; i++) files[`apps/app${String(i).padStart(2, '0')}/Dockerfile`] = SHELL_ENTRYPOINT;
    const ws = makeWorkspace(files);
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { dockerfile: 'apps/*/Dockerfile', static: 'true', 'check-run': 'true', annotations: 'false' } });
    expectNoSecretsOrStacks(run);
    expect(run.code).toBe(1);
    const findings = findingsOf(run);
    expect(findings.length).toBeGreaterThanOrEqual(55);

    const writes = gh.writes();
    const batches = Math.ceil(findings.length / 50);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/octo-org/shop/check-runs',
      ...Array.from({ length: batches - 1 }, () => 'PATCH /repos/octo-org/shop/check-runs/1000'),
    ]);
    for (const r of gh.requests) expect(r.authorization).toBe(`token ${TOKEN}`);
    const [create, ...updates] = writes;
    expect(create!.body).toMatchObject({ name: 'entrypoint-guard', head_sha: HEAD_SHA, status: 'in_progress' });
    expect(create!.body.head_sha).not.toBe(MERGE_SHA);
    expect(create!.body.output.title).toMatch(/^Failed: \d+ errors/);
    expect(create!.body.output.summary).toContain('Fail');
    expect(create!.body.output.text).toContain('shell-form-entrypoint');
    expect(create!.body.output.annotations).toHaveLength(50);
    expect(updates.at(-1)!.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const sent = writes.flatMap((r) => r.body.output.annotations);
    expect(sent).toHaveLength(findings.length);
    for (const f of findings) {
      expect(sent).toContainEqual(
        expect.objectContaining({
          path: f.file,
          start_line: f.line,
          end_line: f.endLine,
          annotation_level: f.severity === 'error' ? 'failure' : f.severity === 'info' ? 'notice' : 'warning',
          title: expect.stringMatching(new RegExp(`^${f.rule}: `)),
          message: `${f.message}\nFix: ${f.fix}`,
        }),
      );
    }
    // annotations: false and the check run carries them: no workflow annotations, only the gate.
    expect(findingAnnotations(run)).toEqual([]);
    expect(run.commands.filter((c) => c.startsWith('::error'))).toHaveLength(1);
  });

  it('sends one completed request when everything fits, with the conclusion from fail-on', async () => {
    const cases = [
      { files: { 'Dockerfile': SHELL_CMD }, failOn: 'error', conclusion: 'neutral', code: 0 },
      { files: { 'Dockerfile': SHELL_CMD }, failOn: 'warning', conclusion: 'failure', code: 1 },
      { files: { 'Dockerfile': GOOD }, failOn: 'info', conclusion: 'success', code: 0 },
      { files: { 'Dockerfile': SHELL_ENTRYPOINT }, failOn: 'never', conclusion: 'neutral', code: 0 },
    ];
    for (const c of cases) {
      const before = gh.requests.length;
      const run = await runAction({ workspace: makeWorkspace(c.files), apiUrl: gh.url, inputs: { static: 'true', 'check-run': 'true', 'fail-on': c.failOn } });
      expect(run.code, JSON.stringify(c)).toBe(c.code);
      const requests = gh.requests.slice(before);
      expect(requests).toHaveLength(1);
      expect(requests[0]!.body).toMatchObject({ head_sha: HEAD_SHA, status: 'completed', conclusion: c.conclusion });
      expect(requests[0]!.body.output.annotations).toHaveLength(findingsOf(run).length);
      // Annotations on by default: the findings are also workflow annotations.
      expect(findingAnnotations(run)).toHaveLength(findingsOf(run).length);
    }
  });

  it('uses GITHUB_SHA outside pull requests', async () => {
    const run = await runAction({
      workspace: makeWorkspace({ Dockerfile: SHELL_CMD }),
      apiUrl: gh.url,
      eventName: 'push',
      event: { ref: 'refs/heads/main', after: MERGE_SHA, repository: { name: 'shop', owner: { login: 'octo-org' } } },
      inputs: { static: 'true', 'check-run': 'true', review: 'true' },
    });
    expect(run.code).toBe(0);
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/octo-org/shop/check-runs']);
    expect(gh.requests[0]!.body.head_sha).toBe(MERGE_SHA);
    expect(run.stdout).toContain('entrypoint-guard: review comments skipped: the push event is not a pull request.');
  });

  it('falls back to annotations when the token may not create check runs (fork PR), without failing the step', async () => {
    gh.fail('POST', /\/check-runs$/, 403, 'Resource not accessible by integration');
    const ws = makeWorkspace({ 'api/Dockerfile': SHELL_ENTRYPOINT, 'worker/Dockerfile': SHELL_CMD });
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { dockerfile: '*/Dockerfile', static: 'true', 'check-run': 'true', annotations: 'false', 'fail-on': 'never' } });
    expectNoSecretsOrStacks(run);
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('pass');
    // Every finding is still visible: annotations come back although they were turned off.
    const findings = findingsOf(run);
    expect(findings.length).toBeGreaterThanOrEqual(2);
    for (const f of findings) expect(annotationFor(run, f), f.rule).toBeDefined();
    // Logged once, as a plain line (no warning annotation of its own).
    const lines = run.stdout.split('\n').filter((l) => l.includes('HTTP 403'));
    expect(lines).toEqual(['entrypoint-guard: check run could not be created: HTTP 403: Resource not accessible by integration (the token needs `checks: write`; fork pull requests get a read-only token); findings are reported as annotations instead.']);
    expect(run.annotations.every((a) => a.properties.title !== undefined)).toBe(true);
    expect(gh.writes().map((r) => r.method)).toEqual(['POST']);
  });
});

describe('check run cut short', () => {
  it('completes the run and falls back to annotations when an update hits the rate limit', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 52; i++) files[`apps/app${String(i).padStart(2, '0')}/Dockerfile`] = SHELL_ENTRYPOINT;
    gh.fail('PATCH', /\/check-runs\/\d+$/, 403, 'API rate limit exceeded for installation ID 4242.', 1);
    const run = await runAction({ workspace: makeWorkspace(files), apiUrl: gh.url, inputs: { dockerfile: 'apps/*/Dockerfile', static: 'true', 'check-run': 'true', annotations: 'false' } });
    expect(run.code).toBe(1);
    const writes = gh.writes();
    expect(writes.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    // The run is not left "in progress": a last update completes it, without annotations.
    expect(writes[2]!.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(writes[2]!.body.output.annotations).toBeUndefined();
    expect(run.stdout.split('\n').filter((l) => l.includes('rate limit'))).toEqual([
      'entrypoint-guard: check run could not be updated: HTTP 403: API rate limit exceeded for installation ID 4242; findings are reported as annotations instead.',
    ]);
    // annotations: false, but the check run is incomplete: the findings come back as annotations (within the limits).
    expect(findingAnnotations(run).filter((a) => a.level === 'error')).toHaveLength(9);
    expect(run.annotations.some((a) => a.properties.title === 'entrypoint-guard: more findings')).toBe(true);
  });
});

describe('pull request review', () => {
  const LEGACY = [
    '# legacy service',
    'FROM node:22-bookworm-slim',
    'WORKDIR /app',
    'COPY package.json ./',
    'RUN npm ci --omit=dev',
    'COPY . .',
    'ENV NODE_ENV=production',
    'EXPOSE 8080',
    'USER node',
    'ENTRYPOINT node server.js',
    '',
  ].join('\n');
  // Only the FROM line changed: the ENTRYPOINT (line 10) is outside the diff.
  const LEGACY_PATCH = ['@@ -1,4 +1,4 @@', ' # legacy service', '-FROM node:20-bookworm-slim', '+FROM node:22-bookworm-slim', ' WORKDIR /app', ' COPY package.json ./'].join('\n');

  function prFiles(orders: string) {
    gh.files = [
      { filename: 'services/orders/Dockerfile', status: 'added', patch: addedFilePatch(orders) },
      { filename: 'services/legacy/Dockerfile', status: 'modified', patch: LEGACY_PATCH },
      { filename: 'docs/logo.png', status: 'added' },
      { filename: 'services/old/Dockerfile', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-FROM scratch\n-ENTRYPOINT x' },
    ];
  }

  it('comments on findings inside the diff only, once, and keeps the rest as annotations', async () => {
    prFiles(SHELL_ENTRYPOINT);
    const ws = makeWorkspace({ 'services/orders/Dockerfile': SHELL_ENTRYPOINT, 'services/legacy/Dockerfile': LEGACY });
    const inputs = { dockerfile: 'services/*/Dockerfile', static: 'true', review: 'true' };
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs });
    expectNoSecretsOrStacks(run);
    expect(run.code).toBe(1);
    const findings = findingsOf(run);
    const orders = byRule(findings, 'shell-form-entrypoint', 'services/orders/Dockerfile');
    const legacy = byRule(findings, 'shell-form-entrypoint', 'services/legacy/Dockerfile');
    expect(legacy.line).toBe(10);

    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/octo-org/shop/pulls/${PR_NUMBER}/files`,
      `GET /repos/octo-org/shop/pulls/${PR_NUMBER}/comments`,
      `POST /repos/octo-org/shop/pulls/${PR_NUMBER}/reviews`,
    ]);
    const review = gh.requests[2]!.body;
    expect(review).toMatchObject({ commit_id: HEAD_SHA, event: 'COMMENT' });
    const orderFindings = findings.filter((f) => f.file === 'services/orders/Dockerfile');
    expect(review.comments).toHaveLength(orderFindings.length);
    const comment = review.comments.find((c: any) => c.line === orders.line && c.body.includes('shell-form-entrypoint'));
    expect(comment).toMatchObject({ path: 'services/orders/Dockerfile', line: 4, side: 'RIGHT' });
    expect(comment.body).toContain('ENTRYPOINT');
    expect(comment.body).toContain('**Fix:**');
    expect(comment.body).toContain(`(${docsUrl('shell-form-entrypoint')})`);
    expect(comment.body).toContain('<!-- entrypoint-guard:shell-form-entrypoint:services/orders/Dockerfile:4 -->');
    for (const c of review.comments) expect(c.path === 'services/orders/Dockerfile').toBe(true);

    // In the diff: a review comment instead of an annotation; outside: an annotation.
    expect(annotationFor(run, orders)).toBeUndefined();
    expect(annotationFor(run, legacy)).toBeDefined();

    // A re-run on the same PR: nothing new to say, so no second review and no annotation duplicate.
    const before = gh.requests.length;
    const again = await runAction({ workspace: ws, apiUrl: gh.url, inputs });
    expect(gh.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/octo-org/shop/pulls/${PR_NUMBER}/files`,
      `GET /repos/octo-org/shop/pulls/${PR_NUMBER}/comments`,
    ]);
    expect(again.stdout).toMatch(/entrypoint-guard: review: all \d+ findings? on changed lines already have a comment\./);
    expect(annotationFor(again, orders)).toBeUndefined();
    expect(annotationFor(again, legacy)).toBeDefined();
    expect(gh.comments).toHaveLength(orderFindings.length);
  });

  it('posts at most 30 comments per review and follows the pagination of the files list', async () => {
    const files: Record<string, string> = {};
    gh.files = [];
    for (let i = 1; i <= 35; i++) {
      const name = `jobs/job${String(i).padStart(2, '0')}/Dockerfile`;
      files[name] = SHELL_ENTRYPOINT;
      gh.files.push({ filename: name, status: 'added', patch: addedFilePatch(SHELL_ENTRYPOINT) });
    }
    gh.pageCap = 10;
    const run = await runAction({ workspace: makeWorkspace(files), apiUrl: gh.url, inputs: { dockerfile: 'jobs/**/Dockerfile', static: 'true', review: 'true', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    const listed = gh.requests.filter((r) => r.path.endsWith('/files'));
    expect(listed.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3', '4']);
    const reviews = gh.requests.filter((r) => r.path.endsWith('/reviews'));
    expect(reviews).toHaveLength(1);
    const comments = reviews[0]!.body.comments as { path: string; line: number }[];
    expect(comments).toHaveLength(30);
    for (const c of comments) expect(rightLines(addedFilePatch(SHELL_ENTRYPOINT)).has(c.line)).toBe(true);
    const findings = findingsOf(run);
    const commented = new Set(comments.map((c) => `${c.path}:${c.line}`));
    const rest = findings.filter((f) => !commented.has(`${f.file}:${f.line}`));
    expect(rest.length).toBe(findings.length - 30);
    expect(reviews[0]!.body.body).toContain(`${rest.length} more finding`);
    // The ones beyond the cap stay annotations.
    for (const f of rest) expect(annotationFor(run, f)).toBeDefined();
  });

  it('falls back to annotations when GitHub rejects the review (422), logging it once', async () => {
    prFiles(SHELL_ENTRYPOINT);
    gh.fail('POST', /\/reviews$/, 422, 'Unprocessable Entity');
    const ws = makeWorkspace({ 'services/orders/Dockerfile': SHELL_ENTRYPOINT });
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { dockerfile: 'services/orders/Dockerfile', static: 'true', review: 'true', annotations: 'false', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    const orders = byRule(findingsOf(run), 'shell-form-entrypoint', 'services/orders/Dockerfile');
    expect(annotationFor(run, orders)).toBeDefined();
    expect(run.stdout.split('\n').filter((l) => l.includes('HTTP 422'))).toEqual([
      'entrypoint-guard: review comments skipped: could not post the review (HTTP 422: Unprocessable Entity); findings are reported as annotations instead.',
    ]);
  });

  it('falls back to annotations when the pull request cannot be read (404)', async () => {
    gh.fail('GET', /\/files$/, 404, 'Not Found');
    const ws = makeWorkspace({ 'services/orders/Dockerfile': SHELL_ENTRYPOINT });
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { dockerfile: 'services/orders/Dockerfile', static: 'true', review: 'true' } });
    expect(run.code).toBe(1);
    expect(gh.requests.map((r) => r.method)).toEqual(['GET']);
    expect(annotationFor(run, byRule(findingsOf(run), 'shell-form-entrypoint', 'services/orders/Dockerfile'))).toBeDefined();
    expect(run.stdout).toContain('could not list the pull request files (HTTP 404: Not Found)');
  });
});

describe('bad input', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ 'fail-on': 'sometimes' }, /^::error::entrypoint-guard: fail-on must be one of error, warning, info, never \(got "sometimes"\)$/],
    [{ dockerfile: 'services/nope/Dockerfile' }, /^::error::entrypoint-guard: Dockerfile services\/nope\/Dockerfile does not exist$/],
    [{ dockerfile: 'apps/*/Dockerfile' }, /^::error::entrypoint-guard: dockerfile pattern "apps\/\*\/Dockerfile" matches no file under /],
    [{ static: 'yes' }, /^::error::entrypoint-guard: static must be true or false \(got "yes"\)$/],
    [{ 'grace-period': '0' }, /^::error::entrypoint-guard: grace-period must be a number of seconds/],
    [{ 'build-args': 'NODE_ENV' }, /^::error::entrypoint-guard: build-args takes KEY=VALUE \(got "NODE_ENV"\)$/],
    [{ context: 'missing-dir' }, /^::error::entrypoint-guard: context missing-dir does not exist$/],
  ];
  it.each(cases)('%j fails the step with one sentence', async (inputs, message) => {
    const run = await runAction({ workspace: makeWorkspace({ Dockerfile: GOOD }), apiUrl: gh.url, inputs: { static: 'true', 'check-run': 'true', ...inputs } });
    expectNoSecretsOrStacks(run);
    expect(run.code).toBe(1);
    expect(run.commands).toHaveLength(1);
    expect(run.commands[0]).toMatch(message);
    expect(run.stderr).toBe('');
    expect(gh.requests).toEqual([]);
  });
});
