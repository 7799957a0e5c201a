// The probe's calls on a running container (its state, `top`, an exec, a signal, the wait for
// its exit) through the Engine API on the local socket when there is one (engine-api.ts), else
// the docker CLI. They sit between readiness and the verdict, where a `docker` process per call
// (a Go binary's start, 50–100 ms on a busy 2-core machine) was most of their cost. Same rules
// as every docker call: a timeout on each, a cap on the bytes kept, argv arrays only.
import http from 'node:http';
import type { Socket } from 'node:net';
import { docker, logCall, type DockerResult } from './docker.js';
import { engineMessage, engineRequest, localEngineSocket } from './engine-api.js';
import { hostProc, lowerPriority } from './host-proc.js';

const CALL_MS = 20_000;
const path = (id: string) => `/containers/${encodeURIComponent(id)}`;

/** `docker inspect`'s `.State` of a container, as parsed JSON; undefined when it is gone or the call failed. */
export async function inspectState(id: string): Promise<Record<string, unknown> | undefined> {
  const socket = localEngineSocket();
  if (!socket) {
    const res = await docker(['inspect', '--format', '{{json .State}}', id], { timeoutMs: CALL_MS });
    return res.code === 0 ? parseObject(res.stdout) : undefined;
  }
  const res = await engineRequest(socket, 'GET', `${path(id)}/json`, { timeoutMs: CALL_MS });
  if (res.status !== 200) return undefined;
  const state = parseObject(res.body.toString('utf8'))?.State;
  return state && typeof state === 'object' ? (state as Record<string, unknown>) : undefined;
}

/** `docker top <id> <ps args>` as the CLI prints it: a title line, then one process a line. */
export async function topText(id: string, psArgs: string[]): Promise<string | undefined> {
  const socket = localEngineSocket();
  if (!socket) {
    const res = await docker(['top', id, ...psArgs], { timeoutMs: CALL_MS });
    return res.code === 0 ? res.stdout : undefined;
  }
  const res = await engineRequest(socket, 'GET', `${path(id)}/top?ps_args=${encodeURIComponent(psArgs.join(' '))}`, { timeoutMs: CALL_MS });
  if (res.status !== 200) return undefined;
  const top = parseObject(res.body.toString('utf8')) as { Titles?: unknown; Processes?: unknown } | undefined;
  if (!Array.isArray(top?.Titles) || !Array.isArray(top?.Processes)) return undefined;
  const row = (cols: unknown) => (Array.isArray(cols) ? cols.map(String).join(' ') : '');
  return [row(top.Titles), ...top.Processes.map(row)].join('\n');
}

/** Send a signal (a name like SIGTERM, or its number). */
export async function killContainer(id: string, signal: string): Promise<{ ok: boolean; error: string }> {
  const socket = localEngineSocket();
  if (!socket) {
    const res = await docker(['kill', '-s', signal, id], { timeoutMs: CALL_MS });
    return { ok: res.code === 0, error: res.stderr };
  }
  const res = await engineRequest(socket, 'POST', `${path(id)}/kill?signal=${encodeURIComponent(signal)}`, { timeoutMs: CALL_MS });
  return { ok: res.status === 204, error: res.status === 204 ? '' : engineMessage(res) };
}

/** The exit code once the container has stopped (`docker wait`); undefined when the call failed or timed out. */
export async function waitContainer(id: string, timeoutMs: number): Promise<number | undefined> {
  const socket = localEngineSocket();
  if (!socket) {
    const res = await docker(['wait', id], { timeoutMs });
    const code = Number.parseInt(res.stdout.trim(), 10);
    return res.code === 0 && Number.isFinite(code) ? code : undefined;
  }
  const res = await engineRequest(socket, 'POST', `${path(id)}/wait?condition=not-running`, { timeoutMs });
  const code = (parseObject(res.body.toString('utf8')) as { StatusCode?: unknown } | undefined)?.StatusCode;
  return res.status === 200 && typeof code === 'number' ? code : undefined;
}

export interface ExecOptions {
  timeoutMs: number;
  maxStdoutBytes?: number;
  /**
   * Run it at the lowest CPU priority (lowerPriority), for a check started beside the service's
   * own start. Local engine only; it runs at normal priority when its process cannot be lowered.
   */
  lowPriority?: boolean;
}

/**
 * `docker exec <id> argv…`, its output and exit code. Over the API: create the exec, start it
 * attached (the engine streams stdout and stderr multiplexed, then closes), read its exit code.
 * A program that cannot start gets the engine's own words on stdout and exit code 126/127, as
 * the CLI reports them. On a timeout the process is left to the container's removal, as with the CLI.
 */
export async function execIn(id: string, argv: string[], options: ExecOptions): Promise<DockerResult> {
  const socket = localEngineSocket();
  if (!socket) return docker(['exec', id, ...argv], options);
  const deadline = Date.now() + options.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  // As the CLI gives an engine's refusal (a container that stopped meanwhile): exit code 1 and the
  // engine's words after "Error response from daemon:", so that callers can tell it from a program's own exit 1.
  const failed = (stderr: string, timedOut = false): DockerResult => ({ code: timedOut ? null : 1, stdout: '', stderr: timedOut ? stderr : `Error response from daemon: ${stderr}`, timedOut, stdoutBytes: Buffer.alloc(0) });
  const created = await createExec(socket, id, argv, false, left());
  if ('error' in created) return failed(created.error, created.timedOut);
  const { execId } = created;
  const starting = engineRequest(socket, 'POST', `/exec/${encodeURIComponent(execId)}/start`, { timeoutMs: left(), json: { Detach: false, Tty: false } });
  if (options.lowPriority) void lowerWhenRunning(socket, id, execId, starting);
  const started = await starting;
  if (started.timedOut) return failed(`no answer within ${options.timeoutMs / 1000} s`, true);
  if (started.status !== 200) return failed(engineMessage(started));
  const { stdout, stderr } = demultiplex(started.body, options.maxStdoutBytes ?? 64 * 1024 * 1024);
  const exit = await exitCodeOf(socket, execId, deadline);
  if ('error' in exit) return { ...failed(exit.error, exit.timedOut), stdout: stdout.toString('utf8'), stdoutBytes: stdout };
  return { code: exit.code, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), timedOut: false, stdoutBytes: stdout };
}

/** How often the exec's host pid is asked for while it starts, and for how long at most. */
const EXEC_PID_POLL_MS = 20;
const EXEC_PID_WAIT_MS = 2000;

/**
 * Lower the exec's process once the engine names its host pid (checked to be this container's),
 * and once more a moment later for the threads it started meanwhile.
 */
async function lowerWhenRunning(socket: string, id: string, execId: string, done: Promise<unknown>): Promise<void> {
  let finished = false;
  void done.then(() => (finished = true));
  const until = Date.now() + EXEC_PID_WAIT_MS;
  while (!finished && Date.now() < until) {
    const inspected = await engineRequest(socket, 'GET', `/exec/${encodeURIComponent(execId)}/json`, { timeoutMs: CALL_MS });
    const pid = (parseObject(inspected.body.toString('utf8')) as { Pid?: unknown } | undefined)?.Pid;
    if (inspected.status !== 200) return;
    if (typeof pid === 'number' && pid > 0) {
      const proc = hostProc(pid, id);
      if (!proc || !lowerPriority(proc)) return;
      await new Promise((r) => setTimeout(r, 50));
      lowerPriority(proc);
      return;
    }
    await new Promise((r) => setTimeout(r, EXEC_PID_POLL_MS));
  }
}

/** Create an exec of `argv` (stdout and stderr attached, stdin too when asked). */
async function createExec(socket: string, id: string, argv: string[], stdin: boolean, timeoutMs: number): Promise<{ execId: string } | { error: string; timedOut: boolean }> {
  const created = await engineRequest(socket, 'POST', `${path(id)}/exec`, { timeoutMs, json: { ...(stdin ? { AttachStdin: true } : {}), AttachStdout: true, AttachStderr: true, Cmd: argv } });
  const execId = (parseObject(created.body.toString('utf8')) as { Id?: unknown } | undefined)?.Id;
  return created.status === 201 && typeof execId === 'string' ? { execId } : { error: engineMessage(created), timedOut: created.timedOut };
}

/** An exec's exit code once its stream has ended: the stream ends as the process does, its exit code can land a moment later. */
async function exitCodeOf(socket: string, execId: string, deadline: number): Promise<{ code: number } | { error: string; timedOut: boolean }> {
  for (;;) {
    const inspected = await engineRequest(socket, 'GET', `/exec/${encodeURIComponent(execId)}/json`, { timeoutMs: Math.max(1, deadline - Date.now()) });
    const state = parseObject(inspected.body.toString('utf8')) as { Running?: unknown; ExitCode?: unknown } | undefined;
    if (inspected.status !== 200 || !state) return { error: engineMessage(inspected), timedOut: inspected.timedOut };
    if (state.Running !== true && typeof state.ExitCode === 'number') return { code: state.ExitCode };
    if (Date.now() >= deadline) return { error: '', timedOut: true };
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** An exec started ahead of its moment: it runs once `fire` or `say` gives its stdin a line. */
export interface ArmedExec {
  /** Write to its stdin and close it, then resolve with what `docker exec` would have given. */
  fire(input: string): Promise<DockerResult>;
  /**
   * Write to its stdin and keep it open (a later `fire` closes it); resolve with its stdout so
   * far once `until` holds of it, or undefined when the stream ends first.
   */
  say(input: string, until: (stdout: string) => boolean): Promise<string | undefined>;
  /** Its stream has ended: every process holding its stdout has exited. */
  readonly ended: boolean;
  /** Not needed after all: close its stdin (its `read` fails and it exits) and let it go. */
  disarm(): void;
}

/**
 * Start `argv` in the container now with its stdin open, for a check whose moment comes later:
 * the exec's own start (the runtime entering the container, a shell under QEMU: 0.1–0.3 s) is
 * then paid while the service starts, not after it is ready. Local engine only (the stream is
 * an upgraded HTTP connection on the socket); undefined otherwise, and the caller execs later.
 */
export async function armExec(id: string, argv: string[], timeoutMs: number): Promise<ArmedExec | undefined> {
  const socket = localEngineSocket();
  if (!socket) return undefined;
  const deadline = Date.now() + timeoutMs;
  const created = await createExec(socket, id, argv, true, CALL_MS);
  if ('error' in created) return undefined;
  const { execId } = created;
  const startPath = `/exec/${encodeURIComponent(execId)}/start`;
  logCall(['api', 'POST', startPath]);
  const payload = Buffer.from(JSON.stringify({ Detach: false, Tty: false }));
  const chunks: Buffer[] = [];
  let stream: Socket | undefined;
  let ended!: (how: 'ended' | 'failed' | 'timeout') => void;
  const streamEnd = new Promise<'ended' | 'failed' | 'timeout'>((resolve) => (ended = resolve));
  let upgradedTo!: (sock: Socket | undefined) => void;
  // The stream, once the engine has switched the connection to it (undefined: it never did).
  const upgraded = new Promise<Socket | undefined>((resolve) => (upgradedTo = resolve));
  void streamEnd.then(() => upgradedTo(undefined));
  const timer = setTimeout(() => {
    stream?.destroy();
    req.destroy();
    ended('timeout');
  }, timeoutMs);
  const req = http.request({ socketPath: socket, method: 'POST', path: startPath, headers: { Host: 'docker', Connection: 'Upgrade', Upgrade: 'tcp', 'Content-Type': 'application/json', 'Content-Length': payload.length } });
  // Who waits for its stdout to say something (say()).
  let listener: (() => void) | undefined;
  req.on('upgrade', (_res, sock: Socket, head: Buffer) => {
    stream = sock;
    upgradedTo(sock);
    if (head.length > 0) chunks.push(head);
    sock.on('data', (c: Buffer) => {
      chunks.push(c);
      listener?.();
    });
    sock.on('end', () => ended('ended'));
    sock.on('close', () => ended('ended'));
    sock.on('error', () => ended('failed'));
  });
  // An engine that answers without upgrading: the exec did not start as asked.
  req.on('response', (res) => {
    res.resume();
    ended('failed');
  });
  req.on('error', () => ended('failed'));
  req.end(payload);
  let fired = false;
  let over = false;
  void streamEnd.then(() => {
    over = true;
    listener?.();
  });
  const stdoutSoFar = () => demultiplex(Buffer.concat(chunks), 64 * 1024).stdout.toString('utf8');
  return {
    get ended() {
      return over;
    },
    async say(input: string, until: (stdout: string) => boolean): Promise<string | undefined> {
      fired = true;
      const sock = await upgraded;
      sock?.write(input);
      return new Promise((resolve) => {
        listener = () => {
          const out = stdoutSoFar();
          if (until(out)) resolve(out);
          else if (over) resolve(undefined);
          else return;
          listener = undefined;
        };
        listener();
      });
    },
    async fire(input: string): Promise<DockerResult> {
      fired = true;
      const sock = await upgraded;
      sock?.end(input);
      const how = await streamEnd;
      clearTimeout(timer);
      const { stdout, stderr } = demultiplex(Buffer.concat(chunks), 64 * 1024);
      const result = (code: number | null, timedOut = false): DockerResult => ({ code, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), timedOut, stdoutBytes: stdout });
      if (how !== 'ended') return result(null, how === 'timeout');
      const exit = await exitCodeOf(socket, execId, deadline);
      return 'error' in exit ? result(null, exit.timedOut) : result(exit.code);
    },
    disarm(): void {
      if (fired) return;
      clearTimeout(timer);
      stream?.end();
      stream?.destroy();
      req.destroy();
    },
  };
}

/**
 * The engine's attach stream without a TTY: frames of an 8-byte header (stream 1 stdout, 2
 * stderr; bytes 4–7 the length, big-endian) and their payload. Anything that is not framed (an
 * error written before the stream began) counts as stdout.
 */
export function demultiplex(body: Buffer, maxStdoutBytes: number): { stdout: Buffer; stderr: Buffer } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let outBytes = 0;
  let at = 0;
  while (at < body.length) {
    const kind = body[at]!;
    if (at + 8 > body.length || kind > 2 || body[at + 1] !== 0 || body[at + 2] !== 0 || body[at + 3] !== 0) {
      out.push(body.subarray(at));
      break;
    }
    const size = body.readUInt32BE(at + 4);
    const payload = body.subarray(at + 8, at + 8 + size);
    if (kind === 2) err.push(payload);
    else if (outBytes < maxStdoutBytes) {
      out.push(payload);
      outBytes += payload.length;
    }
    at += 8 + size;
  }
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err) };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
