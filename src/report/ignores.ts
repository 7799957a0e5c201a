// Inline ignores: `# entrypoint-guard ignore=id[,id]` on the comment line(s) right before a
// Dockerfile instruction or script line; `# entrypoint-guard ignore-file=id[,id]` anywhere.
import type { Finding } from '../findings.js';

const MARK = /#\s*entrypoint-guard\s+(ignore|ignore-file)\s*=\s*([A-Za-z0-9_/,\s-]+)/;

function ids(list: string): string[] {
  return list.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
}

export interface IgnoreIndex {
  fileWide: Set<string>;
  /** 1-based line -> ids ignored for the instruction or line there. */
  byLine: Map<number, Set<string>>;
}

export function indexIgnores(text: string): IgnoreIndex {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  let pending: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    const m = MARK.exec(trimmed);
    if (m && m[1] === 'ignore-file') ids(m[2]!).forEach((id) => fileWide.add(id));
    if (trimmed.startsWith('#')) {
      if (m && m[1] === 'ignore') pending.push(...ids(m[2]!));
      return;
    }
    if (trimmed === '') return;
    if (pending.length > 0) byLine.set(i + 1, new Set(pending));
    pending = [];
  });
  return { fileWide, byLine };
}

export function isIgnored(index: IgnoreIndex, finding: Finding): boolean {
  const matches = (set: Set<string>) => set.has(finding.rule) || (finding.rule.startsWith('shellcheck/') && set.has(finding.rule.slice('shellcheck/'.length)));
  if (matches(index.fileWide)) return true;
  const at = index.byLine.get(finding.line);
  return at !== undefined && matches(at);
}

/** Drop findings the user asked to ignore, inline (per file) or by `--ignore`. */
export function applyIgnores(findings: Finding[], texts: Map<string, string>, ignore: Set<string>): Finding[] {
  const indexes = new Map<string, IgnoreIndex>();
  const indexFor = (file: string) => {
    let idx = indexes.get(file);
    if (!idx) {
      const text = texts.get(file);
      idx = text === undefined ? { fileWide: new Set(), byLine: new Map() } : indexIgnores(text);
      indexes.set(file, idx);
    }
    return idx;
  };
  return findings.filter((f) => {
    if (ignore.has(f.rule) || (f.rule.startsWith('shellcheck/') && (ignore.has(f.rule.slice(11)) || ignore.has('shellcheck')))) return false;
    return !isIgnored(indexFor(f.file), f);
  });
}
