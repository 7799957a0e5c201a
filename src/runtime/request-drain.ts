// --probe-http: a request in flight at the stop signal. The only shutdown users care about is
// the one with traffic; stopping an idle container never runs the drain path. Before the signal
// a GET on a kept-alive connection proves the service accepted the connection and serves PATH;
// then the next request's line and headers go out on it, all but the blank line that ends them,
// so the server holds a request it has started to read. The blank line follows the signal. A
// server that drains (stops accepting, finishes what it holds) answers it; one that exits at once
// resets or closes the connection unanswered: request-dropped-on-stop.
import { truncate } from './build.js';
import { containerState } from './container-state.js';
import { acceptQueue, hostProc, listeningSockets, pid1Running, type HostProc } from './host-proc.js';
import { Relay, parseResponse, requestText, type NetnsAccess } from './netns-http.js';
import type { HttpTarget } from '../options/parse.js';
import type { PlatformHit } from './types.js';

export interface HeldRequest {
  relay: Relay;
  path: string;
  port: number;
  /** Where the held request's answer starts in the relay's stream. */
  offset: number;
  /** The status the first GET answered with. */
  baseline: number;
  via: 'nsenter' | 'helper';
  factor: number;
  /**
   * The service the moment the held connection ended: `died` (PID 1 gone with it), `listening`
   * (its listener still open: a worker of it ended the connection), `closed-listener` (listener
   * closed, PID 1 still running: a graceful shutdown's choice), `running` (no /proc here: the
   * container still ran, listener unknown).
   */
  atEnd: Promise<'died' | 'listening' | 'closed-listener' | 'running'>;
}

/** What the kernel (or, without a local /proc, the engine) shows the moment the held connection ends. */
function watchEnd(relay: Relay, id: string, proc: HostProc | undefined, port: number): HeldRequest['atEnd'] {
  return relay.ended.then(async () => {
    if (proc) {
      if (acceptQueue(proc, port) !== undefined) return 'listening';
      // A process that closes its sockets on the way out (a runtime's own teardown before exit(),
      // nginx's master after its workers) is in exit() or gone a moment later; a graceful server
      // that closed the connection on purpose runs on (uvicorn sleeps 0.1 s first, at least).
      for (let i = 0; i < 5 && pid1Running(proc); i++) await new Promise((r) => setTimeout(r, 10));
      return pid1Running(proc) ? 'closed-listener' : 'died';
    }
    const state = await containerState(id);
    return state?.running ? 'running' : 'died';
  });
}

export interface DrainResult {
  path: string;
  port: number;
  /** How the request reached the container: the host in its network namespace, or a helper container in it. */
  via: 'nsenter' | 'helper';
  /** The status of the GET before the signal. */
  before: number;
  /** The held request after the signal: answered (with `status`), dropped (reset or closed unanswered), or unjudged. */
  held: 'answered' | 'dropped' | 'unjudged';
  status?: number;
  detail: string;
}

/** The container's one TCP listening port, for PATH without :PORT. */
export function listeningPort(id: string, hostPid: number | undefined): number | 'none' | 'many' | 'unknown' {
  const proc = hostProc(hostPid, id);
  if (!proc) return 'unknown';
  const ports = [...new Set(listeningSockets(proc).filter((l) => l.proto === 'tcp').map((l) => Number(l.address.slice(l.address.lastIndexOf(':') + 1))))];
  if (ports.length === 0) return 'none';
  return ports.length === 1 ? ports[0]! : 'many';
}

/** The port a PATH[:PORT] target means, or why it cannot be told. */
export function targetPort(target: HttpTarget, id: string, hostPid: number | undefined): number | string {
  if (target.port !== undefined) return target.port;
  const found = listeningPort(id, hostPid);
  if (typeof found === 'number') return found;
  if (found === 'none') return 'the container listens on no TCP port';
  if (found === 'many') return 'the container listens on several TCP ports; give one as PATH:PORT';
  return "its listening port cannot be read here (no local /proc); give it as PATH:PORT";
}

/** Open the held request; a note instead when it cannot be done (never a finding). */
export async function holdRequest(input: { access: Exclude<NetnsAccess, { kind: 'unavailable' }>; id: string; hostPid?: number; port: number; path: string; platform: string; emulated?: boolean }): Promise<{ held?: HeldRequest; note?: string }> {
  const factor = input.emulated ? 3 : 1;
  const relay = new Relay(input.access, input.port, input.id);
  const what = `GET ${truncate(input.path, 60)} on port ${input.port}`;
  relay.send(requestText(input.path, true));
  let closed = false;
  void relay.ended.then(() => (closed = true));
  await relay.until(() => parseResponse(relay.received(), closed)?.complete === true, 10_000 * factor);
  const first = parseResponse(relay.received(), closed);
  if (!first?.complete) {
    const end = closed ? await relay.ended : undefined;
    relay.kill();
    return { note: `--probe-http on ${input.platform}: ${what} did not answer before the stop signal (${end ? end.detail : `no complete answer within ${10 * factor} s`}), so no request was held open through it.` };
  }
  if (!first.keepAlive || closed) {
    relay.kill();
    // One request per connection (HTTP/1.0 servers such as Python's http.server by default):
    // a new connection, counted as accepted only once the kernel's accept queue is empty again.
    return holdOnNewConnection(input, first.status, factor, what);
  }
  // `Connection: close`: once answered, nothing of ours keeps the server from exiting.
  relay.send(requestText(input.path, false, true));
  // Let the server read the started request before the signal.
  await new Promise((r) => setTimeout(r, 100 * factor));
  const proc = hostProc(input.hostPid, input.id);
  return { held: { relay, path: input.path, port: input.port, offset: first.length, baseline: first.status, via: input.access.kind, factor, atEnd: watchEnd(relay, input.id, proc, input.port) } };
}

async function holdOnNewConnection(input: Parameters<typeof holdRequest>[0], baseline: number, factor: number, what: string): Promise<{ held?: HeldRequest; note?: string }> {
  const proc = hostProc(input.hostPid, input.id);
  const unheld = (why: string) => ({ note: `--probe-http on ${input.platform}: ${what} answered ${baseline} and closed the connection (no keep-alive), and ${why}, so no request was held open through the stop signal.` });
  // Without /proc a connection still in the accept queue cannot be told from an accepted one:
  // a draining server that closes its listener resets those too, so no verdict rests on it.
  if (!proc) return unheld('whether a new connection was accepted cannot be read here (no local /proc)');
  const relay = new Relay(input.access, input.port, input.id);
  relay.send(requestText(input.path, false, true));
  await relay.until(() => relay.connected, 5000 * factor);
  const deadline = Date.now() + 2000 * factor;
  while (relay.connected && acceptQueue(proc, input.port) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (!relay.connected || acceptQueue(proc, input.port) !== 0) {
    relay.kill();
    return unheld('a new connection was not accepted within 2 s');
  }
  await new Promise((r) => setTimeout(r, 100 * factor));
  return { held: { relay, path: input.path, port: input.port, offset: 0, baseline, via: input.access.kind, factor, atEnd: watchEnd(relay, input.id, proc, input.port) } };
}

/** After the stop signal: complete the held request. */
export function release(held: HeldRequest): void {
  setTimeout(() => held.relay.send('\r\n'), 50 * held.factor).unref();
}

/**
 * The held request's fate, once the container has exited (or at `waitMs`): answered, or the
 * connection reset or closed without an answer. `killed`: SIGKILLed after the grace period
 * (sigterm-ignored tells that story; a request cut by SIGKILL is not judged again).
 */
export async function judgeHeld(held: HeldRequest, facts: { signal: string; killed: boolean; waitMs: number }): Promise<{ result: DrainResult; hit?: PlatformHit }> {
  const { relay } = held;
  const answer = () => parseResponse(relay.received().subarray(held.offset), false);
  await relay.until(() => answer() !== undefined, facts.waitMs);
  const got = answer();
  const end = got ? undefined : await Promise.race([relay.ended, new Promise<undefined>((r) => setTimeout(r, 200))]);
  relay.kill();
  const base = { path: held.path, port: held.port, via: held.via, before: held.baseline };
  if (got) return { result: { ...base, held: 'answered', status: got.status, detail: `answered ${got.status} after ${facts.signal}` } };
  if (!end || facts.killed || !end.connected) {
    const why = facts.killed ? `the container was SIGKILLed after the grace period` : end ? end.detail : 'no answer and the connection still open';
    return { result: { ...base, held: 'unjudged', detail: why } };
  }
  // A server that closed its listener and then this connection (its request's headers not all
  // in yet) and went on running shuts down gracefully (uvicorn does so): clients retry such a
  // request on a reused connection. Only a connection ended by a server that died with it, or
  // with its listener still open (nginx's workers on SIGTERM), is a dropped request.
  const atEnd = await held.atEnd;
  if (atEnd === 'closed-listener') {
    return { result: { ...base, held: 'unjudged', detail: 'the server closed its listener, then the held connection before its request was complete, and kept running (a graceful shutdown that closes connections without a complete request)' } };
  }
  if (atEnd === 'running') {
    return { result: { ...base, held: 'unjudged', detail: 'the connection ended without an answer while the container kept running, and without a local /proc it cannot be told whether the server closed it on purpose' } };
  }
  const how = end.how === 'reset' ? 'reset the connection' : 'closed the connection';
  return {
    result: { ...base, held: 'dropped', detail: `${how} without an answer` },
    hit: {
      rule: 'request-dropped-on-stop',
      message: `On {platforms} a request in flight when the container got ${facts.signal} was dropped: \`GET ${truncate(held.path, 60)}\` on port ${held.port} (the same request answered ${held.baseline} just before) had been started on an accepted connection, and after the signal the server {detail} instead of finishing it, so every deploy and scale-down fails the requests in flight.`,
      detail: `${how} without an answer`,
      fix: `On ${facts.signal}, stop accepting new connections and finish the requests in flight before exiting (Node: \`server.close(() => process.exit(0))\`; Go: \`http.Server.Shutdown\`; gunicorn and uvicorn drain on SIGTERM; nginx and php-fpm on SIGQUIT: \`STOPSIGNAL SIGQUIT\`), well within the grace period.`,
    },
  };
}
