// --help and the docs' option table, written from the catalog.
import { commandsOf, ENTRIES, type Command, type Entry } from './catalog.js';

const WIDTH = 94;
const COLUMN = 25;

function wrap(text: string, first: string, indent: number): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > WIDTH && line.trim() !== '' && line.length > indent) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else {
      line = line.length === 0 || line.endsWith(' ') ? line + word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

function flagWords(e: Entry): string {
  return `--${e.flag}${e.metavar ? ` ${e.metavar}` : ''}`;
}

function helpLine(e: Entry): string {
  return e.shown ? `${e.help} (default: ${e.shown})` : e.help;
}

/** The options section of a command's --help: one entry a flag, in catalog order, then help (and version for the run). */
export function optionsHelp(command: Command = 'run'): string {
  const rows: string[] = [];
  const row = (words: string, help: string) => {
    const head = `  ${words}`;
    if (head.length + 2 > COLUMN) rows.push(head, ...wrap(help, ' '.repeat(COLUMN), COLUMN));
    else rows.push(...wrap(help, head.padEnd(COLUMN), COLUMN));
  };
  for (const e of ENTRIES) if (commandsOf(e).includes(command)) row(flagWords(e), helpLine(e));
  row('-h, --help', 'show this help');
  if (command === 'run') row('-v, --version', 'show the version');
  return rows.join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The README's table of every option: flag, input, config key, default, meaning. */
export function optionsTable(): string {
  const rows = ENTRIES.map((e) => {
    const others = commandsOf(e).filter((c) => c !== 'run');
    const flag = e.flag ? `\`${cell(flagWords(e))}\`${commandsOf(e).includes('run') ? '' : ` (${others.join(', ')})`}` : '';
    const input = e.input ? `\`${e.input}\`` : '';
    const key = e.config ? `\`${e.config}\`` : '';
    return `| ${flag} | ${input} | ${key} | ${e.shown ? cell(e.shown) : ''} | ${cell(e.help)} |`;
  });
  return ['| Flag | Action input | Config key | Default | |', '|---|---|---|---|---|', ...rows].join('\n');
}
