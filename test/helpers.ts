// Test helpers: a throw-away build context on disk and the static pipeline over it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Finding } from '../src/findings.js';
import { lintDockerfile, type LintOptions, type LintResult } from '../src/lint.js';

export type ContextFile = string | Buffer | { content: string | Buffer; mode?: number };

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Write files (path -> content, or {content, mode}) into a new temp folder; returns its path. */
export function makeContext(files: Record<string, ContextFile>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-test-'));
  made.push(dir);
  for (const [rel, spec] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const plain = typeof spec === 'string' || Buffer.isBuffer(spec);
    fs.writeFileSync(abs, plain ? spec : spec.content);
    const mode = plain ? undefined : spec.mode;
    if (mode !== undefined) fs.chmodSync(abs, mode);
  }
  return dir;
}

/** Lint a Dockerfile text with the given context files; paths in findings are relative to the context. */
export function lintResult(dockerfile: string, files: Record<string, ContextFile> = {}, options: Partial<LintOptions> = {}): LintResult {
  const dir = makeContext({ Dockerfile: dockerfile, ...files });
  return lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir, ...options });
}

export function lint(dockerfile: string, files: Record<string, ContextFile> = {}, options: Partial<LintOptions> = {}): Finding[] {
  return lintResult(dockerfile, files, options).findings;
}

/** Findings of one rule. */
export function hits(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Strip a common leading indent so tests can write Dockerfiles inline. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
