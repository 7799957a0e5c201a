// The Action's inputs (action.yml, INTERFACE.md) -> typed configuration. Every mistake is an
// InputError with one sentence naming the input; the runner's defaults are repeated here so
// a missing INPUT_* variable behaves like the documented default.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';
import { expandDockerfiles } from './github/glob.js';
import { readUserText } from './input.js';
import {
  defaultOptions,
  parseFailOn,
  parseIgnore,
  parseKeyValue,
  parseNetwork,
  parsePlatforms,
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

export function readActionConfig(read: InputReader, env: NodeJS.ProcessEnv = process.env): ActionConfig {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const get = (name: string, fallback = '') => {
    const v = read(name);
    return v === '' ? fallback : v;
  };
  const options = defaultOptions(workspace);
  options.static = parseBoolean(get('static', 'false'), 'static');
  options.platforms = parsePlatforms(get('platforms', options.platforms.join(',')));
  const target = get('target');
  if (target !== '') options.target = target;
  options.buildArgs = parseKeyValueLines(get('build-args'), 'build-args');
  options.gracePeriod = parseSeconds(get('grace-period', String(options.gracePeriod)), 'grace-period');
  options.startupWait = parseSeconds(get('startup-wait', String(options.startupWait)), 'startup-wait');
  const readyLog = get('ready-log');
  if (readyLog !== '') options.readyLog = parseRegex(readyLog, 'ready-log');
  // The probe container's environment comes from this input only, never from the runner's env.
  options.probeEnv = parseKeyValueLines(get('probe-env'), 'probe-env');
  options.probeNetwork = parseNetwork(get('probe-network', options.probeNetwork));
  options.ignore = parseIgnore(get('ignore'));
  options.failOn = parseFailOn(get('fail-on', 'error'));
  options.format = 'json';
  const context = get('context');
  if (context !== '') options.context = inWorkspaceDir(context, workspace, 'context');

  const sarif = get('sarif-file');
  const config: ActionConfig = {
    dockerfiles: expandDockerfiles(get('dockerfile', 'Dockerfile'), workspace),
    options,
    annotations: parseBoolean(get('annotations', 'true'), 'annotations'),
    checkRun: parseBoolean(get('check-run', 'false'), 'check-run'),
    review: parseBoolean(get('review', 'false'), 'review'),
    token: read('github-token'),
    workspace,
  };
  if (sarif !== '') config.sarifFile = sarif;
  // Every Dockerfile is checked up front: a typo in the third path fails before any build starts.
  for (const file of config.dockerfiles) readUserText(path.resolve(workspace, file), file, 'Dockerfile');
  return config;
}
