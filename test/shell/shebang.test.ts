// The one shebang parser: Linux binfmt_script's reading, and the program that interprets the script.
import { describe, expect, it } from 'vitest';
import { envTarget, parseShebang } from '../../src/shell/shebang.js';

describe('parseShebang', () => {
  it('reads the interpreter and one argument as the kernel does', () => {
    expect(parseShebang('#!/bin/sh -e\nset -x\n')).toMatchObject({ interpreter: '/bin/sh', arg: '-e', program: 'sh', args: ['-e'], viaEnv: false, crlf: false });
    expect(parseShebang('#! /bin/bash -e\n')).toMatchObject({ interpreter: '/bin/bash', arg: '-e', program: 'bash', line: '#! /bin/bash -e' });
    expect(parseShebang(Buffer.from('#!/bin/busybox sh\n'))).toMatchObject({ program: 'busybox', args: ['sh'] });
  });

  it('keeps the CR a CRLF line leaves on the interpreter, where the kernel sees it', () => {
    const sb = parseShebang('#!/bin/sh\r\necho hi\r\n');
    expect(sb).toMatchObject({ interpreter: '/bin/sh\r', crlf: true, program: 'sh', line: '#!/bin/sh' });
  });

  it('finds the program behind env: one word, -S split, and the unsplit `env bash -e` still means bash', () => {
    expect(parseShebang('#!/usr/bin/env bash\n')).toMatchObject({ program: 'bash', args: [], viaEnv: true });
    expect(parseShebang('#!/usr/bin/env -S bash -eu\n')).toMatchObject({ program: 'bash', args: ['-eu'] });
    expect(parseShebang('#!/usr/bin/env bash -e\n')).toMatchObject({ program: 'bash', args: ['-e'], arg: 'bash -e' });
    expect(envTarget('bash -e')).toEqual({ program: 'bash -e', args: [], unsplit: true });
    expect(envTarget('-S node --enable-source-maps')).toEqual({ program: 'node', args: ['--enable-source-maps'], unsplit: false });
  });

  it('has no shebang without #! at the very start (a BOM hides it from the kernel)', () => {
    expect(parseShebang('\uFEFF#!/bin/sh\n')).toBeUndefined();
    expect(parseShebang('set -e\n')).toBeUndefined();
    expect(parseShebang('')).toBeUndefined();
  });
});
