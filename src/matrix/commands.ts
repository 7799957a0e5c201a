// The command-line faces of plan and merge (src/cli.ts dispatches here).
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli.js';
import type { MergeCommand, PlanCommand } from '../cli/matrix-args.js';
import { chooseDiffFilter } from '../cli/diff-input.js';
import { findProjectConfig } from '../config/project-config.js';
import { errorMessage, InputError } from '../errors.js';
import { failsAt, requiredRuntimeSkips } from '../findings.js';
import { defaultOptions } from '../options.js';
import { applyPathFailOn } from '../policy/apply-policy.js';
import { repositoryRoot } from '../repo-root.js';
import { writeFileAtomic } from '../report/atomic.js';
import { formatReports } from '../report/format.js';
import { defaultCategory } from '../report/sarif.js';
import { mergeShardFiles } from './merge.js';
import { planMatrix } from './plan.js';

export function runPlan(command: PlanCommand, io: CliIo): number {
  const root = repositoryRoot(io.cwd, io.cwd);
  const config = findProjectConfig({ explicit: command.config, base: io.cwd, root });
  const options = defaultOptions(io.cwd);
  options.platforms = command.platforms ?? config?.defaults.platforms ?? options.platforms;
  options.filterMode = command.filterMode ?? config?.defaults.filterMode ?? 'nofilter';
  const choice = chooseDiffFilter({
    options,
    diff: command.diff,
    modeFromFlag: command.filterMode !== undefined,
    configFile: config?.file,
    cwd: io.cwd,
    readStdin: io.readStdin ?? (() => fs.readFileSync(0, 'utf8')),
  });
  if (choice.note) io.stderr(`note: ${choice.note}\n`);
  const matrix = planMatrix({
    specs: command.specs,
    cwd: io.cwd,
    root,
    platforms: options.platforms,
    runners: command.runners,
    ...(choice.filter ? { changes: choice.filter.changes } : {}),
  });
  io.stdout(`${JSON.stringify(matrix)}\n`);
  return 0;
}

export function runMerge(command: MergeCommand, io: CliIo): number {
  const root = repositoryRoot(io.cwd, io.cwd);
  const config = findProjectConfig({ explicit: command.config, base: io.cwd, root });
  const failOn = command.failOn ?? config?.defaults.failOn ?? 'error';
  const reports = mergeShardFiles(command.reports, io.cwd);
  applyPathFailOn(reports, config, root, io.cwd);
  const toFile = command.output !== undefined;
  const body = formatReports(command.format, reports, { failOn, color: io.isTTY && !toFile, category: defaultCategory() });
  if (command.format !== 'text') for (const note of reports.flatMap((r) => r.notes ?? [])) io.stderr(`note: ${note}\n`);
  if (toFile) {
    try {
      writeFileAtomic(path.resolve(io.cwd, command.output!), body);
    } catch (err) {
      throw new InputError(`cannot write the report to ${command.output}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`);
    }
  } else {
    io.stdout(body);
  }
  const skips = requiredRuntimeSkips(reports, command.requireRuntime ?? config?.defaults.requireRuntime);
  if (skips.length > 0) io.stderr(`entrypoint-guard: ${skips.join('; ')}\n`);
  return failsAt(reports.flatMap((r) => r.findings), failOn) || skips.length > 0 ? 1 : 0;
}
