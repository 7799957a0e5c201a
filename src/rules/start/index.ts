// The start-contract rules (docs/rules/, README's rule table).
import type { StaticRule } from '../types.js';
import { rule as cmdIgnored } from './cmd-ignored.js';
import { rule as devServerAsStart } from './dev-server-as-start.js';
import { rule as duplicateStartInstruction } from './duplicate-start-instruction.js';
import { rule as entrypointResetsCmd } from './entrypoint-resets-cmd.js';
import { rule as execFormJoinedWords } from './exec-form-joined-words.js';
import { rule as malformedExecForm } from './malformed-exec-form.js';
import { rule as missingStartCommand } from './missing-start-command.js';
import { rule as packageManagerAsPid1 } from './package-manager-as-pid1.js';
import { rule as relativeEntrypoint } from './relative-entrypoint.js';
import { rule as shellFormCmd } from './shell-form-cmd.js';
import { rule as shellFormCmdAfterEntrypoint } from './shell-form-cmd-after-entrypoint.js';
import { rule as shellFormEntrypoint } from './shell-form-entrypoint.js';
import { rule as shellOperatorInExecForm } from './shell-operator-in-exec-form.js';
import { rule as shellWrapperInExecForm } from './shell-wrapper-in-exec-form.js';
import { rule as unexpandedVariable } from './unexpanded-variable.js';
import { rule as stopSignalReloads } from './stop-signal-reloads.js';
import { rule as ungracefulStopsignal } from './ungraceful-stopsignal.js';

export const startRules: StaticRule[] = [
  shellFormEntrypoint,
  shellFormCmd,
  shellFormCmdAfterEntrypoint,
  cmdIgnored,
  malformedExecForm,
  execFormJoinedWords,
  duplicateStartInstruction,
  unexpandedVariable,
  shellOperatorInExecForm,
  shellWrapperInExecForm,
  packageManagerAsPid1,
  devServerAsStart,
  relativeEntrypoint,
  missingStartCommand,
  ungracefulStopsignal,
  stopSignalReloads,
  entrypointResetsCmd,
];
