// The start contract as a deployment runs it: the deployment's entrypoint and command put in
// place of the image's, as each platform applies them (Kubernetes `command` replaces ENTRYPOINT
// and drops CMD unless `args`; `args` alone replaces CMD; Compose and ECS like
// `docker run --entrypoint`), and the start chain walked again from there, through the scripts
// a Compose service bind-mounts over the image's. The same rules then read it as they read the
// image's, with findings at the manifest's own lines.
import type { Deployed, Deployment } from './deployment.js';
import type { DockerfileModel, Instr, StartContract, StartOrigin, StartPart } from './types.js';
import { wordTexts } from '../shell/words.js';
import { programRun } from './programs.js';
import { flowIn } from './scripts.js';
import { startArgv } from './start-contract.js';
import { resolveStart } from './wrappers.js';

/** The field names each platform gives the two halves of the start command. */
const FIELDS: Record<Deployment['kind'], { entrypoint: string; command: string }> = {
  compose: { entrypoint: 'entrypoint', command: 'command' },
  kubernetes: { entrypoint: 'command', command: 'args' },
  ecs: { entrypoint: 'entryPoint', command: 'command' },
};

/** A Kubernetes Job or CronJob: its command runs once to its end, it serves nothing. */
export function isJob(d: Pick<Deployment, 'workload'>): boolean {
  return /^(?:Job|CronJob)\//.test(d.workload ?? '');
}

/**
 * The deployment runs to its end: a Kubernetes Job or CronJob, or a service whose command is a
 * one-shot step (a Compose `migrate` service: `prisma migrate deploy`, `manage.py migrate`), as
 * the program table classifies what its start chain ends in.
 */
export function runsToItsEnd(d: Deployment, view: DockerfileModel | undefined): boolean {
  if (isJob(d)) return true;
  if (!view) return false;
  const { links, program } = view.startChain;
  const last = links[links.length - 1];
  const words = last?.child?.words ?? (program?.kind === 'script' ? undefined : program?.argv);
  if (words !== undefined) return programRun(words) === 'one-shot';
  // A script that ends in its own command on every path (`python manage.py migrate $1`, no exec).
  if (last?.kind !== 'script' || !last.wrapper) return false;
  const flow = flowIn(last.wrapper, view.wrappers, { kind: 'run', args: last.runArgs ?? [] });
  const finals = flow.finals.map((sig) => (sig.cmd.kind === 'simple' ? wordTexts(sig.cmd.words) : undefined));
  return flow.complete && finals.length > 0 && flow.handovers.length === 0 && finals.every((w) => w !== undefined && programRun(w) === 'one-shot');
}

/** Who runs it, for messages: "Compose service `web`", "container `api` of Deployment/api". */
export function deploymentLabel(d: Pick<Deployment, 'kind' | 'name' | 'workload'>): string {
  if (d.kind === 'compose') return `Compose service \`${d.name}\``;
  if (d.kind === 'kubernetes') return `container \`${d.name}\`${d.workload ? ` of ${d.workload}` : ''}`;
  return `ECS container \`${d.name}\``;
}

function deployedPart(model: DockerfileModel, d: Deployment, value: Deployed<string[]>, half: 'entrypoint' | 'command'): StartPart {
  const field = FIELDS[d.kind][half];
  const file = d.fieldFiles?.[half] ?? d.file;
  const text = `[${value.value.map((w) => JSON.stringify(w)).join(', ')}]`;
  const instr: Instr = {
    keyword: `${field}:`,
    stage: model.finalStage.index,
    range: { line: value.line, column: 1, endLine: value.line, endColumn: 0 },
    args: value.value,
    text,
    flags: new Map(),
    exec: value.value,
    jsonLike: true,
    heredocs: [],
    // No Dockerfile node: rules that read the AST do not run on deployed commands.
    node: undefined as unknown as Instr['node'],
  };
  const origin: StartOrigin = { kind: d.kind, file, line: value.line, field, name: d.name, ...(d.workload ? { workload: d.workload } : {}), ...(d.devSetup ? { devSetup: d.devSetup } : {}) };
  return { instr, form: 'exec', argv: value.value, origin };
}

/**
 * The model as the deployment starts the image, or undefined when the deployment keeps the
 * image's own ENTRYPOINT and CMD (its chain is the image's).
 */
export function deployedModel(model: DockerfileModel, d: Deployment): DockerfileModel | undefined {
  let byModel = views.get(d);
  if (!byModel) views.set(d, (byModel = new WeakMap()));
  if (!byModel.has(model)) byModel.set(model, build(model, d));
  return byModel.get(model);
}

/** Each deployment's view of each model, built once (the lint pass and the deployment rules read it). */
const views = new WeakMap<Deployment, WeakMap<DockerfileModel, DockerfileModel | undefined>>();

/** The halves of the start command a deployment sets, as the platforms apply them (read by the model and by the probe). */
export interface DeployedHalves {
  entrypoint?: Deployed<string[]>;
  command?: Deployed<string[]>;
  /** The image's CMD is dropped: an entrypoint replaced without a command of its own. */
  dropsImageCmd: boolean;
}

/**
 * As Docker's engine merges a container's config with the image's, which compose, Kubernetes
 * and ECS all go through: an entrypoint replacement drops the image's CMD unless the deployment
 * gives its own command (Kubernetes `command` without `args`, compose `entrypoint` without
 * `command`); a command alone keeps the image's ENTRYPOINT. An empty entrypoint resets it
 * (compose `entrypoint: []`); in Kubernetes an empty list is no field at all.
 */
export function deployedHalves(d: Deployment): DeployedHalves {
  const set = (v: Deployed<string[]> | undefined) => (v && !(d.kind === 'kubernetes' && v.value.length === 0) ? v : undefined);
  const entrypoint = set(d.entrypoint);
  const command = set(d.command);
  return { ...(entrypoint ? { entrypoint } : {}), ...(command ? { command } : {}), dropsImageCmd: !command && (entrypoint?.value.length ?? 0) > 0 };
}

function build(model: DockerfileModel, d: Deployment): DockerfileModel | undefined {
  const halves = deployedHalves(d);
  const mounts = d.mounts ?? [];
  if (model.windows || (!halves.entrypoint && !halves.command && mounts.length === 0)) return undefined;
  const image = model.start;
  const part = (v: Deployed<string[]>, half: 'entrypoint' | 'command') => (v.value.length > 0 ? deployedPart(model, d, v, half) : undefined);
  const entrypoint = halves.entrypoint ? part(halves.entrypoint, 'entrypoint') : image.entrypoint;
  const cmd = halves.command ? part(halves.command, 'command') : halves.dropsImageCmd ? undefined : image.cmd;
  const start: StartContract = { ...image, entrypoint, cmd, resetCmd: undefined, executableFrom: undefined, ...startArgv(entrypoint, cmd) };
  // Written out as the image already starts (`command: npm start` over `CMD ["npm", "start"]`): the image's own chain, judged once at the Dockerfile.
  const same = (a: StartPart | undefined, b: StartPart | undefined) => (a?.argv ?? []).join('\0') === (b?.argv ?? []).join('\0');
  const asImage = same(entrypoint, image.entrypoint) && same(cmd, image.cmd);
  if (asImage && mounts.length === 0) return undefined;
  const deployed: DockerfileModel = { ...model, start: asImage ? image : start, wrappers: [], startChain: { links: [] }, deployments: [] };
  // A script the service bind-mounts over the image's (`./entrypoint.sh:/entrypoint.sh`) is what runs there.
  const resolved = resolveStart(deployed, mounts);
  // The image's own start command and none of its scripts mounted over: the image's chain.
  if (asImage && !resolved.wrappers.some((w) => w.mount)) return undefined;
  deployed.startChain = resolved.chain;
  deployed.wrappers = resolved.wrappers;
  if (resolved.image) deployed.image = resolved.image;
  return deployed;
}
