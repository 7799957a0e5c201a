// The Debian bookworm bases of `.ci/build-bases.sh` really run their runtimes on both platforms
// (linux/arm64 through qemu), checked with plain docker commands: no mocks, no entrypoint-guard
// code in between. Later runtime tests take these as their ground truth.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docker } from '../../src/runtime/docker.js';
import { archImage, basesAvailable, basesSkipReason, DEBIAN_BASE, NODE_BASE, PYTHON_BASE, WEB_BASE } from './bases.js';
import { PLATFORMS } from './engine.js';

const T = 240_000;
const UNAME = { 'linux/amd64': 'x86_64', 'linux/arm64': 'aarch64' } as Record<string, string>;
const NODE_ARCH = { 'linux/amd64': 'x64', 'linux/arm64': 'arm64' } as Record<string, string>;

/** `docker run --rm` of a base's per-arch image; the output lines (stderr appended on failure). */
async function run(base: string, platform: string, args: string[]): Promise<string[]> {
  const r = await docker(['run', '--rm', '--network', 'none', '--platform', platform, archImage(base, platform), ...args], { timeoutMs: 180_000 });
  if (r.code !== 0) throw new Error(`docker run ${archImage(base, platform)} ${args.join(' ')}: exit ${r.code}\n${r.stdout}${r.stderr}`);
  return r.stdout.trim().split('\n');
}

describe.skipIf(!basesAvailable).concurrent(`Debian bases on linux/amd64 and emulated linux/arm64${basesAvailable ? '' : ` (skipped: ${basesSkipReason})`}`, () => {
  for (const platform of PLATFORMS) {
    it(`eg-debian on ${platform}: dash is /bin/sh, bash, coreutils, tini, gosu`, async () => {
      const script = [
        'uname -m',
        'readlink -f /bin/sh',
        'echo "${BASH_VERSION:-not bash}"',
        'bash -c \'echo "bash $BASH_VERSION"\'',
        '. /etc/os-release && echo "$VERSION_CODENAME"',
        'sleep 0.1 && printf "%s\\n" a b | cat | wc -l',
        'env | grep "^PATH="',
        'id -un',
        'tini --version',
        'gosu --version | cut -d" " -f1',
      ].join('; ');
      const out = await run(DEBIAN_BASE, platform, ['/bin/sh', '-c', script]);
      expect(out).toEqual([
        UNAME[platform],
        '/usr/bin/dash',
        'not bash',
        expect.stringMatching(/^bash 5\.2\./),
        'bookworm',
        '2',
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'root',
        expect.stringMatching(/^tini version 0\.19/),
        expect.stringMatching(/^1\.\d+/),
      ]);
      // the image's own CMD is bash, like debian:bookworm's
      expect(await run(DEBIAN_BASE, platform, [])).toEqual(['']);
    }, T);

    it(`eg-node on ${platform}: node serves a request, npm runs`, async () => {
      const server =
        "const http = require('http'); const s = http.createServer((q, r) => r.end('ok ' + process.arch));" +
        "s.listen(0, '127.0.0.1', () => http.get('http://127.0.0.1:' + s.address().port + '/', (r) => r.on('data', (d) => { console.log(String(d)); process.exit(0); })));";
      expect(await run(NODE_BASE, platform, ['node', '-e', server])).toEqual([`ok ${NODE_ARCH[platform]}`]);
      const [node, npm, sh] = await run(NODE_BASE, platform, ['sh', '-c', 'node --version; npm --version; readlink -f /bin/sh']);
      expect(node).toMatch(/^v18\./);
      expect(npm).toMatch(/^9\./);
      expect(sh).toBe('/usr/bin/dash');
    }, T);

    it(`eg-python on ${platform}: gunicorn serves a request`, async () => {
      const script = [
        'cd /tmp',
        'printf "def app(environ, start_response):\\n    start_response(\\"200 OK\\", [])\\n    return [b\\"ok\\"]\\n" > app.py',
        '(gunicorn --bind 127.0.0.1:8000 --workers 1 app:app 2>/tmp/gunicorn.log &)',
        'for i in $(seq 1 300); do python3 -c "import urllib.request as u, platform; print(u.urlopen(\\"http://127.0.0.1:8000/\\").read().decode(), platform.machine())" 2>/dev/null && exit 0; sleep 0.2; done',
        'cat /tmp/gunicorn.log; exit 1',
      ].join('\n');
      expect(await run(PYTHON_BASE, platform, ['sh', '-c', script])).toEqual([`ok ${UNAME[platform]}`]);
      const [gunicorn, python] = await run(PYTHON_BASE, platform, ['sh', '-c', 'gunicorn --version; python3 --version']);
      expect(gunicorn).toMatch(/^gunicorn \(version 20\./);
      expect(python).toMatch(/^Python 3\.11\./);
    }, T);

    it(`eg-web on ${platform}: Debian's nginx and php-fpm run their config tests`, async () => {
      const [nginx, fpm, fpmTest] = await run(WEB_BASE, platform, ['sh', '-c', 'nginx -v 2>&1; php-fpm8.2 -v | head -1; php-fpm8.2 -t 2>&1 | grep successful']);
      expect(nginx).toMatch(/^nginx version: nginx\/1\.22\./);
      expect(fpm).toMatch(/^PHP 8\.2\.\d+ \(fpm-fcgi\)/);
      expect(fpmTest).toMatch(/configuration file \/etc\/php\/8\.2\/fpm\/php-fpm\.conf test is successful/);
    }, T);
  }

  it('each list builds FROM for both platforms with buildx', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-bases-'));
    const tag = `eg-bases-test-${process.pid}`;
    try {
      for (const [base, check] of [
        [DEBIAN_BASE, 'uname -m'],
        [NODE_BASE, 'node -p process.arch'],
        [PYTHON_BASE, 'python3 -c "import platform; print(platform.machine())"'],
      ] as const) {
        fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${base}\nRUN ${check} > /built-for\nCMD ["cat", "/built-for"]\n`);
        for (const platform of PLATFORMS) {
          const image = `${tag}:${platform.split('/')[1]}`;
          const build = await docker(['buildx', 'build', '-q', '--platform', platform, '--load', '-t', image, dir], { timeoutMs: 180_000 });
          expect(build.code, `${base} ${platform}: ${build.stderr}`).toBe(0);
          const out = await docker(['run', '--rm', '--platform', platform, image], { timeoutMs: 60_000 });
          expect(out.stdout.trim(), `${base} on ${platform}`).toBe(base === NODE_BASE ? NODE_ARCH[platform] : UNAME[platform]);
        }
      }
    } finally {
      await docker(['rmi', '-f', ...PLATFORMS.map((p) => `${tag}:${p.split('/')[1]}`)], { timeoutMs: 60_000 });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, T);
});
