// --probe-http on real servers (Debian's node, nginx, Python's http.server) on linux/amd64
// (native) and linux/arm64 (QEMU): a request held open through the stop signal is answered by
// a server that drains and dropped by one that exits at once (request-dropped-on-stop).
// The ground truth comes from plain docker, independently of the tool: `docker run -d` of the
// image, then a Python client in a second container that joins its network namespace
// (`docker run --network container:<id>`, the eg-python base), which starts a request, waits
// for the test to `docker kill -s <STOPSIGNAL>` the container, then finishes the request and
// says whether an answer came.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlatformResult } from '../../src/findings.js';
import { lintDockerfile } from '../../src/lint.js';
import { defaultOptions, type Options } from '../../src/options.js';
import { parseHttpTarget } from '../../src/options/parse.js';
import { docker } from '../../src/runtime/docker.js';
import { runRuntime } from '../../src/runtime/index.js';
import { parseResponse, requestText } from '../../src/runtime/netns-http.js';
import { withRuleMeta } from '../../src/runtime-findings.js';
import { archImage, basesAvailable, basesSkipReason, PYTHON_BASE } from './bases.js';
import { leftoversAsync, PLATFORMS } from './engine.js';

const REAL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real');
const run = `${process.pid}-${Date.now().toString(36)}`;
const LABEL = `eg-drain-truth=${run}`;
const T = 900_000;

describe('HTTP answers as --probe-http reads them', () => {
  const answer = (s: string, closed = false) => parseResponse(Buffer.from(s, 'latin1'), closed);
  it('a Content-Length answer is complete once its body is in, and kept alive under HTTP/1.1', () => {
    expect(answer('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok')).toEqual({ status: 200, complete: false, keepAlive: true, length: 41 });
    expect(answer('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n')?.complete).toBe(true);
  });
  it('a chunked answer is complete at its last chunk; one without a length at the close', () => {
    expect(answer('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nok\n\r\n')?.complete).toBe(false);
    expect(answer('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nok\n\r\n0\r\n\r\n')?.complete).toBe(true);
    expect(answer('HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6\r\n\r\n<html>')).toEqual({ status: 200, complete: false, keepAlive: false, length: 49 });
    expect(answer('HTTP/1.0 200 OK\r\n\r\n<html>', true)?.complete).toBe(true);
  });
  it('no answer until the status line and headers are in; Connection: close ends keep-alive', () => {
    expect(answer('HTTP/1.1 200 OK\r\nContent-Le')).toBeUndefined();
    expect(answer('garbage\r\n\r\n')).toBeUndefined();
    expect(answer('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')).toEqual({ status: 503, complete: true, keepAlive: false, length: 74 });
  });
  it('the held request leaves off only the blank line that ends its headers', () => {
    expect(requestText('/healthz', false, true)).toBe('GET /healthz HTTP/1.1\r\nHost: localhost\r\nUser-Agent: entrypoint-guard\r\nAccept: */*\r\nConnection: close\r\n');
    expect(requestText('/', true)).toMatch(/Connection: keep-alive\r\n\r\n$/);
  });
  it('PATH[:PORT]: a path and an optional port; anything that could break the request line is refused', () => {
    expect(parseHttpTarget('/healthz:8080', '--probe-http')).toEqual({ path: '/healthz', port: 8080 });
    expect(parseHttpTarget('/api/ready?full=1', '--probe-http')).toEqual({ path: '/api/ready?full=1' });
    expect(parseHttpTarget('/a:b', '--probe-http')).toEqual({ path: '/a:b' });
    for (const bad of ['healthz', '/a b', '/a\r\nX: y', '/:0', '/:70000', '']) expect(() => parseHttpTarget(bad, '--probe-http'), bad).toThrow(/takes PATH\[:PORT\]/);
  });
});

// ------------------------------------------------------------ plain docker ---

/**
 * Retries until the server answers a first GET; starts the held request on a new connection;
 * says "held"; on a line from stdin (sent after the stop signal) finishes it and says whether
 * an HTTP answer came ("answered") or the connection ended without one ("dropped").
 */
const CLIENT = `import socket, sys, time
port = int(sys.argv[1])
deadline = time.time() + 240
while True:
    try:
        s = socket.create_connection(('127.0.0.1', port), 10)
        s.sendall(b'GET / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n')
        if s.recv(64).startswith(b'HTTP/1.'):
            break
    except OSError:
        pass
    if time.time() > deadline:
        print('never answered', flush=True); sys.exit(1)
    time.sleep(0.25)
h = socket.create_connection(('127.0.0.1', port), 10)
h.sendall(b'GET / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n')
time.sleep(0.5)
print('held', flush=True)
sys.stdin.readline()
time.sleep(0.1)
got = b''
try:
    h.sendall(b'\\r\\n')
    h.settimeout(20)
    while True:
        d = h.recv(65536)
        if not d:
            break
        got += d
except OSError:
    pass
print('answered' if got.startswith(b'HTTP/1.') else 'dropped', flush=True)
`;

const images: string[] = [];

async function truthBuild(name: string, platform: string): Promise<string> {
  const tag = `eg-drain-truth-${name}:${platform.split('/')[1]}-${run}`;
  images.push(tag);
  const r = await docker(['buildx', 'build', '-q', '--load', '--platform', platform, '--label', LABEL, '-t', tag, path.join(REAL, name)], { timeoutMs: 600_000 });
  if (r.code !== 0) throw new Error(`docker buildx build ${name} ${platform}: ${r.stderr}`);
  return tag;
}

type Truth = 'answered' | 'dropped' | 'closed, kept running';

/**
 * Plain docker: was the request in flight at `signal` answered or dropped, and if dropped, was
 * the container still running right after (a graceful shutdown that closed it on purpose)?
 */
async function groundTruth(name: string, platform: string, port: number, signal: string): Promise<Truth> {
  const image = await truthBuild(name, platform);
  const started = await docker(['run', '-d', '--platform', platform, '--network', 'none', '--label', LABEL, image], { timeoutMs: 120_000 });
  const id = started.stdout.trim();
  if (started.code !== 0 || !id) throw new Error(`docker run ${image}: ${started.stderr}`);
  try {
    const client = spawn('docker', ['run', '--rm', '-i', '--network', `container:${id}`, '--label', LABEL, '--platform', 'linux/amd64', archImage(PYTHON_BASE, 'linux/amd64'), 'python3', '-c', CLIENT, String(port)]);
    let out = '';
    const saw = (word: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} on ${platform}: the client never said ${word} (${out})`)), 300_000);
        const check = () => {
          if (out.includes(word)) {
            clearTimeout(timer);
            resolve();
          }
        };
        client.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          check();
        });
        client.on('close', () => {
          check();
          if (!out.includes(word)) reject(new Error(`${name} on ${platform}: the client ended without ${word} (${out})`));
        });
      });
    await saw('held');
    await docker(['kill', '-s', signal, id], { timeoutMs: 30_000 });
    client.stdin.write('\n');
    await Promise.race([saw('answered'), saw('dropped')]);
    if (out.includes('answered')) return 'answered';
    // A server that died with the connection is gone well within a second (the engine marks the
    // container exited a moment after); python-graceful-close runs on for 2 s after closing it.
    await new Promise((r) => setTimeout(r, 1000));
    const running = await docker(['inspect', '-f', '{{.State.Running}}', id], { timeoutMs: 30_000 });
    return running.stdout.trim() === 'true' ? 'closed, kept running' : 'dropped';
  } finally {
    await docker(['rm', '-f', id], { timeoutMs: 60_000 });
  }
}

// ------------------------------------------------------------ the tool ---

async function tool(name: string, platforms: string[], overrides: Partial<Options> = {}) {
  const dir = path.join(REAL, name);
  const options: Options = { ...defaultOptions(dir), platforms, runId: `eg-drain-${name}-${run}`, probeHttp: { path: '/' }, ...overrides };
  const lint = lintDockerfile({ dockerfile: options.dockerfile, cwd: options.cwd });
  const { hits, notes, platforms: results } = await runRuntime(lint.model, options, { staticFindings: lint.findings });
  expect(await leftoversAsync(options.runId!)).toEqual({ containers: [], images: [] });
  return { findings: withRuleMeta(hits), notes, results };
}

const on = (results: PlatformResult[], p: string) => results.find((r) => r.platform === p)!;

afterAll(async () => {
  const left = await docker(['ps', '-aq', '--filter', `label=${LABEL}`], { timeoutMs: 30_000 });
  const ids = left.stdout.split('\n').filter(Boolean);
  if (ids.length > 0) await docker(['rm', '-f', ...ids], { timeoutMs: 60_000 });
  if (images.length > 0) await docker(['rmi', '-f', ...images], { timeoutMs: 120_000 });
});

describe.skipIf(!basesAvailable)(`--probe-http on real servers${basesAvailable ? '' : ` (skipped: ${basesSkipReason})`}`, () => {
  const cases: { name: string; port: number; signal: string; platforms: string[]; truth: Truth }[] = [
    // Fires: node's handler calls process.exit(0) at once.
    { name: 'node-exits-at-once', port: 8000, signal: 'SIGTERM', platforms: PLATFORMS, truth: 'dropped' },
    // Near miss: node's handler closes the server and exits when the requests in flight are done.
    { name: 'node-handler', port: 8000, signal: 'SIGTERM', platforms: PLATFORMS, truth: 'answered' },
    // Fires: SIGTERM is nginx's fast shutdown.
    { name: 'nginx-sigterm', port: 8080, signal: 'SIGTERM', platforms: PLATFORMS, truth: 'dropped' },
    // Near miss: SIGQUIT (STOPSIGNAL) is nginx's graceful one.
    { name: 'nginx-sigquit', port: 8080, signal: 'SIGQUIT', platforms: PLATFORMS, truth: 'answered' },
    // Near miss: uvicorn's way (closes connections without a complete request, finishes the rest, keeps running a while): not judged.
    { name: 'python-graceful-close', port: 8000, signal: 'SIGTERM', platforms: ['linux/amd64'], truth: 'closed, kept running' },
  ];
  const held: Record<Truth, string> = { answered: 'answered', dropped: 'dropped', 'closed, kept running': 'unjudged' };
  for (const c of cases) {
    it(`${c.name}: ${c.truth === 'dropped' ? 'request-dropped-on-stop' : 'no finding'} on ${c.platforms.join(' and ')}, as plain docker sees it`, async () => {
      const truth = Object.fromEntries(await Promise.all(c.platforms.map(async (p) => [p, await groundTruth(c.name, p, c.port, c.signal)] as const)));
      for (const p of c.platforms) expect(truth[p], `plain docker on ${p}`).toBe(c.truth);
      const { findings, results, notes } = await tool(c.name, c.platforms);
      const dropped = findings.filter((f) => f.rule === 'request-dropped-on-stop');
      for (const p of c.platforms) {
        const r = on(results, p);
        const seen = `${p}: ${JSON.stringify(r)} ${notes.join(' ')}`;
        expect(r.http, seen).toMatchObject({ path: '/', port: c.port, via: 'nsenter', before: 200 });
        // Under QEMU a server that died with the connection can take longer to be seen exiting
        // than the probe waits: then it is not judged (a miss, never a false alarm).
        if (r.emulated && truth[p] === 'dropped') expect(['dropped', 'unjudged'], seen).toContain(r.http!.held);
        else expect(r.http!.held, seen).toBe(held[truth[p]!]);
      }
      if (c.truth === 'closed, kept running') expect(notes.join('\n')).toMatch(/the request held open through SIGTERM was not judged \(the server closed its listener/);
      if (c.truth === 'dropped') {
        expect(dropped).toHaveLength(1);
        expect(dropped[0]!.severity).toBe('error');
        expect(dropped[0]!.platforms).toEqual(c.platforms.filter((p) => on(results, p).http!.held === 'dropped'));
        expect(dropped[0]!.platforms).toContain('linux/amd64');
        expect(dropped[0]!.message).toContain(`got ${c.signal} was dropped: \`GET /\` on port ${c.port}`);
      } else {
        expect(dropped).toEqual([]);
      }
    }, T);
  }

  it('python-exits-at-once through a helper container (no nsenter): HTTP/1.0, a new connection accepted before the signal, dropped as plain docker sees it', async () => {
    const p = 'linux/amd64';
    expect(await groundTruth('python-exits-at-once', p, 8000, 'SIGTERM')).toBe('dropped');
    process.env.ENTRYPOINT_GUARD_NO_NSENTER = '1';
    try {
      const { findings, results, notes } = await tool('python-exits-at-once', [p]);
      expect(on(results, p).http, notes.join(' ')).toMatchObject({ via: 'helper', before: 200, held: 'dropped' });
      expect(findings.filter((f) => f.rule === 'request-dropped-on-stop').map((f) => f.platforms)).toEqual([[p]]);
    } finally {
      delete process.env.ENTRYPOINT_GUARD_NO_NSENTER;
    }
  }, T);

  it('no way into the namespace (no nsenter, no python3 or node in the image): skipped with a note, never a finding', async () => {
    process.env.ENTRYPOINT_GUARD_NO_NSENTER = '1';
    try {
      const { findings, results, notes } = await tool('nginx-sigterm', ['linux/amd64'], { readyHttp: parseHttpTarget('/', '--ready-http') });
      expect(findings.filter((f) => f.rule === 'request-dropped-on-stop')).toEqual([]);
      expect(on(results, 'linux/amd64').http).toBeUndefined();
      expect(notes.join('\n')).toMatch(/--ready-http and --probe-http skipped on linux\/amd64: no way into the container's network namespace here \(.*python3 or node/);
    } finally {
      delete process.env.ENTRYPOINT_GUARD_NO_NSENTER;
    }
  }, T);

  it('--ready-http: readiness is GET PATH answering 2xx/3xx inside the namespace (the port found when left out)', async () => {
    const { results } = await tool('node-handler', ['linux/amd64'], { probeHttp: undefined, readyHttp: parseHttpTarget('/', '--ready-http') });
    expect(on(results, 'linux/amd64').ready).toMatchObject({ by: 'http', detail: 'GET / on port 8000 answered 200' });
  }, T);
});
