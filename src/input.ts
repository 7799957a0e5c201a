// Reading user-supplied files: every way they can be unreadable becomes one clear sentence.
import fs from 'node:fs';
import { InputError } from './errors.js';

const MAX_BYTES = 16 * 1024 * 1024;

/** Read a text file the user pointed us at; `what` names it in the error ("Dockerfile", "wrapper script"). */
export function readUserText(absPath: string, display: string, what: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absPath);
  } catch {
    throw new InputError(`${what} ${display} does not exist`);
  }
  if (stat.isDirectory()) {
    const hint = what === 'Dockerfile' ? ` (name the file, e.g. ${display === '.' ? '' : `${display}/`}Dockerfile)` : '';
    throw new InputError(`${what} ${display} is a directory, not a file${hint}`);
  }
  if (!stat.isFile()) throw new InputError(`${what} ${display} is not a regular file`);
  if (stat.size > MAX_BYTES) throw new InputError(`${what} ${display} is ${Math.round(stat.size / 1048576)} MB; files over 16 MB are not analysed`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absPath);
  } catch (err) {
    throw new InputError(`${what} ${display} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeText(bytes, display, what);
}

export function decodeText(bytes: Buffer, display: string, what: string): string {
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') throw new InputError(`${what} ${display} is empty`);
  if (bytes.includes(0)) throw new InputError(`${what} ${display} is a binary file (it contains NUL bytes)`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${what} ${display} is not valid UTF-8 text`);
  }
}
