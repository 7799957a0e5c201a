// Writing a generated case to disk as a build context, and rendering it for reproducers.
import fs from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../../src/lint.js';
import type { DockerfileCase } from './gen.js';

/** Write the case into `dir/ctx` (cleared first; one folder reused across cases). */
export function writeContext(root: string, c: DockerfileCase): string {
  const dir = path.join(root, 'ctx');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Dockerfile'), c.dockerfile);
  if (c.dockerignore !== undefined) fs.writeFileSync(path.join(dir, '.dockerignore'), c.dockerignore);
  for (const f of c.files) {
    const abs = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.content);
    fs.chmodSync(abs, f.mode);
  }
  return dir;
}

/** The texts a finding may point at: the Dockerfile and every context file, named as the pipeline names them (relative to cwd). */
export function inputTexts(c: DockerfileCase, result: LintResult): Map<string, string> {
  const texts = new Map<string, string>([[result.model.file, c.dockerfile.replace(/^\uFEFF/, '')]]);
  for (const f of c.files) texts.set(path.posix.normalize(f.path), f.content.replace(/^\uFEFF/, ''));
  return texts;
}

/** The whole case as text, for the hang reproducer. */
export function describeCase(c: DockerfileCase): string {
  const parts = [`=== Dockerfile\n${c.dockerfile}`];
  if (c.dockerignore !== undefined) parts.push(`=== .dockerignore\n${c.dockerignore}`);
  for (const f of c.files) parts.push(`=== ${f.path} (mode ${f.mode.toString(8)})\n${f.content}`);
  return parts.join('\n');
}
