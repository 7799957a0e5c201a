// The final image's effective start contract: ENTRYPOINT/CMD/SHELL/STOPSIGNAL/WORKDIR/
// USER/ENV PATH, followed through `FROM <stage>` as Docker's builder applies them.
import path from 'node:path';
import type { Env } from 'dockerfile-ast';
import type { Instr, Stage, StartContract, StartPart } from './types.js';

export const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const LINUX_SHELL = ['/bin/sh', '-c'];
const WINDOWS_SHELL = ['cmd', '/S', '/C'];

export function startPart(instr: Instr, shell: string[]): StartPart {
  if (instr.exec) return { instr, form: 'exec', argv: instr.exec };
  const command = instr.text;
  return { instr, form: 'shell', argv: [...shell, command], command };
}

function envPathValue(instr: Instr, previous: string[] | undefined): string[] | undefined {
  const props = (instr.node as unknown as Env).getProperties?.() ?? [];
  let result = previous;
  for (const p of props) {
    if (p.getName() !== 'PATH') continue;
    const value = p.getValue() ?? '';
    const prior = (result ?? DEFAULT_PATH).join(':');
    const expanded = value.replace(/\$\{PATH\}|\$PATH\b/g, prior);
    result = expanded.split(':').filter((s) => s.length > 0);
  }
  return result;
}

/** Which part (ENTRYPOINT or CMD) wrote index k of the effective argv (`start.argv`). */
export function startPartAt(start: StartContract, k: number): StartPart | undefined {
  const { entrypoint, cmd, executableFrom } = start;
  if (entrypoint && entrypoint.form === 'exec') return k < entrypoint.argv.length ? entrypoint : (cmd ?? entrypoint);
  return entrypoint ?? cmd ?? executableFrom;
}

export function computeStartContract(chain: Stage[], windows: boolean): StartContract {
  let shell = windows ? WINDOWS_SHELL : LINUX_SHELL;
  let entrypoint: StartPart | undefined;
  let cmd: StartPart | undefined;
  let resetCmd: StartPart | undefined;
  let stopSignal: StartContract['stopSignal'];
  let workdir: StartContract['workdir'];
  let user: StartContract['user'];
  let envPath: string[] | undefined;

  for (const stage of chain) {
    let cmdSetInStage = false;
    for (const instr of stage.instructions) {
      switch (instr.keyword) {
        case 'SHELL':
          if (instr.exec && instr.exec.length > 0) shell = instr.exec;
          break;
        case 'ENTRYPOINT':
          entrypoint = startPart(instr, shell);
          // Docker resets an inherited CMD when a stage sets ENTRYPOINT without its own CMD.
          if (!cmdSetInStage && cmd) {
            resetCmd = cmd;
            cmd = undefined;
          }
          break;
        case 'CMD':
          cmd = startPart(instr, shell);
          cmdSetInStage = true;
          resetCmd = undefined;
          break;
        case 'STOPSIGNAL':
          stopSignal = { value: instr.text.trim(), instr };
          break;
        case 'WORKDIR': {
          const value = instr.text.trim();
          const resolved = value.startsWith('/') || /^\$/.test(value) || !workdir ? value : path.posix.join(workdir.value, value);
          workdir = { value: resolved, instr };
          break;
        }
        case 'USER':
          user = { value: instr.text.trim(), instr };
          break;
        case 'ENV':
          envPath = envPathValue(instr, envPath);
          break;
      }
    }
  }

  return { entrypoint, cmd, resetCmd, ...startArgv(entrypoint, cmd), stopSignal, workdir, user, path: envPath, shell };
}

/** ENTRYPOINT + CMD as the runtime joins them (a shell-form ENTRYPOINT drops CMD), and the part that names the program. */
export function startArgv(entrypoint: StartPart | undefined, cmd: StartPart | undefined): { argv: string[]; executableFrom?: StartPart } {
  if (entrypoint) {
    const argv = entrypoint.form === 'shell' ? entrypoint.argv : [...entrypoint.argv, ...(cmd?.argv ?? [])];
    const executableFrom = entrypoint.argv.length > 0 ? entrypoint : cmd;
    return { argv, ...(executableFrom ? { executableFrom } : {}) };
  }
  return cmd ? { argv: cmd.argv, executableFrom: cmd } : { argv: [] };
}
