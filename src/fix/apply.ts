// Text edits applied to a file's text, and the fixes of one pass chosen so that none overlaps
// another (ESLint's way: the rest wait for the next pass, after the files are linted again).
import type { Autofix, Finding, TextEdit } from '../findings.js';

interface Span {
  start: number;
  end: number;
}

/** Offsets of each line's first character (lines split on \n, as TextEdit counts them). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** An edit's position as an offset; undefined when it lies outside the text. */
function offsetOf(starts: number[], text: string, line: number, column: number): number | undefined {
  const start = starts[line - 1];
  if (start === undefined) return undefined;
  const end = line < starts.length ? starts[line]! - 1 : text.length;
  const at = start + column - 1;
  return column >= 1 && at <= end ? at : undefined;
}

function spanOf(starts: number[], text: string, e: TextEdit): Span | undefined {
  const start = offsetOf(starts, text, e.line, e.column);
  const end = offsetOf(starts, text, e.endLine, e.endColumn);
  return start !== undefined && end !== undefined && end >= start ? { start, end } : undefined;
}

/** The text with the edits made (they must not overlap); undefined when one lies outside the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string | undefined {
  const starts = lineStarts(text);
  const spans: (Span & { text: string })[] = [];
  for (const e of edits) {
    const span = spanOf(starts, text, e);
    if (!span) return undefined;
    spans.push({ ...span, text: e.text });
  }
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  // Two insertions at one place, or an insertion inside a replaced range, conflict too.
  if (a.start === a.end || b.start === b.end) return a.start === b.start || (a.start > b.start && a.start < b.end) || (b.start > a.start && b.start < a.end);
  return a.start < b.end && b.start < a.end;
}

/**
 * The findings whose fixes this pass applies: in report order, each whose edits all fall inside
 * the texts and clear of the fixes already taken (a fix is all its edits or none).
 */
export function chooseFixes(findings: readonly Finding[], textOf: (file: string) => string | undefined, unsafe: boolean): Finding[] {
  const taken = new Map<string, Span[]>();
  const seen = new Set<string>();
  const chosen: Finding[] = [];
  const cache = new Map<string, number[]>();
  for (const f of findings) {
    const fix: Autofix | undefined = f.autofix;
    if (!fix || (!fix.safe && !unsafe)) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    const spans: { file: string; span: Span }[] = [];
    let fits = true;
    for (const e of fix.edits) {
      const text = textOf(e.file);
      if (text === undefined) {
        fits = false;
        break;
      }
      let starts = cache.get(e.file);
      if (!starts) cache.set(e.file, (starts = lineStarts(text)));
      const span = spanOf(starts, text, e);
      if (!span || (taken.get(e.file) ?? []).some((t) => overlaps(t, span)) || spans.some((s) => s.file === e.file && overlaps(s.span, span))) {
        fits = false;
        break;
      }
      spans.push({ file: e.file, span });
    }
    if (!fits) continue;
    seen.add(key);
    for (const { file, span } of spans) taken.set(file, [...(taken.get(file) ?? []), span]);
    chosen.push(f);
  }
  return chosen;
}
