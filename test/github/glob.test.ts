// The `dockerfile` input's matcher: paths, globs, exclusions, and what it never walks into.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { expandDockerfiles, globToRegExp } from '../../src/github/glob.js';
import { makeContext } from '../helpers.js';

const FROM = 'FROM alpine:3.20\n';

function monorepo(): string {
  return makeContext({
    Dockerfile: FROM,
    'services/api/Dockerfile': FROM,
    'services/api/Dockerfile.dev': FROM,
    'services/worker/Dockerfile': FROM,
    'services/worker/docker/Dockerfile': FROM,
    'services/legacy/Dockerfile': FROM,
    'services/.cache/Dockerfile': FROM,
    'node_modules/some-pkg/Dockerfile': FROM,
    '.git/Dockerfile': FROM,
    'tools/[x]/Dockerfile': FROM,
  });
}

describe('globToRegExp', () => {
  it.each([
    ['*/Dockerfile', 'api/Dockerfile', true],
    ['*/Dockerfile', 'api/v2/Dockerfile', false],
    ['*/Dockerfile', '.hidden/Dockerfile', false],
    ['.hidden/*', '.hidden/Dockerfile', true],
    ['**/Dockerfile', 'Dockerfile', true],
    ['**/Dockerfile', 'a/b/c/Dockerfile', true],
    ['**/Dockerfile', 'a/.b/Dockerfile', false],
    ['services/**', 'services/a/b', true],
    ['Dockerfile.*', 'Dockerfile.prod', true],
    ['Dockerfile.*', 'Dockerfile', false],
    ['{api,worker}/Dockerfile', 'worker/Dockerfile', true],
    ['{api,worker}/Dockerfile', 'web/Dockerfile', false],
    ['svc-[ab]/Dockerfile', 'svc-b/Dockerfile', true],
    ['svc-[!ab]/Dockerfile', 'svc-b/Dockerfile', false],
    ['svc-[!ab]/Dockerfile', 'svc-c/Dockerfile', true],
    ['svc-?/Dockerfile', 'svc-1/Dockerfile', true],
    ['svc-?/Dockerfile', 'svc-10/Dockerfile', false],
    ['a.b/Dockerfile', 'aXb/Dockerfile', false],
    ['tools/\\[x]/Dockerfile', 'tools/[x]/Dockerfile', true],
  ])('%s vs %s -> %s', (pattern, file, expected) => {
    expect(globToRegExp(pattern).test(file)).toBe(expected);
  });
});

describe('expandDockerfiles', () => {
  it('expands globs, sorted, without dot-folders, node_modules or .git', () => {
    const ws = monorepo();
    expect(expandDockerfiles('services/*/Dockerfile', ws)).toEqual(['services/api/Dockerfile', 'services/legacy/Dockerfile', 'services/worker/Dockerfile']);
    expect(expandDockerfiles('**/Dockerfile', ws)).toEqual([
      'Dockerfile',
      'services/api/Dockerfile',
      'services/legacy/Dockerfile',
      'services/worker/Dockerfile',
      'services/worker/docker/Dockerfile',
      'tools/[x]/Dockerfile',
    ]);
    expect(expandDockerfiles('services/api/Dockerfile*', ws)).toEqual(['services/api/Dockerfile', 'services/api/Dockerfile.dev']);
  });

  it('takes one entry per line, keeps literal paths, drops `!` exclusions and duplicates', () => {
    const ws = monorepo();
    const spec = ['Dockerfile', '  services/**/Dockerfile  ', '', '# the old one is being removed', '!services/legacy/**', './Dockerfile'].join('\n');
    expect(expandDockerfiles(spec, ws)).toEqual(['Dockerfile', 'services/api/Dockerfile', 'services/worker/Dockerfile', 'services/worker/docker/Dockerfile']);
    // A literal path is kept as given even if missing: reading it fails later with its own sentence.
    expect(expandDockerfiles('docker/Dockerfile.prod', ws)).toEqual(['docker/Dockerfile.prod']);
  });

  it('says which pattern matched nothing', () => {
    const ws = monorepo();
    expect(() => expandDockerfiles('apps/*/Dockerfile', ws)).toThrow(InputError);
    expect(() => expandDockerfiles('apps/*/Dockerfile', ws)).toThrow(/dockerfile pattern "apps\/\*\/Dockerfile" matches no file/);
    expect(() => expandDockerfiles('\n  \n', ws)).toThrow(/at least one Dockerfile/);
    expect(() => expandDockerfiles('services/api/Dockerfile\n!services/**', ws)).toThrow(/exclude every file/);
  });
});
