// Runtime hits become findings here, outside src/runtime: the default severity of each rule
// comes from the rule registry, which the runtime (and the Action's post step, which imports
// the runtime's cleanup) must not bundle.
import type { Finding } from './findings.js';
import { ruleMeta } from './rules/registry.js';
import type { RuntimeFinding } from './runtime/types.js';

/** Attach each rule's default severity where the check did not set its own. */
export function withRuleMeta(hits: RuntimeFinding[]): Finding[] {
  return hits.map(({ severity, ...rest }) => {
    // An id missing from the catalog is a bug in a check; reporting it as an error keeps it visible.
    const finding: Finding = { ...rest, severity: severity ?? ruleMeta(rest.rule)?.severity ?? 'error' };
    // Same key order as every other finding, so JSON output stays stable.
    return {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      fix: finding.fix,
      file: finding.file,
      line: finding.line,
      endLine: finding.endLine,
      column: finding.column,
      ...(finding.endColumn !== undefined ? { endColumn: finding.endColumn } : {}),
      platforms: finding.platforms,
      ...(finding.autofix ? { autofix: finding.autofix } : {}),
    };
  });
}
