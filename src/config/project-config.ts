// The config file (`.entrypoint-guard.yml`, schema/config.schema.json): read, validated key by key, typed.
// Every mistake is one InputError naming the file and the key; values go through the same
// parsers as flags and inputs, so a config value means exactly what the flag would.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { readUserText } from '../input.js';
import type { FailOn, Severity } from '../findings.js';
import { globToRegExp } from '../github/glob.js';
import type { Options } from '../options.js';
import type { FaceValues } from '../options/catalog.js';
import { CONFIG_KEYS, configEntry, fromConfigValue } from '../options/read.js';
import { parseRuleId } from '../options/rule-ids.js';
import { parseChoice } from '../options/parse.js';
import { didYouMean } from '../options/suggest.js';

export const CONFIG_FILE_NAME = '.entrypoint-guard.yml';
const MAX_BYTES = 1024 * 1024;

export type RuleSetting = Severity | 'off';

export interface PathOverride {
  /** The glob as written (relative to the repository root). */
  pattern: string;
  match: RegExp;
  failOn?: FailOn;
  rules: Map<string, RuleSetting>;
}

/** Option defaults the file gives (the catalog's 'run' entries); a flag or an input still wins over each. */
export type OptionDefaults = Partial<Options>;

export interface ProjectConfig {
  /** The file as the user knows it (relative to the working directory), for messages. */
  file: string;
  ignore: Set<string>;
  rules: Map<string, RuleSetting>;
  /** In file order: a later entry wins over an earlier one for the same key. */
  paths: PathOverride[];
  defaults: OptionDefaults;
  /** The faces' options the file gives (the Action's channels). */
  faceDefaults: Partial<FaceValues>;
}

type Value = unknown;

/** A value error inside the file, before it knows its key path. */
class ConfigValueError extends Error {}

/** The finished one-line message (`<file>: <key path> <reason>`): passed up as it is. */
class ConfigFileError extends InputError {}

function fail(reason: string): never {
  throw new ConfigValueError(reason);
}

function scalar(v: Value): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fail(`must be a single value, not ${describe(v)}`);
}

function isMap(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: Value): string {
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return JSON.stringify(v);
}

const TOP_KEYS = ['rules', 'paths', ...CONFIG_KEYS];
const PATH_KEYS = ['fail-on', 'rules'];
const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

function unknownKey(key: string, known: readonly string[], under = ''): string {
  const near = didYouMean(key, known);
  return `unknown key ${JSON.stringify(key)}${under}${near || ` (known keys: ${known.join(', ')})`}`;
}

function ruleSettings(v: Value, at: string[], run: Runner): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  if (v === null) return out;
  if (!isMap(v)) return fail(`must be a mapping of rule id: ${RULE_SETTINGS.join(' | ')}, not ${describe(v)}`);
  for (const [id, setting] of Object.entries(v)) {
    run([...at, id], () => {
      parseRuleId(id, id);
      out.set(id, parseChoice(scalar(setting), id, RULE_SETTINGS));
    });
  }
  return out;
}

type Runner = (at: string[], body: () => void) => void;

function keyPath(at: string[]): string {
  return at.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}

/** Validate a parsed document; `file` names it in every message. */
export function projectConfigFrom(doc: Value, file: string): ProjectConfig {
  const config: ProjectConfig = { file, ignore: new Set(), rules: new Map(), paths: [], defaults: {}, faceDefaults: {} };
  // Each key is checked on its own; its first problem becomes the one error line.
  const run: Runner = (at, body) => {
    try {
      body();
    } catch (err) {
      if (err instanceof ConfigFileError || !(err instanceof ConfigValueError || err instanceof InputError)) throw err;
      const where = keyPath(at);
      const leaf = at[at.length - 1] ?? '';
      // The shared parsers start with the option's name ("fail-on must be …"): say it once.
      const reason =
        err instanceof ConfigValueError ? ` ${err.message}` : err.message.startsWith(`${leaf} `) ? err.message.slice(leaf.length) : `: ${err.message}`;
      throw new ConfigFileError(`${file}: ${where}${reason}`);
    }
  };
  if (doc === null || doc === undefined) return config;
  if (!isMap(doc)) throw new InputError(`${file}: the file must be a mapping of keys (ignore, rules, paths, fail-on, …), not ${describe(doc)}`);

  for (const [key, value] of Object.entries(doc)) {
    if (!TOP_KEYS.includes(key)) throw new InputError(`${file}: ${unknownKey(key, TOP_KEYS)}`);
    if (key === 'rules') {
      run([key], () => (config.rules = ruleSettings(value, [key], run)));
    } else if (key === 'paths') {
      run([key], () => {
        if (value === null) return;
        if (!isMap(value)) fail(`must be a mapping of glob: {fail-on, rules}, not ${describe(value)}`);
        for (const [pattern, override] of Object.entries(value)) config.paths.push(pathOverride(pattern, override, [key, pattern], run, file));
      });
    } else {
      const entry = configEntry(key)!;
      run([key], () => {
        const parsed = fromConfigValue(entry, value);
        // The file's ignore list goes to the policy with its rules; the flags' and inputs' to the engine.
        if (entry.key === 'ignore') config.ignore = parsed as Set<string>;
        else if (entry.scope === 'run') (config.defaults as Record<string, unknown>)[entry.key] = parsed;
        else (config.faceDefaults as Record<string, unknown>)[entry.key] = parsed;
      });
    }
  }
  return config;
}

function pathOverride(pattern: string, v: Value, at: string[], run: Runner, file: string): PathOverride {
  const entry: PathOverride = { pattern, match: /$^/, rules: new Map() };
  run(at, () => {
    const glob = pattern.trim().replace(/^\.\//, '');
    if (glob === '' || glob.startsWith('/') || glob.split('/').includes('..')) fail('must be a glob relative to the repository root');
    entry.match = globToRegExp(glob);
    if (!isMap(v)) fail(`must be a mapping with fail-on and/or rules, not ${describe(v)}`);
  });
  for (const [key, value] of Object.entries(v as Record<string, Value>)) {
    if (!PATH_KEYS.includes(key)) throw new ConfigFileError(`${file}: ${unknownKey(key, PATH_KEYS, ` under ${keyPath(at)}`)}`);
    if (key === 'fail-on') run([...at, key], () => (entry.failOn = fromConfigValue(configEntry('fail-on')!, value) as FailOn));
    else run([...at, key], () => (entry.rules = ruleSettings(value, [...at, key], run)));
  }
  return entry;
}

/** Parse YAML text; syntax errors become one line with the file's line and column. */
export function parseProjectConfig(text: string, file: string): ProjectConfig {
  const doc = parseDocument(text, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0] ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    throw new InputError(`${file} is not valid YAML${at}: ${what}`);
  }
  let value: Value;
  try {
    // Aliases are expanded with a cap: a "billion laughs" file is refused, not expanded.
    value = doc.toJS({ maxAliasCount: 100 }) as Value;
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]!.replace(/\.$/, '') : String(err);
    const why = /alias count/i.test(message) ? 'its aliases expand too far (over 100 uses of an anchor; a resource-exhaustion pattern)' : /unresolved alias/i.test(message) ? `it uses an alias that no anchor defines (${message.replace(/^.*?:\s*/, '*')})` : message;
    throw new InputError(`${file} is not valid YAML: ${why}`);
  }
  return projectConfigFrom(value, file);
}

/** Read and validate one config file; a missing or unreadable one is bad input. */
export function loadProjectConfig(absPath: string, display: string): ProjectConfig {
  const text = readUserText(absPath, display, 'config file', { maxBytes: MAX_BYTES, allowEmpty: true });
  return parseProjectConfig(text, display);
}

export interface ConfigLocation {
  /** `--config` / the `config` input, relative to `base`; empty when not given. */
  explicit?: string;
  /** Where an explicit path is resolved and display paths start (the working directory). */
  base: string;
  /** The repository root, where `.entrypoint-guard.yml` is looked for. */
  root: string;
}

/** The explicit config file, else `.entrypoint-guard.yml` at the repository root when present. */
export function findProjectConfig(where: ConfigLocation): ProjectConfig | undefined {
  const display = (abs: string) => {
    const rel = path.relative(where.base, abs).split(path.sep).join('/');
    return rel === '' || path.isAbsolute(rel) ? abs : rel;
  };
  if (where.explicit) {
    const abs = path.resolve(where.base, where.explicit);
    return loadProjectConfig(abs, display(abs));
  }
  const abs = path.join(where.root, CONFIG_FILE_NAME);
  if (!fs.existsSync(abs)) return undefined;
  return loadProjectConfig(abs, display(abs));
}
