// Is this Dockerfile a development image by design? Read from the image itself and the
// services that run it: its own name or folder (`Dockerfile.dev`, `dev/Dockerfile`,
// `.devcontainer/`), the stage the build ends on (`--target dev`), what it sets
// (`ENV NODE_ENV=development`, `FLASK_DEBUG=1`), a production Dockerfile beside it
// (`Dockerfile.prod`), or Compose services that build it and mount the source over its WORKDIR
// (live reload). Who else references the file (a `docker-compose.dev.yml` next to a production
// one) says nothing about the image. Rules about production start
// commands (a dev server, npm as PID 1) report such images as info: they are meant to run
// from a developer's checkout, with hot reload, not behind a load balancer.
import fs from 'node:fs';
import path from 'node:path';
import { realpath } from './deploy/compose.js';
import { composeServicesBuilding } from './deploy/sources.js';
import type { DockerfileModel } from './types.js';

/** Words that mark a name as a development variant (compared per `.`/`-`/`_`-separated token). */
const DEV_WORDS = new Set(['dev', 'devel', 'develop', 'development']);


function tokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[.\-_]+/)
    .filter((t) => t !== '');
}

function hasDevWord(name: string): boolean {
  return tokens(name).some((t) => DEV_WORDS.has(t));
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

/** Files of program source: a folder holding them is code, not data or config. */
const CODE_FILE = /\.(py|rb|js|mjs|cjs|ts|tsx|jsx|php|go|java|kt|rs|ex|exs|erb|vue|svelte)$/;

/** A folder holds program source within two levels (a bounded look). */
function holdsCode(dir: string, depth = 0, budget = { left: 300 }): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    if (--budget.left < 0) return false;
    if (e.isFile() && CODE_FILE.test(e.name)) return true;
    if (e.isDirectory() && depth < 2 && !e.name.startsWith('.') && e.name !== 'node_modules' && holdsCode(path.join(dir, e.name), depth + 1, budget)) return true;
  }
  return false;
}

/**
 * Every Compose service that builds the image mounts the checkout's source over the image's
 * copy of it: the build context over its WORKDIR, or a folder of source code from the context
 * onto the same place under WORKDIR (`./pontoon:/app/pontoon`): the source is edited live.
 */
function byCompose(model: DockerfileModel): DevImage | undefined {
  const workdir = model.start.workdir?.value;
  if (!workdir) return undefined;
  const services = composeServicesBuilding(model);
  if (services.length === 0) return undefined;
  const context = realpath(model.contextDir);
  const wd = workdir.replace(/\/$/, '');
  const mounted = ({ absPath, binds }: (typeof services)[number]): string | undefined => {
    for (const [src, dst] of binds) {
      const source = realpath(path.resolve(path.dirname(absPath), src));
      const target = path.posix.normalize(dst).replace(/\/$/, '');
      if ((context === source || context.startsWith(`${source}${path.sep}`)) && target === wd) return wd;
      if (!source.startsWith(`${context}${path.sep}`)) continue;
      const rel = path.relative(context, source).split(path.sep).join('/');
      if (target === path.posix.join(wd, rel) && holdsCode(source)) return target;
    }
    return undefined;
  };
  const over = services.map(mounted);
  if (over.some((t) => t === undefined)) return undefined;
  return { reason: `\`${path.basename(services[0]!.absPath)}\` runs it with the source mounted over \`${over[0]}\`, a development setup` };
}

/** Variables that only a development image sets. */
const DEV_ENV: Record<string, RegExp> = {
  NODE_ENV: /^dev(elopment)?$/i,
  FLASK_ENV: /^dev(elopment)?$/i,
  FLASK_DEBUG: /^(1|true)$/i,
  RAILS_ENV: /^dev(elopment)?$/i,
  APP_ENV: /^(dev|development|local)$/i,
  ENVIRONMENT: /^dev(elopment)?$/i,
};

/** The image sets a development environment (`ENV NODE_ENV=development`), or a production Dockerfile sits beside it. */
function byContent(model: DockerfileModel): DevImage | undefined {
  for (const stage of model.chain) {
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'ENV') continue;
      const props = (instr.node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
      for (const p of props) {
        const re = DEV_ENV[p.getName()];
        const value = (p.getValue() ?? '').replace(/^["']|["']$/g, '');
        if (re?.test(value)) return { reason: `it sets \`${p.getName()}=${value}\`, a development environment` };
      }
    }
  }
  const base = path.basename(model.absPath);
  if (/prod/i.test(base)) return undefined;
  let siblings: string[] = [];
  try {
    siblings = fs.readdirSync(path.dirname(model.absPath));
  } catch {
    return undefined;
  }
  const prod = siblings.find((n) => n !== base && /dockerfile|containerfile/i.test(n) && tokens(n).some((t) => t === 'prod' || t === 'production'));
  return prod ? { reason: `\`${prod}\` beside it is the production image` } : undefined;
}

/** Why this Dockerfile is a development image by design, or undefined when nothing says so. */
export function developmentImage(model: DockerfileModel): DevImage | undefined {
  return ownDevelopmentMark(model) ?? byCompose(model);
}

/**
 * What the Dockerfile itself says (its name or folder, its final stage, its ENV, a production
 * Dockerfile beside it), leaving out how Compose runs it: a service that mounts the checkout may
 * still be a production start (`RAILS_ENV=production`), which each deployment judges itself.
 */
export function ownDevelopmentMark(model: DockerfileModel): DevImage | undefined {
  return byName(model) ?? byStage(model) ?? byContent(model);
}
