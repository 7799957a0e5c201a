// Progress people can follow, on stderr only (stdout stays the report): one status line per
// platform — phase, elapsed seconds, the current build step (`#12 [3/8] RUN npm ci`) read live
// from BuildKit's plain progress. Redrawn in place on a TTY, plain timestamped lines otherwise.
// The Action uses its own sink (src/github/progress.ts): one log group per platform.

export type Phase = 'queued' | 'pulling' | 'building' | 'smoke' | 'probe' | 'done' | 'failed' | 'skipped';

/** What the runtime reports as it goes; every method is optional to implement and cheap to call. */
export interface ProgressSink {
  /** A platform entered a phase; `detail` says more (why it was skipped, the image pulled). */
  phase(platform: string, phase: Phase, detail?: string): void;
  /** Raw BuildKit plain output (or docker pull output) of a platform, as it arrives. */
  output(platform: string, chunk: string): void;
  /** Everything finished: stop timers, leave the cursor below the status lines. */
  close(): void;
}

export const silentProgress: ProgressSink = { phase: () => undefined, output: () => undefined, close: () => undefined };

/** Splits chunks into whole lines per platform (BuildKit writes partial lines). */
export class LineSplitter {
  private readonly partial = new Map<string, string>();
  constructor(private readonly onLine: (platform: string, line: string) => void) {}

  push(platform: string, chunk: string): void {
    const text = (this.partial.get(platform) ?? '') + chunk.replace(/\r/g, '');
    const lines = text.split('\n');
    this.partial.set(platform, lines.pop() ?? '');
    for (const line of lines) this.onLine(platform, line);
  }

  flush(platform: string): void {
    const rest = this.partial.get(platform);
    this.partial.delete(platform);
    if (rest) this.onLine(platform, rest);
  }
}

/** `#12 [3/8] RUN npm ci` (a BuildKit step header), shortened; undefined for any other line. */
export function stepOf(line: string): string | undefined {
  const m = /^(#\d+) (\[[^\]]*\d+\/\d+\] .*)$/.exec(line.trim());
  if (!m) return undefined;
  const text = `${m[1]} ${m[2]!.replace(/\s+/g, ' ')}`;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

interface Row {
  platform: string;
  phase: Phase;
  since: number;
  step?: string;
  detail?: string;
}

export interface StatusOptions {
  write: (text: string) => void;
  /** Redraw in place (a TTY); else one timestamped line per change. */
  redraw: boolean;
  now?: () => number;
  /** Platforms in the order asked for: the rows' order. */
  platforms: string[];
}

export const PHASE_LABEL: Record<Phase, string> = {
  queued: 'queued',
  pulling: 'pulling',
  building: 'building',
  smoke: 'smoke checks',
  probe: 'shutdown probe',
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
};

/** The CLI's status lines. */
export class StatusLines implements ProgressSink {
  private readonly rows = new Map<string, Row>();
  private readonly started: number;
  private readonly now: () => number;
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly lines = new LineSplitter((platform, line) => this.onLine(platform, line));

  constructor(private readonly opts: StatusOptions) {
    this.now = opts.now ?? Date.now;
    this.started = this.now();
    for (const platform of opts.platforms) this.rows.set(platform, { platform, phase: 'queued', since: this.started });
    if (opts.redraw) {
      this.timer = setInterval(() => this.draw(), 1000);
      this.timer.unref();
      this.draw();
    }
  }

  phase(platform: string, phase: Phase, detail?: string): void {
    const row = this.row(platform);
    if (row.phase === phase && row.detail === detail) return;
    row.phase = phase;
    row.since = this.now();
    row.detail = detail;
    if (phase !== 'building') row.step = undefined;
    this.changed(row);
  }

  output(platform: string, chunk: string): void {
    this.lines.push(platform, chunk);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.opts.redraw) this.draw();
  }

  private onLine(platform: string, line: string): void {
    const step = stepOf(line);
    if (!step) return;
    const row = this.row(platform);
    if (row.step === step) return;
    row.step = step;
    this.changed(row);
  }

  private row(platform: string): Row {
    let row = this.rows.get(platform);
    if (!row) {
      row = { platform, phase: 'queued', since: this.now() };
      this.rows.set(platform, row);
    }
    return row;
  }

  private changed(row: Row): void {
    if (this.opts.redraw) this.draw();
    else this.opts.write(`[${this.clock()}] ${this.text(row)}\n`);
  }

  private clock(): string {
    return new Date(this.now()).toISOString().slice(11, 19);
  }

  private text(row: Row): string {
    const width = Math.max(...[...this.rows.keys()].map((p) => p.length));
    const seconds = `${((this.now() - this.started) / 1000).toFixed(0)}s`;
    const extra = row.step ?? row.detail;
    return `${row.platform.padEnd(width)}  ${PHASE_LABEL[row.phase].padEnd(14)} ${seconds.padStart(5)}${extra ? `  ${extra}` : ''}`;
  }

  private draw(): void {
    const rows = [...this.rows.values()];
    // Up to the first status line, then each line cleared and rewritten.
    let out = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    for (const row of rows) out += `\r\x1b[2K${this.text(row)}\n`;
    this.drawn = rows.length;
    this.opts.write(out);
  }
}

/** Made once the platforms are known (with --image, the image's own). */
export type ProgressFactory = (platforms: string[]) => ProgressSink;

/** `--progress` and whether stderr is a terminal -> the sink. */
export function cliProgress(mode: 'auto' | 'plain' | 'quiet', stderrIsTTY: boolean, write: (text: string) => void): ProgressFactory {
  return (platforms) => (mode === 'quiet' ? silentProgress : new StatusLines({ write, redraw: mode === 'auto' && stderrIsTTY, platforms }));
}

export function isFinal(phase: Phase): boolean {
  return phase === 'done' || phase === 'failed' || phase === 'skipped';
}
