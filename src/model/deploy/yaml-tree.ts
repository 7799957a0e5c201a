// A manifest (compose file, Kubernetes YAML, ECS task definition JSON) read into plain nodes
// that keep the line each value was written on. One reader for every deployment source and
// for the Compose files dev-image.ts reads; JSON is read as YAML (it is a subset).
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { InputError } from '../../errors.js';

export type YNode = YMap | YSeq | YScalar;

export interface YMap {
  kind: 'map';
  line: number;
  /** Keys as strings; `<<` merge keys are applied (the map's own keys win). */
  entries: Map<string, { keyLine: number; value: YNode }>;
}

export interface YSeq {
  kind: 'seq';
  line: number;
  items: YNode[];
}

export interface YScalar {
  kind: 'scalar';
  line: number;
  value: string | number | boolean | null;
}

/** Aliases a manifest may expand (the yaml library's own guard against alias bombs). */
// Real files reuse anchors a lot (getsentry/self-hosted: some 400 aliases); MAX_NODES bounds a bomb.
const MAX_ALIAS_COUNT = 2000;
/** Nodes one manifest may hold once aliases are expanded. */
const MAX_NODES = 500_000;

/** Flow collections (`[`, `{`) or compact sequences (`- - -`) nested deeper than this are refused before parsing. */
const MAX_FLOW_DEPTH = 256;

/** A line's leading `- - - ` run (compact nested block sequences, one level per dash). */
const DASH_RUN = /[ \t]*(?:-[ \t]+)*/y;

function dashesAt(text: string, at: number): number {
  DASH_RUN.lastIndex = at;
  const run = DASH_RUN.exec(text)?.[0] ?? '';
  let n = 0;
  for (const c of run) if (c === '-') n++;
  return n;
}

/**
 * The deepest nesting of `[`/`{` (outside quotes and comments) or of `- - -` on one line,
 * roughly, in one linear scan: the YAML parser recurses per level and takes minutes on
 * megabytes of `[[[[`.
 */
function nestingDepth(text: string): { depth: number; line: number } {
  let depth = 0;
  let max = dashesAt(text, 0);
  let line = 1;
  let maxLine = 1;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      const dashes = dashesAt(text, i + 1);
      if (dashes > max) {
        max = dashes;
        maxLine = line;
      }
    }
    if (quote) {
      if (c === quote && (quote === "'" || text[i - 1] !== '\\')) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
    } else if (c === '"' || (c === "'" && (i === 0 || /[\s[{,:]/.test(text[i - 1]!)))) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > max) {
        max = depth;
        maxLine = line;
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { depth: max, line: maxLine };
}

/** Every document of a manifest text; InputError (one sentence with file:line) when it is not YAML or expands too far. */
export function readDocuments(text: string, display: string): YNode[] {
  const nesting = nestingDepth(text);
  if (nesting.depth > MAX_FLOW_DEPTH) throw new InputError(`${display}:${nesting.line}: collections nested over ${MAX_FLOW_DEPTH} levels deep; not read`);
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, merge: true, prettyErrors: false });
  if (!Array.isArray(docs)) return [];
  const out: YNode[] = [];
  const budget = { nodes: 0 };
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const line = lineCounter.linePos(error.pos[0]).line;
      const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new InputError(`${display}:${line}: not valid YAML (${what})`);
    }
    try {
      // Expands every alias under the library's count limit: a billion-laughs document stops here.
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const reason = err instanceof Error && /alias/i.test(err.message) ? 'its YAML aliases expand too far (an alias bomb?)' : `it cannot be read (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
      throw new InputError(`${display}: ${reason}; not read`);
    }
    if (doc.contents === null) continue;
    out.push(convert(doc.contents as YamlNode, doc, lineCounter, budget, display, 0));
  }
  return out;
}

function lineOf(node: { range?: [number, number, number] | null } | null | undefined, lc: LineCounter): number {
  const start = node?.range?.[0];
  return start === undefined ? 0 : lc.linePos(start).line;
}

function convert(node: YamlNode | null, doc: Document, lc: LineCounter, budget: { nodes: number }, display: string, depth: number): YNode {
  if (++budget.nodes > MAX_NODES || depth > 200) throw new InputError(`${display}: too large or too deeply nested once its aliases are expanded (over ${MAX_NODES} nodes or 200 levels); not read`);
  if (node === null) return { kind: 'scalar', line: 0, value: null };
  if (isAlias(node)) {
    const target = node.resolve(doc);
    const resolved = target ? convert(target as YamlNode, doc, lc, budget, display, depth + 1) : ({ kind: 'scalar', line: 0, value: null } as YScalar);
    // The value sits where the alias is written.
    return { ...resolved, line: lineOf(node, lc) };
  }
  if (isScalar(node)) {
    const v = node.value;
    const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { kind: 'scalar', line: lineOf(node, lc), value };
  }
  if (isSeq(node)) {
    return { kind: 'seq', line: lineOf(node, lc), items: node.items.map((i) => convert(i as YamlNode, doc, lc, budget, display, depth + 1)) };
  }
  if (isMap(node)) {
    const entries = new Map<string, { keyLine: number; value: YNode }>();
    const merged: YMap[] = [];
    for (const pair of node.items) {
      // With `merge: true` the library gives a `<<` key the value Symbol(<<).
      const raw = isScalar(pair.key) ? pair.key.value : pair.key;
      const key = typeof raw === 'symbol' ? (raw.description ?? '') : String(raw);
      const value = convert(pair.value as YamlNode | null, doc, lc, budget, display, depth + 1);
      if (key === '<<') {
        if (value.kind === 'map') merged.push(value);
        else if (value.kind === 'seq') for (const m of value.items) if (m.kind === 'map') merged.push(m);
        continue;
      }
      entries.set(key, { keyLine: lineOf(pair.key as YamlNode, lc), value });
    }
    // `<<: [*a, *b]`: earlier maps win over later ones, the map's own keys over all.
    for (const m of merged) for (const [k, e] of m.entries) if (!entries.has(k)) entries.set(k, e);
    return { kind: 'map', line: lineOf(node, lc), entries };
  }
  return { kind: 'scalar', line: lineOf(node as YamlNode, lc), value: null };
}

// ---------------------------------------------------------------------------------------------
// Reading values

export function get(node: YNode | undefined, ...keys: string[]): YNode | undefined {
  let n = node;
  for (const k of keys) {
    if (n?.kind !== 'map') return undefined;
    n = n.entries.get(k)?.value;
  }
  return n;
}

/** The line a key is written on in a map (the value's line when the key has none). */
export function keyLine(node: YNode | undefined, key: string): number | undefined {
  if (node?.kind !== 'map') return undefined;
  const e = node.entries.get(key);
  return e ? e.keyLine || e.value.line : undefined;
}

export function str(node: YNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function num(node: YNode | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const v = typeof node.value === 'number' ? node.value : typeof node.value === 'string' && /^\d+(\.\d+)?$/.test(node.value) ? Number(node.value) : undefined;
  return v;
}

export function bool(node: YNode | undefined): boolean | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.value === 'true') return true;
  if (node.value === 'false') return false;
  return undefined;
}

export function items(node: YNode | undefined): YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** A list of scalars as strings (undefined when not a list, or an item is not a scalar). */
export function strings(node: YNode | undefined): string[] | undefined {
  if (node?.kind !== 'seq') return undefined;
  const out: string[] = [];
  for (const i of node.items) {
    const s = str(i);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

export function entries(node: YNode | undefined): [string, { keyLine: number; value: YNode }][] {
  return node?.kind === 'map' ? [...node.entries] : [];
}

/** The plain JavaScript value (for callers that need no lines). */
export function toPlain(node: YNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  return Object.fromEntries([...node.entries].map(([k, e]) => [k, toPlain(e.value)]));
}
