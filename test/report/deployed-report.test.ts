// The probe as deployed in every channel: a platform's deployments (compose worker SIGKILLed at
// its 5 s stop_grace_period) next to the plain `docker run` verdict in the text report, the
// job summary's platform table, the SARIF run's notes and the JSON report (against the schema).
import { describe, expect, it } from 'vitest';
import type { DeploymentResult, PlatformResult, Report } from '../../src/findings.js';
import { platformTable } from '../../src/github/summary.js';
import { formatJson } from '../../src/report/json.js';
import { toSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { reportErrors } from '../report-schema.js';

const worker: DeploymentResult = {
  source: 'compose', file: 'compose.yaml', line: 2, container: 'worker',
  startCommand: ['python3', '-u', '/app/worker.py'],
  pid1: 'python3 -u /app/worker.py', pid1Argv: ['python3', '-u', '/app/worker.py'],
  ready: { by: 'quiet', seconds: 1.8, detail: 'process tree idle for 1 s' },
  shutdown: { signal: 'SIGTERM', seconds: 8.28, exitCode: 0, killed: false },
  grace: { seconds: 5, needed: 8.28, exceeded: true },
};
const api: DeploymentResult = {
  source: 'kubernetes', file: 'k8s/api.yaml', line: 41, container: 'api', workload: 'Deployment/api',
  startCommand: ['sh', '-c', 'npm run migrate && npm start'], skippedEnv: ['DATABASE_URL'],
  shutdown: { signal: 'SIGTERM', seconds: 30, exitCode: 137, killed: true },
  grace: { seconds: 30, default: true, preStop: 5, needed: 35, exceeded: true },
};
const platform: PlatformResult = {
  platform: 'linux/amd64', build: { ok: true, seconds: 2.2 }, startCommand: ['python3', '-u', '/app/worker.py'], pid1: 'python3 -u /app/worker.py',
  shutdown: { signal: 'SIGTERM', seconds: 1.29, exitCode: 0, killed: false },
  deployments: [worker, api],
};
const report: Report = {
  version: 1, dockerfile: 'Dockerfile', platforms: [platform], notes: [],
  findings: [{ rule: 'grace-period-exceeded', severity: 'error', message: 'On linux/amd64 the compose service `worker` needs longer to stop than its grace period.', fix: 'Raise stop_grace_period.', file: 'compose.yaml', line: 6, endLine: 6, column: 1, platforms: ['linux/amd64'] }],
};

describe('deployed runs in the reports', () => {
  it('text: each deployment under its platform, with the grace verdict', () => {
    const lines = formatText([report], 'error').split('\n');
    const at = lines.findIndex((l) => l.startsWith('  linux/amd64'));
    expect(lines[at]).toContain('SIGTERM -> exit 0 in 1.29s');
    expect(lines[at + 1]).toMatch(/^\s+as deployed: compose\.yaml:2 \(compose service worker\)  PID 1: python3 -u \/app\/worker\.py  SIGTERM -> exit 0 in 8\.28s  grace 5 s: needs 8\.3 s, EXCEEDED \(SIGKILLed as deployed\)$/);
    expect(lines[at + 2]).toContain('as deployed: k8s/api.yaml:41 (Kubernetes container api of Deployment/api)');
    expect(lines[at + 2]).toContain('grace 30 s (default), preStop 5 s: EXCEEDED (still running 30.0 s after SIGTERM)');
    expect(lines[at + 2]).toContain('env not passed: DATABASE_URL');
  });

  it('summary: a row per deployment after the platform\'s', () => {
    const rows = platformTable([report]).split('\n');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toMatch(/^\| linux\/amd64 \| ✅ 2\.2 s/);
    expect(rows[3]).toContain('linux/amd64<br>as deployed: compose.yaml:2 (compose service worker)');
    expect(rows[3]).toContain('8.28 s<br>❌ grace 5 s: needs 8.3 s, EXCEEDED');
    expect(rows[4]).toContain('❌ SIGKILLed after 30.00 s');
  });

  it('SARIF: the finding at the manifest line, each deployed verdict as a run note', () => {
    const run = toSarif([report], { sourceRoot: '/nonexistent' }).runs[0]!;
    expect(run.results[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'compose.yaml' }, region: { startLine: 6 } });
    const notes = run.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text);
    expect(notes).toContain('linux/amd64, as deployed: compose.yaml:2 (compose service worker)  PID 1: python3 -u /app/worker.py  SIGTERM -> exit 0 in 8.28s  grace 5 s: needs 8.3 s, EXCEEDED (SIGKILLed as deployed).');
  });

  it('JSON: platforms[].deployments validate; an unknown field or source does not', () => {
    const json = (d: unknown) => JSON.parse(formatJson([{ ...report, platforms: [{ ...platform, deployments: [d as DeploymentResult] }] }]));
    expect(reportErrors(json(worker))).toEqual([]);
    expect(reportErrors(json(api))).toEqual([]);
    expect(reportErrors(json({ ...worker, source: 'nomad' })).join('\n')).toMatch(/deployments\/0\/source/);
    expect(reportErrors(json({ ...worker, grace: { ...worker.grace, budget: 3 } })).join('\n')).toMatch(/deployments\/0\/grace/);
  });
});
