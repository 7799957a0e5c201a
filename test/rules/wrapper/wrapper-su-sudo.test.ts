import { describe, expect, it } from 'vitest';
import { dedent } from '../../helpers.js';
import { POSTGRES_STYLE, REDIS_STYLE } from '../../shell/scripts.js';
import { ENTRY_FILE, ruleHits } from './entry.js';

const ID = 'wrapper-su-sudo';

describe(ID, () => {
  it('fires on exec su app -c, suggesting gosu/setpriv on Debian', () => {
    const h = ruleHits(ID, 'python:3.12-slim', '#!/bin/sh\nset -e\nchown -R app /data\nexec su app -c "gunicorn app:app"\n');
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rule: ID, severity: 'warning', file: ENTRY_FILE, line: 4, column: 1 });
    expect(h[0]!.message).toContain('su forks the command');
    expect(h[0]!.fix).toContain('gosu');
  });

  it('fires on exec sudo, suggesting su-exec on Alpine', () => {
    const h = ruleHits(ID, 'node:20-alpine', '#!/bin/sh\nset -e\nexec sudo -E -u node node server.js\n');
    expect(h.map((f) => f.line)).toEqual([3]);
    expect(h[0]!.fix).toContain('su-exec');
  });

  it('fires on su -c as the final command without exec (next to wrapper-missing-exec)', () => {
    const script = dedent(`
      #!/bin/sh
      set -e
      if [ "$1" = worker ]; then
        exec su -s /bin/sh celery -c "celery -A proj worker"
      fi
      su -s /bin/sh app -c "gunicorn app:app"
    `);
    expect(ruleHits(ID, 'python:3.12-slim', script).map((f) => f.line)).toEqual([4, 6]);
    expect(ruleHits('wrapper-missing-exec', 'python:3.12-slim', script).map((f) => f.line)).toEqual([6]);
  });

  it.each([
    ['exec gosu', '#!/bin/sh\nexec gosu app "$@"\n'],
    ['exec su-exec', '#!/bin/sh\nexec su-exec app "$@"\n'],
    ['exec setpriv', '#!/bin/sh\nexec setpriv --reuid=app --regid=app --init-groups "$@"\n'],
    ['su -c for a set-up step in the middle', '#!/bin/sh\nset -e\nsu app -c "python manage.py migrate"\nexec gosu app "$@"\n'],
    ['sudo in the middle', '#!/bin/sh\nset -e\nsudo chown app /data\nexec gosu app "$@"\n'],
    ['redis style', REDIS_STYLE],
    ['postgres style', POSTGRES_STYLE],
  ])('does not fire on %s', (_name, script) => {
    expect(ruleHits(ID, 'debian:bookworm', script)).toEqual([]);
  });
});
