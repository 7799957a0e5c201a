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
