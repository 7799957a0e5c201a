// ENTRYPOINT/CMD/SHELL/HEALTHCHECK written like a JSON array but not valid JSON.
import type { Instr } from '../../model/types.js';
import type { RuleHit, StaticRule } from '../types.js';
import { execArray, formText, meantExecForm, show, showText, unixChain } from './format.js';
import { firstWord } from '../../model/command-strings.js';

/** What exactly is wrong with a JSON-looking array, in a few words. */
export function diagnoseJson(text: string): string {
  const t = text.trim();
  if (/[\u201C\u201D\u2018\u2019]/.test(t)) return 'typographic quotes (“ ” ‘ ’) are not JSON quotes';
  if (/(^\[|,)\s*'/.test(t)) return 'single quotes are not JSON: every element needs double quotes';
  try {
    const value: unknown = JSON.parse(t);
    if (Array.isArray(value)) {
      const bad = value.find((v) => typeof v !== 'string');
      return `element \`${JSON.stringify(bad)}\` is not a string`;
    }
  } catch {
    // Diagnosed below.
  }
  if (/,\s*\]\s*$/.test(t)) return 'a trailing comma before `]` is not allowed in JSON';
  const escape = badEscape(t);
  if (escape) return `\`${escape}\` is not a valid JSON escape (write \`\\${escape}\`)`;
  if (!/\]\s*$/.test(t)) return 'the array is not closed with `]`';
  if (/(^\[|,)\s*[^\s"\]]/.test(t)) return 'every element must be a double-quoted string';
  if (/"\s+"/.test(t)) return 'the elements are not separated by commas';
  return 'it does not parse as JSON';
}

/** The first backslash escape inside a double-quoted string that JSON does not allow. */
function badEscape(t: string): string | undefined {
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (!inString) {
      if (c === '"') inString = true;
      continue;
    }
    if (c === '"') inString = false;
    else if (c === '\\') {
      const next = t[i + 1] ?? '';
      if (!'"\\/bfnrtu'.includes(next) || next === '') return `\\${next}`;
      i++;
    }
  }
  return undefined;
}

/** Best-effort repair of the usual mistakes; undefined when the result is still not an array of strings. */
export function repairJson(text: string): string[] | undefined {
  let t = text.trim().replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'");
  t = t.replace(/'((?:[^'\\]|\\.)*)'/g, (_m, body: string) => JSON.stringify(body.replace(/\\'/g, "'")));
  t = t.replace(/,\s*\]\s*$/, ']');
  t = t.replace(/\\(?!["\\/bfnrtu])/g, '\\\\');
  try {
    const value: unknown = JSON.parse(t);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // Not repairable by these rules.
  }
  return undefined;
}

function hit(instr: Instr): RuleHit {
  const text = formText(instr).trim();
  const what = `\`${show(instr)}\` is not a valid JSON array (${diagnoseJson(text)})`;
  const shown = showText(text, 50);
  const first = firstWord(text);
  const notFound = first ? `, which fails with \`${first}: not found\`` : '';
  let consequence: string;
  if (instr.keyword === 'VOLUME') {
    const names = text.split(/\s+/).filter((w) => w !== '').map((w) => `\`${w}\``);
    consequence = `, so Docker reads it as space-separated paths and creates ${names.length === 1 ? 'a volume named' : 'volumes named'} ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''} instead`;
  } else if (instr.keyword === 'SHELL') consequence = ', and SHELL accepts only JSON, so the build fails with "SHELL requires the arguments to be in JSON form"';
  else if (instr.keyword === 'HEALTHCHECK') consequence = `, so Docker silently runs the check as \`/bin/sh -c "${shown}"\`${notFound} and the container is marked unhealthy`;
  else consequence = `, so Docker silently falls back to shell form and runs \`/bin/sh -c "${shown}"\`${notFound}`;
  const repaired = repairJson(text);
  const keyword = instr.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK … CMD' : instr.keyword;
  const fix = repaired
    ? `Write valid JSON with double quotes: \`${keyword} ${execArray(repaired)}\`.`
    : `Write a JSON array of double-quoted strings, e.g. \`${instr.keyword === 'SHELL' ? 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]' : `${keyword} ["node", "server.js"]`}\`.`;
  return { message: `${what}${consequence}.`, fix, range: instr.range };
}

export const rule: StaticRule = {
  id: 'malformed-exec-form',
  severity: 'error',
  title: 'Malformed exec form',
  description: 'ENTRYPOINT/CMD/HEALTHCHECK written like a JSON array but not valid JSON silently fall back to shell form (a malformed SHELL fails the build, a malformed VOLUME creates volumes named after the brackets).',
  check(model) {
    const out: RuleHit[] = [];
    const reaching = new Set(unixChain(model));
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (!meantExecForm(instr) || instr.exec) continue;
        // SHELL is parsed for every stage (a bad one fails the whole build); the others matter where they reach the final image.
        if (instr.keyword === 'SHELL' || (['ENTRYPOINT', 'CMD', 'HEALTHCHECK', 'VOLUME'].includes(instr.keyword) && reaching.has(stage))) out.push(hit(instr));
      }
    }
    return out;
  },
};
