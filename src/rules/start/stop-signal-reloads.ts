// The stop signal reaches a server that, as configured, treats it as a reload and keeps running.
import { inheritedStopSignal } from '../../model/base-image.js';
import { ownDevelopmentMark } from '../../model/dev-image.js';
import { reloadSignals } from '../../model/programs.js';
import { commandBase, walkCommands } from '../../model/script-syntax.js';
import { analysisOf } from '../../model/scripts.js';
import { mainProgram } from '../../model/start-chain.js';
import type { WrapperScript } from '../../model/types.js';
import { signalName } from '../../model/signals.js';
import type { StaticRule } from '../types.js';
import { appWhere, showText } from './format.js';

/** The script changes directory (`cd`, `pushd`), read from its parsed commands: relative config paths are then not read from WORKDIR. */
function changesDirectory(script: WrapperScript): boolean {
  let found = false;
  walkCommands(analysisOf(script).body, (cmd) => {
    if (cmd.kind === 'simple' && ['cd', 'pushd'].includes(commandBase(cmd.words[0]) ?? '')) found = true;
  });
  return found;
}

export const rule: StaticRule = {
  id: 'stop-signal-reloads',
  severity: 'error',
  title: 'Stop signal reloads the server',
  description: 'The stop signal reaches a server that, as configured, treats it as a reload (uWSGI in master mode without die-on-term): it keeps running and is SIGKILLed after the grace period.',
  check(model) {
    // An image of unknown lineage may set its own STOPSIGNAL or UWSGI_* environment: not judged.
    if (model.windows || !model.image || !inheritedStopSignal(model.base)) return [];
    const app = mainProgram(model);
    if (!app) return [];
    const cwd = app.origin && changesDirectory(app.origin.script) ? undefined : model.image.workdir;
    const reload = reloadSignals(app.words, { file: model.image.file, env: model.image.env, ...(cwd !== undefined ? { cwd } : {}) });
    if (!reload) return [];
    const declared = model.start.stopSignal;
    const signal = declared ? signalName(declared.value) : inheritedStopSignal(model.base)!;
    if (!reload.reloads.includes(signal)) return [];
    // A deployment that sets the option or a stop signal that stops it: the deployed container is right.
    if (model.deployments.some((d) => d.env.some((e) => reload.optionEnv.test(e.name)) || (d.stopSignal && reload.stops.includes(signalName(d.stopSignal.value))))) return [];
    const where = appWhere(app);
    const sent = declared ? `\`STOPSIGNAL ${declared.value}\` (line ${declared.instr.range.line})` : `${signal}, the stop signal \`docker stop\` and Kubernetes send`;
    const fix = reload.reloads.includes('SIGTERM')
      ? `${reload.setOption.charAt(0).toUpperCase()}${reload.setOption.slice(1)} so SIGTERM stops it, or set \`STOPSIGNAL ${reload.stops[0]}\` in the image.`
      : `Remove \`STOPSIGNAL ${declared?.value ?? signal}\` (or send ${reload.stops[0]}): as configured, ${reload.stops[0]} stops ${reload.name}.`;
    const dev = ownDevelopmentMark(model);
    return [{
      message: `\`${showText(app.words.join(' '), 60)}\` (from ${where.source}) gets ${sent}, and ${reload.why}, so every \`docker stop\` and rollout waits out the grace period and then SIGKILLs it (${reload.source}).${dev ? ` Low impact here: ${dev.reason}.` : ''}`,
      fix,
      ...where.at,
      ...(dev ? { severity: 'info' as const } : {}),
    }];
  },
};
