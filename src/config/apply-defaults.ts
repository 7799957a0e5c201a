// Precedence flag/input > config file > built-in default, for the options both faces share.
import type { Options } from '../options.js';
import { ENTRIES } from '../options/catalog.js';
import type { OptionDefaults } from './project-config.js';

/**
 * Fill what the flags or inputs did not set (`given`) from the config file. Maps (build args,
 * probe env) merge key by key, a flag's or input's value winning over the file's.
 */
export function applyConfigDefaults(options: Options, defaults: OptionDefaults, given: ReadonlySet<keyof Options>): void {
  const target = options as unknown as Record<string, unknown>;
  const source = defaults as Record<string, unknown>;
  for (const e of ENTRIES) {
    const value = source[e.key];
    if (e.scope !== 'run' || value === undefined) continue;
    if (e.type === 'map') target[e.key] = { ...(value as Record<string, string>), ...(target[e.key] as Record<string, string>) };
    else if (!given.has(e.key as keyof Options)) target[e.key] = value;
  }
  if (defaults.platforms !== undefined) options.platformsExplicit = true;
}
