// Is this Dockerfile a development image by design? Read from what the repository says about
// it: its own name or folder (`Dockerfile.dev`, `dev.Dockerfile`, `dev/Dockerfile`,
// `.devcontainer/`), the stage the build ends on (`--target dev`), or the Compose files that
// build it (only `docker-compose.dev.yml`-style files do). Rules about production start
// commands (a dev server, npm as PID 1) report such images as info: they are meant to run
// from a developer's checkout, with hot reload, not behind a load balancer.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { DockerfileModel } from './types.js';

/** Words that mark a name as a development variant (compared per `.`/`-`/`_`-separated token). */
const DEV_WORDS = new Set(['dev', 'devel', 'develop', 'development']);
/** Compose files: `local` (docker-compose.local.yml) is the developer's own run too. */
const DEV_COMPOSE_WORDS = new Set([...DEV_WORDS, 'local']);

const COMPOSE_FILE = /^(?:docker-)?compose(?:[.\-_][^/]*)?\.ya?ml$/i;
/** How many folders above the Dockerfile (and the context) to look for Compose files. */
const MAX_UP = 4;
/** Compose files larger than this are not read (a Compose file is a few KB). */
const MAX_COMPOSE_BYTES = 512 * 1024;

function tokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[.\-_]+/)
    .filter((t) => t !== '');
}

function hasDevWord(name: string, words: Set<string> = DEV_WORDS): boolean {
  return tokens(name).some((t) => words.has(t));
}

export interface DevImage {
  /** Why, for a message: "its name (`Dockerfile.dev`) marks it as a development image". */
  reason: string;
}

/** Folder names that hold development images (the whole name: `dev-portal/` is an app). */
const DEV_FOLDERS = new Set(['dev', 'devel', 'develop', 'development', '.devcontainer', 'devcontainer']);

/** The Dockerfile's own name or a folder it sits in within the project says "dev". */
function byName(model: DockerfileModel): DevImage | undefined {
  const base = path.basename(model.absPath);
  if (hasDevWord(base)) return { reason: `its name (\`${base}\`) marks it as a development image` };
  // The Dockerfile's own folder (`docker/dev/Dockerfile`), unless it is the repository root. Not
  // a folder further up: requarks/wiki keeps its production image in `dev/build/`, and a
  // checkout under /home/dev/ says nothing.
  const dir = path.dirname(model.absPath);
  const folder = path.basename(dir);
  if (DEV_FOLDERS.has(folder.toLowerCase()) && !fs.existsSync(path.join(dir, '.git')))
    return { reason: `it sits in a \`${folder}/\` folder of its own, a development variant` };
  return undefined;
}

/** The build ends on a stage named for development (`FROM … AS dev`, `--target development`). */
function byStage(model: DockerfileModel): DevImage | undefined {
  const name = model.finalStage.name;
  if (name && hasDevWord(name)) return { reason: `the build ends on its \`${name}\` stage, a development target` };
  return undefined;
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Folders to look for Compose files in: the Dockerfile's and the context's, and the ones above, up to the repository root. */
function composeFolders(model: DockerfileModel): string[] {
  const out: string[] = [];
  for (const start of [path.dirname(model.absPath), model.contextDir]) {
    let dir = path.resolve(start);
    for (let i = 0; i <= MAX_UP; i++) {
      if (!out.includes(dir)) out.push(dir);
      // The repository root is as far as a project's Compose files go.
      if (fs.existsSync(path.join(dir, '.git'))) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return out;
}

function composeFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => COMPOSE_FILE.test(n)).map((n) => path.join(dir, n));
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * The Dockerfiles (absolute, resolved) a Compose file builds: `build: <dir>` or `build:
 * {context, dockerfile}`, relative to the Compose file's folder. Paths with `${VAR}` or a
 * remote context cannot be resolved and are left out; undefined when the file is not a
 * readable Compose file.
 */
export function composeDockerfiles(file: string): string[] | undefined {
  let doc: unknown;
  try {
    // A regular file only: a FIFO or a device named compose.yml would block or never end.
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_COMPOSE_BYTES) return undefined;
    doc = parseYaml(fs.readFileSync(file, 'utf8'), { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  const services = asRecord(asRecord(doc)?.services);
  if (!services) return undefined;
  const out: string[] = [];
  for (const svc of Object.values(services)) {
    const build = asRecord(svc)?.build;
    let context = '.';
    let dockerfile = 'Dockerfile';
    if (typeof build === 'string') context = build;
    else if (asRecord(build)) {
      const b = asRecord(build)!;
      if (typeof b.dockerfile_inline === 'string') continue;
      if (typeof b.context === 'string') context = b.context;
      if (typeof b.dockerfile === 'string') dockerfile = b.dockerfile;
    } else continue;
    if (context.includes('$') || dockerfile.includes('$') || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context)) continue;
    out.push(realpath(path.resolve(path.dirname(file), context, dockerfile)));
  }
  return out;
}

/** Only development Compose files (`docker-compose.dev.yml`, `compose.local.yaml`…) build this Dockerfile. */
function byCompose(model: DockerfileModel): DevImage | undefined {
  const self = realpath(model.absPath);
  const users: string[] = [];
  for (const dir of composeFolders(model)) {
    for (const file of composeFiles(dir)) {
      if (composeDockerfiles(file)?.includes(self)) users.push(file);
    }
  }
  if (users.length === 0) return undefined;
  if (!users.every((f) => hasDevWord(path.basename(f).replace(/\.ya?ml$/i, ''), DEV_COMPOSE_WORDS))) return undefined;
  const names = users.map((f) => `\`${path.basename(f)}\``).join(', ');
  return { reason: `only ${names} ${users.length === 1 ? 'builds' : 'build'} it, a development setup` };
}

/** Why this Dockerfile is a development image by design, or undefined when nothing says so. */
export function developmentImage(model: DockerfileModel): DevImage | undefined {
  return byName(model) ?? byStage(model) ?? byCompose(model);
}
