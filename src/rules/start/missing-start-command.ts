// The final image neither sets nor inherits a start command beyond a plain OS base image.
import type { StaticRule } from '../types.js';

export const rule: StaticRule = {
  id: 'missing-start-command',
  severity: 'info',
  title: 'No start command',
  description: 'The final image sets no ENTRYPOINT or CMD on top of a plain OS base image: it has no startup contract.',
  check(model) {
    if (model.windows || model.start.argv.length > 0 || !model.base.plainOs) return [];
    const from = model.finalStage.from;
    const message = model.base.scratch
      ? 'The final image is built `FROM scratch` and sets no ENTRYPOINT or CMD, so `docker run` without a command fails with "no command specified".'
      : `The final image sets no ENTRYPOINT or CMD, so it starts whatever the plain OS base \`${model.base.ref}\` defaults to (a shell at most) and has no startup contract.`;
    return [
      {
        message,
        fix: 'Declare how the image starts, e.g. `ENTRYPOINT ["/usr/local/bin/app"]` (exec form), or ignore this for images that are only used as a base or a tool.',
        range: from.range,
      },
    ];
  },
};
