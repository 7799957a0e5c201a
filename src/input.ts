// Reading user-supplied files: every way they can be unreadable becomes one clear sentence.
import fs from 'node:fs';
import { InputError } from './errors.js';

const MAX_BYTES = 16 * 1024 * 1024;

export interface ReadLimits {
  /** Largest size read (16 MB by default). */
  maxBytes?: number;
  /** An empty file is valid input (an empty config file), not an error. */
  allowEmpty?: boolean;
}

/** Read a text file the user pointed us at; `what` names it in the error ("Dockerfile", "wrapper script", "config file"). */
export function readUserText(absPath: string, display: string, what: string, limits: ReadLimits = {}): string {
  const maxBytes = limits.maxBytes ?? MAX_BYTES;
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
  if (stat.size > maxBytes) throw new InputError(`${what} ${display} is ${Math.round(stat.size / 1048576)} MB; files over ${Math.round(maxBytes / 1048576)} MB are not read`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absPath);
  } catch (err) {
    throw new InputError(`${what} ${display} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (limits.allowEmpty && bytes.toString('latin1').trim() === '') return '';
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
