// The Action's inputs -> typed configuration, read the way the runner passes them.
import { describe, expect, it } from 'vitest';
import { envInputReader, readActionConfig } from '../../src/action-inputs.js';
import { InputError } from '../../src/errors.js';
import { makeContext } from '../helpers.js';
import { actionYml, runnerInputs, TOKEN } from './run-action.js';

const FROM = 'FROM node:22-bookworm-slim\nCMD ["node", "server.js"]\n';

function config(inputs: Record<string, string>, files: Record<string, string> = { Dockerfile: FROM }, extraEnv: Record<string, string> = {}) {
  const ws = makeContext(files);
  const env = { GITHUB_WORKSPACE: ws, ...runnerInputs(inputs), ...extraEnv };
  return { ws, config: readActionConfig(envInputReader(env), env) };
}

describe('action.yml', () => {
  it('declares every output and runs the bundles on node24', () => {
    // The inputs themselves are the option catalog's (test/options/catalog.test.ts).
    expect(Object.keys(actionYml.outputs).sort()).toEqual(['errors', 'findings', 'infos', 'matrix', 'report', 'result', 'shutdown-seconds', 'warnings']);
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js' });
    expect(actionYml.inputs['github-token']!.default).toBe('${{ github.token }}');
    for (const [name, spec] of Object.entries({ ...actionYml.inputs, ...actionYml.outputs })) expect(spec.description.length, name).toBeGreaterThan(15);
  });

  it("has the same defaults as the code (a runner's defaults and missing INPUT_* variables agree)", () => {
    const withDefaults = config({}).config;
    const ws = makeContext({ Dockerfile: FROM });
    const bare = readActionConfig(envInputReader({ GITHUB_WORKSPACE: ws }), { GITHUB_WORKSPACE: ws });
    const strip = (c: typeof bare) => ({ ...c, workspace: '', token: '', options: { ...c.options, cwd: '' } });
    expect(strip(withDefaults)).toEqual(strip(bare));
    expect(withDefaults.options).toMatchObject({ static: false, platforms: ['linux/amd64', 'linux/arm64'], gracePeriod: 10, startupWait: 60, probeNetwork: 'none', failOn: 'error' });
    expect(withDefaults).toMatchObject({ dockerfiles: ['Dockerfile'], annotations: true, checkRun: false, review: false, token: TOKEN });
  });
});

describe('readActionConfig', () => {
  it('parses every input', () => {
    const { ws, config: c } = config(
      {
        dockerfile: 'services/*/Dockerfile',
        context: 'services',
        platforms: 'linux/arm64\nlinux/amd64',
        target: 'runtime',
        'build-args': 'NODE_VERSION=22\n# comment\n\nAPP_URL=http://x/?a=b',
        static: 'TRUE',
        'grace-period': '30',
        'startup-wait': '1.5',
        'ready-log': 'listening on \\d+',
        'probe-env': 'DATABASE_URL=postgres://db/app',
        'probe-network': 'bridge',
        ignore: 'no-debug-shell, shellcheck/SC2086\nwrapper-no-errexit',
        'fail-on': 'Warning',
        annotations: 'False',
        'check-run': 'true',
        review: 'true',
        'sarif-file': 'results/eg.sarif',
      },
      { 'services/api/Dockerfile': FROM, 'services/worker/Dockerfile': FROM },
    );
    expect(c.workspace).toBe(ws);
    expect(c.dockerfiles).toEqual(['services/api/Dockerfile', 'services/worker/Dockerfile']);
    expect(c.options).toMatchObject({
      context: 'services',
      platforms: ['linux/arm64', 'linux/amd64'],
      target: 'runtime',
      buildArgs: { NODE_VERSION: '22', APP_URL: 'http://x/?a=b' },
      static: true,
      gracePeriod: 30,
      startupWait: 1.5,
      probeEnv: { DATABASE_URL: 'postgres://db/app' },
      probeNetwork: 'bridge',
      failOn: 'warning',
      cwd: ws,
    });
    expect(c.options.readyLog!.test('listening on 3000')).toBe(true);
    expect([...c.options.ignore].sort()).toEqual(['no-debug-shell', 'shellcheck/SC2086', 'wrapper-no-errexit']);
    expect(c).toMatchObject({ annotations: false, checkRun: true, review: true, sarifFile: 'results/eg.sarif' });
  });

  it('never puts the token or the runner environment into the options a container could see', () => {
    const { config: c } = config({ 'probe-env': 'LOG_LEVEL=debug' }, undefined, { GITHUB_TOKEN: TOKEN, ACTIONS_RUNTIME_TOKEN: 'rt-secret', AWS_SECRET_ACCESS_KEY: 'aws-secret' });
    expect(c.options.probeEnv).toEqual({ LOG_LEVEL: 'debug' });
    const serialized = JSON.stringify({ ...c.options, ignore: [...c.options.ignore] });
    for (const secret of [TOKEN, 'rt-secret', 'aws-secret']) expect(serialized).not.toContain(secret);
  });

  it.each([
    [{ 'fail-on': 'sometimes' }, 'fail-on must be one of error, warning, info, never (got "sometimes")'],
    [{ annotations: 'yes' }, 'annotations must be true or false (got "yes")'],
    [{ platforms: 'arm64' }, 'platform "arm64" is not of the form os/arch[/variant], e.g. linux/arm64'],
    [{ 'probe-env': 'not a pair' }, 'probe-env takes KEY=VALUE (got "not a pair")'],
    [{ 'ready-log': '(unclosed' }, 'ready-log is not a valid regular expression: "(unclosed"'],
    [{ 'ready-cmd': 'test -f /a\ntest -f /b' }, "ready-cmd must be one non-empty command line, e.g. ready-cmd 'test -f /tmp/ready'"],
    [{ 'probe-network': 'host; rm -rf /' }, 'probe-network "host; rm -rf /" is not a docker network name'],
    [{ context: 'Dockerfile' }, 'context Dockerfile is not a directory'],
    [{ dockerfile: 'Dockerfile\nother/Dockerfile' }, 'Dockerfile other/Dockerfile does not exist'],
  ])('%j -> one sentence', (inputs, message) => {
    let error: unknown;
    try {
      config(inputs);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });
});
