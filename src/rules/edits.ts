// Text edits on the model's source ranges, for the rules' fix functions: an instruction
// replaced, text inserted at a script offset or a line start. Positions are those of the file
// as read (src/findings.ts TextEdit); the model's own coordinates differ in two places, both
// mapped here: the Dockerfile's ranges skip a BOM, and a script's analysis has its BOM and
// CRs removed (same lines, columns shifted by the BOM on line 1 only).
import type { Autofix, TextEdit } from '../findings.js';
import type { DockerfileModel, Instr, WrapperScript } from '../model/types.js';
import type { ScriptAnalysis } from '../model/script-syntax.js';

/** The fix, when there are edits to make. */
export function autofix(safe: boolean, edits: (TextEdit | undefined)[]): Autofix | undefined {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
  return { safe, edits: edits as TextEdit[] };
}

/** Spread into a hit: its autofix, when there is one. */
export function withAutofix(fix: Autofix | undefined): { autofix?: Autofix } {
  return fix ? { autofix: fix } : {};
}

function bomShift(text: string, line: number): number {
  return line === 1 && text.startsWith('\uFEFF') ? 1 : 0;
}

/** Replace a whole instruction (keyword to its last continuation line) with `text`. */
export function replaceInstr(model: DockerfileModel, instr: Instr, text: string): TextEdit {
  const { line, column, endLine, endColumn } = instr.range;
  return {
    file: model.file,
    line,
    column: column + bomShift(model.text, line),
    endLine,
    endColumn: endColumn + bomShift(model.text, endLine),
    text,
  };
}

/** Insert `text` right after an instruction's keyword (`COPY` -> `COPY --chmod=755`). */
export function afterKeyword(model: DockerfileModel, instr: Instr, text: string): TextEdit | undefined {
  const { line, column } = instr.range;
  const lineText = model.lines[line - 1] ?? '';
  const at = column - 1;
  if (lineText.slice(at, at + instr.keyword.length).toUpperCase() !== instr.keyword) return undefined;
  const col = column + instr.keyword.length + bomShift(model.text, line);
  return { file: model.file, line, column: col, endLine: line, endColumn: col, text };
}

/**
 * Insert `text` in an instruction that is on one line, at an offset into its argument text
 * (`instr.text`, what the shell or the JSON parser is given). Undefined when the text is not
 * found as written on the line.
 */
export function insertInInstr(model: DockerfileModel, instr: Instr, offset: number, text: string): TextEdit | undefined {
  const { line, endLine, column } = instr.range;
  if (line !== endLine) return undefined;
  const lineText = model.lines[line - 1] ?? '';
  const at = lineText.indexOf(instr.text, column - 1 + instr.keyword.length);
  if (at < 0) return undefined;
  const col = at + offset + 1 + bomShift(model.text, line);
  return { file: model.file, line, column: col, endLine: line, endColumn: col, text };
}

/** Insert whole lines before line `line` of the Dockerfile. */
export function insertLinesBefore(model: DockerfileModel, line: number, text: string): TextEdit {
  const col = 1 + bomShift(model.text, line);
  return { file: model.file, line, column: col, endLine: line, endColumn: col, text };
}

/** Insert whole lines after the instruction (on the line after its last one). */
export function insertAfterInstr(model: DockerfileModel, instr: Instr, text: string): TextEdit {
  const last = model.lines[instr.range.endLine - 1] ?? '';
  const col = last.length + 1 + bomShift(model.text, instr.range.endLine);
  return { file: model.file, line: instr.range.endLine, column: col, endLine: instr.range.endLine, endColumn: col, text: `\n${text}` };
}

/**
 * Replace the script text between two offsets of its analysis. Undefined when the file's own
 * line there does not read the same (a `<<-` heredoc with its tabs stripped).
 */
export function scriptEdit(model: DockerfileModel, w: WrapperScript, a: ScriptAnalysis, start: number, end: number, text: string): TextEdit | undefined {
  const line = a.lineOf(start);
  const endLine = a.lineOf(Math.max(start, end));
  const column = a.columnOf(start) + bomShift(w.text, line);
  const endColumn = a.columnOf(end) + bomShift(w.text, endLine);
  if (w.absPath === undefined) {
    for (let l = line; l <= endLine; l++) if (!sameHeredocLine(model, w, l)) return undefined;
  }
  return { file: w.file, line: line + w.lineOffset, column, endLine: endLine + w.lineOffset, endColumn, text };
}

/**
 * A COPY heredoc's script line reads the same in the Dockerfile (not a `<<-` line with its tabs
 * stripped) and is not the heredoc's closing delimiter (which a `\` at the end of the line
 * before can make look like part of the script): only then may an edit touch it.
 */
function sameHeredocLine(model: DockerfileModel, w: WrapperScript, line: number): boolean {
  const inScript = (w.text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
  const inFile = model.lines[line - 1 + w.lineOffset];
  return inFile === inScript && !w.copy.heredocs.some((h) => h.name === inFile.trim());
}

/** Replace characters of one raw script line (1-based line and columns in the file as read). */
export function scriptLineEdit(model: DockerfileModel, w: WrapperScript, line: number, column: number, endColumn: number, text: string): TextEdit | undefined {
  if (w.absPath === undefined && !sameHeredocLine(model, w, line)) return undefined;
  return { file: w.file, line: line + w.lineOffset, column, endLine: line + w.lineOffset, endColumn, text };
}
