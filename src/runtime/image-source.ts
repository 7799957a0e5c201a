// `--image REF`: the already-built image to check instead of a build. A local tag is used as
// it is (one platform: engine 20.10 keeps one per tag); a registry reference is resolved per
// platform (a manifest list's entries, attestations left out) and each platform's manifest is
// pulled by digest into a run-labelled tag. Only what this run pulled is removed at the end.
import { InputError } from '../errors.js';
import { truncate } from './build.js';
import type { Cleanup } from './cleanup.js';
import { docker } from './docker.js';

const INSPECT_MS = 60_000;
export const PULL_TIMEOUT_MS = 15 * 60_000;

export interface ImageVariant {
  /** os/arch[/variant] as docker names it (arm64's v8 left out). */
  platform: string;
  /** The platform's manifest digest (registry), or the local image id. */
  digest: string;
  /** What to pull (`repo@sha256:…`), or the local reference to use as it is. */
  source: string;
  local: boolean;
}

export interface ResolvedImage {
  ref: string;
  /** The manifest list's (or single manifest's) digest; the image id for a local tag. */
  digest: string;
  local: boolean;
  variants: ImageVariant[];
}

interface PlatformSpec {
  os?: string;
  architecture?: string;
  variant?: string;
}

export function platformName(p: PlatformSpec): string {
  const variant = p.variant && !(p.architecture === 'arm64' && p.variant === 'v8') ? `/${p.variant}` : '';
  return `${p.os ?? 'unknown'}/${p.architecture ?? 'unknown'}${variant}`;
}

/** `registry:5000/org/app:1.2@sha256:…` -> `registry:5000/org/app`. */
export function repositoryOf(ref: string): string {
  const noDigest = ref.replace(/@sha256:[a-f0-9]{64}$/i, '');
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** A reference naming its registry (`ghcr.io/…`, `127.0.0.1:5000/…`, `localhost/…`) is looked up there first. */
export function namesRegistry(ref: string): boolean {
  const slash = ref.indexOf('/');
  if (slash < 0) return false;
  const host = ref.slice(0, slash);
  return host.includes('.') || host.includes(':') || host === 'localhost';
}

async function localImage(ref: string): Promise<ImageVariant | undefined> {
  // `{{json .}}`: engines before 23 have no Variant field (a template naming it fails).
  const res = await docker(['image', 'inspect', '--format', '{{json .}}', ref], { timeoutMs: INSPECT_MS });
  if (res.code !== 0 || res.timedOut) return undefined;
  try {
    const img = JSON.parse(res.stdout) as { Id?: string; Os?: string; Architecture?: string; Variant?: string };
    if (!img.Id) return undefined;
    return { platform: platformName({ os: img.Os, architecture: img.Architecture, variant: img.Variant || undefined }), digest: img.Id, source: ref, local: true };
  } catch {
    return undefined;
  }
}

interface Inspected {
  manifest?: { digest?: string; manifests?: { digest: string; platform?: PlatformSpec }[] };
  image?: PlatformSpec & Record<string, unknown>;
}

async function registryImage(ref: string): Promise<ResolvedImage | { error: string }> {
  const res = await docker(['buildx', 'imagetools', 'inspect', '--format', '{{json .}}', ref], { timeoutMs: INSPECT_MS });
  if (res.code !== 0 || res.timedOut) {
    const why = res.timedOut ? `no answer within ${INSPECT_MS / 1000} s` : (res.stderr.trim().split('\n').at(-1) ?? 'not found');
    return { error: truncate(why.replace(/^ERROR:\s*/, ''), 200) };
  }
  let data: Inspected;
  try {
    data = JSON.parse(res.stdout) as Inspected;
  } catch {
    return { error: 'the registry answered with something that is not an image manifest' };
  }
  const repo = repositoryOf(ref);
  const digest = data.manifest?.digest ?? '';
  const entries = data.manifest?.manifests;
  const variants: ImageVariant[] = [];
  if (entries) {
    for (const m of entries) {
      const platform = platformName(m.platform ?? {});
      // Attestation manifests (unknown/unknown) and duplicates are not images to run.
      if (platform.startsWith('unknown/') || variants.some((v) => v.platform === platform)) continue;
      variants.push({ platform, digest: m.digest, source: `${repo}@${m.digest}`, local: false });
    }
  } else if (digest) {
    variants.push({ platform: platformName(data.image ?? {}), digest, source: `${repo}@${digest}`, local: false });
  }
  if (variants.length === 0) return { error: 'its manifest names no runnable platform' };
  return { ref, digest, local: false, variants };
}

/** Resolve `--image REF`; one clear sentence (InputError) when it is neither a local image nor in a registry. */
export async function resolveImage(ref: string): Promise<ResolvedImage> {
  const fromLocal = async (): Promise<ResolvedImage | undefined> => {
    const v = await localImage(ref);
    return v ? { ref, digest: v.digest, local: true, variants: [v] } : undefined;
  };
  if (!namesRegistry(ref)) {
    const local = await fromLocal();
    if (local) return local;
  }
  const remote = await registryImage(ref);
  if (!('error' in remote)) return remote;
  const local = namesRegistry(ref) ? await fromLocal() : undefined;
  if (local) return local;
  throw new InputError(`--image ${ref} is neither a local image nor readable from its registry (${remote.error})`);
}

/**
 * The image to run for one platform: a local tag as it is; a registry platform pulled by
 * digest (unless already here) and tagged with the run's tag. The tag, and the pulled digest
 * reference when this run pulled it, are registered with the cleanup before the pull starts.
 */
export async function pullVariant(variant: ImageVariant, tag: string, cleanup: Cleanup): Promise<{ ok: true; image: string; seconds: number } | { ok: false; error: string; seconds: number }> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 10) / 100;
  if (variant.local) return { ok: true, image: variant.source, seconds: 0 };
  const present = await docker(['image', 'inspect', '--format', '{{.Id}}', variant.source], { timeoutMs: INSPECT_MS });
  const pulling = present.code !== 0;
  if (pulling) {
    cleanup.image(variant.source);
    const pulled = await docker(['pull', '--quiet', '--platform', variant.platform, variant.source], { timeoutMs: PULL_TIMEOUT_MS });
    if (pulled.code !== 0 || pulled.timedOut) {
      const why = pulled.timedOut ? `no answer within ${PULL_TIMEOUT_MS / 60_000} minutes` : (pulled.stderr.trim().split('\n').at(-1) ?? `exit ${pulled.code}`);
      return { ok: false, error: `docker pull ${variant.source} failed: ${truncate(why, 200)}`, seconds: seconds() };
    }
  }
  // Both references are this run's: removing them removes a pulled image entirely, and only untags one that was here.
  cleanup.image(tag);
  const tagged = await docker(['tag', variant.source, tag], { timeoutMs: INSPECT_MS });
  if (tagged.code !== 0) return { ok: false, error: `docker tag failed: ${truncate(tagged.stderr.trim(), 200)}`, seconds: seconds() };
  // What this run pulled is held by the run's tag alone from here on: a post step that finds
  // the run's tags (cleanupRun) then removes the image even if this process was killed.
  if (pulling) await docker(['rmi', variant.source], { timeoutMs: INSPECT_MS });
  return { ok: true, image: tag, seconds: seconds() };
}
