// The deployments of one Dockerfile: Compose files found beside it and above it (up to the
// repository root), and the manifests given with --deploy (Compose, Kubernetes, ECS), each
// container matched to the Dockerfile or listed as unmatched — never guessed.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { readUserText } from '../../input.js';
import type { Deployment } from '../deployment.js';
import type { DockerfileModel } from '../types.js';
import { COMPOSE_NAMES, composeServices, isCompose, MAX_MANIFEST_BYTES, overrideName, readComposeFile, realpath, type ComposeService } from './compose.js';
import { ecsContainers, isEcs } from './ecs.js';
import { isKubernetes, kubernetesContainers } from './kubernetes.js';
import { readDocuments } from './yaml-tree.js';

/** One `--deploy` (or config `deploy:`) entry. */
export interface DeploySpec {
  /** A file, a folder of manifests, or `-` (standard input). */
  path: string;
  /** `PATH#NAME`: the container (or Compose service, or workload) to use. */
  container?: string;
  /** Config file only: the Dockerfile the manifest deploys (others ignore it). */
  dockerfile?: string;
}

export interface DeployInput {
  specs: readonly DeploySpec[];
  /** Base of relative paths and of display paths. */
  cwd: string;
  /** The text of standard input, when a spec is `-`. */
  stdin?: string;
  /**
   * `--image` without a Dockerfile: the reference probed. Manifests are matched to it by its
   * repository's last path component, and no Compose file is looked for (there is no folder).
   */
  image?: string;
}

/** `k8s/api.yaml#api` -> {path, container}. */
export function parseDeploySpec(raw: string, name: string): DeploySpec {
  const text = raw.trim();
  if (text === '') throw new InputError(`${name} needs a manifest path (a file, a folder, or - for standard input), optionally #CONTAINER`);
  const hash = text.lastIndexOf('#');
  if (hash < 0) return { path: text };
  const file = text.slice(0, hash);
  const container = text.slice(hash + 1);
  if (file === '' || container === '') throw new InputError(`${name} ${JSON.stringify(text)}: write PATH#CONTAINER, both parts non-empty`);
  return { path: file, container };
}

/** The config file's `deploy: [{path, container, dockerfile}]` form. */
export function deploySpecFromMapping(v: Record<string, unknown>, name: string): DeploySpec {
  for (const k of Object.keys(v)) if (!['path', 'container', 'dockerfile'].includes(k)) throw new InputError(`${name}: unknown key ${JSON.stringify(k)} (use path, container, dockerfile)`);
  const text = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() !== '' ? (v[k] as string).trim() : undefined);
  const file = text('path');
  if (!file) throw new InputError(`${name}: each entry needs a path`);
  const container = text('container');
  const dockerfile = text('dockerfile');
  return { path: file, ...(container ? { container } : {}), ...(dockerfile ? { dockerfile } : {}) };
}

function display(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/** How many folders above the Dockerfile (and the context) to look for Compose files. */
const MAX_UP = 4;

const folders = new WeakMap<DockerfileModel, string[]>();

/** The Dockerfile's folder and the context's, and the folders above, up to the repository root (once per lint). */
export function foldersUp(model: DockerfileModel): string[] {
  const known = folders.get(model);
  if (known) return known;
  const out: string[] = [];
  for (const start of [path.dirname(model.absPath), model.contextDir]) {
    let dir = path.resolve(start);
    for (let i = 0; i <= MAX_UP; i++) {
      if (!out.includes(dir)) out.push(dir);
      if (fs.existsSync(path.join(dir, '.git'))) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  folders.set(model, out);
  return out;
}

/** An override's fields over its base service (Compose merges the two files). */
function overlay(base: ComposeService, over: ComposeService): ComposeService {
  const b = base.deployment;
  const o = over.deployment;
  const merged: Deployment = { ...b, env: [...b.env.filter((e) => !o.env.some((x) => x.name === e.name)), ...o.env], skippedEnv: [...new Set([...b.skippedEnv, ...o.skippedEnv])] };
  const fieldFiles: Record<string, string> = {};
  const take = <K extends keyof Deployment>(key: K, present: boolean) => {
    if (!present) return;
    merged[key] = o[key];
    fieldFiles[key] = o.file;
  };
  // `entrypoint` without `command` drops the image's CMD, not the base file's own `command`.
  const synthetic = (d: Deployment) => d.command !== undefined && d.entrypoint !== undefined && d.command.value.length === 0 && d.command.line === d.entrypoint.line;
  take('entrypoint', o.entrypoint !== undefined);
  take('command', o.command !== undefined && (!synthetic(o) || b.command === undefined || synthetic(b)));
  take('stopSignal', o.stopSignal !== undefined);
  take('grace', o.grace.line !== undefined);
  take('init', o.init !== undefined);
  take('profiles', o.profiles !== undefined);
  take('healthcheck', o.healthcheck !== undefined);
  // Compose merges `volumes` by their target: the override's mount of a path wins.
  if (o.mounts) merged.mounts = [...(b.mounts ?? []).filter((m) => !o.mounts!.some((x) => x.target === m.target)), ...o.mounts];
  if (o.env.length > 0) fieldFiles.env = o.file;
  if (Object.keys(fieldFiles).length > 0) merged.fieldFiles = fieldFiles;
  // The override Compose loads by default (`compose.override.yaml`) is where a project puts its development settings.
  const dev = o.devSetup ?? b.devSetup ?? (fieldFiles.entrypoint || fieldFiles.command ? `its start command comes from \`${o.file}\`, the override Compose loads for development by default` : undefined);
  if (dev) merged.devSetup = dev;
  else delete merged.devSetup;
  return { ...base, ...(over.dockerfile ? { dockerfile: over.dockerfile, context: over.context, target: over.target } : {}), deployment: merged };
}

/**
 * The service builds the Dockerfile otherwise than this analysis does: another context (its
 * COPY sources are other files) or another target stage (another start command). Says how.
 */
function otherBuild(model: DockerfileModel, svc: ComposeService, cwd: string): string | undefined {
  if (svc.context !== undefined && svc.context !== realpath(model.contextDir)) return `with the context \`${display(svc.context, cwd)}\` (run with --context to judge it)`;
  const last = model.stages[model.stages.length - 1];
  const target = svc.target?.toLowerCase();
  if (target !== undefined ? target !== model.finalStage.name : model.finalStage !== last) return `for the target stage \`${svc.target ?? last?.name ?? 'last'}\` (run with --target to judge it)`;
  return undefined;
}

/** Compose services found beside the Dockerfile and above it that build it. */
function discoveredCompose(model: DockerfileModel, self: string, cwd: string, notes: string[]): ComposeService[] {
  const out: ComposeService[] = [];
  // A stat per name, not a listing: the folders above a Dockerfile can be large (a monorepo's root).
  for (const dir of foldersUp(model)) {
    for (const name of COMPOSE_NAMES) {
      const abs = path.join(dir, name);
      if (!fs.existsSync(abs)) continue;
      const services = readComposeFile(abs, display(abs, cwd), false, notes);
      const overAbs = path.join(dir, overrideName(name));
      const overrides = fs.existsSync(overAbs) ? readComposeFile(overAbs, display(overAbs, cwd), false, notes) : [];
      for (const svc of services) {
        const over = overrides.find((o) => o.name === svc.name);
        const merged = over ? overlay(svc, over) : svc;
        if (merged.dockerfile !== self) continue;
        const other = otherBuild(model, merged, cwd);
        if (other) notes.push(`Compose service \`${merged.name}\` (${display(merged.absPath, cwd)}) builds ${model.file} ${other}: not judged as deployed here`);
        else out.push(merged);
      }
    }
  }
  return out;
}

/** The last path component of an image's repository: `ghcr.io/acme/api:1.2@sha256:…` -> `api`. */
export function imageRepoName(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const last = noDigest.slice(slash + 1);
  return last.split(':')[0]!.toLowerCase();
}

interface Candidate {
  deployment: Deployment;
  /** Compose: the Dockerfile its build resolves to. */
  builds?: string;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** The manifest files a spec names: the file, `-`, or the YAML/JSON files of a folder (sorted, 3 levels down). */
function manifestFiles(spec: DeploySpec, cwd: string, name: string): string[] {
  if (spec.path === '-') return ['-'];
  const abs = path.resolve(cwd, spec.path);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new InputError(`${name} ${spec.path}: no such file or folder`);
  }
  if (!stat.isDirectory()) return [abs];
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const p = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) walk(p, depth + 1);
      else if (entry.isFile() && MANIFEST_FILE.test(entry.name)) out.push(p);
    }
  };
  walk(abs, 0);
  if (out.length === 0) throw new InputError(`${name} ${spec.path}: the folder holds no .yaml, .yml or .json manifest`);
  return out;
}

/** Every container (or Compose service) of one manifest file. */
function candidatesOf(file: string, input: DeployInput, notes: string[]): Candidate[] {
  const shown = file === '-' ? '<stdin>' : display(file, input.cwd);
  let text: string;
  if (file === '-') {
    if (input.stdin === undefined) throw new InputError('--deploy - reads a manifest from standard input, and none was given');
    if (Buffer.byteLength(input.stdin) > MAX_MANIFEST_BYTES) throw new InputError(`--deploy - (standard input) is larger than ${MAX_MANIFEST_BYTES / 1048576} MB; not read`);
    text = input.stdin;
  } else {
    text = readUserText(file, shown, 'deployment manifest', { maxBytes: MAX_MANIFEST_BYTES });
  }
  const hint = /\{\{/.test(text) ? '; a Helm chart is a template: give `helm template` output (--deploy -)' : '';
  let docs;
  try {
    docs = readDocuments(text, shown);
  } catch (err) {
    if (err instanceof InputError && hint) throw new InputError(`${err.message}${hint}`);
    throw err;
  }
  const out: Candidate[] = [];
  for (const doc of docs) {
    if (isKubernetes(doc)) for (const d of kubernetesContainers(doc, shown)) out.push({ deployment: d });
    else if (isEcs(doc)) for (const d of ecsContainers(doc, shown)) out.push({ deployment: d });
    else if (isCompose(doc)) {
      for (const svc of composeServices(doc, file === '-' ? path.join(input.cwd, 'compose.yaml') : file, shown, notes)) out.push({ deployment: svc.deployment, ...(svc.dockerfile ? { builds: svc.dockerfile } : {}) });
    }
  }
  return out;
}

/** The name `#NAME` may give: the container, the service, or the workload (`api`, `Deployment/api`). */
function named(d: Deployment, name: string): boolean {
  if (d.name === name) return true;
  if (!d.workload) return false;
  return d.workload === name || d.workload.split('/')[1] === name;
}

/** The deployments of one --deploy spec that run this Dockerfile's image. */
function fromSpec(model: DockerfileModel, self: string, spec: DeploySpec, input: DeployInput, notes: string[]): Deployment[] {
  const name = '--deploy';
  const label = `${spec.path}${spec.container ? `#${spec.container}` : ''}`;
  const candidates = manifestFiles(spec, input.cwd, name).flatMap((f) => candidatesOf(f, input, notes));
  if (candidates.length === 0) throw new InputError(`${name} ${label}: no Compose service, Kubernetes workload container or ECS container definition in it`);
  const list = (cs: Candidate[]) => cs.map((c) => c.deployment.workload ? `${c.deployment.name} (${c.deployment.workload})` : c.deployment.name).join(', ');
  if (spec.container) {
    // A container's own name wins over a workload of the same name (Pod `worker` with a container `worker`).
    const exact = candidates.filter((c) => c.deployment.name === spec.container);
    const chosen = exact.length > 0 ? exact : candidates.filter((c) => named(c.deployment, spec.container!));
    if (chosen.length === 0) throw new InputError(`${name} ${label}: no container named ${JSON.stringify(spec.container)}; it has ${list(candidates)}`);
    return chosen.map((c) => c.deployment);
  }
  // Compose services that build it; else the manifest's one container; else by image name.
  const built = candidates.filter((c) => c.builds === self);
  if (built.length > 0) return built.map((c) => c.deployment);
  const others = candidates.filter((c) => c.builds === undefined);
  if (others.length === 1 && candidates.length === 1) return [others[0]!.deployment];
  const folder = input.image !== undefined ? imageRepoName(input.image) : path.basename(path.dirname(model.absPath)).toLowerCase();
  const byImage = others.filter((c) => c.deployment.image !== undefined && imageRepoName(c.deployment.image) === folder);
  if (byImage.length > 0) return byImage.map((c) => c.deployment);
  const by = input.image !== undefined ? `its repository name, \`${folder}\`` : `its image's last path component, \`${folder}\``;
  notes.push(`--deploy ${label}: no container matched to ${model.file} (by ${by}); unmatched: ${list(candidates)}; name one with --deploy ${spec.path}#NAME`);
  return [];
}

/** The deployments matched to this Dockerfile, and notes (unmatched containers, skipped files). */
export function readDeployments(model: DockerfileModel, input: DeployInput): { deployments: Deployment[]; notes: string[] } {
  const notes: string[] = [];
  if (model.windows) return { deployments: [], notes };
  const self = realpath(model.absPath);
  const deployments: Deployment[] = input.image !== undefined ? [] : discoveredCompose(model, self, input.cwd, notes).map((s) => s.deployment);
  for (const spec of input.specs) {
    if (spec.dockerfile && realpath(path.resolve(input.cwd, spec.dockerfile)) !== self) continue;
    deployments.push(...fromSpec(model, self, spec, input, notes));
  }
  const seen = new Set<string>();
  const unique = deployments.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { deployments: unique, notes: [...new Set(notes)] };
}

/** Compose services (beside the Dockerfile and above) that build it, for the development-image check. */
export function composeServicesBuilding(model: DockerfileModel): ComposeService[] {
  const self = realpath(model.absPath);
  const out: ComposeService[] = [];
  for (const dir of foldersUp(model)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      if (!/^(?:docker-)?compose(?:[.\-_][^/]*)?\.ya?ml$/i.test(n)) continue;
      const abs = path.join(dir, n);
      for (const svc of readComposeFile(abs, abs, false)) if (svc.dockerfile === self) out.push(svc);
    }
  }
  return out;
}
