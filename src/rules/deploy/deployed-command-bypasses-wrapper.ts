// A deployed command/entrypoint replaces the image's ENTRYPOINT, and with it the wrapper's set-up.
import { deployedModel } from '../../model/deployed-start.js';
import type { ChainLink } from '../../model/types.js';
import { runsMigration, wrapperSetup } from '../../model/wrapper-setup.js';
import { show } from '../start/format.js';
import type { RuleHit, StaticRule } from '../types.js';
import { deploymentLabel, fieldAt, fieldName } from './common.js';

export const rule: StaticRule = {
  id: 'deployed-command-bypasses-wrapper',
  severity: 'warning',
  title: 'Deployed command bypasses the entrypoint wrapper',
  description:
    "A Compose `entrypoint`, Kubernetes `command` or ECS `entryPoint` replaces the image's ENTRYPOINT, so the wrapper's set-up (PATH, environment, migrations, privilege drop) never runs where the image is deployed.",
  check(model) {
    const ep = model.start.entrypoint;
    if (!ep) return [];
    const wrappers = model.startChain.links.filter((l): l is ChainLink & { wrapper: NonNullable<ChainLink['wrapper']> } => l.kind === 'script' && l.wrapper !== undefined && l.part === ep && !l.origin);
    if (wrappers.length === 0) return [];
    const out: RuleHit[] = [];
    for (const d of model.deployments) {
      if (!d.entrypoint) continue;
      const view = deployedModel(model, d);
      const stillRun = new Set((view?.startChain.links ?? []).map((l) => l.wrapper?.imagePath).filter(Boolean));
      // Named in the deployed command (`wait-for.sh db:5432 -- /app/start.sh`): a program
      // before it that the chain cannot follow hands over to it.
      const named = new Set([...d.entrypoint.value, ...(d.command?.value ?? [])]);
      for (const link of wrappers) {
        if (stillRun.has(link.wrapper.imagePath) || named.has(link.wrapper.imagePath) || named.has(link.word)) continue;
        // What the deployment sets itself is not missing.
        const given = new Set(d.env.map((e) => e.name));
        const missing = wrapperSetup(link.wrapper).filter((s) => !(s.name && given.has(s.name)));
        if (missing.length === 0) continue;
        // The pod runs the wrapper's migration in an init container: the deployment took the set-up over on purpose.
        const initRun = missing.some((s) => s.kind === 'migration') ? d.initContainers?.find((i) => runsMigration(i.text)) : undefined;
        const left = initRun ? missing.filter((s) => s.kind !== 'migration') : missing;
        if (left.length === 0) continue;
        const steps = left.slice(0, 3).map((s) => `${s.what} (line ${s.line})`);
        const more = left.length > 3 ? ` and ${left.length - 3} more` : '';
        const field = fieldName(d, 'entrypoint');
        const keep = fieldName(d, 'command');
        const fix = link.forwards
          ? `Keep the image's ENTRYPOINT: give the command as \`${keep}:\` instead of \`${field}:\` (the wrapper runs it with \`exec "$@"\` after its set-up), or start the wrapper first: \`${field}: ["${link.wrapper.imagePath}", …]\`.`
          : `Start the wrapper first (\`${field}: ["${link.wrapper.imagePath}", …]\`), or do its set-up in the deployment (env, an init container or job for migrations, securityContext for the user).`;
        const message = `\`${field}:\` of ${deploymentLabel(d)} replaces the image's \`${show(ep.instr, 60)}\`, so \`${link.wrapper.file}\` never runs and the deployed command starts without its set-up: it ${steps.join(', ')}${more}.`;
        if (initRun) {
          out.push({
            message: `${message} The pod's init container \`${initRun.name}\` runs the migration itself, so the deployment does the wrapper's set-up on purpose: check that it needs none of the rest.`,
            fix: `Set what the deployed command still needs in the deployment (\`env:\`), or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
            ...fieldAt(d, 'entrypoint', d.entrypoint),
            severity: 'info',
          });
          continue;
        }
        out.push({ message, fix, ...fieldAt(d, 'entrypoint', d.entrypoint) });
      }
    }
    return out;
  },
};
