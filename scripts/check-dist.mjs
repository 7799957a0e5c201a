#!/usr/bin/env node
// dist/ is committed and is what the Action and `npx entrypoint-guard` run: rebuild it and fail
// when the result differs from what is committed, dist/licenses.txt included. A file the build
// adds or drops counts too (git status, not only git diff). Used by .ci/run, check-dist.yml
// and release.yml.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (status.trim() !== '') {
  const gha = process.env.GITHUB_ACTIONS === 'true' ? '::error::' : '';
  console.error(`${gha}dist/ is stale: run 'npm run build' and commit dist/.`);
  console.error(status.trimEnd());
  console.error(execFileSync('git', ['diff', '--stat', '--', 'dist'], { encoding: 'utf8' }).trimEnd());
  process.exit(1);
}
console.log('check-dist: dist/ matches the sources');
