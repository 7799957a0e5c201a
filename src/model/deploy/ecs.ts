// ECS task definitions (the JSON `aws ecs register-task-definition` takes, or what
// `describe-task-definition` prints): every container definition as a Deployment.
import type { Deployment } from '../deployment.js';
import { healthTest } from './compose.js';
import { bool, get, items, keyLine, num, str, strings, type YNode } from './yaml-tree.js';

/** ECS's default `stopTimeout` (seconds between SIGTERM and SIGKILL). */
const ECS_GRACE = 30;

function containerDefinitions(doc: YNode | undefined): YNode | undefined {
  return get(doc, 'containerDefinitions') ?? get(doc, 'taskDefinition', 'containerDefinitions');
}

export function isEcs(doc: YNode | undefined): boolean {
  return containerDefinitions(doc)?.kind === 'seq';
}

function healthCheck(c: YNode): Deployment['healthcheck'] {
  const hc = get(c, 'healthCheck');
  const line = keyLine(c, 'healthCheck');
  if (!hc || line === undefined) return undefined;
  const test = strings(get(hc, 'command'));
  return test ? { ...healthTest(test), line } : { line };
}

export function ecsContainers(doc: YNode | undefined, display: string): Deployment[] {
  const out: Deployment[] = [];
  for (const c of items(containerDefinitions(doc))) {
    const name = str(get(c, 'name'));
    if (name === undefined) continue;
    const entryPoint = strings(get(c, 'entryPoint'));
    const command = strings(get(c, 'command'));
    const entryLine = keyLine(c, 'entryPoint');
    const commandLine = keyLine(c, 'command');
    const env: Deployment['env'] = [];
    const skippedEnv: string[] = [];
    for (const e of items(get(c, 'environment'))) {
      const n = str(get(e, 'name'));
      const v = str(get(e, 'value'));
      if (n !== undefined && v !== undefined) env.push({ name: n, value: v, line: e.line });
      else if (n !== undefined) skippedEnv.push(n);
    }
    for (const s of items(get(c, 'secrets'))) {
      const n = str(get(s, 'name'));
      if (n !== undefined) skippedEnv.push(n);
    }
    if (items(get(c, 'environmentFiles')).length > 0) skippedEnv.push('environmentFiles');
    const stop = num(get(c, 'stopTimeout'));
    const stopLine = keyLine(c, 'stopTimeout');
    const init = bool(get(c, 'linuxParameters', 'initProcessEnabled'));
    const initLine = keyLine(get(c, 'linuxParameters'), 'initProcessEnabled');
    const hc = healthCheck(c);
    const image = str(get(c, 'image'));
    out.push({
      kind: 'ecs',
      file: display,
      line: keyLine(c, 'name') ?? c.line,
      name,
      ...(image ? { image } : {}),
      ...(entryPoint && entryLine !== undefined ? { entrypoint: { value: entryPoint, line: entryLine } } : {}),
      // Docker drops the image's CMD when the entrypoint is set without a command.
      ...(command && commandLine !== undefined
        ? { command: { value: command, line: commandLine } }
        : entryPoint && entryLine !== undefined
          ? { command: { value: [], line: entryLine } }
          : {}),
      env,
      skippedEnv,
      grace: stop !== undefined && stopLine !== undefined ? { seconds: stop, line: stopLine } : { seconds: ECS_GRACE },
      ...(init !== undefined && initLine !== undefined ? { init: { value: init, line: initLine } } : {}),
      ...(hc ? { healthcheck: hc } : {}),
    });
  }
  return out;
}
