// One line per finding, `file:line:col: level: message [rule]`: what editors, grep and the
// problem matcher shipped in .github/entrypoint-guard-matcher.json read.
import { byLocation, type Report } from '../findings.js';
import { oneLine } from '../errors.js';

export function formatCompact(reports: Report[]): string {
  const lines = reports
    .flatMap((r) => r.findings)
    .sort(byLocation)
    .map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${oneLine(f.message, 2000)}${f.platforms?.length ? ` (platforms: ${f.platforms.join(', ')})` : ''} [${f.rule}]`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
