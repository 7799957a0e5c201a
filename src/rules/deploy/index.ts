// The deployed start contract's own rules (docs/rules/, README's rule table).
import type { StaticRule } from '../types.js';
import { rule as deployedCommandBypassesWrapper } from './deployed-command-bypasses-wrapper.js';
import { rule as gracePeriodExceeded } from './grace-period-exceeded.js';
import { rule as initDiffersByPlatform } from './init-differs-by-platform.js';
import { rule as stopSignalMismatch } from './stop-signal-mismatch.js';

export const deployRules: StaticRule[] = [deployedCommandBypassesWrapper, stopSignalMismatch, initDiffersByPlatform, gracePeriodExceeded];
