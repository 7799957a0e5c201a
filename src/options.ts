// Typed options shared by the CLI and the Action (INTERFACE.md), and their validation.
import { InputError } from './errors.js';
import type { FailOn } from './findings.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** reviewdog's filter modes: which findings of a change are reported and gated (src/policy/diff-filter.ts). */
export type FilterMode = 'added' | 'diff_context' | 'file' | 'nofilter';
export const FILTER_MODES: readonly FilterMode[] = ['added', 'diff_context', 'file', 'nofilter'];

export interface Options {
  dockerfile: string;
  context?: string;
  static: boolean;
  platforms: string[];
  target?: string;
  buildArgs: Record<string, string>;
  gracePeriod: number;
  startupWait: number;
  readyLog?: RegExp;
  /** --ready-cmd CMD: readiness is CMD exiting 0 in the container (`docker exec … /bin/sh -c CMD`). */
  readyCmd?: string;
  probeEnv: Record<string, string>;
  probeNetwork: string;
  ignore: Set<string>;
  failOn: FailOn;
  filterMode: FilterMode;
  format: OutputFormat;
  output?: string;
  /** Base for display paths (GITHUB_WORKSPACE in the Action). */
  cwd: string;
  /** Labels everything the runtime creates; the Action's post step removes leftovers by it. Generated when absent. */
  runId?: string;
  /** --platforms (or the config file) named the platforms; else with --image, the image's own platforms are used. */
  platformsExplicit?: boolean;
  /** --image REF: probe this built image (a local tag or a registry reference) instead of building. */
  image?: string;
  /** --builder NAME: the buildx builder to build with. */
  builder?: string;
  /** --cache-from / --cache-to SPEC, --secret SPEC, --build-context N=P, --ssh SPEC: passed to buildx as given. */
  cacheFrom: string[];
  cacheTo: string[];
  /** Never logged: redacted in every docker call log and error line (src/runtime/docker.ts). */
  secrets: string[];
  buildContexts: string[];
  ssh: string[];
  /** Status lines on stderr: auto (redrawn on a TTY, plain lines otherwise), plain, quiet. */
  progress: ProgressMode;
}

export type ProgressMode = 'auto' | 'plain' | 'quiet';

export const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];

export function defaultOptions(cwd = process.cwd()): Options {
  return {
    dockerfile: 'Dockerfile',
    static: false,
    platforms: [...DEFAULT_PLATFORMS],
    buildArgs: {},
    gracePeriod: 10,
    // An upper bound: the probe signals as soon as the container is ready (src/runtime/readiness.ts).
    startupWait: 60,
    probeEnv: {},
    probeNetwork: 'none',
    ignore: new Set(),
    failOn: 'error',
    filterMode: 'nofilter',
    format: 'text',
    cwd,
    cacheFrom: [],
    cacheTo: [],
    secrets: [],
    buildContexts: [],
    ssh: [],
    progress: 'auto',
  };
}

export function parseFailOn(value: string): FailOn {
  const v = value.trim().toLowerCase();
  if (v === 'error' || v === 'warning' || v === 'info' || v === 'never') return v;
  throw new InputError(`fail-on must be one of error, warning, info, never (got ${JSON.stringify(value)})`);
}

export function parseFilterMode(value: string): FilterMode {
  const v = value.trim().toLowerCase();
  const mode = FILTER_MODES.find((m) => m === v);
  if (mode) return mode;
  throw new InputError(`filter-mode must be one of ${FILTER_MODES.join(', ')} (got ${JSON.stringify(value)})`);
}

export function parseFormat(value: string): OutputFormat {
  const v = value.trim().toLowerCase();
  if (v === 'text' || v === 'json' || v === 'sarif') return v;
  throw new InputError(`format must be one of text, json, sarif (got ${JSON.stringify(value)})`);
}

export function parseSeconds(value: string, name: string): number {
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InputError(`${name} must be a number of seconds between 0 and 3600 (got ${JSON.stringify(value)})`);
  return n;
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;

export function parsePlatforms(value: string): string[] {
  const list = value.split(/[,\n]/).map((p) => p.trim()).filter(Boolean);
  if (list.length === 0) throw new InputError('platforms must name at least one platform, e.g. linux/amd64');
  for (const p of list) {
    if (!PLATFORM.test(p)) throw new InputError(`platform ${JSON.stringify(p)} is not of the form os/arch[/variant], e.g. linux/arm64`);
  }
  return [...new Set(list)];
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

export function parseIgnore(value: string): Set<string> {
  return new Set(value.split(/[,\n\s]+/).map((s) => s.trim()).filter(Boolean));
}

const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function parseNetwork(value: string): string {
  const v = value.trim();
  if (!NETWORK.test(v)) throw new InputError(`probe-network ${JSON.stringify(value)} is not a docker network name`);
  return v;
}

export function parseProgress(value: string): ProgressMode {
  const v = value.trim().toLowerCase();
  if (v === 'auto' || v === 'plain' || v === 'quiet') return v;
  throw new InputError(`progress must be one of auto, plain, quiet (got ${JSON.stringify(value)})`);
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
