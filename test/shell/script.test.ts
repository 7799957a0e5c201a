import { describe, expect, it } from 'vitest';
import { analyzeScript, parseShebang, readsArguments, scriptDialect, shebangFlags } from '../../src/shell/script.js';

describe('shebang', () => {
  it.each([
    ['#!/bin/sh', '/bin/sh', 'sh', [], false],
    ['#!/bin/sh -e', '/bin/sh', 'sh', ['-e'], false],
    ['#! /bin/bash -eu', '/bin/bash', 'bash', ['-eu'], false],
    ['#!/usr/bin/env bash', '/usr/bin/env', 'bash', [], true],
    ['#!/usr/bin/env -S bash -eo pipefail', '/usr/bin/env', 'bash', ['-eo', 'pipefail'], true],
    ['#!/bin/busybox sh', '/bin/busybox', 'busybox', ['sh'], false],
    ['#!/usr/bin/env python3', '/usr/bin/env', 'python3', [], true],
  ])('%s', (line, interpreter, program, args, viaEnv) => {
    expect(parseShebang(`${line}\necho\n`)).toMatchObject({ line, interpreter, program, args, viaEnv, crlf: false });
    // A CRLF line: the kernel keeps the \r on the last word; the program is still read without it.
    expect(parseShebang(`${line}\r\necho\n`)).toMatchObject({ line, program, args, viaEnv, crlf: true });
  });

  it('sees no shebang without #! on the first line nor after a BOM (the kernel does not); the analysis reads past a BOM', () => {
    expect(parseShebang('set -e\n#!/bin/sh\n')).toBeUndefined();
    expect(parseShebang('\uFEFF#!/bin/sh\n')).toBeUndefined();
    expect(analyzeScript('\uFEFF#!/bin/sh\n').shebang?.program).toBe('sh');
  });

  it('reads errexit and nounset from shebang flags', () => {
    expect([...shebangFlags(parseShebang('#!/bin/sh -eu'))].sort()).toEqual(['e', 'u']);
    expect([...shebangFlags(parseShebang('#!/bin/bash -o errexit'))]).toEqual(['e']);
    expect([...shebangFlags(parseShebang('#!/bin/sh'))]).toEqual([]);
  });
});

describe('dialect', () => {
  const d = (shebang: string | undefined, family: Parameters<typeof scriptDialect>[1], invoked?: string) => {
    const r = scriptDialect(shebang === undefined ? undefined : parseShebang(shebang), family, invoked);
    return r && [r.shell, r.dialect, r.posix];
  };

  it('maps /bin/sh to the base family’s shell', () => {
    expect(d('#!/bin/sh', 'debian')).toEqual(['sh', 'dash', true]);
    expect(d('#!/bin/sh', 'ubuntu')).toEqual(['sh', 'dash', true]);
    expect(d('#!/bin/sh', 'alpine')).toEqual(['sh', 'busybox', true]);
    expect(d('#!/bin/sh', 'busybox')).toEqual(['sh', 'busybox', true]);
    expect(d('#!/bin/sh', 'rhel')).toEqual(['sh', 'bash', true]);
    expect(d('#!/bin/sh', 'unknown')).toEqual(['sh', 'posix', true]);
  });

  it('takes bash, dash, ash and env-launched shells as declared', () => {
    expect(d('#!/usr/bin/env bash', 'alpine')).toEqual(['bash', 'bash', false]);
    expect(d('#!/bin/dash', 'alpine')).toEqual(['dash', 'dash', true]);
    expect(d('#!/bin/ash', 'debian')).toEqual(['ash', 'busybox', true]);
    expect(d('#!/bin/busybox sh', 'debian')).toEqual(['busybox', 'busybox', true]);
    expect(d('#!/bin/zsh', 'debian')).toEqual(['zsh', 'zsh', false]);
  });

  it('lets the start command’s shell override the shebang, and treats a missing shebang as /bin/sh', () => {
    expect(d('#!/bin/sh', 'debian', '/bin/bash')).toEqual(['bash', 'bash', false]);
    expect(d(undefined, 'debian')).toEqual(['sh', 'dash', true]);
  });

  it('is undefined for scripts that are not shell scripts', () => {
    expect(d('#!/usr/bin/env python3', 'debian')).toBeUndefined();
    expect(d('#!/usr/bin/env node', 'alpine')).toBeUndefined();
  });
});

describe('analyzeScript', () => {
  it('keeps line numbers through CRLF and a BOM and reports columns', () => {
    const a = analyzeScript('\uFEFF#!/bin/sh\r\nset -e\r\n  exec "$@"\r\n');
    const exec = a.body[a.body.length - 1]!;
    expect(a.lineOf(exec.start)).toBe(3);
    expect(a.columnOf(exec.start)).toBe(3);
    expect(a.lineCount).toBe(3);
    expect(a.shebang?.program).toBe('sh');
  });
});

describe('readsArguments', () => {
  const reads = (text: string) => readsArguments(analyzeScript(text).tokens);
  it.each([
    ['exec "$@"'],
    ['exec gosu app $*'],
    ['if [ "${1#-}" != "$1" ]; then set -- node "$@"; fi'],
    ['MODE=${1:-web}'],
    ['echo "mode: $(printf %s "$2")"'],
    ['cat > /tmp/args <"$1"'],
    ['name="${HOST:-${1}}"'],
    ['exec "${@:2}"'],
  ])('reads its arguments: %s', (text) => {
    expect(reads(`#!/bin/sh\n${text}\n`)).toBe(true);
  });

  it.each([
    ['exec nginx -g "daemon off;"'],
    ['echo "$HOME $PATH $0 $# $? $$"'],
    ["echo '$@ is not expanded in single quotes'"],
    ['echo $((1 + 2))'],
  ])('does not: %s', (text) => {
    expect(reads(`#!/bin/sh\n${text}\n`)).toBe(false);
  });
});
