// `entrypoint-guard plan` and the Action's `plan: true`: the job matrix for GitHub's
// `strategy.matrix` (via fromJSON): one entry per Dockerfile x platform, with the runner label
// that runs the platform natively, the build context and a stable report name. With a diff,
// only the Dockerfiles whose start chain changed (the Dockerfile or a wrapper it starts).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ChangedFiles } from '../diff/unified.js';
import { InputError } from '../errors.js';
import { expandDockerfiles } from '../github/glob.js';
import { readUserText } from '../input.js';
import { parseDockerfile } from '../model/parse.js';

/** GitHub's hosted runners that run each platform natively. */
export const DEFAULT_RUNNERS: Readonly<Record<string, string>> = {
  'linux/amd64': 'ubuntu-24.04',
  'linux/arm64': 'ubuntu-24.04-arm',
};
/** A platform without a native runner of its own is emulated (QEMU) on this one. */
export const FALLBACK_RUNNER = 'ubuntu-24.04';

export interface MatrixEntry {
  dockerfile: string;
  context: string;
  platform: string;
  runner: string;
  /** Stable, unique, artifact-safe: the Dockerfile's path and the platform as a slug. */
  report: string;
  /** Every platform the plan gives this Dockerfile, comma-separated: the shard records it (input `plan-platforms`) so merge knows which shards to expect. */
  platforms: string;
}

export interface Matrix {
  include: MatrixEntry[];
}

export interface PlanInput {
  /** Paths and globs, `!glob` excludes (the Action's `dockerfile` input, one per line). */
  specs: string[];
  /** Where the paths start (the repository root in the Action). */
  cwd: string;
  platforms: string[];
  /** platform -> runner label, over DEFAULT_RUNNERS. */
  runners?: Record<string, string>;
  /** Repository root: diff paths are relative to it. Default: cwd. */
  root?: string;
  /** Plan only the Dockerfiles whose start chain this diff touches. */
  changes?: ChangedFiles;
}

/** `linux/amd64=ubuntu-24.04` -> ['linux/amd64', 'ubuntu-24.04']. */
export function slug(text: string): string {
  return text.replace(/^\.\//, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').toLowerCase() || 'root';
}

/** The files a Dockerfile's start chain reads (repository-relative): itself and the wrappers it runs. */
function startChain(dockerfile: string, cwd: string, root: string): string[] {
  const absPath = path.resolve(cwd, dockerfile);
  const text = readUserText(absPath, dockerfile, 'Dockerfile');
  const model = parseDockerfile({ file: dockerfile, absPath, text, contextDir: path.dirname(absPath) });
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  return [rel(absPath), ...model.wrappers.map((w) => rel(w.absPath ?? absPath))];
}

export function planMatrix(input: PlanInput): Matrix {
  const runners = { ...DEFAULT_RUNNERS, ...input.runners };
  for (const platform of Object.keys(input.runners ?? {})) {
    if (!input.platforms.includes(platform)) throw new InputError(`--runner ${platform}=… names a platform that is not planned (platforms: ${input.platforms.join(', ')})`);
  }
  const root = input.root ?? input.cwd;
  let dockerfiles = expandDockerfiles(input.specs.join('\n'), input.cwd);
  for (const file of dockerfiles) readUserText(path.resolve(input.cwd, file), file, 'Dockerfile');
  if (input.changes) {
    const changes = input.changes;
    dockerfiles = dockerfiles.filter((file) => startChain(file, input.cwd, root).some((f) => changes.has(f)));
  }
  const planned = input.platforms.join(',');
  const include: MatrixEntry[] = [];
  const names = new Map<string, string>();
  for (const dockerfile of dockerfiles) {
    let name = slug(dockerfile);
    // Two paths with one slug (a-b/Dockerfile, a/b-Dockerfile): the later gets a hash of its path.
    if (names.has(name) && names.get(name) !== dockerfile) name = `${name}-${createHash('sha256').update(dockerfile).digest('hex').slice(0, 8)}`;
    names.set(name, dockerfile);
    const context = path.dirname(dockerfile).split(path.sep).join('/');
    for (const platform of input.platforms) {
      include.push({ dockerfile, context, platform, runner: runners[platform] ?? FALLBACK_RUNNER, report: `${name}--${slug(platform)}`, platforms: planned });
    }
  }
  return { include };
}
