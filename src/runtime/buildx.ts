// What the buildx client and the chosen builder can do, read from `docker buildx version` (a
// version, not a grep of `--help`) and `docker buildx inspect [NAME]` (driver, platforms).
import { InputError } from '../errors.js';
import type { Options } from '../options.js';
import { docker } from './docker.js';

const ASK_MS = 15_000;

export type Version = [number, number, number];

/** `github.com/docker/buildx v0.13.1 abc` / `… 0.13.1+ds1 0.13.1+ds1-3` -> [0, 13, 1]. */
export function parseBuildxVersion(text: string): Version | undefined {
  const m = /\bv?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.replace(/^\S*buildx\S*\s*/, ''));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

export function atLeast(v: Version | undefined, want: Version): boolean {
  if (!v) return false;
  for (let i = 0; i < 3; i++) if (v[i] !== want[i]) return v[i]! > want[i]!;
  return true;
}

/** Flags gated on the client's version (buildx release notes). */
export const FLAG_SINCE: Record<string, Version> = {
  '--metadata-file': [0, 6, 0],
  '--build-context': [0, 8, 0],
  '--provenance': [0, 10, 0],
  // `buildx.build.warnings` in the metadata file (with BUILDX_METADATA_WARNINGS=1).
  warnings: [0, 15, 0],
};

export interface BuildxInfo {
  version?: Version;
  driver?: string;
  platforms: string[];
}

let cached: Promise<Version | undefined> | undefined;

/** The client's version, asked once per process; undefined when it cannot be read (then no gated flag is used). */
export function buildxVersion(): Promise<Version | undefined> {
  cached ??= docker(['buildx', 'version'], { timeoutMs: ASK_MS }).then((r) => (r.code === 0 ? parseBuildxVersion(r.stdout) : undefined));
  return cached;
}

export function supports(version: Version | undefined, flag: keyof typeof FLAG_SINCE): boolean {
  return atLeast(version, FLAG_SINCE[flag]!);
}

/** `docker buildx inspect [NAME]`: its driver and the platforms it lists. A named builder that does not exist is bad input. */
export async function inspectBuilder(builder: string | undefined): Promise<{ driver?: string; platforms: string[] }> {
  const res = await docker(['buildx', 'inspect', ...(builder ? [builder] : [])], { timeoutMs: ASK_MS });
  if (res.code !== 0) {
    if (builder) throw new InputError(`buildx builder ${builder} does not exist or does not answer (docker buildx ls lists the builders)`);
    return { platforms: [] };
  }
  const driver = /^Driver:\s*(\S+)/m.exec(res.stdout)?.[1];
  const line = /^Platforms:\s*(.*)$/m.exec(res.stdout)?.[1] ?? '';
  const platforms = line.split(',').map((s) => s.replace(/\*$/, '').trim()).filter(Boolean);
  return { driver, platforms };
}

/**
 * Refuse, in one sentence and before anything is built, what this builder and client cannot do:
 * a cache export other than inline on the docker driver (gha, local and registry need the
 * docker-container driver), --build-context before buildx 0.8.
 */
export function checkBuildOptions(options: Options, info: BuildxInfo): void {
  if (info.driver === 'docker') {
    const exported = options.cacheTo.find((spec) => !/^(type=)?inline(,|$)/.test(spec));
    if (exported) {
      const type = /(?:^|,)type=([^,]+)/.exec(exported)?.[1] ?? exported.split(',')[0];
      throw new InputError(
        `--cache-to type=${type} needs a builder with the docker-container driver (docker/setup-buildx-action, or docker buildx create --driver docker-container --use); the ${options.builder ?? 'current'} builder uses the docker driver`,
      );
    }
  }
  if (options.buildContexts.length > 0 && info.version && !supports(info.version, '--build-context')) {
    throw new InputError(`--build-context needs buildx 0.8 or later (this is ${info.version.join('.')})`);
  }
}
