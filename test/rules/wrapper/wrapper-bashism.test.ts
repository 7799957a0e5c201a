import { describe, expect, it } from 'vitest';
import { dedent, lint } from '../../helpers.js';
import { BASH_UNDER_SH, NGINX_STYLE, NODE_STYLE, POSTGRES_STYLE, REDIS_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, lintEntrypoint, ruleHits } from './entry.js';

const ID = 'wrapper-bashism';

describe(ID, () => {
  it('fires on [[ under #!/bin/sh on a Debian image, naming dash', () => {
    const h = ruleHits(ID, 'python:3.12-slim', BASH_UNDER_SH);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'warning', file: ENTRY_FILE, line: 4, column: 4 });
    expect(h[0]!.message).toContain('dash');
    expect(h[0]!.message).toContain('[[: not found');
    expect(h[0]!.fix).toContain('#!/bin/bash');
  });

  it('finds each bash-only construct on its own line', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      source /app/env.sh
      function log { echo "$1"; }
      opts=(--bind 0.0.0.0:8000)
      echo "\${opts[0]}"
      if [ "$APP_ENV" == production ]; then echo prod; fi
      grep -q x <<< "$CONFIG"
      printf $'%s\\n' "$1"
      cat /etc/hosts &> /dev/null
      diff <(env) /etc/environment || true
      (( retries++ ))
      exec "$@"
    `);
    const h = ruleHits(ID, 'debian:bookworm-slim', script);
    expect(h.map((f) => [f.line, f.message.slice(0, f.message.indexOf('`', 1) + 1)])).toEqual([
      [3, '`source`'],
      [4, '`function name`'],
      [5, '`arrays`'],
      [6, '`array references`'],
      [7, '`== in [ ]`'],
      [8, '`<<<`'],
      [9, "`$'…'`"],
      [10, '`&>`'],
      [11, '`<( … )`'],
      [12, '`(( … ))`'],
    ]);
  });

  it('flags pipefail on Debian/Ubuntu only (BusyBox ash has it)', () => {
    const script = '#!/bin/sh\nset -eo pipefail\nexec "$@"\n';
    expect(ruleHits(ID, 'ubuntu:24.04', script).map((f) => f.line)).toEqual([2]);
    expect(ruleHits(ID, 'ubuntu:24.04', script)[0]!.message).toContain('Illegal option -o pipefail');
    expect(ruleHits(ID, 'node:20-alpine', script)).toEqual([]);
    expect(ruleHits(ID, 'busybox:1.36', script)).toEqual([]);
  });

  it('on Alpine says BusyBox accepts [[ but the script is not portable, and that arrays fail there too', () => {
    const h = ruleHits(ID, 'node:20-alpine', BASH_UNDER_SH);
    expect(h.map((f) => f.line)).toEqual([4]);
    expect(h[0]!.message).toContain('BusyBox ash on this image accepts it');
    expect(h[0]!.fix).toContain('installing bash');
    const arr = ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nargs=(a b)\nexec "$@"\n');
    expect(arr[0]!.message).toContain('rejects it');
  });

  it('Eugeny/tabby-web backend/start.sh on python:3.7-alpine: [[ under #!/bin/sh runs in BusyBox ash, so info only', () => {
    const script = '#!/bin/sh\nif [[ -n "$DOCKERIZE_ARGS" ]]; then\n    dockerize $DOCKERIZE_ARGS\nfi\ncd /app\n/venv/*/bin/python ./manage.py migrate\nexec /venv/*/bin/gunicorn\n';
    const h = ruleHits(ID, 'python:3.7-alpine', script);
    expect(h.map((f) => [f.line, f.severity])).toEqual([[2, 'info']]);
    // Near miss: the same script on a Debian base, where dash runs it and [[ fails.
    expect(ruleHits(ID, 'python:3.7-slim', script).map((f) => [f.line, f.severity])).toEqual([[2, 'warning']]);
  });

  it('on BusyBox ash: source, == and $\'…\' are info; what ash rejects (arrays, (( ))) stays a warning', () => {
    const script = '#!/bin/sh\nsource /app/env.sh\nif [ "$APP_ENV" == production ]; then echo prod; fi\nprintf $\'%s\\n\' "$1"\nargs=(a b)\n(( n++ ))\nexec "$@"\n';
    expect(ruleHits(ID, 'alpine:3.22', script).map((f) => [f.line, f.severity])).toEqual([
      [2, 'info'],
      [3, 'info'],
      [4, 'info'],
      [5, 'warning'],
      [6, 'warning'],
    ]);
  });

  it.each(['registry.access.redhat.com/ubi9/ubi-minimal', 'oraclelinux:9', 'fedora:41', 'almalinux:9'])(
    'does not fire on %s, where /bin/sh is bash',
    (base) => {
      expect(ruleHits(ID, base, BASH_UNDER_SH)).toEqual([]);
    },
  );

  it('keeps its own finding and drops ShellCheck’s SC3010 on the same line', () => {
    const f = lintEntrypoint('debian:bookworm-slim', BASH_UNDER_SH);
    expect(f.filter((x) => x.line === 4).map((x) => x.rule)).toEqual([ID]);
  });

  it.each([
    ['#!/usr/bin/env bash', '#!/usr/bin/env bash\nset -Eeo pipefail\nif [[ -n "${1:-}" ]]; then source /x; fi\narr=(a)\nexec "$@"\n'],
    ['#!/bin/bash on Debian', BASH_UNDER_SH.replace('#!/bin/sh', '#!/bin/bash')],
    ['== inside a quoted awk program', '#!/bin/sh\nport="$(awk \'$1 == "listen" { print $2 }\' /etc/app.conf)"\nexec "$@"\n'],
    ['local and [ a -a b ]', '#!/bin/sh\nf() { local x="$1"; [ -n "$x" -a -d "$x" ] && echo ok; }\nf /tmp\nexec "$@"\n'],
    ['[[ in a comment, an echo string and a heredoc body', '#!/bin/sh\n# [[ is bash-only\necho "use [[ in bash"\ncat <<EOF\n[[ -n x ]] && source y\nEOF\nexec "$@"\n'],
    ['redis style', REDIS_STYLE],
    ['node style', NODE_STYLE],
    ['nginx style', NGINX_STYLE],
  ])('does not fire on %s', (_name, script) => {
    expect(ruleHits(ID, 'debian:bookworm-slim', script)).toEqual([]);
  });

  it('does not fire on bash scripts (postgres style) or on RHEL-family images where /bin/sh is bash', () => {
    expect(ruleHits(ID, 'postgres:17', POSTGRES_STYLE)).toEqual([]);
    expect(ruleHits(ID, 'rockylinux:9', BASH_UNDER_SH)).toEqual([]);
  });

  it('checks a sourced file in the sourcing script’s dialect, whatever its own shebang', () => {
    const dockerfile = 'FROM debian:bookworm-slim\nCOPY lib.sh docker-entrypoint.sh /app/\nENTRYPOINT ["/app/docker-entrypoint.sh"]\n';
    const lib = '#!/bin/bash\nis_prod() { [[ "$APP_ENV" == production ]]; }\n';
    const entry = (shebang: string) => ({ content: `${shebang}\nset -e\n. /app/lib.sh\nexec "$@"\n`, mode: 0o755 });
    const h = lint(dockerfile, { 'lib.sh': lib, 'docker-entrypoint.sh': entry('#!/bin/sh') }).filter((f) => f.rule === ID);
    expect(h.map((f) => [f.file, f.line])).toEqual([['lib.sh', 2]]);
    expect(lint(dockerfile, { 'lib.sh': lib, 'docker-entrypoint.sh': entry('#!/bin/bash') }).filter((f) => f.rule === ID)).toEqual([]);
  });

  it('uses the shell the start command names over the shebang', () => {
    const f = lintEntrypoint('debian:bookworm-slim', BASH_UNDER_SH);
    expect(f.some((x) => x.rule === ID)).toBe(true);
    // ENTRYPOINT ["bash", "/usr/local/bin/docker-entrypoint.sh"]: bash runs it.
    const g = lintWith(['bash', '/usr/local/bin/docker-entrypoint.sh']);
    expect(g.filter((x) => x.rule === ID)).toEqual([]);
  });
});

function lintWith(entrypoint: string[]) {
  return lint(`FROM debian:bookworm-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ${JSON.stringify(entrypoint)}\n`, {
    'docker-entrypoint.sh': { content: BASH_UNDER_SH, mode: 0o755 },
  });
}
