// One bundler for every entry: the CLI, the Action and its post step (scripts/bundle-options.mjs),
// plus dist/licenses.txt with the licence of every third-party package in them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { bundleOptions } from './bundle-options.mjs';
import { bundledPackages, licensesText } from './licenses.mjs';

// Build beside dist/ and move each file in with an atomic rename, so a test that runs
// dist/cli.js while another process rebuilds never sees a missing or half-written file.
const staging = fs.mkdtempSync('dist-staging-');
try {
  const result = await build({ ...bundleOptions(), outdir: staging });
  fs.chmodSync(path.join(staging, 'cli.js'), 0o755);
  fs.writeFileSync(path.join(staging, 'package.json'), '{ "type": "module" }\n');
  fs.writeFileSync(path.join(staging, 'licenses.txt'), licensesText(bundledPackages(result.metafile, process.cwd())));
  fs.mkdirSync('dist', { recursive: true });
  const built = new Set(fs.readdirSync(staging));
  for (const name of built) fs.renameSync(path.join(staging, name), path.join('dist', name));
  for (const name of fs.readdirSync('dist')) if (!built.has(name)) fs.rmSync(path.join('dist', name), { recursive: true, force: true });
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
