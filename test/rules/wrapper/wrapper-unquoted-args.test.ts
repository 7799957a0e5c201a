import { describe, expect, it } from 'vitest';
import { dedent } from '../../helpers.js';
import { NODE_STYLE, POSTGRES_STYLE, REDIS_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, lintEntrypoint, ruleHits } from './entry.js';

const ID = 'wrapper-unquoted-args';

describe(ID, () => {
  it('fires on exec $@ at the word, with the quoted command as the fix', () => {
    const h = ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\nexec $@\n');
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'warning', file: ENTRY_FILE, line: 3, column: 6, endColumn: 8 });
    expect(h[0]!.message).toContain('re-splits');
    expect(h[0]!.fix).toContain('`exec "$@"`');
  });

  it('fires on exec gosu app $* and on exec "$*" (joined)', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      if [ "$(id -u)" = 0 ]; then
        exec gosu app $*
      fi
      exec "$*"
    `);
    const h = ruleHits(ID, 'python:3.12-slim', script);
    expect(h.map((f) => [f.line, f.column])).toEqual([[4, 17], [6, 6]]);
    expect(h[1]!.message).toContain('joins');
    expect(h[0]!.fix).toContain('exec gosu app "$@"');
  });

  it('keeps its own finding and drops ShellCheck’s SC2068 on the same line', () => {
    const f = lintEntrypoint('node:20-alpine', '#!/bin/sh\nset -e\nexec node server.js $@\n');
    expect(f.filter((x) => x.line === 3).map((x) => x.rule)).toEqual([ID]);
  });

  it.each([
    ['exec "$@"', '#!/bin/sh\nexec "$@"\n'],
    ['"$*" inside a [[ ]] test', '#!/bin/bash\nif [[ "$*" == node* ]]; then exec "$@"; fi\nexec node "$@"\n'],
    ['"$*" in a log line', '#!/bin/sh\necho "starting: $*"\nexec "$@"\n'],
    ['sh -c "$*" (joined on purpose)', '#!/bin/sh\nexec sh -c "$*"\n'],
    ['"${@}"', '#!/bin/sh\nexec "${@}"\n'],
    ['postgres style', POSTGRES_STYLE],
    ['redis style', REDIS_STYLE],
    ['node style', NODE_STYLE],
  ])('does not fire on %s', (_name, script) => {
    expect(ruleHits(ID, 'debian:bookworm-slim', script)).toEqual([]);
  });
});
