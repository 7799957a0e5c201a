// How the start-contract rules show what they found: instruction text, exec-form arrays,
// the fate of a shell that runs a command string, program names. The knowledge of what the
// start command runs lives in the model's start chain (src/model/start-chain.ts).
import { deploymentLabel } from '../../model/deployed-start.js';
import { baseName } from '../../model/programs.js';
import type { AppCommand } from '../../model/start-chain.js';
import type { BaseImage, ChainLink, DockerfileModel, Instr, ShellKind, Stage, StartPart } from '../../model/types.js';
import type { RuleHit } from '../types.js';
import { effectiveHealthcheck } from '../../model/start-chain.js';

export { baseName };

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

/** Where a start part is written: its Dockerfile line, or a deployment manifest's. */
export function placeOf(part: StartPart): Pick<RuleHit, 'range' | 'file'> {
  return part.origin ? { range: part.instr.range, file: part.origin.file } : { range: part.instr.range };
}

/** Where an ENTRYPOINT/CMD (or HEALTHCHECK) instruction of the start contract is written: a manifest's line for a deployed one. */
export function placeOfInstr(model: DockerfileModel, instr: Instr): Pick<RuleHit, 'range' | 'file'> {
  const part = [model.start.entrypoint, model.start.cmd].find((p) => p?.instr === instr);
  return part ? placeOf(part) : { range: instr.range };
}

/** `CMD ["npm", "start"]`, or `command: ["npm", "start"]` of Compose service `web` for a deployed one. */
export function showPart(part: StartPart, max = 60): string {
  return part.origin ? `\`${show(part.instr, max)}\` of ${deploymentLabel(part.origin)}` : `\`${show(part.instr, max)}\``;
}

/** Where the program of the start chain is written: its ENTRYPOINT/CMD, or the wrapper line that execs it. */
export function appWhere(app: AppCommand): { source: string; at: Pick<RuleHit, 'range' | 'file'> } {
  if (!app.origin) return { source: showPart(app.part), at: placeOf(app.part) };
  const { file, line, script } = app.origin;
  const text = script.text.split('\n')[line - script.lineOffset - 1] ?? '';
  const column = text.length - text.trimStart().length + 1;
  return { source: `line ${line} of \`${file}\`, which the start command runs`, at: { file, range: { line, column, endLine: line, endColumn: text.trimEnd().length + 1 } } };
}

/** Exec form as one would write it in the Dockerfile: `["node", "server.js"]`. */
export function execArray(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/** Stages whose ENTRYPOINT/CMD can reach the final image (none for a Windows image). */
export function unixChain(model: DockerfileModel): Stage[] {
  return model.windows ? [] : model.chain.filter((s) => !s.windows);
}

export { effectiveHealthcheck };

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

export interface ShellFate {
  kind: ShellKind;
  /** The shell replaces itself with the last command (ash, bash): the app is PID 1. */
  implicitExec: boolean;
  /** A clause for messages: what happens to SIGTERM. */
  clause: string;
}

/** What the shell link does with SIGTERM when it runs its command string on this base image. */
export function shellFate(shell: ChainLink, base: BaseImage, program = 'the app', init?: string, groupSignals = false): ShellFate {
  const kind = shell.shellKind ?? 'unknown';
  const implicitExec = shell.replaced === true;
  const name = kind === 'ash' ? 'BusyBox ash' : kind;
  const gains = kind === 'ash' ? 'a pipeline or a trap' : 'a redirection, a pipeline or a trap';
  let clause: string;
  if (kind === 'none') clause = `${familyLabel(base)} ships no \`${shell.word}\`, so the container cannot start`;
  // Under an init the shell is the init's child, not PID 1: an init that signals its child alone
  // kills the shell; one that signals the whole group (dumb-init, `tini -g`) reaches the program
  // too, but the shell dies of it at once and the init exits with its child, so the program is
  // SIGKILLed before its shutdown can finish (a node handler draining for 300 ms never did).
  else if (init && implicitExec)
    clause = `${name} execs this last command, so ${program} is \`${init}\`'s child here and gets SIGTERM; once the command gains ${gains} or the base moves to Debian's dash, ${groupSignals ? `the shell between them dies of SIGTERM at once and \`${init}\` exits with it` : `\`${init}\` delivers SIGTERM to the shell only`}`;
  else if (init) {
    const stays = kind === 'dash' ? 'dash does not replace itself with it' : kind === 'unknown' ? 'the shell may stay' : `${name} stays here (pipeline, trap, redirection or background job)`;
    clause = groupSignals
      ? `${stays}, so when \`${init}\` signals the whole process group the shell dies of SIGTERM at once, \`${init}\` exits with it, and ${program} is SIGKILLed with the container before its shutdown can finish`
      : `${stays}, so \`${init}\` delivers SIGTERM to the shell only, which exits at once, and ${program} is SIGKILLed with the container without a clean shutdown`;
  } else if (kind === 'dash') clause = `on the ${familyLabel(base)} image dash stays PID 1 and never forwards SIGTERM to ${program}, which is SIGKILLed at every stop`;
  else if (implicitExec)
    clause = `${name} execs this last command, so ${program} is PID 1 here; the shell stays PID 1 and swallows SIGTERM once the command gains ${gains} or the base moves to Debian's dash`;
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

/** The name a program is known by: `python3.12` -> `python`, `/usr/local/bin/npm` -> `npm`. */
export function programName(word: string): string {
  return baseName(word).replace(/^(python|pypy)[0-9.]*$/, 'python');
}

/** Drop `python -m` so `python -m flask run` reads like `flask run`. */
export function withoutPythonModule(words: string[]): string[] {
  if (words.length >= 3 && programName(words[0]!) === 'python' && words[1] === '-m') return words.slice(2);
  return words;
}
