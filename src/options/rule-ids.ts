// Rule ids a user may name (--ignore, the `ignore` input, the config file's ignore/rules):
// the registry's, ShellCheck's codes, and `shellcheck` for all of them. A typo is refused
// everywhere with the closest ids, never accepted silently.
import { InputError } from '../errors.js';
import { allRules } from '../rules/registry.js';
import { closest } from './suggest.js';

const SHELLCHECK = /^shellcheck(\/SC\d{4})?$/;

export function isRuleId(id: string): boolean {
  return SHELLCHECK.test(id) || allRules.some((r) => r.id === id);
}

export function parseRuleId(value: string, name: string): string {
  const id = value.trim();
  if (isRuleId(id)) return id;
  const near = closest(id, allRules.map((r) => r.id));
  const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '; see the rule table in the README';
  throw new InputError(`${name} names no rule: ${JSON.stringify(id)} is not a rule id${hint}`);
}
