import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { lintDockerfile } from '../../src/lint.js';
import { BuildContext, compileDockerPattern, isIgnoredBy, parseDockerignore } from '../../src/model/context.js';
import { parseDockerfile } from '../../src/model/parse.js';
import type { DockerfileModel, WrapperScript } from '../../src/model/types.js';
import { applyChmod } from '../../src/model/file-origin.js';
import { dedent, makeContext, type ContextFile } from '../helpers.js';

const ENTRY = '#!/bin/sh\nset -e\nexec "$@"\n';
const START = '#!/bin/sh\nset -e\nexec gunicorn app.wsgi\n';

function model(dockerfile: string, files: Record<string, ContextFile> = {}): DockerfileModel {
  const dir = makeContext({ Dockerfile: dedent(dockerfile), ...files });
  return parseDockerfile({ file: 'Dockerfile', absPath: path.join(dir, 'Dockerfile'), text: dedent(dockerfile), contextDir: dir });
}

function only(m: DockerfileModel): WrapperScript {
  expect(m.wrappers.map((w) => w.imagePath)).toHaveLength(1);
  return m.wrappers[0]!;
}

describe('resolveWrappers: where the start script comes from', () => {
  it('maps an absolute exec-form ENTRYPOINT to a single-file COPY', () => {
    const m = model(
      `
      FROM python:3.12-slim
      COPY docker/entrypoint.sh /usr/local/bin/docker-entrypoint.sh
      ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
      CMD ["gunicorn", "app.wsgi"]
      `,
      { 'docker/entrypoint.sh': { content: ENTRY, mode: 0o755 } },
    );
    const w = only(m);
    expect(w).toMatchObject({ imagePath: '/usr/local/bin/docker-entrypoint.sh', file: 'docker/entrypoint.sh', role: 'start', lineOffset: 0, text: ENTRY });
    expect(w.interpreter).toBeUndefined();
    expect(w.copy.range.line).toBe(2);
    expect(w.absPath).toBe(fs.realpathSync(path.join(m.contextDir, 'docker/entrypoint.sh')));
  });

  it('finds a bare name through PATH, including an ENV PATH the Dockerfile sets', () => {
    const m = model(
      `
      FROM node:20-alpine
      COPY docker-entrypoint.sh /usr/local/bin/
      ENTRYPOINT ["docker-entrypoint.sh"]
      CMD ["node", "server.js"]
      `,
      { 'docker-entrypoint.sh': ENTRY },
    );
    expect(only(m).imagePath).toBe('/usr/local/bin/docker-entrypoint.sh');

    const m2 = model(
      `
      FROM node:20-alpine
      ENV PATH=/app/bin:$PATH
      COPY bin/ /app/bin/
      ENTRYPOINT ["start-api"]
      `,
      { 'bin/start-api': START },
    );
    expect(only(m2)).toMatchObject({ imagePath: '/app/bin/start-api', file: 'bin/start-api' });
  });

  it('does not find a bare name that is not on PATH', () => {
    const m = model(
      `
      FROM node:20-alpine
      COPY start.sh /app/
      ENTRYPOINT ["start.sh"]
      `,
      { 'start.sh': START },
    );
    expect(m.wrappers).toEqual([]);
  });

  it('resolves ./script against WORKDIR, and WORKDIR-relative destinations', () => {
    const m = model(
      `
      FROM python:3.12-slim
      WORKDIR /srv
      WORKDIR app
      COPY scripts/start.sh ./
      ENTRYPOINT ["./start.sh"]
      `,
      { 'scripts/start.sh': START },
    );
    expect(only(m)).toMatchObject({ imagePath: '/srv/app/start.sh', file: 'scripts/start.sh' });
  });

  it('maps directory copies, COPY . /app and COPY . . with nested paths', () => {
    const dir = model(
      `
      FROM nginx:1.27
      COPY docker/ /usr/local/bin/
      ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
      `,
      { 'docker/entrypoint.sh': ENTRY, 'docker/other.sh': START },
    );
    expect(only(dir).file).toBe('docker/entrypoint.sh');

    const all = model(
      `
      FROM node:22-bookworm-slim
      WORKDIR /app
      COPY . .
      CMD ["/app/bin/run.sh"]
      `,
      { 'bin/run.sh': START, 'package.json': '{}' },
    );
    expect(only(all)).toMatchObject({ imagePath: '/app/bin/run.sh', file: 'bin/run.sh' });

    const abs = model(
      `
      FROM python:3.12
      COPY . /app
      ENTRYPOINT ["/app/entrypoint.sh"]
      `,
      { 'entrypoint.sh': ENTRY },
    );
    expect(only(abs).file).toBe('entrypoint.sh');
  });

  it('treats a destination without trailing slash as a directory when an earlier RUN mkdir or WORKDIR made it one', () => {
    const m = model(
      `
      FROM debian:bookworm-slim
      RUN set -eux; \\
          mkdir -p /opt/app/bin; \\
          useradd app
      COPY entrypoint.sh /opt/app/bin
      ENTRYPOINT ["/opt/app/bin/entrypoint.sh"]
      `,
      { 'entrypoint.sh': ENTRY },
    );
    expect(only(m).imagePath).toBe('/opt/app/bin/entrypoint.sh');

    // Renamed on copy: the destination is the file.
    const renamed = model(
      `
      FROM debian:bookworm-slim
      COPY docker/run.sh /entrypoint
      ENTRYPOINT ["/entrypoint"]
      `,
      { 'docker/run.sh': ENTRY },
    );
    expect(only(renamed).file).toBe('docker/run.sh');
  });

  it('expands globs and multiple sources', () => {
    const m = model(
      `
      FROM alpine:3.20
      COPY scripts/*.sh /usr/local/bin/
      COPY a.conf b.conf /etc/app/
      ENTRYPOINT ["/usr/local/bin/entry.sh"]
      `,
      { 'scripts/entry.sh': ENTRY, 'scripts/helper.sh': START, 'a.conf': 'x', 'b.conf': 'y' },
    );
    expect(only(m).file).toBe('scripts/entry.sh');

    const multi = model(
      `
      FROM alpine:3.20
      COPY wait.sh entry.sh /usr/local/bin
      ENTRYPOINT ["/usr/local/bin/entry.sh"]
      `,
      { 'entry.sh': ENTRY, 'wait.sh': START },
    );
    expect(only(multi).file).toBe('entry.sh');
  });

  it('takes the last COPY that writes the path', () => {
    const m = model(
      `
      FROM alpine:3.20
      COPY old-entry.sh /entrypoint.sh
      COPY new-entry.sh /entrypoint.sh
      ENTRYPOINT ["/entrypoint.sh"]
      `,
      { 'old-entry.sh': START, 'new-entry.sh': ENTRY },
    );
    expect(only(m)).toMatchObject({ file: 'new-entry.sh' });
    expect(only(m).copy.range.line).toBe(3);
  });

  it('follows the script through the stage chain and expands ARG/ENV in paths', () => {
    const m = model(
      `
      ARG APP_HOME=/srv/app
      FROM python:3.12-slim AS base
      ARG APP_HOME
      ENV SCRIPTS=$APP_HOME/scripts
      COPY docker/ \${SCRIPTS}/
      FROM base AS prod
      ENTRYPOINT ["/srv/app/scripts/entrypoint.sh"]
      `,
      { 'docker/entrypoint.sh': ENTRY },
    );
    expect(only(m).file).toBe('docker/entrypoint.sh');
  });

  it('removes the quotes around a non-JSON COPY operand as the builder does (kobotoolbox/kpi: COPY . "${KPI_SRC_DIR}")', () => {
    const kpi = (dest: string) =>
      model(
        `
        FROM python:3.12-slim
        ENV KPI_SRC_DIR=/srv/src/kpi \\
            UWSGI_USER=kobo
        WORKDIR \${KPI_SRC_DIR}/
        COPY . ${dest}
        CMD ["/bin/bash", "docker/entrypoint.sh"]
        `,
        { 'docker/entrypoint.sh': START },
      );
    expect(only(kpi('"${KPI_SRC_DIR}"')).imagePath).toBe('/srv/src/kpi/docker/entrypoint.sh');
    expect(only(kpi("'/srv/src/kpi'")).file).toBe('docker/entrypoint.sh');
    // Another directory, quoted or not: not the script the CMD names.
    expect(kpi('"/srv/other"').wrappers).toEqual([]);
  });

  it('traces COPY --from=<stage> back to the build context, and gives up on external images', () => {
    const m = model(
      `
      FROM alpine:3.20 AS scripts
      COPY --chmod=755 entrypoint.sh /out/
      FROM gcr.io/distroless/base-debian12:debug
      COPY --from=scripts /out/entrypoint.sh /entrypoint.sh
      ENTRYPOINT ["/entrypoint.sh"]
      `,
      { 'entrypoint.sh': ENTRY },
    );
    expect(only(m)).toMatchObject({ file: 'entrypoint.sh', mode: { executable: true, source: 'chmod-flag' } });
    expect(only(m).copy.range.line).toBe(4);

    const ext = model(
      `
      FROM alpine:3.20
      COPY entrypoint.sh /entrypoint.sh
      COPY --from=ghcr.io/acme/tools:1 /entrypoint.sh /entrypoint.sh
      ENTRYPOINT ["/entrypoint.sh"]
      `,
      { 'entrypoint.sh': ENTRY },
    );
    expect(ext.wrappers).toEqual([]);

    const built = model(
      `
      FROM golang:1.23 AS build
      RUN go build -o /out/server ./cmd/server
      FROM alpine:3.20
      COPY --from=build /out/server /server
      COPY server /server-src
      ENTRYPOINT ["/server"]
      `,
      { server: 'not used' },
    );
    expect(built.wrappers).toEqual([]);
  });

  it('reads COPY heredocs with the Dockerfile as file and a line offset', () => {
    const m = model(`
      FROM alpine:3.20
      RUN apk add --no-cache tini
      COPY --chmod=755 <<EOF /entrypoint.sh
      #!/bin/sh
      set -e
      exec "\\$@"
      EOF
      ENTRYPOINT ["/sbin/tini", "--", "/entrypoint.sh"]
    `);
    const w = only(m);
    expect(w.file).toBe('Dockerfile');
    expect(w.lineOffset).toBe(3);
    expect(w.text.split('\n')[0]).toBe('#!/bin/sh');
    expect(m.lines[w.lineOffset]).toBe('#!/bin/sh');
    expect(w.mode).toEqual({ executable: true, source: 'chmod-flag' });
    expect(w.absPath).toBeUndefined();

    const plain = model(`
      FROM alpine:3.20
      COPY <<-EOT /start.sh
      \t#!/bin/sh
      \texec nginx -g 'daemon off;'
      EOT
      CMD ["/start.sh"]
    `);
    expect(only(plain).mode).toEqual({ executable: false, source: 'heredoc' });
    expect(only(plain).text).toBe("#!/bin/sh\nexec nginx -g 'daemon off;'\n");
  });
});

describe('resolveWrappers: what the start command runs', () => {
  const files = { 'entrypoint.sh': ENTRY, 'start.sh': START };
  const copy = 'COPY entrypoint.sh start.sh /\n';

  it.each([
    ['["/bin/sh", "/entrypoint.sh"]', '/bin/sh'],
    ['["bash", "-e", "/entrypoint.sh"]', 'bash'],
    ['["/bin/bash", "-o", "pipefail", "/entrypoint.sh"]', '/bin/bash'],
  ])('a script handed to a shell: ENTRYPOINT %s', (ep, interpreter) => {
    const m = model(`FROM debian:bookworm\n${copy}ENTRYPOINT ${ep}\n`, files);
    expect(only(m)).toMatchObject({ imagePath: '/entrypoint.sh', interpreter, role: 'start' });
  });

  it.each([
    ['ENTRYPOINT ["bash", "-c", "/start.sh"]'],
    ['ENTRYPOINT ["/bin/sh", "-ec", "chown -R app /data && exec /start.sh"]'],
    ['ENTRYPOINT ["tini", "--", "/start.sh"]'],
    ['ENTRYPOINT ["/usr/bin/tini", "-s", "-p", "SIGTERM", "--", "/start.sh"]'],
    ['ENTRYPOINT ["dumb-init", "/start.sh"]'],
    ['ENTRYPOINT ["/usr/bin/dumb-init", "--"]\nCMD ["/start.sh"]'],
    ['ENTRYPOINT /start.sh'],
    ['CMD /start.sh --workers 4'],
    ['CMD ["/start.sh"]'],
    ['ENTRYPOINT ["gosu", "app", "/start.sh"]'],
  ])('a script executed directly: %s', (start) => {
    const m = model(`FROM debian:bookworm\n${copy}${start}\n`, files);
    const w = only(m);
    expect(w).toMatchObject({ imagePath: '/start.sh', role: 'start' });
    expect(w.interpreter).toBeUndefined();
  });

  it('follows CMD through a wrapper that execs "$@", not through one that does not', () => {
    const m = model(`FROM debian:bookworm\n${copy}ENTRYPOINT ["/entrypoint.sh"]\nCMD ["/start.sh"]\n`, files);
    expect(m.wrappers.map((w) => w.imagePath)).toEqual(['/entrypoint.sh', '/start.sh']);

    const closed = model(`FROM debian:bookworm\n${copy}ENTRYPOINT ["/start.sh"]\nCMD ["/entrypoint.sh"]\n`, files);
    expect(closed.wrappers.map((w) => w.imagePath)).toEqual(['/start.sh']);
  });

  it('in sh -c only the last command is the start script', () => {
    const m = model(
      `FROM debian:bookworm\n${copy}CMD ["sh", "-c", "/entrypoint.sh migrate; /start.sh"]\n`,
      { 'entrypoint.sh': START, 'start.sh': START },
    );
    expect(only(m).imagePath).toBe('/start.sh');
  });

  it('follows what a start script sources, relative to its own directory too', () => {
    const m = model(
      `
      FROM postgres:16
      COPY docker/ /usr/local/bin/
      ENTRYPOINT ["docker-entrypoint.sh"]
      CMD ["postgres"]
      `,
      {
        'docker/docker-entrypoint.sh': '#!/usr/bin/env bash\nset -Eeo pipefail\n. /usr/local/bin/lib.sh\nsource "$(dirname "$0")/env.sh"\nexec "$@"\n',
        'docker/lib.sh': 'log() { echo "$@"; }\n',
        'docker/env.sh': 'export PGDATA=/var/lib/postgresql/data\n',
        'docker/unrelated.sh': '#!/bin/sh\n',
      },
    );
    expect(m.wrappers.map((w) => [w.imagePath, w.role])).toEqual([
      ['/usr/local/bin/docker-entrypoint.sh', 'start'],
      ['/usr/local/bin/lib.sh', 'sourced'],
      ['/usr/local/bin/env.sh', 'sourced'],
    ]);
  });

  it('does not treat hook directories or helper scripts as wrappers', () => {
    const m = model(
      `
      FROM nginx:1.27-alpine
      COPY docker-entrypoint.sh /
      COPY 30-tune-worker-processes.sh /docker-entrypoint.d/
      COPY healthcheck.sh /usr/local/bin/
      ENTRYPOINT ["/docker-entrypoint.sh"]
      CMD ["nginx", "-g", "daemon off;"]
      `,
      {
        'docker-entrypoint.sh': '#!/bin/sh\nset -e\nfind "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do "$f"; done\nexec "$@"\n',
        '30-tune-worker-processes.sh': '#!/bin/sh\necho hi\r\n',
        'healthcheck.sh': '#!/bin/sh\ncurl -f localhost\n',
      },
    );
    expect(m.wrappers.map((w) => w.imagePath)).toEqual(['/docker-entrypoint.sh']);
  });

  it('skips binary start executables silently', () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    const m = model(
      `
      FROM scratch
      COPY server /server
      ENTRYPOINT ["/server"]
      `,
      { server: { content: elf, mode: 0o755 } },
    );
    expect(m.wrappers).toEqual([]);
  });

  it('throws an InputError for a start script that is not UTF-8 text', () => {
    expect(() =>
      model(
        `
        FROM alpine:3.20
        COPY entrypoint.sh /
        ENTRYPOINT ["/entrypoint.sh"]
        `,
        { 'entrypoint.sh': { content: Buffer.from('#!/bin/sh\necho caf\xe9\n', 'latin1') } },
      ),
    ).toThrow(/wrapper script entrypoint.sh is not valid UTF-8 text/);
  });

  it.skipIf(process.getuid?.() === 0)('throws an InputError for a start script it may not read', () => {
    const dir = makeContext({ Dockerfile: 'FROM alpine\nCOPY e.sh /\nENTRYPOINT ["/e.sh"]\n', 'e.sh': { content: ENTRY, mode: 0o000 } });
    expect(() => lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir })).toThrow(InputError);
  });

  it('gives display paths relative to the same cwd as the Dockerfile', () => {
    const dir = makeContext({ 'deploy/Dockerfile': 'FROM alpine\nCOPY e.sh /\nENTRYPOINT ["/e.sh"]\n', 'e.sh': ENTRY });
    const res = lintDockerfile({ dockerfile: 'deploy/Dockerfile', context: '.', cwd: dir });
    expect(res.model.file).toBe('deploy/Dockerfile');
    expect(res.model.wrappers.map((w) => w.file)).toEqual(['e.sh']);

    const nested = lintDockerfile({ dockerfile: 'Dockerfile', context: '..', cwd: path.join(dir, 'deploy') });
    expect(nested.model.wrappers.map((w) => w.file)).toEqual(['../e.sh']);
  });

  it('does not follow a symlink out of the build context', () => {
    const outside = makeContext({ 'secret.sh': ENTRY });
    const dir = makeContext({ Dockerfile: 'FROM alpine\nCOPY e.sh /\nENTRYPOINT ["/e.sh"]\n', 'inside.sh': ENTRY });
    fs.symlinkSync(path.join(outside, 'secret.sh'), path.join(dir, 'e.sh'));
    expect(lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }).model.wrappers).toEqual([]);
    fs.rmSync(path.join(dir, 'e.sh'));
    fs.symlinkSync('inside.sh', path.join(dir, 'e.sh'));
    expect(lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }).model.wrappers.map((w) => w.file)).toEqual(['inside.sh']);
  });
});

describe('resolveWrappers: file modes', () => {
  const df = (extra: string): string => `FROM debian:bookworm\nCOPY ${extra}entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n`;

  it('reads the file system outside git', () => {
    expect(only(model(df(''), { 'entrypoint.sh': { content: ENTRY, mode: 0o755 } })).mode).toEqual({ executable: true, source: 'filesystem' });
    expect(only(model(df(''), { 'entrypoint.sh': { content: ENTRY, mode: 0o644 } })).mode).toEqual({ executable: false, source: 'filesystem' });
  });

  it.each([
    ['--chmod=755 ', true],
    ['--chmod=0755 ', true],
    ['--chmod=+x ', true],
    ['--chmod=u=rwx,go=rx ', true],
    ['--chmod=644 ', false],
  ])('COPY %s', (flag, executable) => {
    expect(only(model(df(flag), { 'entrypoint.sh': { content: ENTRY, mode: executable ? 0o644 : 0o755 } })).mode).toEqual({ executable, source: 'chmod-flag' });
  });

  it.each([
    'RUN chmod +x /usr/local/bin/entrypoint.sh',
    'RUN apt-get update && chmod 755 /usr/local/bin/entrypoint.sh && rm -rf /var/lib/apt/lists/*',
    'RUN chmod -R 755 /usr/local/bin',
    'RUN chmod u+x /usr/local/bin/*.sh',
    'RUN cd /usr/local/bin && chmod a+rx entrypoint.sh',
    'RUN find /usr/local/bin -name "*.sh" -exec chmod +x {} \\;',
  ])('a later %s', (run) => {
    const m = model(`${df('')}${run}\n`, { 'entrypoint.sh': { content: ENTRY, mode: 0o644 } });
    expect(only(m).mode).toEqual({ executable: true, source: 'run-chmod' });
  });

  it('ignores a chmod on another path, a chmod before the COPY, and a non-recursive chmod of the directory', () => {
    for (const run of ['RUN chmod +x /usr/local/bin/other.sh', 'RUN chmod 755 /usr/local/bin']) {
      const m = model(`${df('')}${run}\n`, { 'entrypoint.sh': { content: ENTRY, mode: 0o644 } });
      expect(only(m).mode.source).toBe('filesystem');
    }
    const before = model('FROM debian\nRUN chmod +x /usr/local/bin/entrypoint.sh\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n', {
      'entrypoint.sh': { content: ENTRY, mode: 0o644 },
    });
    expect(only(before).mode).toEqual({ executable: false, source: 'filesystem' });
  });

  it('reads modes from git\'s index when the context is in a git repository', () => {
    const dir = makeContext({
      Dockerfile: df(''),
      'entrypoint.sh': { content: ENTRY, mode: 0o644 },
    });
    const git = (...args: string[]): void => {
      execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    };
    git('init', '-q');
    git('config', 'user.email', 'dev@example.com');
    git('config', 'user.name', 'Dev');
    git('add', '.');
    git('update-index', '--chmod=+x', 'entrypoint.sh');
    // The working tree says 0644, the index says 100755: the index wins (what CI checks out).
    expect((fs.statSync(path.join(dir, 'entrypoint.sh')).mode & 0o111) === 0).toBe(true);
    expect(new BuildContext(dir).mode('entrypoint.sh')).toEqual({ executable: true, source: 'git-index' });
    // Untracked files fall back to the file system.
    fs.writeFileSync(path.join(dir, 'new.sh'), ENTRY, { mode: 0o755 });
    expect(new BuildContext(dir).mode('new.sh')).toEqual({ executable: true, source: 'filesystem' });
  });

  it('survives odd chmod operands and find patterns', () => {
    const m = model(`${df('')}RUN chmod +x /usr/local/bin/[abc && find / -name '[' -exec chmod +x {} \\; && chmod -R +x /usr/local/b?n/
`, {
      'entrypoint.sh': { content: ENTRY, mode: 0o644 },
    });
    expect(only(m).mode).toEqual({ executable: true, source: 'run-chmod' });
  });

  it('parses chmod modes', () => {
    expect(applyChmod('4755', 'unknown')).toBe(true);
    expect(applyChmod('0644', true)).toBe(false);
    expect(applyChmod('a-x', true)).toBe(false);
    expect(applyChmod('g-x', true)).toBe(true);
    expect(applyChmod('go+r', 'unknown')).toBe('unknown');
    expect(applyChmod('+X', false)).toBe(false);
    expect(applyChmod('bogus', true)).toBe('unknown');
  });
});

describe('.dockerignore', () => {
  it('compiles patterns as Docker does', () => {
    expect(compileDockerPattern('*.sh').test('a.sh')).toBe(true);
    expect(compileDockerPattern('*.sh').test('dir/a.sh')).toBe(false);
    expect(compileDockerPattern('**/*.sh').test('dir/sub/a.sh')).toBe(true);
    expect(compileDockerPattern('**/*.sh').test('a.sh')).toBe(true);
    expect(compileDockerPattern('docs/**').test('docs/a/b.md')).toBe(true);
    expect(compileDockerPattern('a?c').test('abc')).toBe(true);
    expect(compileDockerPattern('[a-c].txt').test('b.txt')).toBe(true);
    expect(compileDockerPattern('file.txt').test('fileXtxt')).toBe(false);
    // A `]` first in a class is a literal, as in Go's RE2.
    expect(compileDockerPattern('[]a]').test(']')).toBe(true);
    expect(compileDockerPattern('[!a]').test('b')).toBe(true);
    expect(compileDockerPattern('[z-a]').test('a')).toBe(false);
  });

  it('matches hostile patterns without backtracking', () => {
    const path = `${'a'.repeat(5000)}c`;
    expect(compileDockerPattern(`${'*a'.repeat(60)}b`).test(path)).toBe(false);
    expect(compileDockerPattern(`${Array(40).fill('**').join('/')}/x`).test(`${'d/'.repeat(200)}y`)).toBe(false);
    expect(compileDockerPattern(`${Array(40).fill('**').join('/')}/x`).test(`${'d/'.repeat(200)}x`)).toBe(true);
  });

  it('applies exceptions in order and matches parent directories', () => {
    const p = parseDockerignore('# comment\n*\n!docker/\ndocker/*.md\n!docker/README.md\n/build\n');
    expect(isIgnoredBy(p, 'src/app.js')).toBe(true);
    expect(isIgnoredBy(p, 'docker/entrypoint.sh')).toBe(false);
    expect(isIgnoredBy(p, 'docker/notes.md')).toBe(true);
    expect(isIgnoredBy(p, 'docker/README.md')).toBe(false);
    const dirs = parseDockerignore('node_modules\n.git\n');
    expect(isIgnoredBy(dirs, 'node_modules/x/index.js')).toBe(true);
    expect(isIgnoredBy(dirs, 'src/node_modules.js')).toBe(false);
  });

  it('leaves an ignored script out of the image', () => {
    const df = `
      FROM python:3.12-slim
      COPY . /app
      ENTRYPOINT ["/app/scripts/entrypoint.sh"]
    `;
    expect(model(df, { 'scripts/entrypoint.sh': ENTRY, '.dockerignore': 'scripts\n' }).wrappers).toEqual([]);
    expect(model(df, { 'scripts/entrypoint.sh': ENTRY, '.dockerignore': '**/*.sh\n' }).wrappers).toEqual([]);
    expect(model(df, { 'scripts/entrypoint.sh': ENTRY, '.dockerignore': '*\n!scripts/entrypoint.sh\n' }).wrappers).toHaveLength(1);
    expect(model(df, { 'scripts/entrypoint.sh': ENTRY, '.dockerignore': '*.sh\n' }).wrappers).toHaveLength(1);
  });

  it('prefers <Dockerfile>.dockerignore next to the Dockerfile', () => {
    const dir = makeContext({
      'Dockerfile': 'FROM alpine\nCOPY e.sh /\nENTRYPOINT ["/e.sh"]\n',
      'Dockerfile.dockerignore': 'e.sh\n',
      '.dockerignore': '',
      'e.sh': ENTRY,
    });
    expect(lintDockerfile({ dockerfile: 'Dockerfile', cwd: dir }).model.wrappers).toEqual([]);
  });
});
