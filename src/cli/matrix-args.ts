// `entrypoint-guard plan …` and `entrypoint-guard merge …`: their flags are the option catalog's (src/options/catalog.ts, `commands`).
import { InputError } from '../errors.js';
import type { FailOn } from '../findings.js';
import type { FilterMode, Options, OutputFormat } from '../options.js';
import type { FaceValues } from '../options/catalog.js';
import { optionsHelp } from '../options/help.js';
import { flagSpec, fromFlags, parseFlags } from '../options/read.js';

export const PLAN_USAGE = `Usage: entrypoint-guard plan [options] [GLOB…]

Prints a job matrix for GitHub's strategy.matrix (JSON for fromJSON): one entry per
Dockerfile x platform with its runner label, build context and a stable report name.
GLOB: Dockerfile paths or globs (default Dockerfile); !GLOB excludes earlier matches. With
--filter-mode and --diff, only the Dockerfiles whose start chain the diff changes.

Options:
${optionsHelp('plan')}`;

export const MERGE_USAGE = `Usage: entrypoint-guard merge [options] REPORT.json…

Merges the JSON reports of matrix shards into one report per Dockerfile (one finding per
rule and place listing every platform it was seen on), then reports and gates like a run.
A planned platform without a shard report is a shard-missing finding; reports written by
another version are refused (exit 2).

Options:
${optionsHelp('merge')}`;

export interface PlanCommand {
  kind: 'plan';
  specs: string[];
  platforms?: string[];
  runners: Record<string, string>;
  filterMode?: FilterMode;
  diff?: string;
  config?: string;
}

export interface MergeCommand {
  kind: 'merge';
  reports: string[];
  format: OutputFormat;
  output?: string;
  failOn?: FailOn;
  config?: string;
  /** --require-runtime: a shard whose runtime checks were skipped fails the merge. */
  requireRuntime?: boolean;
}

export function parsePlanArgs(argv: string[]): PlanCommand | { kind: 'usage'; text: string } {
  const parsed = parseFlags(argv, { ...flagSpec('plan'), help: { type: 'boolean', short: 'h' } }, 'entrypoint-guard plan --help');
  if (parsed.values.help) return { kind: 'usage', text: PLAN_USAGE };
  const v = fromFlags(parsed.values, undefined, 'plan').values as Partial<Options & FaceValues>;
  const command: PlanCommand = { kind: 'plan', specs: parsed.positionals.length > 0 ? parsed.positionals : ['Dockerfile'], runners: v.runners ?? {} };
  if (v.platforms !== undefined) command.platforms = v.platforms;
  if (v.filterMode !== undefined) command.filterMode = v.filterMode;
  if (v.diff !== undefined) command.diff = v.diff;
  if (v.config !== undefined) command.config = v.config;
  return command;
}

export function parseMergeArgs(argv: string[]): MergeCommand | { kind: 'usage'; text: string } {
  const parsed = parseFlags(argv, { ...flagSpec('merge'), help: { type: 'boolean', short: 'h' } }, 'entrypoint-guard merge --help');
  if (parsed.values.help) return { kind: 'usage', text: MERGE_USAGE };
  if (parsed.positionals.length === 0) throw new InputError('merge needs at least one shard report: entrypoint-guard merge REPORT.json…');
  const v = fromFlags(parsed.values, undefined, 'merge').values as Partial<Options & FaceValues>;
  const command: MergeCommand = { kind: 'merge', reports: parsed.positionals, format: v.format ?? 'text' };
  if (v.output !== undefined) command.output = v.output;
  if (v.failOn !== undefined) command.failOn = v.failOn;
  if (v.requireRuntime !== undefined) command.requireRuntime = v.requireRuntime;
  if (v.config !== undefined) command.config = v.config;
  return command;
}
