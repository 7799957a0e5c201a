// grace-period-exceeded, statically: a preStop `sleep` that alone takes the whole grace period,
// so the platform SIGKILLs the container before (or as) its stop signal arrives. The probe as
// deployed judges preStop + the measured shutdown (src/runtime/deployed.ts), at the same place.
import { deploymentLabel } from '../../model/deployed-start.js';
import { graceFix, graceRange, graceText, preStopSeconds, preStopText } from '../../model/deployment-grace.js';
import type { RuleHit, StaticRule } from '../types.js';

export const rule: StaticRule = {
  id: 'grace-period-exceeded',
  severity: 'error',
  title: 'Shutdown exceeds the grace period',
  description: "The deployment's preStop hook plus the app's shutdown take at least its grace period: the platform SIGKILLs the container at every deploy and scale-down, in-flight work lost.",
  check(model) {
    const hits: RuleHit[] = [];
    for (const d of model.deployments) {
      const preStop = preStopSeconds(d);
      if (preStop === undefined || preStop <= 0 || preStop < d.grace.seconds) continue;
      hits.push({
        file: d.file,
        range: graceRange(d),
        message: `In the ${deploymentLabel(d)}, ${preStopText(d)} takes ${preStop} s + the app's shutdown (at least 0 s) ≥ ${graceText(d)}: the container is SIGKILLed before its stop signal leaves it any time to drain, at every deploy and scale-down.`,
        fix: graceFix(d, preStop + 30),
      });
    }
    return hits;
  },
};
