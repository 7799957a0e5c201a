// A container's state as `docker inspect` reports it (container-calls.ts): running or exited (with code), its host
// pid, timestamps and health. Read by the probe and the readiness wait.
import { inspectState } from './container-calls.js';

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

export async function containerState(id: string): Promise<ContainerState | undefined> {
  const raw = await inspectState(id);
  if (!raw) return undefined;
  const s = raw as {
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
}
