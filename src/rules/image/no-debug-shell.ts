// The final image has no shell at all (scratch, distroless): `--entrypoint /bin/sh` debugging will not work.
import { lacksShell } from '../../model/base-image.js';
import { analyseInstalls } from '../../model/installs.js';
import type { StaticRule } from '../types.js';

/** The `:debug` tag for a distroless reference: `gcr.io/distroless/static-debian12:nonroot` -> `…:debug-nonroot`. */
export function debugVariant(ref: string): string {
  const at = ref.indexOf('@');
  const bare = at >= 0 ? ref.slice(0, at) : ref;
  const slash = bare.lastIndexOf('/');
  const colon = bare.lastIndexOf(':');
  if (colon <= slash) return `${bare}:debug`;
  const tag = bare.slice(colon + 1);
  const repo = bare.slice(0, colon);
  return tag === 'latest' || tag === '' ? `${repo}:debug` : tag.startsWith('nonroot') ? `${repo}:debug-nonroot` : `${repo}:debug`;
}

export const rule: StaticRule = {
  id: 'no-debug-shell',
  severity: 'info',
  title: 'No shell for debugging',
  description: 'The final image has no shell: `docker run --entrypoint /bin/sh` and `kubectl exec … sh` cannot be used to look inside it.',
  check(model) {
    if (model.windows || !lacksShell(model.base)) return [];
    // Someone copies a shell in (`COPY --from=busybox:musl /bin/busybox /busybox/`).
    if (analyseInstalls(model).maybe.has('sh')) return [];
    const from = model.chain[0]!.from;
    if (model.base.scratch) {
      return [{
        message: 'The final image is built `FROM scratch` and has no shell, so `docker run --entrypoint /bin/sh` and `kubectl exec … sh` cannot be used to debug it.',
        fix: 'Debug with an ephemeral container (`kubectl debug -it <pod> --image=busybox --target=<container>`), or build a debug variant `FROM busybox:musl` with the same files.',
        range: from.range,
      }];
    }
    return [{
      message: `The final image ${model.base.ref} is distroless and has no shell, so \`docker run --entrypoint /bin/sh\` and \`kubectl exec … sh\` cannot be used to debug it.`,
      fix: `For debugging, build a variant \`FROM ${debugVariant(model.base.ref)}\` (it has a BusyBox shell at /busybox/sh), or use \`kubectl debug\` with an ephemeral container.`,
      range: from.range,
    }];
  },
};
