// The JSON report of INTERFACE.md: exactly version, dockerfile, findings, platforms (and image, with --image).
import type { Report } from '../findings.js';

export function toJsonReport(report: Report): object {
  const out: Record<string, unknown> = { version: report.version, dockerfile: report.dockerfile };
  if (report.image) out.image = report.image;
  return { ...out, findings: report.findings, platforms: report.platforms };
}

export function formatJson(reports: Report[]): string {
  const body = reports.length === 1 ? toJsonReport(reports[0]!) : reports.map(toJsonReport);
  return `${JSON.stringify(body, null, 2)}\n`;
}
