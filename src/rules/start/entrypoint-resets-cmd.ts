// ENTRYPOINT without a CMD after it, where a command was expected: Docker resets the inherited CMD.
import { knownProgram } from '../../model/programs.js';
import type { ChainLink, DockerfileModel } from '../../model/types.js';
import type { StaticRule } from '../types.js';
import { baseName, show } from './format.js';
import path from 'node:path';
import { deploymentLabel } from '../../model/deployed-start.js';
import { composeServicesBuilding } from '../../model/deploy/sources.js';
import type { Deployment } from '../../model/deployment.js';

/**
 * The ENTRYPOINT's chain runs out of words while a link still needs a program: an init or
 * privilege dropper given none, or a script that execs "$@" with no default of its own.
 */
function waitsForCommand(model: DockerfileModel): { link: ChainLink; why: string } | undefined {
  const { links, program } = model.startChain;
  const last = links[links.length - 1];
  if (!last) return undefined;
  // An init that supervises services of its own (s6-overlay's /init) needs no program.
  if (!program && (last.kind === 'init' || last.kind === 'privdrop' || last.kind === 'passthrough') && !knownProgram(last.word)?.supervisor) {
    return { link: last, why: `\`${baseName(last.word)}\` is given no program to run, so the container exits at once` };
  }
  // A script whose arguments are its whole command: started with none, every path through it
  // ends without a program (`exec "$@"` execs nothing). One that starts a default program when
  // given no arguments (`${@:-…}`, `[ -n "$1" ] || set -- app`, jenkins.sh) is not waiting.
  if (last.kind === 'script' && last.forwards && last.wrapper && last.runsNothing) {
    return { link: last, why: `\`${last.wrapper.imagePath}\` ends in \`exec "$@"\` with no arguments, so it execs nothing and the container exits as soon as the script finishes` };
  }
  return undefined;
}

/**
 * Every deployment found for the image (Compose services that build it, in any Compose file
 * beside or above it, and manifests given with --deploy) passes a command of its own: the image is never started without one, so a missing
 * CMD is a choice (one image, a role per service: gunicorn, celery worker, celery beat).
 */
function alwaysGivenCommand(model: DockerfileModel): string | undefined {
  // Compose files Compose does not load by default (`docker-compose.prod.yml`) run the image too.
  const byKey = new Map<string, Deployment>();
  for (const d of [...model.deployments, ...composeServicesBuilding(model).map((s) => s.deployment)]) byKey.set(`${path.basename(d.file)}\0${d.name}`, d);
  const ds = [...byKey.values()];
  if (ds.length === 0 || !ds.every((d) => (d.command?.value.length ?? 0) > 0)) return undefined;
  const names = ds.map((d) => deploymentLabel(d));
  return names.length === 1 ? `${names[0]} passes its own command` : `every deployment of the image passes its own command (${names.join(', ')})`;
}

export const rule: StaticRule = {
  id: 'entrypoint-resets-cmd',
  severity: 'warning',
  title: 'ENTRYPOINT resets the inherited CMD',
  description: 'Setting ENTRYPOINT resets the CMD inherited from the base stage or image: a wrapper that execs "$@" then execs nothing and the container exits at once.',
  check(model) {
    const { entrypoint: ep, cmd, resetCmd } = model.start;
    if (model.windows || !ep || ep.form !== 'exec' || ep.argv.length === 0 || cmd) return [];
    const waiting = waitsForCommand(model);
    const entry = `\`${show(ep.instr)}\``;
    if (resetCmd) {
      // A script we cannot read, named like an entrypoint wrapper, counts as one that needs the command.
      const last = ep.argv[ep.argv.length - 1]!;
      const unreadWrapper = ep.argv.length === 1 && !model.startChain.links.some((l) => l.wrapper) && /entrypoint|\.sh$/i.test(baseName(last));
      if (!waiting && !unreadWrapper) return [];
      const stage = model.stages[resetCmd.instr.stage];
      const where = ` (inherited from stage ${stage?.name ?? stage?.index ?? '?'})`;
      const given = alwaysGivenCommand(model);
      return [
        {
          message: `${entry} resets \`${show(resetCmd.instr, 60)}\` from line ${resetCmd.instr.range.line}${where}, so the entrypoint starts with no command and the container exits at once.${given ? ` Low impact here: ${given}.` : ''}`,
          fix: `Repeat the command after the ENTRYPOINT in this stage: \`${show(resetCmd.instr, 70)}\`.`,
          range: ep.instr.range,
          ...(given ? { severity: 'info' as const } : {}),
        },
      ];
    }
    if (!waiting) return [];
    // Only a CMD of the base image was reset. A plain OS base's CMD is a shell nobody relies on:
    // such images are tools whose command is given at `docker run` (info, not a defect); so is
    // an image whose every deployment gives it a command.
    const given = alwaysGivenCommand(model);
    return [
      {
        message: `${entry} has no CMD after it (setting ENTRYPOINT resets any CMD inherited from the base image), and ${waiting.why}.${given ? ` Low impact here: ${given}.` : ''}`,
        fix: 'Add the command after the ENTRYPOINT, e.g. `CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]`, or document that the command is given at `docker run`.',
        range: ep.instr.range,
        ...(model.base.plainOs || given ? { severity: 'info' as const } : {}),
      },
    ];
  },
};
