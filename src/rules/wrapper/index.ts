import type { StaticRule } from '../types.js';
import { rule as crlfLineEndings } from './crlf-line-endings.js';
import { rule as utf8Bom } from './utf8-bom.js';
import { rule as wrapperMissingShebang } from './wrapper-missing-shebang.js';
import { rule as wrapperNotExecutable } from './wrapper-not-executable.js';
import { rule as wrapperMissingExec } from './wrapper-missing-exec.js';
import { rule as wrapperUnquotedArgs } from './wrapper-unquoted-args.js';
import { rule as wrapperNoErrexit } from './wrapper-no-errexit.js';
import { rule as wrapperBashism } from './wrapper-bashism.js';
import { rule as wrapperTooComplex } from './wrapper-too-complex.js';
import { rule as wrapperSuSudo } from './wrapper-su-sudo.js';
import { rule as wrapperUnsetArg } from './wrapper-unset-arg.js';
import { rule as wrapperSetupSkipped } from './wrapper-setup-skipped.js';

export const wrapperRules: StaticRule[] = [wrapperMissingShebang, crlfLineEndings, utf8Bom, wrapperNotExecutable,
  wrapperMissingExec, wrapperUnquotedArgs, wrapperNoErrexit, wrapperBashism, wrapperTooComplex, wrapperSuSudo, wrapperUnsetArg, wrapperSetupSkipped];
