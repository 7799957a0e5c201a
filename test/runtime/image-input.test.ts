// --image on a real engine: an already-built image is smoke-checked and probed without any
// build — a local tag (one platform, engine 20.10) and a manifest list in the loopback registry
// (both platforms, pulled by digest). The docker calls are recorded (ENTRYPOINT_GUARD_DOCKER_LOG)
// to show no `buildx build` ran, and nothing pulled or tagged by the run is left behind.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import { runCli } from '../../src/cli.js';
import { analyze } from '../../src/engine.js';
import { imageTag } from '../../src/runtime/build.js';
import { Cleanup, cleanupRun } from '../../src/runtime/cleanup.js';
import { docker as dockerCall } from '../../src/runtime/docker.js';
import { pullVariant, resolveImage } from '../../src/runtime/image-source.js';
import { builds, recorded } from './docker-calls.js';
import { engineAvailable, fixture, fixtureOptions, leftoversAsync } from './engine.js';

const T = 300_000;
const name = `eg-image-input-${process.pid}-${randomBytes(3).toString('hex')}`;
const remote = `127.0.0.1:5000/${name}`;
const localTag = `${name}-local:arm64`;

async function docker(args: string[], timeoutMs = 300_000): Promise<string> {
  const r = await dockerCall(args, { timeoutMs });
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

async function exists(ref: string): Promise<boolean> {
  return (await dockerCall(['image', 'inspect', '--format', '{{.Id}}', ref], { timeoutMs: 30_000 })).code === 0;
}



describe.skipIf(!engineAvailable)('--image', () => {
  const digests: Record<string, string> = {};
  let amdId = '';
  beforeAll(async () => {
    // The ignores-term fixture (httpd as PID 1 drops SIGTERM) per platform, pushed as a manifest list.
    for (const arch of ['amd64', 'arm64']) {
      await docker(['buildx', 'build', '--progress=quiet', '--platform', `linux/${arch}`, '--load', '-t', `${remote}:${arch}`, fixture('ignores-term')], 600_000);
      await docker(['push', `${remote}:${arch}`]);
    }
    await docker(['tag', `${remote}:arm64`, localTag]);
    amdId = (await docker(['image', 'inspect', '--format', '{{.Id}}', `${remote}:amd64`])).trim();
    await docker(['manifest', 'create', '--insecure', `${remote}:latest`, `${remote}:amd64`, `${remote}:arm64`]);
    await docker(['manifest', 'annotate', '--variant', 'v8', `${remote}:latest`, `${remote}:arm64`]);
    await docker(['manifest', 'push', '--purge', '--insecure', `${remote}:latest`]);
    const list = JSON.parse(await docker(['buildx', 'imagetools', 'inspect', '--raw', `${remote}:latest`])) as { manifests: { digest: string; platform: { architecture: string } }[] };
    for (const m of list.manifests) digests[`linux/${m.platform.architecture}`] = m.digest;
    // Only the local tag stays here: the registry's images must really be pulled.
    await docker(['rmi', `${remote}:amd64`, `${remote}:arm64`]);
  }, 900_000);
  afterAll(async () => {
    await dockerCall(['rmi', '-f', localTag, `${remote}:amd64`, `${remote}:arm64`], { timeoutMs: 60_000 });
  });

  it('probes a local tag on its own platform, with the Dockerfile linted and pointed at, and reports the platform it lacks', async () => {
    const options = fixtureOptions('ignores-term', { image: localTag, platformsExplicit: true });
    const { value: { report }, calls } = await recorded(() => analyze(options));
    expect(builds(calls)).toEqual([]);
    expect(calls.some((c) => c[0] === 'pull')).toBe(false);
    const arm = report.platforms.find((p) => p.platform === 'linux/arm64')!;
    expect(arm.build).toBeUndefined();
    expect(arm.image?.ref).toBe(localTag);
    expect(arm.image?.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(arm.shutdown?.killed, JSON.stringify(report)).toBe(true);
    const amd = report.platforms.find((p) => p.platform === 'linux/amd64')!;
    expect(amd.skipped).toMatch(/has no linux\/amd64 variant/);
    expect(report.notes?.join('\n')).toMatch(/has no linux\/amd64 image/);
    // Runtime findings point at the Dockerfile's CMD line.
    const killed = report.findings.find((f) => f.platforms?.includes('linux/arm64') && f.file === 'Dockerfile');
    expect(killed?.line, JSON.stringify(report.findings)).toBe(5);
    expect(await exists(localTag)).toBe(true);
    expect(await leftoversAsync(options.runId!)).toEqual({ containers: [], images: [] });
  }, T);

  it('resolves a manifest list per platform, pulls by digest, points findings at the image, and removes what it pulled', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-image-only-'));
    let out = '';
    let err = '';
    try {
      const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), isTTY: false, cwd };
      const { value: code, calls } = await recorded(() =>
        runCli(['--image', `${remote}:latest`, '--format', 'json', '--grace-period', '2', '--startup-wait', '20', '--progress', 'quiet'], io),
      );
      expect(code, err).toBe(1);
      expect(builds(calls)).toEqual([]);
      expect(calls.filter((c) => c[0] === 'pull').map((c) => c.at(-1)).sort()).toEqual([`${remote}@${digests['linux/amd64']}`, `${remote}@${digests['linux/arm64']}`].sort());
      const report = parseJsonReport<{ dockerfile: string; image: { ref: string; digest: string }; platforms: { platform: string; build?: unknown; image: { ref: string; digest: string }; shutdown?: { killed: boolean } }[]; findings: { file: string; line: number }[] }>(out)[0]!;
      expect(report.dockerfile).toBe(`${remote}:latest`);
      expect(report.image.digest).toMatch(/^sha256:/);
      expect(report.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
      for (const p of report.platforms) {
        expect(p.build).toBeUndefined();
        expect(p.image).toEqual({ ref: `${remote}:latest`, digest: digests[p.platform] });
        expect(p.shutdown?.killed).toBe(true);
      }
      expect(report.findings.length).toBeGreaterThan(0);
      for (const f of report.findings) expect(f).toMatchObject({ file: `${remote}:latest`, line: 1 });
      // Nothing pulled or tagged by the run is left.
      for (const d of Object.values(digests)) expect(await exists(`${remote}@${d}`)).toBe(false);
      // The amd64 image was only here because the run pulled it: gone entirely.
      expect(await exists(amdId)).toBe(false);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  }, T);

  it('a pulled image is held by the run\'s tag alone, so the post step (cleanupRun) removes it after a killed run', async () => {
    const resolved = await resolveImage(`${remote}:latest`);
    const amd = resolved.variants.find((v) => v.platform === 'linux/amd64')!;
    const cleanup = new Cleanup(`eg-test-image-post-${process.pid}-${Date.now().toString(36)}`);
    const tag = imageTag(cleanup.runId, amd.platform);
    const pulled = await pullVariant(amd, tag, cleanup);
    expect(pulled.ok).toBe(true);
    expect(await exists(amd.source)).toBe(false);
    expect(await exists(tag)).toBe(true);
    // The process "dies" here: no cleanup.removeAll(); the post step finds the run's tag.
    await cleanupRun(cleanup.runId);
    expect(await exists(tag)).toBe(false);
    expect(await exists(amdId)).toBe(false);
  }, T);
});
