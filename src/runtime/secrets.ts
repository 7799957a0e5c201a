// Build secret VALUES never leave the tool: read as buildx reads them (env=NAME, src=FILE, or
// an environment variable named by the id), then replaced in every string the tool emits (the
// build log as it streams, the report, error lines). The Action's token can never be one.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

export const REDACTED = '***';
/** Shorter values are not masked: replacing 1–3 characters everywhere would mangle the report and hide nothing. */
const MIN_VALUE = 4;
/** A secret file larger than this is not read for masking (buildx caps secrets at 500 KB). */
const MAX_FILE = 512 * 1024;

/**
 * Variables that hold the runner's or the Action's own credentials: never a build secret. (A
 * GITHUB_TOKEN the workflow sets may be a token made for the build; the value check refuses it
 * when it is the Action's.)
 */
const CREDENTIAL_ENV = /^(?:INPUT_|ACTIONS_)/i;

const values = new Set<string>();
/** Credentials of the tool itself (the Action's token): masked too, and refused as a build secret. */
const protectedValues = new Set<string>();
let sorted: string[] = [];

function add(value: string, into: Set<string>): void {
  for (const v of [value, ...value.split(/\r?\n/)]) {
    const t = v.trim();
    if (t.length >= MIN_VALUE) into.add(t);
  }
  // Longest first: a value that contains another is masked whole.
  sorted = [...new Set([...values, ...protectedValues])].sort((a, b) => b.length - a.length);
}

/** The Action's token (or any credential of the tool's own): masked in every output, and never accepted as a build secret. */
export function protectCredential(value: string): void {
  if (value) add(value, protectedValues);
}

function fields(spec: string): Map<string, string> {
  return new Map(spec.split(',').map((kv) => [kv.slice(0, Math.max(0, kv.indexOf('='))).trim().toLowerCase(), kv.slice(kv.indexOf('=') + 1)] as const));
}

/** The environment variable a spec reads (`env=NAME`, or the id when no src is given), as buildx does. */
export function secretEnvName(spec: string): string | undefined {
  const f = fields(spec);
  if (f.has('env')) return f.get('env');
  if (f.has('src') || f.has('source')) return undefined;
  return f.get('id');
}

/**
 * Read each secret's value (for masking only) and refuse, in one sentence, a spec that would
 * hand the build the tool's own credentials. Returns the values registered.
 */
export function registerBuildSecrets(specs: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string[] {
  const found: string[] = [];
  for (const spec of specs) {
    const name = secretEnvName(spec);
    const id = fields(spec).get('id') ?? '?';
    if (name && CREDENTIAL_ENV.test(name)) throw new InputError(`build secret ${id} reads ${name}, a credential of the runner or of this Action; pass the secret through a variable of its own`);
    let value: string | undefined;
    if (name) value = env[name];
    else {
      const file = fields(spec).get('src') ?? fields(spec).get('source');
      if (file) value = readSmall(path.resolve(cwd, file));
    }
    if (value === undefined || value === '') continue;
    if ([...protectedValues].some((p) => value.includes(p))) throw new InputError(`build secret ${id} holds this Action's token; a build never gets it`);
    found.push(value);
    add(value, values);
  }
  return found;
}

function readSmall(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_FILE) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every registered secret value in `text` replaced by ***. */
export function redact(text: string): string {
  if (sorted.length === 0 || text.length < MIN_VALUE) return text;
  let out = text;
  for (const v of sorted) if (out.includes(v)) out = out.split(v).join(REDACTED);
  return out;
}

/** The length of the longest end of `text` that begins some value (and so may continue in the next chunk). */
function heldBack(text: string): number {
  if (text.length === 0) return 0;
  const last = text[text.length - 1]!;
  let hold = 0;
  for (const v of sorted) {
    // Candidate lengths n: v[n - 1] is the text's last character; longest first.
    for (let i = v.lastIndexOf(last, Math.min(v.length - 2, text.length - 1)); i >= hold; i = v.lastIndexOf(last, i - 1)) {
      if (text.endsWith(v.slice(0, i + 1))) {
        hold = i + 1;
        break;
      }
      if (i === 0) break;
    }
  }
  return hold;
}

/**
 * For a stream read in chunks: a value split across two chunks is still masked. Holds back the
 * last (longest value − 1) characters until the next chunk or the end.
 */
export class RedactingStream {
  private pending = '';

  write(chunk: string): string {
    const text = redact(this.pending + chunk);
    const hold = heldBack(text);
    this.pending = text.slice(text.length - hold);
    return text.slice(0, text.length - hold);
  }

  end(): string {
    const rest = redact(this.pending);
    this.pending = '';
    return rest;
  }
}

/**
 * Every string in a report-shaped value, masked in place, walked with an explicit stack (a report
 * can hold 100k findings; recursion depth stays flat).
 */
export function redactDeep<T>(root: T): T {
  if (sorted.length === 0) return root;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') node[i] = redact(v);
        else if (v && typeof v === 'object') stack.push(v);
      }
    } else if (node && typeof node === 'object' && !(node instanceof RegExp) && !(node instanceof Set) && !(node instanceof Map)) {
      const rec = node as Record<string, unknown>;
      for (const k of Object.keys(rec)) {
        const v = rec[k];
        if (typeof v === 'string') rec[k] = redact(v);
        else if (v && typeof v === 'object') stack.push(v);
      }
    }
  }
  return root;
}

/** For tests: forget every registered value. */
export function forgetSecrets(): void {
  values.clear();
  protectedValues.clear();
  sorted = [];
}
