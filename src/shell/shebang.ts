// The one `#!` parser: the line the way Linux's binfmt_script reads it (interpreter, one
// optional argument, CR kept), plus the program that ends up interpreting the script
// (`bash` for `#!/usr/bin/env bash`). The static rules, the script analysis and the
// runtime smoke checks all read shebangs through here.

export interface Shebang {
  /** The first line as written (without `#!`-less BOM handling: a BOM hides the line). */
  line: string;
  /** The interpreter path as the kernel sees it (a trailing \r kept). */
  interpreter: string;
  /** The single optional argument (Linux passes the rest of the line as one word). */
  arg?: string;
  /** The line ends in \r\n. */
  crlf: boolean;
  /** The program that interprets the script, base name (`bash` for `/usr/bin/env bash`, `busybox`). */
  program: string;
  /** Its arguments, split on blanks (`-e`, `sh` for `#!/bin/busybox sh`). */
  args: string[];
  /** The interpreter is `env`, which looks the program up on PATH. */
  viaEnv: boolean;
}

/** The longest `#!` line the kernel reads (BINPRM_BUF_SIZE on Linux 5.1+). */
const MAX_LINE = 256;

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/**
 * The program `#!/usr/bin/env <arg>` runs: `-S` splits the argument, anything else is one
 * word (the kernel passes the rest of the line as a single argument, so `env 'bash -e'`
 * fails: `unsplit`). Undefined: no claim.
 */
export function envTarget(arg: string | undefined): { program: string; args: string[]; unsplit: boolean } | undefined {
  if (!arg) return undefined;
  const clean = arg.replace(/\r$/, '');
  if (clean.startsWith('-S')) {
    const words = clean.slice(2).trim().split(/[ \t]+/).filter(Boolean);
    const at = words.findIndex((w) => !w.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
    return at >= 0 ? { program: words[at]!, args: words.slice(at + 1), unsplit: false } : undefined;
  }
  if (clean.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(clean)) return undefined;
  return { program: clean, args: [], unsplit: /[ \t]/.test(clean) };
}

/** Parse a `#!` line the way Linux's binfmt_script does. Undefined when there is none (a BOM before it counts as none). */
export function parseShebang(head: Buffer | string): Shebang | undefined {
  const text = typeof head === 'string' ? head : head.subarray(0, MAX_LINE + 2).toString('latin1');
  if (!text.startsWith('#!')) return undefined;
  let end = text.indexOf('\n');
  if (end < 0) end = Math.min(text.length, MAX_LINE);
  let body = text.slice(2, end);
  const crlf = body.endsWith('\r');
  const line = `#!${body.replace(/\r$/, '')}`;
  // Not /[ \t]+$/: quadratic on a long run of inner blanks (5 s on a 60 KB line).
  let stop = body.length;
  while (stop > 0 && (body[stop - 1] === ' ' || body[stop - 1] === '\t')) stop--;
  body = body.slice(0, stop);
  const trimmed = body.replace(/^[ \t]+/, '');
  const m = /^([^ \t]*)(?:[ \t]+(.*))?$/s.exec(trimmed);
  const interpreter = m?.[1] ?? '';
  const rawArg = m?.[2]?.replace(/^[ \t]+/, '');
  const arg = rawArg === '' ? undefined : rawArg;

  const bare = interpreter.replace(/\r$/, '');
  const viaEnv = baseName(bare) === 'env';
  let program = baseName(bare);
  let args = arg ? arg.replace(/\r$/, '').split(/[ \t]+/).filter(Boolean) : [];
  if (viaEnv) {
    const target = envTarget(arg);
    // `#!/usr/bin/env bash -e` fails in the kernel, but the script is still meant for bash.
    const words = target?.unsplit ? target.program.split(/[ \t]+/) : undefined;
    program = baseName(words ? words[0]! : (target?.program ?? ''));
    args = words ? words.slice(1) : (target?.args ?? []);
  }
  return { line, interpreter, arg, crlf, program, args, viaEnv };
}
