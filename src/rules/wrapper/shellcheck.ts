// ShellCheck on wrapper scripts, when `shellcheck` is on PATH.
import type { Finding } from '../../findings.js';
import type { DockerfileModel } from '../../model/types.js';

export function runShellcheck(_model: DockerfileModel): { findings: Finding[]; note?: string } {
  return { findings: [] };
}
