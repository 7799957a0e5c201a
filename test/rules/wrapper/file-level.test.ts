import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../../src/lint.js';
import { dedent, hits, lint, makeContext } from '../../helpers.js';

const ENTRY = '#!/bin/sh\nset -e\nif [ "${1#-}" != "$1" ]; then\n  set -- gunicorn "$@"\nfi\nexec "$@"\n';

const DJANGO = dedent(`
  FROM python:3.12-slim
  ENV PYTHONUNBUFFERED=1
  WORKDIR /app
  COPY requirements.txt .
  RUN pip install --no-cache-dir -r requirements.txt
  COPY . .
  COPY docker/entrypoint.sh /usr/local/bin/docker-entrypoint.sh
  ENTRYPOINT ["docker-entrypoint.sh"]
  CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]
`);

function django(entry: string | { content: string; mode?: number }) {
  return lint(DJANGO, { 'requirements.txt': 'gunicorn\n', 'docker/entrypoint.sh': typeof entry === 'string' ? { content: entry, mode: 0o755 } : entry });
}

describe('wrapper-missing-shebang', () => {
  const ID = 'wrapper-missing-shebang';

  it('fires on a start script without #!, at its line 1', () => {
    const h = hits(django('set -e\nexec "$@"\n'), ID);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'error', file: 'docker/entrypoint.sh', line: 1, endLine: 1 });
    expect(h[0]!.message).toContain('exec format error');
  });

  it('fires on a COPY heredoc at its Dockerfile line', () => {
    const f = lint(dedent(`
      FROM nginx:1.27-alpine
      COPY --chmod=755 <<EOF /start.sh
      nginx -g 'daemon off;'
      EOF
      CMD ["/start.sh"]
    `));
    expect(hits(f, ID).map((x) => [x.file, x.line])).toEqual([['Dockerfile', 3]]);
  });

  it('does not fire with a shebang, for a BOM (utf8-bom instead), for sh /script, for sourced files', () => {
    expect(hits(django(ENTRY), ID)).toEqual([]);
    expect(hits(django(`\uFEFF${ENTRY}`), ID)).toEqual([]);
    const viaSh = lint('FROM alpine:3.20\nCOPY e.sh /e.sh\nENTRYPOINT ["/bin/sh", "/e.sh"]\n', { 'e.sh': 'exec crond -f\n' });
    expect(hits(viaSh, ID)).toEqual([]);
    const sourced = lint('FROM alpine:3.20\nCOPY --chmod=755 e.sh env.sh /\nENTRYPOINT ["/e.sh"]\n', { 'e.sh': '#!/bin/sh\n. /env.sh\nexec "$@"\n', 'env.sh': 'export A=1\n' });
    expect(hits(sourced, ID)).toEqual([]);
  });
});

describe('crlf-line-endings', () => {
  const ID = 'crlf-line-endings';

  it('fires at the first CRLF line of the start script', () => {
    const h = hits(django('#!/bin/sh\nset -e\r\nexec "$@"\r\n'), ID);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'error', file: 'docker/entrypoint.sh', line: 2 });
    const first = hits(django(ENTRY.replace(/\n/g, '\r\n')), ID);
    expect(first[0]).toMatchObject({ line: 1 });
    expect(first[0]!.message).toContain('/bin/sh\\r');
  });

  it('fires on a sourced file the start script reads', () => {
    const f = lint('FROM alpine:3.20\nCOPY --chmod=755 e.sh env.sh /\nENTRYPOINT ["/e.sh"]\n', {
      'e.sh': '#!/bin/sh\n. /env.sh\nexec "$@"\n',
      'env.sh': 'export A=1\r\n',
    });
    expect(hits(f, ID).map((x) => [x.file, x.line])).toEqual([['env.sh', 1]]);
  });

  it('does not fire on LF scripts, CRLF config files and hook scripts, or when a RUN converts the script', () => {
    expect(hits(django(ENTRY), ID)).toEqual([]);
    const conf = lint('FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY 10-hook.sh /docker-entrypoint.d/\n', { 'nginx.conf': 'events {}\r\n', '10-hook.sh': '#!/bin/sh\r\n' });
    expect(hits(conf, ID)).toEqual([]);
    for (const run of ['RUN sed -i \'s/\\r$//\' /usr/local/bin/docker-entrypoint.sh', 'RUN apt-get update && apt-get install -y dos2unix && dos2unix /usr/local/bin/*.sh']) {
      const f = lint(`${DJANGO}${run}\n`, { 'requirements.txt': '', 'docker/entrypoint.sh': { content: ENTRY.replace(/\n/g, '\r\n'), mode: 0o755 } });
      expect(hits(f, ID)).toEqual([]);
    }
  });
});

describe('utf8-bom', () => {
  const ID = 'utf8-bom';

  it('fires on a BOM before #!', () => {
    const h = hits(django(`\uFEFF${ENTRY}`), ID);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'error', file: 'docker/entrypoint.sh', line: 1 });
    expect(h[0]!.message).toContain('does not see its `#!` line');
  });

  it('does not fire without a BOM, or on files that are not wrappers', () => {
    expect(hits(django(ENTRY), ID)).toEqual([]);
    const f = lint('FROM alpine:3.20\nCOPY settings.sh /etc/profile.d/\nCMD ["crond", "-f"]\n', { 'settings.sh': '\uFEFFexport A=1\n' });
    expect(hits(f, ID)).toEqual([]);
  });
});

describe('wrapper-not-executable', () => {
  const ID = 'wrapper-not-executable';

  it('fires at the COPY when the script is 0644 and nothing chmods it', () => {
    const h = hits(django({ content: ENTRY, mode: 0o644 }), ID);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'error', file: 'Dockerfile', line: 7 });
    expect(h[0]!.message).toContain('permission denied');
    expect(h[0]!.fix).toContain('--chmod=755');
  });

  it('fires on a COPY heredoc without --chmod', () => {
    const f = lint('FROM alpine:3.20\nCOPY <<EOF /start.sh\n#!/bin/sh\nexec crond -f\nEOF\nCMD ["/start.sh"]\n');
    expect(hits(f, ID).map((x) => x.line)).toEqual([2]);
  });

  it.each([
    ['an executable source', { content: ENTRY, mode: 0o755 }, ''],
    ['--chmod=755', { content: ENTRY, mode: 0o644 }, 'COPY --chmod=755'],
    ['a later RUN chmod +x', { content: ENTRY, mode: 0o644 }, 'RUN chmod +x'],
  ])('does not fire with %s', (_name, entry, how) => {
    let df = DJANGO;
    if (how === 'COPY --chmod=755') df = df.replace('COPY docker/entrypoint.sh', 'COPY --chmod=755 docker/entrypoint.sh');
    if (how === 'RUN chmod +x') df = df.replace('ENTRYPOINT', 'RUN chmod +x /usr/local/bin/docker-entrypoint.sh\nENTRYPOINT');
    expect(hits(lint(df, { 'requirements.txt': '', 'docker/entrypoint.sh': entry }), ID)).toEqual([]);
  });

  it('does not fire for a script handed to sh, a sourced file, or an unknown mode', () => {
    const viaSh = lint('FROM alpine:3.20\nCOPY e.sh /e.sh\nENTRYPOINT ["/bin/sh", "/e.sh"]\n', { 'e.sh': { content: '#!/bin/sh\nexec crond -f\n', mode: 0o644 } });
    expect(hits(viaSh, ID)).toEqual([]);
    const sourced = lint('FROM alpine:3.20\nCOPY --chmod=755 e.sh /\nCOPY env.sh /\nENTRYPOINT ["/e.sh"]\n', {
      'e.sh': '#!/bin/sh\n. /env.sh\nexec "$@"\n',
      'env.sh': { content: 'export A=1\n', mode: 0o644 },
    });
    expect(hits(sourced, ID)).toEqual([]);
    const unknown = lint('FROM alpine:3.20\nCOPY --chmod=$MODE e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n', { 'e.sh': { content: '#!/bin/sh\nexec crond -f\n', mode: 0o644 } });
    expect(hits(unknown, ID)).toEqual([]);
  });

  it('reads the mode from git\'s index: official images COPY 100755 scripts without chmod', () => {
    // A temp git repository holding the Django context, with the script's index mode set by `git update-index`.
    const repo = (diskMode: number, indexChmod: string): string => {
      const dir = makeContext({ Dockerfile: DJANGO, 'requirements.txt': 'gunicorn\n', 'docker/entrypoint.sh': { content: ENTRY, mode: diskMode } });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
      git('init', '-q');
      git('config', 'user.email', 'ci@example.com');
      git('config', 'user.name', 'CI');
      git('add', '.');
      git('update-index', `--chmod=${indexChmod}`, 'docker/entrypoint.sh');
      git('commit', '-q', '-m', 'init');
      return dir;
    };
    const dir = repo(0o644, '+x');
    // On disk 0644 (a Windows checkout, say), in the index 100755: what CI checks out is executable.
    expect(hits(lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }).findings, ID)).toEqual([]);

    // And the other way round: executable on disk, 100644 in the index.
    const dir2 = repo(0o755, '-x');
    const h = hits(lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir2 }).findings, ID);
    expect(h.map((x) => x.line)).toEqual([7]);
    expect(h[0]!.message).toContain('100644 in git');
    expect(h[0]!.fix).toContain('git update-index --chmod=+x docker/entrypoint.sh');
  });
});
