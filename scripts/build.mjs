// One bundler for every entry: the CLI, the Action and its post step. dist/ runs with plain
// `node` (no node_modules) on Node 20 and on GitHub's Node 24 runners.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const entries = {
  cli: 'src/cli-entry.ts',
  index: 'src/index.ts',
  post: 'src/post.ts',
};

// Build beside dist/ and move each file in with an atomic rename, so a test that runs
// dist/cli.js while another process rebuilds never sees a missing or half-written file.
const staging = fs.mkdtempSync('dist-staging-');
try {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).filter(([, file]) => fs.existsSync(file))),
    outdir: staging,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Some bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __egCreateRequire } from 'node:module'; const require = __egCreateRequire(import.meta.url);" },
  });
  fs.chmodSync(path.join(staging, 'cli.js'), 0o755);
  fs.writeFileSync(path.join(staging, 'package.json'), '{ "type": "module" }\n');
  fs.mkdirSync('dist', { recursive: true });
  const built = new Set(fs.readdirSync(staging));
  for (const name of built) fs.renameSync(path.join(staging, name), path.join('dist', name));
  for (const name of fs.readdirSync('dist')) if (!built.has(name)) fs.rmSync(path.join('dist', name), { recursive: true, force: true });
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
