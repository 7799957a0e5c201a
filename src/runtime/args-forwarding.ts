// The image contract "ENTRYPOINT fixes the program, `docker run <image> <command>` replaces
// CMD", checked on the real image: run it with a harmless override command and read, from the
// kernel, the argv that command really got. A wrapper that drops, re-splits or joins its
// arguments breaks `docker run image migrate` and Compose's `command:`.
import path from 'node:path';
import type { Cleanup } from './cleanup.js';
import { containerState } from './container-state.js';
import { docker } from './docker.js';
import { hostProc, processArgv } from './host-proc.js';
import { EMULATION_FACTOR, stripEmulator } from './probe.js';
import type { PlatformHit } from './types.js';

const CALL_MS = 20_000;
/** How long the override may take to reach its command (a wrapper's setup runs first), native. */
const REACH_SECONDS = 20;

/**
 * The override: a shell that waits (`sleep`, then a builtin, so no shell execs `sleep` over
 * itself; `${IFS}` instead of a blank so a wrapper that re-splits its arguments still runs it
 * and its argv can be read) and whose arguments test every way a wrapper can mangle them: a
 * $0 marker, a word with a space, an empty word (not last: /proc/<pid>/cmdline cannot show a
 * trailing one) and a glob.
 */
export const MARKER = 'entrypoint-guard-args';
const SCRIPT = 'sleep${IFS}600;:';
export const OVERRIDE = ['sh', '-c', SCRIPT, MARKER, 'two words', '', '*'];

export interface ArgsCheckRequest {
  image: string;
  platform: string;
  emulated: boolean;
  cleanup: Cleanup;
  probeEnv: Record<string, string>;
  /** Where a finding points: the line of the wrapper that hands its arguments on. */
  place: Pick<PlatformHit, 'file' | 'range'>;
  /** The wrapper, for messages (`docker-entrypoint.sh`). */
  wrapper: string;
}

export interface ArgsCheckResult {
  hits: PlatformHit[];
  notes: string[];
  /** The argv the override arrived with, when it was found. */
  arrived?: string[];
}

type Verdict = { kind: 'intact' | 'dropped' | 'resplit' | 'joined'; argv: string[] };

/** How the override's words arrived, from the argv of the process that runs it. */
export function compareArgv(arrived: string[]): Verdict {
  const want = OVERRIDE;
  if (arrived.length === want.length && arrived.every((w, i) => w === want[i])) return { kind: 'intact', argv: arrived };
  if (arrived.some((w) => w !== 'two words' && w.includes('two words'))) return { kind: 'joined', argv: arrived };
  if (arrived.some((w) => w === 'two' || w === 'words') || arrived.includes(MARKER)) return { kind: 'resplit', argv: arrived };
  return { kind: 'dropped', argv: arrived };
}

/** The override as one would type it: `sh -c 'sleep${IFS}600;:' entrypoint-guard-args 'two words' '' '*'`. */
export function shellQuote(argv: string[]): string {
  return argv.map((w) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export async function checkArgsForwarding(req: ArgsCheckRequest): Promise<ArgsCheckResult> {
  // Nothing it runs can change anything: no network, a read-only root, scratch space in memory.
  const args = ['run', '-d', '--platform', req.platform, '--network', 'none', '--read-only', '--tmpfs', '/tmp', '--tmpfs', '/run',
    '--cpus', '1', '--memory', '256m', '--pids-limit', '128', ...req.cleanup.labelArgs()];
  for (const [k, v] of Object.entries(req.probeEnv)) args.push('-e', `${k}=${v}`);
  args.push(req.image, ...OVERRIDE);
  const run = await docker(args, { timeoutMs: 60_000 });
  const id = /^[0-9a-f]{12,64}$/m.exec(run.stdout)?.[0];
  if (id) req.cleanup.container(id);
  if (run.code !== 0 || !id) return { hits: [], notes: [`Argument forwarding on ${req.platform} was not checked: the override did not start (${firstLine(run.stderr) || 'docker run failed'}).`] };
  try {
    const started = Date.now();
    const deadline = started + REACH_SECONDS * (req.emulated ? EMULATION_FACTOR : 1) * 1000;
    for (;;) {
      const state = await containerState(id);
      if (!state) return { hits: [], notes: [] };
      const proc = hostProc(state.pid, id);
      if (state.running && !proc) {
        return { hits: [], notes: [`Argument forwarding on ${req.platform} was not checked: it reads the command's argv from the engine's /proc, which a remote engine does not share.`] };
      }
      if (!state.running) {
        // The wrapper's own setup failed without its services (a database): no verdict.
        return { hits: [], notes: [`Argument forwarding on ${req.platform} was not checked: with an override command the container exited (code ${state.exitCode ?? '?'}) before running it${Object.keys(req.probeEnv).length === 0 ? '; pass what it needs with --probe-env' : ''}.`] };
      }
      const argvs = await containerArgvs(id, proc!);
      // The wrapper itself carries the override as its own arguments: it is not the command.
      const isWrapper = (a: string[]) => a.slice(0, 2).some((w) => path.posix.basename(w) === req.wrapper);
      const ours = argvs.find((a) => !isWrapper(a) && a.some((w) => w.includes(MARKER) || w.includes(SCRIPT)));
      if (ours) {
        const verdict = compareArgv(ours);
        if (verdict.kind === 'intact') return { hits: [], notes: [], arrived: ours };
        return { hits: [hitFor(req, verdict)], notes: [], arrived: ours };
      }
      const pid1 = argvs[0] ?? [];
      if (Date.now() > deadline) {
        // The wrapper is still busy with its own setup (waiting for a database): no verdict.
        if (isWrapper(pid1)) return { hits: [], notes: [`Argument forwarding on ${req.platform} was not checked: ${req.wrapper} was still setting up after ${Math.round((deadline - started) / 1000)} s.`] };
        // It replaced itself with a program of its own: the override was dropped.
        return { hits: [hitFor(req, { kind: 'dropped', argv: pid1 })], notes: [] };
      }
      await sleep(250);
    }
  } finally {
    await docker(['rm', '-f', id], { timeoutMs: CALL_MS });
  }
}

/** The argv of every process in the container (PID 1 first), exactly, from the host's /proc. */
async function containerArgvs(id: string, proc: { pid: number; root: string }): Promise<string[][]> {
  const top = await docker(['top', id, '-eo', 'pid'], { timeoutMs: CALL_MS });
  const pids = top.stdout.split('\n').slice(1).map((l) => Number.parseInt(l.trim(), 10)).filter((n) => Number.isFinite(n));
  const ordered = [proc.pid, ...pids.filter((p) => p !== proc.pid)];
  const out: string[][] = [];
  for (const pid of ordered) {
    const argv = processArgv(proc, pid);
    if (argv) out.push(stripEmulator(argv));
  }
  return out;
}

function hitFor(req: ArgsCheckRequest, verdict: Verdict): PlatformHit {
  const sent = `\`docker run <image> ${shellQuote(OVERRIDE)}\``;
  const got = verdict.argv.length > 0 ? `\`${shellQuote(verdict.argv)}\`` : 'nothing';
  const how =
    verdict.kind === 'dropped'
      ? `never ran it: the container ran ${got} instead, so \`docker run <image> <command>\` and Compose's \`command:\` are ignored`
      : verdict.kind === 'joined'
        ? `ran it as ${got}: the arguments were joined into one word (\`"$*"\`), so every multi-word command breaks`
        : `ran it as ${got}: the arguments were re-split and glob-expanded (unquoted \`$@\`/\`$*\`), so an argument with a space or a \`*\` changes meaning`;
  return {
    rule: 'args-not-forwarded',
    message: `On {platforms} ${req.wrapper} was given the override ${sent} and ${how}.`,
    fix: 'End the wrapper with `exec "$@"` (quoted, unchanged), so the command given at `docker run` replaces CMD word for word.',
    ...req.place,
  };
}

function firstLine(stderr: string): string {
  return (stderr.split('\n').map((l) => l.trim()).find((l) => l && !/^WARNING:/.test(l)) ?? '').replace(/^docker: /, '').replace(/^Error response from daemon: /, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
