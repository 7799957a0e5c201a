// Generators for the fuzz suite: Dockerfiles (random instructions, exec/shell/broken-JSON
// forms, continuations, `# escape=` directives, heredocs), wrapper scripts, build contexts,
// and text mutations (CRLF/CR, BOM, NUL bytes, huge lines, truncation, random insertions).
import fc from 'fast-check';

// ---- words --------------------------------------------------------------------------------

const WORDS = [
  'app', 'node', 'server.js', '/entrypoint.sh', 'docker-entrypoint.sh', './start.sh', 'bin/run', '"$@"', '$@', '$*', '"$*"',
  '$HOME', '${PORT:-8080}', '${APP', 'gunicorn', 'app:app', '--bind', '0.0.0.0:8000', '&&', '||', ';', '|', '>', '<', '2>&1',
  'exec', 'sh', '-c', '/bin/sh', 'bash', '/bin/bash', 'npm', 'start', 'run', 'dev', 'yarn', 'npx', 'manage.py', 'runserver',
  'flask', 'nodemon', 'uvicorn', '--reload', 'python', 'celery', 'worker', '-A', 'proj', 'tini', '--', 'gosu', 'su-exec',
  'nginx', '-g', 'daemon off;', 'ÿ', '日本語', '\\', '"', "'", '`', '$(', ')', '{', '}', '[', ']', ',', '#', '=', '%',
  '::error::x', '%0A', '$(touch /tmp/x)', '`id`', 'chmod', '+x', '755', 'apk', 'add', 'bash', 'apt-get', 'install', '-y',
  'curl', 'https://example.com/tool-linux-amd64.tar.gz', 'uname', '-m', '$TARGETARCH', 'dpkg', '--print-architecture',
];

export const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const words = (max = 6) => fc.array(word, { minLength: 0, maxLength: max });

// ---- exec / shell forms -----------------------------------------------------------------

/** A start-command argument list in exec form: valid JSON with odd spacing, or broken JSON. */
const execForm: fc.Arbitrary<string> = fc.oneof(
  words(5).map((ws) => JSON.stringify(ws)),
  fc.tuple(words(5), fc.constantFrom(' ', '', '  ', '\t')).map(([ws, sp]) => `[${sp}${ws.map((w) => JSON.stringify(w)).join(`,${sp}`)}${sp}]`),
  words(4).map((ws) => `[${ws.map((w) => `'${w}'`).join(', ')}]`), // single quotes
  words(4).map((ws) => `[${ws.map((w) => JSON.stringify(w)).join(', ')},]`), // trailing comma
  words(4).map((ws) => `[${ws.map((w) => JSON.stringify(w)).join(', ')}`), // unclosed
  words(3).map((ws) => `[${ws.map((w) => `"${w}"`).join(', ')}]`), // unescaped content
  fc.constantFrom('[]', '[ ]', '[1, 2]', '["a", null]', '[["nested"]]', '[', ']', '["\\q"]', '["\\u00"]', '[ "node" ]', '["sh", "-c", "exec node server.js"]', '{"a":1}', '[""]'),
);

const shellForm: fc.Arbitrary<string> = words(7).map((ws) => ws.join(' '));
const form = fc.oneof(execForm, shellForm);

// ---- instructions ---------------------------------------------------------------------------

const IMAGES = [
  'scratch', 'alpine', 'alpine:3.20', 'debian:bookworm-slim', 'ubuntu:24.04', 'busybox', 'busybox:musl', 'node:20-alpine',
  'node:22', 'python:3.12-slim', 'php:8.3-fpm-alpine', 'gcr.io/distroless/static:nonroot', 'gcr.io/distroless/base:debug',
  'cgr.dev/chainguard/wolfi-base', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'golang:1.22', 'nginx:1.27',
  'rabbitmq:3', '$BASE', '${BASE:-alpine}', '${BASE', 'build', 'builder', 'base', 'registry:5000/x/y@sha256:abc', '',
];
const image = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...IMAGES) }, { weight: 1, arbitrary: word });
const stageName = fc.constantFrom('build', 'builder', 'base', 'prod', 'BUILD', 'a b', '');

const from = fc
  .tuple(fc.option(fc.constantFrom('--platform=linux/amd64', '--platform=$BUILDPLATFORM', '--platform', '--platform=')), image, fc.option(stageName))
  .map(([flag, img, as]) => `FROM ${flag ? `${flag} ` : ''}${img}${as !== null ? ` AS ${as}` : ''}`);

/** Files that may exist in the generated build context (wrappers and others). */
export const CONTEXT_PATHS = [
  'entrypoint.sh', 'docker-entrypoint.sh', 'docker/entrypoint.sh', 'bin/start', 'scripts/run.sh', 'app/server.js',
  'dir with space/run.sh', 'q"uote\'s/$(touch x)`y`.sh', 'lib.sh', 'docker-entrypoint.d/10-init.sh',
];
const dest = fc.constantFrom('/entrypoint.sh', '/usr/local/bin/', '/usr/local/bin/docker-entrypoint.sh', '.', './', 'app/', '/app', '/', '/docker-entrypoint.d/', '/bin/start', 'run.sh', '$APP_HOME/');
const source = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CONTEXT_PATHS) },
  { weight: 2, arbitrary: fc.constantFrom('.', '*.sh', 'docker/', 'docker/*', 'bin', '**/*.sh', '[a-e]*.sh', '../x', '/abs/path', 'https://example.com/x-arm64.tar.gz', 'missing.sh', '["a", "b"]') },
  { weight: 1, arbitrary: word },
);

const copyFlags = fc.array(fc.constantFrom('--chmod=755', '--chmod=0644', '--chmod=+x', '--chmod=u+x', '--chown=app:app', '--from=build', '--from=0', '--link', '--chmod'), { maxLength: 2 });

export interface ScriptSpec {
  text: string;
}

const HEREDOC_NAMES = ['EOF', 'EOT', 'SCRIPT', '"EOF"', "'EOF'", '-EOF', 'E O F', ''];

/** A heredoc opener and its body; the delimiter may be missing (unterminated) or wrong. */
function heredoc(body: fc.Arbitrary<string>) {
  return fc.tuple(fc.constantFrom(...HEREDOC_NAMES), body, fc.constantFrom('ok', 'ok', 'ok', 'missing', 'indented')).map(([name, text, end]) => {
    const bare = name.replace(/^-/, '').replace(/^["']|["']$/g, '');
    const close = end === 'missing' ? '' : end === 'indented' ? `\n\t${bare}` : `\n${bare}`;
    return { opener: `<<${name}`, rest: `\n${text}${close}` };
  });
}

const signal = fc.constantFrom('SIGTERM', 'SIGKILL', '9', 'KILL', 'SIGSTOP', '19', 'SIGQUIT', 'SIGINT', 'SIGWINCH', 'sigterm', '', '$SIG', '99999999999999999999');

export function instruction(script: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const kw = (k: string) => fc.constantFrom(k, k.toLowerCase(), k[0] + k.slice(1).toLowerCase());
  return fc.oneof(
    { weight: 3, arbitrary: from },
    { weight: 3, arbitrary: fc.tuple(kw('ENTRYPOINT'), form).map(([k, f]) => `${k} ${f}`) },
    { weight: 3, arbitrary: fc.tuple(kw('CMD'), form).map(([k, f]) => `${k} ${f}`) },
    { weight: 2, arbitrary: fc.tuple(kw('RUN'), fc.option(fc.constantFrom('--mount=type=cache,target=/root/.cache', '--network=none')), form).map(([k, fl, f]) => `${k} ${fl ? `${fl} ` : ''}${f}`) },
    { weight: 1, arbitrary: fc.tuple(kw('RUN'), heredoc(script)).map(([k, h]) => `${k} ${h.opener}${h.rest}`) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('COPY', 'ADD', 'copy'), copyFlags, fc.array(source, { minLength: 1, maxLength: 3 }), dest).map(([k, fl, src, d]) => `${k} ${[...fl, ...src, d].join(' ')}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('COPY', 'COPY --chmod=755', 'ADD'), heredoc(script), dest).map(([k, h, d]) => `${k} ${h.opener} ${d}${h.rest}`) },
    { weight: 1, arbitrary: fc.tuple(kw('SHELL'), execForm).map(([k, f]) => `${k} ${f}`) },
    { weight: 1, arbitrary: fc.tuple(kw('STOPSIGNAL'), signal).map(([k, s]) => `${k} ${s}`) },
    { weight: 1, arbitrary: fc.tuple(kw('WORKDIR'), fc.constantFrom('/app', 'app', '$APP_HOME', '/', '', '/srv/$X')).map(([k, d]) => `${k} ${d}`) },
    { weight: 1, arbitrary: fc.tuple(kw('ENV'), fc.constantFrom('PATH=/app/bin:$PATH', 'PATH /x', 'A=1 B="two words"', 'A', 'PATH=', 'X="unterminated')).map(([k, e]) => `${k} ${e}`) },
    { weight: 1, arbitrary: fc.tuple(kw('ARG'), fc.constantFrom('BASE=alpine', 'BASE', 'TARGETARCH', 'X="a b"', 'BASE=debian:bookworm', '=', 'A=${B}')).map(([k, a]) => `${k} ${a}`) },
    { weight: 1, arbitrary: fc.constantFrom('USER app', 'USER 1000:1000', 'EXPOSE 8080', 'EXPOSE', 'LABEL a=b', 'VOLUME ["/data"]', 'VOLUME /data', 'MAINTAINER x', 'ONBUILD RUN echo hi', 'ONBUILD', 'HEALTHCHECK NONE', 'HEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]', 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1', "HEALTHCHECK CMD ['bad']") },
    { weight: 1, arbitrary: fc.constantFrom('# a comment', '#', '# entrypoint-guard ignore=shell-form-cmd', '# entrypoint-guard ignore-file=wrapper-missing-exec,crlf-line-endings', '', '   ', '\t') },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('FOO', 'RUNN', 'FROMX', '\\', '[', '"x"'), words(2)).map(([k, ws]) => `${k} ${ws.join(' ')}`) },
  );
}

/** Split an instruction over continuation lines (with the escape char), maybe with comment or blank lines inside. */
function withContinuations(line: string, escape: string, splits: number[], filler: string[]): string {
  if (splits.length === 0 || line.includes('\n')) return line;
  const cut = [...new Set(splits.map((s) => s % (line.length + 1)))].sort((a, b) => a - b);
  let out = '';
  let prev = 0;
  cut.forEach((c, i) => {
    out += `${line.slice(prev, c)}${escape}\n${filler[i % Math.max(1, filler.length)] ?? ''}`;
    prev = c;
  });
  return out + line.slice(prev);
}

const DIRECTIVES = ['# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '#escape=`', '# escape=x', '# escape=', '# check=skip=all', '# syntax = docker/dockerfile:1.7'];

export interface DockerfileCase {
  dockerfile: string;
  /** Context files: relative path -> content and mode. */
  files: { path: string; content: string; mode: number }[];
  dockerignore?: string;
}

// ---- wrapper scripts -------------------------------------------------------------------

const SHEBANGS = ['#!/bin/sh', '#!/bin/bash', '#!/usr/bin/env bash', '#!/usr/bin/env -S bash -e', '#! /bin/sh -e', '#!/bin/ash', '#!/sbin/tini --', '#!/bin/dash', '#!', '#!/usr/bin/env', '#!/bin/sh\r', '\uFEFF#!/bin/sh', '', '#!/usr/bin/env python3', '#!' + 'x'.repeat(300)];
const STATEMENTS = [
  'set -e', 'set -Eeuo pipefail', 'set -o errexit', 'set -eu', 'set -u', 'set -x', 'set --', 'set -- app "$@"',
  'exec "$@"', 'exec $@', 'exec "$*"', 'exec $*', 'exec gosu app "$@"', 'exec su-exec app "$@"', 'su app -c "$*"', 'exec sudo -u app node server.js',
  'node server.js', '"$@"', 'node server.js &', 'wait $!', 'wait', 'trap \'kill -TERM "$child"\' TERM INT', 'child=$!',
  'if [ "$1" = "serve" ]; then', 'if [ "${1#-}" != "$1" ]; then', 'fi', 'else', 'elif [[ $1 == x ]]; then', 'then', 'case "$1" in', '  start) exec app ;;',
  '  *) exec "$@" ;;', 'esac', 'for i in 1 2 3; do', 'while ! nc -z db 5432; do sleep 1; done', 'until pg_isready; do sleep 1; done', 'done', 'do',
  '_main() {', '}', '_main "$@"', 'function f {', 'f() (', ')', 'source /etc/profile', '. /docker-entrypoint.d/10-init.sh', '. ./lib.sh',
  'arr=(a b c)', "echo $'x\\ty'", 'cat <<<"$x"', 'cat <<EOF', 'hello $USER $(id -u)', 'EOF', "cat <<-'END'", '\tEND', 'x=$(', '`', 'echo "unterminated',
  "echo 'unterminated", 'find / -name x -exec chmod +x {} \\;', 'exit 0', 'exit', 'exit 1', 'local x=1', '[ -z "${1:-}" ] && set -- app', 'echo "$1" "$2" ${3}',
  ': "${1?missing}"', 'awk \'$1 == "x" { print }\' f', '[ "$a" == "$b" ]', '[[ "$*" == node* ]]', 'exec "$0" "$@"', 'exec "$BASH_SOURCE" "$@"',
  'wait-for-it db:5432 --', 'for f in /docker-entrypoint.d/*.sh; do . "$f"; done', 'echo ${#}', 'shift', '$(', '$((1+', '${x', 'esac)', ';;', '&&', '|',
  '# vim: set ft=sh:', '# shellcheck disable=SC2086', '# entrypoint-guard ignore=wrapper-no-errexit', '\\', 'echo \\', '  continued',
];

const indent = fc.constantFrom('', '', '  ', '\t', '    ');
const statement = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(indent, fc.constantFrom(...STATEMENTS)).map(([i, s]) => i + s) },
  { weight: 1, arbitrary: words(5).map((ws) => ws.join(' ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

export const script: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SHEBANGS), fc.array(statement, { maxLength: 25 }), fc.boolean())
  .map(([shebang, body, finalNewline]) => [shebang, ...body].join('\n') + (finalNewline ? '\n' : ''));

// ---- mutations -------------------------------------------------------------------------

const HUGE_CHARS = ['a', ' ', '\\', '"', '[', '$(', '`', '${', '#', '\t', '日', '["x",', '\\\n', '<<EOF\n', '\r'];

export type Mutation =
  | { kind: 'crlf' }
  | { kind: 'cr'; at: number }
  | { kind: 'bom' }
  | { kind: 'nul'; at: number }
  | { kind: 'huge'; at: number; len: number; chunk: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'dup'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string };

const pos = fc.nat();
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Mutation>({ kind: 'crlf' }) },
  { weight: 1, arbitrary: pos.map((at): Mutation => ({ kind: 'cr', at })) },
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'bom' }) },
  { weight: 1, arbitrary: pos.map((at): Mutation => ({ kind: 'nul', at })) },
  { weight: 1, arbitrary: fc.tuple(pos, fc.integer({ min: 1_000, max: 64_000 }), fc.constantFrom(...HUGE_CHARS)).map(([at, len, chunk]): Mutation => ({ kind: 'huge', at, len, chunk })) },
  { weight: 2, arbitrary: pos.map((at): Mutation => ({ kind: 'truncate', at })) },
  { weight: 2, arbitrary: fc.tuple(pos, fc.integer({ min: 1, max: 40 })).map(([at, len]): Mutation => ({ kind: 'delete', at, len })) },
  { weight: 1, arbitrary: fc.tuple(pos, fc.integer({ min: 1, max: 200 })).map(([at, len]): Mutation => ({ kind: 'dup', at, len })) },
  { weight: 3, arbitrary: fc.tuple(pos, fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\\', '\\\n', '`\n', '\n', '"', '[', '<<EOF', '$(', '\uFEFF', '\u2028', '\ud800'))).map(([at, text]): Mutation => ({ kind: 'insert', at, text })) },
);

export function applyMutations(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = 'at' in m ? m.at % (t.length + 1) : 0;
    switch (m.kind) {
      case 'crlf':
        t = t.replace(/\r?\n/g, '\r\n');
        break;
      case 'cr': {
        const nl = t.indexOf('\n', at);
        if (nl >= 0) t = `${t.slice(0, nl)}\r${t.slice(nl + 1)}`;
        break;
      }
      case 'bom':
        t = `\uFEFF${t}`;
        break;
      case 'nul':
        t = `${t.slice(0, at)}\0${t.slice(at)}`;
        break;
      case 'huge': {
        const chunk = m.chunk.repeat(Math.ceil(m.len / m.chunk.length)).slice(0, m.len);
        t = `${t.slice(0, at)}${chunk}${t.slice(at)}`;
        break;
      }
      case 'truncate':
        t = t.slice(0, at);
        break;
      case 'delete':
        t = t.slice(0, at) + t.slice(at + m.len);
        break;
      case 'dup':
        t = t.slice(0, at + m.len) + t.slice(at, at + m.len) + t.slice(at + m.len);
        break;
      case 'insert':
        t = `${t.slice(0, at)}${m.text}${t.slice(at)}`;
        break;
    }
  }
  return t;
}

const mutations = (max: number) => fc.oneof({ weight: 2, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: max }) });

/** A wrapper script, often mutated. */
export const mutatedScript: fc.Arbitrary<string> = fc.tuple(script, mutations(3)).map(([s, ms]) => applyMutations(s, ms));

const IGNORE_LINES = ['*', '!entrypoint.sh', '**/*.sh', '!docker/', 'docker', '# comment', '', 'bin/*', '!**/run.sh', '[a-z]*', '\\!x', '/entrypoint.sh', '**', '**/**/**', 'dir with space'];

/** Random instructions, random context files: mostly odd combinations. */
const randomCase: fc.Arbitrary<DockerfileCase> = fc
  .record({
    directives: fc.array(fc.constantFrom(...DIRECTIVES), { maxLength: 2 }),
    body: fc.array(fc.tuple(instruction(mutatedScript), fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.constantFrom('# c', '', '  # indented', 'RUN x'), { maxLength: 2 })), { minLength: 1, maxLength: 14 }),
    startsWithFrom: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    /** null: the escape character the directives declare; else a (maybe wrong) explicit one. */
    escape: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('\\', '`', 'x') }),
    mutations: fc.oneof({ weight: 3, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
    files: fc.array(fc.tuple(fc.constantFrom(...CONTEXT_PATHS), mutatedScript, fc.constantFrom(0o755, 0o644, 0o700, 0o000)), { maxLength: 4 }),
    dockerignore: fc.option(fc.array(fc.constantFrom(...IGNORE_LINES), { maxLength: 5 }).map((ls) => ls.join('\n'))),
  })
  .map(({ directives, body, startsWithFrom, escape, mutations: ms, files, dockerignore }) => {
    const lines = [...directives];
    if (startsWithFrom) lines.push('FROM alpine:3.20');
    const declared = [...directives].reverse().find((d) => /^#\s*escape\s*=/.test(d));
    const esc = escape ?? (declared?.endsWith('`') ? '`' : '\\');
    for (const [line, splits, filler] of body) lines.push(withContinuations(line, esc, splits, filler));
    const dockerfile = applyMutations(`${lines.join('\n')}\n`, ms);
    const seen = new Set<string>();
    const unique = files.filter(([p]) => !seen.has(p) && seen.add(p));
    return {
      dockerfile,
      files: unique.map(([path, content, mode]) => ({ path, content, mode })),
      ...(dockerignore !== null ? { dockerignore } : {}),
    };
  });

/** Where a wired wrapper lands in the image and how the start command names it. */
const WIRING: { dest: string; start: string[] }[] = [
  { dest: '/entrypoint.sh', start: ['ENTRYPOINT ["/entrypoint.sh"]', 'ENTRYPOINT /entrypoint.sh', 'CMD ["/entrypoint.sh"]', 'ENTRYPOINT ["/bin/sh", "/entrypoint.sh"]', 'ENTRYPOINT ["sh", "-c", "/entrypoint.sh"]', 'CMD /entrypoint.sh run'] },
  { dest: '/usr/local/bin/', start: ['ENTRYPOINT ["docker-entrypoint.sh"]', 'ENTRYPOINT ["run.sh"]', 'CMD ["entrypoint.sh", "serve"]', 'ENTRYPOINT ["tini", "--", "docker-entrypoint.sh"]'] },
  { dest: '/app/', start: ['ENTRYPOINT ["./entrypoint.sh"]', 'ENTRYPOINT ["/app/entrypoint.sh"]', 'CMD ["bash", "/app/run.sh"]', 'ENTRYPOINT ["./start"]'] },
  { dest: '.', start: ['ENTRYPOINT ["./docker-entrypoint.sh"]', 'CMD ["./entrypoint.sh"]', 'ENTRYPOINT ["./run.sh"]'] },
];

/** Instructions that keep a wired skeleton valid: set-up steps around the wrapper. */
const benign = fc.constantFrom(
  'RUN apk add --no-cache bash', 'RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*',
  'ENV PATH=/app/bin:$PATH', 'ARG VERSION=1', 'USER app', 'EXPOSE 8080', 'LABEL org.opencontainers.image.source=x', '# comment',
  'STOPSIGNAL SIGQUIT', 'RUN sed -i "s/\\r$//" /entrypoint.sh', 'RUN chmod -R +x /usr/local/bin', 'HEALTHCHECK CMD wget -qO- localhost:8080 || exit 1',
);

/**
 * A realistic skeleton that wires a context script (or a COPY heredoc) into the start command,
 * with random extra instructions around it, then mutated: this is what reaches the wrapper rules.
 */
const wiredCase: fc.Arbitrary<DockerfileCase> = fc
  .record({
    base: fc.constantFrom(...IMAGES.slice(0, 17)),
    wiring: fc.constantFrom(...WIRING),
    pick: fc.nat(),
    file: fc.constantFrom('entrypoint.sh', 'docker-entrypoint.sh', 'run.sh', 'start', 'docker/entrypoint.sh', 'dir with space/run.sh'),
    chmod: fc.constantFrom('', '--chmod=755 ', '--chmod=0644 ', 'RUN'),
    heredoc: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    workdir: fc.boolean(),
    script: mutatedScript,
    sourced: fc.option(mutatedScript),
    mode: fc.constantFrom(0o755, 0o644),
    before: fc.array(fc.oneof({ weight: 4, arbitrary: benign }, { weight: 1, arbitrary: instruction(mutatedScript) }), { maxLength: 3 }),
    after: fc.array(fc.oneof({ weight: 4, arbitrary: benign }, { weight: 1, arbitrary: instruction(mutatedScript) }), { maxLength: 2 }),
    cmd: fc.option(execForm),
    mutations: fc.oneof({ weight: 3, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }) }),
  })
  .map((g) => {
    const start = g.wiring.start[g.pick % g.wiring.start.length]!;
    const name = g.file.split('/').pop()!;
    const destPath = g.wiring.dest.endsWith('/') ? `${g.wiring.dest}${name}` : g.wiring.dest === '.' ? `/app/${name}` : g.wiring.dest;
    const lines = [`FROM ${g.base}`, ...g.before];
    if (g.workdir || g.wiring.dest === '.') lines.push('WORKDIR /app');
    const flag = g.chmod === 'RUN' ? '' : g.chmod;
    if (g.heredoc) lines.push(`COPY ${flag}<<EOF ${g.wiring.dest === '.' ? `./${name}` : destPath}`, g.script.replace(/\nEOF(?=\n|$)/g, '\nEOF_'), 'EOF');
    else lines.push(`COPY ${flag}${g.file.includes(' ') ? JSON.stringify([g.file, g.wiring.dest === '.' ? './' : g.wiring.dest]) : `${g.file} ${g.wiring.dest === '.' ? './' : g.wiring.dest}`}`);
    if (g.chmod === 'RUN') lines.push(`RUN chmod +x ${destPath}`);
    if (g.sourced !== null) lines.push('COPY lib.sh /usr/local/lib/lib.sh');
    lines.push(...g.after, start);
    if (g.cmd !== null) lines.push(`CMD ${g.cmd}`);
    const script = g.sourced !== null ? g.script.replace(/\n/, '\n. /usr/local/lib/lib.sh\n') : g.script;
    const files: DockerfileCase["files"] = g.heredoc ? [] : [{ path: g.file, content: script, mode: g.mode }];
    if (g.sourced !== null) files.push({ path: 'lib.sh', content: g.sourced, mode: 0o644 });
    return { dockerfile: applyMutations(`${lines.join('\n')}\n`, g.mutations), files };
  });

/** A Dockerfile with its build context: wired wrapper skeletons (most) and random combinations. */
export const dockerfileCase: fc.Arbitrary<DockerfileCase> = fc.oneof({ weight: 3, arbitrary: wiredCase }, { weight: 2, arbitrary: randomCase });
