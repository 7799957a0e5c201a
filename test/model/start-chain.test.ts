// The start chain: init -> privilege drop -> shell -> wrapper script(s) -> program, each link
// with the line that wrote it. Dockerfiles quoted from the public repositories named.
import { describe, expect, it } from 'vitest';
import { lintResult } from '../helpers.js';
import type { ChainLink } from '../../src/model/types.js';

const exe = (content: string) => ({ content, mode: 0o755 });
const shape = (links: ChainLink[]) => links.map((l) => `${l.kind}:${l.name}@${l.part.instr.range.line}`);

function chainOf(dockerfile: string, files: Record<string, string | { content: string; mode?: number }> = {}) {
  return lintResult(dockerfile, files).model.startChain;
}

describe('start chain', () => {
  it('jenkinsci/docker: tini gives its program, jenkins.sh, which starts Jenkins itself without arguments', () => {
    const chain = chainOf('FROM debian:bookworm\nCOPY jenkins.sh /usr/local/bin/jenkins.sh\nENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/jenkins.sh"]\n', {
      'jenkins.sh': exe('#! /bin/bash -e\nif [[ $# -lt 1 ]] || [[ "$1" == "--"* ]]; then\n  exec java -jar /usr/share/jenkins/jenkins.war "$@"\nfi\nexec "$@"\n'),
    });
    // Started with no arguments, jenkins.sh takes its `$# -lt 1` branch and execs java itself.
    expect(shape(chain.links)).toEqual(['init:tini@3', 'script:jenkins.sh@3', 'program:java@3']);
    expect(chain.links[0]!.argv).toEqual(['/usr/bin/tini', '--']);
    expect(chain.links[0]!.groupSignals).toBe(false);
    expect(chain.program).toMatchObject({ name: 'java', argv: ['java', '-jar', '/usr/share/jenkins/jenkins.war'], origin: { line: 3 } });
    expect(chain.links[1]!.runsNothing).toBeUndefined();
  });

  it('reads inits and droppers from the one table: s6-setuidgid, setpriv, tini-static-amd64, docker-init, dumb-init', () => {
    const script = { 'entrypoint.sh': exe('#!/bin/sh\nset -e\nexec "$@"\n') };
    const copy = 'COPY entrypoint.sh /entrypoint.sh\n';
    expect(shape(chainOf(`FROM alpine:3.20\n${copy}ENTRYPOINT ["s6-setuidgid", "app", "/entrypoint.sh"]\nCMD ["node", "server.js"]\n`, script).links))
      .toEqual(['privdrop:s6-setuidgid@3', 'script:entrypoint.sh@3', 'program:node@4']);
    expect(shape(chainOf(`FROM debian:bookworm\n${copy}ENTRYPOINT ["setpriv", "--reuid=1000", "--regid=1000", "--init-groups", "/entrypoint.sh"]\nCMD ["gunicorn", "app.wsgi"]\n`, script).links))
      .toEqual(['privdrop:setpriv@3', 'script:entrypoint.sh@3', 'program:gunicorn@4']);
    expect(shape(chainOf(`FROM alpine:3.20\n${copy}ENTRYPOINT ["/sbin/tini-static-amd64", "--", "/entrypoint.sh"]\nCMD ["worker"]\n`, script).links))
      .toEqual(['init:tini@3', 'script:entrypoint.sh@3', 'program:worker@4']);
    const npm = chainOf('FROM node:22-slim\nENTRYPOINT ["docker-init", "--"]\nCMD ["npm", "start"]\n');
    expect(shape(npm.links)).toEqual(['init:tini@2', 'program:npm@3']);
    const s6 = chainOf('FROM alpine:3.20\nENTRYPOINT ["/init"]\nCMD ["nginx", "-g", "daemon off;"]\n');
    expect(s6.links.map((l) => [l.kind, l.name, l.groupSignals])).toEqual([['init', 's6-overlay', true], ['program', 'nginx', undefined]]);
    const dumb = chainOf('FROM python:3.12-slim\nENTRYPOINT ["dumb-init", "--"]\nCMD ["celery", "-A", "proj", "worker"]\n');
    expect(dumb.links[0]).toMatchObject({ kind: 'init', name: 'dumb-init', groupSignals: true });
  });

  it('0xEDU/ft_transcendence: ["sh", "docker-entrypoint.sh"] opens the script relative to WORKDIR', () => {
    const { model } = lintResult(
      'FROM python:3.10-alpine\nENV TRANSCENDENCE_DIR=/ft_transcendence\nWORKDIR $TRANSCENDENCE_DIR\nCOPY . $TRANSCENDENCE_DIR\nENTRYPOINT [ "sh", "docker-entrypoint.sh" ]\n',
      { 'docker-entrypoint.sh': '#!/bin/sh\nsleep 15\npython manage.py migrate\npython manage.py runserver_plus 0.0.0.0:8000\n' },
    );
    expect(shape(model.startChain.links)).toEqual(['script:docker-entrypoint.sh@5']);
    expect(model.startChain.links[0]).toMatchObject({ interpreter: 'sh', forwards: false });
    expect(model.wrappers.map((w) => [w.imagePath, w.role, w.interpreter])).toEqual([['/ft_transcendence/docker-entrypoint.sh', 'start', 'sh']]);
  });

  it('distribution/distribution-library-image: a CMD word naming a YAML config is an argument, not a script', () => {
    const { model } = lintResult(
      'FROM alpine:3.21\nCOPY ./config-example.yml /etc/distribution/config.yml\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["/etc/distribution/config.yml"]\n',
      {
        'config-example.yml': 'version: 0.1\nlog:\n  fields:\n    service: registry\n',
        'entrypoint.sh': exe('#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\n    serve|garbage-collect|help|-*) set -- registry "$@" ;;\nesac\n\nexec "$@"\n'),
      },
    );
    expect(model.wrappers.map((w) => w.imagePath)).toEqual(['/entrypoint.sh']);
    expect(model.startChain.links.map((l) => l.kind)).toEqual(['script', 'program']);
  });

  it('follows sh -c through exec "$@" and knows which shell replaces itself on this base', () => {
    const chain = chainOf('FROM python:3.12-slim\nENTRYPOINT ["sh", "-c", "python manage.py migrate && exec \\"$@\\"", "--"]\nCMD ["gunicorn", "app.wsgi"]\n');
    expect(shape(chain.links)).toEqual(['shell:sh@2', 'program:gunicorn@3']);
    expect(chain.links[0]).toMatchObject({ shellKind: 'dash', replaced: true });
    const dash = chainOf('FROM python:3.12-slim\nCMD python manage.py migrate && gunicorn app.wsgi\n');
    expect(dash.links[0]).toMatchObject({ kind: 'shell', shellKind: 'dash', replaced: false });
    expect(dash.program).toMatchObject({ name: 'gunicorn', argv: ['gunicorn', 'app.wsgi'] });
    const ash = chainOf('FROM python:3.12-alpine\nCMD python manage.py migrate && gunicorn app.wsgi\n');
    expect(ash.links[0]).toMatchObject({ shellKind: 'ash', replaced: true });
  });

  it('mealie-recipes/mealie: a script that re-execs itself under gosu ("$BASH_SOURCE" "$@") does not hand its arguments on', () => {
    const chain = chainOf('FROM python:3.12-slim\nCOPY entry.sh /app/run.sh\nENTRYPOINT ["/app/run.sh"]\n', {
      'entry.sh': exe('#!/bin/bash\nchange_user() {\n    if [ $(id -u) = 0 ]; then\n        exec gosu $PUID "$BASH_SOURCE" "$@"\n    fi\n}\nchange_user\nexec python /app/mealie/main.py\n'),
    });
    expect(chain.links).toHaveLength(2);
    expect(chain.links[0]).toMatchObject({ kind: 'script', forwards: false });
    // The second pass (as the user) runs the app: the chain ends in it, written on line 8 of the script.
    expect(chain.links[1]).toMatchObject({ kind: 'program', word: 'python', origin: { file: 'entry.sh', line: 8 } });
  });

  it('a heredoc body in a wrapper is data: a `. lib.sh` inside `cat <<EOF` is not a sourced script', () => {
    const { model } = lintResult('FROM alpine:3.20\nCOPY entrypoint.sh lib.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n', {
      'entrypoint.sh': exe('#!/bin/sh\nset -e\ncat > /etc/profile.d/app.sh <<EOF\n. /usr/local/bin/lib.sh\nEOF\nexec "$@"\n'),
      'lib.sh': 'echo [[ bash only ]]\n',
    });
    expect(model.wrappers.map((w) => w.imagePath)).toEqual(['/usr/local/bin/entrypoint.sh']);
  });

  it('is empty for a Windows image and without a start command', () => {
    expect(chainOf('FROM alpine:3.20\nRUN true\n').links).toEqual([]);
    expect(chainOf('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n').links).toEqual([]);
  });
});

describe('expected PID 1 (what the probe compares with)', () => {
  it('a wrapper that runs gunicorn without exec: the shell stays PID 1, gunicorn is expected from the script line', async () => {
    const { expectedPid1 } = await import('../../src/model/start-chain.js');
    const { model } = lintResult('FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', {
      'entrypoint.sh': exe('#!/bin/sh\nset -e\npython manage.py migrate\ngunicorn app.wsgi --bind 0.0.0.0:8000\n'),
    });
    expect(expectedPid1(model)).toEqual({ name: 'gunicorn', where: 'line 4 of entrypoint.sh runs it without `exec`', childOfShell: true });
  });

  it('a wrapper that execs "$@" with the image\'s CMD: the CMD\'s program, from its line', async () => {
    const { expectedPid1 } = await import('../../src/model/start-chain.js');
    const { model } = lintResult('FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["gunicorn", "app.wsgi"]\n', {
      'entrypoint.sh': exe('#!/bin/sh\nset -e\nexec gosu app "$@"\n'),
    });
    expect(expectedPid1(model)).toEqual({ name: 'gunicorn', where: 'CMD on line 4', childOfShell: false });
    expect(model.startChain.links.map((l) => `${l.kind}:${l.name}`)).toEqual(['script:entrypoint.sh', 'privdrop:gosu', 'program:gunicorn']);
  });
});
