// The built image's own config (`docker image inspect`): what actually starts, with which
// PATH, working directory, user and stop signal — inherited values included.
import { DEFAULT_PATH } from '../model/start-contract.js';
import { docker } from './docker.js';
import { engineMessage, engineRequest, localEngineSocket } from './engine-api.js';

export interface ImageConfig {
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  /** Env PATH split on ':'; Docker's default when the image sets none. */
  path: string[];
  /** Absolute; '/' when unset. */
  workingDir: string;
  /** '' when unset (root). */
  user: string;
  /** 'SIGTERM' when unset. */
  stopSignal: string;
  /** The image has a HEALTHCHECK that Docker runs (not `HEALTHCHECK NONE`). */
  healthcheck: boolean;
  /** That HEALTHCHECK as Docker runs it (when `healthcheck`). */
  health?: HealthSpec;
  /** SHELL, for a `CMD-SHELL` check; Docker's default `/bin/sh -c` when unset. */
  shell?: string[];
  os: string;
  architecture: string;
  variant?: string;
}

export interface HealthSpec {
  /** `CMD`: the argv; `CMD-SHELL`: [shell…, '-c', command]. */
  argv: string[];
  /** The check as written (`curl -f http://localhost/`), for messages. */
  text: string;
  /** Seconds, with Docker's defaults where unset: 30, 30, 0, 3. */
  interval: number;
  timeout: number;
  startPeriod: number;
  retries: number;
}

interface RawInspect {
  Os?: string;
  Architecture?: string;
  Variant?: string;
  Config?: {
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    Env?: string[] | null;
    WorkingDir?: string;
    User?: string;
    StopSignal?: string;
    Healthcheck?: { Test?: string[] | null; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number } | null;
    Shell?: string[] | null;
  } | null;
}

const stringArray = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** Turn one `docker image inspect` object into an ImageConfig. */
export function imageConfigFromInspect(raw: RawInspect): ImageConfig {
  const c = raw.Config ?? {};
  const env: Record<string, string> = {};
  for (const kv of stringArray(c.Env)) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    else if (eq < 0) env[kv] = '';
  }
  const path = env.PATH !== undefined ? env.PATH.split(':').filter((d) => d.length > 0) : [...DEFAULT_PATH];
  const config: ImageConfig = {
    entrypoint: stringArray(c.Entrypoint),
    cmd: stringArray(c.Cmd),
    env,
    path,
    workingDir: c.WorkingDir && c.WorkingDir.length > 0 ? c.WorkingDir : '/',
    user: c.User ?? '',
    stopSignal: c.StopSignal && c.StopSignal.length > 0 ? c.StopSignal : 'SIGTERM',
    healthcheck: healthcheckRuns(c.Healthcheck?.Test),
    os: raw.Os ?? 'linux',
    architecture: raw.Architecture ?? '',
  };
  if (raw.Variant) config.variant = raw.Variant;
  const shell = stringArray(c.Shell);
  if (shell.length > 0) config.shell = shell;
  const health = config.healthcheck ? healthSpec(c.Healthcheck!, shell) : undefined;
  if (health) config.health = health;
  return config;
}

/** Docker's durations are nanoseconds; 0 or unset means its default. */
const seconds = (ns: number | undefined, fallback: number) => (typeof ns === 'number' && ns > 0 ? ns / 1e9 : fallback);

function healthSpec(h: NonNullable<NonNullable<RawInspect['Config']>['Healthcheck']>, shell: string[]): HealthSpec | undefined {
  const [kind, ...rest] = stringArray(h.Test);
  let argv: string[];
  if (kind === 'CMD') argv = rest;
  else if (kind === 'CMD-SHELL' && rest.length > 0) argv = [...(shell.length > 0 ? shell : ['/bin/sh', '-c']), rest.join(' ')];
  else return undefined;
  if (argv.length === 0) return undefined;
  return {
    argv,
    text: rest.join(' '),
    interval: seconds(h.Interval, 30),
    timeout: seconds(h.Timeout, 30),
    startPeriod: seconds(h.StartPeriod, 0),
    retries: typeof h.Retries === 'number' && h.Retries > 0 ? h.Retries : 3,
  };
}

/** `["NONE"]` disables an inherited check; an empty test inherits nothing to run. */
function healthcheckRuns(test: string[] | null | undefined): boolean {
  const t = stringArray(test);
  return t.length > 0 && t[0] !== 'NONE';
}

export async function inspectImage(ref: string): Promise<ImageConfig> {
  const text = await inspectText(ref);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim());
  } catch {
    throw new Error(`docker image inspect ${ref} returned unreadable JSON`);
  }
  const raw = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!raw || typeof raw !== 'object') throw new Error(`docker image inspect ${ref} returned no image`);
  return imageConfigFromInspect(raw as RawInspect);
}

/**
 * The image's inspect JSON: through the Engine API on a local engine (no `docker` process
 * beside the probe's own start), else `docker image inspect`; its errors in the CLI's words.
 */
async function inspectText(ref: string): Promise<string> {
  const socket = localEngineSocket();
  if (socket) {
    const res = await engineRequest(socket, 'GET', `/images/${ref.split('/').map(encodeURIComponent).join('/')}/json`, { timeoutMs: 20_000 });
    if (res.timedOut) throw new Error(`docker image inspect ${ref} did not answer within 20 s`);
    if (res.status === 200) return res.body.toString('utf8');
    if (res.status !== 0) throw new Error(`docker image inspect ${ref} failed: Error response from daemon: ${engineMessage(res).split('\n')[0]}`);
  }
  const res = await docker(['image', 'inspect', '--format', '{{json .}}', '--', ref], { timeoutMs: 20_000, maxStdoutBytes: 4 * 1024 * 1024 });
  if (res.timedOut) throw new Error(`docker image inspect ${ref} did not answer within 20 s`);
  if (res.code !== 0) throw new Error(`docker image inspect ${ref} failed: ${res.stderr.trim().split('\n')[0] ?? ''}`);
  return res.stdout;
}
