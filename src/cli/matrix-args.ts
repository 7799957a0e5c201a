// `entrypoint-guard plan …` and `entrypoint-guard merge …`: their own words (README, docs/github-action.md).
import { InputError } from '../errors.js';
import type { FailOn } from '../findings.js';
import type { FilterMode, OutputFormat } from '../options.js';
import { byKey, type ValueEntry } from '../options/catalog.js';
import { parsePlatforms, parseRunner } from '../options/parse.js';
import { parseFlags } from '../options/read.js';

/** One flag's value through its catalog entry: the same words and errors as the main command. */
const parseAs = <T>(key: 'failOn' | 'filterMode' | 'format', raw: string, flag: string): T => (byKey(key) as ValueEntry).parse(raw, flag) as T;

export const PLAN_USAGE = `Usage: entrypoint-guard plan [--platforms LIST] [--runner PLATFORM=LABEL]… [GLOB…]

Prints a job matrix for GitHub's strategy.matrix (JSON for fromJSON): one entry per
Dockerfile x platform with its runner label, build context and a stable report name.
GLOB: Dockerfile paths or globs (default Dockerfile); !GLOB excludes earlier matches.

Options:
  --platforms LIST       comma list (default linux/amd64,linux/arm64, or the config file's)
  --runner P=LABEL       repeatable; runner label for a platform (defaults:
                         linux/amd64=ubuntu-24.04, linux/arm64=ubuntu-24.04-arm)
  --filter-mode MODE     with --diff: plan only Dockerfiles whose start chain (the Dockerfile
  --diff FILE|-          or a wrapper script it starts) the diff changes
  --config FILE          config file (default: .entrypoint-guard.yml at the repository root)`;

export const MERGE_USAGE = `Usage: entrypoint-guard merge [--format FMT] [--output FILE] [--fail-on LEVEL] REPORT.json…

Merges the JSON reports of matrix shards into one report per Dockerfile (one finding per
rule and place listing every platform it was seen on), then reports and gates like a run.
A planned platform without a shard report is a shard-missing finding; reports written by
another version are refused (exit 2).

Options:
  --format FMT           text (default) | json | sarif | compact | checkstyle | rdjson | gitlab | junit
  --output FILE          write the report there instead of stdout
  --fail-on LEVEL        error | warning | info | never (default error, or the config file's)
  --config FILE          config file for per-path fail-on (default: .entrypoint-guard.yml)`;

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
}

function parse(argv: string[], options: Parameters<typeof parseFlags>[1], sub: string) {
  return parseFlags(argv, { ...options, help: { type: 'boolean', short: 'h' } }, `entrypoint-guard ${sub} --help`);
}

export function parsePlanArgs(argv: string[]): PlanCommand | { kind: 'usage'; text: string } {
  const parsed = parse(argv, {
    platforms: { type: 'string' },
    runner: { type: 'string', multiple: true },
    'filter-mode': { type: 'string' },
    diff: { type: 'string' },
    config: { type: 'string' },
  }, 'plan');
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (v.help) return { kind: 'usage', text: PLAN_USAGE };
  const command: PlanCommand = { kind: 'plan', specs: parsed.positionals.length > 0 ? parsed.positionals : ['Dockerfile'], runners: {} };
  if (typeof v.platforms === 'string') command.platforms = parsePlatforms(v.platforms);
  for (const r of (v.runner as string[] | undefined) ?? []) {
    const [platform, label] = parseRunner(r);
    command.runners[platform] = label;
  }
  if (typeof v['filter-mode'] === 'string') command.filterMode = parseAs<FilterMode>('filterMode', v['filter-mode'], '--filter-mode');
  if (typeof v.diff === 'string') {
    if (v.diff.trim() === '') throw new InputError('--diff needs a file name, or - for standard input');
    command.diff = v.diff;
  }
  if (typeof v.config === 'string') command.config = v.config;
  return command;
}

export function parseMergeArgs(argv: string[]): MergeCommand | { kind: 'usage'; text: string } {
  const parsed = parse(argv, {
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    config: { type: 'string' },
  }, 'merge');
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return { kind: 'usage', text: MERGE_USAGE };
  if (parsed.positionals.length === 0) throw new InputError('merge needs at least one shard report: entrypoint-guard merge REPORT.json…');
  const command: MergeCommand = { kind: 'merge', reports: parsed.positionals, format: typeof v.format === 'string' ? parseAs<OutputFormat>('format', v.format, '--format') : 'text' };
  if (typeof v.output === 'string') command.output = v.output;
  if (typeof v['fail-on'] === 'string') command.failOn = parseAs<FailOn>('failOn', v['fail-on'], '--fail-on');
  if (typeof v.config === 'string') command.config = v.config;
  return command;
}
