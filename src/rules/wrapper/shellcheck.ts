// ShellCheck on wrapper scripts, when `shellcheck` is on PATH: each comment becomes a
// `shellcheck/SC<code>` finding on the script's own line, its level capped at warning.
// Comments that say what one of our own rules already says on the same line are dropped.
import { execFileSync, spawnSync } from 'node:child_process';
import { childEnv } from '../../child-env.js';
import type { Finding, Severity } from '../../findings.js';
import type { DockerfileModel } from '../../model/types.js';
import type { Dialect } from '../../model/script-syntax.js';
import type { RuleHit } from '../types.js';
import { shellScripts, type ShellScript } from './common.js';
import { wrapperRules } from './index.js';

export const SHELLCHECK_ABSENT_NOTE = "ShellCheck is not installed: wrapper scripts were checked by entrypoint-guard's own rules only.";

/** Off by default (docs/rules/shellcheck.md): unfollowable `source`s, and the official images' `"$BASH_SOURCE"` re-exec idiom. */
const EXCLUDED = 'SC1090,SC1091,SC2128';
/** Also off for sourced files: their variables are set or used by the script that sources them. */
const EXCLUDED_SOURCED = ['SC2034', 'SC2154'];
const TIMEOUT_MS = 15_000;
/** All of ShellCheck's runs for one Dockerfile share this deadline: seven slow scripts cannot take minutes. */
const TOTAL_MS = 30_000;

/** ShellCheck codes that say the same as one of our rules; ours wins on the same line. */
export function ownRuleFor(code: number): string | undefined {
  if (code === 2068 || code === 2048) return 'wrapper-unquoted-args';
  if (code === 2039 || code === 2112 || code === 2113 || (code >= 3000 && code < 3100)) return 'wrapper-bashism';
  if (code === 1017) return 'crlf-line-endings';
  if (code === 1082) return 'utf8-bom';
  if (code === 2148 || code === 1008) return 'wrapper-missing-shebang';
  return undefined;
}

export interface ShellcheckTool {
  binary: string;
  version: string;
  /** Supports `--shell=busybox` (ShellCheck 0.10+). */
  busybox: boolean;
}

const tools = new Map<string, ShellcheckTool | null>();

/** Is ShellCheck runnable (checked once per binary name, cached)? */
export function findShellcheck(binary = 'shellcheck'): ShellcheckTool | null {
  if (tools.has(binary)) return tools.get(binary)!;
  let tool: ShellcheckTool | null = null;
  const v = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 5_000, env: childEnv() });
  if (!v.error && v.status === 0) {
    const version = /version:\s*(\S+)/.exec(v.stdout)?.[1] ?? 'unknown';
    const probe = spawnSync(binary, ['--shell=busybox', '--format=json1', '-'], { input: 'true\n', encoding: 'utf8', timeout: 5_000, env: childEnv() });
    tool = { binary, version, busybox: !probe.error && probe.status === 0 };
  }
  tools.set(binary, tool);
  return tool;
}

/** ShellCheck's `--shell` for a dialect; undefined when ShellCheck cannot check it (zsh). */
export function shellcheckShell(dialect: Dialect, tool: ShellcheckTool): string | undefined {
  switch (dialect) {
    case 'bash':
      return 'bash';
    case 'ksh':
      return 'ksh';
    case 'dash':
      return 'dash';
    case 'busybox':
      // Older ShellCheck has no busybox mode; dash is the closest (it accepts `local` and pipefail).
      return tool.busybox ? 'busybox' : 'dash';
    case 'posix':
      // An unnamed /bin/sh: dash is the strictest common one that still has `local`.
      return 'dash';
    case 'zsh':
      return undefined;
  }
}

interface Replacement {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  replacement: string;
  precedence?: number;
}

interface Comment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
  fix: { replacements: Replacement[] } | null;
}

/**
 * Advice rather than faults, shown as info whatever ShellCheck's level: `[ a -a b ]` (SC2166)
 * works in dash and BusyBox ash, and an unused variable (SC2034) breaks nothing at start-up;
 * official images (redis, nginx, postgres) carry both.
 */
// `VAR= cmd` (SC1007, SC2097, SC2098) is the deliberate one-command empty assignment the
// official postgres entrypoint uses (`POSTGRES_DB= docker_process_sql`): advice, not a fault.
const ADVISORY = new Set([2034, 2166, 1007, 2097, 2098]);

/**
 * Portability warnings (SC3xxx: "In dash, X is not supported") for features BusyBox ash has:
 * `$'…'` (3003), `[[ ]]` (3010), `==` (3014), `&>` (3020), `source` (3046, 3051), `${v:i:n}`
 * (3057), `${v/a/b}` (3060). An old ShellCheck has no busybox mode and checks an Alpine
 * script as dash, so these say nothing about the shell that runs it there.
 */
const BUSYBOX_HAS = new Set([3003, 3010, 3014, 3020, 3046, 3051, 3057, 3060]);

/** The severity of a ShellCheck comment; `fallback` when a busybox script was checked as dash. */
export function capLevel(level: string, code: number, fallback?: { busyboxAsDash: boolean }): Severity {
  if (ADVISORY.has(code)) return 'info';
  if (fallback?.busyboxAsDash && BUSYBOX_HAS.has(code)) return 'info';
  return level === 'error' || level === 'warning' ? 'warning' : 'info';
}

/** The corrected line when ShellCheck's fix touches a single line; else undefined. */
export function applyFix(lineText: string, lineNo: number, replacements: Replacement[]): string | undefined {
  if (replacements.length === 0 || replacements.some((r) => r.line !== lineNo || r.endLine !== lineNo)) return undefined;
  let out = lineText;
  const sorted = [...replacements].sort((a, b) => b.column - a.column || b.endColumn - a.endColumn);
  for (const r of sorted) {
    const from = r.column - 1;
    const to = r.endColumn - 1;
    if (from < 0 || to < from || to > out.length) return undefined;
    out = out.slice(0, from) + r.replacement + out.slice(to);
  }
  return out;
}

function fixSentence(c: Comment, lines: string[]): string {
  const lineText = lines[c.line - 1];
  if (c.fix && lineText !== undefined) {
    const fixed = applyFix(lineText, c.line, c.fix.replacements)?.trim();
    if (fixed && fixed.length <= 120 && !fixed.includes('`')) return `Change the line to \`${fixed}\`.`;
  }
  return `See https://www.shellcheck.net/wiki/SC${c.code}.`;
}

function runOne(tool: ShellcheckTool, script: ShellScript, shell: string, timeoutMs: number): { comments: Comment[]; timedOut: boolean } {
  const excluded = script.wrapper.role === 'sourced' ? [EXCLUDED, ...EXCLUDED_SOURCED].join(',') : EXCLUDED;
  let stdout: string;
  let timedOut = false;
  try {
    stdout = execFileSync(tool.binary, ['--format=json1', `--shell=${shell}`, '-e', excluded, '-'], {
      input: script.analysis.text,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 32 * 1024 * 1024,
      env: childEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (err) {
    // ShellCheck exits 1 when it has comments: the JSON is still on stdout.
    const failure = err as { stdout?: string | Buffer; code?: string; signal?: string };
    timedOut = failure.code === 'ETIMEDOUT' || failure.signal === 'SIGTERM';
    const out = failure.stdout;
    stdout = typeof out === 'string' ? out : out ? out.toString('utf8') : '';
  }
  try {
    const parsed = JSON.parse(stdout) as { comments?: Comment[] };
    return { comments: Array.isArray(parsed.comments) ? parsed.comments : [], timedOut };
  } catch {
    return { comments: [], timedOut };
  }
}

/** Lines (per file) where our own rules already report, by rule id. */
function ownHits(model: DockerfileModel): Map<string, Set<string>> {
  const ids = new Set(['wrapper-unquoted-args', 'wrapper-bashism', 'crlf-line-endings', 'utf8-bom', 'wrapper-missing-shebang']);
  const out = new Map<string, Set<string>>();
  for (const rule of wrapperRules) {
    if (!ids.has(rule.id)) continue;
    let hits: RuleHit[];
    try {
      hits = rule.check(model);
    } catch {
      continue;
    }
    for (const h of hits) {
      const key = `${h.file ?? model.file}\0${h.range.line}`;
      let set = out.get(key);
      if (!set) out.set(key, (set = new Set()));
      set.add(rule.id);
    }
  }
  return out;
}

export function runShellcheck(model: DockerfileModel, options: { binary?: string; totalMs?: number } = {}): { findings: Finding[]; note?: string } {
  const scripts = shellScripts(model);
  if (scripts.length === 0) return { findings: [] };
  const tool = findShellcheck(options.binary);
  if (!tool) return { findings: [], note: SHELLCHECK_ABSENT_NOTE };
  const ours = ownHits(model);
  const findings: Finding[] = [];
  const unfinished: string[] = [];
  const deadline = Date.now() + (options.totalMs ?? TOTAL_MS);
  for (const script of scripts) {
    const shell = shellcheckShell(script.dialect.dialect, tool);
    if (!shell) continue;
    const left = deadline - Date.now();
    if (left < 200) {
      unfinished.push(script.wrapper.file);
      continue;
    }
    const lines = script.analysis.text.split('\n');
    const offset = script.wrapper.lineOffset;
    const { comments, timedOut } = runOne(tool, script, shell, Math.min(TIMEOUT_MS, left));
    if (timedOut) unfinished.push(script.wrapper.file);
    for (const c of comments) {
      if (typeof c.code !== 'number' || typeof c.line !== 'number') continue;
      const line = c.line + offset;
      const own = ownRuleFor(c.code);
      if (own && ours.get(`${script.wrapper.file}\0${line}`)?.has(own)) continue;
      const finding: Finding = {
        rule: `shellcheck/SC${c.code}`,
        severity: capLevel(c.level, c.code, { busyboxAsDash: script.dialect.dialect === 'busybox' && shell === 'dash' }),
        message: c.message,
        fix: fixSentence(c, lines),
        file: script.wrapper.file,
        line,
        endLine: Math.max(c.endLine ?? c.line, c.line) + offset,
        column: c.column ?? 1,
      };
      if (typeof c.endColumn === 'number' && c.endLine === c.line) finding.endColumn = c.endColumn;
      findings.push(finding);
    }
  }
  if (unfinished.length === 0) return { findings };
  const note = `ShellCheck did not finish on ${unfinished.join(', ')} within its time limit (${TIMEOUT_MS / 1000} s a script, ${(options.totalMs ?? TOTAL_MS) / 1000} s in all): its findings there are missing (entrypoint-guard's own rules still ran).`;
  return { findings, note };
}
