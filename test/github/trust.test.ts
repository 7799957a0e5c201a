// The trust model: on pull_request_target and on pull requests from forks the checked-out config
// file is the pull request author's, so it cannot hand the build the runner's credentials,
// files, registry or network; the workflow's own inputs still can.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envInputReader, readActionConfig } from '../../src/action-inputs.js';
import { makeContext } from '../helpers.js';
import { runnerInputs } from './run-action.js';

const CONFIG = 'secrets:\n  - id=npm,env=NPM_TOKEN\nssh:\n  - default\nbuild-contexts:\n  - root=/\ncache-to:\n  - type=registry,ref=example.com/cache\nprobe-network: host\ngrace-period: 7\n';

function read(eventName: string, headRepo: string | null, inputs: Record<string, string> = {}) {
  const ws = makeContext({ Dockerfile: 'FROM alpine:3.20\nCMD ["sh"]\n', '.entrypoint-guard.yml': CONFIG });
  const eventPath = path.join(ws, '..', `${path.basename(ws)}-event.json`);
  fs.writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 1, head: { sha: 'abc', repo: headRepo === null ? null : { full_name: headRepo } } } }));
  const env = { GITHUB_WORKSPACE: ws, GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: 'octo-org/shop', ...runnerInputs(inputs) };
  try {
    return readActionConfig(envInputReader(env), env);
  } finally {
    fs.rmSync(eventPath, { force: true });
  }
}

describe('config file trust', () => {
  it('a pull request from a branch of the repository: the config file is trusted', () => {
    const c = read('pull_request', 'octo-org/shop');
    expect(c.options.secrets).toEqual(['id=npm,env=NPM_TOKEN']);
    expect(c.options.probeNetwork).toBe('host');
    expect(c.untrustedKeys).toBeUndefined();
  });

  for (const [event, head] of [['pull_request_target', 'octo-org/shop'], ['pull_request', 'mallory/shop'], ['pull_request', null]] as const) {
    it(`${event} from ${head ?? 'a deleted fork'}: the file cannot set secrets, ssh, build-contexts, cache-to or probe-network`, () => {
      const c = read(event, head);
      expect(c.options.secrets).toEqual([]);
      expect(c.options.ssh).toEqual([]);
      expect(c.options.buildContexts).toEqual([]);
      expect(c.options.cacheTo).toEqual([]);
      expect(c.options.probeNetwork).toBe('none');
      expect(c.untrustedKeys).toEqual(['secrets', 'ssh', 'build-contexts', 'cache-to', 'probe-network']);
      // Harmless keys still apply.
      expect(c.options.gracePeriod).toBe(7);
    });
  }

  it("pull_request_target: the workflow's own inputs still set them", () => {
    const c = read('pull_request_target', 'mallory/shop', { secrets: 'id=npm,env=NPM_TOKEN', 'probe-network': 'bridge' });
    expect(c.options.secrets).toEqual(['id=npm,env=NPM_TOKEN']);
    expect(c.options.probeNetwork).toBe('bridge');
  });
});
