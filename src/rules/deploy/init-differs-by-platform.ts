// Compose gives the image an init (`init: true`); its Kubernetes or ECS deployment does not.
import { deployedModel, isJob } from '../../model/deployed-start.js';
import { chainInit } from '../../model/start-chain.js';
import type { RuleHit, StaticRule } from '../types.js';
import { deploymentLabel, fieldAt } from './common.js';

export const rule: StaticRule = {
  id: 'init-differs-by-platform',
  severity: 'info',
  title: 'Init only on some platforms',
  description:
    "Compose runs the image with `init: true`, but its Kubernetes or ECS deployment has no init and PID 1 is not one: orphaned children are never reaped and signals are handled differently than in the Compose setup.",
  check(model) {
    const compose = model.deployments.find((d) => d.kind === 'compose' && d.init?.value === true);
    if (!compose) return [];
    const out: RuleHit[] = [];
    for (const d of model.deployments) {
      if (d.kind === 'compose' || d.init?.value === true || isJob(d)) continue;
      const chain = (deployedModel(model, d) ?? model).startChain;
      if (chainInit(chain)) continue;
      const pid1 = chain.links[0];
      const fix =
        d.kind === 'ecs'
          ? 'Set `"linuxParameters": {"initProcessEnabled": true}` on the container definition, or start the image with an init (`ENTRYPOINT ["tini", "--", …]`) so every platform has one.'
          : 'Start the image with an init (`ENTRYPOINT ["tini", "--", …]`, or `dumb-init`) so every platform has one, or set `shareProcessNamespace: true` on the pod (its pause process reaps).';
      out.push({
        message: `${deploymentLabel(compose)} runs this image with \`init: true\` (${compose.file}:${compose.init!.line}), but ${deploymentLabel(d)} has no init: PID 1 there is \`${pid1?.name ?? 'the start command'}\`, which does not reap orphaned children or handle signals the way Compose's init does.`,
        fix,
        ...fieldAt(d, 'name', undefined),
      });
    }
    return out;
  },
};
