// Compose files: every service with what it runs and how it stops, as a Deployment. The one
// Compose reader: dev-image.ts reads the same services (their build and volumes) through here.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { readUserText } from '../../input.js';
import { repoRootOf } from '../../repo-root.js';
import type { Deployed, Deployment, FileMount } from '../deployment.js';
import { bool, entries, get, items, keyLine, readDocuments, str, strings, type YMap, type YNode } from './yaml-tree.js';

/** A Compose file is a few KB; larger ones are not read. */
export const MAX_MANIFEST_BYTES = 10 * 1024 * 1024;
/** Compose's default `stop_grace_period`. */
const COMPOSE_GRACE = 10;

export interface ComposeService {
  name: string;
  /** The Compose file (absolute) and its display path. */
  absPath: string;
  /** The Dockerfile its `build` builds (absolute, symlinks resolved); undefined without a `build` or when it cannot be told. */
  dockerfile?: string;
  /** `image:` as written. */
  image?: string;
  /** The build's context folder (absolute) and `target` stage, when it has a `build`. */
  context?: string;
  target?: string;
  /** Bind mounts of host folders as [source, target] (`.:/app`). */
  binds: [string, string][];
  deployment: Deployment;
}

export function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Words of a Compose string `command:`/`entrypoint:` as Compose splits them (compose-go uses
 * mattn/go-shellwords): quotes and backslashes, no expansion, no shell. An unquoted `;`, `&`,
 * `|`, `<` or `>` ends the command there (`rest` is what Compose drops); undefined when Compose
 * rejects the string (an open quote, a bare parenthesis).
 */
export function splitComposeWords(text: string): { words: string[]; rest?: string } | undefined {
  const words: string[] = [];
  let buf = '';
  let got = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else buf += c;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= text.length) return undefined;
      const next = text[++i]!;
      buf += next === 't' ? '\t' : next === 'n' ? '\n' : next;
      got = true;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else buf += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (got) words.push(buf);
      buf = '';
      got = false;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      got = true;
      continue;
    }
    if (c === '(' && !buf.endsWith('$')) return undefined;
    if (c === ')') return undefined;
    if (';&|<>'.includes(c)) {
      if (got) words.push(buf);
      return { words, rest: text.slice(i) };
    }
    buf += c;
    got = true;
  }
  if (quote) return undefined;
  if (got) words.push(buf);
  return { words };
}

/** A Compose duration (`1m30s`, `10s`, `500ms`, `1h`) in seconds; undefined when it is not one. */
export function composeSeconds(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(t)) return undefined;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * unit[m[2]!]!;
  return total;
}

/** `command:`/`entrypoint:` (string or list) as words, with the line it is written on. */
function startWords(svc: YNode, key: 'command' | 'entrypoint', display: string, notes: string[]): Deployed<string[]> | undefined {
  const node = get(svc, key);
  const line = keyLine(svc, key);
  if (!node || line === undefined) return undefined;
  if (node.kind === 'scalar' && node.value === null) return { value: [], line };
  // `$$` is Compose's escape for a literal `$` (interpolation itself happens before the split).
  const list = strings(node)?.map((w) => w.replace(/\$\$/g, '$'));
  if (list) return { value: list, line };
  const text = str(node);
  if (text === undefined) throw new InputError(`${display}:${line}: \`${key}\` must be a string or a list of strings`);
  const split = splitComposeWords(text.replace(/\$\$/g, '$'));
  if (!split) throw new InputError(`${display}:${line}: \`${key}: ${text.trim().slice(0, 60)}\` is not a command Compose can split (an unclosed quote or a bare parenthesis)`);
  if (split.rest) notes.push(`${display}:${line}: Compose splits \`${key}\` without a shell: \`${split.rest.trim().slice(0, 40)}\` and what follows are dropped (use a list with "sh", "-c" for a shell)`);
  return { value: split.words, line };
}

/** `environment:` as a map or a `KEY=VALUE` list: literal values only. */
function composeEnv(svc: YNode): { env: Deployment['env']; skipped: string[] } {
  const env: Deployment['env'] = [];
  const skipped: string[] = [];
  const add = (name: string, value: string | undefined, line: number) => {
    // No value (taken from the host's env) or a `${VAR}` Compose interpolates: not a literal.
    if (value === undefined || /\$(?!\$)/.test(value)) skipped.push(name);
    else env.push({ name, value: value.replace(/\$\$/g, '$'), line });
  };
  const node = get(svc, 'environment');
  if (node?.kind === 'map') for (const [name, e] of entries(node)) add(name, str(e.value), e.keyLine);
  for (const item of items(node)) {
    const text = str(item);
    if (text === undefined) continue;
    const eq = text.indexOf('=');
    add(eq < 0 ? text : text.slice(0, eq), eq < 0 ? undefined : text.slice(eq + 1), item.line);
  }
  if (get(svc, 'env_file')) skipped.push('env_file');
  return { env, skipped };
}

/** A health check's `test` list as Docker reads it: `["CMD", …]`, `["CMD-SHELL", "…"]`, `["NONE"]`. */
export function healthTest(list: string[]): { argv?: string[]; disabled?: boolean } {
  if (list[0] === 'NONE') return { disabled: true };
  if (list[0] === 'CMD') return { argv: list.slice(1) };
  if (list[0] === 'CMD-SHELL') return { argv: ['/bin/sh', '-c', list.slice(1).join(' ')] };
  return { argv: list };
}

function composeHealthcheck(svc: YNode): Deployment['healthcheck'] {
  const hc = get(svc, 'healthcheck');
  const line = keyLine(svc, 'healthcheck');
  if (!hc || line === undefined) return undefined;
  if (bool(get(hc, 'disable')) === true) return { disabled: true, line };
  const test = get(hc, 'test');
  const list = strings(test);
  if (list) return { ...healthTest(list), line };
  const text = str(test);
  return text !== undefined ? { argv: ['/bin/sh', '-c', text], line } : { line };
}

/** The build context and Dockerfile a service builds (absolute, resolved). */
function serviceBuild(file: string, svc: YNode): { context: string; dockerfile: string; target?: string } | undefined {
  const build = get(svc, 'build');
  if (!build) return undefined;
  let context = '.';
  let dockerfile = 'Dockerfile';
  let target: string | undefined;
  if (build.kind === 'scalar') context = str(build) ?? '.';
  else if (build.kind === 'map') {
    if (get(build, 'dockerfile_inline')) return undefined;
    context = str(get(build, 'context')) ?? '.';
    dockerfile = str(get(build, 'dockerfile')) ?? 'Dockerfile';
    target = str(get(build, 'target'));
  } else return undefined;
  if (context.includes('$') || dockerfile.includes('$') || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context)) return undefined;
  const contextDir = realpath(path.resolve(path.dirname(file), context));
  return { context: contextDir, dockerfile: realpath(path.resolve(contextDir, dockerfile)), ...(target ? { target } : {}) };
}

/**
 * The service runs from a developer's checkout: it bind-mounts its build context (or a folder
 * holding it) into the container, or a host folder over its `working_dir`. Says how, for messages.
 */
function devSetup(name: string, file: string, svc: YNode, binds: [string, string][], context: string | undefined, env: Deployment['env']): string | undefined {
  // The environment it sets says which it is, when it says (`RAILS_ENV=production` with the
  // checkout mounted is a server run from a checkout: production).
  const mode = env.find((e) => MODE_VARS.test(e.name) && /^(production|prod|staging|development|dev|local)$/i.test(e.value));
  if (mode && /^(production|prod|staging)$/i.test(mode.value)) return undefined;
  if (mode) return `Compose service \`${name}\` sets ${mode.name}=${mode.value}, a development setup`;
  // Compose Watch syncs or rebuilds on every edit: a developer's loop.
  if (get(svc, 'develop') !== undefined) return `Compose service \`${name}\` has a \`develop:\` (Compose Watch) section, a development setup`;
  const workingDir = str(get(svc, 'working_dir'))?.replace(/\/$/, '');
  for (const [src, dst] of binds) {
    const source = realpath(path.resolve(path.dirname(file), src));
    // A single file mounted (a config: `./nginx/default.conf:/etc/nginx/conf.d/default.conf`) is configuration, not the checkout.
    if (statKind(source) !== 'dir') continue;
    // The build context, a folder holding it, or source inside it (`./src:/code`): edits reach the container.
    const overlaps = context !== undefined && (context === source || context.startsWith(`${source}${path.sep}`) || source.startsWith(`${context}${path.sep}`));
    if (overlaps || (workingDir && dst.replace(/\/$/, '') === workingDir)) return `Compose service \`${name}\` mounts \`${src}\` over \`${dst}\`, a development setup`;
  }
  return undefined;
}

function statKind(p: string): 'file' | 'dir' | undefined {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

/** Variables frameworks read for their mode (`NODE_ENV`, `RAILS_ENV`, `FLASK_ENV`, `APP_ENV`, `ENVIRONMENT`…). */
const MODE_VARS = /^(?:NODE_ENV|RAILS_ENV|RACK_ENV|FLASK_ENV|DJANGO_ENV|APP_ENV|APPLICATION_ENV|MIX_ENV|ENVIRONMENT|ENV|GO_ENV|ASPNETCORE_ENVIRONMENT)$/;

/** Each `volumes:` entry that binds a host path (short `SRC:DST[:MODE]` or long `type: bind`), with its line. */
function volumeBinds(svc: YNode): Array<{ src: string; dst: string; line: number }> {
  const out: Array<{ src: string; dst: string; line: number }> = [];
  for (const v of items(get(svc, 'volumes'))) {
    const text = str(v);
    const [src, dst] = text !== undefined ? text.split(':') : str(get(v, 'type')) === 'bind' ? [str(get(v, 'source')), str(get(v, 'target'))] : [];
    if (src && dst) out.push({ src, dst, line: v.line });
  }
  return out;
}

function bindMounts(svc: YNode): [string, string][] {
  // The short form names a volume unless its source is a path.
  return volumeBinds(svc)
    .filter(({ src }) => /^[./~]/.test(src))
    .map(({ src, dst }) => [src, dst]);
}

/**
 * The single files of the repository a service bind-mounts (`./docker-entrypoint.sh:/docker-entrypoint.sh:ro`):
 * what the container runs at `target` is that file, not the image's. A source outside the
 * repository (`~/…`, `/etc/…`, `../` past its root), one written with a variable, a folder or a
 * path that is not there is left out: what it holds cannot be read from the checkout.
 */
function fileMounts(svc: YNode, absPath: string, display: string): FileMount[] {
  if (display === '<stdin>') return [];
  const dir = path.dirname(absPath);
  const root = realpath(repoRootOf(dir) ?? dir);
  const out: FileMount[] = [];
  for (const { src, dst, line } of volumeBinds(svc)) {
    if (!/^\.\.?(\/|$)/.test(src) || !dst.startsWith('/') || `${src}${dst}`.includes('$')) continue;
    const source = realpath(path.resolve(dir, src));
    if (!source.startsWith(`${root}${path.sep}`) || statKind(source) !== 'file') continue;
    const file = path.posix.normalize(path.posix.join(path.posix.dirname(display), src));
    out.push({ target: path.posix.normalize(dst), absPath: source, file, manifest: display, line });
  }
  return out;
}


function service(name: string, svc: YMap, nameLine: number, absPath: string, display: string, notes: string[]): ComposeService {
  const entrypoint = startWords(svc, 'entrypoint', display, notes);
  let command = startWords(svc, 'command', display, notes);
  // Compose, like `docker run --entrypoint`, drops the image's CMD when it sets the entrypoint.
  if (entrypoint && !command) command = { value: [], line: entrypoint.line };
  const { env, skipped } = composeEnv(svc);
  const signal = str(get(svc, 'stop_signal'));
  const graceText = str(get(svc, 'stop_grace_period'));
  const graceLine = keyLine(svc, 'stop_grace_period');
  let grace: Deployment['grace'] = { seconds: COMPOSE_GRACE };
  if (graceText !== undefined && graceLine !== undefined) {
    const seconds = composeSeconds(graceText);
    if (seconds === undefined) throw new InputError(`${display}:${graceLine}: stop_grace_period \`${graceText}\` is not a duration like 30s or 1m30s`);
    grace = { seconds, line: graceLine };
  }
  const init = bool(get(svc, 'init'));
  const profiles = strings(get(svc, 'profiles'));
  const healthcheck = composeHealthcheck(svc);
  const build = serviceBuild(absPath, svc);
  const dockerfile = build?.dockerfile;
  const binds = bindMounts(svc);
  const dev = devSetup(name, absPath, svc, binds, build?.context, env);
  const image = str(get(svc, 'image'));
  const mounts = fileMounts(svc, absPath, display);
  const deployment: Deployment = {
    kind: 'compose',
    file: display,
    line: nameLine,
    name,
    ...(entrypoint ? { entrypoint } : {}),
    ...(command ? { command } : {}),
    env,
    skippedEnv: skipped,
    ...(signal !== undefined ? { stopSignal: { value: signal, line: keyLine(svc, 'stop_signal')! } } : {}),
    grace,
    ...(init !== undefined ? { init: { value: init, line: keyLine(svc, 'init')! } } : {}),
    ...(profiles ? { profiles } : {}),
    ...(healthcheck ? { healthcheck } : {}),
    ...(image ? { image } : {}),
    ...(dev ? { devSetup: dev } : {}),
    ...(mounts.length > 0 ? { mounts } : {}),
  };
  return { name, absPath, ...(dockerfile ? { dockerfile, context: build!.context } : {}), ...(build?.target ? { target: build.target } : {}), ...(image ? { image } : {}), binds, deployment };
}

/** The services of one parsed Compose document; [] when it has none. */
export function composeServices(doc: YNode | undefined, absPath: string, display: string, notes: string[]): ComposeService[] {
  const out: ComposeService[] = [];
  for (const [name, e] of entries(get(doc, 'services'))) {
    if (e.value.kind !== 'map') continue;
    out.push(service(name, e.value, e.keyLine, absPath, display, notes));
  }
  return out;
}

/** A document is a Compose file: it has a `services` mapping and is not a Kubernetes object. */
export function isCompose(doc: YNode | undefined): boolean {
  return get(doc, 'services')?.kind === 'map' && !get(doc, 'apiVersion');
}

const cache = new Map<string, { mtimeMs: number; size: number; services: ComposeService[]; notes: string[] }>();

/**
 * Read a Compose file found on disk (each file read and parsed once per run). `strict`: bad
 * input is an InputError (a file the user named); otherwise it is skipped with a note.
 */
export function readComposeFile(absPath: string, display: string, strict: boolean, notes: string[] = []): ComposeService[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absPath);
  } catch {
    if (strict) throw new InputError(`deployment manifest ${display} does not exist`);
    return [];
  }
  // Keyed by the display path too: the services carry it (`Deployment.file`).
  const key = `${absPath}\0${display}`;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) {
    notes.push(...hit.notes);
    return hit.services;
  }
  const own: string[] = [];
  let services: ComposeService[];
  try {
    const text = readUserText(absPath, display, 'Compose file', { maxBytes: MAX_MANIFEST_BYTES });
    const [doc] = readDocuments(text, display);
    services = composeServices(doc, absPath, display, own);
  } catch (err) {
    if (strict || !(err instanceof InputError)) throw err;
    own.push(`${err.message}; its services were not read`);
    services = [];
  }
  cache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, services, notes: own });
  notes.push(...own);
  return services;
}

/** Compose's own file names, looked for beside the Dockerfile and in each folder above it. */
export const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** `compose.override.yaml` for `compose.yaml`. */
export function overrideName(name: string): string {
  return name.replace(/\.(ya?ml)$/, '.override.$1');
}
