// The probe's calls on a running container through the Engine API (container-calls.ts), each
// against what the docker CLI says of the same container: the ground truth is the CLI's own
// output (`docker exec`, `docker inspect`, `docker top`, `docker wait`), never our code.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armExec, demultiplex, execIn, inspectState, killContainer, topText, waitContainer } from '../../src/runtime/container-calls.js';
import { dockerEnv } from '../../src/runtime/docker.js';
import { localEngineSocket } from '../../src/runtime/engine-api.js';
import { hostProc, mayLowerPriority, processTree, watchPid1Exit } from '../../src/runtime/host-proc.js';
import { imageConfigFromInspect, inspectImage } from '../../src/runtime/image-config.js';
import { parseTop } from '../../src/runtime/probe.js';
import { BASE_IMAGE, engineAvailable, skipReason } from './engine.js';

const frame = (kind: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = kind;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe('the attach stream without a TTY', () => {
  it('splits stdout and stderr frames, keeps unframed text (an error before the stream) as stdout, caps stdout', () => {
    const body = Buffer.concat([frame(1, 'out1\n'), frame(2, 'err\n'), frame(1, 'out2\n')]);
    const { stdout, stderr } = demultiplex(body, 1024);
    expect(stdout.toString()).toBe('out1\nout2\n');
    expect(stderr.toString()).toBe('err\n');
    expect(demultiplex(Buffer.from('OCI runtime exec failed: exec failed\r\n'), 1024).stdout.toString()).toBe('OCI runtime exec failed: exec failed\r\n');
    expect(demultiplex(body, 3).stdout.toString()).toBe('out1\n');
  });
});

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('docker', args, { env: dockerEnv(), encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe.skipIf(!engineAvailable)(`the Engine API calls against the docker CLI ${skipReason}`, () => {
  let id = '';
  beforeAll(() => {
    expect(localEngineSocket(), 'a local engine socket (the tests run beside the engine)').toBeDefined();
    const run = cli(['run', '-d', '--platform', 'linux/amd64', '--network', 'none', '--label', 'entrypoint-guard.test=container-calls', BASE_IMAGE, 'sh', '-c', 'trap "exit 7" TERM; sleep 300 & while :; do sleep 0.1; done']);
    expect(run.code, run.stderr).toBe(0);
    id = run.stdout.trim();
  });
  afterAll(() => {
    if (id) cli(['rm', '-f', id]);
  });

  it('exec: stdout, stderr and the exit code as `docker exec` gives them', async () => {
    const argv = ['sh', '-c', 'echo out; echo err >&2; exit 3'];
    const truth = cli(['exec', id, ...argv]);
    const res = await execIn(id, argv, { timeoutMs: 20_000 });
    expect(res).toMatchObject({ code: truth.code, stdout: truth.stdout, stderr: truth.stderr, timedOut: false });
    expect(truth.code).toBe(3);
  });

  it('exec at low priority: the kernel runs it, and what it starts, at nice 19; a plain exec at the container\'s nice 0', async () => {
    // Field 19 of /proc/<pid>/stat is the nice value, as the kernel keeps it; the shell waits
    // first so the lowering (done from the host once the engine names the pid) has happened.
    const argv = ['sh', '-c', 'sleep 1; cut -d " " -f 19 /proc/self/stat'];
    const low = await execIn(id, argv, { timeoutMs: 20_000, lowPriority: true });
    const plain = await execIn(id, argv, { timeoutMs: 20_000 });
    expect(plain).toMatchObject({ code: 0, stdout: '0\n' });
    expect(low).toMatchObject({ code: 0, stdout: mayLowerPriority() ? '19\n' : '0\n' });
    expect(cli(['exec', id, ...argv]).stdout).toBe('0\n');
  });

  it('image inspect: the config `docker image inspect` gives, and its words for an image that is not there', async () => {
    const truth = imageConfigFromInspect(JSON.parse(cli(['image', 'inspect', '--format', '{{json .}}', BASE_IMAGE]).stdout));
    expect(await inspectImage(BASE_IMAGE)).toEqual(truth);
    const missing = 'entrypoint-guard-test/no-such-image:never';
    const cliWords = cli(['image', 'inspect', missing]).stderr;
    expect(cliWords).toMatch(/No such image/);
    await expect(inspectImage(missing)).rejects.toThrow(/^docker image inspect entrypoint-guard-test\/no-such-image:never failed: .*No such image/);
  });

  it('exec of a program that is not there: the exit code `docker exec` gives, with the runtime\'s words', async () => {
    const truth = cli(['exec', id, 'curl', '-f', 'http://localhost/']);
    const res = await execIn(id, ['curl', '-f', 'http://localhost/'], { timeoutMs: 20_000 });
    expect(res.code).toBe(truth.code);
    expect([126, 127]).toContain(res.code);
    expect(`${res.stdout}${res.stderr}`).toMatch(/executable file not found|no such file or directory/);
  });

  it('an armed exec waits for its line, then runs; a disarmed one ends without running', async () => {
    const armed = await armExec(id, ['sh', '-c', 'read x && echo "got-$x"'], 30_000);
    expect(armed).toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    const res = await armed!.fire('hello\n');
    expect(res).toMatchObject({ code: 0, stdout: 'got-hello\n' });
    const idle = await armExec(id, ['sh', '-c', 'read x && echo ran > /tmp/ran; sleep 0'], 30_000);
    await new Promise((r) => setTimeout(r, 300));
    idle!.disarm();
    await new Promise((r) => setTimeout(r, 500));
    expect(cli(['top', id, '-o', 'args']).stdout).not.toContain('read x');
    expect(cli(['exec', id, 'cat', '/tmp/ran']).code).not.toBe(0);
  });

  it('an armed exec told a line keeps its stdin open until fired: it answers, then reads to the end; one that ends first answers nothing', async () => {
    const armed = await armExec(id, ['sh', '-c', 'read x && echo "got-$x" && cat >/dev/null && echo closed'], 30_000);
    expect(await armed!.say('hi\n', (out) => out.includes('got-hi\n'))).toBe('got-hi\n');
    await new Promise((r) => setTimeout(r, 200));
    expect(armed!.ended).toBe(false);
    expect(await armed!.fire('')).toMatchObject({ code: 0, stdout: 'got-hi\nclosed\n' });
    expect(armed!.ended).toBe(true);
    const brief = await armExec(id, ['sh', '-c', 'read x && echo bye'], 30_000);
    expect(await brief!.say('hi\n', (out) => out.includes('never'))).toBeUndefined();
    expect(brief!.ended).toBe(true);
  });

  it('state and top: what `docker inspect` and `docker top` say; PID 1 and its children from /proc the same', async () => {
    const state = await inspectState(id);
    const truth = JSON.parse(cli(['inspect', '--format', '{{json .State}}', id]).stdout) as Record<string, unknown>;
    expect(state).toMatchObject({ Running: truth.Running, Pid: truth.Pid, StartedAt: truth.StartedAt });
    const topCli = cli(['top', id, '-eo', 'pid,ppid,args']).stdout;
    const topApi = await topText(id, ['-eo', 'pid,ppid,args']);
    const fromCli = parseTop(topCli, truth.Pid as number)!;
    expect(parseTop(topApi!, truth.Pid as number)).toMatchObject({ argv: fromCli.argv });
    expect(fromCli.children).toContainEqual(['sleep', '300']);
    const tree = processTree(hostProc(truth.Pid as number, id)!)!;
    expect(tree.argv).toEqual(['sh', '-c', 'trap "exit 7" TERM; sleep 300 & while :; do sleep 0.1; done']);
    expect(tree.children.map((c) => c.argv)).toContainEqual(['sleep', '300']);
    expect(tree.children.map((c) => c.pid)).toContain(fromCli.childPids![fromCli.children.findIndex((c) => c.join(' ') === 'sleep 300')]);
  });

  it('kill and wait: the signal reaches PID 1, the wait returns the exit code `docker inspect` records; /proc sees the exit no later', async () => {
    const pid = JSON.parse(cli(['inspect', '--format', '{{json .State.Pid}}', id]).stdout) as number;
    const watch = watchPid1Exit(hostProc(pid, id)!);
    // Running: the watch has not fired.
    expect(await Promise.race([watch.at.then(() => 'gone'), new Promise((r) => setTimeout(() => r('running'), 200))])).toBe('running');
    const waited = waitContainer(id, 30_000).then((code) => ({ code, at: Date.now() }));
    expect(await killContainer(id, 'SIGTERM')).toEqual({ ok: true, error: '' });
    const [gone, engine] = await Promise.all([watch.at, waited]);
    expect(engine.code).toBe(7);
    expect(gone).toBeLessThanOrEqual(engine.at);
    expect(cli(['inspect', '--format', '{{.State.ExitCode}}', id]).stdout.trim()).toBe('7');
    // A stopped container: nothing to signal, and the engine's words for it.
    const again = await killContainer(id, 'SIGTERM');
    expect(again.ok).toBe(false);
    expect(again.error).toMatch(/is not running/);
    expect(await waitContainer(id, 5_000)).toBe(7);
    // An exec in the stopped container: the engine refuses it, with the code and the words the CLI gives
    // (a program's own exit 1 is not to be mistaken for it: the smoke checks' debug-path check was).
    const refused = cli(['exec', id, 'sh', '-c', 'exit 0']);
    const res = await execIn(id, ['sh', '-c', 'exit 0'], { timeoutMs: 20_000 });
    expect(res.code).toBe(refused.code);
    expect(refused.stderr).toMatch(/^Error response from daemon: .*is not running/);
    expect(res.stderr).toMatch(/^Error response from daemon: .*is not running/);
  });
});
