// Nothing the tool starts outlives it: the runtime pipeline through the built CLI (real engine,
// linux/amd64) against images that fail to build, crash, hang on start or ignore SIGTERM, and
// while the CLI itself is interrupted (SIGINT / SIGTERM during the build, the smoke checks and
// the probe). Afterwards no container, image, tag, temp file or docker process of the run remains.
//
// Each scenario's Dockerfile carries a unique LABEL: images inherit it and containers inherit
// their image's labels, so this run's resources are told apart from those of tests running
// concurrently; the tool's run id (label entrypoint-guard.run, tags entrypoint-guard/<run id>…)
// is read off them while the run is in progress.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import { RUN_LABEL } from '../../src/runtime/cleanup.js';
import { docker as dockerCall } from '../../src/runtime/docker.js';
import { BASE_IMAGE, engineAvailable, skipReason } from '../runtime/engine.js';
import { CLI, cliEnv, tempDir, writeFiles } from './run.js';

const TEST_LABEL = 'entrypoint-guard.leak-test';

/** docker, asynchronously (the scenarios run concurrently: a synchronous call would stall the others). */
async function docker(args: string[]): Promise<string[]> {
  const r = await dockerCall(args, { timeoutMs: 60_000 });
  return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Scenario {
  dockerfile: string;
  files?: Record<string, string>;
  args?: string[];
  /** Send this signal to the CLI once `when` says the phase has started. */
  interrupt?: { signal: NodeJS.Signals; when: (probe: RunProbe) => boolean };
}

interface RunProbe {
  /** Containers of this scenario (running or not), with their names. */
  containers: { id: string; name: string; state: string; runId: string }[];
  /** A `docker buildx build` of this scenario's context is running. */
  building: boolean;
  /** Run ids seen on the docker command lines (`--label entrypoint-guard.run=<id>`). */
  runIds: string[];
  /** The smoke checks' debug-path check (an exec of `/bin/sh -c 'test -x "$1"' …`) is running in one of this scenario's containers. */
  debugPathCheck: boolean;
}

interface LeakReport {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  interrupted: boolean;
  runIds: string[];
  containers: string[];
  images: string[];
  tags: string[];
  tempEntries: string[];
  /** docker processes for this context still alive 5 s after the CLI exited. */
  strayProcesses: string[];
}

/** Processes whose command line names the context folder (the docker commands the CLI started). */
async function processesFor(context: string): Promise<string[]> {
  const out = await new Promise<string>((resolve) => execFile('ps', ['-eo', 'pid=,args='], { maxBuffer: 16 * 1024 * 1024 }, (_err, stdout) => resolve(stdout ?? '')));
  return out.split('\n').filter((l) => l.includes(context) && /docker/.test(l) && !l.includes(CLI));
}

async function probeRun(label: string, context: string): Promise<RunProbe> {
  const [procs, rows] = await Promise.all([
    processesFor(context),
    docker(['ps', '-a', '--filter', `label=${TEST_LABEL}=${label}`, '--format', `{{.ID}} {{.Names}} {{.State}} {{.Label "${RUN_LABEL}"}}`]),
  ]);
  const containers = rows.map((r) => {
    const [id, name, state, runId] = r.split(' ');
    return { id: id!, name: name ?? '', state: state ?? '', runId: runId ?? '' };
  });
  const all = await new Promise<string>((resolve) => execFile('ps', ['-eo', 'pid=,args='], { maxBuffer: 16 * 1024 * 1024 }, (_err, stdout) => resolve(stdout ?? '')));
  // The check's own shell, seen from the host inside one of this scenario's containers (its
  // cgroup names the container): an exec over the Engine API has no `docker exec` process.
  const inContainer = (pid: string) => {
    try {
      const cgroup = fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8');
      return containers.some((c) => c.id !== '' && cgroup.includes(c.id));
    } catch {
      return false;
    }
  };
  const debugPathCheck = all.split('\n').some((l) => {
    const m = /^\s*(\d+)\s+(.*)$/.exec(l);
    return m !== null && /test -x/.test(m[2]!) && (/docker exec/.test(m[2]!) ? containers.some((c) => c.id !== '' && m[2]!.includes(c.id)) : inContainer(m[1]!));
  });
  return {
    containers,
    debugPathCheck,
    building: procs.some((l) => /buildx build/.test(l)),
    runIds: procs.flatMap((l) => [...l.matchAll(/entrypoint-guard\.run=(\S+)/g)].map((m) => m[1]!)),
  };
}

async function runScenario(name: string, s: Scenario): Promise<LeakReport> {
  const label = `${name}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const root = tempDir(`eg-leak-${name}-`);
  const context = path.join(root, 'ctx');
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp);
  writeFiles(context, { Dockerfile: s.dockerfile.replace('{{LABEL}}', `LABEL ${TEST_LABEL}=${label}`), ...s.files });
  const args = [CLI, '--platforms', 'linux/amd64', '--startup-wait', '1', '--grace-period', '1', '--format', 'json', ...(s.args ?? []), 'Dockerfile'];
  // A private TMPDIR: anything left in it afterwards was left by the run.
  const child = spawn(process.execPath, args, { cwd: context, env: cliEnv({ TMPDIR: tmp }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, sig) => resolve([c, sig])));
  let done = false;
  void exited.then(() => (done = true));
  const killer = setTimeout(() => child.kill('SIGKILL'), 150_000);

  const started = Date.now();
  const runIds = new Set<string>();
  const tags = new Set<string>();
  let interrupted = false;
  while (!done) {
    const probe = await probeRun(label, context);
    for (const c of probe.containers) if (c.runId) runIds.add(c.runId);
    for (const id of probe.runIds) runIds.add(id);
    for (const t of await docker(['images', '--filter', `label=${TEST_LABEL}=${label}`, '--format', '{{.Repository}}:{{.Tag}} {{.ID}}'])) tags.add(t.split(' ')[0]!);
    if (s.interrupt && !interrupted && s.interrupt.when(probe)) {
      child.kill(s.interrupt.signal);
      interrupted = true;
    }
    await sleep(100);
  }
  const [code, signal] = await exited;
  clearTimeout(killer);
  const ms = Date.now() - started;

  // Anything the CLI started must be gone with it; give the engine a moment to settle.
  await sleep(5_000);
  const strayProcesses = await processesFor(context);
  // If something is still running (a build that will --load later), wait for it to end, so the
  // image it leaves behind is counted too.
  for (let waited = 0; (await processesFor(context)).length > 0 && waited < 120_000; waited += 1_000) await sleep(1_000);

  const containers = await docker(['ps', '-aq', '--filter', `label=${TEST_LABEL}=${label}`]);
  const images = await docker(['images', '-q', '--filter', `label=${TEST_LABEL}=${label}`]);
  for (const runId of runIds) {
    containers.push(...(await docker(['ps', '-aq', '--filter', `label=${RUN_LABEL}=${runId}`])));
    images.push(...(await docker(['images', '-q', '--filter', `label=${RUN_LABEL}=${runId}`])));
    images.push(...(await docker(['images', '-q', '--filter', `reference=entrypoint-guard/${runId}*`])));
  }
  const leftTags: string[] = [];
  for (const t of tags) if ((await docker(['images', '-q', t])).length > 0) leftTags.push(t);
  // Clean up after a failing run so one leak does not pile up on the machine.
  if (containers.length > 0) await docker(['rm', '-f', ...new Set(containers)]);
  if (images.length > 0) await docker(['rmi', '-f', ...new Set(images)]);
  console.info(`leaks/${name}: exit ${code ?? signal} after ${(ms / 1000).toFixed(1)} s${interrupted ? ` (${s.interrupt!.signal} sent)` : ''}; run ids ${[...runIds].join(',') || '-'}; left: ${containers.length} containers, ${images.length} images, ${strayProcesses.length} processes`);
  return {
    code,
    signal,
    stdout,
    stderr,
    interrupted,
    runIds: [...runIds],
    containers: [...new Set(containers)],
    images: [...new Set(images)],
    tags: leftTags,
    tempEntries: fs.readdirSync(tmp),
    strayProcesses,
  };
}

function expectNoLeaks(r: LeakReport): void {
  const where = `exit ${r.code ?? r.signal}; stderr: ${r.stderr.slice(0, 400)}`;
  expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
  expect(r.strayProcesses, `docker processes outlived the CLI (${where})`).toEqual([]);
  expect(r.containers, `containers left behind (${where})`).toEqual([]);
  expect(r.images, `images left behind (${where})`).toEqual([]);
  expect(r.tags, `tags left behind (${where})`).toEqual([]);
  expect(r.tempEntries, `temp files left in TMPDIR (${where})`).toEqual([]);
}

function report(r: LeakReport): { findings: { rule: string }[] } {
  return parseJsonReport(r.stdout)[0]!;
}

const FROM = `FROM ${BASE_IMAGE}\n{{LABEL}}`;
/** /bin/sh that takes 4 s to start: the smoke checks' debug-path run becomes a phase one can hit. */
const SLOW_SH = 'RUN rm /bin/sh && printf \'#!/bin/busybox sh\\nsleep 4\\nexec /bin/busybox sh "$@"\\n\' > /bin/sh && chmod 755 /bin/sh';
const SERVICE = 'CMD ["sh", "-c", "trap \'exit 0\' TERM; while :; do sleep 0.2; done"]';

describe.skipIf(!engineAvailable)(`leaks: nothing outlives a run${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  it.concurrent('an image that fails to build', async () => {
    const r = await runScenario('build-fails', { dockerfile: `${FROM}\nRUN echo building && exit 3\n${SERVICE}\n` });
    expect(report(r).findings.map((f) => f.rule)).toContain('build-failed');
    expectNoLeaks(r);
  }, 200_000);

  it.concurrent('an image that crashes on start', async () => {
    const r = await runScenario('crashes', { dockerfile: `${FROM}\nCMD ["sh", "-c", "echo boom >&2; exit 3"]\n` });
    expect(report(r).findings.map((f) => f.rule)).toContain('exited-on-start');
    expectNoLeaks(r);
  }, 200_000);

  it.concurrent('an image that hangs on start (never logs the ready line) and ignores SIGTERM', async () => {
    const r = await runScenario('hangs', {
      dockerfile: `${FROM}\nCMD ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"]\n`,
      args: ['--ready-log', 'never-printed'],
    });
    expect(report(r).findings.map((f) => f.rule)).toContain('sigterm-ignored');
    expectNoLeaks(r);
  }, 200_000);

  const phases: { phase: string; dockerfile: string; when: (p: RunProbe) => boolean }[] = [
    { phase: 'build', dockerfile: `${FROM}\nRUN sleep 20\n${SERVICE}\n`, when: (p) => p.building },
    // The smoke checks run beside the probe: their debug-path check is a `docker exec` in the
    // probe's container, held 4 s by the slow /bin/sh (or a smoke container of their own).
    { phase: 'smoke checks', dockerfile: `${FROM}\n${SLOW_SH}\n${SERVICE}\n`, when: (p) => p.debugPathCheck || p.containers.some((c) => /smoke/.test(c.name) && c.state === 'running') },
    // The probe container is the one running (the smoke checks' file reads only `docker create`).
    { phase: 'probe', dockerfile: `${FROM}\n${SERVICE}\n`, when: (p) => p.containers.some((c) => c.state === 'running' && !/smoke/.test(c.name)) },
  ];
  for (const { phase, dockerfile, when } of phases) {
    // A ready line that never comes holds the probe for the whole 6 s: quiet-tree readiness
    // would end it after about 1 s, too short a phase to interrupt reliably.
    // SIGHUP (a closed terminal, a cancelled runner) and SIGQUIT (Ctrl-backslash) clean up as SIGINT and SIGTERM do.
    const signals = phase === 'smoke checks' ? (['SIGINT', 'SIGTERM'] as const) : (['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const);
    for (const signal of signals) {
      it.concurrent(`${signal} to the CLI during the ${phase}`, async () => {
        const r = await runScenario(`${signal.toLowerCase()}-${phase.split(' ')[0]}`, { dockerfile, args: ['--startup-wait', '6', '--ready-log', 'never-printed'], interrupt: { signal, when } });
        expect(r.interrupted, `the ${phase} phase was never seen`).toBe(true);
        // Interrupted: 128 + the signal's number as a shell reports it, no report pretending the checks passed.
        expect(r.code, `exit code ${r.code} / ${r.signal}; stderr: ${r.stderr}`).toBe(128 + os.constants.signals[signal]);
        expectNoLeaks(r);
      }, 200_000);
    }
  }
});
