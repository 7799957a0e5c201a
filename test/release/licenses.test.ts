// dist/licenses.txt names every third-party package in the bundles, with its licence text.
// What is bundled is worked out here on its own: an esbuild build with the bundles' options
// (nothing written) and its metafile, the package of each input read from node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/bundle-options.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface Pkg { name: string; version: string; dir: string }

let bundled: Pkg[] = [];
let text = '';

beforeAll(async () => {
  const result = await build({ ...bundleOptions(), absWorkingDir: ROOT, outdir: path.join(ROOT, 'dist'), write: false, logLevel: 'silent' });
  const dirs = new Set<string>();
  for (const output of Object.values(result.metafile!.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      if (info.bytesInOutput === 0) continue;
      const i = input.lastIndexOf('node_modules/');
      if (i < 0) continue;
      const parts = input.slice(i + 'node_modules/'.length).split('/');
      dirs.add(path.join(ROOT, input.slice(0, i), 'node_modules', ...parts.slice(0, parts[0]!.startsWith('@') ? 2 : 1)));
    }
  }
  bundled = [...dirs].map((dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
    return { name: pkg.name, version: pkg.version, dir };
  });
  text = fs.readFileSync(path.join(ROOT, 'dist', 'licenses.txt'), 'utf8');
}, 120_000);

describe('dist/licenses.txt', () => {
  it('is there and lists the bundled packages (the bundles do bundle some)', () => {
    expect(bundled.length).toBeGreaterThan(5);
    expect(bundled.map((p) => p.name)).toEqual(expect.arrayContaining(['dockerfile-ast', '@actions/core', 'undici']));
  });

  it('names every bundled package with its version and carries its licence text', () => {
    const missing: string[] = [];
    for (const p of bundled) {
      if (!text.includes(`\n${p.name}@${p.version}\nLicense: `)) { missing.push(`${p.name}@${p.version}`); continue; }
      const file = fs.readdirSync(p.dir).find((f) => /^licen[cs]e/i.test(f));
      if (!file) continue;
      // The copyright line is the notice the licences ask to keep.
      const copyright = fs.readFileSync(path.join(p.dir, file), 'utf8').split(/\r?\n/).find((l) => /copyright/i.test(l));
      if (copyright && !text.includes(copyright.trim())) missing.push(`${p.name}@${p.version}: "${copyright.trim()}"`);
    }
    expect(missing).toEqual([]);
  });

  it('lists nothing that is not bundled', () => {
    const listed = [...text.matchAll(/^- (\S+)@(\S+) \(/gm)].map((m) => `${m[1]}@${m[2]}`).sort();
    expect(listed).toEqual([...new Set(bundled.map((p) => `${p.name}@${p.version}`))].sort());
  });
});
