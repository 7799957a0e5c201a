// Build secret VALUES never leave the tool: masked as the build log streams (values split across
// chunks included), in every report format, the Action's summary, check run and log; the Action's
// token can never be a build secret.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { forgetSecrets, protectCredential, redact, redactDeep, RedactingStream, registerBuildSecrets } from '../../src/runtime/secrets.js';
import { FakeGitHub } from '../github/fake-github.js';
import { makeWorkspace, runAction, TOKEN } from '../github/run-action.js';
import { BASE_IMAGE, engineAvailable, skipReason } from '../runtime/engine.js';
import { runCli, tempDir, writeFiles } from './run.js';

describe('secret values, masked', () => {
  afterEach(() => forgetSecrets());

  it('reads values as buildx does: env=NAME, src=FILE, or the variable named by the id', () => {
    const dir = writeFiles(tempDir(), { 'npmrc.txt': '//registry.npmjs.org/:_authToken=npm_fileSecret123\nalways-auth=true\n' });
    const values = registerBuildSecrets(['id=a,env=EG_A', `id=b,src=${path.join(dir, 'npmrc.txt')}`, 'id=EG_C', 'id=d,env=EG_UNSET'], { EG_A: 'alpha-value-1', EG_C: 'charlie-value-3' });
    expect(values).toHaveLength(3);
    const text = 'x alpha-value-1 y //registry.npmjs.org/:_authToken=npm_fileSecret123 z charlie-value-3';
    expect(redact(text)).toBe('x *** y *** z ***');
    // Each line of a file secret is masked on its own (BuildKit prints output line by line).
    expect(redact('#8 0.31 always-auth=true')).toBe('#8 0.31 ***');
    // Ids and spec text are not values: "token" stays "token".
    expect(redact('the token id=a,env=EG_A')).toBe('the token id=a,env=EG_A');
  });

  it('masks a value split across stream chunks at every split point', () => {
    const secret = 'Sup3r-S3cret-Value';
    registerBuildSecrets(['id=s,env=S'], { S: secret });
    const text = `#7 0.2 before ${secret} middle ${secret}${secret} S after Sup`;
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 3), Math.min(text.length, i + 11)]) {
        const stream = new RedactingStream();
        const out = stream.write(text.slice(0, i)) + stream.write(text.slice(i, j)) + stream.write(text.slice(j)) + stream.end();
        expect(out, `split at ${i}/${j}`).toBe('#7 0.2 before *** middle ****** S after Sup');
      }
    }
    // One character at a time.
    const stream = new RedactingStream();
    let out = '';
    for (const c of text) out += stream.write(c);
    expect(out + stream.end()).toBe('#7 0.2 before *** middle ****** S after Sup');
  });

  it('masks every string of a report in place, without recursion', () => {
    registerBuildSecrets(['id=s,env=S'], { S: 'deep-secret-42' });
    const deep = { findings: Array.from({ length: 130_000 }, (_, i) => ({ message: `n${i} deep-secret-42`, platforms: ['linux/amd64'] })), notes: ['deep-secret-42'] };
    redactDeep(deep);
    expect(deep.findings[129_999]!.message).toBe('n129999 ***');
    expect(deep.notes).toEqual(['***']);
  });

  it("refuses the Action's token as a build secret, by variable or by value", () => {
    protectCredential(TOKEN);
    expect(() => registerBuildSecrets(['id=tok,env=INPUT_GITHUB-TOKEN'], { 'INPUT_GITHUB-TOKEN': TOKEN })).toThrow(InputError);
    expect(() => registerBuildSecrets(['id=tok,env=ACTIONS_RUNTIME_TOKEN'], {})).toThrow(/credential/);
    expect(() => registerBuildSecrets(['id=GITHUB_TOKEN'], { GITHUB_TOKEN: TOKEN })).toThrow(/token/);
    // A token of its own for the build (not the Action's) is fine.
    expect(registerBuildSecrets(['id=gh,env=GITHUB_TOKEN'], { GITHUB_TOKEN: 'ghp_aDifferentTokenForTheBuild' })).toEqual(['ghp_aDifferentTokenForTheBuild']);
    expect(() => registerBuildSecrets(['id=tok,env=MY_COPY'], { MY_COPY: TOKEN })).toThrow(/token/);
    const dir = writeFiles(tempDir(), { tok: `${TOKEN}\n` });
    expect(() => registerBuildSecrets([`id=tok,src=${path.join(dir, 'tok')}`], {})).toThrow(/token/);
    expect(redact(`Authorization: token ${TOKEN}`)).toBe('Authorization: token ***');
  });
});

/** A RUN that prints the secret and fails, so the value lands in the build-failed finding's excerpt. */
const LEAKY = `FROM ${BASE_IMAGE}\nRUN --mount=type=secret,id=tok echo "value: $(cat /run/secrets/tok)" && exit 3\nCMD ["sh"]\n`;

describe.skipIf(!engineAvailable)(`a secret echoed by a failing RUN${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  it.concurrent('is absent from the text, JSON and SARIF reports and the progress log', async () => {
    const secret = `eg-secret-${randomBytes(8).toString('hex')}`;
    const dir = writeFiles(tempDir(), { Dockerfile: LEAKY });
    for (const format of ['text', 'json', 'sarif']) {
      const r = await runCli(['--platforms', process.arch === 'arm64' ? 'linux/arm64' : 'linux/amd64', '--secret', 'id=tok,env=EG_BUILD_SECRET', '--progress', 'plain', '--format', format, 'Dockerfile'], {
        cwd: dir,
        env: { EG_BUILD_SECRET: secret },
        timeoutMs: 180_000,
      });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/build-failed/);
      // The failing step's output is there, its secret masked.
      expect(r.stdout).toMatch(/value: \*\*\*/);
      expect(r.stdout + r.stderr, format).not.toContain(secret);
      expect(r.stdout + r.stderr).not.toContain(secret.slice(0, 20));
    }
  }, 300_000);

  describe('through the Action', () => {
    const github = new FakeGitHub();
    beforeAll(async () => void (await github.start()));
    afterAll(async () => github.stop());

    it('is absent from the check run, the summary, the log, the outputs and the JSON report', async () => {
      const secret = `eg-secret-${randomBytes(8).toString('hex')}`;
      const ws = makeWorkspace({ Dockerfile: LEAKY });
      const run = await runAction({
        workspace: ws,
        apiUrl: github.url,
        inputs: { platforms: process.arch === 'arm64' ? 'linux/arm64' : 'linux/amd64', secrets: 'id=tok,env=EG_BUILD_SECRET', 'fail-on': 'never', 'check-run': 'true', review: 'true' },
        env: { EG_BUILD_SECRET: secret },
      });
      expect(run.code, run.stderr).toBe(0);
      const checkRuns = github.requests.filter((r) => /check-runs/.test(r.path));
      expect(checkRuns.length).toBeGreaterThan(0);
      expect(JSON.stringify(checkRuns)).toMatch(/build-failed/);
      // The runner's own mask command carries the value (the runner hides it and masks it from then on).
      expect(run.commands).toContain(`::add-mask::${secret}`);
      const stdout = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
      const everything = [JSON.stringify(github.requests), run.summary, stdout, run.stderr, JSON.stringify(run.outputs), fs.readFileSync(run.outputs.report!, 'utf8')].join('\n');
      expect(everything).toMatch(/build-failed/);
      for (const [name, part] of Object.entries({ requests: JSON.stringify(github.requests), summary: run.summary, stdout, stderr: run.stderr })) expect(part, name).not.toContain(secret);
      expect(everything).not.toContain(secret);
    }, 300_000);

    it("refuses a config file that names the Action's token as a build secret, in one line", async () => {
      const ws = makeWorkspace({ Dockerfile: LEAKY, '.entrypoint-guard.yml': 'secrets:\n  - id=tok,env=INPUT_GITHUB-TOKEN\n' });
      // A push: the repository's own config file is trusted, and refused for naming the token.
      const run = await runAction({ workspace: ws, apiUrl: github.url, inputs: { platforms: 'linux/amd64' }, eventName: 'push', event: {} });
      expect(run.code).toBe(1);
      const errors = run.commands.filter((c) => c.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/build secret tok reads INPUT_GITHUB-TOKEN/);
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      // A pull request from a fork: the file is the author's, so its secrets key is ignored (and said so).
      const fork = await runAction({ workspace: ws, apiUrl: github.url, inputs: { static: 'true' } });
      expect(fork.code, fork.stderr).toBe(0);
      expect(fork.stdout).toMatch(/secrets ignored: on pull_request_target and on pull requests from forks/);
      expect(fork.stdout + fork.stderr).not.toContain(TOKEN);
    }, 120_000);
  });
});
