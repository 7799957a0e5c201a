// Bash-only syntax in a script that runs under a POSIX /bin/sh (dash, BusyBox ash).
import { lacksBash } from '../../model/base-image.js';
import type { DockerfileModel } from '../../model/types.js';
import { walkCommands, type Redir } from '../../model/script-syntax.js';
import type { Part, Word } from '../../model/script-syntax.js';
import { commandBase, commandWords, setFlags, staticValue } from '../../model/script-syntax.js';
import type { RuleHit, StaticRule } from '../types.js';
import { code, scriptHit, shellScripts, type ShellScript } from './common.js';

interface Construct {
  label: string;
  /** What dash does with it. */
  dash: string;
  /** BusyBox ash (Alpine's build): accepts it, rejects it, or depends on its build options. */
  busybox: 'accepts' | 'fails' | 'maybe';
  fix: string;
}

const C = {
  doubleBracket: { label: '[[ … ]]', dash: 'fails with `[[: not found`', busybox: 'accepts', fix: 'Use `[ … ]` with `=` and quoted operands' },
  functionKeyword: { label: 'function name', dash: 'fails with `Syntax error: "}" unexpected`', busybox: 'accepts', fix: 'Declare it as `name() { … }`' },
  source: { label: 'source', dash: 'fails with `source: not found`', busybox: 'accepts', fix: 'Use `. file` instead of `source file`' },
  doubleEquals: { label: '== in [ ]', dash: 'fails with `[: unexpected operator`', busybox: 'accepts', fix: 'Use `=` inside `[ ]`' },
  hereString: { label: '<<<', dash: 'fails with `Syntax error: redirection unexpected`', busybox: 'maybe', fix: "Pipe instead: `printf '%s\\n' \"$value\" | cmd`" },
  ansiC: { label: "$'…'", dash: 'keeps the `$` and the backslashes literally', busybox: 'accepts', fix: 'Build the string with `printf`' },
  array: { label: 'arrays', dash: 'fails with `Syntax error: \"(\" unexpected`', busybox: 'fails', fix: 'Use the positional parameters (`set -- a b c`) or a space-separated string' },
  arrayRef: { label: 'array references', dash: 'fails with `Bad substitution`', busybox: 'fails', fix: 'Use the positional parameters (`set -- a b c`) or a space-separated string' },
  ampRedirect: { label: '&>', dash: 'runs the command in the background and truncates the file', busybox: 'accepts', fix: 'Use `> file 2>&1`' },
  procSub: { label: '<( … )', dash: 'fails with `Syntax error: \"(\" unexpected`', busybox: 'maybe', fix: 'Use a pipe or a temporary file' },
  arithCommand: { label: '(( … ))', dash: 'runs it as a command and fails with `not found`', busybox: 'fails', fix: 'Use `[ … ]` or an assignment with `$(( … ))`' },
  pipefail: { label: 'set -o pipefail', dash: 'fails with `set: Illegal option -o pipefail` and the script stops there', busybox: 'accepts', fix: 'Drop `pipefail`' },
} satisfies Record<string, Construct>;

interface Found {
  construct: Construct;
  start: number;
  end: number;
}

function scanParts(parts: Part[], found: Found[], word: Word): void {
  for (const p of parts) {
    if (p.type === 'ansi') found.push({ construct: C.ansiC, start: p.start, end: p.start + p.text.length + 3 });
    else if (p.type === 'array') found.push({ construct: C.array, start: word.start, end: word.end });
    else if (p.type === 'procsub') found.push({ construct: C.procSub, start: p.start, end: word.end });
    else if (p.type === 'dq') scanParts(p.parts, found, word);
    else if (p.type === 'param') {
      if (p.subscript !== undefined && p.name !== '@' && p.name !== '*') found.push({ construct: C.arrayRef, start: p.start, end: p.end });
      scanParts(p.arg, found, word);
    }
  }
}

function scan(script: ShellScript): Found[] {
  const found: Found[] = [];
  const redirs = (list: Redir[]) => {
    for (const r of list) {
      if (r.op === '<<<') found.push({ construct: C.hereString, start: r.start, end: r.target?.end ?? r.start + 3 });
      if (r.op === '&>' || r.op === '&>>') found.push({ construct: C.ampRedirect, start: r.start, end: r.target?.end ?? r.start + 2 });
    }
  };
  walkCommands(script.analysis.body, (cmd) => {
    for (const w of commandWords(cmd)) scanParts(w.parts, found, w);
    if (cmd.kind === 'function') {
      if (cmd.keyword) found.push({ construct: C.functionKeyword, start: cmd.start, end: cmd.start + 8 });
      return;
    }
    redirs(cmd.redirs);
    if (cmd.kind !== 'simple') return;
    const w0 = cmd.words[0];
    if (!w0) return;
    if (w0.raw === '[[') {
      found.push({ construct: C.doubleBracket, start: cmd.start, end: cmd.end });
      return;
    }
    if (w0.parts[0]?.type === 'arith' && w0.raw.startsWith('((')) {
      found.push({ construct: C.arithCommand, start: w0.start, end: w0.end });
      return;
    }
    const base = commandBase(w0);
    if (base === 'source') found.push({ construct: C.source, start: w0.start, end: w0.end });
    if (base === '[' || base === 'test') {
      for (const w of cmd.words.slice(1)) if (staticValue(w) === '==') found.push({ construct: C.doubleEquals, start: w.start, end: w.end });
    }
    if ((base === 'declare' || base === 'typeset' || base === 'local') && cmd.words.slice(1).some((w) => /^-[a-zA-Z]*[aA]/.test(staticValue(w) ?? ''))) {
      found.push({ construct: C.array, start: cmd.start, end: cmd.end });
    }
    if (base === 'set' && setFlags(cmd).optionsOn.has('pipefail') && script.dialect.dialect === 'dash') {
      found.push({ construct: C.pipefail, start: cmd.start, end: cmd.end });
    }
  });
  return found;
}

/** Bash features the construct scan leaves to ShellCheck: a script using any of them is not taken for POSIX sh. */
const MORE_BASH = /\$\{\w+(?:\/|:[0-9$ ]|\^|,|@[QEPAa])|\$\{!|\b(?:shopt|declare|typeset|pushd|popd|let|mapfile|readarray|compgen|complete|select|disown|coproc)\b|\$(?:RANDOM|BASH\w*|PIPESTATUS|FUNCNAME|SECONDS|EPOCH\w*)|\bread\s+-[a-z]*[aenpst]|\becho\s+-e|\bset\s+-o\s+pipefail/;

/**
 * The script is plain POSIX sh: none of the constructs above (as dash, the strictest /bin/sh,
 * reads them) and none of the other bash features: what `#!/bin/sh` can run as it is.
 */
export function posixOnly(script: ShellScript): boolean {
  const strict: ShellScript = { ...script, dialect: { ...script.dialect, dialect: 'dash', posix: true } };
  return scan(strict).length === 0 && !MORE_BASH.test(script.analysis.text);
}

/** The start script and every file the start chain sources (they run in its shell) are plain POSIX sh: `#!/bin/sh` can run them all. */
export function posixWithSourced(model: DockerfileModel, script: ShellScript): boolean {
  return posixOnly(script) && shellScripts(model, ['sourced']).every(posixOnly);
}

function describe(model: DockerfileModel, script: ShellScript, c: Construct): { message: string; fix: string } {
  const family = model.base.family;
  const declared = code(script.dialect.declared);
  const d = script.dialect.dialect;
  let message: string;
  if (d === 'dash') {
    const shell = script.dialect.shell === 'dash' ? 'dash' : `dash, this ${family} image's /bin/sh,`;
    message = `${code(c.label)} is bash-only syntax, and under ${declared} ${shell} ${c.dash}.`;
  } else if (d === 'busybox' && c.busybox === 'fails') {
    message = `${code(c.label)} is bash-only syntax, and under ${declared} BusyBox ash (this ${family} image's /bin/sh) rejects it, so the script fails at that line.`;
  } else if (d === 'busybox') {
    const ash = c.busybox === 'accepts' ? 'BusyBox ash on this image accepts it' : 'BusyBox ash accepts it only in some builds';
    message = `${code(c.label)} is bash-only syntax under ${declared}: ${ash}, but dash (Debian/Ubuntu's /bin/sh) ${c.dash}, so the script breaks when the base image changes.`;
  } else {
    message = `${code(c.label)} is bash-only syntax under ${declared}, and where /bin/sh is dash (Debian/Ubuntu) it ${c.dash}.`;
  }
  const bash = lacksBash(model.base) ? ` (after installing bash, which ${family} lacks)` : '';
  const fix = `${c.fix}, or switch the shebang to \`#!/bin/bash\`${bash}.`;
  return { message, fix };
}

export const rule: StaticRule = {
  id: 'wrapper-bashism',
  severity: 'warning',
  title: 'Bash syntax under #!/bin/sh',
  description: 'Bash-only syntax in a script run by a POSIX sh breaks on dash (Debian/Ubuntu /bin/sh) and partly on BusyBox ash (Alpine).',
  deployed: 'any',
  check(model) {
    const hits: RuleHit[] = [];
    for (const script of shellScripts(model)) {
      // bash, zsh, ksh scripts may use it; on RHEL-family images /bin/sh is bash.
      if (!script.dialect.posix || script.dialect.dialect === 'bash') continue;
      const seen = new Set<string>();
      for (const f of scan(script).sort((a, b) => a.start - b.start)) {
        const key = `${f.construct.label}\0${script.analysis.lineOf(f.start)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { message, fix } = describe(model, script, f.construct);
        const hit = scriptHit(script, f.start, f.end, message, fix);
        // The shell that runs the script decides: BusyBox ash (Alpine's /bin/sh) runs what it
        // accepts, so the script works on this image; it is only worth knowing for a base change.
        if (script.dialect.dialect === 'busybox' && f.construct.busybox === 'accepts') hit.severity = 'info';
        // What /bin/sh is on this base is not known (bash on some, dash on others): say so at info.
        if (script.dialect.dialect === 'posix' && model.base.family === 'unknown') {
          hit.severity = 'info';
          hit.message = `${hit.message} (Whether it breaks depends on what \`/bin/sh\` is on \`${model.base.ref}\`, which entrypoint-guard cannot tell.)`;
        }
        hits.push(hit);
      }
    }
    return hits;
  },
};
