// `--filter-mode` with `--diff FILE|-` on the command line: the diff to filter by, read and
// parsed up front so a bad one fails (exit 2) before any build starts.
import fs from 'node:fs';
import path from 'node:path';
import { DiffSyntaxError, parseUnifiedDiff } from '../diff/unified.js';
import { errorMessage, InputError } from '../errors.js';
import type { Options } from '../options.js';
import type { DiffFilter } from '../policy/diff-filter.js';

const MAX_BYTES = 64 * 1024 * 1024;

export interface DiffRequest {
  options: Options;
  /** `--diff` as written ('-' is standard input). */
  diff?: string;
  /** Whether --filter-mode was a flag (else it came from the config file or the default). */
  modeFromFlag: boolean;
  /** The config file that set the mode, for the note. */
  configFile?: string;
  cwd: string;
  readStdin: () => string;
}

export interface DiffChoice {
  filter?: DiffFilter;
  /** One line for people when a configured filter stays off. */
  note?: string;
}

/**
 * Standard input, read up to `maxBytes`: `--diff -` fed by an endless or huge stream ends with
 * one sentence instead of filling memory.
 */
export function readStdinBounded(maxBytes = MAX_BYTES, fd = 0, what = '--diff -'): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1024 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      // A non-blocking pipe with nothing yet: wait a moment and read again.
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((err as NodeJS.ErrnoException).code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new InputError(`${what} (standard input) is larger than ${Math.round(maxBytes / 1048576)} MB; not read further`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readDiff(spec: string, cwd: string, readStdin: () => string): string {
  if (spec === '-') {
    try {
      return readStdin();
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`--diff - could not read standard input (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)})`);
    }
  }
  const abs = path.resolve(cwd, spec);
  try {
    const stat = fs.statSync(abs);
    if (!stat.isFile()) throw new InputError(`--diff ${spec} is not a file`);
    if (stat.size > MAX_BYTES) throw new InputError(`--diff ${spec} is larger than 64 MB`);
    return fs.readFileSync(abs, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `--diff ${spec} does not exist` : `--diff ${spec} cannot be read (${code ?? 'error'})`);
  }
}

export function chooseDiffFilter(req: DiffRequest): DiffChoice {
  const mode = req.options.filterMode;
  if (mode === 'nofilter') {
    if (req.diff !== undefined) throw new InputError('--diff is only read with --filter-mode added, diff_context or file');
    return {};
  }
  if (req.diff === undefined) {
    if (req.modeFromFlag) throw new InputError(`--filter-mode ${mode} needs --diff FILE, or --diff - to read it from standard input (e.g. git diff origin/main | entrypoint-guard --filter-mode ${mode} --diff -)`);
    return { note: `filter-mode ${mode} (from ${req.configFile ?? 'the config file'}) is off: no --diff was given, so every finding is reported.` };
  }
  const text = readDiff(req.diff, req.cwd, req.readStdin);
  try {
    return { filter: { mode, changes: parseUnifiedDiff(text) } };
  } catch (err) {
    if (err instanceof DiffSyntaxError) throw new InputError(`--diff ${req.diff === '-' ? '- (standard input)' : req.diff} is not a unified diff: ${err.message}`);
    throw err;
  }
}
