// Regenerates what the docs derive from the code (`npm run docs`): the README's rule table
// (rule registry), its --help block and option table, and schema/config.schema.json (option
// catalog). test/docs.test.ts and test/options/catalog.test.ts fail when these drift.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Only our sources are bundled; packages are imported from node_modules as they are (some are
// CommonJS and need Node's own require), so the bundle is written where it can resolve them.
const out = path.join(process.cwd(), 'node_modules', '.eg-docs.mjs');
const entry = path.join(process.cwd(), 'node_modules', '.eg-docs-entry.ts');
fs.writeFileSync(
  entry,
  ["export { allRules } from '../src/rules/registry.js';", "export { optionsHelp, optionsTable } from '../src/options/help.js';", "export { configSchema } from '../src/options/config-schema.js';"].join('\n'),
);
const between = (text, name, body) => {
  const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  if (!re.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> marker`);
  return text.replace(re, () => `<!-- ${name}:start -->\n${body}\n<!-- ${name}:end -->`);
};
try {
  await build({ entryPoints: [entry], bundle: true, packages: 'external', platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  const { allRules, optionsHelp, optionsTable, configSchema } = await import(pathToFileURL(out).href);
  const rows = allRules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.title} |`);
  const table = ['| id | severity | catches |', '|---|---|---|', ...rows, '| [`shellcheck/SC<nnnn>`](docs/rules/shellcheck.md) | ShellCheck\'s, capped at warning | ShellCheck findings on wrapper scripts |'].join('\n');
  let readme = fs.readFileSync('README.md', 'utf8');
  readme = between(readme, 'rules-table', table);
  readme = between(readme, 'options-help', `\`\`\`\n${optionsHelp()}\n\`\`\``);
  readme = between(readme, 'options-table', optionsTable());
  fs.writeFileSync('README.md', readme);
  fs.mkdirSync('schema', { recursive: true });
  fs.writeFileSync('schema/config.schema.json', `${JSON.stringify(configSchema(), null, 2)}\n`);
  console.log(`README.md: ${allRules.length} rules, options; schema/config.schema.json`);
} finally {
  fs.rmSync(out, { force: true });
  fs.rmSync(entry, { force: true });
}
