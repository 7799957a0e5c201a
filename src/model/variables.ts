// Build-time variables: ARG defaults and `$VAR`/`${VAR:-default}` expansion as Docker's
// builder does it, in one place for the parser, the COPY resolver and the rules.
import { InputError } from '../errors.js';
import type { Instr } from './types.js';

/**
 * No expansion adds more than this to its text: chained references (`ARG B=$A$A$A$A`, then C from B…)
 * grow exponentially, and a 500-byte Dockerfile would otherwise ask for gigabytes.
 */
export const MAX_EXPANDED = 64 * 1024;

const VAR_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
const BARE_REF = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Expand `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}` from known args; unknown ones stay as written. */
export function expandArgs(text: string, vars: Record<string, string | undefined>): string {
  // What substitutions add beyond the text itself is bounded; the text alone never trips it.
  let grown = 0;
  const limit = MAX_EXPANDED + text.length;
  const bounded = (out: string): string => {
    grown += out.length;
    if (grown > limit) throw new InputError(`ARG/ENV references expand past ${MAX_EXPANDED / 1024} KB (values built from chained references, like ARG B=$A$A$A$A): shorten them`);
    return out;
  };
  const expand = (whole: string, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined): string => {
    const name = (braced ?? bare) as string;
    const value = vars[name];
    if (op === ':-') return bounded(value ? value : word!);
    if (op === '-') return bounded(value !== undefined ? value : word!);
    if (op === ':+') return value ? word! : '';
    if (op === '+') return value !== undefined ? word! : '';
    return bounded(value !== undefined ? value : whole);
  };
  // No `${…}` can close after the last `}`: expand only bare `$NAME` there. Otherwise the regex
  // rescans the rest of the text from every unclosed `${A:-` (quadratic: seconds on a 50 KB line).
  const cut = text.lastIndexOf('}') + 1;
  return (
    text.slice(0, cut).replace(VAR_REF, expand) +
    text.slice(cut).replace(BARE_REF, (whole: string, bare: string) => expand(whole, undefined, undefined, undefined, bare))
  );
}

/** `ARG NAME[=default] …` -> [name, default] pairs (quotes around a default removed). */
export function argDefault(instr: Instr): [string, string | undefined][] {
  return instr.args.map((a) => {
    const eq = a.indexOf('=');
    if (eq < 0) return [a, undefined];
    let v = a.slice(eq + 1);
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
    return [a.slice(0, eq), v];
  });
}
