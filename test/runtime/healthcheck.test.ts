// The HEALTHCHECK's armed shell (healthcheck.ts) on a real container of the Debian base: started
// ahead, it runs the check once told, as the container's user with its env, and gives what
// `docker exec` of the same check gives (the ground truth here); a program the image does not
// have is reported in the runtime's own words, as Docker's exec reports it, not the shell's.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerEnv } from '../../src/runtime/docker.js';
import { armHealthCheck, checkHealth } from '../../src/runtime/healthcheck.js';
import type { HealthSpec } from '../../src/runtime/image-config.js';
import { DEBIAN_BASE, basesAvailable, basesSkipReason } from './bases.js';

const LABEL = `entrypoint-guard.test=healthcheck-${process.pid}`;

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('docker', args, { env: dockerEnv(), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: (r.stdout ?? '').trim(), stderr: (r.stderr ?? '').trim() };
}

/** A check Docker would call unhealthy after its first failure (no start period, one retry, 1 s apart). */
function spec(argv: string[]): HealthSpec {
  return { argv, text: argv.join(' '), interval: 1, timeout: 10, startPeriod: 0, retries: 1 };
}

describe.skipIf(!basesAvailable)(`the armed HEALTHCHECK on a real engine ${basesSkipReason}`, () => {
  const run = cli(['run', '-d', '--platform', 'linux/amd64', '--network', 'none', '--label', LABEL, '--user', '1000', '--env', 'CHECK_TARGET=db:5432', DEBIAN_BASE, 'sleep', '300']);
  const id = run.stdout;
  afterAll(() => {
    const ids = cli(['ps', '-aq', '--filter', `label=${LABEL}`]).stdout.split('\n').filter(Boolean);
    if (ids.length > 0) cli(['rm', '-f', ...ids]);
  });

  const judge = (health: HealthSpec) => {
    const startedAt = Date.now();
    return checkHealth({ id, health, startedAt, until: startedAt + 30_000, readyDetail: 'listening on tcp :8000', serving: true, hasShell: true, armed: armHealthCheck(id, health, 60) });
  };

  it('runs the check as the container\'s user with its env, and gives what `docker exec` gives', async () => {
    expect(run.code).toBe(0);
    const argv = ['sh', '-c', 'echo "target $CHECK_TARGET as $(id -u)"; exit 3'];
    const truth = cli(['exec', id, ...argv]);
    expect(truth).toMatchObject({ code: 3, stdout: 'target db:5432 as 1000' });
    const outcome = await judge(spec(argv));
    expect(outcome).toMatchObject({ status: 'unhealthy', exitCode: 3 });
    expect(outcome.hit?.detail).toBe('exited 3: `target db:5432 as 1000`');
  });

  it('a program the image does not have: the runtime\'s words, as `docker exec` gives them, not the armed shell\'s', async () => {
    const argv = ['curl', '-f', 'http://127.0.0.1:8000/'];
    const truth = cli(['exec', id, ...argv]);
    // 126 on Docker 20.10, 127 on newer engines.
    expect([126, 127]).toContain(truth.code);
    expect(truth.stdout + truth.stderr).toMatch(/executable file not found in \$PATH/);
    const outcome = await judge(spec(argv));
    expect(outcome).toMatchObject({ status: 'missing', exitCode: truth.code });
    expect(outcome.hit?.message).toContain('`curl` is not in the image');
    expect(outcome.hit?.detail).toMatch(/executable file not found in \$PATH/);
    expect(outcome.hit?.detail).not.toMatch(/exec: curl: not found/);
  });
});
