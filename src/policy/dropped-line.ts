// The one line every report shows when findings were left out: how many, and why.
import type { Report } from '../findings.js';

function count(n: number): string {
  return `${n} finding${n === 1 ? '' : 's'}`;
}

/** "3 findings not reported or counted: 2 outside the diff (filter-mode: added), 1 ignored or turned off by .entrypoint-guard.yml." */
export function droppedLine(reports: Report[]): string | undefined {
  let byFilter = 0;
  let byConfig = 0;
  const modes = new Set<string>();
  const files = new Set<string>();
  for (const r of reports) {
    byFilter += r.dropped?.byFilter ?? 0;
    byConfig += r.dropped?.byConfig ?? 0;
    if (r.dropped?.filterMode) modes.add(r.dropped.filterMode);
    if (r.dropped?.configFile) files.add(r.dropped.configFile);
  }
  if (byFilter + byConfig === 0) return undefined;
  const why: string[] = [];
  if (byFilter > 0) why.push(`${byFilter} outside the diff (filter-mode: ${[...modes].join(', ')})`);
  if (byConfig > 0) why.push(`${byConfig} ignored or turned off by ${[...files].join(', ')}`);
  return `${count(byFilter + byConfig)} not reported or counted: ${why.join(', ')}.`;
}
