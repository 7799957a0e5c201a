// Shared by the deployment rules: where a deployment's field is written, and who it is.
import type { Deployed, Deployment } from '../../model/deployment.js';
import type { RuleHit } from '../types.js';

export { deploymentLabel } from '../../model/deployed-start.js';

/** The finding's place for a deployment field (its own file when an override wrote it). */
export function fieldAt(d: Deployment, field: keyof Deployment, value: Pick<Deployed<unknown>, 'line'> | undefined): Pick<RuleHit, 'range' | 'file'> {
  const line = value?.line ?? d.line;
  return { file: (value && d.fieldFiles?.[field]) || d.file, range: { line, column: 1, endLine: line, endColumn: 0 } };
}

/** The manifest's own name for a field: Kubernetes `command`, ECS `entryPoint`, Compose `entrypoint`. */
export function fieldName(d: Deployment, field: 'entrypoint' | 'command' | 'stopSignal' | 'init'): string {
  const names: Record<Deployment['kind'], Record<typeof field, string>> = {
    compose: { entrypoint: 'entrypoint', command: 'command', stopSignal: 'stop_signal', init: 'init' },
    kubernetes: { entrypoint: 'command', command: 'args', stopSignal: 'lifecycle.stopSignal', init: 'shareProcessNamespace' },
    ecs: { entrypoint: 'entryPoint', command: 'command', stopSignal: 'stop signal', init: 'linuxParameters.initProcessEnabled' },
  };
  return names[d.kind][field];
}
