// HTTP into a container that has no network (`--network none` stays): from inside its network
// namespace. Natively on a local engine the host enters the namespace (`nsenter --net`, as root
// or through `sudo -n`) and runs this tool's own node as a byte relay to 127.0.0.1:PORT;
// otherwise a helper container joins the namespace (`docker run --network container:<id>`) and
// runs the relay with the image's own python3 or node. The HTTP itself (requests, parsing the
// answer) stays here: the relay only moves bytes and says how the connection ended.
import { spawn, spawnSync } from 'node:child_process';
import { childEnv } from '../child-env.js';
import type { Cleanup } from './cleanup.js';
import { docker, dockerEnv, logCall } from './docker.js';
import { hostProc } from './host-proc.js';

/** stdin -> socket, socket -> stdout; "connected" / "reset" / "refused" on stderr. argv: PORT. */
const NODE_RELAY = `const net=require('net');const s=net.connect(+process.argv[1],'127.0.0.1');s.setNoDelay(true);
s.on('connect',()=>process.stderr.write('connected\\n'));
s.on('data',(d)=>process.stdout.write(d));
s.on('error',(e)=>{process.stderr.write((e.code==='ECONNREFUSED'?'refused ':'reset ')+e.code+'\\n');process.exitCode=3;});
s.on('close',()=>process.stdout.end(()=>process.exit()));
process.stdin.on('data',(d)=>s.write(d));process.stdin.on('end',()=>s.end());`;

const PYTHON_RELAY = `import os,socket,sys,threading
try:
    s=socket.create_connection(('127.0.0.1',int(sys.argv[1])),10)
except ConnectionRefusedError:
    sys.stderr.write('refused ECONNREFUSED\\n');sys.exit(3)
s.settimeout(None);sys.stderr.write('connected\\n');sys.stderr.flush()
def up():
    while True:
        d=os.read(0,65536)
        if not d:
            try: s.shutdown(socket.SHUT_WR)
            except OSError: pass
            return
        s.sendall(d)
threading.Thread(target=up,daemon=True).start()
try:
    while True:
        d=s.recv(65536)
        if not d: break
        os.write(1,d)
except OSError as e:
    sys.stderr.write('reset '+type(e).__name__+'\\n');sys.exit(3)`;

/** The helper runs the untrusted image's own program: no network of its own, small, no privileges. */
const HELPER_LIMITS = ['--memory', '128m', '--pids-limit', '16', '--read-only', '--security-opt', 'no-new-privileges', '--cap-drop', 'ALL'];

export type NetnsAccess =
  | { kind: 'nsenter'; argv: string[] }
  | { kind: 'helper'; image: string; platform: string; program: 'python3' | 'node'; cleanup: Cleanup; emulated: boolean }
  | { kind: 'unavailable'; reason: string };

let nsenterWay: string[] | null | undefined;

/** `nsenter` as root, or through passwordless sudo (GitHub's hosted runners); null when neither works. */
function nsenterPrefix(): string[] | null {
  // Tests of the helper-container way on a machine where nsenter works.
  if (process.env.ENTRYPOINT_GUARD_NO_NSENTER) return null;
  if (nsenterWay !== undefined) return nsenterWay;
  const ok = (argv: string[]) => spawnSync(argv[0]!, [...argv.slice(1), '--version'], { env: childEnv(['PATH']), timeout: 5000, stdio: 'ignore' }).status === 0;
  if (process.getuid?.() === 0 && ok(['nsenter'])) nsenterWay = ['nsenter'];
  else if (spawnSync('sudo', ['-n', 'true'], { env: childEnv(['PATH']), timeout: 5000, stdio: 'ignore' }).status === 0 && ok(['sudo', '-n', 'nsenter'])) nsenterWay = ['sudo', '-n', 'nsenter'];
  else nsenterWay = null;
  return nsenterWay;
}

/**
 * How to reach the container's loopback: the host entering its network namespace (a local
 * engine, root or sudo), else a helper in it running the image's python3 or node.
 */
export async function netnsAccess(req: { id: string; hostPid?: number; image: string; platform: string; cleanup: Cleanup; emulated?: boolean }): Promise<NetnsAccess> {
  const proc = hostProc(req.hostPid, req.id);
  const prefix = proc ? nsenterPrefix() : null;
  if (proc && prefix) return { kind: 'nsenter', argv: [...prefix, `--net=${proc.root}/${proc.pid}/ns/net`, '--', process.execPath, '-e', NODE_RELAY] };
  for (const program of ['python3', 'node'] as const) {
    const res = await docker(['run', '--rm', '--pull=never', '--platform', req.platform, '--network', 'none', ...req.cleanup.labelArgs(), ...HELPER_LIMITS, '--entrypoint', program, '--', req.image, '--version'], { timeoutMs: 60_000, maxStdoutBytes: 4096 });
    if (res.code === 0) return { kind: 'helper', image: req.image, platform: req.platform, program, cleanup: req.cleanup, emulated: req.emulated === true };
  }
  const why = proc ? 'this process can neither enter the network namespace (not root, no passwordless sudo, or no nsenter) nor run python3 or node from the image' : 'the engine is not local (or its processes are not visible here) and the image has neither python3 nor node to run a helper with';
  return { kind: 'unavailable', reason: why };
}

export interface RelayEnd {
  /** The TCP connection was established. */
  connected: boolean;
  /** How it ended: the peer closed it, reset it, refused it, or the relay failed. */
  how: 'closed' | 'reset' | 'refused' | 'failed';
  detail: string;
}

/** One TCP connection to 127.0.0.1:PORT in the container's namespace, driven byte by byte. */
export class Relay {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private stderr = '';
  private readonly waiters = new Set<() => void>();
  readonly ended: Promise<RelayEnd>;
  private readonly child;

  constructor(access: Exclude<NetnsAccess, { kind: 'unavailable' }>, port: number, containerId: string) {
    let argv: string[];
    if (access.kind === 'nsenter') {
      argv = [...access.argv, String(port)];
    } else {
      const script = access.program === 'python3' ? ['-c', PYTHON_RELAY] : ['-e', NODE_RELAY];
      argv = ['docker', 'run', '--rm', '-i', '--pull=never', '--platform', access.platform, '--network', `container:${containerId}`, ...access.cleanup.labelArgs(),
        ...HELPER_LIMITS, '--log-driver', 'none', '--entrypoint', access.program, '--', access.image, ...script, String(port)];
    }
    if (argv[0] === 'docker') logCall(argv.slice(1));
    this.child = spawn(argv[0]!, argv.slice(1), { env: access.kind === 'nsenter' ? childEnv(['PATH']) : dockerEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (d: Buffer) => {
      if (this.bytes < 1024 * 1024) {
        this.chunks.push(d);
        this.bytes += d.length;
      }
      this.notify();
    });
    this.child.stderr.on('data', (d: Buffer) => {
      if (this.stderr.length < 64 * 1024) this.stderr += d.toString('utf8');
      this.notify();
    });
    this.child.stdin.on('error', () => undefined);
    this.ended = new Promise((resolve) => {
      this.child.on('error', (err) => resolve({ connected: false, how: 'failed', detail: err.message }));
      this.child.on('close', (code) => {
        const connected = /^connected$/m.test(this.stderr);
        const reset = /^reset (\S+)/m.exec(this.stderr);
        const refused = /^refused/m.test(this.stderr);
        if (reset) resolve({ connected, how: 'reset', detail: `reset (${reset[1]})` });
        else if (refused) resolve({ connected: false, how: 'refused', detail: 'connection refused' });
        else if (connected) resolve({ connected, how: 'closed', detail: 'closed' });
        else resolve({ connected, how: 'failed', detail: this.stderr.trim().split('\n').pop() || `the relay exited ${code}` });
        this.notify();
      });
    });
  }

  get connected(): boolean {
    return /^connected$/m.test(this.stderr);
  }

  received(): Buffer {
    return Buffer.concat(this.chunks);
  }

  send(data: string): void {
    this.child.stdin.write(data);
  }

  /** Half-close our side (the request is complete). */
  finish(): void {
    this.child.stdin.end();
  }

  /** Resolves when `test()` holds or the relay has ended, whichever first, or at the deadline. */
  async until(test: () => boolean, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    let over = false;
    void this.ended.then(() => (over = true));
    while (!test() && !over && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, Math.max(1, deadline - Date.now()));
        function done() {
          clearTimeout(t);
          resolve();
        }
        this.waiters.add(done);
      });
    }
    return test();
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  private notify(): void {
    const list = [...this.waiters];
    this.waiters.clear();
    for (const w of list) w();
  }
}

export interface HttpAnswer {
  status: number;
  /** The whole response is in (Content-Length or the last chunk seen, or the connection closed after it). */
  complete: boolean;
  keepAlive: boolean;
  /** Bytes of the stream this response used (a second response follows them on a kept-alive connection). */
  length: number;
}

/** Parse one HTTP/1.x response at the start of `data`; undefined until its header is in. */
export function parseResponse(data: Buffer, closed: boolean): HttpAnswer | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = data.subarray(0, end).toString('latin1');
  const m = /^HTTP\/1\.([01]) (\d{3})/.exec(head);
  if (!m) return undefined;
  const status = Number(m[2]);
  const header = (name: string) => new RegExp(`\\r\\n${name}:[ \\t]*([^\\r\\n]*)`, 'i').exec(head)?.[1]?.trim().toLowerCase();
  const connection = header('connection') ?? '';
  const keepAlive = m[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
  const bodyStart = end + 4;
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) return { status, complete: true, keepAlive, length: bodyStart };
  const length = header('content-length');
  if (length !== undefined && /^\d+$/.test(length)) {
    const total = bodyStart + Number(length);
    return { status, complete: data.length >= total, keepAlive, length: total };
  }
  if ((header('transfer-encoding') ?? '').includes('chunked')) {
    const last = data.indexOf('\r\n0\r\n\r\n', bodyStart - 2);
    return { status, complete: last >= 0, keepAlive, length: last >= 0 ? last + 7 : data.length };
  }
  // Delimited by the connection's close.
  return { status, complete: closed, keepAlive: false, length: data.length };
}

/** A request line and headers; `hold` leaves off the blank line that ends them. */
export function requestText(path: string, keepAlive: boolean, hold = false): string {
  return `GET ${path} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: entrypoint-guard\r\nAccept: */*\r\nConnection: ${keepAlive ? 'keep-alive' : 'close'}\r\n${hold ? '' : '\r\n'}`;
}

/** One GET with `Connection: close`: the status, or why there is none. */
export async function getOnce(access: Exclude<NetnsAccess, { kind: 'unavailable' }>, containerId: string, port: number, path: string, timeoutMs: number): Promise<{ status?: number; error?: string }> {
  const relay = new Relay(access, port, containerId);
  try {
    relay.send(requestText(path, false));
    let closed = false;
    void relay.ended.then(() => (closed = true));
    await relay.until(() => parseResponse(relay.received(), closed)?.complete === true, timeoutMs);
    const end = await Promise.race([relay.ended, new Promise<undefined>((r) => setTimeout(r, 50))]);
    const answer = parseResponse(relay.received(), true);
    if (answer) return { status: answer.status };
    return { error: end ? end.detail : `no answer within ${timeoutMs / 1000} s` };
  } finally {
    relay.kill();
  }
}

