// Value parsers shared by every face (flag, Action input, config file): one meaning per value.
// Each takes the name the user wrote (`--grace-period`, `grace-period`) for its one-line error.
import { InputError } from '../errors.js';
import { closest } from './suggest.js';

/** One of a fixed set of words, case-insensitive; `aliases` map other tools' words (hadolint's `none`) to ours. */
export function parseChoice<T extends string>(value: string, name: string, choices: readonly T[], aliases: Readonly<Record<string, T>> = {}): T {
  const v = value.trim().toLowerCase();
  const found = choices.find((c) => c === v) ?? aliases[v];
  if (found) return found;
  const near = closest(v, [...choices, ...Object.keys(aliases)]).map((w) => (aliases[w] ? `${aliases[w]}` : w));
  const hint = near.length > 0 ? `; did you mean ${[...new Set(near)].join(' or ')}?` : '';
  throw new InputError(`${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(value)}${hint})`);
}

export function parseBoolean(value: string, name: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(`${name} must be true or false (got ${JSON.stringify(value)})`);
}

export function parseSeconds(value: string, name: string): number {
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InputError(`${name} must be a number of seconds between 0 and 3600 (got ${JSON.stringify(value)})`);
  return n;
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;

/** One platform, `os/arch[/variant]`. */
export function parsePlatform(value: string): string {
  const p = value.trim();
  if (!PLATFORM.test(p)) throw new InputError(`platform ${JSON.stringify(p)} is not of the form os/arch[/variant], e.g. linux/arm64`);
  return p;
}

/** A comma or newline list of platforms, deduplicated. */
export function parsePlatforms(value: string): string[] {
  return platformList(value.split(/[,\n]/).map((p) => p.trim()).filter(Boolean).map(parsePlatform));
}

export function platformList(items: readonly string[]): string[] {
  if (items.length === 0) throw new InputError('platforms must name at least one platform, e.g. linux/amd64');
  return [...new Set(items)];
}

export function parseKeyValue(value: string, name: string): [string, string] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InputError(`${name} takes KEY=VALUE (got ${JSON.stringify(value)})`);
  const key = value.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) throw new InputError(`${name} key ${JSON.stringify(key)} is not a valid name`);
  return [key, value.slice(eq + 1)];
}

export function parseRegex(value: string, name: string): RegExp {
  try {
    return new RegExp(value);
  } catch {
    throw new InputError(`${name} is not a valid regular expression: ${JSON.stringify(value)}`);
  }
}

/** A readiness command run by `/bin/sh -c` in the container: one line, not empty. */
export function parseCommand(value: string, name: string): string {
  const v = value.trim();
  if (v === '' || /[\r\n\0]/.test(v)) throw new InputError(`${name} must be one non-empty command line, e.g. ${name} 'test -f /tmp/ready'`);
  return v;
}

/** An HTTP target inside the container: `PATH[:PORT]` (PORT: the one TCP port it listens on when left out). */
export interface HttpTarget {
  path: string;
  port?: number;
}

/** `/healthz`, `/healthz:8080`, `/:3000`: a path and query as a request line takes them (no spaces, no control characters). */
export function parseHttpTarget(value: string, name: string): HttpTarget {
  const m = /^(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*?)(?::(\d{1,5}))?$/.exec(value.trim());
  const port = m?.[2] !== undefined ? Number(m[2]) : undefined;
  if (!m || (port !== undefined && (port < 1 || port > 65535))) {
    throw new InputError(`${name} takes PATH[:PORT], a path starting with / and an optional port, e.g. ${name} /healthz:8080 (got ${JSON.stringify(value)})`);
  }
  return port === undefined ? { path: m[1]! } : { path: m[1]!, port };
}

/** Free text that must not be empty (a stage name, a file name). */
export function parseText(value: string, name: string): string {
  if (value.trim() === '') throw new InputError(`${name} needs a value`);
  return value;
}

/** A file name as given; an empty one is refused with `message`. */
export function parseFileName(value: string, message: string): string {
  if (value.trim() === '') throw new InputError(message);
  return value;
}

const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function parseNetwork(value: string, name = 'probe-network'): string {
  const v = value.trim();
  if (!NETWORK.test(v)) throw new InputError(`${name} ${JSON.stringify(value)} is not a docker network name`);
  return v;
}

/** buildx `--add-host host:ip` (build-push-action's `add-hosts`): `name:ip`, `name=ip`, or `name:host-gateway`. */
export function parseAddHost(value: string, name: string): string {
  const v = value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*[:=](host-gateway|[0-9A-Fa-f.:[\]]+)$/.test(v)) {
    throw new InputError(`${name} takes HOST:IP, e.g. mirror.internal:10.0.0.5 or host.docker.internal:host-gateway (got ${JSON.stringify(value)})`);
  }
  return v;
}

/** An image reference as docker takes it: `[registry[:port]/]name[:tag][@sha256:…]`. */
const IMAGE_REF = /^[a-z0-9][a-z0-9._:/-]*(@sha256:[a-f0-9]{64})?$|^sha256:[a-f0-9]{64}$|^[a-f0-9]{12,64}$/i;

export function parseImageRef(value: string, name: string): string {
  const v = value.trim();
  if (!IMAGE_REF.test(v) || /\/\/|:$|\/$/.test(v)) throw new InputError(`${name} ${JSON.stringify(value)} is not an image reference (e.g. ghcr.io/org/app:1.2 or app:dev)`);
  return v;
}

/** A buildx builder's name. */
export function parseBuilderName(value: string, name: string): string {
  const v = value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v)) throw new InputError(`${name} ${JSON.stringify(value)} is not a buildx builder name`);
  return v;
}

/** A buildx spec passed as given (`type=local,src=…`, `id=…,env=…`, `name=path`); an empty one or one starting with `-` is refused. */
export function parseBuildxSpec(value: string, name: string, needsEquals = true): string {
  const v = value.trim();
  if (v === '' || v.startsWith('-') || (needsEquals && !v.includes('='))) {
    const shown = name === 'secret' || name === 'secrets' || name === '--secret' ? 'the given value' : JSON.stringify(value);
    throw new InputError(`${name} takes a buildx spec such as ${EXAMPLES[name.replace(/^--/, '')] ?? 'key=value'} (got ${shown})`);
  }
  return v;
}

const EXAMPLES: Record<string, string> = {
  'cache-from': 'type=local,src=DIR or type=gha',
  'cache-to': 'type=local,dest=DIR or type=gha,mode=max',
  secret: 'id=npmrc,src=.npmrc',
  secrets: 'id=npmrc,src=.npmrc',
  'build-context': 'name=path',
  'build-contexts': 'name=path',
  ssh: 'default',
};

/** `PLATFORM=LABEL`: a runner label for a platform of the plan. */
export function parseRunner(value: string, name = '--runner'): [string, string] {
  const eq = value.indexOf('=');
  const platform = eq < 0 ? '' : value.slice(0, eq).trim();
  const label = eq < 0 ? '' : value.slice(eq + 1).trim();
  if (platform === '' || label === '') throw new InputError(`${name} must be PLATFORM=LABEL (e.g. linux/arm64=ubuntu-24.04-arm), got ${JSON.stringify(value)}`);
  return [platform, label];
}

