// The pure parts of the smoke checks: shebang parsing as the kernel does it, `/usr/bin/env`
// targets, runc's start-executable resolution, and the image config.
import { describe, expect, it } from 'vitest';
import { imageConfigFromInspect } from '../../src/runtime/image-config.js';
import { executableCandidates } from '../../src/runtime/smoke.js';
import { envTarget, parseShebang } from '../../src/shell/shebang.js';

const DEFAULT = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

describe('parseShebang', () => {
  it('splits the interpreter from the single optional argument, like binfmt_script', () => {
    expect(parseShebang(Buffer.from('#!/bin/sh\nexec "$@"\n'))).toMatchObject({ interpreter: '/bin/sh', arg: undefined, crlf: false });
    expect(parseShebang(Buffer.from('#! /usr/bin/env  python3 -u \nprint()\n'))).toMatchObject({ interpreter: '/usr/bin/env', arg: 'python3 -u', crlf: false });
    expect(parseShebang(Buffer.from('#!/bin/bash -e'))).toMatchObject({ interpreter: '/bin/bash', arg: '-e', crlf: false });
  });

  it('keeps the \\r of a CRLF line in the interpreter (the kernel looks for `sh\\r`)', () => {
    expect(parseShebang(Buffer.from('#!/bin/sh\r\nexec "$@"\r\n'))).toMatchObject({ interpreter: '/bin/sh\r', arg: undefined, crlf: true });
    expect(parseShebang(Buffer.from('#!/usr/bin/env node\r\n'))).toMatchObject({ interpreter: '/usr/bin/env', arg: 'node\r', crlf: true });
  });

  it('is undefined without #! at byte 0 (a BOM or a blank line first)', () => {
    expect(parseShebang(Buffer.from('\ufeff#!/bin/sh\n'))).toBeUndefined();
    expect(parseShebang(Buffer.from('\n#!/bin/sh\n'))).toBeUndefined();
    expect(parseShebang(Buffer.from('echo hi\n'))).toBeUndefined();
  });
});

describe('envTarget', () => {
  it('finds the program, honouring -S and skipping assignments after it', () => {
    expect(envTarget('python3')).toEqual({ program: 'python3', args: [], unsplit: false });
    expect(envTarget('-S node --enable-source-maps')).toEqual({ program: 'node', args: ['--enable-source-maps'], unsplit: false });
    expect(envTarget('-S NODE_ENV=production node')).toEqual({ program: 'node', args: [], unsplit: false });
  });

  it('flags `env python3 -u` without -S: the kernel passes it as one word', () => {
    expect(envTarget('python3 -u')).toEqual({ program: 'python3 -u', args: [], unsplit: true });
  });

  it('makes no claim on other env options or an empty argument', () => {
    expect(envTarget('-i bash')).toBeUndefined();
    expect(envTarget(undefined)).toBeUndefined();
    expect(envTarget('A=1')).toBeUndefined();
  });
});

describe('executableCandidates', () => {
  it('uses absolute paths as given, relative ones against WorkingDir, bare names on PATH', () => {
    expect(executableCandidates('/usr/local/bin/docker-entrypoint.sh', { path: DEFAULT, workingDir: '/app' })).toEqual(['/usr/local/bin/docker-entrypoint.sh']);
    expect(executableCandidates('./manage.py', { path: DEFAULT, workingDir: '/app' })).toEqual(['/app/manage.py']);
    expect(executableCandidates('bin/server', { path: DEFAULT, workingDir: '/srv' })).toEqual(['/srv/bin/server']);
    expect(executableCandidates('gunicorn', { path: ['/app/.venv/bin', '/usr/local/bin', '/usr/local/bin'], workingDir: '/' })).toEqual(['/app/.venv/bin/gunicorn', '/usr/local/bin/gunicorn']);
  });
});

describe('imageConfigFromInspect', () => {
  it('reads the start command, PATH, WorkingDir, user and stop signal', () => {
    const c = imageConfigFromInspect({
      Os: 'linux', Architecture: 'arm64', Variant: 'v8',
      Config: { Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node', 'server.js'], Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'NODE_VERSION=22.1.0', 'EMPTY='], WorkingDir: '/usr/src/app', User: 'node', StopSignal: 'SIGQUIT', Healthcheck: { Test: ['CMD', 'wget', '-q', 'localhost:8080'] } },
    });
    expect(c).toEqual({
      entrypoint: ['docker-entrypoint.sh'], cmd: ['node', 'server.js'],
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_VERSION: '22.1.0', EMPTY: '' },
      path: ['/usr/local/bin', '/usr/bin', '/bin'], workingDir: '/usr/src/app', user: 'node', stopSignal: 'SIGQUIT',
      healthcheck: true, os: 'linux', architecture: 'arm64', variant: 'v8',
      // Docker's defaults for what the HEALTHCHECK leaves unset: interval 30 s, timeout 30 s, start period 0, 3 retries.
      health: { argv: ['wget', '-q', 'localhost:8080'], text: 'wget -q localhost:8080', interval: 30, timeout: 30, startPeriod: 0, retries: 3 },
    });
  });

  it('fills Docker defaults: no PATH, no WorkingDir, no StopSignal, null arrays', () => {
    const c = imageConfigFromInspect({ Os: 'linux', Architecture: 'amd64', Config: { Entrypoint: null, Cmd: null, Env: null, WorkingDir: '', User: '' } });
    expect(c).toMatchObject({ entrypoint: [], cmd: [], path: DEFAULT, workingDir: '/', user: '', stopSignal: 'SIGTERM', healthcheck: false });
    expect(c.variant).toBeUndefined();
    expect(imageConfigFromInspect({ Config: { Healthcheck: { Test: ['NONE'] } } }).healthcheck).toBe(false);
  });
});
