// The Docker Engine API over the local unix socket, for the calls the smoke checks make many of
// (create a never-started container, read files out of it, remove it). Each `docker` CLI call
// is a Go process start plus, for `docker cp`, a stat and then the copy: on a loaded 2-core
// machine that is most of the cost. Same rules as every docker call (docker.ts): a timeout on
// each request, a cap on the bytes kept, arguments as URL parameters (never a shell string).
// Only for an engine reached through a unix socket with no other context selected; anything
// else (tcp, ssh, a context) keeps to the CLI.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { logCall } from './docker.js';

export interface EngineResponse {
  /** HTTP status; 0 when the request did not get an answer (see `error`). */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  timedOut: boolean;
  /** The body was cut short on purpose (`enoughBytes` reached). */
  stopped: boolean;
  /** A transport error (the socket refused, closed early). */
  error?: string;
}

export interface EngineRequestOptions {
  timeoutMs: number;
  /** JSON body. */
  json?: unknown;
  /** Stop reading (and close the request) once this many body bytes are in. */
  enoughBytes?: number;
}

/** The docker CLI's own choice of context: DOCKER_CONTEXT, else config.json's currentContext. */
function selectedContext(): string | undefined {
  if (process.env.DOCKER_CONTEXT) return process.env.DOCKER_CONTEXT;
  const dir = process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { currentContext?: unknown };
    return typeof config.currentContext === 'string' && config.currentContext !== '' ? config.currentContext : undefined;
  } catch {
    return undefined;
  }
}

let socketPath: string | null | undefined;

/** The engine's unix socket when the CLI would talk to it directly; undefined otherwise. */
export function localEngineSocket(): string | undefined {
  if (socketPath === undefined) socketPath = findSocket() ?? null;
  return socketPath ?? undefined;
}

function findSocket(): string | undefined {
  if (process.env.ENTRYPOINT_GUARD_NO_ENGINE_API) return undefined;
  const host = process.env.DOCKER_HOST;
  if (host && !host.startsWith('unix://')) return undefined;
  const context = selectedContext();
  if (context && context !== 'default') return undefined;
  const file = host ? host.slice('unix://'.length) : '/var/run/docker.sock';
  try {
    return fs.statSync(file).isSocket() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** One request to the engine. Never rejects: failures are in the result. */
export function engineRequest(socket: string, method: string, urlPath: string, options: EngineRequestOptions): Promise<EngineResponse> {
  // A container's or an exec's argv (`Cmd`) is logged with the call: what tests assert about.
  const cmd = (options.json as { Cmd?: unknown } | undefined)?.Cmd;
  logCall(['api', method, urlPath, ...(Array.isArray(cmd) ? cmd.map(String) : [])]);
  return new Promise((resolve) => {
    const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    let timedOut = false;
    let stopped = false;
    let status = 0;
    let headers: http.IncomingHttpHeaders = {};
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, headers, body: Buffer.concat(chunks), timedOut, stopped, ...(error && !stopped ? { error } : {}) });
    };
    const req = http.request(
      { socketPath: socket, method, path: urlPath, headers: { Host: 'docker', ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) } },
      (res) => {
        status = res.statusCode ?? 0;
        headers = res.headers;
        res.on('data', (chunk: Buffer) => {
          if (stopped) return;
          chunks.push(chunk);
          bytes += chunk.length;
          if (options.enoughBytes !== undefined && bytes >= options.enoughBytes) {
            // A 100 MB binary need not cross the socket: the checks read its first bytes.
            stopped = true;
            req.destroy();
            finish();
          }
        });
        res.on('end', () => finish());
        res.on('error', (err) => finish(err.message));
        res.on('close', () => finish('the engine closed the response early'));
      },
    );
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy();
      finish(`no answer within ${options.timeoutMs / 1000} s`);
    }, options.timeoutMs);
    req.on('error', (err) => finish(err.message));
    req.end(payload);
  });
}

/** The engine's error text (`{"message": "…"}`), else the body as text. */
export function engineMessage(res: EngineResponse): string {
  const text = res.body.toString('utf8');
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON
  }
  return res.error ?? (text.trim() || `HTTP ${res.status}`);
}
