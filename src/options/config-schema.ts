// The config file's JSON Schema, written from the catalog (`npm run docs` writes it to
// schema/config.schema.json for editors; the tests check the file matches and validate with it).
import { allRules } from '../rules/registry.js';
import { ENTRIES, type Entry } from './catalog.js';

type Schema = Record<string, unknown>;

const RULE_SETTINGS = ['error', 'warning', 'info', 'off'];
const ruleId = (): Schema => ({ anyOf: [{ enum: allRules.map((r) => r.id) }, { type: 'string', pattern: '^shellcheck(/SC[0-9]{4})?$' }] });
const oneOrMany = (item: Schema): Schema => ({ anyOf: [item, { type: 'array', items: item }] });

function valueSchema(e: Entry): Schema {
  if (e.schema) return e.schema;
  if (e.values) return { type: 'string', enum: [...e.values, ...Object.keys(e.aliases ?? {})] };
  return { type: 'string', minLength: 1 };
}

function entrySchema(e: Entry): Schema {
  const description = e.help;
  switch (e.type) {
    case 'boolean':
      return { description, type: 'boolean' };
    case 'value':
      return { description, ...valueSchema(e) };
    case 'list':
      return { description, ...oneOrMany(e.key === 'ignore' ? ruleId() : valueSchema(e)) };
    case 'map':
      return {
        description,
        anyOf: [
          { type: 'object', propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' }, additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
          { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.-]*=' } },
        ],
      };
  }
}

export function configSchema(): Schema {
  const rules = { type: ['object', 'null'], propertyNames: ruleId(), additionalProperties: { enum: RULE_SETTINGS } };
  const properties: Record<string, Schema> = {
    rules: { description: 'per-rule severity: error | warning | info | off', ...rules },
    paths: {
      description: 'per-path overrides: glob (relative to the repository root) -> {fail-on, rules}; the last matching entry wins',
      type: ['object', 'null'],
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { 'fail-on': entrySchema(ENTRIES.find((e) => e.config === 'fail-on')!), rules },
      },
    },
  };
  for (const e of ENTRIES) if (e.config) properties[e.config] = entrySchema(e);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/entrypoint-guard/entrypoint-guard/blob/main/schema/config.schema.json',
    title: 'entrypoint-guard config file (.entrypoint-guard.yml)',
    type: ['object', 'null'],
    additionalProperties: false,
    properties,
  };
}
