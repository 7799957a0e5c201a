// A container's state as `docker inspect` reports it: running or exited (with code), its host
// pid, timestamps and health. Read by the probe and the readiness wait.
import { docker } from './docker.js';

export interface ContainerState {
  running: boolean;
  exitCode: number;
  pid: number;
  startedAt: string;
  finishedAt: string;
  oomKilled: boolean;
  error: string;
  /** The HEALTHCHECK's status (starting, healthy, unhealthy); undefined without one. */
  health?: string;
}

const CALL_MS = 20_000;

export async function containerState(id: string): Promise<ContainerState | undefined> {
  const res = await docker(['inspect', '--format', '{{json .State}}', id], { timeoutMs: CALL_MS });
  if (res.code !== 0) return undefined;
  try {
    const s = JSON.parse(res.stdout) as {
      Running?: boolean; ExitCode?: number; Pid?: number; StartedAt?: string; FinishedAt?: string; OOMKilled?: boolean; Error?: string; Health?: { Status?: string } | null;
    };
    const state: ContainerState = {
      running: s.Running === true,
      exitCode: s.ExitCode ?? 0,
      pid: s.Pid ?? 0,
      startedAt: s.StartedAt ?? '',
      finishedAt: s.FinishedAt ?? '',
      oomKilled: s.OOMKilled === true,
      error: s.Error ?? '',
    };
    if (s.Health?.Status) state.health = s.Health.Status;
    return state;
  } catch {
    return undefined;
  }
}
