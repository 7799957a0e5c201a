// Signal names as a STOPSIGNAL, a Compose `stop_signal` or a Kubernetes `stopSignal` writes them.
import { constants } from 'node:os';

const NUMBERS = constants.signals as Record<string, number>;

/** `quit`, `SIGQUIT`, `"3"` -> `SIGQUIT` (numbers as Linux numbers them; `SIGRTMIN+3` kept). */
export function signalName(text: string): string {
  const t = text.trim().replace(/^["']|["']$/g, '').toUpperCase();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return Object.keys(NUMBERS).find((k) => NUMBERS[k] === n && k !== 'SIGIOT' && k !== 'SIGPOLL') ?? t;
  }
  return t.startsWith('SIG') ? t : `SIG${t}`;
}

/** Its number, for `SIGQUIT` or `SIGRTMIN+3`; undefined for a name Linux does not have. */
export function signalNumber(name: string): number | undefined {
  const rt = /^SIGRT(MIN|MAX)([+-]\d+)?$/.exec(name);
  if (rt) return (rt[1] === 'MIN' ? 34 : 64) + Number(rt[2] ?? 0);
  return NUMBERS[name];
}
