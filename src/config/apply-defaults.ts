// Precedence flag/input > config file > built-in default, for the options both faces share.
import type { Options } from '../options.js';
import type { OptionDefaults } from './project-config.js';

/** Option fields the config file can default, by the same name in Options. */
const SHARED = [
  'static', 'platforms', 'target', 'gracePeriod', 'startupWait', 'readyLog', 'probeNetwork', 'failOn', 'filterMode', 'format',
  'image', 'builder', 'cacheFrom', 'cacheTo', 'secrets', 'buildContexts', 'ssh', 'progress',
] as const;

/**
 * Fill what the flags or inputs did not set (`given`) from the config file. Build args and
 * probe env merge key by key, a flag's or input's value winning over the file's.
 */
export function applyConfigDefaults(options: Options, defaults: OptionDefaults, given: ReadonlySet<keyof Options>): void {
  for (const key of SHARED) {
    const value = defaults[key];
    if (value === undefined || given.has(key)) continue;
    (options as unknown as Record<string, unknown>)[key] = value;
  }
  if (defaults.platforms !== undefined) options.platformsExplicit = true;
  if (defaults.buildArgs) options.buildArgs = { ...defaults.buildArgs, ...options.buildArgs };
  if (defaults.probeEnv) options.probeEnv = { ...defaults.probeEnv, ...options.probeEnv };
}
