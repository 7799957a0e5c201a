import { describe, expect, it } from 'vitest';
import { dedent, hits, lint } from '../../helpers.js';
import { NODE_STYLE, REDIS_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-unset-arg';

describe(ID, () => {
  it('fires on case "$1" under set -eu, at the parameter', () => {
    const script = dedent(`
      #!/bin/sh
      set -eu
      case "$1" in
        web) exec gunicorn app:app ;;
        *) exec "$@" ;;
      esac
    `);
    const h = ruleHits(ID, 'python:3.12-slim', script, null);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'warning', file: ENTRY_FILE, line: 3, column: 7 });
    expect(h[0]!.message).toContain('1: parameter not set');
    expect(h[0]!.fix).toContain('${1:-}');
  });

  it('fires under set -o nounset and a #!/bin/sh -u shebang; bash says unbound variable', () => {
    expect(ruleHits(ID, 'debian:bookworm', '#!/bin/sh\nset -o nounset\nif [ "$1" = web ]; then exec gunicorn app:app; fi\nexec "$@"\n', null).map((f) => f.line)).toEqual([3]);
    expect(ruleHits(ID, 'debian:bookworm', '#!/bin/sh -eu\nexec gosu app "$1"\n', null).map((f) => f.line)).toEqual([2]);
    const bash = ruleHits(ID, 'debian:bookworm', '#!/bin/bash\nset -Eeuo pipefail\nif [ "${1:0:1}" = - ]; then set -- app "$@"; fi\nexec "$@"\n', null);
    expect(bash.map((f) => f.line)).toEqual([3]);
    expect(bash[0]!.message).toContain('$1: unbound variable');
  });

  it('gaurav-nelson/github-action-markdown-link-check: a container action whose action.yml passes args is not started without them; without runs.args it is', () => {
    const dockerfile = 'FROM node:21.7.3-alpine3.18\nRUN apk add --no-cache bash git\nCOPY entrypoint.sh /entrypoint.sh\nRUN chmod +x /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n';
    const script = '#!/usr/bin/env bash\n\nset -eu\n\nUSE_QUIET_MODE="$1"\nUSE_VERBOSE_MODE="$2"\nif [ -z "$2" ]; then USE_VERBOSE_MODE=no; fi\nmarkdown-link-check -q "$USE_QUIET_MODE" README.md\n';
    const action = (args: string) => `name: 'markdown-link-check'\nruns:\n  using: 'docker'\n  image: 'Dockerfile'\n${args}`;
    const run = (args: string) => hits(lint(dockerfile, { 'entrypoint.sh': { content: script, mode: 0o755 }, 'action.yml': action(args) }), ID);
    // Both inputs are passed (an empty one as ""): `[ -z "$2" ]` tests an empty input, not a missing one.
    expect(run("  args:\n    - ${{ inputs.use-quiet-mode }}\n    - ${{ inputs.use-verbose-mode }}\n")).toEqual([]);
    expect(run('').map((x) => x.line)).toEqual([5]);
    // One input passed: $2 may be unset.
    expect(run("  args:\n    - ${{ inputs.use-quiet-mode }}\n").map((x) => x.line)).toEqual([6]);
  });

  it('says that docker run starts it without arguments when the image has no CMD', () => {
    const f = lint('FROM alpine:3.20\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\n', {
      'docker-entrypoint.sh': { content: '#!/bin/sh\nset -eu\nexec su-exec app "$1"\n', mode: 0o755 },
    });
    const h = hits(f, ID);
    expect(h.map((x) => x.line)).toEqual([3]);
    expect(h[0]!.message).toContain('the image has no CMD');
  });

  it.each([
    ['${1:-} and ${1-}', '#!/bin/sh\nset -eu\nif [ "${1:-}" = web ] || [ -z "${2-}" ]; then exec gunicorn app:app; fi\nexec "$@"\n'],
    ['an $# check', '#!/bin/sh\nset -eu\nif [ $# -gt 0 ] && [ "$1" = web ]; then exec gunicorn app:app; fi\nexec "$@"\n'],
    ['no nounset', REDIS_STYLE],
    ['node style (set -e only)', NODE_STYLE],
    ['$1 read before set -u', '#!/bin/sh\nmode="$1"\nset -eu\nexec app "$mode"\n'],
    ['$1 inside a function (its own argument)', '#!/bin/sh\nset -eu\nlog() { echo "[entrypoint] $1"; }\nlog starting\nexec "$@"\n'],
    ['$1 after an unconditional set --', '#!/bin/sh\nset -eu\nset -- gunicorn "$@"\nif [ "$1" = gunicorn ]; then echo web; fi\nexec "$@"\n'],
    ['only "$@"', '#!/bin/sh\nset -eu\nexec "$@"\n'],
  ])('does not fire with %s', (_name, script) => {
    expect(ruleHits(ID, 'debian:bookworm', script, null)).toEqual([]);
  });

  it('nextcloud/docker 32/apache: `set -eu` + `expr "$1"` in an entrypoint the image always hands a CMD is harmless', () => {
    const script = dedent(`
      #!/bin/sh
      set -eu

      # return true if specified directory is empty
      directory_empty() {
          [ -z "$(ls -A "$1/")" ]
      }

      if expr "$1" : "apache" 1>/dev/null; then
          if [ -n "\${APACHE_DISABLE_REWRITE_IP+x}" ]; then
              a2disconf remoteip
          fi
      fi

      exec "$@"
    `);
    expect(ruleHits(ID, 'php:8.3-apache-bookworm', script, ['apache2-foreground'])).toEqual([]);
    // Near miss: the same script in an image that sets no CMD: `docker run <image>` aborts.
    const h = ruleHits(ID, 'php:8.3-apache-bookworm', script, null);
    expect(h.map((f) => f.line)).toEqual([9]);
    expect(h[0]!.message).toContain('the image has no CMD');
  });

  it('a CMD of the wrapper itself hands it no arguments; ENTRYPOINT words after it do', () => {
    const script = { content: '#!/bin/sh\nset -eu\ncase "$1" in\n  web) exec gunicorn app:app ;;\nesac\nexec "$@"\n', mode: 0o755 };
    const cmdOnly = lint('FROM python:3.12-slim\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n', { 'start.sh': script });
    expect(hits(cmdOnly, ID).map((f) => f.line)).toEqual([3]);
    const withWord = lint('FROM python:3.12-slim\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh", "web"]\n', { 'start.sh': script });
    expect(hits(withWord, ID)).toEqual([]);
  });

  it('fires with a CMD when the script itself expects to start without arguments (`${1:-}` elsewhere)', () => {
    const script = '#!/bin/sh\nset -eu\nif [ -z "${1:-}" ]; then echo "no command: starting the web server"; fi\nif [ "$1" = worker ]; then exec celery -A proj worker; fi\nexec "$@"\n';
    const h = ruleHits(ID, 'python:3.12-slim', script, ['gunicorn', 'app:app']);
    expect(h.map((f) => f.line)).toEqual([4]);
    expect(h[0]!.message).toContain('line 3 expects the script to start without arguments');
  });

  it('fires with a CMD when the script has an explicit zero-argument branch that reads $1 bare', () => {
    const script = '#!/bin/sh\nset -eu\nif [ -z "$1" ]; then\n  set -- gunicorn app:app\nfi\nexec "$@"\n';
    const h = ruleHits(ID, 'python:3.12-slim', script, ['gunicorn', 'app:app']);
    expect(h.map((f) => [f.line, f.column])).toEqual([[3, 10]]);
    expect(h[0]!.message).toContain('to test whether an argument was given');
    // Near miss: the same branch written with a default.
    expect(ruleHits(ID, 'python:3.12-slim', script.replace('"$1"', '"${1:-}"'), ['gunicorn', 'app:app'])).toEqual([]);
  });
});
