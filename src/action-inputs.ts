// The Action's inputs (action.yml, INTERFACE.md) -> typed configuration. Every mistake is an
// InputError with one sentence naming the input; the runner's defaults are repeated here so
// a missing INPUT_* variable behaves like the documented default.
import fs from 'node:fs';
import path from 'node:path';
import { applyConfigDefaults } from './config/apply-defaults.js';
import { findProjectConfig, type ProjectConfig } from './config/project-config.js';
import { InputError } from './errors.js';
import { expandDockerfiles, globFiles, hasMagic } from './github/glob.js';
import { parseRunner } from './matrix/plan.js';
import { readUserText } from './input.js';
import {
  defaultOptions,
  parseFailOn,
  parseFilterMode,
  parseIgnore,
  parseKeyValue,
  parseBuilderName,
  parseBuildxSpec,
  parseImageRef,
  parseNetwork,
  parsePlatforms,
  parseCommand,
  parseRegex,
  parseSeconds,
  type Options,
} from './options.js';

/** Reads one input as the runner passes it (`INPUT_<NAME>`, trimmed; '' when absent). */
export type InputReader = (name: string) => string;

export interface ActionConfig {
  /** Dockerfile paths relative to the workspace, globs expanded. */
  dockerfiles: string[];
  /** Shared options; `dockerfile` is set per Dockerfile. `context` applies to all when given. */
  options: Options;
  annotations: boolean;
  checkRun: boolean;
  review: boolean;
  /** Workspace-relative path of the SARIF file to write, when asked. */
  sarifFile?: string;
  /** Used only for API calls: never logged, never in Options. */
  token: string;
  workspace: string;
  /** The config file (input `config`, else `.entrypoint-guard.yml` in the workspace), when there is one. */
  project?: ProjectConfig;
  /** `plan: true`: print the job matrix (output `matrix`) and analyse nothing. */
  plan: boolean;
  /** `report-only: true`: a matrix shard: analyse, write the JSON report; no channels, no gate. */
  reportOnly: boolean;
  /** `plan-platforms`: the shard's plan, recorded in its JSON report. */
  planPlatforms?: string[];
  /** `reports`: shard report files (workspace-relative, glob expanded) to merge and publish instead of analysing. */
  reports?: string[];
  /** `runners`: platform -> runner label for `plan`. */
  runners: Record<string, string>;
}

/** What the runner does: `INPUT_` + the name upper-cased with spaces as `_` (hyphens stay). */
export function envInputReader(env: NodeJS.ProcessEnv = process.env): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function parseBoolean(value: string, name: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(`${name} must be true or false (got ${JSON.stringify(value)})`);
}

/** `KEY=VALUE` lines (build-args, probe-env); blank lines and `#` comments are skipped. */
export function parseKeyValueLines(value: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [k, v] = parseKeyValue(line, name);
    out[k] = v;
  }
  return out;
}

/** One buildx spec a line (cache-from, secrets, …); blank lines and `#` comments are skipped. */
function specLines(value: string, name: string, needsEquals = true): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => parseBuildxSpec(l, name, needsEquals));
}

function inWorkspaceDir(value: string, workspace: string, name: string): string {
  const abs = path.resolve(workspace, value);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new InputError(`${name} ${value} does not exist`);
  }
  if (!stat.isDirectory()) throw new InputError(`${name} ${value} is not a directory`);
  return value;
}

/**
 * Inputs > config file > built-in default: the inputs a config file can default have no
 * default in action.yml (the runner would pass it and hide the file's value), so an empty
 * input means "not given" and the built-in default is applied here.
 */
export function readActionConfig(read: InputReader, env: NodeJS.ProcessEnv = process.env): ActionConfig {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const get = (name: string, fallback = '') => {
    const v = read(name);
    return v === '' ? fallback : v;
  };
  // The config file first: its values are the defaults the inputs below override.
  const project = findProjectConfig({ explicit: read('config'), base: workspace, root: workspace });
  const defaults = project?.defaults ?? {};
  const options = defaultOptions(workspace);
  const given = new Set<keyof Options>();
  const input = <K extends keyof Options>(name: string, key: K, parse: (value: string) => Options[K]) => {
    const value = read(name);
    if (value === '') return;
    options[key] = parse(value);
    given.add(key);
  };
  input('static', 'static', (v) => parseBoolean(v, 'static'));
  input('platforms', 'platforms', parsePlatforms);
  if (given.has('platforms')) options.platformsExplicit = true;
  input('target', 'target', (v) => v);
  input('build-args', 'buildArgs', (v) => parseKeyValueLines(v, 'build-args'));
  input('grace-period', 'gracePeriod', (v) => parseSeconds(v, 'grace-period'));
  input('startup-wait', 'startupWait', (v) => parseSeconds(v, 'startup-wait'));
  input('ready-log', 'readyLog', (v) => parseRegex(v, 'ready-log'));
  input('ready-cmd', 'readyCmd', (v) => parseCommand(v, 'ready-cmd'));
  // The probe container's environment comes from this input (and the config file) only, never from the runner's env.
  input('probe-env', 'probeEnv', (v) => parseKeyValueLines(v, 'probe-env'));
  input('probe-network', 'probeNetwork', parseNetwork);
  options.ignore = parseIgnore(get('ignore'));
  input('fail-on', 'failOn', parseFailOn);
  input('filter-mode', 'filterMode', parseFilterMode);
  input('image', 'image', (v) => parseImageRef(v, 'image'));
  input('builder', 'builder', (v) => parseBuilderName(v, 'builder'));
  input('cache-from', 'cacheFrom', (v) => specLines(v, 'cache-from'));
  input('cache-to', 'cacheTo', (v) => specLines(v, 'cache-to'));
  input('secrets', 'secrets', (v) => specLines(v, 'secrets'));
  input('build-contexts', 'buildContexts', (v) => specLines(v, 'build-contexts'));
  input('ssh', 'ssh', (v) => specLines(v, 'ssh', false));
  // The Action's log shows BuildKit's plain output in one group per platform.
  options.progress = 'plain';
  applyConfigDefaults(options, defaults, given);
  options.format = 'json';
  const context = get('context');
  if (context !== '') options.context = inWorkspaceDir(context, workspace, 'context');

  const channel = (name: string, fromConfig: boolean | undefined, fallback: boolean) => {
    const value = read(name);
    return value === '' ? (fromConfig ?? fallback) : parseBoolean(value, name);
  };
  const sarif = get('sarif-file');
  const plan = channel('plan', undefined, false);
  const reportOnly = channel('report-only', undefined, false);
  const reportsSpec = get('reports');
  if ([plan, reportOnly, reportsSpec !== ''].filter(Boolean).length > 1) throw new InputError('plan, report-only and reports are three different jobs of a matrix workflow: give at most one of them per step');
  const runners: Record<string, string> = {};
  for (const line of get('runners').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))) {
    const [platform, label] = parseRunner(line, 'runners');
    runners[platform] = label;
  }
  // `image:` with no `dockerfile:` input and no Dockerfile in the workspace: the image alone is probed.
  const imageOnly = options.image !== undefined && read('dockerfile') === '' && !fs.existsSync(path.join(workspace, 'Dockerfile'));
  const config: ActionConfig = {
    // Merging reads no Dockerfile: the shards did.
    dockerfiles: reportsSpec !== '' ? [] : imageOnly ? [''] : expandDockerfiles(get('dockerfile', 'Dockerfile'), workspace),
    options,
    annotations: channel('annotations', defaults.annotations, true),
    checkRun: channel('check-run', defaults.checkRun, false),
    review: channel('review', defaults.review, false),
    token: read('github-token'),
    workspace,
    plan,
    reportOnly,
    runners,
  };
  const planned = get('plan-platforms');
  if (planned !== '') config.planPlatforms = parsePlatforms(planned);
  if (reportsSpec !== '') config.reports = expandReports(reportsSpec, workspace);
  if (project) config.project = project;
  if (sarif !== '') config.sarifFile = sarif;
  // Every Dockerfile is checked up front: a typo in the third path fails before any build starts.
  for (const file of config.dockerfiles) if (file !== '') readUserText(path.resolve(workspace, file), file, 'Dockerfile');
  return config;
}

/** The `reports` input: paths or globs of shard reports, one per line; a glob that matches nothing is an error, never an empty pass. */
export function expandReports(spec: string, workspace: string): string[] {
  const out: string[] = [];
  for (const line of spec.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))) {
    if (!hasMagic(line)) {
      out.push(line);
      continue;
    }
    const found = globFiles(line, workspace).sort();
    if (found.length === 0) throw new InputError(`reports pattern ${JSON.stringify(line)} matches no file under ${workspace}: did the shards upload their reports and did actions/download-artifact run?`);
    out.push(...found);
  }
  if (out.length === 0) throw new InputError('reports must name at least one shard report path or glob');
  return [...new Set(out)];
}
