// GitLab Code Quality (artifacts:reports:codequality): an array of issues with description,
// check_name, fingerprint, severity (info | minor | major | critical | blocker) and location.
import { createHash } from 'node:crypto';
import type { Report } from '../findings.js';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export function toGitlab(reports: Report[]): object[] {
  const seen = new Map<string, number>();
  return reports
    .flatMap((r) => r.findings)
    .map((f) => {
      // Stable across runs and unique per issue: GitLab compares them between branches.
      const base = createHash('sha256').update(`${f.rule}\0${f.file}\0${f.line}\0${f.message}`).digest('hex');
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return {
        type: 'issue',
        check_name: f.rule,
        description: `${f.message}${f.platforms?.length ? ` (platforms: ${f.platforms.join(', ')})` : ''} Fix: ${f.fix}`,
        categories: ['Bug Risk'],
        fingerprint: n === 1 ? base : createHash('sha256').update(`${base}:${n}`).digest('hex'),
        severity: SEVERITY[f.severity],
        location: { path: f.file, lines: { begin: f.line, end: Math.max(f.endLine, f.line) } },
      };
    });
}

export function formatGitlab(reports: Report[]): string {
  return `${JSON.stringify(toGitlab(reports), null, 2)}\n`;
}
