import type { StaticRule } from '../types.js';

export const wrapperRules: StaticRule[] = [];
