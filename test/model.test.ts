import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { classifyImage } from '../src/model/base-image.js';
import { parseDockerfile } from '../src/model/parse.js';
import { dedent } from './helpers.js';

function parse(text: string, target?: string) {
  return parseDockerfile({ file: 'Dockerfile', absPath: '/nonexistent/Dockerfile', text, contextDir: '/nonexistent', target });
}

describe('model', () => {
  it('follows the start contract across FROM <stage> and resets an inherited CMD', () => {
    const m = parse(dedent(`
      FROM node:20-alpine AS base
      WORKDIR /app
      CMD ["node", "server.js"]
      STOPSIGNAL SIGQUIT

      FROM base AS prod
      ENV PATH=/app/bin:$PATH
      ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
    `));
    expect(m.stages).toHaveLength(2);
    expect(m.chain.map((s) => s.name)).toEqual(['base', 'prod']);
    expect(m.base.family).toBe('alpine');
    expect(m.start.entrypoint?.form).toBe('exec');
    expect(m.start.cmd).toBeUndefined();
    expect(m.start.resetCmd?.instr.range.line).toBe(3);
    expect(m.start.argv).toEqual(['/usr/local/bin/docker-entrypoint.sh']);
    expect(m.start.stopSignal?.value).toBe('SIGQUIT');
    expect(m.start.workdir?.value).toBe('/app');
    expect(m.start.path?.[0]).toBe('/app/bin');
    expect(m.start.path).toContain('/usr/bin');
  });

  it('keeps a CMD set in the same stage before ENTRYPOINT', () => {
    const m = parse('FROM debian:bookworm\nCMD ["serve"]\nENTRYPOINT ["/entry.sh"]\n');
    expect(m.start.argv).toEqual(['/entry.sh', 'serve']);
    expect(m.base.family).toBe('debian');
  });

  it('parses exec form as JSON with spaces and continuations, falls back to shell form otherwise', () => {
    const m = parse('FROM alpine\nENTRYPOINT [ "node", \\\n   "x.js" ]\nCMD [\'a\']\n');
    expect(m.start.entrypoint?.argv).toEqual(['node', 'x.js']);
    expect(m.start.cmd?.form).toBe('shell');
    expect(m.start.cmd?.instr.jsonLike).toBe(true);
    expect(m.start.cmd?.argv).toEqual(['/bin/sh', '-c', "['a']"]);
  });

  it('resolves global ARGs in FROM and honours --target', () => {
    const m = parse('ARG BASE=python:3.12-slim\nFROM ${BASE} AS app\nCMD ["gunicorn"]\nFROM scratch AS other\n', 'app');
    expect(m.finalStage.name).toBe('app');
    expect(m.base.family).toBe('debian');
    expect(m.base.ref).toBe('python:3.12-slim');
  });

  it('rejects input that is not a Dockerfile with an InputError', () => {
    expect(() => parse('# just a comment\n')).toThrow(InputError);
    expect(() => parse('FROM alpine\nBOGUS x\n')).toThrow(/unknown instruction/);
    expect(() => parse('FROM alpine\n', 'nope')).toThrow(/build target/);
  });

  it('classifies base images by name and tag', () => {
    expect(classifyImage('node:22-alpine3.23').family).toBe('alpine');
    expect(classifyImage('php:8.5-fpm-alpine').family).toBe('alpine');
    expect(classifyImage('gcr.io/distroless/static:nonroot').family).toBe('distroless');
    expect(classifyImage('gcr.io/distroless/base:debug').debugVariant).toBe(true);
    expect(classifyImage('busybox:1.36-glibc').family).toBe('busybox');
    expect(classifyImage('python:3.12-slim').family).toBe('debian');
    expect(classifyImage('ubuntu:24.04').plainOs).toBe(true);
    expect(classifyImage('nginx:1.27').plainOs).toBe(false);
    expect(classifyImage('mcr.microsoft.com/windows/servercore:ltsc2022').family).toBe('windows');
    expect(classifyImage('registry.access.redhat.com/ubi9/ubi-minimal').family).toBe('rhel');
    expect(classifyImage('127.0.0.1:5000/eg-busybox:latest').family).toBe('unknown');
  });
});

describe('classifyImage: RHEL-family names decide before Debian tag words', () => {
  it('oraclelinux:9-slim and quay.io/centos/centos:stream9 are RHEL-family (/bin/sh is bash)', () => {
    expect(classifyImage('oraclelinux:9-slim').family).toBe('rhel');
    expect(classifyImage('quay.io/centos/centos:stream9').family).toBe('rhel');
    expect(classifyImage('rockylinux/rockylinux:9').family).toBe('rhel');
    // Near miss: a Debian slim tag stays Debian.
    expect(classifyImage('python:3.12-slim').family).toBe('debian');
  });
});
