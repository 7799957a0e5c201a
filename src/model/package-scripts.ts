// The npm scripts of the build context's package.json: what `npm start` / `yarn dev` really run.
import fs from 'node:fs';
import path from 'node:path';
import { baseName } from './programs.js';
import type { DockerfileModel } from './types.js';

const MAX_BYTES = 1024 * 1024;
const cache = new WeakMap<DockerfileModel, Record<string, string>>();

function scripts(model: DockerfileModel): Record<string, string> {
  let found = cache.get(model);
  if (found) return found;
  found = {};
  try {
    const file = path.join(model.contextDir, 'package.json');
    const stat = fs.statSync(file);
    if (stat.isFile() && stat.size <= MAX_BYTES) {
      const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      const s = (value as { scripts?: unknown })?.scripts;
      if (s && typeof s === 'object') for (const [k, v] of Object.entries(s)) if (typeof v === 'string') found[k] = v;
    }
  } catch {
    // No readable package.json: nothing is known of its scripts.
  }
  cache.set(model, found);
  return found;
}

/** package.json has a script of this name (`prestart`, `poststart`). */
export function hasPackageScript(model: DockerfileModel, name: string): boolean {
  return scripts(model)[name] !== undefined;
}

/** The script a package-manager command runs (`npm start` -> start, `yarn dev` -> dev, `npm run serve` -> serve). */
export function scriptNameOf(words: string[]): string | undefined {
  const pm = baseName(words[0] ?? '');
  const rest = words.slice(1).filter((w) => !w.startsWith('-'));
  if (pm === 'npm') return rest[0] === 'start' ? 'start' : rest[0] === 'run' || rest[0] === 'run-script' ? rest[1] : undefined;
  if (pm === 'yarn' || pm === 'pnpm') return rest[0] === 'run' ? rest[1] : rest[0];
  return undefined;
}

/** The words of the package.json script a package-manager command runs (leading `VAR=x` and `cross-env` dropped). */
export function packageScriptWords(model: DockerfileModel, words: string[]): { name: string; text: string; words: string[] } | undefined {
  const name = scriptNameOf(words);
  const text = name ? scripts(model)[name] : undefined;
  if (!name || text === undefined) return undefined;
  // The first command of the script: `a && b` runs a first.
  let w = text.split(/&&|\|\||;/)[0]!.trim().split(/\s+/);
  if (w[0] === 'cross-env') w = w.slice(1);
  while (w.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0]!)) w = w.slice(1);
  return { name, text, words: w };
}
