// SARIF 2.1.0 for github/codeql-action/upload-sarif (and the CLI's `--format sarif`): ONE run
// with every Dockerfile's results and one stable automationDetails.id per workflow (code
// scanning refuses more than 20 runs, and a category per file would leave a deleted file's
// alerts open forever); every rule that appears described (short and full description, help
// text and docs URI), results with level, message (finding + fix), a repository-relative
// artifact URI (an image alone: the image reference, line 1), a full region and a
// line-independent fingerprint so an alert closes when its finding is fixed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, Report, Severity } from '../findings.js';
import { ruleMeta } from '../rules/registry.js';
import { docsUrl, type RuleMeta } from '../rules/types.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './atomic.js';
import { formatDeployment } from './text.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/entrypoint-guard/entrypoint-guard';
/** partialFingerprints key; bump the version if the hashed text ever changes. */
export const FINGERPRINT_KEY = 'entrypointGuardLineHash/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifText {
  text: string;
  markdown?: string;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifText;
  fullDescription: SarifText;
  help: SarifText;
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn?: number;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifText;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion } }[];
  partialFingerprints: Record<string, string>;
  properties?: { platforms: string[] };
}

export interface SarifRun {
  tool: { driver: { name: string; informationUri: string; version: string; semanticVersion: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  columnKind: 'utf16CodeUnits';
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: 'note'; message: SarifText }[] }[];
  results: SarifResult[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifOptions {
  /** Where the report's relative paths start (the repository root); for fingerprints. Default: process.cwd(). */
  sourceRoot?: string;
  /** The code scanning category (automationDetails.id without its trailing `/`). Default: `entrypoint-guard`. */
  category?: string;
}

/**
 * The category of a run: the one given, else in GitHub Actions the workflow file and job
 * (stable across runs, one per workflow job, as codeql-action derives its own), else `entrypoint-guard`.
 */
export function defaultCategory(env: NodeJS.ProcessEnv = process.env): string {
  const workflow = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
  if (workflow && env.GITHUB_JOB) return `entrypoint-guard:${workflow}:${env.GITHUB_JOB}`;
  return 'entrypoint-guard';
}

/** shell-form-entrypoint -> ShellFormEntrypoint; shellcheck/SC2086 -> ShellcheckSC2086. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function metaFor(id: string, seen: Finding): RuleMeta {
  const meta = ruleMeta(id);
  if (meta) return meta;
  const sc = /^shellcheck\/(SC\d+)$/.exec(id);
  if (sc) {
    return { id, severity: seen.severity, title: `ShellCheck ${sc[1]}`, description: `ShellCheck ${sc[1]} on a wrapper script the image starts; see the ShellCheck wiki.` };
  }
  return { id, severity: seen.severity, title: id, description: id };
}

function ruleDescriptor(meta: RuleMeta): SarifRule {
  const url = docsUrl(meta.id);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: `${meta.description} Documentation: ${url}`, markdown: `${meta.description}\n\n[Rule documentation](${url})` },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: ['docker', 'containers', meta.id.startsWith('shellcheck/') ? 'shellcheck' : 'entrypoint-guard'] },
  };
}

/** A relative path as a URI reference: `/`-separated, each segment percent-encoded (also `()!'*`). */
export function artifactUri(file: string): string {
  const encode = (seg: string) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return file.split('/').map((seg) => (seg === '..' || seg === '.' ? seg : encode(seg))).join('/');
}

function region(f: Finding): SarifRegion {
  const endLine = Math.max(f.endLine, f.line);
  const r: SarifRegion = { startLine: f.line, startColumn: Math.max(f.column, 1), endLine };
  if (f.endColumn !== undefined && (endLine > f.line || f.endColumn > r.startColumn)) r.endColumn = f.endColumn;
  return r;
}

/** Reads each file once; a line's text with whitespace collapsed, or undefined. */
function lineReader(root: string): (file: string, line: number) => string | undefined {
  const cache = new Map<string, string[] | null>();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === undefined) {
      try {
        lines = fs.readFileSync(path.resolve(root, file), 'utf8').split('\n');
      } catch {
        lines = null;
      }
      cache.set(file, lines);
    }
    const text = lines?.[line - 1];
    return text === undefined ? undefined : text.replace(/\s+/g, ' ').trim();
  };
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export function toSarif(reports: Report[], options: SarifOptions = {}): SarifLog {
  const readLine = lineReader(options.sourceRoot ?? process.cwd());
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const results = reports.flatMap((report) => report.findings).map((f): SarifResult => {
    let ruleIndex = index.get(f.rule);
    if (ruleIndex === undefined) {
      ruleIndex = rules.push(ruleDescriptor(metaFor(f.rule, f))) - 1;
      index.set(f.rule, ruleIndex);
    }
    // Stable across commits that move the line: the rule, the file and the line's own text
    // (the message when the file cannot be read), plus an ordinal for identical lines.
    const anchor = readLine(f.file, f.line) ?? f.message;
    const key = sha(`${f.rule}\0${f.file}\0${anchor}`);
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    const platforms = f.platforms && f.platforms.length > 0 ? ` (platforms: ${f.platforms.join(', ')})` : '';
    const result: SarifResult = {
      ruleId: f.rule,
      ruleIndex,
      level: LEVEL[f.severity],
      message: { text: `${f.message}${platforms} Fix: ${f.fix}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file), uriBaseId: '%SRCROOT%' }, region: region(f) } }],
      partialFingerprints: { [FINGERPRINT_KEY]: `${key}:${n}` },
    };
    if (f.platforms && f.platforms.length > 0) result.properties = { platforms: [...f.platforms] };
    return result;
  });
  const notes = reports.flatMap((r) => [...(r.notes ?? []), ...deployedVerdicts(r)].map((note) => (reports.length > 1 ? `${r.dockerfile}: ${note}` : note)));
  const run: SarifRun = {
    tool: { driver: { name: 'entrypoint-guard', informationUri: INFORMATION_URI, version: VERSION, semanticVersion: VERSION, rules } },
    automationDetails: { id: `${(options.category ?? 'entrypoint-guard').replace(/\/+$/, '')}/` },
    columnKind: 'utf16CodeUnits',
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: [...new Set(notes)].map((text) => ({ level: 'note' as const, message: { text } })) }],
    results,
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

/** Each deployed run's verdict as a note (its findings are results at the manifest's lines). */
function deployedVerdicts(report: Report): string[] {
  return report.platforms.flatMap((p) => (p.deployments ?? []).map((d) => `${p.platform}, ${formatDeployment(d)}.`));
}

export function formatSarif(reports: Report[], options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(reports, options), null, 2)}\n`;
}

/** Write the SARIF file whole (temp file + rename): never empty, never truncated. The Action's `sarif-file` makes its folder. */
export function writeSarif(target: string, reports: Report[], options: SarifOptions = {}): void {
  writeFileAtomic(target, formatSarif(reports, options), { createParents: true });
}
