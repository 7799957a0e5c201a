// Every docker call goes through here: argv arrays only (never a shell string), a timeout
// on each call, and a scrubbed environment (the host's secrets never reach docker or a container).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { childEnv } from '../child-env.js';

export interface DockerResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Raw stdout bytes, for binary output (`docker cp … -`, `docker export`). */
  stdoutBytes: Buffer;
}

export interface DockerCallOptions {
  timeoutMs: number;
  /** Bytes written to stdin. */
  input?: string | Buffer;
  /** Cap on captured stdout bytes (a runaway `docker cp` or log stream). */
  maxStdoutBytes?: number;
  /** Called with each stdout/stderr chunk (for --ready-log). Return true to stop the call early. */
  onOutput?: (chunk: string) => boolean | void;
  /** Extra environment for the docker client (e.g. BUILDX_NO_DEFAULT_ATTESTATIONS). */
  env?: Record<string, string>;
}

/** Variables the docker client itself needs; nothing else from the host goes through. */
const CLIENT_ENV = ['DOCKER_HOST', 'DOCKER_CONFIG', 'DOCKER_CONTEXT', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_API_VERSION', 'BUILDX_CONFIG', 'BUILDX_BUILDER'];

export function dockerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return childEnv(CLIENT_ENV, extra);
}

/** docker client processes still running: ended when the tool itself is interrupted. */
const running = new Set<ChildProcess>();

/**
 * SIGKILL every docker call still in flight. For the tool's own SIGINT/SIGTERM: an orphaned
 * `docker buildx build --load` would otherwise finish after the cleanup and load its tag.
 */
export function killRunningDockerCalls(): void {
  for (const child of running) killCall(child, 'SIGKILL');
  running.clear();
}

/**
 * Signal a docker call's whole process group: `docker buildx …` runs the buildx plugin as a
 * child of the docker client, and killing only the client leaves the plugin building.
 */
function killCall(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) {
      process.kill(-child.pid, signal);
      return;
    }
  } catch {
    // Already gone, or not a group leader: signal the client itself.
  }
  child.kill(signal);
}

/** buildx `--secret` values, as shown in any log or message: never the spec itself. */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((a, i) => (args[i - 1] === '--secret' ? '<redacted>' : a.startsWith('--secret=') ? '--secret=<redacted>' : a));
}

/**
 * Tests record the docker calls a run makes (ENTRYPOINT_GUARD_DOCKER_LOG=FILE: one JSON argv
 * a line, secrets redacted), e.g. to assert that `--image` never builds. Off unless set.
 */
export function logCall(args: readonly string[]): void {
  const file = process.env.ENTRYPOINT_GUARD_DOCKER_LOG;
  if (!file) return;
  try {
    fs.appendFileSync(file, `${JSON.stringify(redactArgs(args))}\n`);
  } catch {
    // A test's log file gone: never a reason to fail a docker call.
  }
}

export function docker(args: string[], options: DockerCallOptions): Promise<DockerResult> {
  logCall(args);
  return new Promise((resolve) => {
    // Its own process group (detached), so a timeout or an interrupt can end the plugin it runs too.
    const child = spawn('docker', args, { env: dockerEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    running.add(child);
    child.on('exit', () => running.delete(child));
    const out: Buffer[] = [];
    let outBytes = 0;
    const max = options.maxStdoutBytes ?? 64 * 1024 * 1024;
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (code: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stderr, timedOut, stdoutBytes });
    };
    const timer = setTimeout(() => {
      // Let I/O already queued (an exit that raced the timer on a busy loop) settle first.
      setImmediate(() => {
        if (settled || child.exitCode !== null || child.signalCode !== null) return;
        timedOut = true;
        killCall(child, 'SIGKILL');
      });
    }, options.timeoutMs);
    const stopEarly = () => killCall(child, 'SIGTERM');
    child.stdout.on('data', (chunk: Buffer) => {
      if (outBytes < max) {
        out.push(chunk);
        outBytes += chunk.length;
      }
      if (options.onOutput?.(chunk.toString('utf8'))) stopEarly();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const s = chunk.toString('utf8');
      if (stderr.length < 1024 * 1024) stderr += s;
      if (options.onOutput?.(s)) stopEarly();
    });
    child.on('error', (err) => {
      stderr += err.message;
      finish(null);
    });
    child.on('close', (code) => finish(code));
    child.stdin.on('error', () => {
      // The process may exit before reading its input; that is reported through its exit code.
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}
