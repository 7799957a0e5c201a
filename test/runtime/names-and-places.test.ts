// Pure parts of how the runtime names and places what it saw: one PID 1 name on every
// platform, the instruction that wrote a file, emulated verdicts, and the text verdict line.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { formatPlatform, verdictLine } from '../../src/report/text.js';
import { writerOf } from '../../src/model/file-origin.js';
import { mergeHits } from '../../src/runtime/index.js';
import { judgeShutdown, normalizeSignal, type Pid1 } from '../../src/runtime/probe.js';
import { displayArgv, displayName } from '../../src/runtime/process-name.js';
import { withRuleMeta } from '../../src/runtime-findings.js';
import { lintResult } from '../helpers.js';

describe('one name per process', () => {
  it('npm is `npm start` natively (it retitles itself) and under QEMU (where ps shows node running the script)', () => {
    expect(displayName(['npm', 'start'])).toBe('npm start');
    expect(displayName(['node', '/usr/bin/npm', 'start'])).toBe('npm start');
    expect(displayName(['/usr/local/bin/node', '/usr/local/bin/npm', 'run', 'serve'])).toBe('npm run serve');
  });

  it('a `#!` script is shown by its name on PATH, by its path elsewhere; the interpreter invoked by hand stays', () => {
    expect(displayArgv(['/bin/sh', '/usr/local/bin/docker-entrypoint.sh', 'gunicorn'])).toEqual(['docker-entrypoint.sh', 'gunicorn']);
    expect(displayArgv(['/bin/sh', '/app/run.sh'])).toEqual(['/app/run.sh']);
    expect(displayArgv(['/bin/sh', '/opt/app/bin/run'], ['/opt/app/bin', '/usr/bin'])).toEqual(['run']);
    expect(displayArgv(['python3', '/usr/local/bin/celery', '-A', 'app', 'worker'])).toEqual(['celery', '-A', 'app', 'worker']);
    expect(displayArgv(['sh', '-c', 'sleep 100 & wait'])).toEqual(['sh', '-c', 'sleep 100 & wait']);
    expect(displayArgv(['node', 'server.js'])).toEqual(['node', 'server.js']);
    expect(displayArgv(['node', '--inspect', '/app/server.js'])).toEqual(['node', '--inspect', '/app/server.js']);
    expect(displayArgv(['/server', '/etc/config.yml'])).toEqual(['/server', '/etc/config.yml']);
  });
});

describe('the instruction that wrote a file', () => {
  const model = lintResult(
    [
      'FROM --platform=linux/amd64 127.0.0.1:5000/eg-busybox:latest AS amd',
      'FROM 127.0.0.1:5000/eg-busybox:latest',
      'WORKDIR /srv',
      'COPY --from=amd /bin/busybox /server',
      'COPY --from=amd /bin/ tools/',
      'RUN wget -O /usr/local/bin/helper https://example.com/helper-amd64 && chmod +x /usr/local/bin/helper',
      'COPY app.sh /usr/local/bin/helper-docs',
      'ENTRYPOINT ["/server"]',
      '',
    ].join('\n'),
  ).model;

  it('a COPY to the file, a COPY of a directory that holds it, a RUN naming its full path', () => {
    expect(writerOf(model, ['/server'])?.range.line).toBe(4);
    expect(writerOf(model, ['/srv/tools/busybox'])?.range.line).toBe(5);
    expect(writerOf(model, ['/usr/local/bin/helper'])?.range.line).toBe(6);
  });

  it('a symlink chain counts by any of its paths; a file from the base image has no writer', () => {
    expect(writerOf(model, ['/usr/bin/app', '/server'])?.range.line).toBe(4);
    expect(writerOf(model, ['/bin/busybox'])).toBeUndefined();
    expect(writerOf(model, ['/usr/local/bin/help'])).toBeUndefined();
  });
});

describe('emulated verdicts', () => {
  const term = normalizeSignal('SIGTERM');
  const top: Pid1 = { argv: ['/server'], display: '/server', children: [] };
  const killed = { signal: 'SIGTERM', seconds: 2, exitCode: 137, killed: true };
  const model = lintResult('FROM 127.0.0.1:5000/eg-busybox:latest\nENTRYPOINT ["/server"]\n').model;
  const merged = (platforms: { platform: string; emulated: boolean }[]): Finding =>
    withRuleMeta(
      mergeHits(
        platforms.flatMap(({ platform, emulated }) => judgeShutdown({ shutdown: killed, signal: term, top, gracePeriod: 2, emulated }).map((h) => ({ ...h, platform }))),
        model,
        ['linux/amd64', 'linux/arm64'],
      ),
    )[0]!;

  it('an emulated sigterm-ignored says QEMU left PID 1 waiting and that the verdict rests on timing', () => {
    const f = merged([{ platform: 'linux/arm64', emulated: true }]);
    expect(f).toMatchObject({ rule: 'sigterm-ignored', severity: 'error', platforms: ['linux/arm64'], line: 2 });
    expect(f.message).toContain('under QEMU a PID 1 without a handler is left waiting in sigsuspend');
    expect(f.message).toMatch(/ linux\/arm64 ran emulated \(QEMU\): that verdict rests on timing alone/);
  });

  it('native and emulated in one finding: the native wording, the emulation note about arm64 only', () => {
    const f = merged([{ platform: 'linux/amd64', emulated: false }, { platform: 'linux/arm64', emulated: true }]);
    expect(f.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(f.message).toContain('where the kernel drops signals that have no handler');
    expect(f.message).toContain(' linux/arm64 ran emulated (QEMU)');
    expect(f.message).not.toContain('linux/amd64 and linux/arm64 ran emulated');
  });

  it('a native-only verdict carries no emulation note', () => {
    expect(merged([{ platform: 'linux/amd64', emulated: false }]).message).not.toContain('QEMU');
  });
});

describe('the text report', () => {
  const finding = (severity: Finding['severity']): Finding => ({ rule: 'x', severity, message: 'm', fix: 'f', file: 'Dockerfile', line: 1, endLine: 1, column: 1 });

  it('never says PASS over errors: with --fail-on never it counts without a verdict', () => {
    const line = verdictLine([finding('error')], 'never');
    expect(line).toBe('1 error, 0 warnings, 0 info (not gated: --fail-on never)');
    expect(verdictLine([], 'never')).not.toMatch(/PASS|FAIL/);
    expect(verdictLine([finding('error')], 'error')).toBe('✖ FAIL: 1 error, 0 warnings, 0 info (failing at --fail-on error)');
    expect(verdictLine([finding('warning')], 'error')).toBe('✔ PASS: 0 errors, 1 warning, 0 info (nothing at or above error)');
  });

  it('marks an emulated platform', () => {
    const line = formatPlatform({ platform: 'linux/arm64', emulated: true, build: { ok: true, seconds: 3 }, pid1: 'npm start' });
    expect(line).toMatch(/^linux\/arm64 \(emulated, QEMU\)\s+build ok 3\.0s\s+PID 1: npm start$/);
    expect(formatPlatform({ platform: 'linux/amd64', build: { ok: true, seconds: 3 } })).not.toContain('emulated');
  });
});
