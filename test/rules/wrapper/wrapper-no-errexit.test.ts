import { describe, expect, it } from 'vitest';
import { dedent } from '../../helpers.js';
import { DJANGO, NGINX_STYLE, NODE_STYLE, POSTGRES_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-no-errexit';

describe(ID, () => {
  it('fires at the first set-up step of a Django entrypoint without set -e', () => {
    const h = ruleHits(ID, 'python:3.12-slim', DJANGO.replace('set -e\n', ''));
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'warning', file: ENTRY_FILE, line: 3, column: 1 });
    expect(h[0]!.message).toContain('`python manage.py migrate --noinput`');
    expect(h[0]!.fix).toContain('set -e');
  });

  it('fires when set -e only comes after the first step, naming its line', () => {
    const h = ruleHits(ID, 'python:3.12-slim', '#!/bin/sh\nchown -R app /data\nset -e\nexec gosu app "$@"\n');
    expect(h.map((f) => f.line)).toEqual([2]);
    expect(h[0]!.message).toContain('before `set -e` (line 3)');
  });

  it('counts a call of a function that runs a step as a step', () => {
    const script = dedent(`
      #!/bin/sh
      setup() {
        mkdir -p /run/app
        chown app /run/app
      }
      setup
      exec su-exec app "$@"
    `);
    expect(ruleHits(ID, 'alpine:3.20', script).map((f) => f.line)).toEqual([6]);
  });

  it.each([
    ['set -Eeo pipefail (bash)', '#!/bin/bash\nset -Eeo pipefail\nmigrate\nexec "$@"\n'],
    ['set -eu after comments and a modeline', '#!/bin/sh\n# vim: set ft=sh ts=4:\n# Entrypoint for the API\n\nset -eu\nmigrate\nexec "$@"\n'],
    ['set -o errexit', '#!/bin/sh\nset -o errexit\nmigrate\nexec "$@"\n'],
    ['set -x then set -e before any step', '#!/bin/sh\n[ -n "$DEBUG" ] && set -x\nset -e\nmigrate\nexec "$@"\n'],
    ['#!/bin/sh -e', '#!/bin/sh -e\nmigrate\nexec "$@"\n'],
    ['a script with no set-up step (only tests, set -- and exec)', NODE_STYLE.replace('set -e\n', '')],
    ['steps guarded by || true or used as conditions', '#!/bin/sh\nchown -R app /data || true\nif ! id app >/dev/null 2>&1; then echo "creating user app" >&2; fi\nexec "$@"\n'],
    ['a function defined before set -e and called after it', '#!/bin/sh\nlog() { logger -t app "$@"; }\nset -e\nlog start\nexec "$@"\n'],
    ['postgres style', POSTGRES_STYLE],
    ['nginx style', NGINX_STYLE],
    ['django', DJANGO],
  ])('does not fire with %s', (_name, script) => {
    expect(ruleHits(ID, 'debian:bookworm-slim', script)).toEqual([]);
  });
});
