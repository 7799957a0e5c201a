// The shape the code keeps: rules read the model (scripts parsed once there), never the shell
// front end; the runtime reads program knowledge from the one table.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

describe('structure', () => {
  it('no file under src/rules imports the shell front end (tokenizer, parser, flow)', () => {
    const offenders = sources('src/rules').filter((f) => /from '(\.\.\/)+shell\//.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('src/shell imports nothing above it', () => {
    const offenders = sources('src/shell').filter((f) => /from '\.\.\/(?!shell\/)/.test(fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/from '\.\.\/model\/types\.js'/g, '')));
    expect(offenders).toEqual([]);
  });
});
