// The esbuild options of every bundle in dist/, shared by scripts/build.mjs and the tests
// that need to know what goes into the bundles (test/release/licenses.test.ts).
import fs from 'node:fs';
import path from 'node:path';

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
    plugins: [versionOnly],
    banner: { js: "import { createRequire as __egCreateRequire } from 'node:module'; const require = __egCreateRequire(import.meta.url);" },
  };
}

/**
 * src/version.ts imports package.json for its version; bundle only that field, so a change to
 * package.json's scripts or dependencies leaves dist/ as it is and a release changes one string.
 * @type {import('esbuild').Plugin}
 */
const versionOnly = {
  name: 'package-json-version-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, (args) => {
      if (path.dirname(args.path) !== path.resolve(b.initialOptions.absWorkingDir ?? process.cwd())) return undefined;
      const { version } = JSON.parse(fs.readFileSync(args.path, 'utf8'));
      return { contents: JSON.stringify({ version }), loader: 'json' };
    });
  },
};
