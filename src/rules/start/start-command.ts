// Shared reading of the final image's start command for the start-contract rules: which
// instruction set what, which shell runs a shell form, and which program ends up running
// once init/privilege-drop wrappers (tini, gosu, a docker-entrypoint.sh ending in
// `exec "$@"`…) and `sh -c` scripts are looked through.
import path from 'node:path';
import { lacksShell } from '../../model/base-image.js';
import { binShDialect, shellName } from '../../shell/script.js';
import type { BaseImage, DockerfileModel, Instr, Stage, StartPart, WrapperScript } from '../../model/types.js';
import { walkCommands } from '../../shell/structure.js';
import { execsLastImplicitly, lastCommand, parseScript, wordText } from './shell-text.js';

export function baseName(p: string): string {
  return path.posix.basename(p.replace(/\/+$/, ''));
}

/** The text Docker reads as exec or shell form (`HEALTHCHECK … CMD <this>`). */
export function formText(instr: Instr): string {
  return instr.keyword === 'HEALTHCHECK' ? instr.text.replace(/^CMD\s+/i, '') : instr.text;
}

/**
 * The author meant exec form: the text starts with `[` and is not a shell `[ … ]` test
 * (`CMD [ -f /etc/app.conf ] && exec app` is a legitimate shell form).
 */
export function meantExecForm(instr: Instr): boolean {
  if (!instr.jsonLike) return false;
  const text = formText(instr).trim();
  return !/^\[\s+(?:!\s+)?(?:-[a-zA-Z]\s|"?\$\{?\w+\}?"?\s+(?:!?=|-(?:eq|ne|lt|gt|le|ge))\s)/.test(text);
}

/** `CMD ["npm", "start"]`, whitespace collapsed, shortened for messages. */
export function show(instr: Instr, max = 90): string {
  const text = `${instr.keyword} ${instr.text}`.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A short command text for messages. */
export function showText(text: string, max = 70): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Exec form as one would write it in the Dockerfile: `["node", "server.js"]`. */
export function execArray(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/** Stages whose ENTRYPOINT/CMD can reach the final image (none for a Windows image). */
export function unixChain(model: DockerfileModel): Stage[] {
  return model.windows ? [] : model.chain.filter((s) => !s.windows);
}

/** The HEALTHCHECK in effect in the final image (undefined when none or `NONE`). */
export function effectiveHealthcheck(model: DockerfileModel): Instr | undefined {
  let found: Instr | undefined;
  for (const stage of model.chain) for (const i of stage.instructions) if (i.keyword === 'HEALTHCHECK') found = i;
  if (!found || /^NONE\b/i.test(found.text.trim())) return undefined;
  return found;
}

/** The exec-form ENTRYPOINT/CMD parts of the start command and the HEALTHCHECK in effect. */
export function execFormInstructions(model: DockerfileModel, healthcheck: boolean): Instr[] {
  if (model.windows) return [];
  const out: Instr[] = [];
  const { entrypoint, cmd } = model.start;
  if (entrypoint?.form === 'exec') out.push(entrypoint.instr);
  // A shell-form ENTRYPOINT ignores CMD (cmd-ignored says so).
  if (cmd?.form === 'exec' && entrypoint?.form !== 'shell') out.push(cmd.instr);
  const hc = healthcheck ? effectiveHealthcheck(model) : undefined;
  if (hc?.exec) out.push(hc);
  return out;
}

export type ShellKind = 'dash' | 'ash' | 'bash' | 'none' | 'unknown';

/** Which shell a `/bin/sh`-style path is on this base image. */
export function shellKind(shellPath: string, base: BaseImage): ShellKind {
  if (lacksShell(base)) return 'none';
  const name = shellName(shellPath);
  const dialect = name === 'sh' ? binShDialect(base.family) : name;
  switch (dialect) {
    case 'bash':
    case 'dash':
      return dialect;
    case 'ash':
    case 'busybox':
      return 'ash';
    default:
      return 'unknown';
  }
}

export interface ShellFate {
  kind: ShellKind;
  /** The shell replaces itself with the last command on its own (ash, bash). */
  implicitExec: boolean;
  /** A clause for messages: what happens to SIGTERM. */
  clause: string;
}

/** What the shell at `shellPath` does with SIGTERM when it runs `script` on this base image. */
export function shellFate(shellPath: string, script: string, base: BaseImage, program = 'the app'): ShellFate {
  const kind = shellKind(shellPath, base);
  const implicitExec = kind !== 'none' && kind !== 'unknown' && execsLastImplicitly(script, kind);
  const name = kind === 'ash' ? 'BusyBox ash' : kind;
  let clause: string;
  if (kind === 'none') clause = `${familyLabel(base)} ships no \`${shellPath}\`, so the container cannot start`;
  else if (kind === 'dash') clause = `on the ${familyLabel(base)} image dash stays PID 1 and never forwards SIGTERM to ${program}, which is SIGKILLed at every stop`;
  else if (implicitExec)
    clause = `${name} happens to exec this last command, but the shell stays PID 1 and swallows SIGTERM once the command gains ${kind === 'ash' ? 'a pipeline or a trap' : 'a redirection or a pipeline'} or the base moves to Debian's dash`;
  else if (kind === 'ash' || kind === 'bash') clause = `${name} stays PID 1 here (pipeline, trap, redirection or background job) and does not forward SIGTERM to ${program}`;
  else clause = `the shell may stay PID 1 without forwarding SIGTERM to ${program}`;
  return { kind, implicitExec, clause };
}

/** "Debian-based", "Alpine", … for messages. */
export function familyLabel(base: BaseImage): string {
  switch (base.family) {
    case 'debian':
      return `Debian-based \`${base.ref}\``;
    case 'ubuntu':
      return `Ubuntu-based \`${base.ref}\``;
    case 'alpine':
      return `Alpine-based \`${base.ref}\``;
    default:
      return `\`${base.ref}\``;
  }
}

export function isShell(word: string): boolean {
  return shellName(word) !== undefined && baseName(word) !== 'busybox';
}

/** `sh -c '<script>'`, `/usr/bin/env bash -euc '<script>'`, `bash -o pipefail -c …` at argv[start]. */
export function shellScriptAt(argv: string[], start = 0): { shell: string; scriptIndex: number } | undefined {
  let i = start;
  if (argv[i] !== undefined && baseName(argv[i]!) === 'env') {
    i++;
    while (i < argv.length && (argv[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!))) i++;
  }
  const shell = argv[i];
  if (shell === undefined || !isShell(shell)) return undefined;
  for (let j = i + 1; j < argv.length; j++) {
    const a = argv[j]!;
    if (a === '-o' || a === '+o') {
      j++;
      continue;
    }
    if (/^[-+][A-Za-z]*c[A-Za-z]*$/.test(a) && a.startsWith('-')) {
      return j + 1 < argv.length ? { shell, scriptIndex: j + 1 } : undefined;
    }
    if (!a.startsWith('-') && !a.startsWith('+')) return undefined;
  }
  return undefined;
}

/** `exec "$@"`, `exec gosu app "$@"`, `exec tini -- "$@"`: the words exec the script's arguments as the program. */
function execsArguments(words: string[], model: DockerfileModel): boolean {
  if (words[0] !== 'exec') return false;
  const k = peelExecWrappers(model, words, 1, false);
  return k === words.length - 1 && words[k] === '$@';
}

/** A wrapper script that execs its arguments as the program somewhere (`exec "$@"`, `exec gosu app "$@"`). */
export function passesArgsToExec(text: string, model: DockerfileModel): boolean {
  let found = false;
  walkCommands(parseScript(text), (cmd) => {
    if (!found && cmd.kind === 'simple') found = execsArguments(cmd.words.map(wordText), model);
  });
  return found;
}

/** The model's start wrapper script that `executable` names (absolute, relative or by PATH lookup). */
export function startWrapper(model: DockerfileModel, executable: string): WrapperScript | undefined {
  const candidates = model.wrappers.filter((w) => w.role === 'start');
  const exact = candidates.find((w) => w.imagePath === executable);
  if (exact) return exact;
  if (executable.startsWith('/')) return undefined;
  const name = baseName(executable);
  return candidates.find((w) => baseName(w.imagePath) === name);
}

/**
 * A wrapper script that ends by exec'ing its arguments (`exec "$@"`, `exec gosu app "$@"`) and
 * supplies no default command of its own (`set -- …`, `${@:-…}`, a `$#` check).
 */
export function endsInExecArgs(text: string, model: DockerfileModel): boolean {
  const last = lastCommand(text);
  if (!last || last.detached || !execsArguments(last.words, model)) return false;
  return !/(^|[\s;&|])set\s+--|\$\{@:?-|\$#|\$\{#\}/m.test(text);
}

/** Init shims and privilege droppers: they need a program to run after them. */
export function needsProgram(word: string): boolean {
  const name = baseName(word);
  return INITS.has(name) || /^tini-static-/.test(name) || PRIV_DROP.has(name) || name === 'setpriv';
}

const INITS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit']);
/** Init flags that take a value as the next argument. */
const INIT_VALUE_FLAGS = new Set(['-p', '-e', '-r', '--rewrite']);
const PRIV_DROP = new Set(['gosu', 'su-exec', 's6-setuidgid']);
const SETPRIV_VALUE_FLAGS = new Set([
  '--reuid', '--regid', '--ruid', '--rgid', '--euid', '--egid', '--groups', '--inh-caps', '--ambient-caps',
  '--bounding-set', '--securebits', '--pdeathsig', '--selinux-label', '--apparmor-profile',
]);

/** Index after the options starting at `i` (and a closing `--`); `valueFlags` take the next word. */
function skipOptions(argv: string[], i: number, valueFlags: Set<string>): number {
  while (i < argv.length && argv[i]!.startsWith('-')) {
    const flag = argv[i++]!;
    if (flag === '--') break;
    if (valueFlags.has(flag)) i++;
  }
  return i;
}

/**
 * Skip programs that exec their arguments: init shims (tini, dumb-init), privilege droppers
 * (gosu, su-exec, setpriv), `env`, and entrypoint scripts ending in `exec "$@"` (the model's
 * start wrappers, or an official image's docker-entrypoint.sh the context does not provide).
 * Returns the index of the program that ends up running.
 */
export function peelExecWrappers(model: DockerfileModel, argv: string[], start = 0, scripts = true): number {
  let i = start;
  for (let guard = 0; guard < 16 && i < argv.length; guard++) {
    const word = argv[i]!;
    const name = baseName(word);
    if (INITS.has(name) || /^tini-static-/.test(name)) {
      i = skipOptions(argv, i + 1, INIT_VALUE_FLAGS);
      continue;
    }
    if (PRIV_DROP.has(name)) {
      i += 2;
      continue;
    }
    if (name === 'setpriv') {
      i = skipOptions(argv, i + 1, SETPRIV_VALUE_FLAGS);
      continue;
    }
    if (name === 'env' && !(argv[i + 1] !== undefined && isShell(argv[i + 1]!))) {
      i++;
      while (i < argv.length && (argv[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!))) i++;
      continue;
    }
    if (!scripts) break;
    const wrapper = startWrapper(model, word);
    if (wrapper ? passesArgsToExec(wrapper.text, model) : /^docker-entrypoint(\.sh)?$/.test(name)) {
      i++;
      continue;
    }
    break;
  }
  return i;
}

/** Which part of the start command (ENTRYPOINT or CMD) holds index `k` of model.start.argv. */
export function partAt(model: DockerfileModel, k: number): StartPart | undefined {
  const { entrypoint, cmd } = model.start;
  if (entrypoint && entrypoint.form === 'exec') {
    if (k < entrypoint.argv.length) return entrypoint;
    return cmd;
  }
  return entrypoint ?? cmd;
}

/** One level of the start command: a program after exec-wrappers, possibly a shell running a script. */
export interface StartLayer {
  argv: string[];
  /** Index of argv[0] in model.start.argv. */
  offset: number;
  /** Index in argv of the program that ends up running at this level. */
  program: number;
  /** Set when that program is a shell given a `-c` script. */
  shell?: { shell: string; scriptIndex: number; script: string; part: StartPart };
}

/**
 * The start command level by level: exec-wrappers peeled, and through `sh -c '…; exec "$@"' --
 * app args` to the program the script execs. Empty for Windows images or without a start command.
 */
export function startLayers(model: DockerfileModel): StartLayer[] {
  if (model.windows) return [];
  const layers: StartLayer[] = [];
  let argv = model.start.argv;
  let offset = 0;
  for (let guard = 0; guard < 4; guard++) {
    const program = peelExecWrappers(model, argv);
    if (program >= argv.length) break;
    const sh = shellScriptAt(argv, program);
    const part = partAt(model, offset + (sh ? sh.scriptIndex : program));
    if (!part) break;
    const script = sh ? argv[sh.scriptIndex]! : '';
    layers.push({ argv, offset, program, shell: sh && { ...sh, script, part } });
    if (!sh) break;
    const words = [...(lastCommand(script)?.words ?? [])];
    if (words[0] === 'exec') words.shift();
    if (words.length !== 1 || words[0] !== '$@') break;
    offset += sh.scriptIndex + 2;
    argv = argv.slice(sh.scriptIndex + 2);
  }
  return layers;
}

export interface AppCommand {
  /** The program and its arguments as they will run (quotes removed). */
  words: string[];
  /** The instruction that wrote the program's name. */
  part: StartPart;
  /** Read out of a shell script (shell form or `sh -c`). */
  viaShell: boolean;
}

/**
 * The program the start command ends up running, looking through exec-wrappers and into the
 * last command of a shell script. Undefined for Windows images or when there is no start command.
 */
export function appCommand(model: DockerfileModel): AppCommand | undefined {
  const layer = startLayers(model).pop();
  if (!layer) return undefined;
  if (!layer.shell) {
    const part = partAt(model, layer.offset + layer.program);
    return part && { words: layer.argv.slice(layer.program), part, viaShell: false };
  }
  const words = [...(lastCommand(layer.shell.script)?.words ?? [])];
  if (words[0] === 'exec') words.shift();
  const app = words.slice(peelExecWrappers(model, words));
  return app.length > 0 ? { words: app, part: layer.shell.part, viaShell: true } : undefined;
}

/** The name a program is known by: `python3.12` -> `python`, `/usr/local/bin/npm` -> `npm`. */
export function programName(word: string): string {
  return baseName(word).replace(/^(python|pypy)[0-9.]*$/, 'python');
}

/** Drop `python -m` so `python -m flask run` reads like `flask run`. */
export function withoutPythonModule(words: string[]): string[] {
  if (words.length >= 3 && programName(words[0]!) === 'python' && words[1] === '-m') return words.slice(2);
  return words;
}
