// The command-line face: `entrypoint-guard [options] [DOCKERFILE|GLOB|!GLOB]…`: one report over every Dockerfile, one exit code.
import fs from 'node:fs';
import path from 'node:path';
import { parseCli, USAGE, type RunCommand } from './cli/args.js';
import { parseMergeArgs, parsePlanArgs } from './cli/matrix-args.js';
import { runMerge, runPlan } from './matrix/commands.js';
import { chooseDiffFilter, readStdinBounded } from './cli/diff-input.js';
import { applyConfigDefaults } from './config/apply-defaults.js';
import { findProjectConfig } from './config/project-config.js';
import { analyze } from './engine.js';
import { applyOnce, fixedLine, fixPasses, newFixSession, unifiedDiff, writeFixes, type FixSession } from './fix/run.js';
import { mirrorWithFixes, verdictOf } from './fix/verify.js';
import { lintDockerfile } from './lint.js';
import { cliProgress } from './runtime/progress.js';
import { errorMessage, InputError } from './errors.js';
import { failsAt, requiredRuntimeSkips, runtimeSkip, type Report } from './findings.js';
import { expandDockerfiles, hasMagic } from './github/glob.js';
import { readUserText } from './input.js';
import { checkOutputTarget, OutputPathError, writeFileAtomic } from './report/atomic.js';
import { defaultCategory } from './report/sarif.js';
import { formatReports } from './report/format.js';
import { applyPolicy } from './policy/apply-policy.js';
import { droppedLine } from './policy/dropped-line.js';
import { repositoryRoot } from './repo-root.js';
import { VERSION } from './version.js';
import { colorEnabled } from './color.js';
import { redact } from './runtime/secrets.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour the text report (a terminal, or FORCE_COLOR; never with NO_COLOR or TERM=dumb: src/color.ts). */
  isTTY: boolean;
  /** Standard error is a terminal: status lines are redrawn in place (--progress auto). */
  stderrIsTTY?: boolean;
  cwd: string;
  /** Standard input, for `--diff -` and `--deploy -` (`what` names it in a size error). */
  readStdin?: (what?: string) => string;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: colorEnabled(Boolean(process.stdout.isTTY)),
  // Redrawn status lines need a real terminal that understands cursor moves.
  stderrIsTTY: Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb',
  cwd: process.cwd(),
  readStdin: (what) => readStdinBounded(undefined, 0, what),
};

/** The DOCKERFILE arguments as paths: globs expanded, `!GLOB` excluding earlier matches (as the Action's `dockerfile` input). */
function dockerfilesOf(command: RunCommand, cwd: string): string[] {
  const { options, given } = command;
  if (command.dockerfiles.length === 0) {
    // --image alone (no DOCKERFILE argument and no ./Dockerfile): the image is checked without a Dockerfile.
    if (options.image !== undefined && !given.has('dockerfile') && !fs.existsSync(path.resolve(cwd, options.dockerfile))) return [''];
    return [options.dockerfile];
  }
  if (command.dockerfiles.length === 1 && !hasMagic(command.dockerfiles[0]!)) return command.dockerfiles;
  return expandDockerfiles(command.dockerfiles.join('\n'), cwd);
}

/**
 * The config file, the diff and the analyses, in that order: a bad config or diff (or a
 * missing third Dockerfile) fails before any build starts. The config file is found at the git
 * root of the first Dockerfile's folder (else the working directory), which is also where its
 * path globs and diff paths start. One report per Dockerfile, in argument order.
 */
async function analyzeWithPolicy(command: RunCommand, io: CliIo): Promise<Report[] | { diff: string }> {
  const { options, given } = command;
  const files = dockerfilesOf(command, io.cwd);
  const root = repositoryRoot(path.dirname(path.resolve(io.cwd, files[0] || '.')), io.cwd);
  const config = findProjectConfig({ explicit: command.config, base: io.cwd, root });
  if (config) applyConfigDefaults(options, config.defaults, given);
  if (options.requireRuntime && options.static) throw new InputError('--require-runtime asks for the runtime checks that --static turns off: give one of them');
  const choice = chooseDiffFilter({
    options,
    diff: command.diff,
    modeFromFlag: given.has('filterMode'),
    configFile: config?.file,
    cwd: io.cwd,
    readStdin: io.readStdin ?? (() => readStdinBounded()),
  });
  if (options.deploy.some((d) => d.path === '-')) {
    if (command.diff === '-') throw new InputError('--deploy - and --diff - both read standard input: give one of them a file');
    options.deployStdin = (io.readStdin ?? ((what?: string) => readStdinBounded(undefined, 0, what)))('--deploy -');
  }
  if (files.length > 1) for (const file of files) readUserText(path.resolve(io.cwd, file), file, 'Dockerfile');
  const progress = cliProgress(options.progress, io.stderrIsTTY ?? false, io.stderr);
  /** One Dockerfile analysed (lint, and the runtime unless --static) under the policy, with `cwd` and `root` as given (a verify copy's). */
  const analyzeOne = async (dockerfile: string, cwd: string, atRoot: string): Promise<Report> => {
    // Each Dockerfile gets its own options object; context defaults to its own folder (engine).
    const own = { ...options, dockerfile, cwd, ignore: new Set(options.ignore), buildArgs: { ...options.buildArgs }, probeEnv: { ...options.probeEnv } };
    const { report, model } = await analyze(own, { progress });
    const final = applyPolicy(report, model, { config, filter: choice.filter, root: atRoot, cwd });
    if (choice.note) final.notes = [...(final.notes ?? []), choice.note];
    return final;
  };
  // Fixes follow the same policy as the report: a rule turned off, an ignore, a diff filter
  // keep their findings (and so their fixes) out.
  const staticFixes = (session: FixSession, dockerfile: string, unsafe: boolean) =>
    fixPasses(session, io.cwd, unsafe, (edited) => {
      const lint = lintDockerfile({ dockerfile, context: options.context, buildArgs: options.buildArgs, target: options.target, ignore: options.ignore, cwd: io.cwd, edited });
      const report: Report = { version: 1, dockerfile: lint.model.file, findings: lint.findings, platforms: [] };
      return applyPolicy(report, lint.model, { config, filter: choice.filter, root, cwd: io.cwd }).findings;
    });
  if (command.fix?.verify) return fixAndVerify(command, io, files, root, { analyzeOne, staticFixes });
  if (command.fix) {
    const session = newFixSession();
    for (const dockerfile of files) staticFixes(session, dockerfile, command.fix.unsafe);
    const diff = unifiedDiff(session);
    if (command.fix.mode === 'dry-run') {
      io.stderr(`entrypoint-guard: ${fixedLine(session, true)}\n`);
      return { diff };
    }
    writeFixes(session);
    io.stderr(`${diff}entrypoint-guard: ${fixedLine(session, false)}\n`);
  }
  const reports: Report[] = [];
  for (const dockerfile of files) reports.push(await analyzeOne(dockerfile, io.cwd, root));
  // The runtime's fixes (a STOPSIGNAL) are known only now: written after the report was made,
  // which still shows their findings (a second run, or --verify, checks them).
  if (command.fix && !options.static) {
    const session = newFixSession();
    for (const report of reports) applyOnce(session, io.cwd, command.fix.unsafe, report.findings.filter((f) => f.platforms !== undefined));
    if (session.fixed.size > 0) {
      writeFixes(session);
      io.stderr(`${unifiedDiff(session)}entrypoint-guard: runtime findings: ${fixedLine(session, false)}; the report shows them as found, run again to verify\n`);
    }
  }
  return reports;
}

/**
 * `--fix --verify`, per Dockerfile: analyse the files as they are (with the runtime), make the
 * static and runtime fixes in memory, analyse a copy with the fixes, and write them only when
 * the copy is better (src/fix/verify.ts). The report is the copy's when kept, else the original's.
 */
async function fixAndVerify(
  command: RunCommand,
  io: CliIo,
  files: string[],
  root: string,
  run: { analyzeOne: (dockerfile: string, cwd: string, root: string) => Promise<Report>; staticFixes: (session: FixSession, dockerfile: string, unsafe: boolean) => number },
): Promise<Report[]> {
  const { options } = command;
  const unsafe = command.fix!.unsafe;
  const reports: Report[] = [];
  for (const dockerfile of files) {
    const before = await run.analyzeOne(dockerfile, io.cwd, root);
    const session = newFixSession();
    run.staticFixes(session, dockerfile, unsafe);
    applyOnce(session, io.cwd, unsafe, before.findings.filter((f) => f.platforms !== undefined));
    if (session.original.size === 0) {
      reports.push(before);
      continue;
    }
    const absDockerfile = path.resolve(io.cwd, dockerfile);
    const mirror = mirrorWithFixes(session, { cwd: io.cwd, root, contextDir: path.resolve(io.cwd, options.context ?? path.dirname(absDockerfile)), dockerfile: absDockerfile });
    if (!mirror) {
      io.stderr(`entrypoint-guard: ${dockerfile}: fixes not written: --verify copies the build context, which lies outside the repository\n`);
      reports.push(before);
      continue;
    }
    let after: Report;
    try {
      after = await run.analyzeOne(dockerfile, mirror.cwd, mirror.root);
    } finally {
      mirror.remove();
    }
    const skipped = runtimeSkip(after);
    const why = skipped ?? verdictOf(before.findings, after.findings, session.fixed.keys());
    if (why) {
      io.stderr(`entrypoint-guard: ${dockerfile}: fixes not written (${fixedLine(session, true)}): ${why}\n`);
      reports.push(before);
      continue;
    }
    writeFixes(session);
    io.stderr(`${unifiedDiff(session)}entrypoint-guard: ${dockerfile}: ${fixedLine(session, false)}, verified by building and probing the fixed files on ${(after.platforms.map((p) => p.platform).join(', ')) || 'no platform'}\n`);
    reports.push(after);
  }
  return reports;
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
    const analysed = await analyzeWithPolicy(command, io);
    // --fix-dry-run: the diff is the output; exit 1 when there is one (as `git diff --exit-code`).
    if (!Array.isArray(analysed)) {
      io.stdout(analysed.diff);
      return analysed.diff === '' ? 0 : 1;
    }
    const reports = analysed;
    if (command.planPlatforms) for (const report of reports) report.plan = { platforms: command.planPlatforms, ran: options.platforms };
    const toFile = options.output !== undefined;
    const body = formatReports(options.format, reports, { failOn: options.failOn, color: io.isTTY && !toFile, category: command.category ?? defaultCategory() });
    // Notes (runtime skipped, ShellCheck absent) are for people: on stderr when stdout is machine-readable.
    if (options.format !== 'text') {
      for (const note of new Set(reports.flatMap((r) => r.notes ?? []))) io.stderr(`note: ${note}\n`);
      const dropped = droppedLine(reports);
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
    // Never silently green: with --require-runtime a skipped runtime check fails the run, in one line.
    const skips = requiredRuntimeSkips(reports, options.requireRuntime);
    if (skips.length > 0) io.stderr(`entrypoint-guard: ${skips.join('; ')}\n`);
    return failsAt(reports.flatMap((r) => r.findings), options.failOn) || skips.length > 0 ? 1 : 0;
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
