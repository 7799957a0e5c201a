// Checkstyle XML (as hadolint --format checkstyle writes it): one <file> per file with findings,
// one <error> per finding; read by reviewdog -f=checkstyle, Jenkins and most CI dashboards.
import type { Finding, Report } from '../findings.js';
import { xml } from './xml.js';

const SEVERITY = { error: 'error', warning: 'warning', info: 'info' } as const;

export function formatCheckstyle(reports: Report[]): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of reports.flatMap((r) => r.findings)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, findings] of byFile) {
    out.push(`  <file name="${xml(file)}">`);
    for (const f of findings) {
      out.push(`    <error line="${f.line}" column="${f.column}" severity="${SEVERITY[f.severity]}" message="${xml(`${f.message} Fix: ${f.fix}`)}" source="entrypoint-guard.${xml(f.rule)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
