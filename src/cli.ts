// The command-line face: `entrypoint-guard [options] [DOCKERFILE]`.
import path from 'node:path';
import { parseCli, USAGE } from './cli/args.js';
import { analyze } from './engine.js';
import { errorMessage, InputError } from './errors.js';
import { failsAt } from './findings.js';
import { writeFileAtomic } from './report/atomic.js';
import { formatJson } from './report/json.js';
import { toSarif } from './report/sarif.js';
import { formatText } from './report/text.js';
import { VERSION } from './version.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  cwd: string;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  cwd: process.cwd(),
};

/** Runs the CLI and returns its exit code: 0 pass, 1 findings at or above --fail-on, 2 bad usage or input. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const command = parseCli(argv, io.cwd);
    if (command.kind === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command.kind === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const { options } = command;
    const { report } = await analyze(options);
    const toFile = options.output !== undefined;
    let body: string;
    if (options.format === 'json') body = formatJson([report]);
    else if (options.format === 'sarif') body = `${JSON.stringify(toSarif([report]), null, 2)}\n`;
    else body = formatText([report], options.failOn, io.isTTY && !toFile);
    // Notes (runtime skipped, ShellCheck absent) are for people: on stderr when stdout is machine-readable.
    if (options.format !== 'text') for (const note of report.notes ?? []) io.stderr(`note: ${note}\n`);
    if (toFile) {
      const target = path.resolve(io.cwd, options.output!);
      try {
        writeFileAtomic(target, body);
      } catch (err) {
        throw new InputError(`cannot write the report to ${options.output}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`);
      }
    } else {
      io.stdout(body);
    }
    return failsAt(report.findings, options.failOn) ? 1 : 0;
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`entrypoint-guard: ${err.message}\n`);
      return 2;
    }
    // An internal error is still one line; the stack only with DEBUG set.
    io.stderr(`entrypoint-guard: internal error: ${errorMessage(err)}\n`);
    if (process.env.ENTRYPOINT_GUARD_DEBUG) io.stderr(`${(err as Error).stack ?? ''}\n`);
    return 2;
  }
}
