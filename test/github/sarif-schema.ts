// The official SARIF 2.1.0 JSON schema (as shipped by @microsoft/jest-sarif) compiled with Ajv.
// The schema is draft-04, and one of its patterns is not valid under the `u` flag.
import type AjvModule from 'ajv-draft-04';
import type FormatsModule from 'ajv-formats';
import fs from 'node:fs';
import { createRequire } from 'node:module';

// CommonJS packages: required, so the default export is the same under vitest and tsc.
const require = createRequire(import.meta.url);
const Ajv = (require('ajv-draft-04') as typeof AjvModule).default;
const addFormats = (require('ajv-formats') as typeof FormatsModule).default;
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object;

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Schema errors of a SARIF log, as readable lines; empty when valid. */
export function sarifErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/**
 * What code scanning refuses or cuts, from GitHub's "SARIF support for code scanning" page
 * (docs.github.com, "Uploading a SARIF file" and "Limits"): at most 20 runs per file, 25,000
 * results per run (only the 5,000 most severe are kept), 25,000 rules per run, 1,000
 * locations per result, 20 tags per rule, 10 MB gzip-compressed; and for alerts to track
 * across runs: a physical location on every result, one automationDetails.id per run, stable
 * partialFingerprints.
 */
export function githubLimitErrors(log: { runs: { automationDetails?: { id?: string }; results: { locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[]; partialFingerprints?: Record<string, string> }[]; tool: { driver: { rules?: { properties?: { tags?: string[] } }[] } } }[] }): string[] {
  const errors: string[] = [];
  const size = Buffer.byteLength(JSON.stringify(log));
  if (size > 10 * 1024 * 1024) errors.push(`larger than 10 MB (${size} bytes, before compression)`);
  if (log.runs.length > 20) errors.push(`more runs than allowed (${log.runs.length} > 20)`);
  const ids = log.runs.map((r) => r.automationDetails?.id);
  if (new Set(ids).size !== ids.length) errors.push('two runs share an automationDetails.id');
  for (const [i, run] of log.runs.entries()) {
    if (run.results.length > 25_000) errors.push(`run ${i}: more than 25,000 results`);
    const rules = run.tool.driver.rules ?? [];
    if (rules.length > 25_000) errors.push(`run ${i}: more than 25,000 rules`);
    for (const rule of rules) if ((rule.properties?.tags?.length ?? 0) > 20) errors.push(`run ${i}: a rule with more than 20 tags`);
    for (const [j, result] of run.results.entries()) {
      const locations = result.locations ?? [];
      if (locations.length === 0 || locations.length > 1000) errors.push(`run ${i} result ${j}: ${locations.length} locations`);
      for (const l of locations) if (!l.physicalLocation?.artifactLocation?.uri || !(l.physicalLocation.region?.startLine! >= 1)) errors.push(`run ${i} result ${j}: no physical location with a line`);
      if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) errors.push(`run ${i} result ${j}: no partialFingerprints`);
    }
  }
  return errors;
}
