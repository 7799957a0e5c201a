// One name per process on every platform. A script started through its `#!` line runs as
// `<interpreter> <script path> <args…>`; natively some programs then retitle themselves (npm
// shows `npm start`), under QEMU the retitle is invisible and ps shows `node /usr/bin/npm start`.
// Naming the script instead of its interpreter gives both platforms the same name.
import path from 'node:path';
import { interpreterOf, knownProgram } from '../model/programs.js';
import { DEFAULT_PATH } from '../model/start-contract.js';

/** The directories a bare command name is looked up in; a script there is shown by its name. */
const STANDARD_PATH = DEFAULT_PATH;

/**
 * The argv as people should see it: `<interpreter> /abs/script args…` becomes `script args…`
 * (the bare name when the script lives on PATH, as a start command would spell it, else its
 * path). Options before the script (`node --inspect x.js`, `sh -c …`) mean the interpreter was
 * invoked by hand: left as is. The real argv is reported separately.
 */
export function displayArgv(argv: string[], pathDirs: string[] = STANDARD_PATH): string[] {
  const [interp, script] = argv;
  if (interp === undefined || script === undefined) return argv;
  // Programs that run a script named by their first argument (the kernel's `#!` hand-off).
  if (interpreterOf(interp) === undefined && knownProgram(interp)?.role !== 'shell') return argv;
  if (!script.startsWith('/')) return argv;
  const dir = path.posix.dirname(script);
  const name = pathDirs.includes(dir) || STANDARD_PATH.includes(dir) ? path.posix.basename(script) : script;
  return [name, ...argv.slice(2)];
}

export function displayName(argv: string[], pathDirs?: string[]): string {
  return displayArgv(argv, pathDirs).join(' ');
}
