// The parsed scripts as the rules see them: types and read-only questions over the syntax the
// model already built (src/model/scripts.ts parses each script once). Nothing here parses:
// rules import this, never src/shell, so no rule can parse a script again.
export type { Command, FuncDef, IfClause, Redir, Simple, Stmt } from '../shell/structure.js';
export type { Param, Part, Word } from '../shell/tokenize.js';
export type { FlowResult, Sig } from '../shell/flow.js';
export { isPlumbing } from '../shell/flow.js';
export type { Dialect, ScriptAnalysis, ScriptDialect } from '../shell/script.js';
export { functionBody, walkCommands } from '../shell/structure.js';
export { argsMisuse, commandBase, commandText, commandWords, execTarget, paramUses, setFlags, staticValue, wordTexts } from '../shell/words.js';
export { scriptDialect, shebangFlags } from '../shell/script.js';
