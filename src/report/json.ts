// The JSON report (schema/report.schema.json): version, dockerfile, findings, platforms (and image, with --image), the
// tool that wrote it (merge refuses another version's shards) and, for a matrix shard, the plan it belongs to.
import type { Report } from '../findings.js';
import { VERSION } from '../version.js';

export const TOOL = { name: 'entrypoint-guard', version: VERSION } as const;

export function toJsonReport(report: Report): object {
  return {
    version: report.version,
    tool: TOOL,
    dockerfile: report.dockerfile,
    ...(report.image ? { image: report.image } : {}),
    ...(report.plan ? { plan: report.plan } : {}),
    ...(report.checks ? { checks: report.checks } : {}),
    findings: report.findings,
    platforms: report.platforms,
  };
}

/** Always an array, one object per Dockerfile (also for one): consumers read one shape (schema/report.schema.json). */
export function formatJson(reports: Report[]): string {
  const body = reports.map(toJsonReport);
  return `${JSON.stringify(body, null, 2)}\n`;
}
