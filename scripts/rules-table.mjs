// Regenerates the rule table in README.md from the rule registry (`npm run docs`).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Only our sources are bundled; packages are imported from node_modules as they are (some are
// CommonJS and need Node's own require), so the bundle is written where it can resolve them.
const out = path.join(process.cwd(), 'node_modules', '.eg-docs-registry.mjs');
try {
  await build({ entryPoints: ['src/rules/registry.ts'], bundle: true, packages: 'external', platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  const { allRules } = await import(pathToFileURL(out).href);
  const rows = allRules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.title} |`);
  const table = ['| id | severity | catches |', '|---|---|---|', ...rows, '| [`shellcheck/SC<nnnn>`](docs/rules/shellcheck.md) | ShellCheck\'s, capped at warning | ShellCheck findings on wrapper scripts |'].join('\n');
  const readme = fs.readFileSync('README.md', 'utf8');
  const next = readme.replace(/<!-- rules-table:start -->[\s\S]*<!-- rules-table:end -->/, `<!-- rules-table:start -->\n${table}\n<!-- rules-table:end -->`);
  fs.writeFileSync('README.md', next);
  console.log(`README.md: ${allRules.length} rules`);
} finally {
  fs.rmSync(out, { force: true });
}
