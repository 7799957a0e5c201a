// Signal names as STOPSIGNAL, Compose `stop_signal` and Kubernetes `stopSignal` write them, read
// once for the static rules and the probe (signal(7) numbering on Linux).
import { describe, expect, it } from 'vitest';
import { signalName, signalNumber } from '../../src/model/signals.js';

describe('signalName and signalNumber', () => {
  it('reads a name with or without SIG, in any case, quoted or not', () => {
    expect(['SIGQUIT', 'quit', 'Sigquit', '"SIGQUIT"', " 'QUIT' "].map(signalName)).toEqual(Array(5).fill('SIGQUIT'));
  });
  it('reads numbers as Linux numbers them', () => {
    expect(['1', '2', '3', '9', '15', '19', '28'].map(signalName)).toEqual(['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGTERM', 'SIGSTOP', 'SIGWINCH']);
  });
  it('keeps a number with no name, and real-time signals as written', () => {
    expect(signalName('99')).toBe('99');
    expect(signalName('SIGRTMIN+3')).toBe('SIGRTMIN+3');
    expect(signalNumber('SIGRTMIN+3')).toBe(37);
    expect(signalNumber('SIGWINCH')).toBe(28);
    expect(signalNumber('SIGNOPE')).toBeUndefined();
  });
});
