// STOPSIGNAL SIGKILL/SIGSTOP: the process can never shut down cleanly.
import { ownDevelopmentMark } from '../../model/dev-image.js';
import { signalName } from '../../model/signals.js';
import type { StaticRule } from '../types.js';

/** `SIGKILL`, `kill`, `9` -> 'SIGKILL'; `SIGSTOP`, `STOP`, `19` -> 'SIGSTOP'; anything else undefined. */
export function ungracefulSignal(value: string): 'SIGKILL' | 'SIGSTOP' | undefined {
  const name = signalName(value);
  return name === 'SIGKILL' || name === 'SIGSTOP' ? name : undefined;
}

export const rule: StaticRule = {
  id: 'ungraceful-stopsignal',
  severity: 'error',
  title: 'Stop signal cannot be handled',
  description: 'STOPSIGNAL SIGKILL or SIGSTOP cannot be caught: the process can never shut down cleanly.',
  check(model) {
    const stop = model.start.stopSignal;
    if (model.windows || !stop) return [];
    const signal = ungracefulSignal(stop.value);
    if (!signal) return [];
    const consequence =
      signal === 'SIGKILL'
        ? 'so every `docker stop` and Kubernetes rollout kills the process outright with no chance to finish requests, flush or release locks'
        : 'so `docker stop` only freezes the process and it is SIGKILLed after the grace period without ever running its shutdown code';
    // A development image by design is stopped by a developer at their desk, not by a rollout.
    const dev = ownDevelopmentMark(model);
    return [
      {
        message: `\`STOPSIGNAL ${stop.value}\` sends ${signal}, which no process can catch, ${consequence}.${dev ? ` Low impact here: ${dev.reason}.` : ''}`,
        fix: 'Remove the STOPSIGNAL line (SIGTERM is the default) or use the signal the server documents for graceful shutdown (e.g. `STOPSIGNAL SIGQUIT` for nginx).',
        range: stop.instr.range,
        ...(dev ? { severity: 'info' as const } : {}),
      },
    ];
  },
};
