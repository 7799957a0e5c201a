import type { StaticRule } from '../types.js';

export const startRules: StaticRule[] = [];
