// Regenerates the rule table in README.md from the rule registry (`npm run docs`).
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-docs-'));
try {
  const out = path.join(tmp, 'registry.mjs');
  await build({ entryPoints: ['src/rules/registry.ts'], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  const { allRules } = await import(pathToFileURL(out).href);
  const rows = allRules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.title} |`);
  const table = ['| id | severity | catches |', '|---|---|---|', ...rows, '| [`shellcheck/SC<nnnn>`](docs/rules/shellcheck.md) | ShellCheck\'s, capped at warning | ShellCheck findings on wrapper scripts |'].join('\n');
  const readme = fs.readFileSync('README.md', 'utf8');
  const next = readme.replace(/<!-- rules-table:start -->[\s\S]*<!-- rules-table:end -->/, `<!-- rules-table:start -->\n${table}\n<!-- rules-table:end -->`);
  fs.writeFileSync('README.md', next);
  console.log(`README.md: ${allRules.length} rules`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
