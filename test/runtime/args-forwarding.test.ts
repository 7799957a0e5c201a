// args-not-forwarded: `docker run <image> <command>` must reach the program word for word
// through the ENTRYPOINT wrapper. Real builds and containers on both platforms.
import { describe, expect, it } from 'vitest';
import { compareArgv, MARKER, OVERRIDE, shellQuote } from '../../src/runtime/args-forwarding.js';
import { engineAvailable, leftoversAsync, PLATFORMS, runFixture } from './engine.js';

const T = 240_000;

describe('compareArgv', () => {
  it('tells intact, re-split, joined and dropped apart', () => {
    expect(OVERRIDE).toEqual(['sh', '-c', 'sleep${IFS}600;:', 'entrypoint-guard-args', 'two words', '', '*']);
    expect(compareArgv(['sh', '-c', 'sleep${IFS}600;:', MARKER, 'two words', '', '*']).kind).toBe('intact');
    // `exec $@`: split on blanks, the empty word gone, `*` expanded to the files of the working directory.
    expect(compareArgv(['sh', '-c', 'sleep${IFS}600;:', MARKER, 'two', 'words', 'bin', 'etc']).kind).toBe('resplit');
    // `sh -c "$*"`: one word.
    expect(compareArgv(['sh', '-c', `sh -c sleep\${IFS}600;: ${MARKER} two words * `]).kind).toBe('joined');
    expect(compareArgv(['/app/server.sh']).kind).toBe('dropped');
    expect(shellQuote(OVERRIDE)).toBe("sh -c 'sleep${IFS}600;:' entrypoint-guard-args 'two words' '' '*'");
  });
});

describe.skipIf(!engineAvailable).concurrent('argument forwarding on linux/amd64 and emulated linux/arm64', () => {
  it('a wrapper ending in `exec $@` re-splits the override: args-not-forwarded at that line', async () => {
    const run = await runFixture('args-resplit', { gracePeriod: 2 });
    const found = run.runtime.findings.filter((f) => f.rule === 'args-not-forwarded');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'docker-entrypoint.sh', line: 5, platforms: PLATFORMS });
    expect(found[0]!.message).toContain('re-split');
    for (const p of PLATFORMS) {
      const r = run.runtime.platforms.find((x) => x.platform === p)!;
      expect(r.args?.forwarded).toBe(false);
      expect(r.args?.arrived.slice(0, 6)).toEqual(['sh', '-c', 'sleep${IFS}600;:', MARKER, 'two', 'words']);
    }
    expect(await leftoversAsync(run.options.runId!)).toEqual({ containers: [], images: [] });
  }, T);

  it('near miss: the same wrapper with `exec "$@"` hands every word on unchanged', async () => {
    const run = await runFixture('args-forwarded', { gracePeriod: 2 });
    expect(run.runtime.findings.filter((f) => f.rule === 'args-not-forwarded')).toEqual([]);
    for (const p of PLATFORMS) {
      const r = run.runtime.platforms.find((x) => x.platform === p)!;
      expect(r.args).toEqual({ sent: OVERRIDE, arrived: ['sh', '-c', 'sleep${IFS}600;:', MARKER, 'two words', '', '*'], forwarded: true });
    }
    expect(run.runtime.notes).toEqual([]);
  }, T);
});
