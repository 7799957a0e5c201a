import { describe, expect, it } from 'vitest';
import { applyFix, capLevel, findShellcheck, ownRuleFor, runShellcheck, SHELLCHECK_ABSENT_NOTE, shellcheckShell } from '../../../src/rules/wrapper/shellcheck.js';
import { dedent, lint, lintResult } from '../../helpers.js';
import { REDIS_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, lintEntrypoint } from './entry.js';

// CI installs ShellCheck (.ci/run); the passthrough tests need it.
const tool = findShellcheck();
const withShellcheck = it.skipIf(!tool);

const sc = (findings: ReturnType<typeof lint>) => findings.filter((f) => f.rule.startsWith('shellcheck/'));

describe('shellcheck passthrough', () => {
  withShellcheck('maps ShellCheck comments to findings on the script’s lines, with its fix as a corrected line', () => {
    const f = sc(lintEntrypoint('debian:bookworm-slim', '#!/bin/sh\nset -e\ncp $CONFIG_SRC /etc/app.conf\nexec "$@"\n'));
    const sc2086 = f.find((x) => x.rule === 'shellcheck/SC2086');
    expect(sc2086).toMatchObject({ severity: 'info', file: ENTRY_FILE, line: 3, column: 4 });
    expect(sc2086!.message).toContain('Double quote');
    expect(sc2086!.fix).toBe('Change the line to `cp "$CONFIG_SRC" /etc/app.conf`.');
  });

  withShellcheck('caps ShellCheck errors at warning', () => {
    // SC2168: 'local' outside a function is an error for ShellCheck.
    const f = sc(lintEntrypoint('debian:bookworm-slim', '#!/bin/sh\nset -e\nlocal port=8000\nexec "$@" --port "$port"\n'));
    expect(f.find((x) => x.rule === 'shellcheck/SC2168')).toMatchObject({ severity: 'warning', line: 3 });
  });

  withShellcheck('keeps our rule where both say the same thing on a line (SC2068, SC3010)', () => {
    const f = lintEntrypoint('debian:bookworm-slim', '#!/bin/sh\nset -e\nif [[ -n "$DEBUG" ]]; then set -x; fi\nexec $@\n');
    expect(f.filter((x) => x.line === 3).map((x) => x.rule)).toEqual(['wrapper-bashism']);
    expect(f.filter((x) => x.line === 4).map((x) => x.rule)).toEqual(['wrapper-unquoted-args']);
  });

  withShellcheck('checks sh on Alpine without flagging local or pipefail, and sh on Debian as dash', () => {
    const script = '#!/bin/sh\nset -eo pipefail\nlog() { local msg="$1"; echo "$msg"; }\nlog start\nexec "$@"\n';
    expect(sc(lintEntrypoint('node:20-alpine', script))).toEqual([]);
    const debian = lintEntrypoint('node:20-bookworm', '#!/bin/sh\nset -e\nsource /app/env\nexec "$@"\n');
    expect(debian.filter((x) => x.line === 3).map((x) => x.rule)).toEqual(['wrapper-bashism']);
  });

  withShellcheck('keeps portability warnings for features BusyBox ash has as info on Alpine (2FAuth entrypoint), warning on Debian', () => {
    // Trimmed from Bubka/2FAuth docker/entrypoint.sh (FROM alpine): string indexing runs in BusyBox ash.
    const script = '#!/bin/sh\nset -e\ndbpath=${DB_DATABASE:1:${#DB_DATABASE}-2}\necho "$dbpath"\nexec "$@"\n';
    const alpine = sc(lintEntrypoint('alpine:3.20', script)).filter((x) => x.rule === 'shellcheck/SC3057');
    if (tool!.busybox) expect(alpine).toEqual([]);
    else expect(alpine.map((x) => x.severity)).toEqual(['info']);
    const debian = sc(lintEntrypoint('debian:bookworm-slim', script)).filter((x) => x.rule === 'shellcheck/SC3057');
    expect(debian.map((x) => x.severity)).toEqual(['warning']);
  });

  withShellcheck('points into the Dockerfile for COPY heredoc wrappers', () => {
    const f = sc(lint(dedent(`
      FROM python:3.12-slim
      COPY --chmod=755 <<'EOF' /start.sh
      #!/bin/sh
      set -e
      cd $APP_DIR
      exec "$@"
      EOF
      ENTRYPOINT ["/start.sh"]
      CMD ["gunicorn", "app:app"]
    `)));
    expect(f.map((x) => [x.rule, x.file, x.line])).toContainEqual(['shellcheck/SC2086', 'Dockerfile', 5]);
  });

  withShellcheck('shows [ a -a b ] and unused variables as info on official-image-style scripts', () => {
    const f = sc(lintEntrypoint('redis:7', REDIS_STYLE));
    expect(f.map((x) => [x.rule, x.severity])).toContainEqual(['shellcheck/SC2166', 'info']);
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('says once that ShellCheck is absent and reports nothing from it', () => {
    const r = lintResult('FROM alpine:3.20\nCOPY e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n', { 'e.sh': { content: '#!/bin/sh\ncp $A $B\nexec "$@"\n', mode: 0o755 } });
    const absent = runShellcheck(r.model, { binary: 'shellcheck-not-installed-here' });
    expect(absent).toEqual({ findings: [], note: SHELLCHECK_ABSENT_NOTE });
  });

  it('says nothing when there is no shell wrapper to check', () => {
    const r = lintResult('FROM node:20-alpine\nCMD ["node", "server.js"]\n');
    expect(runShellcheck(r.model, { binary: 'shellcheck-not-installed-here' })).toEqual({ findings: [] });
  });
});

describe('shellcheck helpers', () => {
  it('caps levels and keeps advisory codes at info', () => {
    expect([capLevel('error', 2168), capLevel('warning', 2155), capLevel('info', 2086), capLevel('style', 2006), capLevel('warning', 2034), capLevel('warning', 2166)]).toEqual([
      'warning', 'warning', 'info', 'info', 'info', 'info',
    ]);
  });

  it('maps the codes our rules cover', () => {
    expect([2068, 2048, 3010, 3046, 2113, 1017, 2086].map(ownRuleFor)).toEqual([
      'wrapper-unquoted-args', 'wrapper-unquoted-args', 'wrapper-bashism', 'wrapper-bashism', 'wrapper-bashism', 'crlf-line-endings', undefined,
    ]);
  });

  it('applies single-line replacements right to left and refuses multi-line ones', () => {
    const reps = [
      { line: 1, endLine: 1, column: 4, endColumn: 4, replacement: '"' },
      { line: 1, endLine: 1, column: 15, endColumn: 15, replacement: '"' },
    ];
    expect(applyFix('cp $CONFIG_SRC /etc/x', 1, reps)).toBe('cp "$CONFIG_SRC" /etc/x');
    expect(applyFix('a', 1, [{ line: 1, endLine: 2, column: 1, endColumn: 1, replacement: 'x' }])).toBeUndefined();
  });

  it('picks ShellCheck’s dialect from ours', () => {
    const old = { binary: 'shellcheck', version: '0.9.0', busybox: false };
    const recent = { ...old, version: '0.10.0', busybox: true };
    expect([shellcheckShell('dash', old), shellcheckShell('busybox', old), shellcheckShell('busybox', recent), shellcheckShell('bash', old), shellcheckShell('posix', old), shellcheckShell('zsh', old)]).toEqual([
      'dash', 'dash', 'busybox', 'bash', 'dash', undefined,
    ]);
  });
});
