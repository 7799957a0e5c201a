// Readiness from the host's view of the container: /proc/<pid>/net tables (captured from this
// engine), the quiet-window rule, and how the report words it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readinessText } from '../../src/report/text.js';
import { hostProc, listeningSockets, parseInetTable, parseUnixTable, processArgv, signalDispositions, signalNames, treeCpu } from '../../src/runtime/host-proc.js';
import { judgeShutdown, normalizeSignal } from '../../src/runtime/probe.js';
import { describeListeners, QUIET_MS, quietSince } from '../../src/runtime/readiness.js';

// `nc -l -p 8080` in a --network none container: /proc/<pid>/net/tcp6 (tcp was empty).
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 169292 1 000000003e6c249e 100 0 0 10 0
`;
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0
   1: 0100007F:1538 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0
`;
const UDP = `   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  1: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3 2 0 0
`;
const UNIX = `Num       RefCount Protocol Flags    Type St Inode Path
0000000000000000: 00000002 00000000 00010000 0001 01 41 /run/app.sock
0000000000000000: 00000003 00000000 00000000 0001 03 42 /run/app.sock
0000000000000000: 00000002 00000000 00010000 0001 01 43 @abstract
0000000000000000: 00000002 00000000 00000000 0001 01 44
`;

describe('listening sockets from /proc/<pid>/net', () => {
  it('TCP LISTEN on any address and on loopback; established connections are not listeners', () => {
    expect(parseInetTable(TCP6, 'tcp', true)).toEqual([{ proto: 'tcp', address: ':8080' }]);
    expect(parseInetTable(TCP, 'tcp', false)).toEqual([{ proto: 'tcp', address: '127.0.0.1:5432' }]);
  });

  it('bound UDP and listening unix sockets (abstract ones too); a connected unix socket is not one', () => {
    expect(parseInetTable(UDP, 'udp', false)).toEqual([{ proto: 'udp', address: ':5353' }]);
    expect(parseUnixTable(UNIX)).toEqual([{ proto: 'unix', address: '/run/app.sock' }, { proto: 'unix', address: '@abstract' }]);
  });

  it('reads a fake /proc only after the container id is found in the cgroup of that pid', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-proc-'));
    try {
      fs.mkdirSync(path.join(root, '42', 'net'), { recursive: true });
      fs.mkdirSync(path.join(root, '42', 'task', '42'), { recursive: true });
      fs.writeFileSync(path.join(root, '42', 'cgroup'), '0::/docker/abc123\n');
      fs.writeFileSync(path.join(root, '42', 'net', 'tcp6'), TCP6);
      fs.writeFileSync(path.join(root, '42', 'stat'), '42 (my (odd) app) S 1 42 42 0 -1 4194560 1 0 0 0 7 5 0 0 20 0 1 0 1 0 0\n');
      fs.writeFileSync(path.join(root, '42', 'task', '42', 'children'), '');
      expect(hostProc(42, 'other', root)).toBeUndefined();
      const proc = hostProc(42, 'abc123', root)!;
      expect(listeningSockets(proc)).toEqual([{ proto: 'tcp', address: ':8080' }]);
      expect(treeCpu(proc)).toEqual({ ticks: 12, runnable: false });
      expect(hostProc(43, 'abc123', root)).toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('PID 1\'s signal dispositions from /proc/<pid>/status', () => {
  it('argv from cmdline keeps arguments with spaces; a retitled process (npm) is split as ps shows it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-proc-'));
    try {
      fs.mkdirSync(path.join(root, '8'));
      fs.mkdirSync(path.join(root, '9'));
      fs.writeFileSync(path.join(root, '8', 'cmdline'), '/bin/sh\0-c\0/app/server.sh 2>&1 | tee -a /tmp/app.log\0');
      fs.writeFileSync(path.join(root, '9', 'cmdline'), 'npm start\0\0\0\0');
      expect(processArgv({ pid: 8, root })).toEqual(['/bin/sh', '-c', '/app/server.sh 2>&1 | tee -a /tmp/app.log']);
      expect(processArgv({ pid: 9, root })).toEqual(['npm', 'start']);
      expect(processArgv({ pid: 10, root })).toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('decodes SigCgt/SigIgn masks: bit n-1 is signal n', () => {
    expect(signalNames('0000000000004002')).toEqual(['SIGINT', 'SIGTERM']);
    expect(signalNames('0000000000000000')).toEqual([]);
    expect(signalNames('0000000200000000')).toEqual(['SIGRTMIN+0']);
  });

  it('reads them from a fake /proc', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-proc-'));
    try {
      fs.mkdirSync(path.join(root, '7'));
      fs.writeFileSync(path.join(root, '7', 'status'), 'Name:\tnode\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000001000\nSigCgt:\t0000000000010002\n');
      expect(signalDispositions({ pid: 7, root })).toEqual({ caught: ['SIGINT', 'SIGCHLD'], ignored: ['SIGPIPE'] });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('words sigterm-ignored by that evidence: no handler, SIG_IGN, or a handler that never exits', () => {
    const base = { shutdown: { signal: 'SIGTERM', seconds: 10, exitCode: 137, killed: true }, signal: normalizeSignal('SIGTERM'), top: { argv: ['node', 'server.js'], display: 'node server.js', children: [] }, gracePeriod: 10 };
    expect(judgeShutdown({ ...base, pid1Signals: { caught: ['SIGINT'], ignored: [] } })[0]!.message).toContain('installs no handler for SIGTERM');
    expect(judgeShutdown({ ...base, pid1Signals: { caught: [], ignored: ['SIGTERM'] } })[0]!.message).toContain('sets SIGTERM to be ignored');
    const slow = judgeShutdown({ ...base, pid1Signals: { caught: ['SIGTERM'], ignored: [] } })[0]!;
    expect(slow.message).toContain('has a SIGTERM handler');
    expect(slow.fix).toContain('exit well within the grace period');
  });
});

describe('a quiet process tree', () => {
  it('is quiet once a whole window used at most a couple of ticks', () => {
    const at = (ms: number, ticks: number, runnable = false) => ({ t: 10_000 + ms, ticks, runnable });
    const busy = [at(0, 10), at(200, 30), at(400, 50), at(1000, 110), at(1200, 130)];
    expect(quietSince(busy, 10_000 + 1200)).toBe(false);
    const idle = [at(0, 100), at(400, 101), at(800, 101), at(QUIET_MS, 102), at(1200, 102)];
    expect(quietSince(idle, 10_000 + 1200)).toBe(true);
    // Starved of CPU on a loaded machine: little CPU time, but runnable all along.
    const starved = [at(0, 100, true), at(400, 101, true), at(800, 101, true), at(QUIET_MS, 102, true), at(1200, 102, true)];
    expect(quietSince(starved, 10_000 + 1200)).toBe(false);
    // One fork caught in the act is still quiet.
    expect(quietSince([at(0, 100), at(400, 101, true), at(800, 101), at(QUIET_MS, 102), at(1200, 102)], 10_000 + 1200)).toBe(true);
    // Less than a window of history: not yet.
    expect(quietSince([at(0, 100), at(600, 100)], 10_000 + 600)).toBe(false);
  });

  it('names listeners briefly', () => {
    expect(describeListeners([{ proto: 'tcp', address: ':8080' }, { proto: 'tcp', address: ':8080' }, { proto: 'unix', address: '/run/app.sock' }])).toBe('tcp :8080, unix /run/app.sock');
  });
});

describe('the report says what decided readiness and when', () => {
  it('ready after …, or the bound and that the signal went anyway', () => {
    expect(readinessText({ by: 'listening', seconds: 0.42, detail: 'listening on tcp :8080' })).toBe('ready after 0.4 s: listening on tcp :8080');
    expect(readinessText({ by: 'timeout', seconds: 60.1, detail: 'not ready within 60 s: stop signal sent anyway' })).toBe('not ready within 60 s: stop signal sent anyway');
    expect(readinessText({ by: 'exited', seconds: 0.2, detail: 'PID 1 exited' })).toBeUndefined();
  });
});
