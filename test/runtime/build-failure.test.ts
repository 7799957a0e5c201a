// BuildKit's plain progress after a failed build -> the failing Dockerfile line and the
// quoted error; which platforms this machine can run; the merge of per-platform hits.
import { describe, expect, it } from 'vitest';
import { imageTag, isMissingEmulator, matchStep, parseBuildFailure, stripErrorPrefixes } from '../../src/runtime/build.js';
import { confirmable, mergeHits, platformSupport } from '../../src/runtime/index.js';
import { withRuleMeta } from '../../src/runtime-findings.js';
import { dedent, lintResult } from '../helpers.js';

const DOCKERFILE = dedent(`
  FROM 127.0.0.1:5000/eg-busybox:latest AS build
  RUN echo hello
  # only x86_64 builds exist
  RUN echo "building on $(uname -m)" && \\
      [ "$(uname -m)" != aarch64 ]

  FROM build
  COPY --chmod=755 server.sh /app/server.sh
  CMD ["/app/server.sh"]
`);
const model = () => lintResult(DOCKERFILE, { 'server.sh': '#!/bin/sh\nexec sleep 100\n' }).model;

// Captured from Debian's docker.io 20.10 (BuildKit v0.8) with buildx 0.13, linux/arm64.
const BUILDKIT_08 = `#0 building with "default" instance using docker driver

#4 [build 1/3] FROM 127.0.0.1:5000/eg-busybox:latest@sha256:6a50
#4 CACHED

#5 [build 2/3] RUN echo hello
#5 0.391 hello
#5 DONE 0.4s

#6 [build 3/3] RUN echo "building on $(uname -m)" &&     [ "$(uname -m)" != aarch64 ]
#6 0.254 building on aarch64
#6 ERROR: executor failed running [/bin/sh -c echo "building on $(uname -m)" &&     [ "$(uname -m)" != aarch64 ]]: exit code: 1
------
 > [build 3/3] RUN echo "building on $(uname -m)" &&     [ "$(uname -m)" != aarch64 ]:
0.254 building on aarch64
------
ERROR: failed to solve: executor failed running [/bin/sh -c echo "building on $(uname -m)" &&     [ "$(uname -m)" != aarch64 ]]: exit code: 1
`;

// The form of current BuildKit (Docker 23+ / docker-container driver): an excerpt with a >>> marker.
const BUILDKIT_MODERN = `#7 [build 3/3] RUN echo "building on $(uname -m)" &&     [ "$(uname -m)" != aarch64 ]
#7 0.112 building on aarch64
#7 ERROR: process "/bin/sh -c echo \\"building on $(uname -m)\\" &&     [ \\"$(uname -m)\\" != aarch64 ]" did not complete successfully: exit code: 1
------
 > [build 3/3] RUN echo "building on $(uname -m)" &&     [ "$(uname -m)" != aarch64 ]:
0.112 building on aarch64
------
Dockerfile:4
--------------------
   3 |     # only x86_64 builds exist
   4 | >>> RUN echo "building on $(uname -m)" && \\
   5 | >>>     [ "$(uname -m)" != aarch64 ]
   6 |
--------------------
ERROR: failed to solve: process "/bin/sh -c echo \\"building on $(uname -m)\\" &&     [ \\"$(uname -m)\\" != aarch64 ]" did not complete successfully: exit code: 1
`;

describe('parseBuildFailure', () => {
  it('finds the failing RUN of BuildKit 0.8 by its step text within its stage and quotes its output', () => {
    const f = parseBuildFailure(BUILDKIT_08, model());
    expect(f.range).toMatchObject({ line: 4, endLine: 5 });
    expect(f.errorLines[0]).toBe('building on aarch64');
    expect(f.errorLines.at(-1)).toMatch(/^executor failed running .*exit code: 1$/);
  });

  it('uses the >>> excerpt of current BuildKit', () => {
    const f = parseBuildFailure(BUILDKIT_MODERN, model());
    expect(f.range).toMatchObject({ line: 4, endLine: 5 });
    expect(f.errorLines).toContain('building on aarch64');
    expect(f.error).toMatch(/^process "\/bin\/sh -c .*did not complete successfully: exit code: 1$/);
  });

  it('maps a COPY of a missing file in an unnamed final stage (`stage-1`)', () => {
    const log = '#6 [stage-1 1/1] COPY --chmod=755 server.sh /app/server.sh\n#6 ERROR: "/server.sh" not found: not found\n------\nERROR: failed to solve: failed to compute cache key: "/server.sh" not found: not found\n';
    const m = lintResult('FROM 127.0.0.1:5000/eg-busybox:latest AS build\nRUN true\nFROM build\nCOPY --chmod=755 server.sh /app/server.sh\n').model;
    const f = parseBuildFailure(log, m);
    expect(f.range?.line).toBe(4);
    expect(f.errorLines.at(-1)).toBe('failed to compute cache key: "/server.sh" not found: not found');
  });

  it('points a frontend parse error (an older BuildKit rejecting a flag) at its line', () => {
    const m = lintResult('FROM 127.0.0.1:5000/eg-busybox:latest\nCOPY --chmod=755 run.sh /run.sh\nCMD ["/run.sh"]\n').model;
    const f = parseBuildFailure('ERROR: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 2: Unknown flag: chmod\n', m);
    expect(f.range?.line).toBe(2);
    expect(f.error).toBe('dockerfile parse error line 2: Unknown flag: chmod');
  });

  it('does not guess a line when the step cannot be matched', () => {
    expect(matchStep('[build 9/9] RUN something else entirely', model())).toBeUndefined();
    expect(stripErrorPrefixes('ERROR: failed to solve: boom')).toBe('boom');
  });
});

describe('platforms', () => {
  it('native, listed by the builder, or registered in binfmt_misc is available; nothing else is', () => {
    expect(platformSupport('linux/amd64', 'linux/amd64', [], new Map())).toMatchObject({ available: true, emulated: false });
    expect(platformSupport('linux/arm64', 'linux/amd64', ['linux/amd64', 'linux/arm64'], new Map())).toMatchObject({ available: true, emulated: true });
    expect(platformSupport('linux/arm64', 'linux/amd64', ['linux/amd64'], new Map([['qemu-aarch64', true]]))).toMatchObject({ available: true });
    const none = platformSupport('linux/arm64', 'linux/amd64', ['linux/amd64', 'linux/386'], new Map([['qemu-aarch64', false]]));
    expect(none.available).toBe(false);
    expect(none.reason).toContain('qemu-aarch64');
    expect(platformSupport('linux/arm/v7', 'linux/amd64', ['linux/arm/v7'], undefined).available).toBe(true);
  });

  it('exec format errors mean a missing emulator, not a broken image', () => {
    expect(isMissingEmulator('#5 0.101 exec /bin/sh: exec format error')).toBe(true);
    expect(isMissingEmulator('executor failed running [/bin/sh -c make]: exit code: 2')).toBe(false);
  });

  it('tags are per run and platform, lower-case and valid', () => {
    expect(imageTag('eg-ABC_1', 'linux/arm/v7', 'f00')).toBe('entrypoint-guard/eg-abc_1-f00:linux-arm-v7');
  });
});

describe('merging platforms', () => {
  it('one finding per rule and line listing every platform, per-platform details spelled out', () => {
    const m = model();
    const hit = { rule: 'slow-shutdown', message: 'On {platforms} it took {detail}.', fix: 'Drain faster.' };
    const findings = withRuleMeta(mergeHits(
      [
        { ...hit, detail: '6.1 s', platform: 'linux/arm64' },
        { ...hit, detail: '5.6 s', platform: 'linux/amd64' },
        { rule: 'build-failed', message: 'The build for {platforms} fails.', fix: 'Fix it{archHint}.', platform: 'linux/arm64', range: { line: 4, column: 1, endLine: 5, endColumn: 33 } },
      ],
      m,
      ['linux/amd64', 'linux/arm64'],
    ));
    const slow = findings.find((f) => f.rule === 'slow-shutdown')!;
    expect(slow).toMatchObject({ severity: 'warning', line: 9, file: 'Dockerfile', platforms: ['linux/amd64', 'linux/arm64'] });
    expect(slow.message).toBe('On linux/amd64 and linux/arm64 it took 5.6 s on linux/amd64 and 6.1 s on linux/arm64.');
    const build = findings.find((f) => f.rule === 'build-failed')!;
    expect(build).toMatchObject({ severity: 'error', line: 4, endLine: 5, platforms: ['linux/arm64'] });
    expect(build.fix).toContain('TARGETARCH');
  });

  it('a shell-form start command is what a shell as PID 1 confirms', () => {
    const shellCmd = lintResult('FROM 127.0.0.1:5000/eg-busybox:latest\nCMD /app/server | tee /tmp/log\n').model;
    expect(confirmable(shellCmd, []).shellPid1).toContain('shell-form-cmd');
    const npm = lintResult('FROM 127.0.0.1:5000/eg-busybox:latest\nCMD ["npm", "start"]\n').model;
    expect(confirmable(npm, []).packageManager).toEqual(['package-manager-as-pid1']);
    const exec = lintResult('FROM 127.0.0.1:5000/eg-busybox:latest\nCMD ["/app/server"]\n').model;
    expect(confirmable(exec, [])).toEqual({ shellPid1: [], packageManager: [] });
  });
});
