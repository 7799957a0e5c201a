// dockerfile-ast instructions -> our Instr: exact ranges, Docker's logical text, exec form.
import type { Instruction } from 'dockerfile-ast';
import type { Heredoc, Instr, SourceRange } from './types.js';

interface AstRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function toSourceRange(r: AstRange): SourceRange {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/**
 * Join continuation lines the way Docker does: an escape character at the end of a line
 * continues it; comment lines and empty lines inside a continuation are dropped. Lines of
 * heredoc bodies are kept as lines.
 */
export function joinContinuations(raw: string, escapeChar: string): string {
  const lines = raw.split('\n');
  let out = '';
  let continuing = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (i > 0 && continuing && (/^\s*#/.test(line) || line.trim() === '')) continue;
    const trimmed = line.trimEnd(); // not /\s+$/: quadratic on a long run of inner whitespace
    if (trimmed.endsWith(escapeChar) && !trimmed.endsWith(escapeChar + escapeChar)) {
      out += trimmed.slice(0, -escapeChar.length);
      continuing = true;
    } else {
      out += line;
      continuing = false;
      if (i < lines.length - 1) out += '\n';
    }
  }
  return out;
}

const FLAG = /^\s*--([A-Za-z][A-Za-z0-9-]*)(?:=("(?:[^"\\]|\\.)*"|\S*))?(?=\s|$)/;

/** Split leading `--flag[=value]` words off an instruction's text. */
export function splitFlags(text: string): { flags: Map<string, string | null>; rest: string } {
  const flags = new Map<string, string | null>();
  let rest = text;
  for (;;) {
    const m = FLAG.exec(rest);
    if (!m) break;
    let value: string | null = m[2] ?? null;
    if (value && value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    flags.set(m[1]!.toLowerCase(), value);
    rest = rest.slice(m[0].length);
  }
  return { flags, rest: rest.replace(/^\s+/, '') };
}

/** Docker's exec form: the text parses as a JSON array of strings; anything else is shell form. */
export function parseExecForm(text: string): { exec?: string[]; jsonLike: boolean } {
  const trimmed = text.trim();
  const jsonLike = trimmed.startsWith('[');
  if (!jsonLike) return { jsonLike };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { exec: value as string[], jsonLike };
  } catch {
    // Not JSON: Docker falls back to shell form.
  }
  return { jsonLike };
}

function heredocsOf(node: Instruction, lines: string[]): Heredoc[] {
  const getter = (node as unknown as { getHeredocs?: () => Array<{ getName(): string; getContentRange(): AstRange | null }> }).getHeredocs;
  if (typeof getter !== 'function') return [];
  let found: ReturnType<typeof getter>;
  try {
    found = getter.call(node);
  } catch {
    // dockerfile-ast throws on an escape character followed by a lone CR ("CMD \\\r#x"): no heredoc there.
    return [];
  }
  const out: Heredoc[] = [];
  for (const h of found) {
    const r = h.getContentRange();
    if (!r) {
      out.push({ name: h.getName(), content: '', contentLine: 0 });
      continue;
    }
    const body = lines.slice(r.start.line, r.end.line + 1);
    out.push({ name: h.getName(), content: body.join('\n'), contentLine: r.start.line + 1 });
  }
  return out;
}

export function toInstr(node: Instruction, stage: number, lines: string[], escapeChar: string): Instr {
  const range = toSourceRange(node.getRange());
  const keyword = node.getKeyword().toUpperCase();
  const heredocs = heredocsOf(node, lines);
  const rawArgs = node.getRawArgumentsContent() ?? '';
  // Heredoc bodies are not part of the command line: keep only the text up to the first body line.
  let argsSource = rawArgs;
  if (heredocs.length > 0) {
    const firstBody = rawArgs.indexOf('\n');
    if (firstBody >= 0) argsSource = rawArgs.slice(0, firstBody);
  }
  const { flags, rest } = splitFlags(joinContinuations(argsSource, escapeChar));
  // dockerfile-ast strips the flags of FROM/COPY/ADD/RUN/HEALTHCHECK from the raw arguments: take them from the AST.
  const astFlags = (node as unknown as { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> }).getFlags;
  if (typeof astFlags === 'function') {
    for (const f of astFlags.call(node)) {
      let value = f.getValue();
      if (value && value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (!flags.has(f.getName().toLowerCase())) flags.set(f.getName().toLowerCase(), value);
    }
  }
  let formText = rest;
  if (keyword === 'HEALTHCHECK') formText = rest.replace(/^CMD\s+/i, '');
  const { exec, jsonLike } = ['CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'RUN', 'VOLUME'].includes(keyword)
    ? parseExecForm(formText)
    : { exec: undefined, jsonLike: false };
  const args = node
    .getArguments()
    .map((a) => a.getValue())
    .filter((a, i, all) => !(a.startsWith('--') && all.slice(0, i).every((p) => p.startsWith('--'))));
  return { keyword, stage, range, args, text: rest, flags, exec, jsonLike, heredocs, node };
}
