// Metadata of the runtime findings (the checks themselves live in src/runtime/).
// `no-debug-shell` and `healthcheck-broken` are shared with the static rules of the same id and listed there.
import type { RuleMeta } from './types.js';

export const runtimeRules: RuleMeta[] = [
  { id: 'build-failed', severity: 'error', title: 'Build failed for a platform', description: 'The image could not be built for this platform, so it cannot ship there.' },
  { id: 'platform-unavailable', severity: 'warning', title: 'Platform cannot run here', description: 'No emulator is registered for this platform, so its image could not be smoke-run; add docker/setup-qemu-action.' },
  { id: 'entrypoint-not-found', severity: 'error', title: 'Start executable missing', description: 'The start executable does not exist in the image: the container fails with "no such file or directory".' },
  { id: 'entrypoint-not-executable', severity: 'error', title: 'Start executable lacks x bit', description: 'The start executable exists without an execute bit: the container fails with "permission denied".' },
  { id: 'interpreter-not-found', severity: 'error', title: 'Interpreter missing in image', description: "The start script's interpreter (or an ELF's dynamic loader) is missing: the container fails with \"no such file or directory\"." },
  { id: 'crlf-in-image', severity: 'error', title: 'CRLF start script in image', description: 'The start script in the image has CRLF line endings: the kernel looks for an interpreter named "sh\\r".' },
  { id: 'wrong-architecture', severity: 'error', title: 'Binary for another architecture', description: 'The start executable is an ELF for another architecture: "exec format error" on real hardware of this platform.' },
  { id: 'exited-on-start', severity: 'error', title: 'Container exited on start', description: 'The container exited with a non-zero code before it could be stopped: it crashes on start.' },
  { id: 'sigterm-ignored', severity: 'error', title: 'Stop signal ignored', description: 'After the stop signal the container did not exit within the grace period and was SIGKILLed: in-flight work is lost on every deploy.' },
  { id: 'slow-shutdown', severity: 'warning', title: 'Slow shutdown', description: 'The container took more than half the grace period to exit after the stop signal.' },
  { id: 'shell-is-pid1', severity: 'error', title: 'Shell is PID 1', description: 'A shell runs as PID 1 with the app as its child and does not forward the stop signal.' },
  { id: 'package-manager-is-pid1', severity: 'warning', title: 'Package manager is PID 1', description: 'npm/yarn/pnpm is PID 1: it runs the app under sh -c and does not drain it gracefully on SIGTERM.' },
  { id: 'args-not-forwarded', severity: 'error', title: 'Arguments not forwarded', description: 'A command given at `docker run` (or Compose\'s `command:`) does not reach the program word for word: the wrapper drops, re-splits or joins its arguments.' },
  { id: 'shard-missing', severity: 'error', title: 'Matrix shard missing', description: 'A platform the plan gave this Dockerfile has no shard report at merge time (the matrix job failed, was cancelled or uploaded nothing): nothing is known about the image there.' },
  { id: 'stop-signal-not-graceful', severity: 'warning', title: 'Stop signal is a fast stop for the daemon', description: 'The stop signal reaches a daemon that documents it as a fast or abortive stop (nginx and php-fpm drain on SIGQUIT, httpd on SIGWINCH): every deploy cuts off the requests in flight.' },
  { id: 'request-dropped-on-stop', severity: 'error', title: 'Request in flight dropped on stop', description: 'A request the service had accepted when the stop signal came was reset or closed unanswered (--probe-http): every deploy and scale-down fails the requests in flight.' },
  { id: 'zombies-not-reaped', severity: 'warning', title: 'PID 1 does not reap zombies', description: 'PID 1 does not wait for orphaned child processes: they stay zombies and fill the PID table until forks fail. Run an init (--init, tini).' },
  { id: 'unclean-exit', severity: 'warning', title: 'Unclean exit after stop signal', description: 'After the stop signal the container exited with a code other than 0 or 128+signal.' },
];
