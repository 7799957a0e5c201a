// The multi-arch Debian bookworm bases that `.ci/build-bases.sh` builds (Debian's own packages,
// linux/amd64 + linux/arm64) for runtime tests with real programs. Are they here? Without them
// the suites that need them skip — except in CI, where `.ci/run` builds them, so a missing
// one is a bug and fails loudly.
import { spawnSync } from 'node:child_process';
import { dockerEnv } from '../../src/runtime/docker.js';
import { engineAvailable, skipReason as engineSkipReason } from './engine.js';

export const REGISTRY = '127.0.0.1:5000';
/** dash as /bin/sh, bash, coreutils, grep, sed, findutils, tini, gosu. */
export const DEBIAN_BASE = `${REGISTRY}/eg-debian:latest`;
/** The Debian base plus Debian's nodejs and npm. */
export const NODE_BASE = `${REGISTRY}/eg-node:latest`;
/** The Debian base plus Debian's python3 and gunicorn. */
export const PYTHON_BASE = `${REGISTRY}/eg-python:latest`;
/** The Debian base plus Debian's nginx-light and php8.2-fpm. */
export const WEB_BASE = `${REGISTRY}/eg-web:latest`;
export const DEBIAN_BASES = [DEBIAN_BASE, NODE_BASE, PYTHON_BASE, WEB_BASE];

/**
 * The single-platform image of a base, e.g. `eg-node:arm64` for ('…/eg-node:latest', 'linux/arm64').
 * Engine 20.10 keeps one platform per tag, so `docker run --platform … list:latest` re-pulls and
 * re-points the local `:latest` each time the platform changes; concurrent tests on both platforms
 * must run these per-arch tags instead (`FROM list:latest` in a buildx build is fine).
 */
export function archImage(base: string, platform: string): string {
  const repo = base.slice(`${REGISTRY}/`.length).split(':')[0];
  return `${repo}:${platform.split('/')[1]}`;
}

function probeBases(): { ok: true } | { ok: false; why: string } {
  if (!engineAvailable) return { ok: false, why: engineSkipReason };
  for (const base of DEBIAN_BASES) {
    const r = spawnSync('docker', ['buildx', 'imagetools', 'inspect', base], { env: dockerEnv(), timeout: 20_000, encoding: 'utf8' });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/linux\/amd64/.test(out) || !/linux\/arm64/.test(out)) {
      return { ok: false, why: `${base} is not served by the local registry as a linux/amd64 + linux/arm64 list (build it with .ci/build-bases.sh): ${out.trim().split('\n')[0]}` };
    }
  }
  return { ok: true };
}

const probed = probeBases();
export const basesAvailable = probed.ok;
if (!probed.ok && engineAvailable && process.env.CI) {
  throw new Error(`CI is set but the Debian bases are missing (${probed.why}); .ci/setup-engine.sh builds them (.ci/build-bases.sh), so this is a bug, not a reason to skip.`);
}
export const basesSkipReason = probed.ok ? '' : probed.why;
