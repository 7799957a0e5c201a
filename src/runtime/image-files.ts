// Read a few files out of an image without needing a shell in it. Where the probe's running
// container shows them as they are in the image (a read-only root, host-root.ts), from the host's
// /proc; else out of a never-started container, created at the first such read: one tar stream
// per path (the Engine API's archive endpoint on a local engine, `docker cp <id>:<path> -`
// otherwise), removed at the end. The paths asked for at once are read at once. Symlinks are
// followed inside the image by re-reading the target, bounded. Large files are cut after their
// first bytes: the checks only need headers, shebang lines and line endings.
import path from 'node:path';
import type { Cleanup } from './cleanup.js';
import { docker } from './docker.js';
import { engineMessage, engineRequest, localEngineSocket } from './engine-api.js';
import { readInRoot, type HostRoot } from './host-root.js';
import { parseTar } from './tar.js';

/** Bytes kept from the start of each file: ELF/program headers, a shebang line, a script's line endings. */
export const HEAD_BYTES = 64 * 1024;
const MAX_LINK_HOPS = 16;
const CP_TIMEOUT_MS = 20_000;

export type ImageFileType = 'file' | 'dir' | 'other' | 'missing' | 'loop' | 'error';

export interface ImageFile {
  /** The path asked for. */
  path: string;
  /** After following symlinks (the path asked for when it is not a symlink). */
  resolvedPath: string;
  /** Symlinks passed through: [{path, target}…]. */
  links: { path: string; target: string }[];
  type: ImageFileType;
  /** Permission bits of the (resolved) file. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** The first HEAD_BYTES bytes (files only). */
  head: Buffer;
  /** The file is larger than `head`. */
  truncated: boolean;
  /** type 'error': why it could not be read (docker failed or timed out). */
  error?: string;
}

/** One path as its copy gives it: a tar entry's header and first bytes, or why there is none. */
export interface RawRead {
  kind: 'entry' | 'missing' | 'loop' | 'error';
  type?: 'file' | 'hardlink' | 'symlink' | 'dir' | 'other';
  mode?: number;
  uid?: number;
  gid?: number;
  size?: number;
  linkname?: string;
  head?: Buffer;
  truncated?: boolean;
  error?: string;
}

/** Go's os.FileMode type bits, as the engine's path stat gives them. */
const GO_MODE_DIR = 0x80000000;
/** Named pipe, socket, device, character device, irregular. */
const GO_MODE_OTHER = (1 << 25) | (1 << 24) | (1 << 26) | (1 << 21) | (1 << 19);

/** docker's answers for "that path does not exist" (old and new engines, and a file used as a directory). */
const MISSING = /no such container:path|could not find the file|no such file or directory|not a directory/i;

export interface ReaderInput {
  image: string;
  platform: string;
  cleanup: Cleanup;
  /** The probe's container's root once it runs (undefined: it does not, or not read-only): read there first. */
  root?: Promise<HostRoot | undefined>;
}

export class ImageFileReader {
  private readonly raw = new Map<string, Promise<RawRead>>();
  private closed: Promise<void> | undefined;
  /** The never-started container, once a path needed it. */
  private created: Promise<string> | undefined;
  /** The local engine's socket: reads and the removal go through the Engine API. */
  private socket: string | undefined = localEngineSocket();

  constructor(private readonly input: ReaderInput) {}

  /** Create (never start) a container of the image to copy files out of. */
  private container(): Promise<string> {
    this.created ??= this.create();
    return this.created;
  }

  private async create(): Promise<string> {
    const { image, platform, cleanup } = this.input;
    if (this.socket) {
      const res = await engineRequest(this.socket, 'POST', `/containers/create?platform=${encodeURIComponent(platform)}`, {
        timeoutMs: 30_000,
        json: { Image: image, Entrypoint: ['/entrypoint-guard-never-started'], Cmd: [], Labels: cleanup.labels(), NetworkDisabled: true, HostConfig: { NetworkMode: 'none' } },
      });
      const id = (() => {
        try {
          return String((JSON.parse(res.body.toString('utf8')) as { Id?: unknown }).Id ?? '');
        } catch {
          return '';
        }
      })();
      if (res.status === 201 && /^[0-9a-f]{12,64}$/.test(id)) {
        cleanup.container(id);
        return id;
      }
      // The engine answered no: as the CLI would say it. No answer at all: the CLI below.
      if (res.status !== 0) throw new Error(`docker create ${image} (${platform}) failed: ${engineMessage(res).split('\n')[0]}`);
      this.socket = undefined;
    }
    const res = await docker(
      ['create', '--pull=never', '--platform', platform, '--network', 'none', ...cleanup.labelArgs(), '--entrypoint', '/entrypoint-guard-never-started', '--', image],
      { timeoutMs: 30_000 },
    );
    const id = res.stdout.trim().split('\n').pop()?.trim() ?? '';
    if (res.code !== 0 || !/^[0-9a-f]{12,64}$/.test(id)) {
      const why = res.timedOut ? 'timed out after 30 s' : res.stderr.trim().split('\n')[0] ?? `exit ${res.code}`;
      throw new Error(`docker create ${image} (${platform}) failed: ${why}`);
    }
    cleanup.container(id);
    return id;
  }

  /** Read several paths at once (symlinks followed); keyed by the path asked for. */
  async readMany(paths: string[]): Promise<Map<string, ImageFile>> {
    const unique = [...new Set(paths)];
    const files = await Promise.all(unique.map((p) => this.read(p)));
    return new Map(unique.map((p, i) => [p, files[i]!]));
  }

  async read(requested: string): Promise<ImageFile> {
    const links: ImageFile['links'] = [];
    let current = path.posix.normalize(requested);
    const seen = new Set<string>();
    // `..` in a relative link target is resolved lexically here (and by docker), the kernel
    // resolves it after the symlinks before it: then "missing" is a guess, not a fact.
    let lexical = false;
    for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
      const raw = await this.readRaw(current);
      const base = { path: requested, resolvedPath: current, links, mode: 0, uid: 0, gid: 0, size: 0, head: Buffer.alloc(0), truncated: false };
      if (raw.kind === 'missing' && lexical) return { ...base, type: 'error', error: `cannot tell whether ${current} exists: a symlink target with .. crossed a directory symlink` };
      if (raw.kind === 'missing') return { ...base, type: 'missing' };
      if (raw.kind === 'loop') return { ...base, type: 'loop' };
      if (raw.kind === 'error') return { ...base, type: 'error', error: raw.error };
      if (raw.type === 'symlink') {
        const target = raw.linkname ?? '';
        links.push({ path: current, target });
        const next = target.startsWith('/') ? path.posix.normalize(target) : path.posix.join(path.posix.dirname(current), target);
        if (!target.startsWith('/') && target.split('/').includes('..')) lexical = true;
        if (seen.has(next) || target === '') return { ...base, type: 'loop' };
        seen.add(current);
        current = next;
        continue;
      }
      const type: ImageFileType = raw.type === 'file' || raw.type === 'hardlink' ? 'file' : raw.type === 'dir' ? 'dir' : 'other';
      return {
        ...base,
        type,
        mode: raw.mode ?? 0,
        uid: raw.uid ?? 0,
        gid: raw.gid ?? 0,
        size: raw.size ?? 0,
        head: raw.head ?? Buffer.alloc(0),
        truncated: raw.truncated ?? false,
      };
    }
    return { path: requested, resolvedPath: current, links, type: 'loop', mode: 0, uid: 0, gid: 0, size: 0, head: Buffer.alloc(0), truncated: false };
  }

  private readRaw(p: string): Promise<RawRead> {
    let pending = this.raw.get(p);
    if (!pending) {
      pending = this.copyOut(p);
      this.raw.set(p, pending);
    }
    return pending;
  }

  private async copyOut(p: string): Promise<RawRead> {
    if (this.closed) return { kind: 'error', error: 'reader closed' };
    const root = await this.input.root;
    const here = root ? readInRoot(root, p, HEAD_BYTES) : undefined;
    if (here) return here;
    const containerId = await this.container();
    // Stop the stream once the first bytes are in: a 100 MB binary need not cross the socket.
    const enough = 512 * 3 + HEAD_BYTES + 512;
    if (this.socket) {
      // A stat first: the engine answers it from the mounted file system, where a copy runs an
      // archiver of its own (about three times the cost). Most paths asked for are PATH
      // candidates that do not exist: the stat settles those (and directories) without a copy.
      const stat = await this.statPath(containerId, p);
      if (stat) return stat;
      const res = await engineRequest(this.socket, 'GET', `/containers/${containerId}/archive?path=${encodeURIComponent(p)}`, { timeoutMs: CP_TIMEOUT_MS, enoughBytes: enough });
      if (res.timedOut) return { kind: 'error', error: `reading ${p} timed out` };
      if (res.status === 200) return entryOf(p, res.body);
      if (res.status !== 0) {
        const msg = engineMessage(res);
        if (res.status === 404 || MISSING.test(msg)) return { kind: 'missing' };
        if (/too many (levels of symbolic )?links/i.test(msg)) return { kind: 'loop' };
        return { kind: 'error', error: msg.split('\n')[0] };
      }
      // No answer from the socket: the CLI from now on.
      this.socket = undefined;
    }
    let seen = 0;
    let stopped = false;
    const res = await docker(['cp', '--', `${containerId}:${p}`, '-'], {
      timeoutMs: CP_TIMEOUT_MS,
      maxStdoutBytes: enough * 4,
      onOutput: (chunk) => {
        seen += chunk.length;
        if (seen >= enough) stopped = true;
        return stopped;
      },
    });
    if (res.timedOut) return { kind: 'error', error: `docker cp ${p} timed out` };
    if (res.code !== 0 && !stopped) {
      const msg = res.stderr.trim();
      if (MISSING.test(msg)) return { kind: 'missing' };
      if (/too many (levels of symbolic )?links/i.test(msg)) return { kind: 'loop' };
      return { kind: 'error', error: msg.split('\n')[0] || `docker cp exited ${res.code}` };
    }
    return entryOf(p, res.stdoutBytes);
  }

  /**
   * HEAD of the archive endpoint: its X-Docker-Container-Path-Stat header (name, size, Go file
   * mode). Undefined when a copy is needed: a regular file (its first bytes, owner and mode
   * bits), a symlink (its target as written: the stat gives it resolved), no answer.
   */
  private async statPath(containerId: string, p: string): Promise<RawRead | undefined> {
    const res = await engineRequest(this.socket!, 'HEAD', `/containers/${containerId}/archive?path=${encodeURIComponent(p)}`, { timeoutMs: CP_TIMEOUT_MS });
    if (res.status === 404) return { kind: 'missing' };
    const header = res.headers['x-docker-container-path-stat'];
    if (res.status !== 200 || typeof header !== 'string') return undefined;
    let stat: { size?: unknown; mode?: unknown; linkTarget?: unknown };
    try {
      stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as typeof stat;
    } catch {
      return undefined;
    }
    if (typeof stat.mode !== 'number') return undefined;
    const mode = stat.mode >>> 0;
    const size = typeof stat.size === 'number' ? stat.size : 0;
    if (mode & GO_MODE_DIR) return { kind: 'entry', type: 'dir', mode: mode & 0o777, size };
    if (mode & GO_MODE_OTHER) return { kind: 'entry', type: 'other', mode: mode & 0o777, size };
    return undefined;
  }

  /** Remove the container, if one was created (idempotent). */
  close(): Promise<void> {
    this.closed ??= (async () => {
      const id = await this.created?.catch(() => undefined);
      if (!id) return;
      const socket = this.socket;
      const removed = socket
        ? await engineRequest(socket, 'DELETE', `/containers/${id}?force=true&v=true`, { timeoutMs: 20_000 }).then((r) => r.status === 204 || r.status === 404)
        : await docker(['rm', '-f', '-v', id], { timeoutMs: 20_000 }).then((res) => res.code === 0);
      if (removed) this.input.cleanup.forgetContainer(id);
    })();
    return this.closed;
  }
}

/** The first entry of a path's tar stream (copying a directory yields its whole tree, the directory first). */
function entryOf(p: string, tar: Buffer): RawRead {
  const entry = parseTar(tar, 4)[0];
  if (!entry) return { kind: 'error', error: `the copy of ${p} held no tar entry` };
  return {
    kind: 'entry',
    type: entry.type,
    mode: entry.mode,
    uid: entry.uid,
    gid: entry.gid,
    size: entry.size,
    linkname: entry.linkname,
    head: Buffer.from(entry.data.subarray(0, HEAD_BYTES)),
    truncated: entry.size > Math.min(entry.data.length, HEAD_BYTES),
  };
}
