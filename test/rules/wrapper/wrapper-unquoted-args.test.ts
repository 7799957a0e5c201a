import { describe, expect, it } from 'vitest';
import { dedent, hits, lint } from '../../helpers.js';
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

  it('schickling/dockerfiles swagger-ui run.sh: `exec http-server -p $PORT $*` re-splits the arguments', () => {
    const script = dedent(`
      #!/bin/sh
      if [[ -n "$VALIDATOR_URL" ]]; then
        sed -i "s|.*validatorUrl:.*$||g" index.html
      fi

      exec http-server -p $PORT $*
    `);
    // Found here through an absolute path (the relative `["sh", "run.sh"]` is the model's job).
    const f = lint('FROM node:alpine\nENV PORT 80\nWORKDIR /app\nADD run.sh run.sh\nCMD ["sh", "/app/run.sh"]\n', { 'run.sh': script });
    expect(hits(f, ID).map((x) => [x.line, x.column])).toEqual([[6, 27]]);
    // Near miss: "$@" (and the unquoted $PORT, which is not the arguments) is fine.
    expect(hits(lint('FROM node:alpine\nENV PORT 80\nWORKDIR /app\nADD run.sh run.sh\nCMD ["sh", "/app/run.sh"]\n', { 'run.sh': script.replace('$*', '"$@"') }), ID)).toEqual([]);
  });

  it('fires on unquoted $@ handed to the final command without exec too', () => {
    expect(ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\nnode server.js $@\n').map((f) => [f.line, f.column])).toEqual([[3, 16]]);
    // Near miss: a set-up step in the middle gets them (echo, a logger), not the program.
    expect(ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\necho "starting with" $@\nlog-args $*\nexec node server.js "$@"\n')).toEqual([]);
  });
});
