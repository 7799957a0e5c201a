// `su …` or `sudo …` as the command the wrapper ends in: su/sudo stay PID 1 as the app's parent.
//
// What the tool does decides: util-linux/shadow `su` (Debian, Ubuntu, RHEL/UBI) forks the
// command and stays its parent, with or without `-c` (`exec su vault -p "$0" -- "$@"` runs the
// user's shell as a child). BusyBox `su` (Alpine, BusyBox, without a shadow/util-linux su
// installed) execs the user's shell, and a shell given one simple command with `-c` execs it
// too, so the app ends up PID 1. `sudo` forks and relays signals; under an init that signals
// the whole process group (`tini -g`, dumb-init) the app gets SIGTERM from the init anyway.
import type { BaseFamily, DockerfileModel } from '../../model/types.js';
import { walkCommands, type Simple } from '../../model/script-syntax.js';
import type { Word } from '../../model/script-syntax.js';
import { commandBase, commandText, execTarget, staticValue } from '../../model/script-syntax.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, flowOf, initProcess, scriptHit, shellScripts, sourceOf, type ScriptText } from './common.js';
import { execThrough } from '../../model/programs.js';
import { placeOf, showPart, showText } from '../start/format.js';

const SU_COMMAND_FLAG = /^(-c|--command(=.*)?|-[a-zA-Z]*c)$/;

/** `su …` / `sudo …` at the head of these words: the tool's name, else undefined. */
function privilegeTool(words: Word[]): 'su' | 'sudo' | undefined {
  const base = commandBase(words[0]);
  if (base === 'sudo') return 'sudo';
  if (base === 'su') return 'su';
  return undefined;
}

/** The `-c` command string of a `su` command, as written (quotes kept), when there is one. */
function suCommandWord(words: Word[]): Word | undefined {
  for (let i = 1; i < words.length; i++) {
    const v = staticValue(words[i]) ?? '';
    if (v === '--') return undefined;
    if (/^--command=/.test(v)) return words[i];
    if (SU_COMMAND_FLAG.test(v)) return words[i + 1];
  }
  return undefined;
}

/**
 * Is this `-c` string one simple command, which the shell execs in place of itself? The
 * string's own text: no separators, pipes, redirections, subshells or substitutions.
 */
function singleSimpleCommand(text: string): boolean {
  const raw = text.replace(/^(["'])([\s\S]*)\1$/, '$2').trim();
  if (raw === '') return false;
  // `-c "$@"`: the container's arguments become one command string (the rest are dropped).
  if (/\$\{?[@*]/.test(raw)) return false;
  return !/[;&|<>()`\n]|\$\(/.test(raw) && !/^(if|for|while|until|case)\b|^\{/.test(raw);
}

/** Does the final image have BusyBox's su (no shadow or util-linux su installed over it)? */
function busyboxSu(model: DockerfileModel): boolean {
  const family: BaseFamily = model.base.family;
  if (family !== 'alpine' && family !== 'busybox') return false;
  for (const stage of model.chain) {
    for (const instr of stage.instructions) {
      if (instr.keyword === 'RUN' && /\bapk\b[\s\S]*\badd\b[\s\S]*\s(shadow|shadow-login|util-linux|util-linux-login)(?=\s|$|;|&|\\)/.test(instr.text)) return false;
    }
  }
  return true;
}

/**
 * What su or sudo does here, as the start command's end: undefined when the app still ends up
 * PID 1 (BusyBox su with one simple `-c` command, or without `-c`: the shell's script is followed on its own).
 */
function consequenceOf(tool: 'su' | 'sudo', command: string | undefined, busybox: boolean, groupInit: boolean): { text: string; severity?: RuleHit['severity'] } | undefined {
  if (tool === 'sudo') {
    const text = 'sudo forks the command and stays PID 1 as its parent, so the app is never PID 1 and depends on sudo relaying signals to it';
    // The init signals the whole process group: the app gets SIGTERM from it directly.
    if (groupInit) return { text: `${text} (here the init signals the whole process group, so the app receives SIGTERM anyway)`, severity: 'info' };
    return { text };
  }
  if (busybox) {
    if (command === undefined || singleSimpleCommand(command)) return undefined;
    return { text: "BusyBox su hands the command to the user's shell as one `-c` string, and a shell stays PID 1 (ignoring SIGTERM) because the string is more than one simple command" };
  }
  return {
    text:
      command !== undefined
        ? 'su forks the command and stays PID 1 as its parent, and on SIGTERM it ends the session and SIGKILLs the app two seconds later'
        : "su runs the user's shell as its child and stays PID 1 as its parent, and on SIGTERM it ends the session and SIGKILLs the app two seconds later",
  };
}

function replacement(family: BaseFamily): string {
  if (family === 'alpine' || family === 'busybox' || family === 'wolfi') return '`exec su-exec app "$@"`';
  if (family === 'debian' || family === 'ubuntu') return '`exec gosu app "$@"` or `exec setpriv --reuid=app --regid=app --init-groups "$@"`';
  return '`exec gosu app "$@"`, `exec su-exec app "$@"` or `exec setpriv --reuid=app --regid=app --init-groups "$@"`';
}

export const rule: StaticRule = {
  id: 'wrapper-su-sudo',
  severity: 'warning',
  title: 'Wrapper drops privileges with su or sudo',
  description: 'su and sudo run the app as their child and stay as its parent, so PID 1 is never the app; gosu, su-exec and setpriv exec it instead.',
  check(model) {
    const hits: RuleHit[] = [];
    const family = model.base.family;
    const busybox = busyboxSu(model);
    const groupInit = initProcess(model)?.mode === 'group';
    for (const script of shellScripts(model, ['start'])) {
      const { analysis } = script;
      const found: { cmd: Simple; where: ScriptText }[] = [];
      walkCommands(analysis.body, (cmd, ctx) => {
        if (cmd.kind !== 'simple' || ctx.inSubstitution) return;
        const target = execTarget(cmd);
        if (target && privilegeTool(target)) found.push({ cmd, where: script });
      });
      const flow = flowOf(script, model);
      if (flow.complete) {
        for (const sig of flow.finals) if (sig.cmd.kind === 'simple' && privilegeTool(sig.cmd.words)) found.push({ cmd: sig.cmd, where: sourceOf(script, sig.fn) });
      }
      const seen = new Set<Simple>();
      for (const { cmd, where } of found.sort((a, b) => a.cmd.start - b.cmd.start)) {
        if (seen.has(cmd)) continue;
        seen.add(cmd);
        const words = execTarget(cmd) ?? cmd.words;
        const tool = privilegeTool(words)!;
        const command = tool === 'su' ? suCommandWord(words) : undefined;
        const fate = consequenceOf(tool, command?.raw, busybox, groupInit);
        if (!fate) continue;
        const hit = scriptHit(where, cmd.start, cmd.end, `${code(commandText(where.analysis.text, cmd))}: ${fate.text}.`, `Drop privileges with a tool that execs, such as ${replacement(family)}.`);
        if (fate.severity) hit.severity = fate.severity;
        hits.push(hit);
      }
    }
    // The same, written in the start command itself (`ENTRYPOINT ["sudo", "-u", "app", "java", …]`).
    for (const link of model.startChain.links) {
      if (link.kind !== 'privdrop' || !link.staysParent || link.origin) continue;
      const tool = link.name === 'sudo' ? 'sudo' : 'su';
      const fate = consequenceOf(tool, execThrough(link.argv, 0)?.command, busybox && link.name === 'su', groupInit);
      if (!fate) continue;
      hits.push({
        message: `${showPart(link.part, 90)} starts \`${showText(link.argv.join(' '), 50)}\`: ${fate.text}.`,
        fix: 'Drop privileges with `USER app` in the Dockerfile, or start the program through a tool that execs: `gosu`, `su-exec` (Alpine) or `setpriv --reuid=app --regid=app --init-groups`.',
        ...placeOf(link.part),
        ...(fate.severity ? { severity: fate.severity } : {}),
      });
    }
    return hits;
  },
};
