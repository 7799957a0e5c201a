// Base image, shells and architectures (docs/rules/, README's rule table).
import type { StaticRule } from '../types.js';
import { rule as archSpecificDownload } from './arch-specific-download.js';
import { rule as healthcheckBroken } from './healthcheck-broken.js';
import { rule as missingInterpreter } from './missing-interpreter.js';
import { rule as noDebugShell } from './no-debug-shell.js';
import { rule as platformPinnedFrom } from './platform-pinned-from.js';

export const imageRules: StaticRule[] = [missingInterpreter, noDebugShell, platformPinnedFrom, archSpecificDownload, healthcheckBroken];
