// npm/yarn/pnpm/npx as the start command: the package manager, not the app, receives SIGTERM.
import { developmentImage } from '../../model/dev-image.js';
import type { StaticRule } from '../types.js';
import { appCommand } from '../../model/start-chain.js';
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
    if (devImage) return [{ message: `${message} Low impact here: ${devImage.reason}.`, fix, ...where.at, severity: 'info' }];
    return [{ message, fix, ...where.at }];
  },
};
