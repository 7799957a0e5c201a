// `$VAR`/`${VAR}` in an exec-form argument: no shell expands it.
import { posix } from 'node:path';
import { lacksShell } from '../../model/base-image.js';
import type { DockerfileModel, Instr, WrapperScript } from '../../model/types.js';
import { literalReads } from '../../model/command-strings.js';
import type { RuleHit, StaticRule } from '../types.js';
import { argvCommandLine, commandStringAt } from '../../model/programs.js';
import { baseName, execArray, execFormInstructions, programName, show } from './format.js';

const VARIABLE = /(?<![\\$])\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Interpreters whose inline-program argument (`-c`, `-e`, `-r`…) is code with its own `$` syntax. */
const INLINE_CODE: Record<string, Set<string>> = {
  python: new Set(['-c']),
  node: new Set(['-e', '--eval', '-p', '--print']),
  perl: new Set(['-e', '-E']),
  ruby: new Set(['-e']),
  php: new Set(['-r']),
  pwsh: new Set(['-c', '-command', '-Command']),
};

/** Indices of arguments that some program (a shell, an interpreter) will read as code, not as a value. */
function codeArguments(argv: string[]): Set<number> {
  const skip = new Set<number>();
  for (let i = 0; i < argv.length; i++) {
    const script = commandStringAt(argv, i);
    if (script !== undefined) skip.add(script);
    // Own keys only: a program named `valueOf` or `constructor` is not in the table.
    const name = programName(argv[i]!);
    const flags = Object.hasOwn(INLINE_CODE, name) ? INLINE_CODE[name] : undefined;
    if (flags) for (let j = i + 1; j < argv.length; j++) if (flags.has(argv[j]!)) skip.add(j + 1);
    // Programs that read `$` in every later argument themselves: as code (jq, awk), or as variables they substitute (envsubst, monofy).
    if (/^(jq|awk|gawk|mawk|envsubst)$/.test(baseName(argv[i]!)) || argvCommandLine(argv[i]!)?.expandsVariables) for (let j = i + 1; j < argv.length; j++) skip.add(j);
  }
  return skip;
}

/** Variable names referenced in exec-form arguments that no shell will expand. */
export function literalVariables(argv: string[], before: string[] = []): string[] {
  // `before`: the exec-form ENTRYPOINT a CMD is appended to (`["sh", "-c"]` makes the CMD a script).
  const code = codeArguments([...before, ...argv]);
  const names: string[] = [];
  argv.forEach((arg, i) => {
    if (code.has(before.length + i)) return;
    for (const m of arg.matchAll(VARIABLE)) {
      const name = m[1] ?? m[2]!;
      if (!names.includes(name)) names.push(name);
    }
  });
  return names;
}

function shellWord(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  if (arg.includes('$')) return `"${arg.replace(/(["\\`])/g, '\\$1')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function hit(instr: Instr, argv: string[], names: string[], noShell: boolean, base: string): RuleHit {
  const shown = names.slice(0, 3).map((n) => `$${n}`).join(', ');
  const more = names.length > 3 ? ' …' : '';
  const script = argv.map(shellWord).join(' ');
  const isHealth = instr.keyword === 'HEALTHCHECK';
  let fix: string;
  if (noShell) fix = `\`${base}\` has no shell to expand ${shown}: have the program read the environment variable itself.`;
  else if (isHealth) fix = `Use the shell form so the shell expands it: \`HEALTHCHECK CMD ${script}\`.`;
  else fix = `Let a shell expand it and then replace itself: \`${instr.keyword} ${execArray(['/bin/sh', '-c', `exec ${script}`])}\`, or have the program read the environment variable itself.`;
  return {
    message: `\`${show(instr)}\` is exec form, so no shell expands ${shown}${more} and the program receives the literal text \`${names.length === 1 ? `$${names[0]}` : shown}\`.`,
    fix,
    range: instr.range,
  };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The start script named by a word of the start command, if any. */
function wrapperNamed(model: DockerfileModel, word: string): WrapperScript | undefined {
  return model.wrappers.find(
    (w) => w.role === 'start' && (word === w.imagePath || (!word.startsWith('/') && posix.basename(w.imagePath) === posix.basename(word))),
  );
}

interface Reader {
  script: WrapperScript;
  /** Line in `script.file` that reads the text. */
  line: number;
}

/** A start script named before the argument that reads the literal `$name` in it. */
function readerOf(model: DockerfileModel, argv: string[], from: number, name: string): Reader | undefined {
  const at = argv.findIndex((a, i) => i >= from && literalVariables([a]).includes(name));
  for (const word of argv.slice(0, Math.max(at, 0))) {
    const script = wrapperNamed(model, word);
    if (!script) continue;
    const reads = literalReads(script.text);
    const offset = reads.names.get(name) ?? reads.expandsArgs;
    if (offset !== undefined) return { script, line: lineAt(script.text, offset) + script.lineOffset };
  }
  return undefined;
}

/**
 * When a start script that runs before them and is handed them reads every literal `$NAME`
 * of a start instruction as text on purpose: the script and line (for the first name).
 */
function readByWrapper(model: DockerfileModel, instr: Instr, before: string[], names: string[]): Reader | undefined {
  if (instr.keyword === 'HEALTHCHECK') return undefined;
  const argv = [...before, ...instr.exec!];
  const readers = names.map((n) => readerOf(model, argv, before.length, n));
  return readers.every((r) => r !== undefined) ? readers[0] : undefined;
}

export const rule: StaticRule = {
  id: 'unexpanded-variable',
  severity: 'warning',
  title: 'Variable in exec form',
  description: 'Exec-form ENTRYPOINT/CMD/HEALTHCHECK arguments are not expanded by any shell: `$VAR` reaches the program as literal text.',
  check(model) {
    const out: RuleHit[] = [];
    const ep = model.start.entrypoint;
    for (const instr of execFormInstructions(model, true)) {
      const before = instr.keyword === 'CMD' && ep?.form === 'exec' ? ep.argv : [];
      const names = literalVariables(instr.exec!, before);
      if (names.length === 0) continue;
      const h = hit(instr, instr.exec!, names, lacksShell(model.base), model.base.ref);
      // The start script reads the literal text itself (substitutes it): deliberate, not a bug.
      const reader = readByWrapper(model, instr, before, names);
      if (reader) {
        const shown = names.slice(0, 3).map((n) => `$${n}`).join(', ');
        h.message = `\`${show(instr)}\` is exec form, so \`${shown}\` reaches the start script as literal text, which ${reader.script.file} replaces itself (line ${reader.line}): deliberate.`;
        h.fix = 'Nothing to fix; keep the literal text and the substitution in the script in step.';
        h.severity = 'info';
      }
      out.push(h);
    }
    return out;
  },
};
