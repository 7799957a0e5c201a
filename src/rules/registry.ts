// Every rule the product knows, static and runtime. Ids are public API (docs/rules/<id>.md).
import { deployRules } from './deploy/index.js';
import { imageRules } from './image/index.js';
import { runtimeRules } from './runtime-catalog.js';
import { startRules } from './start/index.js';
import type { RuleMeta, StaticRule } from './types.js';
import { wrapperRules } from './wrapper/index.js';

export const staticRules: StaticRule[] = [...startRules, ...imageRules, ...wrapperRules, ...deployRules];

export const allRules: RuleMeta[] = [...staticRules, ...runtimeRules];

export function ruleMeta(id: string): RuleMeta | undefined {
  return allRules.find((r) => r.id === id);
}
