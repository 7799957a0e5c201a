// Reports are written whole or not at all, and only ever as regular files: a temp file beside
// the target, then a rename. A device, FIFO, socket or folder at the target is refused (never
// replaced, never written into); a symlink to a regular file has that file replaced.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A target that is not a regular file, or a folder that does not exist: the message is one sentence. */
export class OutputPathError extends Error {}

function kind(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * `createParents`: make missing folders (for paths the tool chose itself, or an input documented
 * to do so); otherwise a missing folder is an error rather than a silent mkdir -p.
 */
export function writeFileAtomic(target: string, body: string, options: { createParents?: boolean } = {}): void {
  const { real, st } = checkOutputTarget(target, options);
  const dir = path.dirname(real);
  if (options.createParents) fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, body, { flag: 'wx', mode: st ? st.mode & 0o777 : 0o644 });
    fs.renameSync(tmp, real);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Throws OutputPathError when `target` cannot take a report (checked before a long run, and again when writing). */
export function checkOutputTarget(target: string, options: { createParents?: boolean } = {}): { real: string; st?: fs.Stats } {
  let real = target;
  const st = statOrUndefined(target);
  if (st) {
    if (!st.isFile()) throw new OutputPathError(`it is ${kind(st)}, not a regular file`);
    real = fs.realpathSync(target);
  } else if (fs.lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new OutputPathError('it is a symlink to nothing');
  }
  const dir = path.dirname(real);
  if (!options.createParents && !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new OutputPathError(`the folder ${dir} does not exist`);
  return { real, st };
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}
