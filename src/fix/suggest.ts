// A finding's fix as a GitHub "suggested change": the whole lines its edits touch, as they read
// after the edits. Undefined when the fix touches another file than the one commented on.
import type { Finding } from '../findings.js';
import { applyEdits } from './apply.js';

export interface Suggestion {
  /** First and last line (1-based, inclusive) the suggestion replaces. */
  startLine: number;
  endLine: number;
  /** The replacement lines, joined by \n (no trailing newline; a CR at a line's end dropped). */
  text: string;
}

export function suggestionFor(f: Finding, fileText: string): Suggestion | undefined {
  const edits = f.autofix?.edits;
  if (!edits || edits.length === 0 || edits.some((e) => e.file !== f.file)) return undefined;
  const startLine = Math.min(...edits.map((e) => e.line));
  const endLine = Math.max(...edits.map((e) => e.endLine));
  const lines = fileText.split('\n');
  // The file's last line break is not a line of its own.
  const count = fileText.endsWith('\n') ? lines.length - 1 : lines.length;
  if (endLine > count) return undefined;
  const segment = lines.slice(startLine - 1, endLine).join('\n');
  const shifted = edits.map((e) => ({ ...e, line: e.line - startLine + 1, endLine: e.endLine - startLine + 1 }));
  const after = applyEdits(segment, shifted);
  if (after === undefined) return undefined;
  return { startLine, endLine, text: after.split('\n').map((l) => l.replace(/\r$/, '')).join('\n') };
}

/** A ```suggestion block, fenced longer than any run of backticks inside it. */
export function suggestionBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}suggestion\n${text}\n${fence}`;
}
