// One bundler for every entry: the CLI, the Action and its post step. dist/ runs with plain
// `node` (no node_modules) on Node 20 and on GitHub's Node 24 runners.
import { build } from 'esbuild';
import fs from 'node:fs';

const entries = {
  cli: 'src/cli-entry.ts',
  index: 'src/index.ts',
  post: 'src/post.ts',
};

fs.rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, file]) => fs.existsSync(file))),
  outdir: 'dist',
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
fs.chmodSync('dist/cli.js', 0o755);
fs.writeFileSync('dist/package.json', '{ "type": "module" }\n');
