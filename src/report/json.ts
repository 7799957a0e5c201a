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

/**
 * One shape for one or many Dockerfiles (schema/report.schema.json): every finding at the top
 * (`jq '.findings[]'`, what scripts and scorers read first, as before 1.0), and one report per
 * Dockerfile in `files`.
 */
export function formatJson(reports: Report[]): string {
  const body = { version: 1, tool: TOOL, findings: reports.flatMap((r) => r.findings), files: reports.map(toJsonReport) };
  return `${JSON.stringify(body, null, 2)}\n`;
}
