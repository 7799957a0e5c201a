// The shipped JSON Schema of the report (schema/report.schema.json), compiled once: every JSON
// report a test reads goes through parseJsonReport, so every one the suite writes is validated.
import type AjvModule from 'ajv';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const Ajv = (require('ajv') as typeof AjvModule).default;
const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Schema errors of a parsed report, as readable lines; empty when valid. */
export function reportErrors(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** JSON text of a report (--format json, the Action's report file) -> its per-Dockerfile entries, after checking it against the schema. */
export function parseJsonReport<T = JsonReportEntry>(text: string): T[] {
  const parsed = JSON.parse(text) as { findings: unknown[]; files: { findings: unknown[] }[] };
  expect(reportErrors(parsed), 'the report validates against schema/report.schema.json').toEqual([]);
  // The top-level findings are every file's, in file order.
  expect(parsed.findings).toEqual(parsed.files.flatMap((f) => f.findings));
  return parsed.files as T[];
}

export interface JsonReportEntry {
  version: 1;
  dockerfile: string;
  findings: { rule: string; severity: string; message: string; fix: string; file: string; line: number; endLine: number; column: number; platforms?: string[] }[];
  platforms: { platform: string; skipped?: string; shutdown?: { killed: boolean; seconds: number } }[];
  checks?: { static: { ran: boolean; reason?: string }; runtime: { ran: boolean; reason?: string; platforms?: { platform: string; ran: boolean; reason?: string }[] } };
}
