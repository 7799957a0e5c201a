// Merge rules on hand-written shard reports (no Docker): several Dockerfiles in one merge,
// arrays of reports, static findings once, runtime platforms joined, the config file's
// per-path fail-on re-applied.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { runtimeSkip, type Finding, type PlatformResult, type Report } from '../../src/findings.js';
import { parseJsonReport } from '../report-schema.js';
import { VERSION } from '../../src/version.js';
import { makeContext } from '../helpers.js';

const tool = { name: 'entrypoint-guard', version: VERSION };
const BOTH = ['linux/amd64', 'linux/arm64'];
const row = (platform: string): PlatformResult => ({ platform, build: { ok: true, seconds: 1 }, shutdown: { signal: 'SIGTERM', seconds: 0.2, exitCode: 0, killed: false } });
const f = (rule: string, file: string, line: number, severity: Finding['severity'], platforms?: string[]): Finding => ({
  rule, severity, message: platforms ? `Seen on ${platforms.join(' and ')}.` : 'Static.', fix: 'Fix it.', file, line, endLine: line, column: 1, ...(platforms ? { platforms } : {}),
});
const shard = (dockerfile: string, platform: string, findings: Finding[]) => ({ version: 1, tool, dockerfile, plan: { platforms: BOTH, ran: [platform] }, findings, platforms: [row(platform)] });

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd });
  return { code, out, err };
}

describe('merge of several Dockerfiles', () => {
  it('groups by Dockerfile, joins platforms, dedupes static findings and re-applies per-path fail-on', async () => {
    const dir = makeContext({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.entrypoint-guard.yml': 'paths:\n  "legacy/**": {fail-on: never}\n',
      // One file holding an array (a shard given two Dockerfiles), one object per file otherwise.
      'shards/amd64.json': JSON.stringify([
        shard('api/Dockerfile', 'linux/amd64', [f('shell-form-cmd', 'api/Dockerfile', 2, 'warning'), f('slow-shutdown', 'api/Dockerfile', 2, 'warning', ['linux/amd64'])]),
        shard('legacy/Dockerfile', 'linux/amd64', [f('sigterm-ignored', 'legacy/Dockerfile', 3, 'error', ['linux/amd64'])]),
      ]),
      'shards/api-arm64.json': JSON.stringify(shard('api/Dockerfile', 'linux/arm64', [f('shell-form-cmd', 'api/Dockerfile', 2, 'warning'), f('slow-shutdown', 'api/Dockerfile', 2, 'warning', ['linux/arm64'])])),
      'shards/legacy-arm64.json': JSON.stringify(shard('legacy/Dockerfile', 'linux/arm64', [f('sigterm-ignored', 'legacy/Dockerfile', 3, 'error', ['linux/arm64'])])),
    });
    const files = ['shards/amd64.json', 'shards/api-arm64.json', 'shards/legacy-arm64.json'];
    const r = await cli(['merge', '--format', 'json', ...files], dir);
    // legacy's error is under fail-on: never by the config file; api has warnings only.
    expect(r.code).toBe(0);
    const reports = (JSON.parse(r.out) as { files: { dockerfile: string; findings: Finding[]; platforms: PlatformResult[] }[] }).files;
    expect(reports.map((x) => [x.dockerfile, x.platforms.map((p) => p.platform), x.findings.map((g) => `${g.rule} ${g.platforms?.join(',') ?? 'static'} ${g.message}`)])).toEqual([
      ['api/Dockerfile', BOTH, ['shell-form-cmd static Static.', 'slow-shutdown linux/amd64,linux/arm64 Seen on linux/amd64 and linux/arm64.']],
      ['legacy/Dockerfile', BOTH, ['sigterm-ignored linux/amd64,linux/arm64 Seen on linux/amd64 and linux/arm64.']],
    ]);
    // SARIF: one run for every Dockerfile, in one category.
    const sarif = JSON.parse((await cli(['merge', '--format', 'sarif', ...files], dir)).out);
    expect(sarif.runs.map((run: any) => [run.automationDetails.id, run.results.length])).toEqual([['entrypoint-guard/', 3]]);
    // Without the config file the same error gates.
    fs.rmSync(path.join(dir, '.entrypoint-guard.yml'));
    expect((await cli(['merge', ...files], dir)).code).toBe(1);
  });

  it('carries what ran through the merge: a shard whose runtime was skipped is never silently green', async () => {
    const ran = { static: { ran: true }, runtime: { ran: true, platforms: [{ platform: 'linux/amd64', ran: true }] } };
    const skipped = { static: { ran: true }, runtime: { ran: false, reason: 'no Docker engine answered (connection refused)' } };
    const dir = makeContext({
      'a.json': JSON.stringify({ ...shard('api/Dockerfile', 'linux/amd64', []), checks: ran }),
      'b.json': JSON.stringify({ ...shard('api/Dockerfile', 'linux/arm64', []), platforms: [], checks: skipped }),
    });
    const merged = await cli(['merge', '--format', 'json', 'a.json', 'b.json'], dir);
    expect(merged.code).toBe(0);
    const [report] = parseJsonReport(merged.out);
    expect(report!.checks).toEqual({
      static: { ran: true },
      runtime: { ran: true, platforms: [{ platform: 'linux/amd64', ran: true }, { platform: 'linux/arm64', ran: false, reason: 'no Docker engine answered (connection refused)' }] },
    });
    expect(runtimeSkip(report as unknown as Report)).toBe('api/Dockerfile: runtime checks were required but skipped on linux/arm64 (no Docker engine answered (connection refused))');
    const required = await cli(['merge', '--require-runtime', 'a.json', 'b.json'], dir);
    expect(required.code).toBe(1);
    expect(required.err).toBe('entrypoint-guard: api/Dockerfile: runtime checks were required but skipped on linux/arm64 (no Docker engine answered (connection refused))\n');
    // Static shards on purpose: nothing was skipped.
    const notAsked = { static: { ran: true }, runtime: { ran: false, reason: 'not asked for (static)' } };
    const statics = makeContext({
      'a.json': JSON.stringify({ ...shard('api/Dockerfile', 'linux/amd64', []), platforms: [], checks: notAsked }),
      'b.json': JSON.stringify({ ...shard('api/Dockerfile', 'linux/arm64', []), platforms: [], checks: notAsked }),
    });
    const [s] = parseJsonReport((await cli(['merge', '--format', 'json', 'a.json', 'b.json'], statics)).out);
    expect(s!.checks!.runtime).toEqual({ ran: false, reason: 'not asked for (static)' });
    expect(runtimeSkip(s as unknown as Report)).toBeUndefined();
  });
});
