// --image without a Dockerfile: findings point at the image reference; SARIF gets a location
// that upload-sarif accepts (a relative URI under %SRCROOT%, line 1) and the schema is met.
import { describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import type { Report } from '../../src/findings.js';
import { runCli } from '../../src/cli.js';
import { formatJson } from '../../src/report/json.js';
import { toSarif } from '../../src/report/sarif.js';
import { sarifErrors } from './sarif-schema.js';

const ref = '127.0.0.1:5000/acme/api:1.4.0';
const report: Report = {
  version: 1,
  dockerfile: ref,
  image: { ref, digest: `sha256:${'a'.repeat(64)}` },
  findings: [
    { rule: 'sigterm-ignored', severity: 'error', message: 'PID 1 ignores SIGTERM.', fix: 'Handle SIGTERM.', file: ref, line: 1, endLine: 1, column: 1, platforms: ['linux/amd64'] },
  ],
  platforms: [{ platform: 'linux/amd64', image: { ref, digest: `sha256:${'b'.repeat(64)}` } }],
};

describe('--image reports', () => {
  it('SARIF: a schema-valid relative location naming the image', () => {
    const log = toSarif([report]);
    expect(sarifErrors(log)).toEqual([]);
    const location = log.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: '127.0.0.1%3A5000/acme/api%3A1.4.0', uriBaseId: '%SRCROOT%' });
    expect(location.region.startLine).toBe(1);
  });

  it('JSON: the image and its digest at the top, each platform with image and no build', () => {
    const json = parseJsonReport<Record<string, unknown>>(formatJson([report]))[0]!;
    expect(Object.keys(json)).toEqual(['version', 'tool', 'dockerfile', 'image', 'findings', 'platforms']);
    expect((json.platforms as Record<string, unknown>[])[0]).toEqual({ platform: 'linux/amd64', image: { ref, digest: `sha256:${'b'.repeat(64)}` } });
  });

  it('--image with --static is one sentence, exit 2', async () => {
    let err = '';
    const code = await runCli(['--image', 'app:dev', '--static'], { stdout: () => undefined, stderr: (t) => void (err += t), isTTY: false, cwd: process.cwd() });
    expect(code).toBe(2);
    expect(err).toBe('entrypoint-guard: --image probes a built image, so it cannot be combined with --static (lint only)\n');
  });
});
