// The step's outputs (action.yml) and the JSON report file behind `report`.
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { countBySeverity, failsAt, type FailOn, type Report } from '../findings.js';
import { writeFileAtomic } from '../report/atomic.js';
import { formatJson } from '../report/json.js';

/**
 * Shutdown time per platform. With several Dockerfiles each platform reports its slowest
 * image, so the object keeps the documented shape (platform -> seconds).
 */
export function shutdownSeconds(reports: Report[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of reports) {
    for (const p of r.platforms) {
      if (!p.shutdown) continue;
      out[p.platform] = Math.max(out[p.platform] ?? 0, p.shutdown.seconds);
    }
  }
  return out;
}

/**
 * The JSON report (`--format json`: one Dockerfile gives the object, several give an array of
 * them) in RUNNER_TEMP, or the OS temp folder outside a runner.
 */
export function writeJsonReport(reports: Report[], runId: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.RUNNER_TEMP || os.tmpdir();
  const file = path.join(dir, `entrypoint-guard-${runId}.json`);
  writeFileAtomic(file, formatJson(reports), { createParents: true });
  return file;
}

export type OutputSink = (name: string, value: string) => void;

export function setOutputs(reports: Report[], failOn: FailOn, reportPath: string, set: OutputSink = core.setOutput): void {
  const findings = reports.flatMap((r) => r.findings);
  const counts = countBySeverity(findings);
  set('result', failsAt(findings, failOn) ? 'fail' : 'pass');
  set('errors', String(counts.error));
  set('warnings', String(counts.warning));
  set('infos', String(counts.info));
  set('findings', JSON.stringify(findings));
  set('report', reportPath);
  set('shutdown-seconds', JSON.stringify(shutdownSeconds(reports)));
}
