// The HEALTHCHECK runs a program the final image provably lacks: `curl` on Debian/Ubuntu slim
// or Alpine, anything but the app on scratch or distroless, a CMD-SHELL check without a shell.
// Docker then marks every container unhealthy (Swarm, ECS and Compose's
// `depends_on: service_healthy` act on it). Only when the model is sure: an unknown base, an
// install, a download or a COPY that may bring the program keeps it quiet. The runtime part of
// the same rule (src/runtime/healthcheck.ts) runs the check in the built image and confirms it.
import { interpreterAvailability, analyseInstalls } from '../../model/installs.js';
import { firstWord } from '../../model/command-strings.js';
import { httpClientOf } from '../../model/programs.js';
import { effectiveHealthcheck } from '../../model/start-chain.js';
import type { DockerfileModel } from '../../model/types.js';
import type { StaticRule } from '../types.js';
import { baseDescription } from './image-facts.js';

function fixFor(model: DockerfileModel, program: string): string {
  const { family } = model.base;
  if (family === 'scratch' || family === 'distroless') {
    return 'Build the check into the program and run it in exec form (e.g. `HEALTHCHECK CMD ["/app/server", "healthcheck"]`), or drop the HEALTHCHECK and let the orchestrator probe the port (Kubernetes `httpGet` probes need nothing in the image).';
  }
  if (family === 'alpine' || family === 'busybox') {
    return program === 'curl'
      ? 'Use the BusyBox wget the image has (`HEALTHCHECK CMD wget -q --spider http://127.0.0.1:PORT/ || exit 1`), or install curl in the final stage: `RUN apk add --no-cache curl`.'
      : `Install ${program} in the final stage: \`RUN apk add --no-cache ${program}\`.`;
  }
  return `Install ${program} in the final stage (\`RUN apt-get update && apt-get install -y --no-install-recommends ${program} && rm -rf /var/lib/apt/lists/*\`), or check with a program the image has (the app's runtime: \`node -e …\`, \`python3 -c …\`).`;
}

export const rule: StaticRule = {
  id: 'healthcheck-broken',
  severity: 'error',
  title: 'HEALTHCHECK can never pass',
  description: "The image's HEALTHCHECK cannot pass: its program is not in the image, or it never passed while the service was up (within its start period + retries): Docker marks every container unhealthy.",
  check(model) {
    if (model.windows) return [];
    const hc = effectiveHealthcheck(model);
    if (!hc) return [];
    const command = hc.text.replace(/^CMD\s+/i, '').trim();
    const shown = `\`HEALTHCHECK ${hc.text.replace(/\s+/g, ' ').trim()}\``;
    const analysis = analyseInstalls(model);
    const base = baseDescription(model.base);
    if (!hc.exec && interpreterAvailability(model, 'sh', analysis) === 'absent') {
      return [{
        message: `${shown} is shell form, so Docker runs it with \`/bin/sh -c\`, but the final image (${base}) has no shell: the check can never run and Docker marks every container unhealthy.`,
        fix: fixFor(model, 'sh'),
        range: hc.range,
      }];
    }
    const program = hc.exec ? hc.exec[0] : firstWord(command);
    const client = program ? httpClientOf(program) : undefined;
    if (!client || interpreterAvailability(model, client, analysis) !== 'absent') return [];
    return [{
      message: `${shown} runs \`${client}\`, which the final image does not have (${base} ships no ${client}, and no step of the build installs, downloads or copies it): the check fails with "${client}: not found" on every run and Docker marks every container unhealthy.`,
      fix: fixFor(model, client),
      range: hc.range,
    }];
  },
};
