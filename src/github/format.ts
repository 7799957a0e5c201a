// Shared wording for the Action's channels: titles, one-line log text, counts, escaping.
import * as core from '@actions/core';
import { oneLine } from '../errors.js';
import { countBySeverity, failsAt, type FailOn, type Finding } from '../findings.js';
import { ruleMeta } from '../rules/registry.js';

export { oneLine };

/** A few words for a rule: the registry's title, or ShellCheck's code. */
export function ruleShort(rule: string): string {
  const meta = ruleMeta(rule);
  if (meta) return meta.title;
  const sc = /^shellcheck\/(SC\d+)$/.exec(rule);
  return sc ? `ShellCheck ${sc[1]}` : rule;
}

/** `<rule id>: <short>` plus the platforms of a runtime finding. */
export function findingTitle(f: Finding): string {
  const platforms = f.platforms && f.platforms.length > 0 ? ` (${f.platforms.join(', ')})` : '';
  return `${f.rule}: ${ruleShort(f.rule)}${platforms}`;
}

export function findingText(f: Finding): string {
  return `${f.message} Fix: ${f.fix}`;
}


/** One info line in the step log, prefixed so it never begins with `::`. */
export function logInfo(message: string): void {
  core.info(`entrypoint-guard: ${oneLine(message, 1000)}`);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function countsText(findings: Finding[]): string {
  const c = countBySeverity(findings);
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
}

export function verdict(findings: Finding[], failOn: FailOn): { failed: boolean; text: string } {
  const failed = failsAt(findings, failOn);
  const counts = countsText(findings);
  if (failed) return { failed, text: `Fail: ${counts} (fail-on: ${failOn})` };
  // Without a gate there is no verdict: "Pass" over errors would tell the reader they are fine.
  if (failOn === 'never') return { failed, text: `${counts} (not gated: fail-on: never)` };
  return { failed, text: `Pass: ${counts} (nothing at or above fail-on: ${failOn})` };
}

/** Whether a path can be placed in the repository's file views (relative, inside the workspace). */
export function inWorkspace(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !/^[A-Za-z]:/.test(file) && file !== '..' && !file.startsWith('../');
}

/** Characters Markdown or HTML could interpret, as numeric entities: the text renders literally. */
export function literal(text: string): string {
  return text.replace(/[&<>"'|*_[\]`~\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * User-controlled text (messages quote Dockerfile lines and container logs) for Markdown:
 * `backtick` spans become <code>, everything is shown literally, nothing becomes a tag, a
 * link, emphasis or a table cell break. Line breaks become spaces.
 */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${literal(part.slice(1, -1))}</code>` : literal(part)))
    .join('');
}

/** Text for a Markdown table cell. */
export function mdCell(text: string): string {
  return mdText(text);
}

/** Literal text inside <code>, for commands and PID 1 lines. */
export function mdCode(text: string): string {
  return `<code>${literal(text.replace(/\r?\n/g, ' '))}</code>`;
}
