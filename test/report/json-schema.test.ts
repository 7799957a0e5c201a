// The shipped report schema refuses unknown properties: every field the runtime writes into a
// platform's result must be in it, or consumers validating the report reject a real run's output.
import { describe, expect, it } from 'vitest';
import type { PlatformResult, Report } from '../../src/findings.js';
import { formatJson } from '../../src/report/json.js';
import { reportErrors } from '../report-schema.js';

// A platform as the probe writes it after the after-readiness checks (src/runtime/index.ts).
const probed: PlatformResult = {
  platform: 'linux/amd64',
  build: { ok: true, seconds: 12.3 },
  emulated: false,
  startCommand: ['nginx', '-g', 'daemon off;'],
  pid1: 'nginx: master process nginx -g daemon off;',
  ready: { by: 'cmd', seconds: 1.2, detail: '--ready-cmd `test -f /tmp/ready` exited 0' },
  health: { status: 'missing', exitCode: 127, runs: 1, seconds: 0.1 },
  zombies: { reaped: false, seconds: 0.2 },
  shutdown: { signal: 'SIGTERM', seconds: 0.1, exitCode: 0, killed: false },
};
const report = (platforms: unknown[]): unknown => JSON.parse(formatJson([{ version: 1, dockerfile: 'Dockerfile', findings: [], platforms } as Report]));

describe('report schema: the after-readiness checks', () => {
  it('takes health, zombies and ready.by cmd', () => {
    expect(reportErrors(report([probed, { ...probed, platform: 'linux/arm64', health: { status: 'unjudged', exitCode: null, runs: 3, seconds: 5 } }]))).toEqual([]);
  });

  it('refuses a health status or a zombies field it does not know (near misses)', () => {
    expect(reportErrors(report([{ ...probed, health: { ...probed.health, status: 'starting' } }])).join('\n')).toMatch(/\/health\/status/);
    expect(reportErrors(report([{ ...probed, zombies: { ...probed.zombies, count: 1 } }])).join('\n')).toMatch(/\/zombies/);
  });
});

describe('report schema: --probe-http and --ready-http', () => {
  const drained: PlatformResult = {
    ...probed,
    ready: { by: 'http', seconds: 0.8, detail: 'GET /healthz on port 8000 answered 200' },
    http: { path: '/healthz', port: 8000, via: 'nsenter', before: 200, held: 'answered', status: 200, detail: 'answered 200 after SIGTERM' },
  };
  it('takes http (answered, dropped without a status) and ready.by http', () => {
    const dropped = { ...drained, platform: 'linux/arm64', http: { path: '/', port: 8080, via: 'helper', before: 200, held: 'dropped', detail: 'reset the connection without an answer' } };
    expect(reportErrors(report([drained, dropped]))).toEqual([]);
  });
  it('refuses a held state, a way in or a field it does not know (near misses)', () => {
    expect(reportErrors(report([{ ...drained, http: { ...drained.http, held: 'maybe' } }])).join('\n')).toMatch(/\/http\/held/);
    expect(reportErrors(report([{ ...drained, http: { ...drained.http, via: 'ssh' } }])).join('\n')).toMatch(/\/http\/via/);
    expect(reportErrors(report([{ ...drained, http: { ...drained.http, retries: 2 } }])).join('\n')).toMatch(/\/http/);
  });
});
