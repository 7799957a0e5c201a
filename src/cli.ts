// The command-line face: `entrypoint-guard [options] [DOCKERFILE]`.
import fs from 'node:fs';
import path from 'node:path';
import { parseCli, USAGE, type RunCommand } from './cli/args.js';
import { parseMergeArgs, parsePlanArgs } from './cli/matrix-args.js';
import { runMerge, runPlan } from './matrix/commands.js';
import { chooseDiffFilter, readStdinBounded } from './cli/diff-input.js';
import { applyConfigDefaults } from './config/apply-defaults.js';
import { findProjectConfig } from './config/project-config.js';
import { analyze } from './engine.js';
import { cliProgress } from './runtime/progress.js';
import { errorMessage, InputError } from './errors.js';
import { failsAt } from './findings.js';
import { checkOutputTarget, OutputPathError, writeFileAtomic } from './report/atomic.js';
import { formatJson } from './report/json.js';
import { toSarif } from './report/sarif.js';
import { applyPolicy } from './policy/apply-policy.js';
import { droppedLine } from './policy/dropped-line.js';
import { repositoryRoot } from './repo-root.js';
import { formatText } from './report/text.js';
import { VERSION } from './version.js';
import { redact } from './runtime/secrets.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** Standard error is a terminal: status lines are redrawn in place (--progress auto). */
  stderrIsTTY?: boolean;
  cwd: string;
  /** Standard input, for `--diff -`. */
  readStdin?: () => string;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  stderrIsTTY: Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb',
  cwd: process.cwd(),
  readStdin: () => readStdinBounded(),
};

/**
 * The config file, the diff and the analysis, in that order: a bad config or diff fails
 * before any build starts. The config file is found at the git root of the Dockerfile's
 * folder (else the working directory), which is also where its path globs and diff paths start.
 */
async function analyzeWithPolicy(command: RunCommand, io: CliIo) {
  const { options, given } = command;
  const root = repositoryRoot(path.dirname(path.resolve(io.cwd, options.dockerfile)), io.cwd);
  const config = findProjectConfig({ explicit: command.config, base: io.cwd, root });
  if (config) applyConfigDefaults(options, config.defaults, given);
  // --image alone (no DOCKERFILE argument and no ./Dockerfile): the image is checked without a Dockerfile.
  if (options.image !== undefined && !given.has('dockerfile') && !fs.existsSync(path.resolve(io.cwd, options.dockerfile))) options.dockerfile = '';
  const choice = chooseDiffFilter({
    options,
    diff: command.diff,
    modeFromFlag: given.has('filterMode'),
    configFile: config?.file,
    cwd: io.cwd,
    readStdin: io.readStdin ?? (() => readStdinBounded()),
  });
  const { report, model } = await analyze(options, { progress: cliProgress(options.progress, io.stderrIsTTY ?? false, io.stderr) });
  const final = applyPolicy(report, model, { config, filter: choice.filter, root, cwd: io.cwd });
  if (choice.note) final.notes = [...(final.notes ?? []), choice.note];
  return final;
}

/** Runs the CLI and returns its exit code: 0 pass, 1 findings at or above --fail-on, 2 bad usage or input. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    // The matrix subcommands: `plan` lays out the shards, `merge` joins their reports.
    if (argv[0] === 'plan' || argv[0] === 'merge') {
      const sub = argv[0] === 'plan' ? parsePlanArgs(argv.slice(1)) : parseMergeArgs(argv.slice(1));
      if (sub.kind === 'usage') {
        io.stdout(`${sub.text}\n`);
        return 0;
      }
      return sub.kind === 'plan' ? runPlan(sub, io) : runMerge(sub, io);
    }
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
    // A target that cannot take the report fails now, not after the builds.
    if (options.output !== undefined) {
      try {
        checkOutputTarget(path.resolve(io.cwd, options.output));
      } catch (err) {
        if (err instanceof OutputPathError) throw new InputError(`cannot write the report to ${options.output}: ${err.message}`);
      }
    }
    const report = await analyzeWithPolicy(command, io);
    if (command.planPlatforms) report.plan = { platforms: command.planPlatforms, ran: options.platforms };
    const toFile = options.output !== undefined;
    let body: string;
    if (options.format === 'json') body = formatJson([report]);
    else if (options.format === 'sarif') body = `${JSON.stringify(toSarif([report]), null, 2)}\n`;
    else body = formatText([report], options.failOn, io.isTTY && !toFile);
    // Notes (runtime skipped, ShellCheck absent) are for people: on stderr when stdout is machine-readable.
    if (options.format !== 'text') {
      for (const note of report.notes ?? []) io.stderr(`note: ${note}\n`);
      const dropped = droppedLine([report]);
      if (dropped) io.stderr(`note: ${dropped}\n`);
    }
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
      io.stderr(`entrypoint-guard: ${redact(err.message)}\n`);
      return 2;
    }
    // An internal error is still one line; the stack only with DEBUG set.
    io.stderr(`entrypoint-guard: internal error: ${redact(errorMessage(err))}\n`);
    if (process.env.ENTRYPOINT_GUARD_DEBUG) io.stderr(`${(err as Error).stack ?? ''}\n`);
    return 2;
  }
}
