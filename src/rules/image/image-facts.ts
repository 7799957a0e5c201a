// Shared wording about the final base image for the image rules.
import type { BaseImage } from '../../model/types.js';

const FAMILY_LABEL: Record<string, string> = {
  alpine: 'Alpine-based',
  busybox: 'BusyBox-based',
  debian: 'Debian-based',
  ubuntu: 'Ubuntu-based',
  rhel: 'RHEL-family',
  distroless: 'distroless',
  wolfi: 'Wolfi-based',
};

/** `node:20-alpine, Alpine-based`, `scratch`, `gcr.io/distroless/static-debian12, distroless`. */
export function baseDescription(base: BaseImage): string {
  if (base.scratch) return 'FROM scratch';
  const label = FAMILY_LABEL[base.family];
  return label ? `${base.ref}, ${label}` : base.ref;
}
