// The Action with runtime checks on a real engine (builds, probes, per-platform summary and
// outputs), and its post step, which removes what a killed main step left behind by run id.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import { RUN_LABEL } from '../../src/runtime/cleanup.js';
import { dockerEnv } from '../../src/runtime/docker.js';
import { engineAvailable, fixture, leftovers, skipReason } from '../runtime/engine.js';
import { findingAnnotations, findingsOf, makeWorkspace, runAction } from './run-action.js';

function docker(args: string[]) {
  return spawnSync('docker', args, { env: dockerEnv(), encoding: 'utf8', timeout: 30_000 });
}

const created: string[] = [];
afterAll(() => {
  if (created.length > 0) docker(['rm', '-f', ...created]);
});

describe('post step without an engine', () => {
  it('does nothing and succeeds without a saved run id', async () => {
    const run = await runAction({ workspace: makeWorkspace({}), script: 'post' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
  });

  it('never fails the job, even when docker cannot be run', async () => {
    const run = await runAction({ workspace: makeWorkspace({}), script: 'post', env: { 'STATE_run-id': 'eg-test-nodocker', PATH: '/nonexistent' } });
    expect(run.code).toBe(0);
    expect(run.commands).toEqual([]);
  });
});

describe.skipIf(!engineAvailable)(`runtime through the Action${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  it('builds and probes each Dockerfile, reports per platform, and saves the run id for the post step', async () => {
    const ws = makeWorkspace({});
    for (const name of ['trap-clean', 'wrapper-no-exec']) fs.cpSync(fixture(name), path.join(ws, 'services', name), { recursive: true });
    const run = await runAction({
      workspace: ws,
      inputs: { dockerfile: 'services/*/Dockerfile', platforms: 'linux/amd64', 'grace-period': '2', 'startup-wait': '1', 'fail-on': 'never' },
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    expect(run.state['run-id']).toMatch(/^eg-[a-z0-9]+-[0-9a-f]{6}$/);

    const shutdown = JSON.parse(run.outputs['shutdown-seconds']!) as Record<string, number>;
    expect(Object.keys(shutdown)).toEqual(['linux/amd64']);
    expect(shutdown['linux/amd64']).toBeGreaterThan(0);
    const report = parseJsonReport(fs.readFileSync(run.outputs.report!, 'utf8'));
    expect(shutdown['linux/amd64']).toBe(Math.max(...report.flatMap((r) => r.platforms.map((p) => p.shutdown?.seconds ?? 0))));

    // The summary's platform table: one row per Dockerfile and platform, with PID 1 and the stop signal.
    const rows = run.summary.split('\n').filter((l) => /^\| services\/[a-z-]+\/Dockerfile \| linux\/amd64 \|/.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/\| ✅ [\d.]+ s \| <code>.+<\/code> \| <code>.+<\/code> \| SIGTERM \| /);

    // Runtime findings carry their platforms, in the annotation title too.
    const runtime = findingsOf(run).filter((f) => f.platforms && f.platforms.length > 0);
    expect(runtime.length).toBeGreaterThan(0);
    for (const f of runtime) {
      const a = findingAnnotations(run).find((x) => x.properties.file === f.file && x.properties.line === String(f.line) && x.properties.title!.startsWith(`${f.rule}: `));
      expect(a?.properties.title, f.rule).toMatch(new RegExp(` \\(${f.platforms!.join(', ')}\\)$`));
    }
    // The main step cleaned up after itself.
    expect(leftovers(run.state['run-id']!)).toEqual({ containers: [], images: [] });

    // A main step killed mid-run leaves a labelled container: the post step removes it, and only it.
    const runId = run.state['run-id']!;
    const mine = docker(['create', '--label', `${RUN_LABEL}=${runId}`, 'eg-busybox:amd64', 'sleep', '60']).stdout.trim();
    const other = docker(['create', '--label', `${RUN_LABEL}=eg-someone-else`, 'eg-busybox:amd64', 'sleep', '60']).stdout.trim();
    created.push(mine, other);
    expect(mine).toMatch(/^[0-9a-f]{64}$/);
    const post = await runAction({ workspace: ws, script: 'post', env: { [`STATE_run-id`]: runId } });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`entrypoint-guard: removed 1 leftover container(s) and 0 image(s) of run ${runId}.`);
    expect(leftovers(runId).containers).toEqual([]);
    expect(docker(['inspect', '--format', '{{.Id}}', other]).stdout.trim()).toBe(other);
  }, 300_000);
});
