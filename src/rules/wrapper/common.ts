// Shared by the wrapper-script rules: which wrappers are shell scripts, their analysis
// (cached per WrapperScript), their dialect, and hits that point at the script's own lines.
import { analysisOf, definingScript, flowIn, functionsOf } from '../../model/scripts.js';
import { chainInit } from '../../model/start-chain.js';
import type { DockerfileModel, WrapperScript } from '../../model/types.js';
import { scriptDialect, type ScriptAnalysis, type ScriptDialect } from '../../model/script-syntax.js';
import type { FlowResult } from '../../model/script-syntax.js';
import type { FuncDef } from '../../model/script-syntax.js';
import type { RuleHit } from '../types.js';

export interface ShellScript {
  wrapper: WrapperScript;
  analysis: ScriptAnalysis;
  dialect: ScriptDialect;
  /** The script's functions, plus those of the files it sources (its own definitions win). */
  functions: Map<string, FuncDef>;
}

export { analysisOf };

/**
 * How the script's paths end for any command it may be given (the override scenario: the
 * wrapper rules judge every path a deployment can take).
 */
export function flowOf(script: ShellScript, model: DockerfileModel): FlowResult {
  return flowIn(script.wrapper, model.wrappers, { kind: 'override' });
}

/** A script's text and file, for hits. */
export type ScriptText = Pick<ShellScript, 'wrapper' | 'analysis'>;

/** Where a command found while following `script` lives: in the file that defines `fn`, else in `script`. */
export function sourceOf(script: ScriptText, fn: FuncDef | undefined): ScriptText {
  const wrapper = fn ? definingScript(fn) : undefined;
  return wrapper && wrapper !== script.wrapper ? { wrapper, analysis: analysisOf(wrapper) } : script;
}

function dialectFor(model: DockerfileModel, wrapper: WrapperScript, analysis: ScriptAnalysis): ScriptDialect | undefined {
  const family = model.base.family;
  if (wrapper.role === 'start') return scriptDialect(analysis.shebang, family, wrapper.interpreter);
  // A sourced file runs in the shell that sources it, whatever its own shebang says.
  const starter = model.wrappers.find((w) => w.role === 'start' && dialectFor(model, w, analysisOf(w)) !== undefined);
  if (starter) return dialectFor(model, starter, analysisOf(starter));
  return scriptDialect(analysis.shebang, family);
}

/** The model's wrappers that are shell scripts, with the given roles. */
export function shellScripts(model: DockerfileModel, roles: WrapperScript['role'][] = ['start', 'sourced']): ShellScript[] {
  if (model.windows) return [];
  const out: ShellScript[] = [];
  for (const wrapper of model.wrappers) {
    if (!roles.includes(wrapper.role)) continue;
    const analysis = analysisOf(wrapper);
    const dialect = dialectFor(model, wrapper, analysis);
    if (!dialect) continue;
    const functions = functionsOf(wrapper, model.wrappers);
    out.push({ wrapper, analysis, dialect, functions });
  }
  return out;
}

/**
 * The init the start command runs the wrapper under: `group` when it signals the whole process
 * group (dumb-init by default, `tini -g`), so the app gets SIGTERM anyway; `single` when it
 * signals its child (the shell) only; undefined when the wrapper itself is PID 1.
 */
export function initProcess(model: DockerfileModel): { name: string; mode: 'group' | 'single' } | undefined {
  const init = chainInit(model.startChain);
  return init ? { name: init.name, mode: init.groupSignals ? 'group' : 'single' } : undefined;
}

/** A hit on the script's own lines, from offsets into the analysed text. */
export function scriptHit(script: ScriptText, start: number, end: number, message: string, fix: string): RuleHit {
  const a = script.analysis;
  const offset = script.wrapper.lineOffset;
  const line = a.lineOf(start);
  let endLine = a.lineOf(Math.max(start, end));
  let endColumn = a.columnOf(Math.max(start, end));
  if (endLine !== line) {
    // Keep the range on the first line: editors underline the statement's start.
    endLine = line;
    const nl = a.text.indexOf('\n', start);
    endColumn = (nl < 0 ? a.text.length : nl) - start + a.columnOf(start);
  }
  return {
    message,
    fix,
    file: script.wrapper.file,
    range: { line: line + offset, column: a.columnOf(start), endLine: endLine + offset, endColumn },
  };
}

/** Inline code for a message: backticks, or double backticks when the text holds one. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** How the image's shell is named in messages. */
export function shellLabel(dialect: ScriptDialect, family: string): string {
  switch (dialect.dialect) {
    case 'dash':
      return dialect.shell === 'dash' ? 'dash' : `dash (/bin/sh on ${family})`;
    case 'busybox':
      return `BusyBox ash (/bin/sh on ${family})`;
    case 'bash':
      return 'bash';
    case 'posix':
      return '/bin/sh';
    default:
      return dialect.dialect;
  }
}
