// A run interrupted while it probes a deployment leaves nothing behind: the runtime (bundled from
// src/ with esbuild, as dist/ is) runs in a child process with one compose deployment whose
// worker drains for 30 s, and gets SIGTERM once the deployed container is running. Real engine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../src/model/deployment.js';
import { docker } from '../../src/runtime/docker.js';
import { engineAvailable, fixture, leftoversAsync } from './engine.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-deployed-cancel-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The child: lint the fixture, set its deployments, runRuntime on linux/amd64. */
const ENTRY = `
import { lintDockerfile } from './src/lint.ts';
import { runRuntime } from './src/runtime/index.ts';
import { defaultOptions } from './src/options.ts';
const cfg = JSON.parse(process.argv[2]);
const options = { ...defaultOptions(cfg.dir), dockerfile: 'Dockerfile', platforms: ['linux/amd64'], gracePeriod: 10, startupWait: 30, runId: cfg.runId };
const lint = lintDockerfile({ dockerfile: 'Dockerfile', cwd: cfg.dir });
lint.model.deployments = cfg.deployments;
await runRuntime(lint.model, options, { staticFindings: lint.findings });
process.stdout.write('finished\\n');
`;

/** compose.yaml-like: the worker with a marker argument (so its container is told apart) and a 30 s drain. */
const slowWorker: Deployment = {
  kind: 'compose', file: 'compose.yaml', line: 2, name: 'worker',
  command: { value: ['python3', '-u', '/app/worker.py', 'deployed-marker'], line: 4 },
  env: [{ name: 'DRAIN_SECONDS', value: '30', line: 5 }], skippedEnv: [],
  grace: { seconds: 60, line: 6 },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!engineAvailable)('the probe as deployed, interrupted', () => {
  it('SIGTERM while the deployed container runs: exit 143, no container or image of the run left', async () => {
    const bundle = path.join(tmp, 'deployed-child.mjs');
    await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'deployed-child.ts', loader: 'ts' },
      outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error',
      banner: { js: "import { createRequire as __egCreateRequire } from 'node:module'; const require = __egCreateRequire(import.meta.url);" },
    });
    const runId = `eg-test-deployed-cancel-${process.pid}-${Date.now().toString(36)}`;
    const child = spawn(process.execPath, [bundle, JSON.stringify({ dir: fixture('deployed-drain'), runId, deployments: [slowWorker] })], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + os.constants.signals[signal] : null))));

    // Wait for the deployed run's container (its marker argument) to be running, then interrupt.
    let seen = false;
    for (let i = 0; i < 600 && !seen; i++) {
      const ps = await docker(['ps', '--no-trunc', '--filter', `label=entrypoint-guard.run=${runId}`, '--format', '{{.Command}}'], { timeoutMs: 30_000 });
      seen = /deployed-marker/.test(ps.stdout);
      if (!seen) await sleep(200);
    }
    expect(seen, `the deployed container never ran: ${stderr}`).toBe(true);
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(143);
    expect(stdout).not.toContain('finished');
    expect(await leftoversAsync(runId)).toEqual({ containers: [], images: [] });
  }, 240_000);
});
