// What a rule is: metadata plus a pure check over the parsed model.
import type { Autofix, Severity } from '../findings.js';
import { VERSION } from '../version.js';
import type { DockerfileModel, SourceRange } from '../model/types.js';

// Pinned to this release's tag: a page describes the rule as this version checks it.
export const DOCS_BASE = `https://github.com/entrypoint-guard/entrypoint-guard/blob/v${VERSION}/docs/rules/`;

export function docsUrl(id: string): string {
  // shellcheck/SC2086 -> ShellCheck's own wiki page.
  const sc = /^shellcheck\/(SC\d+)$/.exec(id);
  if (sc) return `https://www.shellcheck.net/wiki/${sc[1]}`;
  return `${DOCS_BASE}${id}.md`;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** A few words for titles: "ENTRYPOINT in shell form". */
  title: string;
  /** Why it matters, one sentence (SARIF fullDescription, docs). */
  description: string;
}

export interface RuleHit {
  message: string;
  fix: string;
  range: SourceRange;
  /** Display path; the Dockerfile when absent. */
  file?: string;
  /** Overrides the rule's default severity (e.g. ShellCheck levels). */
  severity?: Severity;
  /** Overrides the rule id (ShellCheck's per-code ids). */
  rule?: string;
  /** The fix as text edits, from the rule's own fix function (src/fix applies them). */
  autofix?: Autofix;
}

export interface StaticRule extends RuleMeta {
  /**
   * Also judged on each deployed start command (a Compose service's, a Kubernetes or ECS
   * container's): `check` then gets the model as the deployment starts the image
   * (src/model/deployed-start.ts), and its start parts carry the manifest's `origin`.
   * `service`: only where the container is a long-running service (not a Kubernetes Job or
   * CronJob, whose command runs to its end: PID 1's signal handling is not in question).
   */
  deployed?: 'any' | 'service';
  check(model: DockerfileModel): RuleHit[];
}
