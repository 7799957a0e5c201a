// 4. Scale: a monorepo of 6 Dockerfiles x 2 platforms, checked as one unsharded run (the
// Action's way: one Dockerfile after another, both platforms of each at once) against the
// matrix way simulated here: `entrypoint-guard plan`, the 12 shards (`--platforms P
// --plan-platforms both --format json`) two at a time (this machine's cores), and `merge`.
// On GitHub every shard has a runner of its own, so the expected workflow time is the slowest
// shard plus the merge (plus the runners' own job start-up, not measured here).
import fs from 'node:fs';
import path from 'node:path';
import { log, nowMs, ROOT, run } from './lib.mjs';

export const BASE_IMAGE = '127.0.0.1:5000/eg-busybox:latest';
const CLI = path.join(ROOT, 'dist/cli.js');
const LOOP = "trap 'exit 0' TERM; while :; do sleep 0.2; done";

/** Six small services: exec form, a wrapper with exec "$@", a shell-form CMD, a HEALTHCHECK, an env-driven wrapper, a one-shot-ish worker. */
function fixture(dir) {
  const files = {};
  const svc = (name, body, extra = {}) => {
    files[`services/${name}/Dockerfile`] = `FROM ${BASE_IMAGE}\n${body}`;
    for (const [k, v] of Object.entries(extra)) files[`services/${name}/${k}`] = v;
  };
  svc('api', `CMD ["sh", "-c", "${LOOP}"]\n`);
  svc('web', 'COPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["sh", "-c", "' + LOOP + '"]\n', { 'entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n' });
  svc('worker', `CMD sh -c "${LOOP}"\n`);
  svc('health', `HEALTHCHECK --interval=1s CMD true\nCMD ["sh", "-c", "${LOOP}"]\n`);
  svc('cron', 'COPY run.sh /run.sh\nENTRYPOINT ["/run.sh"]\n', { 'run.sh': `#!/bin/sh\nset -eu\n${LOOP}\n` });
  svc('admin', `ENV MODE=admin\nSTOPSIGNAL SIGTERM\nCMD ["sh", "-c", "${LOOP}"]\n`);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content, { mode: rel.endsWith('.sh') ? 0o755 : 0o644 });
  }
  return Object.keys(files).filter((f) => f.endsWith('/Dockerfile')).sort();
}

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }));
  return results;
}

export async function benchScale({ cleanup, startupWait = 3, concurrency = 2 }) {
  if (!fs.existsSync(CLI)) return { skipped: 'dist/cli.js is missing (npm run build)' };
  const engine = await run('docker', ['version', '-f', '{{.Server.Version}}'], { timeoutMs: 15_000 });
  if (engine.code !== 0) return { skipped: 'no Docker engine answered' };
  cleanup.usesDocker = true;
  const dir = cleanup.tmpDir('scale');
  const dockerfiles = fixture(dir);
  const common = ['--startup-wait', String(startupWait), '--grace-period', '5', '--fail-on', 'never'];
  const cli = (args) => run(process.execPath, [CLI, ...args], { cwd: dir, timeoutMs: 900_000 });

  // Warm-up: every image built once, so both sides measure cached builds alike.
  log(`scale: warm-up (${dockerfiles.length} Dockerfiles x 2 platforms)`);
  for (const d of dockerfiles) await cli([...common, '--format', 'json', '--output', path.join(dir, 'warm.json'), d]);

  log('scale: unsharded (one Dockerfile after another, both platforms each)');
  const t0 = nowMs();
  const perDockerfile = [];
  for (const [i, d] of dockerfiles.entries()) {
    const r = await cli([...common, '--format', 'json', '--output', path.join(dir, `unsharded-${i}.json`), d]);
    if (r.code !== 0) return { skipped: `the unsharded run of ${d} failed: ${r.stderr.trim().split('\n').pop()}` };
    perDockerfile.push(r.ms);
  }
  const unshardedMs = nowMs() - t0;

  log(`scale: plan + ${dockerfiles.length * 2} shards ${concurrency} at a time + merge`);
  const t1 = nowMs();
  const plan = await cli(['plan', 'services/*/Dockerfile']);
  if (plan.code !== 0) return { skipped: `plan failed: ${plan.stderr.trim()}` };
  const entries = JSON.parse(plan.stdout).include;
  fs.mkdirSync(path.join(dir, 'shards'));
  const shards = await mapLimit(entries, concurrency, async (e) => {
    const out = path.join(dir, 'shards', `${e.report}.json`);
    const r = await cli([...common, '--platforms', e.platform, '--plan-platforms', e.platforms, '--context', e.context, '--format', 'json', '--output', out, e.dockerfile]);
    return { report: e.report, platform: e.platform, ms: r.ms, ok: r.code === 0 };
  });
  const t2 = nowMs();
  const merge = await cli(['merge', '--format', 'json', '--output', path.join(dir, 'merged.json'), ...entries.map((e) => path.join('shards', `${e.report}.json`))]);
  const shardedMs = nowMs() - t1;
  if (shards.some((s) => !s.ok) || merge.code !== 0) return { skipped: `a shard or the merge failed: ${merge.stderr.trim()}` };

  const slowest = (platform) => Math.max(...shards.filter((s) => !platform || s.platform === platform).map((s) => s.ms));
  // The same findings both ways (a sanity check, not a measurement).
  const merged = JSON.parse(fs.readFileSync(path.join(dir, 'merged.json'), 'utf8'));
  // Each JSON report is an array (one object per Dockerfile).
  const unsharded = dockerfiles.flatMap((_, i) => JSON.parse(fs.readFileSync(path.join(dir, `unsharded-${i}.json`), 'utf8')));
  const key = (reports) => reports.flatMap((r) => r.findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.platforms?.join(',') ?? ''}`)).sort().join('\n');
  return {
    dockerfiles: dockerfiles.length,
    shards: shards.length,
    concurrency,
    unshardedMs,
    unshardedPerDockerfileMs: perDockerfile,
    planMs: plan.ms,
    shardsWallMs: t2 - (t1 + plan.ms),
    shardedMs,
    mergeMs: merge.ms,
    shardMs: shards,
    slowestShardMs: slowest(),
    slowestNativeShardMs: slowest('linux/amd64'),
    slowestEmulatedShardMs: slowest('linux/arm64'),
    expectedGithubMs: slowest('linux/amd64') + merge.ms,
    sameFindings: key(merged) === key(unsharded),
  };
}
