// The probe's running container's files, read where the host kernel already has them mounted:
// /proc/<pid>/root of its PID 1. No engine work at all, where a copy out of a container of its
// own costs the engine a create, an archiver per file and a removal, on the same cores as the
// service it is starting. Only where the result is the image's file and cannot be steered:
// - the root mount is read-only (the probe's hardening), and the path is on it, not on a mount
//   of its own (tmpfs, volumes, the engine's /etc/hosts…), which would show other files;
// - owners are the image's: no user namespace shifts them;
// - symlinks are resolved here, inside the container's root, never by the host kernel, which
//   would resolve an absolute link against the host's own root.
// Anything else (a writable root, PID 1 gone or replaced, a path on another mount, an error
// this file does not know) is undefined: the caller copies it out of the image instead.
import fs from 'node:fs';
import { hostProc, pid1Running, type HostProc } from './host-proc.js';
import type { RawRead } from './image-files.js';

/** What one path is, as a tar entry of its copy would say (never an error: undefined instead). */
type RootEntry = RawRead & { kind: 'entry' | 'missing' | 'loop' };

/** A running container's root, as seen from the host. */
export interface HostRoot {
  proc: HostProc;
  containerId: string;
  /** Mount points other than the root, inside the container. */
  mounts: string[];
}

/** The kernel's own bound on symlinks followed in one lookup. */
const MAX_LINKS = 40;

/** The container's root through its PID 1, when it is read-only; undefined otherwise (see the top). */
export function hostRoot(pid: number | undefined, containerId: string, procRoot = '/proc'): HostRoot | undefined {
  const proc = hostProc(pid, containerId, procRoot);
  if (!proc) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(`${proc.root}/${proc.pid}/mountinfo`, 'utf8');
  } catch {
    return undefined;
  }
  // Owners as the image has them: not shifted by a user namespace (userns-remap, rootless).
  if (!identityIdMap(proc, 'uid_map') || !identityIdMap(proc, 'gid_map')) return undefined;
  const mounts = parseMountinfo(text);
  const root = mounts.filter((m) => m.point === '/').at(-1);
  if (!root || !root.options.includes('ro')) return undefined;
  return { proc, containerId, mounts: [...new Set(mounts.map((m) => m.point).filter((p) => p !== '/'))] };
}

function identityIdMap(proc: HostProc, file: 'uid_map' | 'gid_map'): boolean {
  try {
    return isIdentityIdMap(fs.readFileSync(`${proc.root}/${proc.pid}/${file}`, 'utf8'));
  } catch {
    return false;
  }
}

/** /proc/<pid>/uid_map of the initial user namespace: every id maps to itself. */
export function isIdentityIdMap(text: string): boolean {
  const lines = text.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  return lines.length === 1 && lines[0]![0] === 0 && lines[0]![1] === 0 && lines[0]![2] === 4294967295;
}

/** Mount points and their per-mount options, in mount order (/proc/<pid>/mountinfo, proc(5)). */
export function parseMountinfo(text: string): { point: string; options: string[] }[] {
  const out: { point: string; options: string[] }[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    if (f.length < 6) continue;
    out.push({ point: unescapeOctal(f[4]!), options: f[5]!.split(',') });
  }
  return out;
}

function unescapeOctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));
}

/**
 * One absolute, normalized path of the image, as a copy of it would give it: symlinks before
 * the last component followed (inside the root), the last one itself. `headBytes` of a file.
 */
export function readInRoot(root: HostRoot, requested: string, headBytes: number): RootEntry | undefined {
  const base = `${root.proc.root}/${root.proc.pid}/root`;
  const onOtherMount = (p: string) => root.mounts.some((m) => p === m || p.startsWith(m.endsWith('/') ? m : `${m}/`));
  const parts = requested.split('/').filter((c) => c !== '' && c !== '.');
  const last = parts.pop();
  if (last === undefined || last === '..') return undefined;
  const dir: string[] = [];
  let links = 0;
  let entry: RootEntry | undefined;
  try {
    while (parts.length > 0) {
      const c = parts.shift()!;
      if (c === '..') {
        dir.pop();
        continue;
      }
      const here = `/${[...dir, c].join('/')}`;
      if (onOtherMount(here)) return undefined;
      const st = fs.lstatSync(base + here);
      if (st.isSymbolicLink()) {
        if (++links > MAX_LINKS) return { kind: 'loop' };
        const target = fs.readlinkSync(base + here);
        if (target.startsWith('/')) dir.length = 0;
        parts.unshift(...target.split('/').filter((t) => t !== '' && t !== '.'));
        continue;
      }
      if (!st.isDirectory()) return { kind: 'missing' };
      dir.push(c);
    }
    const full = `/${[...dir, last].join('/')}`;
    if (onOtherMount(full)) return undefined;
    entry = entryAt(base + full, headBytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') entry = { kind: 'missing' };
    else if (code === 'ELOOP') entry = { kind: 'loop' };
    else return undefined;
  }
  // PID 1 still the same container's and not exiting: its root was the image's all along (an
  // exiting process loses its root first, so a file would read as missing; a pid reused by
  // another process would show that process's root).
  return hostProc(root.proc.pid, root.containerId, root.proc.root) && pid1Running(root.proc) ? entry : undefined;
}

function entryAt(file: string, headBytes: number): RootEntry {
  const st = fs.lstatSync(file);
  const owner = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: st.size };
  if (st.isSymbolicLink()) return { kind: 'entry', type: 'symlink', ...owner, size: 0, linkname: fs.readlinkSync(file) };
  if (st.isDirectory()) return { kind: 'entry', type: 'dir', ...owner };
  if (!st.isFile()) return { kind: 'entry', type: 'other', ...owner };
  // O_NOFOLLOW: the file lstat saw, never a link put in its place.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const head = Buffer.alloc(Math.min(headBytes, st.size));
    let got = 0;
    while (got < head.length) {
      const n = fs.readSync(fd, head, got, head.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { kind: 'entry', type: 'file', ...owner, head: head.subarray(0, got), truncated: st.size > got };
  } finally {
    fs.closeSync(fd);
  }
}

