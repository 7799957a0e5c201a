// Shared helper of the real-engine integration tests: is a Docker engine (with buildx and
// the local registry's base image) here? Without one the suites skip — except in CI, where
// `.ci/run` installs the engine, so a missing one is a bug and fails loudly.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/findings.js';
import { lintDockerfile } from '../../src/lint.js';
import type { DockerfileModel } from '../../src/model/types.js';
import { defaultOptions, type Options } from '../../src/options.js';
import { RUN_LABEL } from '../../src/runtime/cleanup.js';
import { docker, dockerEnv } from '../../src/runtime/docker.js';
import { runRuntime, type RuntimeResult } from '../../src/runtime/index.js';
import { withRuleMeta } from '../../src/runtime-findings.js';

export const BASE_IMAGE = '127.0.0.1:5000/eg-busybox:latest';
export const PLATFORMS = ['linux/amd64', 'linux/arm64'];
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'runtime');

function sh(args: string[], timeout = 20_000): { ok: boolean; out: string } {
  const r = spawnSync('docker', args, { env: dockerEnv(), timeout, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

function probeEngine(): { ok: true } | { ok: false; why: string } {
  const version = sh(['version', '--format', '{{.Server.Version}}']);
  if (!version.ok) return { ok: false, why: `docker version: ${version.out.split('\n').at(-1)}` };
  const buildx = sh(['buildx', 'version']);
  if (!buildx.ok) return { ok: false, why: `docker buildx version: ${buildx.out}` };
  // The fixtures build FROM the local registry's multi-arch base image (Docker Hub is not reachable).
  const base = sh(['buildx', 'imagetools', 'inspect', BASE_IMAGE]);
  if (!base.ok || !/linux\/arm64/.test(base.out)) return { ok: false, why: `${BASE_IMAGE} is not served by the local registry: ${base.out.split('\n')[0]}` };
  return { ok: true };
}

const probed = probeEngine();
export const engineAvailable = probed.ok;
if (!probed.ok && process.env.CI) {
  throw new Error(`CI is set but no usable Docker engine answered (${probed.why}); .ci/run installs one (.ci/setup-engine.sh), so this is a bug, not a reason to skip.`);
}
export const skipReason = probed.ok ? '' : probed.why;

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Options for a fixture: a short grace period; the startup wait is only the bound on readiness (x3 emulated). */
export function fixtureOptions(name: string, overrides: Partial<Options> = {}): Options {
  const dir = fixture(name);
  return {
    ...defaultOptions(dir),
    dockerfile: 'Dockerfile',
    platforms: [...PLATFORMS],
    gracePeriod: 2,
    startupWait: 20,
    runId: `eg-test-${name}-${process.pid}-${Date.now().toString(36)}`,
    ...overrides,
  };
}

export interface FixtureRun {
  model: DockerfileModel;
  staticFindings: Finding[];
  options: Options;
  /** The runtime's result with rule metadata attached, as the engine reports it. */
  runtime: Omit<RuntimeResult, 'hits'> & { findings: Finding[] };
}

/** Lint + runtime phase on a fixture, as the engine does (static findings passed along). */
export async function runFixture(name: string, overrides: Partial<Options> = {}): Promise<FixtureRun> {
  const options = fixtureOptions(name, overrides);
  const lint = lintDockerfile({ dockerfile: options.dockerfile, cwd: options.cwd, buildArgs: options.buildArgs, target: options.target });
  const { hits, ...rest } = await runRuntime(lint.model, options, { staticFindings: lint.findings });
  return { model: lint.model, staticFindings: lint.findings, options, runtime: { ...rest, findings: withRuleMeta(hits) } };
}

/** Containers and images still carrying this run's label (synchronous: not for concurrent tests, it stalls their event loop). */
export function leftovers(runId: string): { containers: string[]; images: string[] } {
  const filter = `label=${RUN_LABEL}=${runId}`;
  const list = (args: string[]) => {
    const r = spawnSync('docker', args, { env: dockerEnv(), timeout: 30_000, encoding: 'utf8' });
    return (r.stdout ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  };
  return { containers: list(['ps', '-aq', '--filter', filter]), images: list(['images', '-q', '--filter', filter]) };
}

/** The same, asynchronous: for tests that run concurrently. */
export async function leftoversAsync(runId: string): Promise<{ containers: string[]; images: string[] }> {
  const filter = `label=${RUN_LABEL}=${runId}`;
  const list = async (args: string[]) => {
    const r = await docker(args, { timeoutMs: 60_000 });
    if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  };
  const [containers, images] = await Promise.all([list(['ps', '-aq', '--filter', filter]), list(['images', '-q', '--filter', filter])]);
  return { containers, images };
}

/**
 * Plain `docker logs --follow` until its output matches: one process per wait, where polling
 * `docker logs` every 250 ms started one docker CLI (and one log read in the engine) after
 * another, which cost a loaded two-core machine more CPU than the services under test.
 * `ended`: the stream closed (the container stopped) before a match.
 */
export function followLogs(id: string, pattern: RegExp, timeoutMs: number): Promise<{ matched: boolean; ended: boolean; text: string }> {
  return new Promise((resolve) => {
    const child = spawn('docker', ['logs', '--follow', id], { env: dockerEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    let done = false;
    const finish = (matched: boolean, ended: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve({ matched, ended, text });
    };
    const timer = setTimeout(() => finish(false, false), timeoutMs);
    const take = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (pattern.test(text)) finish(true, false);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', () => finish(pattern.test(text), true));
    child.on('error', () => finish(false, true));
  });
}
