// The container's processes as the host kernel sees them: /proc/<pid> of PID 1 (the pid from
// `docker inspect`). Only for a local engine sharing this machine's pid namespace; every read
// is checked against the container id first, so a remote engine's pid that happens to exist
// here is never mistaken for the container.
import fs from 'node:fs';
import os, { constants } from 'node:os';

export interface HostProc {
  pid: number;
  root: string;
}

/**
 * /proc of the container's PID 1, or undefined when this process cannot see it: a remote
 * engine, the tool itself in a container with its own pid namespace, or no /proc at all.
 */
export function hostProc(pid: number | undefined, containerId: string, root = '/proc'): HostProc | undefined {
  if (!pid || pid <= 0) return undefined;
  const local = !process.env.DOCKER_HOST || process.env.DOCKER_HOST.startsWith('unix://');
  if (!local) return undefined;
  try {
    // cgroup v1 and v2 both name the container's scope (`/docker/<id>`, `docker-<id>.scope`).
    const cgroup = fs.readFileSync(`${root}/${pid}/cgroup`, 'utf8');
    if (!cgroup.includes(containerId)) return undefined;
  } catch {
    return undefined;
  }
  return { pid, root };
}

export interface Listener {
  proto: 'tcp' | 'udp' | 'unix';
  /** ":8080", "127.0.0.1:53", "/run/app.sock" or "@abstract". */
  address: string;
}

/** Sockets listening in PID 1's network namespace (the container's own, with --network none too). */
export function listeningSockets(proc: HostProc): Listener[] {
  const out: Listener[] = [];
  const read = (name: string) => {
    try {
      return fs.readFileSync(`${proc.root}/${proc.pid}/net/${name}`, 'utf8');
    } catch {
      return '';
    }
  };
  for (const [file, proto, v6] of [['tcp', 'tcp', false], ['tcp6', 'tcp', true], ['udp', 'udp', false], ['udp6', 'udp', true]] as const) {
    out.push(...parseInetTable(read(file), proto, v6));
  }
  out.push(...parseUnixTable(read('unix')));
  return out;
}

/** TCP LISTEN (state 0A) and bound UDP (state 07, unconnected) entries of /proc/net/{tcp,udp}[6]. */
export function parseInetTable(text: string, proto: 'tcp' | 'udp', v6: boolean): Listener[] {
  const out: Listener[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    const [local, , state] = [cols[1], cols[2], cols[3]];
    if (!local || !state) continue;
    if (proto === 'tcp' ? state !== '0A' : state !== '07') continue;
    const [hexAddr = '', hexPort = ''] = local.split(':');
    const port = Number.parseInt(hexPort, 16);
    if (!Number.isFinite(port) || port === 0) continue;
    const any = /^0+$/.test(hexAddr);
    const host = any ? '' : v6 ? '[' + ipv6(hexAddr) + ']' : ipv4(hexAddr);
    out.push({ proto, address: `${host}:${port}` });
  }
  return out;
}

/** Listening unix sockets: flag __SO_ACCEPTCON (0x10000) set; datagram sockets bound to a path count too. */
export function parseUnixTable(text: string): Listener[] {
  const out: Listener[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8) continue;
    const flags = Number.parseInt(cols[3]!, 16);
    const type = cols[4];
    const path = cols.slice(7).join(' ');
    const listening = (flags & 0x10000) !== 0 || (type === '0002' && path !== '');
    if (listening && path !== '') out.push({ proto: 'unix', address: path });
  }
  return out;
}

/**
 * Connections waiting in the accept queue of the TCP listeners on `port` (a LISTEN row's
 * rx_queue is its backlog): 0 once the service has accepted every connection made to it.
 * Undefined when no listener on that port is seen.
 */
export function acceptQueue(proc: HostProc, port: number): number | undefined {
  let total: number | undefined;
  for (const file of ['tcp', 'tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(`${proc.root}/${proc.pid}/net/${file}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] !== '0A' || Number.parseInt(cols[1]?.split(':')[1] ?? '', 16) !== port) continue;
      const rx = Number.parseInt(cols[4]?.split(':')[1] ?? '', 16);
      if (Number.isFinite(rx)) total = (total ?? 0) + rx;
    }
  }
  return total;
}

/** /proc/net stores IPv4 as a little-endian hex word. */
function ipv4(hex: string): string {
  const n = Number.parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

/** Four little-endian 32-bit words; shown compressed enough to read (`::1`, `fe80:…`). */
function ipv6(hex: string): string {
  const bytes: string[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    for (let b = 3; b >= 0; b--) bytes.push(word.slice(b * 2, b * 2 + 2));
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(String(Number.parseInt(bytes[i]! + bytes[i + 1]!, 16).toString(16)));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

export interface TreeCpu {
  /** CPU time (clock ticks, user + system) of PID 1 and every descendant. */
  ticks: number;
  /**
   * Some process of the tree is runnable (state R): working, or waiting for a CPU. A starved
   * busy process uses little CPU time on a loaded machine, but it is never asleep.
   */
  runnable: boolean;
}

/**
 * CPU use of PID 1 and every descendant; undefined when PID 1 is gone. Children come from
 * /proc/<pid>/task/<tid>/children (threads can fork too).
 */
export function treeCpu(proc: HostProc): TreeCpu | undefined {
  const first = cpuStat(proc, proc.pid);
  if (first === undefined) return undefined;
  const total = { ...first };
  const seen = new Set([proc.pid]);
  const queue = [...childrenOf(proc, proc.pid)];
  while (queue.length > 0 && seen.size < 4096) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const stat = cpuStat(proc, pid);
    if (stat) {
      total.ticks += stat.ticks;
      total.runnable ||= stat.runnable;
    }
    queue.push(...childrenOf(proc, pid));
  }
  return total;
}

/** The kernel's PF_EXITING: the process is in exit(), closing its files. */
const PF_EXITING = 0x4;

/** PID 1 is still running: not gone, not a zombie, not in the middle of exiting (closing its sockets as it goes). */
export function pid1Running(proc: HostProc): boolean {
  try {
    const stat = fs.readFileSync(`${proc.root}/${proc.pid}/stat`, 'utf8');
    // After the command name: state, ppid, pgrp, session, tty_nr, tpgid, flags.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return !/^[ZX]/.test(fields[0] ?? '') && (Number(fields[6]) & PF_EXITING) === 0;
  } catch {
    return false;
  }
}

/**
 * The moment PID 1 is seen gone (or a zombie), polled every few milliseconds: the program's own
 * exit, which the engine reports 0.2–0.5 s later on a loaded machine (its exit event, the task's
 * teardown). It stops by itself once PID 1 is gone, and never keeps the process alive; `stop`
 * ends it sooner (`at` then never resolves).
 */
export function watchPid1Exit(proc: HostProc, pollMs = 10): { at: Promise<number>; stop: () => void } {
  let done!: (at: number) => void;
  const at = new Promise<number>((resolve) => (done = resolve));
  const poll = setInterval(() => {
    if (pid1Running(proc)) return;
    clearInterval(poll);
    done(Date.now());
  }, pollMs);
  poll.unref();
  return { at, stop: () => clearInterval(poll) };
}

function cpuStat(proc: HostProc, pid: number): TreeCpu | undefined {
  try {
    const stat = fs.readFileSync(`${proc.root}/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); fields 14 and 15 are utime and stime.
    return { ticks: Number(fields[11]) + Number(fields[12]), runnable: fields[0] === 'R' };
  } catch {
    return undefined;
  }
}

export interface ChildState {
  pid: number;
  /** The kernel's comm (15 characters at most). */
  comm: string;
  /** R, S, D, Z… */
  state: string;
  /** Its pid inside the container's pid namespace (the last NSpid field). */
  nsPid?: number;
}

/** PID 1's direct children and their states (a zombie is state Z until its parent waits for it). */
export function childStates(proc: HostProc): ChildState[] {
  const out: ChildState[] = [];
  for (const pid of childrenOf(proc, proc.pid)) {
    try {
      const stat = fs.readFileSync(`${proc.root}/${pid}/stat`, 'utf8');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      const child: ChildState = { pid, comm: stat.slice(open + 1, close), state: stat.slice(close + 2, close + 3) };
      const nsPid = /^NSpid:\s*([\d\s]+)$/m.exec(fs.readFileSync(`${proc.root}/${pid}/status`, 'utf8'))?.[1]?.trim().split(/\s+/).pop();
      if (nsPid) child.nsPid = Number(nsPid);
      out.push(child);
    } catch {
      // Reaped between the listing and the read.
    }
  }
  return out;
}

function childrenOf(proc: HostProc, pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of fs.readdirSync(`${proc.root}/${pid}/task`)) {
      try {
        const text = fs.readFileSync(`${proc.root}/${pid}/task/${tid}/children`, 'utf8');
        for (const c of text.trim().split(/\s+/)) if (c) out.push(Number(c));
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  } catch {
    // The process ended.
  }
  return out;
}

export interface SignalDispositions {
  /** Signals with a handler installed (SigCgt). */
  caught: string[];
  /** Signals set to SIG_IGN (SigIgn). */
  ignored: string[];
}

/**
 * PID 1's signal dispositions as the kernel keeps them (/proc/<pid>/status). Only meaningful
 * natively: under QEMU the host sees the emulator's own handlers, not the program's.
 */
export function signalDispositions(proc: HostProc): SignalDispositions | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`${proc.root}/${proc.pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const mask = (name: string) => /^[0-9a-f]+$/i.exec(new RegExp(`^${name}:\\s*([0-9a-fA-F]+)$`, 'm').exec(status)?.[1] ?? '')?.[0];
  const cgt = mask('SigCgt');
  const ign = mask('SigIgn');
  if (cgt === undefined || ign === undefined) return undefined;
  return { caught: signalNames(cgt), ignored: signalNames(ign) };
}

/** Bit n-1 of the mask is signal n; real-time signals as SIGRTMIN+k (glibc's SIGRTMIN is 34). */
export function signalNames(hex: string): string[] {
  const bits = BigInt(`0x${hex}`);
  const byNumber = new Map<number, string>();
  for (const [name, n] of Object.entries(constants.signals as Record<string, number>)) if (!byNumber.has(n) && name !== 'SIGIOT' && name !== 'SIGPOLL') byNumber.set(n, name);
  const out: string[] = [];
  for (let n = 1; n <= 64; n++) {
    if (((bits >> BigInt(n - 1)) & 1n) === 0n) continue;
    out.push(byNumber.get(n) ?? (n >= 34 ? `SIGRTMIN+${n - 34}` : `SIG${n}`));
  }
  return out;
}

/**
 * A process's argv from /proc/<pid>/cmdline, arguments with spaces intact (ps joins them with
 * spaces). A process that retitled itself (npm's `process.title`) leaves one string with spaces
 * and no NUL separators: that one is split on blanks, as ps would show it.
 */
export function processArgv(proc: HostProc, pid = proc.pid): string[] | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(`${proc.root}/${pid}/cmdline`, 'latin1');
  } catch {
    return undefined;
  }
  const parts = raw.split('\0');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0) return undefined;
  if (parts.length === 1 && /\s/.test(parts[0]!)) return parts[0]!.trim().split(/\s+/);
  return parts;
}

const DEFUNCT = '<defunct>';

/** A child that has exited and waits to be reaped (`[comm] <defunct>`, from processTree or ps): it runs nothing. */
export function isDefunct(argv: readonly string[]): boolean {
  return argv.length > 0 && argv[argv.length - 1] === DEFUNCT;
}

export interface ProcessTree {
  /** PID 1's argv (/proc/<pid>/cmdline). */
  argv: string[];
  /** Its direct children: host pid and argv (a zombie's, which has none, as ps shows it: `[comm] <defunct>`). */
  children: { pid: number; argv: string[] }[];
}

/**
 * PID 1 and its children as `docker top` would list them, read from /proc without a `ps` run in
 * the engine. Undefined when the kernel does not list children (no /proc/<pid>/task/<tid>/children)
 * or PID 1 is gone: the caller asks the engine instead.
 */
export function processTree(proc: HostProc): ProcessTree | undefined {
  if (!fs.existsSync(`${proc.root}/${proc.pid}/task/${proc.pid}/children`)) return undefined;
  const argv = processArgv(proc);
  if (!argv) return undefined;
  const children: ProcessTree['children'] = [];
  for (const pid of childrenOf(proc, proc.pid)) {
    const childArgv = processArgv(proc, pid);
    if (childArgv) {
      children.push({ pid, argv: childArgv });
      continue;
    }
    try {
      const stat = fs.readFileSync(`${proc.root}/${pid}/stat`, 'utf8');
      children.push({ pid, argv: [`[${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}]`, DEFUNCT] });
    } catch {
      // Reaped between the listing and the read.
    }
  }
  return { argv, children };
}

/** Renicing the container's processes (root's, or a user namespace's) needs root here. */
export function mayLowerPriority(): boolean {
  return process.getuid?.() === 0;
}

/** The weakest CPU weight a nice value gives (CFS: 15 against nice 0's 1024). */
const LOWEST_PRIORITY = 19;

/**
 * Give a process of the container (every thread it has now; threads it starts later inherit it)
 * the lowest CPU priority: it then runs on the CPU the service leaves idle instead of slowing the
 * service's start. Needs the right to renice it (root here); false when none could be lowered.
 */
export function lowerPriority(proc: HostProc): boolean {
  let lowered = false;
  let tids: string[];
  try {
    tids = fs.readdirSync(`${proc.root}/${proc.pid}/task`);
  } catch {
    return false;
  }
  for (const tid of tids) {
    try {
      os.setPriority(Number(tid), LOWEST_PRIORITY);
      lowered = true;
    } catch {
      // Gone meanwhile, or not ours to renice.
    }
  }
  return lowered;
}
