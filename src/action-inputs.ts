// The Action's inputs (action.yml; the option catalog, src/options/catalog.ts) -> typed configuration. Every mistake is an
// InputError with one sentence naming the input; the runner's defaults are repeated here so
// a missing INPUT_* variable behaves like the documented default.
import fs from 'node:fs';
import path from 'node:path';
import { applyConfigDefaults } from './config/apply-defaults.js';
import { findProjectConfig, type OptionDefaults, type ProjectConfig } from './config/project-config.js';
import { InputError } from './errors.js';
import { expandDockerfiles, globFiles, hasMagic } from './github/glob.js';
import { readUserText } from './input.js';
import { defaultOptions, type Options } from './options.js';
import type { FaceValues } from './options/catalog.js';
import { fromInputs, inputLines, resolve, type InputReader } from './options/read.js';

export type { InputReader };
export interface ActionConfig {
  /** Dockerfile paths relative to the workspace, globs expanded. */
  dockerfiles: string[];
  /** Shared options; `dockerfile` is set per Dockerfile. `context` applies to all when given. */
  options: Options;
  annotations: boolean;
  checkRun: boolean;
  review: boolean;
  /** The SARIF category (input `category`); default: the workflow file and job. */
  category?: string;
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
  /** Config-file keys ignored because the file comes from an untrusted pull request (trust model, docs/github-action.md). */
  untrustedKeys?: string[];
}

/**
 * Keys that hand the build or the container something of the runner's: credentials (secrets,
 * ssh), files outside the workspace (build-contexts), a registry to write (cache-to), a builder,
 * a network other than none. From the repository's own config file only when that file is trusted.
 */
const PRIVILEGED_KEYS: [keyof OptionDefaults, string][] = [['secrets', 'secrets'], ['ssh', 'ssh'], ['buildContexts', 'build-contexts'], ['cacheTo', 'cache-to'], ['builder', 'builder'], ['probeNetwork', 'probe-network']];

/**
 * The checked-out files come from the pull request's author: on `pull_request_target` (which
 * runs with the base repository's secrets) and on pull requests from forks.
 */
export function configIsUntrusted(env: NodeJS.ProcessEnv): boolean {
  if (env.GITHUB_EVENT_NAME === 'pull_request_target') return true;
  if (env.GITHUB_EVENT_NAME !== 'pull_request' || !env.GITHUB_EVENT_PATH) return false;
  try {
    const event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { head?: { repo?: { full_name?: string } | null } } };
    const head = event.pull_request?.head?.repo?.full_name;
    return head === undefined || head !== env.GITHUB_REPOSITORY;
  } catch {
    return true;
  }
}

/** What the runner does: `INPUT_` + the name upper-cased with spaces as `_` (hyphens stay). */
export function envInputReader(env: NodeJS.ProcessEnv = process.env): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
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
  // The config file first: its values are the defaults the inputs below override.
  const project = findProjectConfig({ explicit: read('config'), base: workspace, root: workspace });
  // On pull_request_target and fork pull requests the file is the author's: it cannot hand the
  // build the runner's credentials, files, registry or network (trust model, docs/github-action.md).
  const defaults = { ...(project?.defaults ?? {}) };
  const untrustedKeys: string[] = [];
  if (project && configIsUntrusted(env)) {
    for (const [key, name] of PRIVILEGED_KEYS) {
      const value = defaults[key];
      if (value === undefined || (key === 'probeNetwork' && value === 'none') || (Array.isArray(value) && value.length === 0)) continue;
      delete defaults[key];
      untrustedKeys.push(name);
    }
  }
  const options = defaultOptions(workspace);
  const given = new Set<keyof Options>();
  for (const [key, value] of Object.entries(fromInputs(read, 'run').values)) {
    (options as unknown as Record<string, unknown>)[key] = value;
    given.add(key as keyof Options);
  }
  if (given.has('platforms')) options.platformsExplicit = true;
  // The Action's log shows BuildKit's plain output in one group per platform.
  options.progress = 'plain';
  if (project) applyConfigDefaults(options, defaults, given);
  // Asked for the runtime checks (static: false), a skip fails the step unless require-runtime says otherwise.
  if (!given.has('requireRuntime') && project?.defaults.requireRuntime === undefined) options.requireRuntime = !options.static;
  options.format = 'json';
  if (options.context !== undefined) options.context = inWorkspaceDir(options.context, workspace, 'context');

  const face = resolve('face', [fromInputs(read, 'face'), { values: project?.faceDefaults ?? {} }]).values as FaceValues;
  const plan = face.plan ?? false;
  const reportOnly = face.reportOnly ?? false;
  if ([plan, reportOnly, face.reports !== undefined].filter(Boolean).length > 1) throw new InputError('plan, report-only and reports are three different jobs of a matrix workflow: give at most one of them per step');
  // `image:` with no `dockerfile:` input and no Dockerfile in the workspace: the image alone is probed.
  const imageOnly = options.image !== undefined && read('dockerfile') === '' && !fs.existsSync(path.join(workspace, 'Dockerfile'));
  const config: ActionConfig = {
    // Merging reads no Dockerfile: the shards did.
    dockerfiles: face.reports !== undefined ? [] : imageOnly ? [''] : expandDockerfiles(face.dockerfile ?? 'Dockerfile', workspace),
    options,
    annotations: face.annotations ?? true,
    checkRun: face.checkRun ?? false,
    review: face.review ?? false,
    token: read('github-token'),
    workspace,
    plan,
    reportOnly,
    runners: face.runners ?? {},
  };
  if (face.planPlatforms) config.planPlatforms = face.planPlatforms;
  if (face.reports !== undefined) config.reports = expandReports(face.reports, workspace);
  if (project) config.project = project;
  if (untrustedKeys.length > 0) config.untrustedKeys = untrustedKeys;
  if (face.sarifFile !== undefined) config.sarifFile = face.sarifFile;
  if (face.category !== undefined) config.category = face.category;
  // Every Dockerfile is checked up front: a typo in the third path fails before any build starts.
  for (const file of config.dockerfiles) if (file !== '') readUserText(path.resolve(workspace, file), file, 'Dockerfile');
  return config;
}

/** The `reports` input: paths or globs of shard reports, one per line; a glob that matches nothing is an error, never an empty pass. */
export function expandReports(spec: string, workspace: string): string[] {
  const out: string[] = [];
  for (const line of inputLines(spec)) {
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
