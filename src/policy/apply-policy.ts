// What a team decided about its findings, applied to one report after analysis: the config
// file's ignores, per-rule severities and per-path overrides, then the diff filter. What is
// dropped is counted (report.dropped) so every channel can say so; what is left is what the
// outputs count and the gate judges.
import path from 'node:path';
import type { RuleSetting, ProjectConfig } from '../config/project-config.js';
import { setFailOnFor, type DroppedCounts, type FailOn, type Finding, type Report } from '../findings.js';
import type { DockerfileModel } from '../model/types.js';
import { inChange, type DiffFilter } from './diff-filter.js';

export interface PolicyInput {
  config?: ProjectConfig;
  /** Absent when no filter applies (nofilter, or no diff to filter by). */
  filter?: DiffFilter;
  /** Absolute repository root: config path globs and diff paths are relative to it. */
  root: string;
  /** Absolute base of the findings' `file` paths. */
  cwd: string;
}

/** `shellcheck/SC2086` is also governed by a `shellcheck` entry; the exact id wins. */
function ruleKeys(rule: string): string[] {
  return rule.startsWith('shellcheck/') ? [rule, 'shellcheck'] : [rule];
}

function settingIn(rules: Map<string, RuleSetting>, rule: string): RuleSetting | undefined {
  for (const key of ruleKeys(rule)) {
    const s = rules.get(key);
    if (s !== undefined) return s;
  }
  return undefined;
}

/** The setting for a rule at a path: the last matching `paths` entry that names it, else `rules`. */
function ruleSetting(config: ProjectConfig, rule: string, file: string): RuleSetting | undefined {
  for (let i = config.paths.length - 1; i >= 0; i--) {
    const p = config.paths[i]!;
    if (!p.match.test(file)) continue;
    const s = settingIn(p.rules, rule);
    if (s !== undefined) return s;
  }
  return settingIn(config.rules, rule);
}

function pathFailOn(config: ProjectConfig, file: string): FailOn | undefined {
  for (let i = config.paths.length - 1; i >= 0; i--) {
    const p = config.paths[i]!;
    if (p.failOn !== undefined && p.match.test(file)) return p.failOn;
  }
  return undefined;
}

export function applyPolicy(report: Report, model: DockerfileModel, input: PolicyInput): Report {
  const toRepo = (file: string) => path.relative(input.root, path.resolve(input.cwd, file)).split(path.sep).join('/');
  const scope = { dockerfile: toRepo(model.file), wrappers: [...new Set(model.wrappers.map((w) => toRepo(w.file)))] };
  const { config, filter } = input;
  const dropped: DroppedCounts = { byConfig: 0, byFilter: 0 };
  if (filter) dropped.filterMode = filter.mode;
  if (config) dropped.configFile = config.file;
  const kept: Finding[] = [];
  for (const original of report.findings) {
    const file = toRepo(original.file);
    let f = original;
    if (config) {
      const setting = ruleSetting(config, f.rule, file);
      if (ruleKeys(f.rule).some((k) => config.ignore.has(k)) || setting === 'off') {
        dropped.byConfig++;
        continue;
      }
      if (setting !== undefined && setting !== f.severity) f = { ...f, severity: setting };
    }
    if (filter && !inChange(f, file, filter, scope)) {
      dropped.byFilter++;
      continue;
    }
    const failOn = config ? pathFailOn(config, file) : undefined;
    if (failOn !== undefined) setFailOnFor(f, failOn);
    kept.push(f);
  }
  return { ...report, findings: kept, dropped };
}

/**
 * The config file's per-path fail-on again, for reports read back from JSON (merged shards):
 * it lives beside the findings, not in the JSON report.
 */
export function applyPathFailOn(reports: Report[], config: ProjectConfig | undefined, root: string, cwd: string): void {
  if (!config) return;
  const toRepo = (file: string) => path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
  for (const r of reports) {
    for (const f of r.findings) {
      const failOn = pathFailOn(config, toRepo(f.file));
      if (failOn !== undefined) setFailOnFor(f, failOn);
    }
  }
}
