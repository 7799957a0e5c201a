// What a deployment's grace period is called and where it is written, read by the static rule
// grace-period-exceeded and by the runtime's verdict of the probe as deployed: one wording, one place.
import type { Deployment } from './deployment.js';
import type { SourceRange } from './types.js';

/** The setting that holds the grace period, per platform, and its default (seconds). */
const GRACE_SETTING: Record<Deployment['kind'], { name: string; defaultSeconds: number }> = {
  compose: { name: 'stop_grace_period', defaultSeconds: 10 },
  kubernetes: { name: 'terminationGracePeriodSeconds', defaultSeconds: 30 },
  ecs: { name: 'stopTimeout', defaultSeconds: 30 },
};

export function graceSetting(kind: Deployment['kind']): { name: string; defaultSeconds: number } {
  return GRACE_SETTING[kind];
}

/** "the 30 s grace period (terminationGracePeriodSeconds, line 12)"; "(… default)" when the manifest sets none. */
export function graceText(d: Deployment): string {
  const setting = graceSetting(d.kind).name;
  const where = d.grace.line !== undefined ? `\`${setting}\`, line ${d.grace.line}` : `\`${setting}\` not set: the default`;
  return `the ${d.grace.seconds} s grace period (${where})`;
}

/**
 * Seconds the preStop hook takes before the stop signal is sent, when known (a `sleep`);
 * 0 without a hook; undefined for an exec or http hook whose duration cannot be read.
 */
export function preStopSeconds(d: Deployment): number | undefined {
  if (!d.preStop) return 0;
  return d.preStop.seconds;
}

/** "the preStop `sleep 20` (line 31)". */
export function preStopText(d: Deployment): string {
  const p = d.preStop;
  if (!p) return 'no preStop hook';
  const what = p.argv && p.argv.length > 0 ? `\`${p.argv.join(' ')}\`` : p.kind === 'sleep' ? `\`sleep: ${p.seconds ?? '?'}\`` : p.kind;
  return `the preStop ${what} (line ${p.line})`;
}

/**
 * Where a grace-period finding points: the grace setting if the manifest writes it, else the
 * preStop hook, else the container itself. The static rule and the runtime verdict use the same
 * place, so the runtime's finding replaces the static one.
 */
export function graceRange(d: Deployment): SourceRange {
  const line = d.grace.line ?? d.preStop?.line ?? d.line;
  return { line, column: 1, endLine: line, endColumn: 0 };
}

/** The fix, for the static rule and the runtime verdict alike: `seconds` is a grace period that would do. */
export function graceFix(d: Deployment, seconds: number): string {
  const setting = graceSetting(d.kind).name;
  const raise = d.kind === 'compose' ? `\`stop_grace_period: ${seconds}s\`` : d.kind === 'ecs' ? `\`"stopTimeout": ${seconds}\`` : `\`terminationGracePeriodSeconds: ${seconds}\``;
  const shorten = d.preStop ? ', shorten the preStop hook' : '';
  return `Raise ${setting} above what the shutdown needs (e.g. ${raise})${shorten}, or make the app drain faster on its stop signal (well within the grace period).`;
}

/** The keys that replace the image's ENTRYPOINT and CMD, as each platform names them. */
const START_KEYS: Record<Deployment['kind'], { entrypoint: string; command: string }> = {
  compose: { entrypoint: 'entrypoint', command: 'command' },
  kubernetes: { entrypoint: 'command', command: 'args' },
  ecs: { entrypoint: 'entryPoint', command: 'command' },
};

/** The manifest key that wrote the deployed start command (`command` of a compose service, `args` of a Kubernetes container). */
export function startKey(d: Deployment): string {
  return d.entrypoint ? START_KEYS[d.kind].entrypoint : START_KEYS[d.kind].command;
}
