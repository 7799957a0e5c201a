// Builds with the user's buildx options on a real engine: caches and secrets passed as given
// (secrets never in a log), the result read from --metadata-file, a cached rebuild that hits
// the cache on every step, and a cache export the docker driver cannot do refused up front.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonReport } from '../report-schema.js';
import { runCli } from '../../src/cli.js';
import { analyze } from '../../src/engine.js';
import { builds, recorded } from './docker-calls.js';
import { engineAvailable, fixture, fixtureOptions, leftoversAsync } from './engine.js';

const T = 300_000;


describe.skipIf(!engineAvailable)('builds with the user\'s buildx options', () => {
  it('passes caches and secrets as given, reads the digest from the metadata file, and a rebuild is cached on every step', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-cache-'));
    process.env.EG_TEST_SECRET_VALUE = 'hunter2-not-logged';
    try {
      const buildx = { cacheFrom: [`type=local,src=${cacheDir}`], cacheTo: ['type=inline'], secrets: ['id=egtoken,env=EG_TEST_SECRET_VALUE'] };
      const once = async () => {
        const options = fixtureOptions('trap-clean', { platforms: ['linux/amd64'], platformsExplicit: true, ...buildx });
        const run = await recorded(() => analyze(options));
        expect(await leftoversAsync(options.runId!)).toEqual({ containers: [], images: [] });
        return run;
      };
      await once();
      const { value: { report }, calls, text } = await once();
      const build = builds(calls)[0]!;
      expect(build).toEqual(expect.arrayContaining(['--cache-from', `type=local,src=${cacheDir}`, '--cache-to', 'type=inline', '--secret', '<redacted>', '--metadata-file']));
      expect(text).not.toMatch(/egtoken|EG_TEST_SECRET_VALUE|hunter2/);
      expect(calls.some((c) => c[0] === 'buildx' && c[1] === 'build' && c.includes('--help'))).toBe(false);
      const p = report.platforms[0]!;
      expect(p.build?.ok, JSON.stringify(report)).toBe(true);
      expect(p.build?.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(p.build?.cache?.steps).toBeGreaterThan(0);
      expect(p.build?.cache?.cached).toBe(p.build?.cache?.steps);
    } finally {
      delete process.env.EG_TEST_SECRET_VALUE;
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  }, T);

  it('refuses a cache export the docker driver cannot do, in one sentence, before building', async () => {
    let err = '';
    const io = { stdout: () => undefined, stderr: (t: string) => void (err += t), isTTY: false, cwd: fixture('trap-clean') };
    const { value: code, calls } = await recorded(() => runCli(['--cache-to', 'type=local,dest=/tmp/eg-never', '--platforms', 'linux/amd64', '--format', 'json'], io));
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/type=local needs a builder with the docker-container driver/);
    expect(builds(calls)).toEqual([]);
  }, T);

  it('passes add-hosts and network to buildx: a build that needs the host builds with them and fails without', async () => {
    const run = async (extra: string[]) => {
      let out = '';
      const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, isTTY: false, cwd: fixture('build-needs-host') };
      const { value: code, calls } = await recorded(() => runCli(['--platforms', 'linux/amd64', '--format', 'json', '--grace-period', '2', ...extra], io));
      const findings = parseJsonReport(out).flatMap((r) => r.findings.map((f) => f.rule));
      return { code, build: builds(calls)[0] ?? [], findings };
    };
    const withHost = await run(['--add-host', 'mirror.internal:10.0.0.5', '--network', 'default']);
    expect(withHost.build).toEqual(expect.arrayContaining(['--add-host', 'mirror.internal:10.0.0.5', '--network', 'default']));
    expect(withHost.findings).not.toContain('build-failed');
    const without = await run([]);
    expect(without.build).not.toContain('--add-host');
    expect(without.findings).toContain('build-failed');
  }, T);
});
