// A GitHub Docker container action: an `action.yml` beside the Dockerfile with `runs: using:
// docker` and `image: Dockerfile`. The runner builds the image, starts it once per workflow step
// with the action's `args` (`runs.args`, the inputs) after the image's ENTRYPOINT, and waits for
// it to end: a job, not a service that is stopped.
import fs from 'node:fs';
import path from 'node:path';
import { get, items, readDocuments, str } from './deploy/yaml-tree.js';
import type { DockerfileModel } from './types.js';

export interface ContainerAction {
  /** The action file's name (`action.yml`). */
  file: string;
  /** How many arguments `runs.args` passes after the ENTRYPOINT. */
  args: number;
}

const cache = new WeakMap<DockerfileModel, ContainerAction | null>();

/** The container action this Dockerfile is the image of, or undefined. */
export function containerAction(model: DockerfileModel): ContainerAction | undefined {
  const known = cache.get(model);
  if (known !== undefined) return known ?? undefined;
  const found = read(model);
  cache.set(model, found ?? null);
  return found;
}

function read(model: DockerfileModel): ContainerAction | undefined {
  const dir = path.dirname(model.absPath);
  for (const file of ['action.yml', 'action.yaml']) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, file), 'utf8');
    } catch {
      continue;
    }
    let doc;
    try {
      [doc] = readDocuments(text, file);
    } catch {
      return undefined;
    }
    const runs = get(doc, 'runs');
    if (str(get(runs, 'using'))?.toLowerCase() !== 'docker') return undefined;
    // `image: Dockerfile` (or `./Dockerfile`) builds this file; `docker://…` runs a published image.
    const image = str(get(runs, 'image'));
    if (!image || path.posix.normalize(image) !== path.basename(model.absPath)) return undefined;
    return { file, args: items(get(runs, 'args')).length };
  }
  return undefined;
}
