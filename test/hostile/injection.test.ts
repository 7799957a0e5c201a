// No user-controlled string can inject a command or a workflow command:
// - annotations escape `%`, CR and LF in messages, and also `:` and `,` in properties, so a
//   finding that quotes `\n::error::pwned` or `%0A::set-output` stays one annotation (module and
//   bundled Action);
// - build args and probe env reach docker and the container byte for byte (a real build and
//   run compare them), and never run on the host;
// - image paths with quotes, backticks and `;` reach the container as argv entries, never
//   spliced into a shell string (a docker shim on PATH records every docker argv).
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { emitAnnotations } from '../../src/github/annotations.js';
import { makeWorkspace, parseAnnotations, runAction } from '../github/run-action.js';
import { BASE_IMAGE, engineAvailable, skipReason } from '../runtime/engine.js';
import { expectReport, runCli, tempDir, writeFiles } from './run.js';

const HOSTILE = 'node app %0A::error::pwned %25 %0D\n::set-output name=result::pass\r\n::error file=x::forged, a:b';

/** The workflow commands a run may legitimately print. */
const LEGIT_COMMAND = /^::(error|warning|notice|debug|group|endgroup|add-mask)( [^:]*)?::/;

function captureStdout(fn: () => void): string {
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

function expectOnlyLegitCommands(stdout: string): void {
  for (const line of stdout.split(/\r?\n/)) {
    if (!line.startsWith('::')) continue;
    expect(line, 'every workflow command is one the tool meant to issue').toMatch(LEGIT_COMMAND);
    expect(line).not.toMatch(/^::(error|warning|notice)::pwned|^::set-output|^::error file=x::forged/);
  }
}

describe('injection: workflow commands in annotations', () => {
  it('escapes %, CR and LF in messages and also : and , in properties (the annotations module over @actions/core)', () => {
    const finding: Finding = {
      rule: 'wrapper-missing-exec',
      severity: 'error',
      message: `\`${HOSTILE}\` runs as a child of the shell.`,
      fix: 'Use exec %0A::set-output name=x::y.',
      file: 'docker/we,ird:na%0Ame\n::error::pwned.sh',
      line: 3,
      endLine: 3,
      column: 1,
    };
    const out = captureStdout(() => emitAnnotations([finding, { ...finding, severity: 'warning', rule: 'wrapper-no-errexit' }], { elsewhere: [] }, core));
    const lines = out.split(/\r?\n/).filter(Boolean);
    expect(lines, out).toHaveLength(2);
    expectOnlyLegitCommands(out);
    const [error] = lines;
    expect(error).toMatch(/^::error /);
    // Data: % first, then CR/LF.
    expect(error).toContain('node app %250A::error::pwned %2525 %250D%0A::set-output name=result::pass%0D%0A::error file=x::forged, a:b');
    // Properties: the file name's `,` `:` `%` and newline.
    expect(error).toContain('file=docker/we%2Cird%3Ana%250Ame%0A%3A%3Aerror%3A%3Apwned.sh');
    // And it decodes back to exactly what the finding said.
    const [decoded] = parseAnnotations(out);
    expect(decoded!.properties.file).toBe(finding.file);
    expect(decoded!.message).toContain(HOSTILE);
  });

  it('the bundled Action turns a script line and a file name with workflow-command text into single, escaped annotations', async () => {
    const evilName = 'we,ird:%0A::set-output name=result::pass.sh';
    const ws = makeWorkspace({
      Dockerfile: `FROM alpine:3.20\nCOPY --chmod=755 ${JSON.stringify([evilName, '/entrypoint.sh'])}\nENTRYPOINT ["/entrypoint.sh"]\n`,
      [evilName]: `#!/bin/sh\nset -e\n${HOSTILE.replace(/[\r\n]/g, ' ')}\n`,
    });
    const run = await runAction({ workspace: ws, inputs: { static: 'true', 'fail-on': 'never' } });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expectOnlyLegitCommands(run.stdout);
    const mine = run.annotations.filter((a) => a.properties.file === evilName);
    expect(mine.length, run.stdout).toBeGreaterThan(0);
    const missingExec = mine.find((a) => a.properties.title?.startsWith('wrapper-missing-exec'));
    expect(missingExec?.message).toContain('%0A::error::pwned %25 %0D');
    // Outputs come from the file command, not from anything a finding printed.
    expect(run.outputs.result).toBe('pass');
  }, 120_000);
});

describe.skipIf(!engineAvailable)(`injection: build args, probe env and image paths on a real engine${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  it('build args and probe env reach the build and the container byte for byte and never run on the host', async () => {
    const tag = `${process.pid}-${Date.now().toString(36)}`;
    const marker = `/tmp/eg-pwned-${tag}`;
    const canary = tempDir(`eg-canary-${tag}-`);
    const evil = `$(touch ${marker}-dollar) \`touch ${marker}-tick\`;touch ${marker}-semi;rm -rf ${canary} && "dq" %0A::error::pwned $HOME`;
    const check = (name: string) => `test "$${name}" = '${evil}' || { echo "MISMATCH ${name}: [$${name}]"; exit 3; }`;
    const dir = writeFiles(tempDir(), {
      Dockerfile: [
        `FROM ${BASE_IMAGE}`,
        'ARG EVIL',
        `RUN ${check('EVIL')}`,
        `CMD ${JSON.stringify(['sh', '-c', `${check('PROBE_EVIL')}; trap 'exit 0' TERM; while :; do sleep 0.2; done`])}`,
        '',
      ].join('\n'),
    });
    const r = await runCli(
      ['--platforms', 'linux/amd64', '--startup-wait', '1', '--grace-period', '2', '--format', 'json', '--build-arg', `EVIL=${evil}`, '--probe-env', `PROBE_EVIL=${evil}`, 'Dockerfile'],
      { cwd: dir, timeoutMs: 180_000 },
    );
    const report = expectReport(r);
    const rules = report.findings.map((f) => f.rule);
    // A mangled value fails the build (build-failed) or the start (exited-on-start).
    expect(rules, r.stdout).not.toContain('build-failed');
    expect(rules, r.stdout).not.toContain('exited-on-start');
    expect(report.platforms).toHaveLength(1);
    expect((report.platforms[0] as { shutdown?: { killed: boolean } }).shutdown?.killed).toBe(false);
    for (const suffix of ['-dollar', '-tick', '-semi']) expect(fs.existsSync(marker + suffix), `${marker}${suffix} exists`).toBe(false);
    expect(fs.existsSync(canary), 'the canary folder survived').toBe(true);
  }, 240_000);

  it('image paths with spaces, quotes, $(), backticks and ; go to containers as argv entries, never spliced into a shell string', async () => {
    const tag = `${process.pid}-${Date.now().toString(36)}`;
    const marker = `/tmp/eg-pwned-${tag}`;
    const imagePath = `/opt/we ird 'sq' "dq" $(touch ${marker}-dollar) \`touch ${marker}\`;touch ${marker}-semi/run.sh`;
    const dir = writeFiles(tempDir(), {
      'run.sh': "#!/bin/sh\nset -e\ntrap 'exit 0' TERM\nwhile :; do sleep 0.2; done\n",
      // COPY's destination goes through Docker's word processing (quotes are removed unless
      // backslash-escaped); ENTRYPOINT's exec form is taken as written.
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY --chmod=755 ${JSON.stringify(['run.sh', imagePath.replace(/['"]/g, '\\$&')])}\nENTRYPOINT ${JSON.stringify([imagePath])}\n`,
    });
    // A docker shim first on PATH: records every argv (NUL-separated, one record per call), then runs docker.
    const shimDir = tempDir('eg-shim-');
    const log = path.join(shimDir, 'argv.log');
    const realDocker = ['/usr/bin/docker', '/usr/local/bin/docker'].find((p) => fs.existsSync(p)) ?? 'docker';
    fs.writeFileSync(path.join(shimDir, 'docker'), `#!/bin/sh\nprintf '%s\\0' "$@" >> '${log}'\nprintf '\\n\\0' >> '${log}'\nexec ${realDocker} "$@"\n`, { mode: 0o755 });
    // Execs over the Engine API never pass the shim: the tool's own call log has their argv.
    const apiLog = path.join(shimDir, 'calls.jsonl');
    const r = await runCli(['--platforms', 'linux/amd64', '--startup-wait', '1', '--grace-period', '2', '--format', 'json', 'Dockerfile'], {
      cwd: dir,
      env: { PATH: `${shimDir}:${process.env.PATH ?? '/usr/bin:/bin'}`, ENTRYPOINT_GUARD_DOCKER_LOG: apiLog },
      timeoutMs: 180_000,
    });
    const report = expectReport(r);
    const apiExecs = (fs.existsSync(apiLog) ? fs.readFileSync(apiLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]) : [])
      .filter((c) => c[0] === 'api' && /^\/containers\/[^/]+\/exec$/.test(c[2] ?? ''))
      .map((c) => ['exec', c[2]!, ...c.slice(3)]);
    const calls = fs
      .readFileSync(log, 'utf8')
      .split('\n\0')
      .map((rec) => rec.split('\0').filter((a, i, all) => i < all.length - 1 || a !== ''))
      .filter((argv) => argv.length > 0)
      .concat(apiExecs);
    expect(calls.some((argv) => argv[0] === 'run'), 'the runtime ran containers').toBe(true);
    const uses = calls.flatMap((argv) => argv.filter((a) => a.includes('touch ')).map((a) => ({ argv, a })));
    expect(uses.length, 'the image path reached docker').toBeGreaterThan(0);
    console.info(`docker argv entries naming the image path:\n${uses.map(({ argv, a }) => `  docker ${argv[0]} … ${JSON.stringify(a)}`).join('\n')}`);
    for (const { argv, a } of uses) {
      // Only the whole path (a positional parameter of `sh -c '…"$1"…' sh <path>`), or
      // `docker cp <container>:<path>`: never text inside a shell script.
      expect(a === imagePath || a === `${a.split(':')[0]}:${imagePath}`, `docker ${argv[0]}: unexpected argv entry ${JSON.stringify(a)}`).toBe(true);
      const script = argv[argv.indexOf('-c') + 1];
      if (argv.includes('-c')) expect(script, `spliced into a shell script: ${JSON.stringify(argv)}`).not.toContain('touch ');
    }
    // The debug-path check ran and got the path as a positional parameter.
    // (An exec in the probe's container, through the CLI or the Engine API, or a `docker run` of its own when that one is not up.)
    expect(uses.some(({ argv, a }) => (argv[0] === 'run' || argv[0] === 'exec') && argv.includes('-c') && a === imagePath)).toBe(true);
    // The image is correct: no runtime finding about the start executable.
    expect(report.findings.map((f) => f.rule)).not.toContain('entrypoint-not-found');
    expect(report.findings.map((f) => f.rule)).not.toContain('entrypoint-not-executable');
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(`${marker}-semi`)).toBe(false);
    expect(fs.existsSync(`${marker}-dollar`)).toBe(false);
  }, 240_000);
});
