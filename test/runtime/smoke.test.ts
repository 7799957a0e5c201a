// Smoke checks against real images on a real engine (never mocked): each fixture under
// test/fixtures/smoke/ is built for linux/amd64 and (emulated) linux/arm64.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/model/parse.js';
import type { DockerfileModel } from '../../src/model/types.js';
import { Cleanup } from '../../src/runtime/cleanup.js';
import { docker } from '../../src/runtime/docker.js';
import { hostArch, parseElf } from '../../src/runtime/elf.js';
import { inspectImage } from '../../src/runtime/image-config.js';
import { HEAD_BYTES, ImageFileReader } from '../../src/runtime/image-files.js';
import { hostRoot } from '../../src/runtime/host-root.js';
import { smokeCheck, type SmokeResult } from '../../src/runtime/smoke.js';
import { recorded } from './docker-calls.js';
import { engineAvailable, leftovers, PLATFORMS, skipReason } from './engine.js';

const SMOKE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'smoke');
const CASES = ['not-executable', 'bash-on-busybox', 'no-shell', 'wrong-arch', 'crlf', 'missing', 'missing-on-path', 'env-python', 'user-cannot-exec', 'clean', 'dynamic-loader', 'bom', 'wrong-arch-interpreter', 'dangling-link', 'odd-path'];

const cleanup = new Cleanup(`eg-smoke-test-${process.pid}-${Date.now().toString(36)}`);
const images = new Map<string, { tag: string; model: DockerfileModel }>();
const timings: Record<string, number[]> = {};
const tmpDirs: string[] = [];

/** A dynamically linked ELF of this host (glibc's loader as PT_INTERP), for the dynamic-loader fixture. */
function hostDynamicBinary(): string {
  for (const candidate of ['/usr/bin/true', '/bin/true', '/usr/bin/env']) {
    if (!fs.existsSync(candidate)) continue;
    const elf = parseElf(fs.readFileSync(candidate).subarray(0, 64 * 1024));
    if (elf?.interpreter) return candidate;
  }
  throw new Error('no dynamically linked binary found on this host for the dynamic-loader fixture');
}

/** The fixture copied to a temp folder (so the dynamic-loader case can add the host binary). */
function contextFor(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `eg-smoke-${name}-`));
  tmpDirs.push(dir);
  fs.cpSync(path.join(SMOKE, name), dir, { recursive: true });
  if (name === 'dynamic-loader') fs.copyFileSync(hostDynamicBinary(), path.join(dir, 'app'));
  return dir;
}

async function build(name: string, contextDir: string, platform: string): Promise<string> {
  const tag = `eg-smoke-test/${name}:${platform.replace(/\//g, '-')}-${cleanup.runId}`;
  cleanup.image(tag);
  const res = await docker(['buildx', 'build', '--progress=plain', '--platform', platform, '--load', '-t', tag, ...cleanup.labelArgs(), contextDir], {
    timeoutMs: 240_000,
    env: { BUILDX_NO_DEFAULT_ATTESTATIONS: '1', DOCKER_BUILDKIT: '1' },
  });
  if (res.code !== 0) throw new Error(`build of ${name} for ${platform} failed:\n${res.stderr.slice(-2000)}`);
  return tag;
}

async function smoke(name: string, platform: string): Promise<SmokeResult> {
  const built = images.get(`${name}@${platform}`);
  if (!built) throw new Error(`${name} was not built for ${platform}`);
  const config = await inspectImage(built.tag);
  const started = performance.now();
  const result = await smokeCheck({ image: built.tag, platform, config, model: built.model, cleanup });
  (timings[platform] ??= []).push(performance.now() - started);
  return result;
}

const rules = (r: SmokeResult) => r.hits.map((h) => h.rule).sort();

describe.skipIf(!engineAvailable)(`smoke checks on a real engine${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    const jobs: { name: string; platform: string; dir: string; model: DockerfileModel }[] = [];
    for (const name of CASES) {
      const dir = contextFor(name);
      const absPath = path.join(dir, 'Dockerfile');
      const model = parseDockerfile({ file: 'Dockerfile', absPath, text: fs.readFileSync(absPath, 'utf8'), contextDir: dir });
      for (const platform of PLATFORMS) jobs.push({ name, platform, dir, model });
    }
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        images.set(`${job.name}@${job.platform}`, { tag: await build(job.name, job.dir, job.platform), model: job.model });
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }, 600_000);

  afterAll(async () => {
    await cleanup.removeAll();
    for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
    const summary = Object.entries(timings).map(([p, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return `${p}: median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, max ${Math.round(sorted.at(-1)!)} ms over ${ms.length} runs`;
    });
    if (summary.length > 0) console.log(`smokeCheck wall time per platform: ${summary.join('; ')}`);
  });

  describe.each(PLATFORMS)('%s', (platform) => {
    it('a start script copied with --chmod=644 is entrypoint-not-executable, fatal, at the ENTRYPOINT line', async () => {
      const r = await smoke('not-executable', platform);
      expect(rules(r)).toEqual(['entrypoint-not-executable']);
      expect(r.hits[0]).toMatchObject({ severity: 'error', file: 'Dockerfile', range: { line: 4 } });
      expect(r.hits[0]!.message).toContain('`/app/start.sh` has mode 0644');
      expect(r.hits[0]!.message).toContain('{platforms}');
      expect(r.hits[0]!.fix).toContain('--chmod=755');
      expect(r.hits[0]!.fix).toContain('line 3');
      expect(r).toMatchObject({ fatal: true, hasShell: true, startCommand: ['/app/start.sh', 'sleep', '60'] });
    });

    it('#!/bin/bash on the BusyBox base is interpreter-not-found (start command found through PATH)', async () => {
      const r = await smoke('bash-on-busybox', platform);
      expect(rules(r)).toEqual(['interpreter-not-found']);
      expect(r.hits[0]!.message).toContain('`/usr/local/bin/docker-entrypoint.sh` starts with `#!/bin/bash` but /bin/bash does not exist');
      expect(r.hits[0]!.fix).toContain('#!/bin/sh');
      expect(r.hits[0]).toMatchObject({ severity: 'error', range: { line: 3 } });
      expect(r.fatal).toBe(true);
    });

    it('a static binary on scratch has no /bin/sh: no-debug-shell (info) and nothing else', async () => {
      const r = await smoke('no-shell', platform);
      expect(rules(r)).toEqual(['no-debug-shell']);
      expect(r.hits[0]).toMatchObject({ severity: 'info', file: 'Dockerfile', range: { line: 3 } });
      expect(r).toMatchObject({ fatal: false, hasShell: false });
    });

    it('a start script with CRLF line endings is crlf-in-image and fatal', async () => {
      const r = await smoke('crlf', platform);
      expect(rules(r)).toEqual(['crlf-in-image']);
      expect(r.hits[0]!.message).toContain('`/bin/sh\\r`');
      expect(r.fatal).toBe(true);
    });

    it('an entrypoint the final stage never copied is entrypoint-not-found at the ENTRYPOINT line', async () => {
      const r = await smoke('missing', platform);
      expect(rules(r)).toEqual(['entrypoint-not-found']);
      expect(r.hits[0]).toMatchObject({ range: { line: 7 } });
      expect(r.hits[0]!.message).toContain('`/app/entrypoint.sh` does not exist');
      expect(r).toMatchObject({ fatal: true, hasShell: true });
    });

    it('a bare command that is not on the image PATH is entrypoint-not-found', async () => {
      const r = await smoke('missing-on-path', platform);
      expect(rules(r)).toEqual(['entrypoint-not-found']);
      expect(r.hits[0]!.message).toContain("`gunicorn` is not on the image's PATH (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)");
      expect(r.hits[0]).toMatchObject({ range: { line: 3 } });
      expect(r.fatal).toBe(true);
    });

    it('#!/usr/bin/env python3 without python3 on PATH is interpreter-not-found (relative start path via WORKDIR)', async () => {
      const r = await smoke('env-python', platform);
      expect(rules(r)).toEqual(['interpreter-not-found']);
      expect(r.hits[0]!.message).toContain('`/app/manage.py` starts with `#!/usr/bin/env python3` but python3 is not on the image\'s PATH');
      expect(r.fatal).toBe(true);
    });

    it('a 0700 root-owned script under USER 1000 is not executable for that user (debug-path check)', async () => {
      const r = await smoke('user-cannot-exec', platform);
      expect(rules(r)).toEqual(['entrypoint-not-executable']);
      expect(r.hits[0]!.message).toContain("is not executable for the image's user `1000:1000`");
      expect(r.hits[0]!.message).toContain('mode 0700');
      expect(r.fatal).toBe(true);
    });

    it('the debug-path check run in the probe\'s running container (an exec, no container of its own) judges as its own run does', async () => {
      for (const [name, expected] of [['user-cannot-exec', ['entrypoint-not-executable']], ['clean', []]] as const) {
        const built = images.get(`${name}@${platform}`)!;
        // Standing in for the probe's container: the image as its user, kept running by a shell.
        const started = await docker(['run', '-d', '--platform', platform, '--network', 'none', ...cleanup.labelArgs(), '--entrypoint', '/bin/sh', built.tag, '-c', 'sleep 120'], { timeoutMs: 120_000 });
        const id = started.stdout.trim();
        expect(started.code, started.stderr).toBe(0);
        cleanup.container(id);
        const config = await inspectImage(built.tag);
        const { value: r, calls } = await recorded(() => smokeCheck({ image: built.tag, platform, config, model: built.model, cleanup, running: Promise.resolve(id) }));
        expect(rules(r), name).toEqual(expected);
        expect(r.hasShell).toBe(true);
        // One exec in that container: over the Engine API on a local socket, else `docker exec`.
        expect(calls.filter((c) => (c[0] === 'exec' && c[1] === id) || (c[0] === 'api' && c[1] === 'POST' && c[2] === `/containers/${id}/exec`)).length, name).toBe(1);
        expect(calls.filter((c) => c[0] === 'run'), name).toEqual([]);
        await docker(['rm', '-f', id], { timeoutMs: 60_000 });
        cleanup.forgetContainer(id);
      }
    });

    it('PATH lookup through a symlink, #!/usr/bin/env sh and a non-root user: no findings', async () => {
      const r = await smoke('clean', platform);
      expect(r.hits).toEqual([]);
      expect(r).toMatchObject({ fatal: false, hasShell: true, startCommand: ['run-app', 'sleep', '60'] });
    });

    it('a glibc binary on BusyBox is interpreter-not-found for its dynamic loader (and wrong-architecture off the host arch)', async () => {
      const r = await smoke('dynamic-loader', platform);
      const loader = parseElf(fs.readFileSync(hostDynamicBinary()).subarray(0, 64 * 1024))!.interpreter!;
      const native = hostArch()?.platform === platform;
      expect(rules(r)).toEqual(native ? ['interpreter-not-found'] : ['interpreter-not-found', 'wrong-architecture']);
      const missing = r.hits.find((h) => h.rule === 'interpreter-not-found')!;
      expect(missing.message).toContain(`dynamically linked against the loader ${loader}, which does not exist`);
      expect(missing.fix).toContain('static binary');
      expect(r.fatal).toBe(true);
    });

    it('a start command that is a dangling symlink is entrypoint-not-found naming the link target', async () => {
      const r = await smoke('dangling-link', platform);
      expect(rules(r)).toEqual(['entrypoint-not-found']);
      expect(r.hits[0]!.message).toContain('`/usr/local/bin/app` is a symlink to `/opt/app/current/bin/app`, which does not exist');
      expect(r.fatal).toBe(true);
    });

    it('a start path full of quotes, backticks and ; reaches the debug shell intact: no findings', async () => {
      const r = await smoke('odd-path', platform);
      expect(r.hits).toEqual([]);
      expect(r).toMatchObject({ fatal: false, hasShell: true, startCommand: ["/app/odd name's `id`;.sh", 'sleep', '60'] });
    });

    it('a UTF-8 BOM before #! is utf8-bom and fatal', async () => {
      const r = await smoke('bom', platform);
      expect(rules(r)).toEqual(['utf8-bom']);
      expect(r.hits[0]!.message).toContain('exec format error');
      expect(r.fatal).toBe(true);
    });
  });

  it('an x86-64 shebang interpreter in the arm64 image is wrong-architecture on arm64 only', async () => {
    const amd = await smoke('wrong-arch-interpreter', 'linux/amd64');
    expect(amd.hits).toEqual([]);
    const arm = await smoke('wrong-arch-interpreter', 'linux/arm64');
    expect(rules(arm)).toEqual(['wrong-architecture']);
    expect(arm.hits[0]!.message).toContain('`/opt/tools/busybox` (the interpreter of `/start.sh`) is an x86-64 ELF');
    expect(arm.hits[0]!.fix).toContain('line 2');
    expect(arm.hits[0]).toMatchObject({ range: { line: 4 } });
    expect(arm.fatal).toBe(false);
  });

  it('an x86-64 binary in the arm64 image is wrong-architecture on arm64 only, naming the pinned stage', async () => {
    const amd = await smoke('wrong-arch', 'linux/amd64');
    expect(amd.hits).toEqual([]);
    const arm = await smoke('wrong-arch', 'linux/arm64');
    expect(rules(arm)).toEqual(['wrong-architecture']);
    expect(arm.hits[0]!.message).toMatch(/^`\/server` is an x86-64 ELF but the image is for \{platforms\}: .*on real arm64 hardware it fails with exec format error\.$/);
    expect(arm.hits[0]!.fix).toContain('`--platform=linux/amd64` from the FROM on line 2');
    // At the COPY that put the amd64 binary there, not at the ENTRYPOINT that names it.
    expect(arm.hits[0]).toMatchObject({ severity: 'error', range: { line: 4 } });
    expect(arm).toMatchObject({ fatal: false, hasShell: true });
  });

  /** The dangling-link fixture's paths, as its Dockerfile makes them (whichever way they are read). */
  async function expectFixtureFiles(reader: ImageFileReader): Promise<void> {
    const files = await reader.readMany(['/loop-a', '/opt/tools/busybox', '/tools/busybox', '/tools', '/bin/sh', '/nonexistent/x', '/bin/busybox/x', '/lib-link/os-release', '/os-release-link']);
    expect(files.get('/loop-a')!.type).toBe('loop');
    const rel = files.get('/opt/tools/busybox')!;
    expect(rel).toMatchObject({ type: 'file', resolvedPath: '/bin/busybox', truncated: true, links: [{ path: '/opt/tools/busybox', target: '../../bin/busybox' }] });
    expect(rel.head.length).toBe(HEAD_BYTES);
    expect(rel.size).toBeGreaterThan(HEAD_BYTES);
    expect(rel.mode & 0o111).not.toBe(0);
    expect(parseElf(rel.head)?.machine).toBe(183);
    expect(files.get('/tools/busybox')).toMatchObject({ type: 'file', resolvedPath: '/bin/busybox' });
    expect(files.get('/tools')).toMatchObject({ type: 'dir', resolvedPath: '/opt/tools' });
    expect(files.get('/bin/sh')).toMatchObject({ type: 'file', resolvedPath: '/bin/busybox' });
    expect(files.get('/nonexistent/x')!.type).toBe('missing');
    expect(files.get('/bin/busybox/x')!.type).toBe('missing');
    // Absolute links resolve inside the image, which has no /usr/lib: never on the host, which has it.
    expect(fs.existsSync('/usr/lib/os-release')).toBe(true);
    expect(files.get('/lib-link/os-release')!.type).toBe('missing');
    expect(files.get('/os-release-link')).toMatchObject({ type: 'missing', links: [{ path: '/os-release-link', target: '/usr/lib/os-release' }] });
  }

  const readerContainers = async () => (await docker(['ps', '-aq', '--filter', `label=entrypoint-guard.run=${cleanup.runId}`, '--filter', 'status=created'], { timeoutMs: 30_000 })).stdout.trim();

  it('reads files out of an image without starting it: symlinks, loops, directories, large files cut short', async () => {
    const reader = new ImageFileReader({ image: images.get('dangling-link@linux/arm64')!.tag, platform: 'linux/arm64', cleanup });
    try {
      await expectFixtureFiles(reader);
      expect((await reader.read('/tmp/in-image')).head.toString()).toBe('in-image\n');
    } finally {
      await reader.close();
    }
  });

  it("reads the same files in the probe's running container's root, from the host, with no container of its own; a tmpfs path out of the image", async () => {
    const image = images.get('dangling-link@linux/arm64')!.tag;
    // Started as the probe starts an image (a read-only root, a tmpfs on /tmp), kept running.
    const run = await docker(['run', '-d', '--platform', 'linux/arm64', '--network', 'none', ...cleanup.labelArgs(), '--read-only', '--tmpfs', '/tmp', '--entrypoint', '/bin/busybox', image, 'sleep', '120'], { timeoutMs: 60_000 });
    const id = run.stdout.trim();
    cleanup.container(id);
    expect(run.code).toBe(0);
    const pid = Number((await docker(['inspect', '--format', '{{.State.Pid}}', id], { timeoutMs: 30_000 })).stdout.trim());
    const root = hostRoot(pid, id);
    expect(root).toBeDefined();
    const reader = new ImageFileReader({ image, platform: 'linux/arm64', cleanup, root: Promise.resolve(root) });
    try {
      await expectFixtureFiles(reader);
      expect(await readerContainers()).toBe('');
      // The tmpfs hides the image's /tmp in the running container: that file comes out of the image.
      expect((await reader.read('/tmp/in-image')).head.toString()).toBe('in-image\n');
      expect(await readerContainers()).not.toBe('');
    } finally {
      await reader.close();
      await docker(['rm', '-f', id], { timeoutMs: 30_000 });
    }
    expect(await readerContainers()).toBe('');
  });

  it('does not read a running container with a writable root from the host (it could change what is read)', async () => {
    const image = images.get('dangling-link@linux/amd64')!.tag;
    const run = await docker(['run', '-d', '--platform', 'linux/amd64', '--network', 'none', ...cleanup.labelArgs(), '--entrypoint', '/bin/busybox', image, 'sleep', '120'], { timeoutMs: 60_000 });
    const id = run.stdout.trim();
    cleanup.container(id);
    try {
      const pid = Number((await docker(['inspect', '--format', '{{.State.Pid}}', id], { timeoutMs: 30_000 })).stdout.trim());
      expect(pid).toBeGreaterThan(0);
      expect(hostRoot(pid, id)).toBeUndefined();
    } finally {
      await docker(['rm', '-f', id], { timeoutMs: 30_000 });
    }
  });

  it('leaves no container behind', () => {
    expect(leftovers(cleanup.runId).containers).toEqual([]);
  });
});
