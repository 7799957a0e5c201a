// `entrypoint-guard plan`: the job matrix for a fixture monorepo (globs, exclusions, runner
// labels, a diff that touches one service's wrapper script), through the CLI's own entry.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { makeContext } from '../helpers.js';

const FROM = 'FROM 127.0.0.1:5000/eg-busybox:latest\n';

function monorepo(): string {
  return makeContext({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'services/api/Dockerfile': `${FROM}COPY docker/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["httpd", "-f"]\n`,
    'services/api/docker/entrypoint.sh': { content: '#!/bin/sh\nset -e\nexec "$@"\n', mode: 0o755 },
    'services/web/Dockerfile': `${FROM}CMD ["httpd", "-f"]\n`,
    'services/worker/Dockerfile': `${FROM}CMD ["sleep", "3600"]\n`,
    'services/legacy/Dockerfile': `${FROM}CMD sleep 3600\n`,
    'tools/Dockerfile.dev': `${FROM}CMD ["sh"]\n`,
  });
}

async function plan(args: string[], cwd: string, stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(['plan', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd, readStdin: () => stdin });
  return { code, out, err, matrix: code === 0 ? (JSON.parse(out) as { include: Record<string, string>[] }) : undefined };
}

describe('entrypoint-guard plan', () => {
  it('gives one entry per Dockerfile x platform, native runners, contexts and stable unique report names', async () => {
    const repo = monorepo();
    const { code, matrix, err } = await plan(['services/*/Dockerfile', '!services/legacy/**', 'tools/Dockerfile.*'], repo);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(matrix!.include).toEqual(
      ['services/api/Dockerfile', 'services/web/Dockerfile', 'services/worker/Dockerfile', 'tools/Dockerfile.dev'].flatMap((dockerfile) => {
        const context = dockerfile.slice(0, dockerfile.lastIndexOf('/'));
        const slug = dockerfile.toLowerCase().replace(/\//g, '-');
        return [
          { dockerfile, context, platform: 'linux/amd64', runner: 'ubuntu-24.04', report: `${slug}--linux-amd64`, platforms: 'linux/amd64,linux/arm64' },
          { dockerfile, context, platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', report: `${slug}--linux-arm64`, platforms: 'linux/amd64,linux/arm64' },
        ];
      }),
    );
    // The same plan twice is the same JSON (artifact names must not drift between runs).
    expect((await plan(['services/*/Dockerfile', '!services/legacy/**', 'tools/Dockerfile.*'], repo)).out).toBe(JSON.stringify(matrix) + '\n');
  });

  it('takes runner labels and platforms from the flags, and a root Dockerfile by default', async () => {
    const repo = makeContext({ Dockerfile: `${FROM}CMD ["sh"]\n` });
    const { matrix } = await plan(['--platforms', 'linux/arm64,linux/riscv64', '--runner', 'linux/arm64=self-hosted-graviton'], repo);
    expect(matrix!.include.map((e) => [e.dockerfile, e.context, e.platform, e.runner, e.report])).toEqual([
      ['Dockerfile', '.', 'linux/arm64', 'self-hosted-graviton', 'dockerfile--linux-arm64'],
      // No native runner of its own: emulated on the default amd64 runner.
      ['Dockerfile', '.', 'linux/riscv64', 'ubuntu-24.04', 'dockerfile--linux-riscv64'],
    ]);
  });

  it('with --filter-mode and --diff plans only the Dockerfiles whose start chain changed', async () => {
    const repo = monorepo();
    const diff = [
      'diff --git a/services/api/docker/entrypoint.sh b/services/api/docker/entrypoint.sh',
      '--- a/services/api/docker/entrypoint.sh',
      '+++ b/services/api/docker/entrypoint.sh',
      '@@ -1,2 +1,3 @@',
      ' #!/bin/sh',
      '+set -e',
      ' exec "$@"',
      'diff --git a/README.md b/README.md',
      '--- a/README.md',
      '+++ b/README.md',
      '@@ -1 +1 @@',
      '-old',
      '+new',
      '',
    ].join('\n');
    const { matrix } = await plan(['--filter-mode', 'file', '--diff', '-', 'services/*/Dockerfile'], repo, diff);
    expect(matrix!.include.map((e) => `${e.dockerfile} ${e.platform}`)).toEqual(['services/api/Dockerfile linux/amd64', 'services/api/Dockerfile linux/arm64']);
    // Nothing of a start chain changed: an empty plan, not every Dockerfile.
    const none = await plan(['--filter-mode', 'added', '--diff', '-', 'services/*/Dockerfile'], repo, diff.split('diff --git a/README.md')[0]!.replace(/services\/api/g, 'docs'));
    expect(none.matrix).toEqual({ include: [] });
  });

  it('refuses bad input with one line and exit 2', async () => {
    const repo = monorepo();
    for (const [args, pattern] of [
      [['--runner', 'linux/arm64'], /--runner must be PLATFORM=LABEL/],
      [['--runner', 'linux/s390x=big-iron', 'services/*/Dockerfile'], /names a platform that is not planned/],
      [['nothing/*/Dockerfile'], /matches no file/],
      [['--filter-mode', 'file', 'services/*/Dockerfile'], /needs --diff/],
    ] as const) {
      const r = await plan([...args], repo);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(pattern);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('the reports input', () => {
  it('expands relative and absolute globs (download-artifact into runner.temp) and refuses a glob that matches nothing', async () => {
    const { expandReports } = await import('../../src/action-inputs.js');
    const dir = makeContext({ 'shards/a--linux-amd64.json': '{}', 'shards/a--linux-arm64.json': '{}', 'shards/notes.txt': '' });
    expect(expandReports('shards/*.json', dir)).toEqual(['shards/a--linux-amd64.json', 'shards/a--linux-arm64.json']);
    expect(expandReports(`${dir}/shards/*.json`, '/')).toEqual([`${dir}/shards/a--linux-amd64.json`, `${dir}/shards/a--linux-arm64.json`]);
    expect(() => expandReports('shards/*.sarif', dir)).toThrow(/matches no file/);
  });
});
