// The deployed contract end to end on the built CLI (dist/cli.js) and a real engine: the
// compose file beside the Dockerfile is found, its service is probed as compose starts it, and
// the verdict lands on the compose file's line. The worker drains 8 s on SIGTERM; compose
// gives it 5 s (stop_grace_period) before SIGKILL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../../src/runtime/docker.js';
import { makeContext } from '../helpers.js';
import { parseJsonReport, type JsonReportEntry } from '../report-schema.js';
import { engineAvailable, fixture } from './engine.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/runtime/deployed-drain');

describe.skipIf(!engineAvailable)('CLI: the probe as deployed', () => {
  it('compose stop_grace_period 5s for an 8 s drain: grace-period-exceeded at compose.yaml:6, the deployment in the JSON report', () => {
    const dir = makeContext({
      Dockerfile: fs.readFileSync(path.join(FIXTURE, 'Dockerfile'), 'utf8'),
      'worker.py': fs.readFileSync(path.join(FIXTURE, 'worker.py'), 'utf8'),
      'compose.yaml': 'services:\n  worker:\n    build: .\n    environment:\n      DRAIN_SECONDS: "8"\n    stop_grace_period: 5s\n',
    });
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '--platforms', 'linux/amd64', '--grace-period', '10', '--format', 'json', 'Dockerfile'], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status, r.stderr).toBe(1);
    const [report] = parseJsonReport<JsonReportEntry & { platforms: Array<{ shutdown?: unknown; deployments?: unknown[] }> }>(r.stdout);
    const grace = report!.findings.filter((f) => f.rule === 'grace-period-exceeded');
    expect(grace.map((f) => `${f.file}:${f.line}`)).toEqual(['compose.yaml:6']);
    const platform = report!.platforms[0]!;
    // The plain run (the image's own 1 s drain) is clean; the deployed one is judged against compose's 5 s.
    expect(platform.shutdown).toMatchObject({ signal: 'SIGTERM', killed: false });
    expect(platform.deployments).toMatchObject([{ source: 'compose', file: 'compose.yaml', line: 2, container: 'worker', grace: { seconds: 5, exceeded: true } }]);
  }, 300_000);
});

describe.skipIf(!engineAvailable)('CLI: --image with --deploy (release gating on a built image)', () => {
  // A local tag whose repository name (`…/deployed-drain-<id>`) is matched by the manifest's image.
  const repo = `eg-test-deployed-drain-${process.pid}-${randomBytes(3).toString('hex')}`;
  const tag = `${repo}:1.0`;
  beforeAll(async () => {
    const r = await docker(['buildx', 'build', '--progress=quiet', '--platform', 'linux/amd64', '--load', '-t', tag, fixture('deployed-drain')], { timeoutMs: 600_000 });
    if (r.code !== 0) throw new Error(r.stderr);
  }, 600_000);
  afterAll(async () => {
    await docker(['rmi', '-f', tag], { timeoutMs: 60_000 });
  });

  it('the Kubernetes container whose image is the one probed: preStop sleep 20 + a 15 s drain under 30 s', () => {
    const manifest = fs.readFileSync(path.join(FIXTURE, 'k8s.yaml'), 'utf8').replace(/image: \S+/, `image: registry.example.com/team/${tag}`);
    const dir = makeContext({ 'k8s.yaml': manifest });
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '--image', tag, '--platforms', 'linux/amd64', '--deploy', 'k8s.yaml', '--format', 'json'], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status, r.stderr).toBe(1);
    const [report] = parseJsonReport<JsonReportEntry & { platforms: Array<{ deployments?: unknown[] }> }>(r.stdout);
    expect(report!.findings.filter((f) => f.rule === 'grace-period-exceeded').map((f) => `${f.file}:${f.line}`)).toEqual(['k8s.yaml:12']);
    expect(report!.platforms[0]!.deployments).toMatchObject([{ source: 'kubernetes', file: 'k8s.yaml', container: 'worker' }]);
  }, 300_000);
});
