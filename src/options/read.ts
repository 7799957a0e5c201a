// The catalog's readers: command-line words, Action inputs and config-file values -> one layer
// of parsed values keyed by the entry's `key`; and the precedence that stacks the layers
// (flag or input > config file > built-in default). Nothing here knows a particular option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../errors.js';
import { commandsOf, ENTRIES, type Command, type Entry, type Scope } from './catalog.js';
import { parseBoolean, parseKeyValue } from './parse.js';
import { didYouMean } from './suggest.js';

/** The values one source gave, by entry key. */
export interface Layer {
  values: Record<string, unknown>;
}

function collect(entry: Entry & { type: 'list' }, items: unknown[], name: string): unknown {
  return entry.collect ? entry.collect(items as never[], name) : items;
}

function splitItems(entry: Entry & { type: 'list' }, raw: string): string[] {
  return entry.split ? raw.split(entry.split).map((s) => s.trim()).filter(Boolean) : [raw];
}

// ---------------------------------------------------------------------------------------------
// Command line

type FlagSpec = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs options for every entry with a flag on `command`. */
export function flagSpec(command: Command = 'run'): FlagSpec {
  const out: FlagSpec = {};
  for (const e of ENTRIES) {
    if (!e.flag || !commandsOf(e).includes(command)) continue;
    out[e.flag] = e.type === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: e.type === 'list' || e.type === 'map' };
  }
  return out;
}

/**
 * parseArgs with one-line errors: an unknown flag names the closest known ones (buildx spells
 * `--platform`), a flag whose value starts with `-` says how to pass it.
 */
export function parseFlags(argv: string[], options: FlagSpec, see: string) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (err) {
    // node:util's messages name the option; keep the first sentence only.
    const text = err instanceof Error ? err.message.split('\n')[0]!.replace(/\. To specify.*$/, '').replace(/\.$/, '') : String(err);
    const ambiguous = /Option '(--[a-z-]+)[^']*' argument is ambiguous/.exec(text);
    if (ambiguous) throw new InputError(`${ambiguous[1]} needs a value (write ${ambiguous[1]}=VALUE for a value that starts with "-")`);
    const unknown = /Unknown option '(--?[^'=]+)/.exec(text);
    if (unknown) {
      const flags = Object.keys(options).map((f) => `--${f}`);
      throw new InputError(`unknown option ${unknown[1]}${didYouMean(unknown[1]!, flags)}; see ${see}`);
    }
    throw new InputError(`${text}; see ${see}`);
  }
}

/** parseArgs' values -> a layer (only the flags given). */
export function fromFlags(values: Record<string, unknown>, scope?: Scope, command: Command = 'run'): Layer {
  const out: Record<string, unknown> = {};
  for (const e of ENTRIES) {
    if (!e.flag || !commandsOf(e).includes(command) || (scope && e.scope !== scope)) continue;
    const raw = values[e.flag];
    if (raw === undefined) continue;
    const name = `--${e.flag}`;
    if (e.type === 'boolean') out[e.key] = raw === true;
    else if (e.type === 'value') out[e.key] = e.parse(raw as string, name);
    else if (e.type === 'list') out[e.key] = collect(e, (raw as string[]).flatMap((r) => splitItems(e, r)).map((i) => e.item(i, name)), name);
    else out[e.key] = Object.fromEntries((raw as string[]).map((r) => parseKeyValue(r, name)));
  }
  return { values: out };
}

// ---------------------------------------------------------------------------------------------
// Action inputs

/** Reads one input as the runner passes it (`INPUT_<NAME>`, trimmed; '' when absent). */
export type InputReader = (name: string) => string;

/** Non-empty lines that are not `#` comments. */
export function inputLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * The inputs of one scope -> a layer. An empty input means "not given": action.yml declares
 * no default for inputs the config file can set, or the runner's default would hide the file's.
 */
export function fromInputs(read: InputReader, scope?: Scope): Layer {
  const out: Record<string, unknown> = {};
  for (const e of ENTRIES) {
    if (!e.input || (scope && e.scope !== scope)) continue;
    const raw = read(e.input);
    if (raw === '') continue;
    const name = e.input;
    if (e.type === 'boolean') out[e.key] = parseBoolean(raw, name);
    else if (e.type === 'value') out[e.key] = e.parse(raw, name);
    else if (e.type === 'list') out[e.key] = collect(e, inputLines(raw).flatMap((l) => splitItems(e, l)).map((i) => e.item(i, name)), name);
    else out[e.key] = Object.fromEntries(inputLines(raw).map((l) => parseKeyValue(l, name)));
  }
  return { values: out };
}

// ---------------------------------------------------------------------------------------------
// Config file (a parsed YAML document)

/** Config-file keys the catalog knows, in catalog order. */
export const CONFIG_KEYS: readonly string[] = ENTRIES.filter((e) => e.config).map((e) => e.config!);

export function configEntry(key: string): Entry | undefined {
  return ENTRIES.find((e) => e.config === key);
}

function describe(v: unknown): string {
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return JSON.stringify(v);
}

function scalar(v: unknown, name: string): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new InputError(`${name} must be a single value, not ${describe(v)}`);
}

/** One config-file value (YAML: scalars, lists, mappings) -> the entry's typed value; errors start with the key. */
export function fromConfigValue(e: Entry, v: unknown): unknown {
  const name = e.config!;
  if (e.type === 'boolean') {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/.test(v)) return v === 'true';
    throw new InputError(`${name} must be true or false (got ${JSON.stringify(v)})`);
  }
  if (e.type === 'value') return e.parse(scalar(v, name), name);
  if (e.type === 'list') {
    if (v === null) return collect(e, [], name);
    const isMapping = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
    const parsed = (Array.isArray(v) ? v : [v]).flatMap((x) => (isMapping(x) && e.mapping ? [e.mapping(x, name)] : splitItems(e, scalar(x, name)).map((i) => e.item(i, name))));
    return collect(e, parsed, name);
  }
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const item of v) {
      const [k, val] = parseKeyValue(scalar(item, name), name);
      out[k] = val;
    }
    return out;
  }
  if (typeof v !== 'object' || v === null) throw new InputError(`${name} must be a mapping of KEY: VALUE (or a list of KEY=VALUE), not ${describe(v)}`);
  for (const [k, val] of Object.entries(v)) {
    const [key, value] = parseKeyValue(`${k}=${val === null ? '' : scalar(val, name)}`, name);
    out[key] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Precedence

/**
 * Stack the layers, the first winning: each entry of `scope` takes the first layer's value
 * that has it, else its built-in default; maps merge key by key (the first layer's key wins).
 * Returns the values and the keys some layer gave.
 */
export function resolve(scope: Scope, layers: readonly Layer[]): { values: Record<string, unknown>; given: Set<string> } {
  const values: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const e of ENTRIES) {
    if (e.scope !== scope) continue;
    const found = layers.filter((l) => l.values[e.key] !== undefined).map((l) => l.values[e.key]);
    if (found.length > 0) given.add(e.key);
    if (e.type === 'map' && found.length > 0) values[e.key] = Object.assign({}, ...[...found].reverse());
    else if (found.length > 0) values[e.key] = found[0];
    else if (e.initial) values[e.key] = e.initial();
  }
  return { values, given };
}
