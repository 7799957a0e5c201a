// A small POSIX-shell word splitter for RUN lines and start commands: enough to find
// simple commands and their words, never to execute anything.

export interface SimpleCommand {
  /** Words with quotes removed (`$VAR`, `$(…)` and backticks kept as written). */
  words: string[];
  /** 1-based line (within the text) where the command starts. */
  line: number;
}

const OPERATOR_CHARS = new Set([';', '&', '|', '(', ')', '\n']);

/**
 * Split shell text into simple commands. Separators are `;`, `&`, `|`, `&&`, `||`, `;;`,
 * parentheses and newlines; comments (`#` at the start of a word) run to the end of the line.
 */
export function splitCommands(text: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let line = 1;
  let cmdLine = 1;

  const endWord = (): void => {
    if (inWord) {
      if (words.length === 0) cmdLine = wordLine;
      words.push(word);
    }
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) out.push({ words, line: cmdLine });
    words = [];
  };
  let wordLine = 1;
  const startWord = (): void => {
    if (!inWord) wordLine = line;
    inWord = true;
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        line++;
        i += 2;
        continue;
      }
      if (text[i + 1] === '\r' && text[i + 2] === '\n') {
        line++;
        i += 3;
        continue;
      }
      startWord();
      if (i + 1 < n) word += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      startWord();
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      const chunk = text.slice(i + 1, stop);
      line += countNewlines(chunk);
      word += chunk;
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      startWord();
      i++;
      while (i < n && text[i] !== '"') {
        const d = text[i]!;
        if (d === '\\' && i + 1 < n && '$`"\\\n'.includes(text[i + 1]!)) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          else line++;
          i += 2;
          continue;
        }
        if (d === '$' && text[i + 1] === '(') {
          const end = matchParen(text, i + 1);
          const chunk = text.slice(i, end + 1);
          line += countNewlines(chunk);
          word += chunk;
          i = end + 1;
          continue;
        }
        if (d === '\n') line++;
        word += d;
        i++;
      }
      i++;
      continue;
    }
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      startWord();
      const end = text[i + 1] === '(' ? matchParen(text, i + 1) : matchBrace(text, i + 1);
      const chunk = text.slice(i, end + 1);
      line += countNewlines(chunk);
      word += chunk;
      i = end + 1;
      continue;
    }
    if (c === '`') {
      startWord();
      const end = text.indexOf('`', i + 1);
      const stop = end < 0 ? n - 1 : end;
      const chunk = text.slice(i, stop + 1);
      line += countNewlines(chunk);
      word += chunk;
      i = stop + 1;
      continue;
    }
    if (c === '#' && !inWord) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      endCommand();
      if (c === '\n') line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    startWord();
    word += c;
    i++;
  }
  endCommand();
  return out;
}

function countNewlines(s: string): number {
  let k = 0;
  for (const ch of s) if (ch === '\n') k++;
  return k;
}

/** Index of the `)` matching the `(` at `open`, honouring quotes and nesting (last index when unbalanced). */
function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return text.length - 1;
      i = end;
      continue;
    }
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length - 1;
}

function matchBrace(text: string, open: number): number {
  const end = text.indexOf('}', open);
  return end < 0 ? text.length - 1 : end;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time', 'exec', 'command', 'nohup']);

/**
 * The words from the command name on: leading reserved words (`then`, `do`, `!`…), `exec`,
 * `command`, and `NAME=value` assignments are dropped.
 */
export function commandWords(words: string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (RESERVED.has(w) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      i++;
      continue;
    }
    if (w === 'sudo' || w === 'env') {
      i++;
      while (i < words.length && (words[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!))) i++;
      continue;
    }
    break;
  }
  return words.slice(i);
}

/** Commands of a RUN instruction: its text (shell form or exec form) plus heredoc bodies. */
export function runCommands(instr: { text: string; exec?: string[]; heredocs: { content: string }[] }): SimpleCommand[] {
  if (instr.exec) {
    const [first, second, third] = instr.exec;
    if (first && /(^|\/)(ba|da|a|z|k)?sh$/.test(first) && second === '-c' && third !== undefined) return splitCommands(third);
    return instr.exec.length > 0 ? [{ words: instr.exec, line: 1 }] : [];
  }
  const cmds = splitCommands(instr.text.replace(/<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g, ''));
  for (const h of instr.heredocs) cmds.push(...splitCommands(h.content));
  return cmds;
}
