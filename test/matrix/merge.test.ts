// Merge of real shard reports: the bundled CLI analyses one Dockerfile on linux/amd64 and on
// linux/arm64 as two matrix shards would (--platforms P --plan-platforms both --format json),
// and once unsharded; `merge` of the shards must say what the unsharded run says (findings,
// platforms, SARIF). Then a missing shard, a report of another version, an unreadable file, and
// the Action's plan / report-only / reports inputs against the fake GitHub API.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import type { Finding, Report } from '../../src/findings.js';
import { VERSION } from '../../src/version.js';
import { FakeGitHub } from '../github/fake-github.js';
import { runAction } from '../github/run-action.js';
import { expectCleanError, runCli } from '../hostile/run.js';
import { makeContext } from '../helpers.js';

const DOCKERFILE = 'services/web/Dockerfile';
const BOTH = 'linux/amd64,linux/arm64';
// A static finding (shell-form-cmd) and a runtime one on both platforms (sigterm-ignored: `sleep` is PID 1).
// BusyBox ash execs `sleep`, which ignores SIGTERM as PID 1 and never reaps an orphan: a runtime finding of each kind.
const FILES = { [DOCKERFILE]: 'FROM 127.0.0.1:5000/eg-busybox:latest\nCMD sleep 60\n', 'services/web/.dockerignore': '*\n!Dockerfile\n' };
const RUN = ['--grace-period', '2', '--startup-wait', '10'];

let ws = '';
const shardFile = (p: string) => path.join(ws, 'shards', `${p.replace('/', '-')}.json`);
let unsharded: { code: number | null; report: Report };

beforeAll(async () => {
  ws = makeContext(FILES);
  fs.mkdirSync(path.join(ws, 'shards'));
  // The two shards run at once, as matrix jobs do; then the same Dockerfile unsharded.
  const shards = await Promise.all(
    ['linux/amd64', 'linux/arm64'].map((p) => runCli([...RUN, '--platforms', p, '--plan-platforms', BOTH, '--format', 'json', '--output', shardFile(p), DOCKERFILE], { cwd: ws, timeoutMs: 240_000 })),
  );
  for (const s of shards) expect(s.code, s.stderr).toBe(1);
  const one = await runCli([...RUN, '--platforms', BOTH, '--format', 'json', '--output', 'unsharded.json', DOCKERFILE], { cwd: ws, timeoutMs: 240_000 });
  const report = parseJsonReport<Report>(fs.readFileSync(path.join(ws, 'unsharded.json'), 'utf8'))[0]!;
  unsharded = { code: one.code, report };
}, 600_000);

const shape = (f: Finding) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, endLine: f.endLine, column: f.column, platforms: f.platforms, message: f.message, fix: f.fix });

describe('entrypoint-guard merge of real shards', () => {
  it('gives the findings, platforms and SARIF of one unsharded run', async () => {
    const shards = ['linux/amd64', 'linux/arm64'].map((p) => parseJsonReport<Report & { tool: unknown; plan: unknown }>(fs.readFileSync(shardFile(p), 'utf8'))[0]!);
    expect(shards.map((s) => [s.tool, s.plan, s.platforms.map((p) => p.platform)])).toEqual([
      [{ name: 'entrypoint-guard', version: VERSION }, { platforms: ['linux/amd64', 'linux/arm64'], ran: ['linux/amd64'] }, ['linux/amd64']],
      [{ name: 'entrypoint-guard', version: VERSION }, { platforms: ['linux/amd64', 'linux/arm64'], ran: ['linux/arm64'] }, ['linux/arm64']],
    ]);
    const merged = await runCli(['merge', '--format', 'json', shardFile('linux/amd64'), shardFile('linux/arm64')], { cwd: ws });
    expect(merged.code).toBe(unsharded.code);
    const report = parseJsonReport<Report>(merged.stdout)[0]!;
    expect(report.dockerfile).toBe(unsharded.report.dockerfile);
    const timed = (f: Finding) => f.rule !== 'zombies-not-reaped';
    expect(report.findings.filter(timed).map(shape)).toEqual(unsharded.report.findings.filter(timed).map(shape));
    // zombies-not-reaped (sleep as PID 1 never reaps) has tests of its own: its timing under load is not this test's subject.
    expect(report.findings.filter((f) => f.rule !== 'zombies-not-reaped').map((f) => `${f.rule} ${f.platforms?.join(',') ?? 'static'}`)).toEqual(['sigterm-ignored linux/amd64,linux/arm64', 'shell-form-cmd static']);
    // The platform table joined: each platform's own row, in the planned order.
    expect(report.platforms.map((p) => [p.platform, p.build!.ok, p.pid1, p.shutdown?.killed])).toEqual(unsharded.report.platforms.map((p) => [p.platform, p.build!.ok, p.pid1, p.shutdown?.killed]));

    // SARIF: the merge's against the unsharded run's (the unsharded JSON through the same formatter).
    const sarifOf = async (files: string[]) => JSON.parse((await runCli(['merge', '--format', 'sarif', ...files], { cwd: ws })).stdout);
    const unshardedShard = path.join(ws, 'unsharded-as-shard.json');
    fs.writeFileSync(unshardedShard, fs.readFileSync(path.join(ws, 'unsharded.json')));
    const a = await sarifOf([shardFile('linux/amd64'), shardFile('linux/arm64')]);
    const b = await sarifOf([unshardedShard]);
    expect(a.runs).toHaveLength(1);
    expect(a.runs[0].automationDetails).toEqual({ id: 'entrypoint-guard/' });
    // Less zombies-not-reaped, as above: whether each run's orphan check could tell under load is not this test's subject.
    // (ruleIndex follows the order rules first appear in: each result's index is checked to name its own rule, then left out.)
    const untimed = (r: any) => {
      for (const x of r.results) expect(r.tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
      const results = r.results.filter((x: any) => x.ruleId !== 'zombies-not-reaped').map(({ ruleIndex: _i, ...x }: any) => x);
      return [r.automationDetails, results, r.tool.driver.rules.filter((x: any) => x.id !== 'zombies-not-reaped')];
    };
    expect(a.runs.map(untimed)).toEqual(b.runs.map(untimed));
    expect(a.runs[0].results.map((x: any) => x.ruleId)).toEqual(expect.arrayContaining(['sigterm-ignored', 'shell-form-cmd']));
  });

  it('reports a missing shard as shard-missing (never a pass), even at a fail-on the findings pass', async () => {
    const r = await runCli(['merge', '--format', 'json', '--fail-on', 'never', shardFile('linux/amd64')], { cwd: ws });
    const report = parseJsonReport<Report>(r.stdout)[0]!;
    const missing = report.findings.find((f) => f.rule === 'shard-missing');
    expect(missing).toMatchObject({ severity: 'error', file: DOCKERFILE, line: 1, platforms: ['linux/arm64'] });
    expect(report.platforms.map((p) => [p.platform, p.skipped])).toEqual([['linux/amd64', undefined], ['linux/arm64', 'shard missing: no report from its matrix job']]);
    expect(r.stderr).toMatch(/shard report for linux\/arm64 is missing/);
    const gated = await runCli(['merge', '--fail-on', 'error', shardFile('linux/amd64')], { cwd: ws });
    expect(gated.code).toBe(1);
    expect(gated.stdout).toMatch(/shard-missing \[linux\/arm64\]/);
  });

  it('refuses a report of another version, and an unreadable one, with one line (exit 2)', async () => {
    const old = path.join(ws, 'old.json');
    fs.writeFileSync(old, fs.readFileSync(shardFile('linux/arm64'), 'utf8').replaceAll(`"version": "${VERSION}"`, '"version": "0.0.1"'));
    expectCleanError(await runCli(['merge', shardFile('linux/amd64'), old], { cwd: ws }), new RegExp(`old\\.json was written by entrypoint-guard 0\\.0\\.1, this is ${VERSION.replace(/\./g, '\\.')}`));
    const cut = path.join(ws, 'cut.json');
    fs.writeFileSync(cut, '{"version": 1, "dock');
    expectCleanError(await runCli(['merge', shardFile('linux/amd64'), cut], { cwd: ws }), /cut\.json is not JSON/);
    expectCleanError(await runCli(['merge', 'nowhere.json'], { cwd: ws }), /nowhere\.json does not exist/);
  });
});

describe('the Action in a matrix workflow', () => {
  let gh: FakeGitHub;
  beforeAll(async () => {
    gh = new FakeGitHub();
    await gh.start();
  });
  afterAll(async () => {
    await gh.stop();
  });

  it('plan: true prints the matrix; report-only publishes nothing; reports: publishes one check run and one SARIF run', async () => {
    const planned = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { plan: 'true', dockerfile: 'services/*/Dockerfile' } });
    expect(planned.code, planned.stdout).toBe(0);
    expect(JSON.parse(planned.outputs.matrix!).include.map((e: any) => [e.dockerfile, e.platform, e.runner])).toEqual([
      [DOCKERFILE, 'linux/amd64', 'ubuntu-24.04'],
      [DOCKERFILE, 'linux/arm64', 'ubuntu-24.04-arm'],
    ]);

    // A shard (static here: the runtime is covered above) with every channel asked for: none is used.
    const shard = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { 'report-only': 'true', static: 'true', dockerfile: DOCKERFILE, platforms: 'linux/amd64', 'plan-platforms': BOTH, 'check-run': 'true', review: 'true' } });
    expect(shard.code, shard.stdout).toBe(0);
    expect(gh.requests).toEqual([]);
    expect(shard.summary).toBe('');
    expect(shard.annotations).toEqual([]);
    expect(parseJsonReport<Report>(fs.readFileSync(shard.outputs.report!, 'utf8'))[0]!.plan).toEqual({ platforms: ['linux/amd64', 'linux/arm64'], ran: ['linux/amd64'] });
    // A static shard covers its platform (no platform row, and not shard-missing); the other one is missing.
    fs.copyFileSync(shard.outputs.report!, path.join(ws, 'static-shard.json'));
    const staticMerge = await runCli(['merge', '--format', 'json', 'static-shard.json'], { cwd: ws });
    expect(parseJsonReport<Report>(staticMerge.stdout)[0]!.findings.filter((f: Finding) => f.rule === 'shard-missing').map((f: Finding) => f.platforms)).toEqual([['linux/arm64']]);

    const merged = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { reports: 'shards/*.json', 'check-run': 'true', 'sarif-file': 'eg.sarif' } });
    expect(merged.code).toBe(1);
    expect(merged.outputs.result).toBe('fail');
    const checkRuns = gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs'));
    expect(checkRuns).toHaveLength(1);
    expect(checkRuns[0]!.body.conclusion).toBe('failure');
    expect(JSON.parse(merged.outputs.findings!).filter((f: Finding) => f.rule !== 'zombies-not-reaped').map((f: Finding) => `${f.rule} ${f.platforms?.join(',') ?? 'static'}`)).toEqual(['sigterm-ignored linux/amd64,linux/arm64', 'shell-form-cmd static']);
    expect(merged.summary).toContain('linux/arm64');
    const sarif = JSON.parse(fs.readFileSync(path.join(ws, 'eg.sarif'), 'utf8'));
    expect(sarif.runs.map((r: any) => r.automationDetails.id)).toEqual(['entrypoint-guard/']);

    const none = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { reports: 'nothing/*.json' } });
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/reports pattern "nothing\/\*\.json" matches no file/);
  });

  it("plans only the Dockerfiles whose start chain the pull request changes", async () => {
    const ws = makeContext({
      'services/api/Dockerfile': 'FROM 127.0.0.1:5000/eg-busybox:latest\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      'services/api/entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
      'services/web/Dockerfile': 'FROM 127.0.0.1:5000/eg-busybox:latest\nCMD ["httpd", "-f"]\n',
    });
    gh.files = [{ filename: 'services/api/entrypoint.sh', status: 'modified', patch: '@@ -1,2 +1,2 @@\n #!/bin/sh\n-exec $@\n+exec "$@"' }];
    const run = await runAction({ workspace: ws, apiUrl: gh.url, inputs: { plan: 'true', dockerfile: 'services/*/Dockerfile', 'filter-mode': 'file', platforms: 'linux/arm64', runners: 'linux/arm64=arm-large' } });
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.matrix!)).toEqual({
      include: [{ dockerfile: 'services/api/Dockerfile', context: 'services/api', platform: 'linux/arm64', runner: 'arm-large', report: 'services-api-dockerfile--linux-arm64', platforms: 'linux/arm64' }],
    });
  });
});
