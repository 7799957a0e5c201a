import type { StaticRule } from '../types.js';

export const imageRules: StaticRule[] = [];
