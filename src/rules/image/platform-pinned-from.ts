// `FROM --platform=<constant>` on a stage that builds the final image.
import type { RuleHit, StaticRule } from '../types.js';

export const rule: StaticRule = {
  id: 'platform-pinned-from',
  severity: 'warning',
  title: 'FROM pinned to one platform',
  description: 'A constant `FROM --platform` on a stage of the final image gives every platform\'s image that one platform\'s binaries.',
  check(model) {
    if (model.windows) return [];
    const hits: RuleHit[] = [];
    for (const stage of model.chain) {
      const platform = stage.platform?.trim();
      // `$BUILDPLATFORM`, `$TARGETPLATFORM`, `${ARG}`: chosen per build, not pinned.
      if (!platform || platform.includes('$')) continue;
      const image = stage.fromText;
      const final = stage === model.finalStage;
      hits.push({
        message: `\`FROM --platform=${platform} ${image}\` pins ${final ? 'the final image' : `stage ${stage.name ?? stage.index}, which the final image is built from,`} to ${platform}, so the image built for every other platform gets ${platform} binaries and fails with \`exec format error\` (or runs under emulation).`,
        fix: `Drop \`--platform=${platform}\` (or write \`--platform=$TARGETPLATFORM\`); keep \`--platform=$BUILDPLATFORM\` only on build stages that cross-compile.`,
        range: stage.from.range,
      });
    }
    return hits;
  },
};
