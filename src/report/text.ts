// The report for people: grouped by file, coloured on a TTY, every finding with its fix.
import { styleText } from 'node:util';
import { byLocation, countBySeverity, failsAt, RUNTIME_NOT_ASKED, type DeploymentResult, type FailOn, type Finding, type PlatformResult, type Report, type Severity } from '../findings.js';
import { droppedLine } from '../policy/dropped-line.js';

interface Style {
  color: boolean;
}

// node:util's styleText: whether to colour is decided once by the caller (src/color.ts), so
// the stream is not validated again here.
const COLORS = { error: 'red', warning: 'yellow', info: 'cyan', dim: 'dim', bold: 'bold', ok: 'green' } as const satisfies Record<Severity | 'dim' | 'bold' | 'ok', Parameters<typeof styleText>[0]>;

/**
 * Control characters from a Dockerfile, a script or a container's output, shown as escapes: raw
 * ESC sequences could clear the screen, retitle the window or write the clipboard, a CR or LF
 * could forge a line of the report, and bidi overrides could reorder what a reader sees.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/** Text is escaped before colour is added: our own escape codes are the only ones that reach a terminal. */
function paint(style: Style, what: keyof typeof COLORS, text: string): string {
  const safe = escapeControls(text);
  return style.color ? styleText(COLORS[what], safe, { validateStream: false }) : safe;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `fix`, or which flag applies it for a finding whose fix is edits. */
function fixLabel(f: Finding): string {
  if (!f.autofix) return 'fix';
  return f.autofix.safe ? 'fix [--fix]' : 'fix [--fix-unsafe]';
}

/** "2 findings can be fixed with --fix (1 more with --fix-unsafe)." (ESLint's closing line). */
function fixableLine(all: Finding[]): string | undefined {
  const safe = all.filter((f) => f.autofix?.safe).length;
  const unsafe = all.filter((f) => f.autofix && !f.autofix.safe).length;
  if (safe + unsafe === 0) return undefined;
  const more = unsafe > 0 ? (safe > 0 ? ` (${unsafe} more with --fix-unsafe)` : '') : '';
  return safe > 0 ? `${plural(safe, 'finding')} can be fixed with --fix${more}.` : `${plural(unsafe, 'finding')} can be fixed with --fix-unsafe.`;
}

function formatFinding(f: Finding, style: Style): string[] {
  const where = `${f.line}:${f.column}`.padEnd(7);
  const sev = paint(style, f.severity, f.severity.padEnd(7));
  const platforms = f.platforms && f.platforms.length > 0 ? ` [${f.platforms.join(', ')}]` : '';
  return [
    `  ${where} ${sev} ${paint(style, 'bold', f.rule)}${escapeControls(platforms)}`,
    `          ${escapeControls(f.message)}`,
    `          ${paint(style, 'dim', `${fixLabel(f)}: ${f.fix}`)}`,
  ];
}

/** "linux/arm64 (emulated, QEMU)": a verdict reached under emulation is read differently. */
export function platformLabel(p: Pick<PlatformResult, 'platform' | 'emulated'>): string {
  return p.emulated ? `${p.platform} (emulated, QEMU)` : p.platform;
}

export function formatPlatform(p: PlatformResult, width = 13): string {
  const parts: string[] = [platformLabel(p).padEnd(width)];
  if (p.skipped) return `${parts[0]} skipped: ${p.skipped}`;
  if (p.build) parts.push(p.build.ok ? `build ok ${p.build.seconds.toFixed(1)}s` : `build FAILED after ${p.build.seconds.toFixed(1)}s`);
  if (p.image) parts.push(`image ${p.image.ref} (${p.image.digest.slice(0, 19)})`);
  if (p.pid1) parts.push(`PID 1: ${p.pid1}`);
  const ready = readinessText(p.ready);
  if (ready) parts.push(ready);
  if (p.oneShot) parts.push(`one-shot job: exited ${p.oneShot.exitCode} after ${p.oneShot.seconds.toFixed(1)}s`);
  if (p.shutdown) {
    const s = p.shutdown;
    parts.push(s.killed ? `${s.signal} ignored: SIGKILLed after ${s.seconds.toFixed(2)}s` : `${s.signal} -> exit ${s.exitCode} in ${s.seconds.toFixed(2)}s`);
    const evidence = signalsText(p.signals, s.signal);
    if (evidence) parts.push(evidence);
  }
  return parts.join('  ');
}

/** "compose.yaml:2 (compose service worker)": where a deployed run's start command comes from. */
export function deploymentLabel(d: Pick<DeploymentResult, 'source' | 'file' | 'line' | 'container' | 'workload'>): string {
  const what = d.source === 'compose' ? 'compose service' : d.source === 'ecs' ? 'ECS container' : 'Kubernetes container';
  return `${d.file}:${d.line} (${what} ${d.container}${d.workload ? ` of ${d.workload}` : ''})`;
}

/** "grace 30 s (default), preStop 20 s: needs 35.1 s, EXCEEDED": the deployed shutdown against its grace period. */
export function graceVerdictText(d: Pick<DeploymentResult, 'grace' | 'shutdown'>): string {
  const g = d.grace;
  const head = `grace ${g.seconds} s${g.default ? ' (default)' : ''}${g.preStop ? `, preStop ${g.preStop} s` : ''}`;
  if (g.needed === undefined) return head;
  if (d.shutdown?.killed) return `${head}: EXCEEDED (still running ${d.shutdown.seconds.toFixed(1)} s after ${d.shutdown.signal})`;
  return `${head}: needs ${g.needed.toFixed(1)} s${g.exceeded ? ', EXCEEDED (SIGKILLed as deployed)' : ''}`;
}

/** One deployed run, under its platform's line: as the platform starts the image, next to `docker run`'s verdict. */
export function formatDeployment(d: DeploymentResult): string {
  const parts = [`as deployed: ${deploymentLabel(d)}`];
  if (d.skipped) return `${parts[0]} skipped: ${d.skipped}`;
  if (d.pid1) parts.push(`PID 1: ${d.pid1}${d.init ? ' (behind --init)' : ''}`);
  if (d.oneShot) parts.push(`one-shot job: exited ${d.oneShot.exitCode} after ${d.oneShot.seconds.toFixed(1)}s`);
  if (d.shutdown) {
    const s = d.shutdown;
    parts.push(s.killed ? `${s.signal} ignored: SIGKILLed after ${s.seconds.toFixed(2)}s` : `${s.signal} -> exit ${s.exitCode} in ${s.seconds.toFixed(2)}s`);
  }
  parts.push(graceVerdictText(d));
  if (d.skippedEnv) parts.push(`env not passed: ${d.skippedEnv.join(', ')}`);
  return parts.join('  ');
}

/** "kernel: PID 1 handles SIGTERM; node server.js handles it": the dispositions read at readiness (native only). */
export function signalsText(signals: PlatformResult['signals'], sig: string): string | undefined {
  if (!signals) return undefined;
  const of = (d: { caught: string[]; ignored: string[] }) => (d.caught.includes(sig) ? 'handles' : d.ignored.includes(sig) ? 'ignores' : 'has no handler for');
  const app = signals.app ? `; ${signals.app.process} ${of(signals.app)} it` : '';
  return `kernel: PID 1 ${of(signals.pid1)} ${sig}${app}`;
}

/** "ready after 0.4 s: listening on tcp :8080"; "not ready within 60 s: stop signal sent anyway". */
export function readinessText(ready: PlatformResult['ready']): string | undefined {
  if (!ready || ready.by === 'exited') return undefined;
  if (ready.by === 'timeout' || ready.by === 'fixed') return ready.detail;
  return `ready after ${ready.seconds.toFixed(1)} s: ${ready.detail}`;
}

export function verdictLine(findings: Finding[], failOn: FailOn, style: Style = { color: false }): string {
  const c = countBySeverity(findings);
  const counts = `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
  // With the gate off there is no verdict to give: "PASS: 1 error" would tell a reader the image is fine.
  if (failOn === 'never') return paint(style, c.error > 0 ? 'error' : c.warning > 0 ? 'warning' : 'ok', `${counts} (not gated: --fail-on never)`);
  if (failsAt(findings, failOn)) return paint(style, 'error', `✖ FAIL: ${counts} (failing at --fail-on ${failOn})`);
  return paint(style, 'ok', `✔ PASS: ${counts} (nothing at or above ${failOn})`);
}

export function formatText(reports: Report[], failOn: FailOn, color = false): string {
  const style: Style = { color };
  const out: string[] = [];
  const all: Finding[] = [];
  for (const report of reports) {
    // One push per finding: a spread of 100k+ arguments overflows the stack.
    for (const f of report.findings) all.push(f);
    const byFile = new Map<string, Finding[]>();
    for (const f of [...report.findings].sort(byLocation)) {
      const list = byFile.get(f.file) ?? [];
      list.push(f);
      byFile.set(f.file, list);
    }
    if (byFile.size === 0) out.push(`${paint(style, 'bold', report.dockerfile)}: no findings`);
    for (const [file, list] of byFile) {
      out.push(paint(style, 'bold', file));
      for (const f of list) for (const line of formatFinding(f, style)) out.push(line);
      out.push('');
    }
    if (report.platforms.length > 0) {
      out.push(paint(style, 'bold', 'Platforms'));
      const width = Math.max(13, ...report.platforms.map((p) => platformLabel(p).length));
      for (const p of report.platforms) {
        out.push(`  ${escapeControls(formatPlatform(p, width))}`);
        for (const d of p.deployments ?? []) out.push(`  ${' '.repeat(width)}  ${escapeControls(formatDeployment(d))}`);
      }
      out.push('');
    }
    for (const note of report.notes ?? []) out.push(paint(style, 'dim', `note: ${note}`));
  }
  // What the config file or the diff filter left out is not in the verdict: say so above it.
  const dropped = droppedLine(reports);
  if (dropped) out.push(paint(style, 'dim', `note: ${dropped}`));
  // Never silently green: a verdict on the lint alone says so (a skip says why in its own note).
  if (reports.length > 0 && reports.every((r) => r.checks && !r.checks.runtime.ran && r.checks.runtime.reason === RUNTIME_NOT_ASKED)) {
    out.push(paint(style, 'dim', 'note: lint only: the runtime checks (build, smoke run, shutdown probe) were not asked for (--static).'));
  }
  const fixable = fixableLine(all);
  if (fixable) out.push(paint(style, 'dim', fixable));
  out.push(verdictLine(all, failOn, style));
  return `${out.join('\n')}\n`;
}
