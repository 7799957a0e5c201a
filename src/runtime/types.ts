// Types shared by the runtime orchestration (index.ts, build.ts, probe.ts) and the smoke checks.
import type { Autofix, Finding, Severity } from '../findings.js';
import type { SourceRange } from '../model/types.js';

/** A runtime check's result before it becomes a Finding; file/range default to the start instruction. */
export interface RuntimeHit {
  rule: string;
  message: string;
  fix: string;
  severity?: Severity;
  file?: string;
  range?: SourceRange;
  /** The fix as edits of the Dockerfile (src/findings.ts), when the check knows them. */
  autofix?: Autofix;
}

/**
 * A hit of the orchestration's own checks (build, probe). Its message and fix may hold
 * `{platforms}` (the platforms it was seen on, filled in when the platforms' hits are merged)
 * and `{detail}` (the per-platform value, e.g. "1.3 s", listed per platform when they differ).
 */
export interface PlatformHit extends RuntimeHit {
  detail?: string;
  /**
   * A sentence appended when the hit was seen on an emulated platform; its `{platforms}` is
   * the emulated platforms only (a merged finding can list native and emulated ones).
   */
  emulatedNote?: string;
}

/**
 * A runtime finding as the runtime returns it: one per rule and place, listing its platforms.
 * `severity` is set only where a check overrides the rule's default (shell-is-pid1 at info);
 * the engine attaches the default from the rule registry, so nothing here imports the rules.
 */
export interface RuntimeFinding extends Omit<Finding, 'severity'> {
  severity?: Severity;
  platforms: string[];
}
