// The platform's stop signal differs from the image's, and the program treats it as a fast stop.
import { deployedModel } from '../../model/deployed-start.js';
import { stopSignalsOf } from '../../model/programs.js';
import { signalName } from '../../model/signals.js';
import type { RuleHit, StaticRule } from '../types.js';
import { deploymentLabel, fieldAt, fieldName } from './common.js';

export const rule: StaticRule = {
  id: 'stop-signal-mismatch',
  severity: 'warning',
  title: "Deployed stop signal differs from the image's",
  description:
    "Compose `stop_signal` or Kubernetes `lifecycle.stopSignal` sends a signal other than the image's STOPSIGNAL, one the program is documented to treat as a fast stop: in-flight work is cut off at every deploy.",
  check(model) {
    const out: RuleHit[] = [];
    const declared = model.start.stopSignal ? signalName(model.start.stopSignal.value) : undefined;
    for (const d of model.deployments) {
      if (!d.stopSignal) continue;
      const sent = signalName(d.stopSignal.value);
      // The image's signal: its STOPSIGNAL, else SIGTERM on a plain OS base (one that sets none).
      const imageSignal = declared ?? (model.base.plainOs || model.base.scratch ? 'SIGTERM' : undefined);
      if (sent === imageSignal) continue;
      const program = (deployedModel(model, d) ?? model).startChain.program;
      if (!program) continue;
      const stops = stopSignalsOf(program.word, program.argv.slice(1));
      if (!stops || !stops.abortive.includes(sent)) continue;
      const image = declared ? `the image's \`STOPSIGNAL ${declared}\` (line ${model.start.stopSignal!.instr.range.line})` : "the image's stop signal (SIGTERM, unless the base image sets another)";
      out.push({
        message: `\`${fieldName(d, 'stopSignal')}: ${d.stopSignal.value}\` of ${deploymentLabel(d)} stops ${stops.name} with ${sent} instead of ${image}, and ${stops.name} treats ${sent} as a fast stop: ${stops.why} (${stops.source}).`,
        fix: declared === stops.graceful ? `Remove \`${fieldName(d, 'stopSignal')}\` so the image's ${declared} is sent.` : `Send ${stops.graceful}: \`${fieldName(d, 'stopSignal')}: ${stops.graceful}\` (and \`STOPSIGNAL ${stops.graceful}\` in the image).`,
        ...fieldAt(d, 'stopSignal', d.stopSignal),
      });
    }
    return out;
  },
};
