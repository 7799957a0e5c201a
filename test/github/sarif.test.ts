// SARIF 2.1.0 output: schema-valid, rules described, results placed, fingerprints that survive
// moved lines, one run for every Dockerfile in one stable category, within GitHub's limits, written whole.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/findings.js';
import { docsUrl } from '../../src/rules/types.js';
import { artifactUri, defaultCategory, FINGERPRINT_KEY, toSarif, writeSarif } from '../../src/report/sarif.js';
import { VERSION } from '../../src/version.js';
import { runCli } from '../../src/cli.js';
import { makeContext } from '../helpers.js';

interface SarifLikeResult {
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}
import { githubLimitErrors, sarifErrors } from './sarif-schema.js';

const DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nENTRYPOINT ./docker-entrypoint.sh\nCMD npm start\n';

function report(dockerfile: string, findings: Finding[], notes: string[] = []): Report {
  return { version: 1, dockerfile, findings, platforms: [], notes };
}

const entrypoint: Finding = {
  rule: 'shell-form-entrypoint',
  severity: 'error',
  message: '`ENTRYPOINT ./docker-entrypoint.sh` runs as `/bin/sh -c`, so CMD and `docker run` arguments are silently dropped.',
  fix: 'Use exec form: `ENTRYPOINT ["./docker-entrypoint.sh"]`.',
  file: 'services/api/Dockerfile',
  line: 4,
  endLine: 4,
  column: 1,
  endColumn: 35,
};
const sigterm: Finding = {
  rule: 'sigterm-ignored',
  severity: 'error',
  message: 'After SIGTERM the container did not exit within 10 s and was SIGKILLed.',
  fix: 'Start the app with exec so it is PID 1.',
  file: 'services/api/Dockerfile',
  line: 4,
  endLine: 4,
  column: 1,
  platforms: ['linux/amd64', 'linux/arm64'],
};
const shellcheck: Finding = {
  rule: 'shellcheck/SC2086',
  severity: 'info',
  message: 'Double quote to prevent globbing and word splitting.',
  fix: 'Quote the expansion: "$PORT".',
  file: 'services/api/docker entrypoint.sh',
  line: 7,
  endLine: 9,
  column: 12,
  endColumn: 3,
};
const cmdIgnored: Finding = { ...entrypoint, rule: 'cmd-ignored', severity: 'warning', line: 5, endLine: 5, endColumn: 14, message: '`CMD npm start` is never used.', fix: 'Drop the CMD.' };

describe('toSarif', () => {
  it('is valid SARIF 2.1.0 with every rule that appears described, and levels mapped', () => {
    const log = toSarif([report('services/api/Dockerfile', [entrypoint, sigterm, cmdIgnored, shellcheck], ['ShellCheck is not installed.'])], { sourceRoot: '/nonexistent' });
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'entrypoint-guard', informationUri: 'https://github.com/entrypoint-guard/entrypoint-guard', version: VERSION });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['shell-form-entrypoint', 'sigterm-ignored', 'cmd-ignored', 'shellcheck/SC2086']);
    const rule = run.tool.driver.rules[0]!;
    expect(rule).toMatchObject({ name: 'ShellFormEntrypoint', shortDescription: { text: 'ENTRYPOINT in shell form' }, helpUri: docsUrl('shell-form-entrypoint'), defaultConfiguration: { level: 'error' } });
    expect(rule.fullDescription.text.length).toBeGreaterThan(20);
    expect(rule.help.text).toContain(docsUrl('shell-form-entrypoint'));
    expect(run.tool.driver.rules[3]).toMatchObject({ helpUri: 'https://www.shellcheck.net/wiki/SC2086', defaultConfiguration: { level: 'note' } });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results.map((r) => r.level)).toEqual(['error', 'error', 'warning', 'note']);
    expect(run.results[0]!.message.text).toBe(`${entrypoint.message} Fix: ${entrypoint.fix}`);
    expect(run.results[1]!.message.text).toContain('(platforms: linux/amd64, linux/arm64)');
    expect(run.results[1]!.properties).toEqual({ platforms: ['linux/amd64', 'linux/arm64'] });
    expect(run.automationDetails.id).toBe('entrypoint-guard/');
    expect(run.invocations[0]!.toolExecutionNotifications).toEqual([{ level: 'note', message: { text: 'ShellCheck is not installed.' } }]);
  });

  it('places results with a repository-relative URI and a full region', () => {
    const [a, , , sc] = toSarif([report('services/api/Dockerfile', [entrypoint, sigterm, cmdIgnored, shellcheck])]).runs[0]!.results;
    expect(a!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'services/api/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 35 } });
    expect(sc!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'services/api/docker%20entrypoint.sh', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 12, endLine: 9, endColumn: 3 } });
    expect(artifactUri("we ird/(x)#1/Docker'file")).toBe('we%20ird/%28x%29%231/Docker%27file');
  });

  it('gives one run for every Dockerfile, and an empty result list (not an empty file) when all is well', () => {
    const log = toSarif([report('services/api/Dockerfile', [entrypoint]), report('services/web/Dockerfile', [])], { category: 'eg-monorepo' });
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs.map((r) => [r.automationDetails.id, r.results.length])).toEqual([['eg-monorepo/', 1]]);
    expect(toSarif([report('services/web/Dockerfile', [])]).runs.map((r) => r.results)).toEqual([[]]);
  });

  it('puts 25 Dockerfiles in one run that validates and stays within what code scanning takes', () => {
    const reports = Array.from({ length: 25 }, (_, i) => {
      const file = `services/svc-${i}/Dockerfile`;
      const runtime = { ...sigterm, file, line: 4, endLine: 4 };
      return report(file, [{ ...entrypoint, file }, { ...cmdIgnored, file }, runtime], i % 5 === 0 ? ['ShellCheck is not installed.'] : []);
    });
    const log = toSarif(reports);
    expect(sarifErrors(log)).toEqual([]);
    expect(githubLimitErrors(log)).toEqual([]);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results).toHaveLength(75);
    // Every Dockerfile's results, each at its own file; fingerprints unique within the run.
    expect(new Set(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).size).toBe(25);
    const prints = log.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
    // The same input, the same fingerprints: alerts match across runs and close when fixed.
    expect(toSarif(reports).runs[0]!.results.map((r) => r.partialFingerprints)).toEqual(log.runs[0]!.results.map((r) => r.partialFingerprints));
  });

  it('a 25-Dockerfile command-line run gives one SARIF run that validates', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 25; i++) files[`services/svc-${i}/Dockerfile`] = DOCKERFILE;
    const ws = makeContext(files);
    let out = '';
    const code = await runCli(['--static', '--format', 'sarif', '--category', 'monorepo', 'services/*/Dockerfile'], { stdout: (t) => void (out += t), stderr: () => undefined, isTTY: false, cwd: ws });
    expect(code).toBe(1);
    const log = JSON.parse(out);
    expect(sarifErrors(log)).toEqual([]);
    expect(githubLimitErrors(log)).toEqual([]);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].automationDetails).toEqual({ id: 'monorepo/' });
    expect(new Set(log.runs[0].results.map((r: SarifLikeResult) => r.locations[0]!.physicalLocation.artifactLocation.uri)).size).toBe(25);
  });

  it('would have refused the old shape: one run per Dockerfile is over the limit at 21', () => {
    const perFile = { runs: Array.from({ length: 21 }, (_, i) => ({ ...toSarif([report(`s${i}/Dockerfile`, [])]).runs[0]!, automationDetails: { id: `entrypoint-guard/s${i}/` } })) };
    expect(githubLimitErrors(perFile)).toEqual(['more runs than allowed (21 > 20)']);
  });

  it('takes its category from the workflow file and job in GitHub Actions, stable across runs', () => {
    expect(defaultCategory({ GITHUB_WORKFLOW_REF: 'octo-org/shop/.github/workflows/ci.yml@refs/pull/7/merge', GITHUB_JOB: 'guard' })).toBe('entrypoint-guard:.github/workflows/ci.yml:guard');
    expect(defaultCategory({})).toBe('entrypoint-guard');
  });

  it('fingerprints by the line text, so a finding keeps its identity when lines move', () => {
    const ws = makeContext({ 'services/api/Dockerfile': DOCKERFILE });
    const before = toSarif([report('services/api/Dockerfile', [entrypoint, cmdIgnored])], { sourceRoot: ws }).runs[0]!.results;
    fs.writeFileSync(path.join(ws, 'services/api/Dockerfile'), `# syntax=docker/dockerfile:1\n\n${DOCKERFILE}`);
    const moved = [entrypoint, cmdIgnored].map((f) => ({ ...f, line: f.line + 2, endLine: f.endLine + 2 }));
    const after = toSarif([report('services/api/Dockerfile', moved)], { sourceRoot: ws }).runs[0]!.results;
    expect(after.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).toEqual(before.map((r) => r.partialFingerprints[FINGERPRINT_KEY]));
    expect(after[0]!.locations[0]!.physicalLocation.region.startLine).toBe(6);
    // Different rules on the same line, or the same rule on another line's text, differ.
    expect(new Set(before.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).size).toBe(2);
    const changed = toSarif([report('services/api/Dockerfile', [{ ...entrypoint, line: 5, endLine: 5 }])], { sourceRoot: ws }).runs[0]!.results[0]!;
    expect(changed.partialFingerprints[FINGERPRINT_KEY]).not.toBe(before[0]!.partialFingerprints[FINGERPRINT_KEY]);
  });

  it('tells identical lines apart by their order', () => {
    const twice = [entrypoint, { ...entrypoint, line: 8, endLine: 8 }];
    const ws = makeContext({ 'services/api/Dockerfile': `${DOCKERFILE}FROM x\nWORKDIR /\nENTRYPOINT ./docker-entrypoint.sh\n` });
    const [a, b] = toSarif([report('services/api/Dockerfile', twice)], { sourceRoot: ws }).runs[0]!.results;
    expect(a!.partialFingerprints[FINGERPRINT_KEY]!.split(':')[0]).toBe(b!.partialFingerprints[FINGERPRINT_KEY]!.split(':')[0]);
    expect([a, b].map((r) => r!.partialFingerprints[FINGERPRINT_KEY]!.split(':')[1])).toEqual(['1', '2']);
  });
});

describe('writeSarif', () => {
  it('writes the whole file through a temp file and leaves nothing else behind', () => {
    const dir = makeContext({});
    const target = path.join(dir, 'results', 'eg.sarif');
    writeSarif(target, [report('Dockerfile', [entrypoint])]);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['eg.sarif']);
    expect(sarifErrors(JSON.parse(fs.readFileSync(target, 'utf8')))).toEqual([]);
    // Overwrites in place.
    writeSarif(target, [report('Dockerfile', [])]);
    expect(JSON.parse(fs.readFileSync(target, 'utf8')).runs[0].results).toEqual([]);
  });

  it('fails without leaving a partial file when the target cannot be written', () => {
    const dir = makeContext({ 'taken/keep.txt': 'x' });
    expect(() => writeSarif(path.join(dir, 'taken'), [report('Dockerfile', [entrypoint])])).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.readdirSync(path.join(dir, 'taken'))).toEqual(['keep.txt']);
  });
});
