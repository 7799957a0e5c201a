// Shared by the real-engine tests that assert which docker calls a run made: the calls are
// recorded through ENTRYPOINT_GUARD_DOCKER_LOG (src/runtime/docker.ts), secrets redacted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Run `body` with the docker calls it makes recorded; returns them and the log's raw text. */
export async function recorded<T>(body: () => Promise<T>): Promise<{ value: T; calls: string[][]; text: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-calls-'));
  const file = path.join(dir, 'calls.jsonl');
  process.env.ENTRYPOINT_GUARD_DOCKER_LOG = file;
  try {
    const value = await body();
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    return { value, text, calls: text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]) };
  } finally {
    delete process.env.ENTRYPOINT_GUARD_DOCKER_LOG;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The `docker buildx build` calls among them. */
export const builds = (calls: string[][]) => calls.filter((c) => c[0] === 'buildx' && c[1] === 'build');
