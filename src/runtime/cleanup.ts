// Nothing the tool starts outlives it: every container, tag and temp dir is registered here
// and removed at the end, on failure, on SIGINT/SIGTERM/SIGHUP/SIGQUIT of the tool itself and on a crash.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { docker, dockerEnv, killRunningDockerCalls } from './docker.js';

/** Label put on everything a run creates, so leftovers are findable: `docker ps -a --filter label=entrypoint-guard.run`. */
export const RUN_LABEL = 'entrypoint-guard.run';

/** The signals that end the tool: each one cleans up before the exit. */
const EXIT_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

export class Cleanup {
  readonly runId: string;
  private readonly containers = new Set<string>();
  private readonly images = new Set<string>();
  private readonly dirs = new Set<string>();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.interrupted();
    // As a shell reports a process ended by that signal: 128 + its number.
    process.exit(128 + (os.constants.signals[signal] ?? 15));
  };
  private readonly onCrash = (err: unknown) => {
    this.interrupted();
    process.stderr.write(`entrypoint-guard: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  };
  private installed = false;

  constructor(runId = `eg-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`) {
    this.runId = runId;
  }

  /**
   * The one way out when the run is cut short: stop the docker calls in flight first (a build
   * would load its tag after the cleanup), then remove everything. Safe to call twice.
   */
  interrupted(): void {
    killRunningDockerCalls();
    this.removeAllSync();
  }

  /** Remove everything if the tool itself is interrupted (Ctrl-C, Ctrl-backslash, a closed terminal, a cancelled runner) or crashes. */
  installSignalHandlers(): void {
    if (this.installed) return;
    this.installed = true;
    for (const signal of EXIT_SIGNALS) process.on(signal, this.onSignal);
    process.on('uncaughtException', this.onCrash);
  }

  uninstallSignalHandlers(): void {
    if (!this.installed) return;
    this.installed = false;
    for (const signal of EXIT_SIGNALS) process.off(signal, this.onSignal);
    process.off('uncaughtException', this.onCrash);
  }

  /** The run label as the Engine API takes it. */
  labels(): Record<string, string> {
    return { [RUN_LABEL]: this.runId };
  }

  labelArgs(): string[] {
    return ['--label', `${RUN_LABEL}=${this.runId}`];
  }

  container(id: string): void {
    this.containers.add(id);
  }

  image(tag: string): void {
    this.images.add(tag);
  }

  dir(path: string): void {
    this.dirs.add(path);
  }

  forgetContainer(id: string): void {
    this.containers.delete(id);
  }

  async removeAll(): Promise<void> {
    const containers = [...this.containers];
    const images = [...this.images];
    this.containers.clear();
    this.images.clear();
    // Anything labelled with this run, even if its id never reached us (a `docker run` cut short).
    const labelled = await docker(['ps', '-aq', '--filter', `label=${RUN_LABEL}=${this.runId}`], { timeoutMs: 15_000 });
    for (const id of labelled.stdout.split('\n').map((s) => s.trim()).filter(Boolean)) containers.push(id);
    if (containers.length > 0) await docker(['rm', '-f', '-v', ...new Set(containers)], { timeoutMs: 30_000 });
    if (images.length > 0) await docker(['rmi', '-f', ...images], { timeoutMs: 30_000 });
    this.removeDirs();
  }

  removeAllSync(): void {
    const run = (args: string[]) => spawnSync('docker', args, { env: dockerEnv(), timeout: 20_000, stdio: 'ignore' });
    const labelled = () => (spawnSync('docker', ['ps', '-aq', '--filter', `label=${RUN_LABEL}=${this.runId}`], { env: dockerEnv(), timeout: 10_000, encoding: 'utf8' }).stdout ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    const ids = new Set([...this.containers, ...labelled()]);
    if (ids.size > 0) run(['rm', '-f', '-v', ...ids]);
    // A create the engine had already received when its call was cut short (a `docker run`
    // killed above, an Engine API request in flight) lands after the first listing: once more.
    const late = labelled();
    if (late.length > 0) run(['rm', '-f', '-v', ...late]);
    if (this.images.size > 0) run(['rmi', '-f', ...this.images]);
    this.containers.clear();
    this.images.clear();
    this.removeDirs();
  }

  private removeDirs(): void {
    for (const d of this.dirs) fs.rmSync(d, { recursive: true, force: true });
    this.dirs.clear();
  }
}

/**
 * The Action's post step: remove every container and image labelled with this run id (or,
 * without one, with any entrypoint-guard run), in case the main step was killed mid-run.
 */
export async function cleanupRun(runId?: string): Promise<{ containers: number; images: number }> {
  const filter = `label=${RUN_LABEL}${runId ? `=${runId}` : ''}`;
  const ps = await docker(['ps', '-aq', '--filter', filter], { timeoutMs: 20_000 });
  const containers = [...new Set(ps.stdout.split('\n').map((s) => s.trim()).filter(Boolean))];
  if (containers.length > 0) await docker(['rm', '-f', '-v', ...containers], { timeoutMs: 60_000 });
  const imgs = await docker(['images', '-q', '--no-trunc', '--filter', filter], { timeoutMs: 20_000 });
  const images = [...new Set(imgs.stdout.split('\n').map((s) => s.trim()).filter(Boolean))];
  const refs = [...images];
  // Images pulled for --image carry no label of ours, only the run's tag (runtime/build.ts imageTag):
  // removed by that tag (an image that was here before the run keeps its other tags), counted once.
  if (runId) {
    const tags = await docker(['images', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}', '--filter', `reference=entrypoint-guard/${runId.toLowerCase()}*`], { timeoutMs: 20_000 });
    for (const [id, tag] of tags.stdout.split('\n').map((s) => s.trim().split(' ')).filter(([id, tag]) => id && tag)) {
      if (images.includes(id!)) continue;
      images.push(id!);
      refs.push(tag!);
    }
  }
  if (refs.length > 0) await docker(['rmi', '-f', ...refs], { timeoutMs: 60_000 });
  return { containers: containers.length, images: images.length };
}
