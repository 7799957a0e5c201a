// Colour follows the conventions users set: NO_COLOR, FORCE_COLOR, TERM=dumb, else a terminal.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/color.js';
import { makeContext } from '../helpers.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

describe('colorEnabled', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [true, { TERM: 'dumb', FORCE_COLOR: '1' }, true],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ])('on a terminal: %s, env %j -> %s', (tty, env, want) => {
    expect(colorEnabled(tty, env as NodeJS.ProcessEnv)).toBe(want);
  });

  it('colours the text report through a pipe with FORCE_COLOR, and not without it', () => {
    const ctx = makeContext({ Dockerfile: 'FROM node:22\nWORKDIR /app\nENTRYPOINT npm start\n' });
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [CLI, '--static', 'Dockerfile'], { cwd: ctx, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } }).stdout;
    expect(run({ FORCE_COLOR: '1' })).toMatch(/\x1b\[31m/);
    expect(run({})).not.toContain('\x1b[');
    expect(run({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain('\x1b[');
  });
});
