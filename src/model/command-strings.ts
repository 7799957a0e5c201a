// What a shell command string (a shell-form ENTRYPOINT/CMD, an `sh -c` argument) does, each
// string parsed once: the start-contract rules ask these questions of the model, not of the
// shell parser.
import * as strings from '../shell/command-string.js';
import { literalReads as readLiterals, type LiteralReads } from '../shell/literal-reads.js';
import { analyzeScript } from '../shell/script.js';
import type { Stmt } from '../shell/structure.js';

function memo<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text)!;
    const value = fn(text);
    // Bounded: a model holds a handful of strings; a hostile file cannot grow this without end.
    if (seen.size > 4096) seen.clear();
    seen.set(text, value);
    return value;
  };
}

/** The words of a string that is one simple command with no shell syntax (what exec form would be). */
export const asExecForm = memo(strings.asExecForm);
/** The string ends by exec'ing its last command. */
export const execsLastExplicitly = memo(strings.execsLastExplicitly);
/** The string's last command (words, simple or not, detached). */
export const lastCommand = memo(strings.lastCommand);
/** The string traps TERM. */
export const trapsTerm = memo(strings.trapsTerm);
/** The string's first word. */
export const firstWord = memo(strings.firstWord);
/** Variables a string reads literally (for unexpanded-variable). */
export const literalReads: (text: string) => LiteralReads = memo(readLiterals);
/** The string's commands, structured as a script's (to walk with walkCommands). */
export const commandsOf: (text: string) => Stmt[] = memo((text) => analyzeScript(text).body);
