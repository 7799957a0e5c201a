// CLI cold start: the bundled CLI (dist/cli.js) as users run it, vs `node -e 0` (the floor:
// starting Node itself). Wall time of each process from spawn to exit, interleaved, medians.
import fs from 'node:fs';
import path from 'node:path';
import { log, median, ROOT, run } from './lib.mjs';

/** A small, correct service image: a Node API with an exec'ing entrypoint script. */
const SMALL_DOCKERFILE = `FROM node:22-alpine
WORKDIR /app
COPY package.json ./
RUN npm ci --omit=dev
COPY . .
COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/
USER node
EXPOSE 3000
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "server.js"]
`;
const SMALL_WRAPPER = `#!/bin/sh
set -e
if [ "\${1#-}" != "$1" ]; then
  set -- node "$@"
fi
exec "$@"
`;

export async function benchColdStart({ cleanup, runs }) {
  const cli = path.join(ROOT, 'dist/cli.js');
  if (!fs.existsSync(cli)) return { skipped: 'dist/cli.js is missing: run `npm run build` first' };
  const ctx = cleanup.tmpDir('cold');
  fs.writeFileSync(path.join(ctx, 'Dockerfile'), SMALL_DOCKERFILE);
  fs.writeFileSync(path.join(ctx, 'docker-entrypoint.sh'), SMALL_WRAPPER);
  fs.writeFileSync(path.join(ctx, 'package.json'), '{"name":"api","version":"1.0.0"}\n');
  fs.writeFileSync(path.join(ctx, 'server.js'), "require('http').createServer((q, s) => s.end('ok')).listen(3000);\n");

  const cases = [
    { id: 'node', label: 'node -e 0', args: ['-e', '0'] },
    { id: 'version', label: 'entrypoint-guard --version', args: [cli, '--version'] },
    { id: 'static', label: 'entrypoint-guard --static Dockerfile (+ wrapper script)', args: [cli, '--static', '--fail-on', 'never', 'Dockerfile'] },
    // For reference (no target): the peers' own CLIs on the same Dockerfile.
    { id: 'dockerfilelint', label: 'dockerfilelint Dockerfile (reference)', args: [path.join(ROOT, 'node_modules/dockerfilelint/bin/dockerfilelint'), 'Dockerfile'], reference: true },
    { id: 'dockerfile-utils', label: 'dockerfile-utils lint Dockerfile (reference)', args: [path.join(ROOT, 'node_modules/dockerfile-utils/bin/dockerfile-utils'), 'lint', 'Dockerfile'], reference: true },
  ].filter((c) => !c.reference || fs.existsSync(c.args[0]));
  const times = Object.fromEntries(cases.map((c) => [c.id, []]));
  // Two unmeasured rounds fill the page cache, then interleave.
  for (let r = -2; r < runs; r++) {
    for (const c of cases) {
      const res = await run(process.execPath, c.args, { cwd: ctx });
      // Linters exit 1 when they report something; only a crash is an error.
      if (res.code !== 0 && !(c.reference && res.code === 1)) throw new Error(`cold start: node ${c.args.join(' ')} exited ${res.code}: ${res.stderr.trim()}`);
      if (r >= 0) times[c.id].push(res.ms);
    }
  }
  const base = median(times.node);
  const out = cases.map((c) => ({ id: c.id, label: c.label, ms: median(times[c.id]), runsMs: times[c.id], ratio: median(times[c.id]) / base, reference: c.reference === true }));
  log(`cold start: ${out.map((o) => `${o.id} ${o.ms.toFixed(1)} ms`).join(', ')}`);
  return { runs, cases: out };
}
