// stop-signal-not-graceful: the stop signal reaches a daemon that documents it as a fast or
// abortive stop (nginx and php-fpm drain on SIGQUIT and drop connections on SIGTERM; httpd
// drains on SIGWINCH). The program comes from the model's start chain, and the process that
// receives the signal is confirmed from the running container: PID 1 itself, or the child of
// an init that forwards the signal. Knowledge of the daemons: src/model/programs.ts.
import { interpreterOf, knownProgram, stopSignalsOf } from '../model/programs.js';
import type { Autofix } from '../findings.js';
import type { SourceRange } from '../model/types.js';
import type { Pid1 } from './probe.js';
import type { PlatformHit } from './types.js';

export interface StopSignalFacts {
  /** The stop signal the probe sends (the image's STOPSIGNAL, SIGTERM by default). */
  signal: string;
  /** The program the start chain ends in (`nginx`, `/usr/sbin/php-fpm8.2`) and its arguments; absent when the model has none (--image). */
  expectedProgram?: string;
  expectedArgs?: string[];
  top?: Pid1;
  /** The STOPSIGNAL instruction, when the Dockerfile has one. */
  stopSignalAt?: { file: string; range: SourceRange };
  /** Where a STOPSIGNAL would be added: before this line of the Dockerfile. */
  insertAt?: { file: string; line: number };
}

/**
 * The graceful signal in the Dockerfile: the STOPSIGNAL instruction rewritten, or one added
 * before the final stage's start instruction. Safe: the daemon's own documentation names it.
 */
export function fixStopSignal(facts: StopSignalFacts, graceful: string): Autofix | undefined {
  const at = facts.stopSignalAt;
  if (at) return { safe: true, edits: [{ file: at.file, line: at.range.line, column: at.range.column, endLine: at.range.endLine, endColumn: at.range.endColumn, text: `STOPSIGNAL ${graceful}` }] };
  const ins = facts.insertAt;
  return ins ? { safe: true, edits: [{ file: ins.file, line: ins.line, column: 1, endLine: ins.line, endColumn: 1, text: `STOPSIGNAL ${graceful}\n` }] } : undefined;
}

/** `nginx: master process nginx -g …` (a retitled master) → nginx; `python3 /usr/bin/gunicorn …` → gunicorn. */
function processName(argv: string[]): string {
  const first = (argv[0] ?? '').split(/\s/)[0]!;
  const script = argv[1];
  return interpreterOf(first) && script && !script.startsWith('-') ? script : first;
}

function daemonOf(argv: string[]) {
  const name = processName(argv);
  return stopSignalsOf(name, argv.slice(argv.indexOf(name) + 1));
}

export function judgeStopSignal(facts: StopSignalFacts): PlatformHit | undefined {
  const { signal, top } = facts;
  if (!top) return undefined;
  const expected = facts.expectedProgram !== undefined ? stopSignalsOf(facts.expectedProgram, facts.expectedArgs) : undefined;
  if (facts.expectedProgram !== undefined && !expected) return undefined;
  // Who receives the signal: PID 1, or under an init that forwards it, PID 1's child.
  const init = knownProgram(processName(top.argv))?.role === 'init';
  const receivers = init ? top.children : [top.argv];
  const receiver = receivers.find((argv) => {
    const s = daemonOf(argv);
    return s !== undefined && (expected === undefined || s === expected);
  });
  if (!receiver) return undefined;
  const daemon = daemonOf(receiver)!;
  if (!daemon.abortive.includes(signal)) return undefined;
  const how = init ? `through the init \`${top.display.split(' ')[0]}\`, which forwards it` : 'as PID 1';
  const autofix = fixStopSignal(facts, daemon.graceful);
  const set = facts.stopSignalAt ? `Change STOPSIGNAL to ${daemon.graceful}` : `Add \`STOPSIGNAL ${daemon.graceful}\` to the final stage`;
  return {
    rule: 'stop-signal-not-graceful',
    ...(facts.stopSignalAt ? { file: facts.stopSignalAt.file, range: facts.stopSignalAt.range } : {}),
    message: `On {platforms} the stop signal ${signal} reaches ${daemon.name} ${how}, and ${daemon.name} treats ${signal} as a fast stop: ${daemon.why} (${daemon.source}). Every deploy and scale-down cuts off the requests in flight.`,
    ...(autofix ? { autofix } : {}),
    fix: `${set} (Compose: \`stop_signal: ${daemon.graceful}\`). Kubernetes sends SIGTERM whatever the image says: add a preStop hook that sends ${daemon.graceful} to PID 1 (\`kill -s ${daemon.graceful.replace(/^SIG/, '')} 1\`) and waits, within terminationGracePeriodSeconds.`,
  };
}
