// npm/yarn/pnpm/npx as the start command: the package manager, not the app, receives SIGTERM.
import { developmentImage } from '../../model/dev-image.js';
import type { StaticRule } from '../types.js';
import { appCommand, type AppCommand } from '../../model/start-chain.js';
import { asExecForm } from '../../model/command-strings.js';
import { hasPackageScript, packageScriptWords } from '../../model/package-scripts.js';
import { interpreterOf, programRun } from '../../model/programs.js';
import type { DockerfileModel } from '../../model/types.js';
import type { Autofix } from '../../findings.js';
import { autofix, replaceInstr, scriptLineEdit, withAutofix } from '../edits.js';
import { defaultShell } from './shell-form-cmd.js';
import { devServer } from './dev-server-as-start.js';
import { appWhere, baseName, execArray } from './format.js';

const NPM_RUNS = new Set(['start', 'run', 'run-script', 'rum', 'urn', 'restart', 'test', 't', 'tst', 'exec', 'x']);
/** yarn/pnpm subcommands that do not run a long-lived script. */
const NOT_A_RUN = new Set(['install', 'i', 'add', 'remove', 'ci', 'help', 'version', 'info', 'config', 'audit', 'list', 'ls', 'why', 'outdated']);

/** Global options that take the next word as their value (`npm --prefix /app start`, `pnpm -C api dev`). */
const VALUE_FLAGS = new Set(['--prefix', '-w', '--workspace', '--cwd', '-C', '--dir', '--filter', '-F']);

/** `npm start` / `yarn run serve` / `pnpm dev` / `npx next start` … -> the manager's name; undefined otherwise. */
export function packageManagerRun(words: string[]): string | undefined {
  let w = words;
  if (baseName(w[0] ?? '') === 'corepack') w = w.slice(1);
  const pm = baseName(w[0] ?? '');
  let sub: string | undefined;
  for (let i = 1; i < w.length; i++) {
    if (!w[i]!.startsWith('-')) {
      sub = w[i];
      break;
    }
    if (VALUE_FLAGS.has(w[i]!)) i++;
  }
  if (pm === 'npx' || pm === 'pnpx') return sub ? pm : undefined;
  if (pm === 'npm') return sub && NPM_RUNS.has(sub) ? pm : undefined;
  // Bare `yarn` installs and bare `pnpm` prints help; any other word runs a script.
  if (pm === 'yarn' || pm === 'pnpm') return sub !== undefined && !NOT_A_RUN.has(sub) ? pm : undefined;
  return undefined;
}

/** A word as a shell reads it back: plain words as they are, others single-quoted. */
function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/**
 * `npm start` -> the command `scripts.start` runs, read from the build context's package.json,
 * when that is one simple command of plain words whose program is on PATH without npm's
 * node_modules/.bin (an interpreter such as `node`, or a path), the package manager is given
 * nothing else (no extra arguments) and no pre/post script runs around it. In exec form (the
 * instruction rewritten) or on the wrapper's line (the words replaced).
 */
export function fixPackageManager(model: DockerfileModel, app: AppCommand): Autofix | undefined {
  const [pm, sub, name2, ...extra] = app.words;
  if (!pm) return undefined;
  const plainRun = sub === 'start' ? name2 === undefined : (sub === 'run' || sub === 'run-script') && name2 !== undefined && extra.length === 0;
  const yarnRun = (baseName(pm) === 'yarn' || baseName(pm) === 'pnpm') && sub !== undefined && name2 === undefined;
  if (!plainRun && !yarnRun) return undefined;
  const script = packageScriptWords(model, app.words);
  if (!script || hasPackageScript(model, `pre${script.name}`) || hasPackageScript(model, `post${script.name}`)) return undefined;
  const argv = asExecForm(script.text);
  const program = argv?.[0];
  if (!argv || !program || (interpreterOf(program) === undefined && !program.includes('/'))) return undefined;
  if (app.origin) {
    const { script: w, line } = app.origin;
    const raw = (w.text.split('\n')[line - w.lineOffset - 1] ?? '').replace(/\r$/, '');
    const pattern = new RegExp(`(^|[\\s;&|])(${app.words.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\t]+')})(?=$|[\\s;&|])`, 'g');
    const found = [...raw.matchAll(pattern)];
    if (found.length !== 1) return undefined;
    const at = found[0]!.index! + found[0]![1]!.length;
    return autofix(true, [scriptLineEdit(model, w, line - w.lineOffset, at + 1, at + found[0]![2]!.length + 1, argv.map(shellWord).join(' '))]);
  }
  const part = app.part;
  const written = part.form === 'exec' ? part.argv : asExecForm(part.command ?? '');
  if (!written || written.join('\0') !== app.words.join('\0')) return undefined;
  return autofix(part.form === 'exec' || defaultShell(part), [replaceInstr(model, part.instr, `${part.instr.keyword} ${execArray(argv)}`)]);
}

export const rule: StaticRule = {
  id: 'package-manager-as-pid1',
  severity: 'warning',
  title: 'Package manager as PID 1',
  description: 'npm/yarn/pnpm/npx as the start command run the app under `sh -c` and do not drain it gracefully on SIGTERM.',
  deployed: 'service',
  check(model) {
    const app = appCommand(model);
    if (!app) return [];
    const pm = packageManagerRun(app.words);
    if (!pm) return [];
    const command = app.words.join(' ');
    const where = appWhere(app);
    const message = `The start command runs \`${command}\` (from ${where.source}), so ${pm} stays between PID 1 and the app, runs it under \`sh -c\` and does not let it drain gracefully on SIGTERM, cutting off in-flight requests at every deploy.`;
    const fix = app.origin
      ? `Exec the program the package script runs, e.g. \`exec node server.js\` (copy the command from package.json's script).`
      : `Start the program the script runs directly, e.g. \`${app.part.origin ? app.part.instr.keyword : 'CMD'} ${execArray(['node', 'server.js'])}\` (copy the command from package.json's script).`;
    // A development image by design is stopped by a developer, not drained by a deploy.
    const dev = devServer(app.words);
    const deployedDev = app.part.origin?.devSetup;
    const devImage = developmentImage(model) ?? (deployedDev ? { reason: deployedDev } : undefined) ?? (dev ? { reason: `it runs ${dev.what}, so the image is a development setup` } : undefined);
    const edits = withAutofix(fixPackageManager(model, app));
    // A job that runs to its end (`npm test`, `npx playwright test`, `npm run build`) has no requests to drain.
    let ran = app.words;
    if (pm === 'npx' || pm === 'pnpx') {
      ran = ran.slice(ran.findIndex((w) => baseName(w) === pm) + 1);
      while (ran[0]?.startsWith('-')) ran = ran.slice(1);
    }
    if (programRun(ran) === 'one-shot') return [{ message: `${message} Low impact here: \`${command}\` runs a job to its end, not a server that drains requests.`, fix, ...where.at, severity: 'info', ...edits }];
    if (devImage) return [{ message: `${message} Low impact here: ${devImage.reason}.`, fix, ...where.at, severity: 'info', ...edits }];
    return [{ message, fix, ...where.at, ...edits }];
  },
};
