// reviewdog's Diagnostic Format (rdjson, `reviewdog -f=rdjson`): one DiagnosticResult with a
// diagnostic per finding, its rule as `code` with the docs URL.
import type { Report } from '../findings.js';
import { docsUrl } from '../rules/types.js';
import { INFORMATION_URI } from './sarif.js';

const SEVERITY = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

export function toRdjson(reports: Report[]): object {
  return {
    source: { name: 'entrypoint-guard', url: INFORMATION_URI },
    diagnostics: reports
      .flatMap((r) => r.findings)
      .map((f) => ({
        message: `${f.message}${f.platforms?.length ? ` (platforms: ${f.platforms.join(', ')})` : ''} Fix: ${f.fix}`,
        location: {
          path: f.file,
          range: { start: { line: f.line, column: f.column }, ...(f.endLine > f.line || f.endColumn !== undefined ? { end: { line: Math.max(f.endLine, f.line), ...(f.endColumn !== undefined ? { column: f.endColumn } : {}) } } : {}) },
        },
        severity: SEVERITY[f.severity],
        code: { value: f.rule, url: docsUrl(f.rule) },
      })),
  };
}

export function formatRdjson(reports: Report[]): string {
  return `${JSON.stringify(toRdjson(reports), null, 2)}\n`;
}
