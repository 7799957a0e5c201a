// Every rule the product knows, static and runtime. Ids are public API (docs/rules/<id>.md).
import { rule as gracePeriodExceeded } from './deploy/grace-period-exceeded.js';
import { imageRules } from './image/index.js';
import { runtimeRules } from './runtime-catalog.js';
import { startRules } from './start/index.js';
import type { RuleMeta, StaticRule } from './types.js';
import { wrapperRules } from './wrapper/index.js';

// The deployed start contract's rules (compose, Kubernetes, ECS): they read model.deployments.
const deployRules: StaticRule[] = [gracePeriodExceeded];

export const staticRules: StaticRule[] = [...startRules, ...imageRules, ...wrapperRules, ...deployRules];

export const allRules: RuleMeta[] = [...staticRules, ...runtimeRules];

export function ruleMeta(id: string): RuleMeta | undefined {
  return allRules.find((r) => r.id === id);
}
