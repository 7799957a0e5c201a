// Typed options for the engine: the catalog's 'run' entries (src/options/catalog.ts) plus what
// a run knows of itself. Adding an option adds its field here through the catalog's types.
import { initialValues, type RunValues } from './options/catalog.js';

export type { FilterMode, OutputFormat, ProgressMode } from './options/catalog.js';
export { DEFAULT_PLATFORMS, FILTER_MODES } from './options/catalog.js';

export interface RunContext {
  /** The Dockerfile of this run ('' for an image alone). */
  dockerfile: string;
  /** Base for display paths (GITHUB_WORKSPACE in the Action). */
  cwd: string;
  /** Labels everything the runtime creates; the Action's post step removes leftovers by it. Generated when absent. */
  runId?: string;
  /** --platforms (or the config file) named the platforms; else with --image, the image's own platforms are used. */
  platformsExplicit?: boolean;
  /** Standard input's text, read once by the face when a --deploy entry is `-`. */
  deployStdin?: string;
}

export type Options = RunValues & RunContext;

export function defaultOptions(cwd = process.cwd()): Options {
  return { ...(initialValues('run') as RunValues), dockerfile: 'Dockerfile', cwd };
}
