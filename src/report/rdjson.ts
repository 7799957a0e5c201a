// reviewdog's Diagnostic Format (rdjson, `reviewdog -f=rdjson`): one DiagnosticResult with a
// diagnostic per finding, its rule as `code` with the docs URL.
import type { Finding, Report } from '../findings.js';
import { docsUrl } from '../rules/types.js';
import { INFORMATION_URI } from './sarif.js';

const SEVERITY = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

/**
 * The fix's edits as rdjson `suggestions` (reviewdog posts them as GitHub suggested changes).
 * A suggestion has no path of its own (it is in the diagnostic's file): a fix that edits another
 * file has none. Safe fixes only: reviewdog offers them with one click.
 */
function suggestions(f: Finding): { suggestions?: object[] } {
  const edits = f.autofix?.safe ? f.autofix.edits : undefined;
  if (!edits || edits.some((e) => e.file !== f.file)) return {};
  return { suggestions: edits.map((e) => ({ range: { start: { line: e.line, column: e.column }, end: { line: e.endLine, column: e.endColumn } }, text: e.text })) };
}

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
        ...suggestions(f),
      })),
  };
}

export function formatRdjson(reports: Report[]): string {
  return `${JSON.stringify(toRdjson(reports), null, 2)}\n`;
}
