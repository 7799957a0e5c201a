// Without a Docker engine, without the docker CLI, or without buildx, the tool still lints
// and says in one line that the runtime checks were skipped and why; it never pretends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/engine.js';
import { defaultOptions } from '../../src/options.js';
import { runRuntime } from '../../src/runtime/index.js';
import { lintResult, makeContext } from '../helpers.js';

const DOCKERFILE = 'FROM 127.0.0.1:5000/eg-busybox:latest\nCMD node server.js\n';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('runtime checks without an engine', () => {
  it('no daemon: static results plus one note naming the reason', async () => {
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/eg/docker.sock');
    const dir = makeContext({ Dockerfile: DOCKERFILE });
    const { report } = await analyze({ ...defaultOptions(dir), dockerfile: 'Dockerfile' });
    expect(report.platforms).toEqual([]);
    expect(report.findings.every((f) => f.platforms === undefined)).toBe(true);
    const notes = (report.notes ?? []).filter((n) => n.startsWith('Runtime checks skipped'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^Runtime checks skipped: no Docker engine answered \(.*\/nonexistent\/eg\/docker\.sock.*\)\.$/);
  });

  it('no docker command at all', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-nopath-'));
    vi.stubEnv('PATH', empty);
    try {
      const { model } = lintResult(DOCKERFILE);
      const result = await runRuntime(model, { ...defaultOptions(model.contextDir), dockerfile: model.absPath });
      expect(result).toEqual({ hits: [], platforms: [], skipped: 'no Docker engine answered (the docker command is not installed)', notes: ['Runtime checks skipped: no Docker engine answered (the docker command is not installed).'] });
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('an engine but no buildx plugin: one note naming docker/setup-buildx-action', async () => {
    // A docker client without the buildx plugin: the real client for everything else.
    const real = (process.env.PATH ?? '').split(':').map((d) => path.join(d, 'docker')).find((p) => fs.existsSync(p));
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-nobuildx-'));
    const engine = real !== undefined && (await import('node:child_process')).spawnSync(real, ['version'], { timeout: 15_000 }).status === 0;
    try {
      fs.writeFileSync(
        path.join(bin, 'docker'),
        `#!/bin/sh\nif [ "$1" = buildx ]; then echo "docker: unknown command: docker buildx" >&2; exit 1; fi\n${engine ? `exec ${real} "$@"` : 'echo "Client: ok"; exit 0'}\n`,
        { mode: 0o755 },
      );
      vi.stubEnv('PATH', `${bin}:${process.env.PATH}`);
      const { model } = lintResult(DOCKERFILE);
      const result = await runRuntime(model, { ...defaultOptions(model.contextDir), dockerfile: model.absPath });
      expect(result.platforms).toEqual([]);
      expect(result.notes).toEqual(['Runtime checks skipped: docker buildx is not installed; add docker/setup-buildx-action to the workflow (or install the docker-buildx plugin).']);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });
});
