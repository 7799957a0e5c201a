import { describe, expect, it } from 'vitest';
import { dedent } from '../../helpers.js';
import { DJANGO, MYSQL_STYLE, POSTGRES_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-too-complex';

describe(ID, () => {
  it('fires on a loop polling the database port with nc -z, at the loop line', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      echo "waiting for postgres"
      until nc -z "$DB_HOST" 5432; do
        sleep 1
      done
      exec "$@"
    `);
    const h = ruleHits(ID, 'python:3.12-slim', script);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'info', file: ENTRY_FILE, line: 4, column: 1 });
    expect(h[0]!.message).toContain('`nc -z`');
  });

  it('fires on until pg_isready, on retries against a db host and on wait-for-it', () => {
    expect(ruleHits(ID, 'python:3.12-slim', '#!/bin/sh\nuntil pg_isready -h db -U app; do sleep 2; done\nexec "$@"\n').map((f) => f.line)).toEqual([2]);
    expect(ruleHits(ID, 'python:3.12-slim', '#!/bin/sh\nfor i in 1 2 3 4 5; do\n  psql -h "$DB_HOST" -c "select 1" && break\n  sleep 3\ndone\nexec "$@"\n').map((f) => f.line)).toEqual([2]);
    expect(ruleHits(ID, 'node:20-bookworm', '#!/bin/sh\n/wait-for-it.sh db:5432 --timeout=60 -- echo up\nexec "$@"\n').map((f) => f.line)).toEqual([2]);
    expect(ruleHits(ID, 'node:20-bookworm', '#!/bin/bash\nwhile ! (echo > /dev/tcp/redis/6379) 2>/dev/null; do sleep 1; done\nexec "$@"\n').map((f) => f.line)).toEqual([2]);
  });

  it('fires once, at the first command, on a wrapper of more than 150 lines', () => {
    const body = Array.from({ length: 160 }, (_, i) => `echo "step ${i}"`).join('\n');
    const h = ruleHits(ID, 'debian:bookworm-slim', `#!/bin/sh\nset -e\n${body}\nexec "$@"\n`);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ line: 2 });
    expect(h[0]!.message).toContain('162 lines of code');
  });

  it.each([
    ['the mysql-style wait for its own temporary server on a socket', MYSQL_STYLE],
    ['a wait on localhost', '#!/bin/sh\nuntil pg_isready -h localhost; do sleep 1; done\nexec "$@"\n'],
    ['a retry loop of its own migrations', '#!/bin/sh\nfor i in 1 2 3; do python manage.py migrate && break; sleep 5; done\nexec "$@"\n'],
    ['a 140-line script whose length is mostly comments', `#!/bin/sh\n${'# explain\n'.repeat(100)}${'echo x\n'.repeat(40)}exec "$@"\n`],
    ['django', DJANGO],
  ])('does not fire on %s', (_name, script) => {
    expect(ruleHits(ID, 'mysql:8.4', script)).toEqual([]);
  });

  it('does not report the postgres-style wrapper (under 150 lines of code)', () => {
    expect(ruleHits(ID, 'postgres:17', POSTGRES_STYLE)).toEqual([]);
  });
});
