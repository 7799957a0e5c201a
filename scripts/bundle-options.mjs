// The esbuild options of every bundle in dist/, shared by scripts/build.mjs and the tests
// that need to know what goes into the bundles (test/release/licenses.test.ts).
import fs from 'node:fs';

/** Output name -> entry point. */
export const entries = {
  cli: 'src/cli-entry.ts',
  index: 'src/index.ts',
  post: 'src/post.ts',
};

/**
 * dist/ runs with plain `node` (no node_modules): the CLI on Node >= 22 (package.json
 * `engines`), the Action on GitHub's node24 runtime (action.yml `runs.using`).
 * @returns {import('esbuild').BuildOptions}
 */
export function bundleOptions() {
  return {
    entryPoints: Object.fromEntries(Object.entries(entries).filter(([, file]) => fs.existsSync(file))),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    splitting: false,
    // Third-party notices go to dist/licenses.txt (scripts/licenses.mjs), whole, instead.
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    // Some bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __egCreateRequire } from 'node:module'; const require = __egCreateRequire(import.meta.url);" },
  };
}
