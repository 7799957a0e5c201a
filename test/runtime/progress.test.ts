// Progress on stderr while the runtime works: the CLI with stderr not a TTY prints one
// timestamped status line per change, per platform, in phase order and before the report;
// the Action's log groups never interleave two platforms.
import { describe, expect, it } from 'vitest';
import { ActionGroups } from '../../src/github/progress.js';
import { StatusLines } from '../../src/runtime/progress.js';
import { runCli } from '../../src/cli.js';
import { engineAvailable, fixture } from './engine.js';

describe.skipIf(!engineAvailable)('CLI progress', () => {
  it('prints per-platform phase lines on stderr, in order, before the report on stdout', async () => {
    const events: { to: 'out' | 'err'; text: string }[] = [];
    const io = {
      stdout: (text: string) => void events.push({ to: 'out', text }),
      stderr: (text: string) => void events.push({ to: 'err', text }),
      isTTY: false,
      stderrIsTTY: false,
      cwd: fixture('trap-clean'),
    };
    const code = await runCli(['--format', 'json', '--grace-period', '2', '--startup-wait', '20'], io);
    expect(code, JSON.stringify(events)).toBe(0);
    const report = events.findIndex((e) => e.to === 'out');
    expect(report).toBe(events.length - 1);
    const status = events.filter((e) => e.to === 'err').flatMap((e) => e.text.split('\n')).filter((l) => /^\[\d\d:\d\d:\d\d\] linux\//.test(l));
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const phases = status.filter((l) => l.includes(`] ${platform} `)).map((l) => /^\[[^\]]+\] \S+\s+(building|smoke checks|shutdown probe|done)\b/.exec(l)?.[1]).filter(Boolean);
      expect([...new Set(phases)], status.join('\n')).toEqual(['building', 'smoke checks', 'shutdown probe', 'done']);
    }
    // No escape sequences when stderr is not a terminal.
    expect(events.some((e) => e.to === 'err' && e.text.includes('\x1b['))).toBe(false);
  }, 300_000);
});

describe('Action log groups', () => {
  it('keep each platform in its own group: the second waits and follows whole', () => {
    const log: string[] = [];
    const groups = new ActionGroups('entrypoint-guard: Dockerfile', { start: (t) => log.push(`>> ${t}`), end: () => log.push('<<'), line: (t) => log.push(t) });
    groups.phase('linux/amd64', 'building');
    groups.phase('linux/arm64', 'building');
    groups.output('linux/arm64', '#5 [2/2] RUN x\n#5 DO');
    groups.output('linux/amd64', '#5 [2/2] RUN x\n');
    groups.output('linux/arm64', 'NE 0.1s\n');
    groups.phase('linux/amd64', 'smoke');
    groups.phase('linux/amd64', 'done');
    groups.phase('linux/arm64', 'probe');
    groups.close();
    expect(log).toEqual([
      '>> entrypoint-guard: Dockerfile on linux/amd64',
      'linux/amd64: building',
      '#5 [2/2] RUN x',
      'linux/amd64: smoke checks',
      'linux/amd64: done',
      '<<',
      '>> entrypoint-guard: Dockerfile on linux/arm64',
      'linux/arm64: building',
      '#5 [2/2] RUN x',
      '#5 DONE 0.1s',
      'linux/arm64: shutdown probe',
      '<<',
    ]);
  });
});

describe('status lines on a TTY', () => {
  it('are redrawn in place: one line per platform, the cursor moved back up over them', () => {
    let out = '';
    let now = Date.parse('2026-12-03T09:00:00Z');
    const lines = new StatusLines({ write: (t) => void (out += t), redraw: true, now: () => now, platforms: ['linux/amd64', 'linux/arm64'] });
    now += 12_000;
    lines.phase('linux/amd64', 'building');
    lines.output('linux/amd64', '#12 [3/8] RUN npm ci\n');
    lines.close();
    const frames = out.split('\x1b[2A');
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.at(-1)).toBe('\r\x1b[2Klinux/amd64  building         12s  #12 [3/8] RUN npm ci\n\r\x1b[2Klinux/arm64  queued           12s\n');
  });
});
