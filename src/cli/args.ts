// Command-line words -> typed Options, through the option catalog. Every mistake is an InputError.
import { InputError } from '../errors.js';
import { defaultOptions, type Options } from '../options.js';
import { optionsHelp } from '../options/help.js';
import { flagSpec, fromFlags, parseFlags } from '../options/read.js';
import type { FaceValues } from '../options/catalog.js';

export const USAGE = `Usage: entrypoint-guard [options] [DOCKERFILE|GLOB|!GLOB]…      default: ./Dockerfile

Lints each Dockerfile and the wrapper scripts it starts, then builds every platform with
buildx, smoke-runs each image and probes how it shuts down on its stop signal.

Options:
${optionsHelp()}

Matrix (see entrypoint-guard plan --help, entrypoint-guard merge --help):
  entrypoint-guard plan [--platforms LIST] [--runner PLATFORM=LABEL]… [GLOB…]
  entrypoint-guard merge [--format FMT] [--output FILE] [--fail-on LEVEL] REPORT.json…

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or input.`;

export interface RunCommand {
  kind: 'run';
  options: Options;
  /** The options the flags set: the config file gives defaults for the others only. */
  given: Set<keyof Options>;
  /** The DOCKERFILE arguments as written: paths and globs, `!GLOB` excluding earlier matches; empty for ./Dockerfile. */
  dockerfiles: string[];
  /** --config FILE, as written. */
  config?: string;
  /** --category NAME: the SARIF category. */
  category?: string;
  /** --diff FILE, or '-' for stdin. */
  diff?: string;
  /** --plan-platforms LIST: this run is a matrix shard of that plan. */
  planPlatforms?: string[];
  /** --fix (write), --fix-dry-run (print only); with `unsafe`, --fix-unsafe; with `verify`, --verify. */
  fix?: { mode: 'write' | 'dry-run'; unsafe: boolean; verify: boolean };
}

export type CliCommand = { kind: 'help' } | { kind: 'version' } | RunCommand;

export function parseCli(argv: string[], cwd = process.cwd()): CliCommand {
  const parsed = parseFlags(argv, { ...flagSpec(), help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } }, 'entrypoint-guard --help');
  const v = parsed.values as Record<string, unknown>;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  if (parsed.positionals.length > 1 && v.image !== undefined) {
    throw new InputError(`--image takes at most one DOCKERFILE to lint with it, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`);
  }

  const options = defaultOptions(cwd);
  const given = new Set<keyof Options>();
  const run = fromFlags(v, 'run').values;
  for (const [key, value] of Object.entries(run)) {
    (options as unknown as Record<string, unknown>)[key] = value;
    given.add(key as keyof Options);
  }
  if (given.has('platforms')) options.platformsExplicit = true;
  if (parsed.positionals[0] !== undefined) {
    options.dockerfile = parsed.positionals[0];
    given.add('dockerfile');
  }
  const face = fromFlags(v, 'face').values as FaceValues;
  const command: RunCommand = { kind: 'run', options, given, dockerfiles: parsed.positionals };
  if (face.config !== undefined) command.config = face.config;
  if (face.diff !== undefined) command.diff = face.diff;
  if (face.category !== undefined) command.category = face.category;
  if (face.planPlatforms !== undefined) command.planPlatforms = face.planPlatforms;
  if (face.fix && face.fixDryRun) throw new InputError('--fix writes the fixes and --fix-dry-run only prints them: give one of them');
  if (face.fixVerify && (!(face.fix || face.fixUnsafe) || face.fixDryRun)) throw new InputError('--verify checks the fixes --fix writes: give it with --fix');
  if (face.fixVerify && options.static) throw new InputError('--verify builds and probes the fixed files, so it cannot be combined with --static');
  if (face.fix || face.fixDryRun || face.fixUnsafe) {
    if (options.image !== undefined) throw new InputError('--fix edits a Dockerfile and its scripts, so it cannot be combined with --image');
    command.fix = { mode: face.fixDryRun ? 'dry-run' : 'write', unsafe: face.fixUnsafe, verify: face.fixVerify };
  }
  return command;
}
