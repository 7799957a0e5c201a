// Runtime verification: buildx per platform, smoke checks, SIGTERM probe.
import type { Finding, PlatformResult } from '../findings.js';
import type { DockerfileModel } from '../model/types.js';
import type { Options } from '../options.js';

export interface RuntimeResult {
  findings: Finding[];
  platforms: PlatformResult[];
  notes: string[];
}

export async function runRuntime(_model: DockerfileModel, _options: Options): Promise<RuntimeResult> {
  return { findings: [], platforms: [], notes: ['Runtime checks skipped: not implemented yet.'] };
}
