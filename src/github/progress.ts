// The Action's progress: one log group per platform with BuildKit's plain output streamed
// live, then the smoke and probe steps as they happen. Two platforms run at once and log
// groups cannot interleave, so the first platform to speak owns the live group; the other's
// lines wait and follow, whole, in its own group as soon as the first one ends.
import * as core from '@actions/core';
import { isFinal, LineSplitter, PHASE_LABEL, type Phase, type ProgressSink } from '../runtime/progress.js';

export interface GroupLog {
  start: (title: string) => void;
  end: () => void;
  line: (text: string) => void;
}

const coreLog: GroupLog = { start: (t) => core.startGroup(t), end: () => core.endGroup(), line: (t) => core.info(t) };

export class ActionGroups implements ProgressSink {
  private live: string | undefined;
  private readonly waiting = new Map<string, string[]>();
  private readonly finished = new Set<string>();
  private readonly lines = new LineSplitter((platform, line) => this.emit(platform, line));

  constructor(
    private readonly title: string,
    private readonly log: GroupLog = coreLog,
  ) {}

  phase(platform: string, phase: Phase, detail?: string): void {
    if (phase === 'queued') return;
    this.lines.flush(platform);
    this.emit(platform, `${platform}: ${PHASE_LABEL[phase]}${detail ? `: ${detail}` : ''}`);
    if (isFinal(phase)) this.finish(platform);
  }

  output(platform: string, chunk: string): void {
    this.lines.push(platform, chunk);
  }

  close(): void {
    for (const p of this.waiting.keys()) this.finished.add(p);
    const first = this.waiting.keys().next();
    if (this.live === undefined && !first.done) {
      const buffered = this.waiting.get(first.value) ?? [];
      this.waiting.delete(first.value);
      this.open(first.value);
      for (const line of buffered) this.log.line(line);
    }
    if (this.live !== undefined) {
      this.finished.add(this.live);
      this.finish(this.live);
    }
  }

  private emit(platform: string, line: string): void {
    if (this.live === undefined && !this.waiting.has(platform)) this.open(platform);
    if (this.live === platform) this.log.line(line);
    else {
      const list = this.waiting.get(platform) ?? [];
      list.push(line);
      this.waiting.set(platform, list);
    }
  }

  private open(platform: string): void {
    this.live = platform;
    this.log.start(`${this.title} on ${platform}`);
  }

  private finish(platform: string): void {
    this.finished.add(platform);
    if (this.live !== platform) return;
    this.log.end();
    this.live = undefined;
    // The next platform that spoke meanwhile: its lines so far, then live (or closed if it is done too).
    const next = this.waiting.keys().next();
    if (next.done) return;
    const p = next.value;
    const buffered = this.waiting.get(p) ?? [];
    this.waiting.delete(p);
    this.open(p);
    for (const line of buffered) this.log.line(line);
    if (this.finished.has(p)) this.finish(p);
  }
}
