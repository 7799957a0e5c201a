// Kubernetes manifests (as kubectl, `kustomize build` or `helm template` print them): every
// container of every workload, with its command, stop signal, grace period, preStop and probes.
import type { Deployment } from '../deployment.js';
import { get, items, keyLine, num, str, strings, type YNode } from './yaml-tree.js';

/** Kubernetes' default `terminationGracePeriodSeconds`. */
const KUBERNETES_GRACE = 30;

/** Where each kind keeps its pod spec. */
const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** A document is a Kubernetes object (or a List of them). */
export function isKubernetes(doc: YNode | undefined): boolean {
  return str(get(doc, 'apiVersion')) !== undefined && str(get(doc, 'kind')) !== undefined;
}

/** `sleep 20`, `/bin/sleep 20s`, `sh -c "sleep 20"` (optionally `&& …` after it): 20. */
export function sleepSeconds(argv: string[]): number | undefined {
  const direct = /^(?:\S*\/)?sleep$/.test(argv[0] ?? '') ? argv.slice(1).join(' ') : undefined;
  const viaShell = /^(?:\S*\/)?(?:sh|bash|ash|dash)$/.test(argv[0] ?? '') && argv[1] === '-c' ? argv[2] : undefined;
  const text = direct !== undefined ? `sleep ${direct}` : viaShell;
  const m = text === undefined ? null : /^\s*(?:exec\s+)?(?:\S*\/)?sleep\s+(\d+(?:\.\d+)?)s?\s*(?:$|;|&&)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function preStop(container: YNode): Deployment['preStop'] {
  const hook = get(container, 'lifecycle', 'preStop');
  const line = keyLine(get(container, 'lifecycle'), 'preStop');
  if (!hook || line === undefined) return undefined;
  const sleep = num(get(hook, 'sleep', 'seconds'));
  if (sleep !== undefined) return { kind: 'sleep', seconds: sleep, line };
  const argv = strings(get(hook, 'exec', 'command'));
  if (argv) {
    const seconds = sleepSeconds(argv);
    return { kind: 'exec', argv, ...(seconds !== undefined ? { seconds } : {}), line };
  }
  if (get(hook, 'httpGet')) return { kind: 'http', line };
  return undefined;
}

function probes(container: YNode): NonNullable<Deployment['probes']> {
  const out: NonNullable<Deployment['probes']> = [];
  for (const kind of ['readiness', 'liveness', 'startup'] as const) {
    const key = `${kind}Probe`;
    const probe = get(container, key);
    const line = keyLine(container, key);
    if (!probe || line === undefined) continue;
    const exec = strings(get(probe, 'exec', 'command'));
    const http = get(probe, 'httpGet');
    const tcp = get(probe, 'tcpSocket');
    const port = (n: YNode | undefined) => num(get(n, 'port')) ?? str(get(n, 'port')) ?? '';
    out.push({
      kind,
      line,
      ...(exec ? { exec } : {}),
      ...(http ? { httpGet: { path: str(get(http, 'path')) ?? '/', port: port(http) } } : {}),
      ...(tcp ? { tcpSocket: { port: port(tcp) } } : {}),
    });
  }
  return out;
}

/**
 * Kubernetes' own expansion of `command` and `args`: `$(NAME)` becomes the container's literal
 * env value (left as written when the variable is not a literal), `$$` a literal `$`.
 */
export function expandReferences(words: string[] | undefined, env: Deployment['env']): string[] | undefined {
  if (!words) return undefined;
  const values = new Map(env.map((e) => [e.name, e.value]));
  return words.map((w) => w.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, n?: string) => (m === '$$' ? '$' : values.get(n!) ?? m)));
}

function container(c: YNode, workload: string, podSpec: YNode, display: string): Deployment | undefined {
  const name = str(get(c, 'name'));
  if (name === undefined) return undefined;
  const line = keyLine(c, 'name') ?? c.line;
  const commandLine = keyLine(c, 'command');
  const argsLine = keyLine(c, 'args');
  const env: Deployment['env'] = [];
  const skippedEnv: string[] = [];
  for (const e of items(get(c, 'env'))) {
    const envName = str(get(e, 'name'));
    if (envName === undefined) continue;
    const value = str(get(e, 'value'));
    // `valueFrom` (secrets, config maps, the downward API) is not a literal: never read.
    if (get(e, 'valueFrom') || value === undefined) skippedEnv.push(envName);
    else env.push({ name: envName, value, line: e.line });
  }
  if (items(get(c, 'envFrom')).length > 0) skippedEnv.push('envFrom');
  const commandList = expandReferences(strings(get(c, 'command')), env);
  const argsList = expandReferences(strings(get(c, 'args')), env);
  const graceSeconds = num(get(podSpec, 'terminationGracePeriodSeconds'));
  const graceLine = keyLine(podSpec, 'terminationGracePeriodSeconds');
  const signal = str(get(c, 'lifecycle', 'stopSignal'));
  const hook = preStop(c);
  const found = probes(c);
  const image = str(get(c, 'image'));
  // A shared process namespace makes the pause container PID 1: it reaps orphans, as an init does.
  const sharedPid = keyLine(podSpec, 'shareProcessNamespace');
  const shares = str(get(podSpec, 'shareProcessNamespace')) === 'true';
  const initContainers = items(get(podSpec, 'initContainers')).flatMap((i) => {
    const initName = str(get(i, 'name'));
    const text = [...(strings(get(i, 'command')) ?? []), ...(strings(get(i, 'args')) ?? [])].join(' ');
    return initName !== undefined && text ? [{ name: initName, text }] : [];
  });
  return {
    kind: 'kubernetes',
    file: display,
    line,
    name,
    workload,
    ...(image ? { image } : {}),
    ...(commandList && commandLine !== undefined ? { entrypoint: { value: commandList, line: commandLine } } : {}),
    // `command` without `args` drops the image's CMD; `args` alone replaces it.
    ...(argsList && argsLine !== undefined
      ? { command: { value: argsList, line: argsLine } }
      : commandList && commandLine !== undefined
        ? { command: { value: [], line: commandLine } }
        : {}),
    env,
    skippedEnv,
    ...(initContainers.length ? { initContainers } : {}),
    ...(signal !== undefined ? { stopSignal: { value: signal, line: keyLine(get(c, 'lifecycle'), 'stopSignal')! } } : {}),
    grace: graceSeconds !== undefined && graceLine !== undefined ? { seconds: graceSeconds, line: graceLine } : { seconds: KUBERNETES_GRACE },
    ...(hook ? { preStop: hook } : {}),
    ...(shares && sharedPid !== undefined ? { init: { value: true, line: sharedPid } } : {}),
    ...(found.length > 0 ? { probes: found } : {}),
  };
}

/** The containers (not init containers) of one Kubernetes document, a List's items included. */
export function kubernetesContainers(doc: YNode | undefined, display: string, depth = 0): Deployment[] {
  const kind = str(get(doc, 'kind')) ?? '';
  if (kind === 'List' || /List$/.test(kind)) return depth > 3 ? [] : items(get(doc, 'items')).flatMap((i) => kubernetesContainers(i, display, depth + 1));
  const at = POD_SPEC[kind];
  if (!at) return [];
  const podSpec = get(doc, ...at);
  if (!podSpec) return [];
  const workload = `${kind}/${str(get(doc, 'metadata', 'name')) ?? '?'}`;
  const out: Deployment[] = [];
  for (const c of items(get(podSpec, 'containers'))) {
    const d = container(c, workload, podSpec, display);
    if (d) out.push(d);
  }
  return out;
}
