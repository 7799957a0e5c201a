// Hostile input through the built CLI (dist/cli.js): every case gets a correct result or one
// clear line on stderr with exit 2, never a stack trace, in bounded time and memory; nothing is
// read from outside the build context and no path is ever run as a command.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_IMAGE, engineAvailable } from '../runtime/engine.js';
import { cliEnv, expectCleanError, expectReport, runCli, tempDir, writeFiles } from './run.js';

const GOOD = 'FROM alpine:3.20\nCOPY --chmod=755 entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["app"]\n';
const GOOD_SCRIPT = '#!/bin/sh\nset -e\nexec "$@"\n';
/** A script that would draw findings (CRLF, bash on Alpine, no exec) if anyone read it. */
const BAIT_SCRIPT = '#!/bin/bash\r\nnode server.js\r\n';

describe('hostile input: unreadable Dockerfiles', () => {
  it('a missing Dockerfile', async () => {
    const dir = tempDir();
    expectCleanError(await runCli(['--static', 'Dockerfile'], { cwd: dir }), /Dockerfile does not exist/);
  });

  it('a directory given as the Dockerfile', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'Dockerfile'));
    expectCleanError(await runCli(['--static', 'Dockerfile'], { cwd: dir }), /is a directory/);
  });

  it('an empty Dockerfile, and one of only blank lines', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: '', 'Dockerfile.blank': '\n \r\n\t\n' });
    expectCleanError(await runCli(['--static', 'Dockerfile'], { cwd: dir }), /is empty/);
    expectCleanError(await runCli(['--static', 'Dockerfile.blank'], { cwd: dir }), /is empty/);
  });

  it('a binary file (a PNG) given as the Dockerfile', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db40000000049454e44ae426082', 'hex');
    const dir = writeFiles(tempDir(), { Dockerfile: png });
    expectCleanError(await runCli(['--static', 'Dockerfile'], { cwd: dir }), /binary file/);
  });

  it('a non-UTF-8 (Latin-1) Dockerfile', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: Buffer.from('FROM alpine:3.20\n# caf\xe9 cr\xe8me\nCMD ["sh"]\n', 'latin1') });
    expectCleanError(await runCli(['--static', 'Dockerfile'], { cwd: dir }), /not valid UTF-8/);
  });

  it('a FIFO, a character device and a missing or non-directory --context', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: GOOD, 'entrypoint.sh': GOOD_SCRIPT });
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    expectCleanError(await runCli(['--static', 'fifo'], { cwd: dir, timeoutMs: 20_000 }), /not a regular file/);
    expectCleanError(await runCli(['--static', '/dev/zero'], { cwd: dir, timeoutMs: 20_000 }), /not a regular file/);
    expectCleanError(await runCli(['--static', '--context', 'nowhere', 'Dockerfile'], { cwd: dir }), /build context nowhere does not exist/);
    expectCleanError(await runCli(['--static', '--context', 'entrypoint.sh', 'Dockerfile'], { cwd: dir }), /build context entrypoint\.sh is not a directory/);
  });

  it('a Dockerfile that is not one (plain text; only comments; an unknown instruction)', async () => {
    const dir = writeFiles(tempDir(), { 'a.txt': 'hello world\n', 'b.txt': 'FROM alpine\nFROBNICATE now\n', 'c.txt': '# syntax=docker/dockerfile:1\n# only comments\n\n#' });
    expectCleanError(await runCli(['--static', 'a.txt'], { cwd: dir }), /a\.txt:1: unknown instruction "HELLO"/);
    expectCleanError(await runCli(['--static', 'b.txt'], { cwd: dir }), /b\.txt:2: unknown instruction "FROBNICATE"/);
    expectCleanError(await runCli(['--static', 'c.txt'], { cwd: dir }), /c\.txt: no FROM instruction/);
  });
});

describe('hostile input: size', () => {
  it('a generated 5 MB Dockerfile (thousands of RUN/ENV/COPY instructions) in bounded time and memory', async () => {
    const lines = ['FROM node:20-alpine', 'WORKDIR /app'];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const line =
        i % 3 === 0 ? `RUN echo step ${i} && apk add --no-cache curl-${i} \\\n    && rm -rf /var/cache/apk/*` : i % 3 === 1 ? `ENV VAR_${i}=value-${i}` : `COPY src/file${i}.js /app/src/`;
      lines.push(line);
      size += line.length + 1;
    }
    lines.push('CMD npm start');
    const text = `${lines.join('\n')}\n`;
    const cmdLine = text.split('\n').length - 1;
    const dir = writeFiles(tempDir(), { Dockerfile: text });
    const r = await runCli(['--static', '--format', 'json', 'Dockerfile'], { cwd: dir, timeoutMs: 120_000 });
    console.info(`5 MB Dockerfile (${lines.length} instructions): ${(r.ms / 1000).toFixed(1)} s, max RSS ${r.maxRssMb ?? '?'} MB`);
    const report = expectReport(r);
    // The start command at the last line is still analysed: npm as PID 1.
    expect(report.findings.find((f) => f.rule === 'package-manager-as-pid1')?.line).toBe(cmdLine);
    expect(r.ms).toBeLessThan(60_000);
    if (r.maxRssMb !== undefined) expect(r.maxRssMb).toBeLessThan(1_500);
  }, 180_000);

  it('a 5 MB single-line RUN in bounded time and memory', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: `FROM alpine:3.20\nRUN echo ${'x'.repeat(5 * 1024 * 1024)}\nCMD ["sh"]\n` });
    const r = await runCli(['--static', '--format', 'json', 'Dockerfile'], { cwd: dir, timeoutMs: 120_000 });
    console.info(`5 MB single line: ${(r.ms / 1000).toFixed(1)} s, max RSS ${r.maxRssMb ?? '?'} MB`);
    expectReport(r);
    expect(r.ms).toBeLessThan(60_000);
    if (r.maxRssMb !== undefined) expect(r.maxRssMb).toBeLessThan(3_000);
  }, 180_000);

  it('5 MB of `#` without a final newline (a quadratic path of the parser library) is refused at once', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: '#'.repeat(5 * 1024 * 1024) });
    const r = await runCli(['--static', 'Dockerfile'], { cwd: dir, timeoutMs: 60_000 });
    expectCleanError(r, /no FROM instruction/);
    expect(r.ms).toBeLessThan(20_000);
  }, 90_000);

  it('a Dockerfile over the 16 MB limit is refused in one line', async () => {
    const dir = tempDir();
    const fd = fs.openSync(path.join(dir, 'Dockerfile'), 'w');
    fs.writeSync(fd, 'FROM alpine:3.20\n');
    fs.ftruncateSync(fd, 17 * 1024 * 1024);
    fs.closeSync(fd);
    expectCleanError(await runCli(['--static', 'Dockerfile'], { cwd: dir }), /over 16 MB/);
  });

  it('a build context with 100,000 files in bounded time and memory', async () => {
    const dir = tempDir('eg-hostile-100k-');
    for (let d = 0; d < 100; d++) {
      const sub = path.join(dir, 'src', `pkg${d}`);
      fs.mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 1000; f++) fs.writeFileSync(path.join(sub, `f${f}.js`), '');
    }
    writeFiles(dir, {
      Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCOPY src/*/f1*.js /app/lib/\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["node", "src/pkg1/f1.js"]\n',
      '.dockerignore': '**/*.md\n!README.md\nsrc/pkg9*/**\n',
      'entrypoint.sh': '#!/bin/sh\nnode "$@"\n',
    });
    fs.chmodSync(path.join(dir, 'entrypoint.sh'), 0o755);
    const r = await runCli(['--static', '--format', 'json', 'Dockerfile'], { cwd: dir, timeoutMs: 120_000 });
    console.info(`100,000-file context: ${(r.ms / 1000).toFixed(1)} s, max RSS ${r.maxRssMb ?? '?'} MB`);
    const report = expectReport(r);
    // The wrapper reached through `COPY . .` is still found and analysed.
    expect(report.findings.some((f) => f.rule === 'wrapper-missing-exec' && f.file === 'entrypoint.sh')).toBe(true);
    expect(r.ms).toBeLessThan(60_000);
    if (r.maxRssMb !== undefined) expect(r.maxRssMb).toBeLessThan(1_000);
  }, 300_000);
});

describe('hostile input: paths outside the build context', () => {
  it('a Dockerfile that is a symlink to a file outside the context is read (as docker build -f does), its COPY sources resolve inside', async () => {
    const root = tempDir();
    writeFiles(root, { 'outside/Dockerfile': GOOD, 'outside/entrypoint.sh': BAIT_SCRIPT, 'ctx/entrypoint.sh': GOOD_SCRIPT });
    fs.symlinkSync('../outside/Dockerfile', path.join(root, 'ctx', 'Dockerfile'));
    const report = expectReport(await runCli(['--static', '--format', 'json', 'Dockerfile'], { cwd: path.join(root, 'ctx') }));
    // The script that counts is the context's (clean), never the one next to the symlink's target.
    expect(report.findings.filter((f) => f.file !== 'Dockerfile')).toEqual([]);
  });

  it('COPY ../../etc/passwd and COPY ../outside/x stay inside the context (as Docker clamps them); nothing outside is opened', async () => {
    const root = tempDir();
    const { execFileSync } = await import('node:child_process');
    writeFiles(root, {
      'outside/entry.sh': BAIT_SCRIPT,
      'ctx/Dockerfile': 'FROM alpine:3.20\nCOPY ../outside/entry.sh /entrypoint.sh\nCOPY ../../etc/passwd /x\nCOPY ../fifo/f.sh /f.sh\nRUN chmod +x /x /f.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["/x", "/f.sh"]\n',
    });
    // A FIFO outside: opening it for reading would block, so a read turns into a timeout.
    fs.mkdirSync(path.join(root, 'fifo'));
    execFileSync('mkfifo', [path.join(root, 'fifo', 'f.sh')]);
    const r = await runCli(['--static', '--format', 'json', 'Dockerfile'], { cwd: path.join(root, 'ctx'), timeoutMs: 30_000 });
    expect(r.signal, 'the CLI hung on a file outside the context').toBeNull();
    const report = expectReport(r);
    for (const f of report.findings) {
      expect(f.file).toBe('Dockerfile');
      expect(f.message).not.toMatch(/root:x:0:0|\/bin\/bash|node server\.js/);
    }
  });

  it('a wrapper that is a symlink to a script (or a FIFO) outside the context is not read', async () => {
    const root = tempDir();
    const { execFileSync } = await import('node:child_process');
    writeFiles(root, {
      'outside/entry.sh': BAIT_SCRIPT,
      'ctx/Dockerfile': 'FROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\nCOPY hook.sh /hook.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["/hook.sh"]\n',
    });
    execFileSync('mkfifo', [path.join(root, 'outside', 'fifo')]);
    fs.symlinkSync('../outside/entry.sh', path.join(root, 'ctx', 'entrypoint.sh'));
    fs.symlinkSync(path.join(root, 'outside', 'fifo'), path.join(root, 'ctx', 'hook.sh'));
    const r = await runCli(['--static', '--format', 'json', 'Dockerfile'], { cwd: path.join(root, 'ctx'), timeoutMs: 30_000 });
    expect(r.signal, 'the CLI hung on a FIFO outside the context').toBeNull();
    const report = expectReport(r);
    for (const f of report.findings) {
      expect(f.file).toBe('Dockerfile');
      expect(['crlf-line-endings', 'wrapper-missing-exec', 'missing-interpreter']).not.toContain(f.rule);
    }
  });
});

describe('hostile input: names that look like commands', () => {
  it('a wrapper path and a context folder with spaces, quotes, $() and backticks: analysed (and built and run when an engine is here), never executed', async () => {
    const marker = `/tmp/eg-pwned-${process.pid}-${Date.now().toString(36)}`;
    const evil = `we ird 'q' "dq" $(touch ${marker}-dollar) \`touch ${marker}-tick\`;touch ${marker}-semi`;
    const root = tempDir();
    const ctx = path.join(root, `ctx ${evil.replace(/\//g, '_')}`);
    writeFiles(ctx, {
      [`${evil.replace(/\//g, '_')}.sh`]: '#!/bin/sh\nnode server.js\n',
      Dockerfile: `FROM alpine:3.20\nCOPY --chmod=755 ${JSON.stringify([`${evil.replace(/\//g, '_')}.sh`, '/entrypoint.sh'])}\nENTRYPOINT ["/entrypoint.sh"]\n`,
    });
    const r = await runCli(['--static', '--format', 'json', path.join(ctx, 'Dockerfile')], { cwd: root });
    const report = expectReport(r);
    const wrapperFindings = report.findings.filter((f) => f.file.endsWith('.sh'));
    expect(wrapperFindings.map((f) => f.rule)).toContain('wrapper-missing-exec');
    expect(wrapperFindings[0]!.file).toContain('$(touch');
    // Text output quotes the same names.
    const text = await runCli(['--static', path.join(ctx, 'Dockerfile')], { cwd: root });
    expect(text.code).toBe(1);
    if (engineAvailable) {
      // The runtime hands the same context folder and Dockerfile path to docker buildx, and the
      // wrapper to the smoke checks and the probe.
      // Docker removes quotes from COPY sources (JSON form too) unless they are backslash-escaped.
      const source = `${evil.replace(/\//g, '_')}.sh`.replace(/['"]/g, '\\$&');
      fs.writeFileSync(path.join(ctx, 'Dockerfile'), `FROM ${BASE_IMAGE}\nCOPY --chmod=755 ${JSON.stringify([source, '/entrypoint.sh'])}\nENTRYPOINT ["/entrypoint.sh"]\n`);
      const runtime = await runCli(['--platforms', 'linux/amd64', '--startup-wait', '1', '--grace-period', '1', '--format', 'json', path.join(ctx, 'Dockerfile')], { cwd: root, timeoutMs: 180_000 });
      const rt = expectReport(runtime);
      expect(rt.platforms, runtime.stderr).toHaveLength(1);
      expect(rt.findings.map((f) => f.rule)).not.toContain('build-failed');
      expect((rt.platforms[0] as { build: { ok: boolean } }).build.ok).toBe(true);
      // The script runs `node`, which busybox lacks: the container really started and failed.
      expect(rt.findings.map((f) => f.rule)).toContain('exited-on-start');
    }
    for (const suffix of ['-dollar', '-tick', '-semi']) expect(fs.existsSync(marker + suffix), `${marker}${suffix} was created`).toBe(false);
  }, 240_000);

  it('build args, target, ignore ids and output names with shell syntax are data, not commands', async () => {
    const marker = `/tmp/eg-pwned-${process.pid}-args-${Date.now().toString(36)}`;
    const dir = writeFiles(tempDir(), { Dockerfile: GOOD, 'entrypoint.sh': GOOD_SCRIPT });
    const r = await runCli(
      ['--static', '--format', 'json', '--build-arg', `A=$(touch ${marker})`, '--build-arg', `B=\`touch ${marker}\`;touch ${marker}`, '--probe-env', `X=$(touch ${marker})`, 'Dockerfile'],
      { cwd: dir, env: cliEnv() },
    );
    expectReport(r);
    expectCleanError(await runCli(['--static', '--target', `$(touch ${marker})`, 'Dockerfile'], { cwd: dir }), /build target/);
    // An ignore id is checked against the rule ids: refused in one line, never run.
    expectCleanError(await runCli(['--static', '--ignore', `$(touch ${marker})`, 'Dockerfile'], { cwd: dir }), /names no rule/);
    // The name holds a `/`: its folder must exist (--output never creates folders).
    const target = path.join(dir, `report $(touch ${marker}).json`);
    expectCleanError(await runCli(['--static', '--output', `report $(touch ${marker}).json`, 'Dockerfile'], { cwd: dir }), /the folder .* does not exist/);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const out = await runCli(['--static', '--output', `report $(touch ${marker}).json`, 'Dockerfile'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(fs.existsSync(path.join(dir, `report $(touch ${marker}).json`))).toBe(true);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('hostile input: bounded work', () => {
  it('--diff - stops reading an endless standard input at 64 MB with one line', async () => {
    const dir = writeFiles(tempDir(), { Dockerfile: GOOD, 'entrypoint.sh': GOOD_SCRIPT });
    const { spawn } = await import('node:child_process');
    const { CLI } = await import('./run.js');
    // `yes` never ends: only a bound on the read ends the run.
    const child = spawn('sh', ['-c', `yes '+x' | "${process.execPath}" "${CLI}" --static --filter-mode added --diff - Dockerfile`], { cwd: dir, env: cliEnv() });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => {
      const t = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (c) => (clearTimeout(t), resolve(c)));
    });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(['entrypoint-guard: --diff - (standard input) is larger than 64 MB; not read further']);
  }, 70_000);

  it('a chain of ARG/ENV references that doubles at each step is one line, within 5 s and 200 MB', async () => {
    const lines = ['FROM alpine:3.20', 'ARG A0=abcdefghijklmnop'];
    for (let i = 1; i < 14; i++) lines.push(`ARG A${i}=${`$A${i - 1}`.repeat(8)}`);
    lines.push('ENV E0=$A13', 'CMD ["sh"]');
    const dir = writeFiles(tempDir(), { Dockerfile: `${lines.join('\n')}\n` });
    const r = await runCli(['--static', 'Dockerfile'], { cwd: dir });
    expectCleanError(r, /ARG\/ENV references expand past 64 KB/);
    expect(r.ms).toBeLessThan(5_000);
    if (r.maxRssMb !== undefined) expect(r.maxRssMb).toBeLessThan(200);
    console.info(`ARG chain: ${Math.round(r.ms)} ms, ${r.maxRssMb ?? '?'} MB peak`);
  });
});

describe('hostile input: config files and shard reports', () => {
  it('a YAML alias bomb and an undefined alias in the config file are one line naming the file', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const prev = String.fromCharCode('a'.charCodeAt(0) + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const dir = writeFiles(tempDir(), { Dockerfile: GOOD, 'entrypoint.sh': GOOD_SCRIPT, 'bomb.yml': `${levels.join('\n')}\n`, 'undef.yml': 'ignore: *nope\n' });
    const bomb = await runCli(['--static', '--config', 'bomb.yml', 'Dockerfile'], { cwd: dir });
    expectCleanError(bomb, /bomb\.yml is not valid YAML: its aliases expand too far/);
    if (bomb.maxRssMb !== undefined) expect(bomb.maxRssMb).toBeLessThan(300);
    expectCleanError(await runCli(['--static', '--config', 'undef.yml', 'Dockerfile'], { cwd: dir }), /undef\.yml is not valid YAML: it uses an alias that no anchor defines \(\*nope\)/);
  });

  it('merge refuses a shard report whose findings do not have the report shape, naming the field', async () => {
    const { VERSION } = await import('../../src/version.js');
    const shard = (findings: unknown[]) => JSON.stringify({ version: 1, tool: { name: 'entrypoint-guard', version: VERSION }, dockerfile: 'Dockerfile', findings, platforms: [] });
    const good = { rule: 'shell-form-cmd', severity: 'error', message: 'm', fix: 'f', file: 'Dockerfile', line: 2, endLine: 2, column: 1 };
    const dir = writeFiles(tempDir(), {
      'a.json': shard([good, { ...good, line: 'two' }]),
      'b.json': shard([{ ...good, severity: 'fatal' }]),
      'c.json': shard([null]),
      'd.json': shard([{ ...good, platforms: 'linux/amd64' }]),
      'ok.json': shard([good]),
    });
    expectCleanError(await runCli(['merge', 'a.json'], { cwd: dir }), /shard report a\.json: findings\[1\]\.line is not a whole number/);
    expectCleanError(await runCli(['merge', 'b.json'], { cwd: dir }), /findings\[0\]\.severity is not error, warning or info/);
    expectCleanError(await runCli(['merge', 'c.json'], { cwd: dir }), /findings\[0\] is not a finding object/);
    expectCleanError(await runCli(['merge', 'd.json'], { cwd: dir }), /findings\[0\]\.platforms is not a list/);
    const ok = await runCli(['merge', '--format', 'json', 'ok.json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(1);
  });
});
