// Each fixable rule's fix on real files (test/fixtures/fix/<case>: trimmed copies of public
// repositories at the commit named beside each case), applied as --fix does: the finding is gone,
// no new finding appears, a second pass changes nothing; and near misses --fix leaves alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { fixAt, read, rules, workdir, type Fixed } from './fix-helpers.js';

/** The rule's findings are gone, every other rule has no more findings than before, and a second --fix changes nothing. */
function expectFixed(dir: string, fixed: Fixed, rule: string, o: { dockerfile?: string; context?: string } = {}): void {
  expect(fixed.before.filter((f) => f.rule === rule).length).toBeGreaterThan(0);
  expect(fixed.after.filter((f) => f.rule === rule)).toEqual([]);
  const count = (fs: Finding[], r: string) => fs.filter((f) => f.rule === r).length;
  for (const r of new Set(rules(fixed.after))) expect(count(fixed.after, r), r).toBeLessThanOrEqual(count(fixed.before, r));
  const again = fixAt(dir, o);
  expect(again.diff).toBe('');
  expect(again.passes).toBe(0);
}

describe('shell-form-entrypoint', () => {
  it('papodaca/EmployeeManager@406d34ce: `ENTRYPOINT ./start.sh` becomes exec form', () => {
    const dir = workdir('employeemanager');
    const fixed = fixAt(dir);
    expect(read(dir, 'Dockerfile').split('\n').at(-2)).toBe('ENTRYPOINT ["./start.sh"]');
    expect(fixed.diff).toContain('-ENTRYPOINT ./start.sh\n+ENTRYPOINT ["./start.sh"]');
    expectFixed(dir, fixed, 'shell-form-entrypoint');
  });

  it('with a CMD in effect the rewrite would hand it to the program: only --fix-unsafe makes it', () => {
    const files = { Dockerfile: 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT node server.js\nCMD ["--port", "8080"]\n', 'server.js': '\n' };
    const safe = workdir(files);
    expect(fixAt(safe).diff).toBe('');
    const unsafe = workdir(files);
    fixAt(unsafe, { unsafe: true });
    expect(read(unsafe, 'Dockerfile')).toContain('ENTRYPOINT ["node", "server.js"]\nCMD ["--port", "8080"]');
  });
});

describe('shell-form-cmd', () => {
  it('one simple command of plain words becomes exec form; a continuation line is joined', () => {
    const dir = workdir({ Dockerfile: 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\n# keep this comment\nCMD node \\\n    --enable-source-maps server.js\n', 'server.js': '\n' });
    const fixed = fixAt(dir);
    expect(read(dir, 'Dockerfile')).toBe('FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\n# keep this comment\nCMD ["node", "--enable-source-maps", "server.js"]\n');
    expectFixed(dir, fixed, 'shell-form-cmd');
  });

  it('near misses: operators, variables, another shell (schickling/dockerfiles@e3175859 redis-commander), a login SHELL', () => {
    const cases = [
      'FROM python:3.12-slim\nCOPY . /app\nCMD python manage.py migrate && gunicorn app.wsgi\n',
      'FROM python:3.12-slim\nCOPY . /app\nCMD gunicorn --bind 0.0.0.0:$PORT app.wsgi\n',
      'FROM python:3.12-slim\nSHELL ["/bin/bash", "--login", "-c"]\nCOPY . /app\nCMD gunicorn app.wsgi\n',
    ];
    for (const text of cases) {
      const dir = workdir({ Dockerfile: text });
      const fixed = fixAt(dir);
      expect(fixed.before.some((f) => f.rule === 'shell-form-cmd'), text).toBe(true);
      expect(fixed.diff, text).toBe('');
      expect(read(dir, 'Dockerfile')).toBe(text);
    }
    const dir = workdir('redis-commander');
    const before = read(dir, 'redis-commander/Dockerfile');
    const fixed = fixAt(dir, { dockerfile: 'redis-commander/Dockerfile' });
    expect(fixed.before.some((f) => f.rule === 'shell-form-cmd')).toBe(true);
    expect(fixed.diff).toBe('');
    expect(read(dir, 'redis-commander/Dockerfile')).toBe(before);
  });
});

describe('shell-form-cmd under --fix-unsafe', () => {
  it('with operators or variables, `exec` before the last command (never before a package manager)', () => {
    const cases: [string, string | undefined][] = [
      ['CMD python manage.py migrate && gunicorn app.wsgi', 'CMD python manage.py migrate && exec gunicorn app.wsgi'],
      ['CMD gunicorn --bind 0.0.0.0:$PORT app.wsgi', 'CMD exec gunicorn --bind 0.0.0.0:$PORT app.wsgi'],
      ['CMD python manage.py migrate && npm start', undefined],
    ];
    for (const [cmd, want] of cases) {
      const dir = workdir({ Dockerfile: `FROM python:3.12-slim\nCOPY . /app\n${cmd}\n` });
      const fixed = fixAt(dir, { unsafe: true });
      expect(read(dir, 'Dockerfile'), cmd).toBe(`FROM python:3.12-slim\nCOPY . /app\n${want ?? cmd}\n`);
      if (want) expectFixed(dir, fixed, 'shell-form-cmd');
    }
  });
});

describe('shell-form-cmd-after-entrypoint', () => {
  it('the CMD handed to an exec-form ENTRYPOINT becomes exec form', () => {
    const dir = workdir({
      Dockerfile: 'FROM python:3.12-slim\nCOPY app.py /app/\nENTRYPOINT ["tini", "--"]\nCMD python /app/app.py\n',
      'app.py': '\n',
    });
    const fixed = fixAt(dir);
    expect(read(dir, 'Dockerfile')).toContain('CMD ["python", "/app/app.py"]');
    expectFixed(dir, fixed, 'shell-form-cmd-after-entrypoint');
  });
});

describe('package-manager-as-pid1', () => {
  it('0xBonks/speech_srt@7cee1fb0: `npm run start` becomes the command scripts.start runs', () => {
    const dir = workdir('speech-srt');
    const fixed = fixAt(dir);
    expect(JSON.parse(read(dir, 'package.json')).scripts.start).toBe('node server/server.js');
    expect(read(dir, 'Dockerfile')).toMatch(/\nCMD \["node", "server\/server\.js"\]$/);
    expectFixed(dir, fixed, 'package-manager-as-pid1');
  });

  it('near misses: a script that is not one simple command, a program only on node_modules/.bin, a prestart script, extra arguments', () => {
    const dockerfile = 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n';
    for (const scripts of [{ start: 'node migrate.js && node server.js' }, { start: 'next start' }, { start: 'node server.js', prestart: 'node build.js' }, { start: 'NODE_ENV=production node server.js' }]) {
      const dir = workdir({ Dockerfile: dockerfile, 'package.json': JSON.stringify({ scripts }) });
      const fixed = fixAt(dir);
      expect(fixed.before.some((f) => f.rule === 'package-manager-as-pid1'), JSON.stringify(scripts)).toBe(true);
      expect(fixed.diff, JSON.stringify(scripts)).toBe('');
    }
    const dir = workdir({ Dockerfile: dockerfile.replace('["npm", "start"]', '["npm", "start", "--", "--port", "80"]'), 'package.json': '{"scripts":{"start":"node server.js"}}' });
    expect(fixAt(dir).diff).toBe('');
  });
});

describe('wrapper-missing-exec', () => {
  it('0xEDU/ft_transcendence@3ae710ea: the final runserver gets exec', () => {
    const dir = workdir('ft-transcendence');
    const fixed = fixAt(dir);
    expect(read(dir, 'docker-entrypoint.sh')).toContain('\nexec python manage.py runserver_plus --cert-file cert.pem --key-file key.pem 0.0.0.0:8000');
    expectFixed(dir, fixed, 'wrapper-missing-exec');
  });

  it('Usouf/docker-test@6daad337: gunicorn after background celery workers gets exec', () => {
    const dir = workdir('docker-test');
    const fixed = fixAt(dir);
    expect(read(dir, 'run.sh')).toContain('\nexec /usr/local/bin/gunicorn docker_test.wsgi:application --bind "0.0.0.0:${RUN_PORT}"\n');
    expectFixed(dir, fixed, 'wrapper-missing-exec');
  });

  it('minio/minio@7aac2a2c: inside the function the script calls last, both chroot branches get exec', () => {
    const dir = workdir('minio');
    const before = read(dir, 'dockerscripts/docker-entrypoint.sh');
    const fixed = fixAt(dir);
    const after = read(dir, 'dockerscripts/docker-entrypoint.sh');
    expect(after).toBe(before.replace('\t\t\tchroot --userspec=${MINIO_UID}', '\t\t\texec chroot --userspec=${MINIO_UID}').replace('\t\t\tchroot --userspec=${MINIO_USERNAME}', '\t\t\texec chroot --userspec=${MINIO_USERNAME}'));
    expectFixed(dir, fixed, 'wrapper-missing-exec');
  });

  it('`"$@"` at the end becomes `exec "$@"`; with an EXIT trap only --fix-unsafe does it', () => {
    const dockerfile = 'FROM debian:bookworm-slim\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["sleep", "infinity"]\n';
    const dir = workdir({ Dockerfile: dockerfile, 'entrypoint.sh': '#!/bin/sh\nset -e\nmkdir -p /run/app\n"$@"\n' });
    const fixed = fixAt(dir);
    expect(read(dir, 'entrypoint.sh')).toBe('#!/bin/sh\nset -e\nmkdir -p /run/app\nexec "$@"\n');
    expectFixed(dir, fixed, 'wrapper-missing-exec');
    const trap = { Dockerfile: dockerfile, 'entrypoint.sh': "#!/bin/sh\nset -e\ntrap 'rm -f /run/app.pid' EXIT\n\"$@\"\n" };
    expect(fixAt(workdir(trap)).diff).toBe('');
    const unsafe = workdir(trap);
    fixAt(unsafe, { unsafe: true });
    expect(read(unsafe, 'entrypoint.sh')).toContain('\nexec "$@"\n');
  });

  it('near misses: a package manager (behind a dropper too), a function called twice, a VAR=x prefix', () => {
    const dockerfile = 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n';
    const scripts = [
      '#!/bin/sh\nset -e\nnode migrate.js\nnpm start\n',
      '#!/bin/sh\nset -e\nchown -R node /app\ngosu node npm start\n',
      '#!/bin/sh\nset -e\nrun() {\n  node server.js\n}\nrun\nrun\n',
      '#!/bin/sh\nset -e\nNODE_ENV=production node server.js\n',
    ];
    for (const script of scripts) {
      const dir = workdir({ Dockerfile: dockerfile, 'entrypoint.sh': script });
      const fixed = fixAt(dir);
      expect(fixed.before.some((f) => f.rule === 'wrapper-missing-exec' || f.rule === 'package-manager-as-pid1'), script).toBe(true);
      expect(read(dir, 'entrypoint.sh'), script).toBe(script);
    }
  });
});

describe('wrapper-no-errexit', () => {
  it('0xEDU/ft_transcendence@3ae710ea and Usouf/docker-test@6daad337: set -e after the shebang, before the migrations', () => {
    for (const [name, file] of [['ft-transcendence', 'docker-entrypoint.sh'], ['docker-test', 'run.sh']] as const) {
      const dir = workdir(name);
      const fixed = fixAt(dir);
      const lines = read(dir, file).split('\n');
      expect(lines[1], name).toBe('set -e');
      expectFixed(dir, fixed, 'wrapper-no-errexit');
    }
  });

  it('0xSkrra/kcloak-case-ofse@e84f4591: an unknown step (add-user-keycloak.sh fails when the user exists) keeps the finding, no set -e', () => {
    const dir = workdir('kcloak');
    const before = read(dir, 'docker-entrypoint.sh');
    const fixed = fixAt(dir, { dockerfile: 'dockerfile' });
    expect(fixed.after.some((f) => f.rule === 'wrapper-no-errexit')).toBe(true);
    expect(read(dir, 'docker-entrypoint.sh').split('\n').filter((l) => l === 'set -e')).toEqual([]);
    expect(read(dir, 'docker-entrypoint.sh').replace('\n    exec /bin/sh /opt/jboss', '\n    /bin/sh /opt/jboss')).toBe(before);
  });
});

describe('wrapper-not-executable', () => {
  it('0xSkrra/kcloak-case-ofse@e84f4591: the COPY of the script gets --chmod=755', () => {
    const dir = workdir('kcloak');
    fs.chmodSync(path.join(dir, 'docker-entrypoint.sh'), 0o644);
    const fixed = fixAt(dir, { dockerfile: 'dockerfile' });
    expect(read(dir, 'dockerfile')).toContain('\nCOPY --chmod=755 docker-entrypoint.sh /opt/jboss/tools\n');
    expectFixed(dir, fixed, 'wrapper-not-executable', { dockerfile: 'dockerfile' });
  });

  it("`RUN chmod +x` after the COPY where that is the Dockerfile's style, or the COPY copies a whole folder", () => {
    const script = { content: '#!/bin/sh\nexec "$@"\n', mode: 0o644 };
    const style = workdir({ Dockerfile: 'FROM debian:bookworm-slim\nCOPY tool.sh /usr/local/bin/tool.sh\nRUN chmod +x /usr/local/bin/tool.sh\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["sleep", "1"]\n', 'entrypoint.sh': script, 'tool.sh': script });
    fixAt(style);
    expect(read(style, 'Dockerfile')).toContain('COPY entrypoint.sh /entrypoint.sh\nRUN chmod +x /entrypoint.sh\n');
    const folder = workdir({ Dockerfile: 'FROM debian:bookworm-slim\nCOPY . /app\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["sleep", "1"]\n', 'entrypoint.sh': script, 'README.md': 'x\n' });
    const fixed = fixAt(folder);
    expect(read(folder, 'Dockerfile')).toBe('FROM debian:bookworm-slim\nCOPY . /app\nRUN chmod +x /app/entrypoint.sh\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["sleep", "1"]\n');
    expectFixed(folder, fixed, 'wrapper-not-executable');
  });

  it('near misses: a --chmod the author chose, a non-root USER before a folder COPY', () => {
    const script = { content: '#!/bin/sh\nexec "$@"\n', mode: 0o644 };
    for (const dockerfile of [
      'FROM debian:bookworm-slim\nCOPY --chmod=644 entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["sleep", "1"]\n',
      'FROM debian:bookworm-slim\nUSER nobody\nCOPY . /app\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["sleep", "1"]\n',
    ]) {
      const dir = workdir({ Dockerfile: dockerfile, 'entrypoint.sh': script });
      const fixed = fixAt(dir);
      expect(fixed.before.some((f) => f.rule === 'wrapper-not-executable'), dockerfile).toBe(true);
      expect(fixed.diff, dockerfile).toBe('');
    }
  });
});

describe('file-level fixes on minio/minio@7aac2a2c dockerscripts/docker-entrypoint.sh', () => {
  const dockerfile = 'FROM debian:bookworm-slim\nCOPY --chmod=755 docker-entrypoint.sh /usr/bin/docker-entrypoint.sh\nENTRYPOINT ["/usr/bin/docker-entrypoint.sh"]\nCMD ["minio"]\n';
  const original = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'fix', 'minio', 'dockerscripts', 'docker-entrypoint.sh'), 'utf8');
  const fixedScript = original.replace(/\t\t\tchroot/g, '\t\t\texec chroot');

  it('CRLF (a Windows checkout) -> LF', () => {
    const dir = workdir({ Dockerfile: dockerfile, 'docker-entrypoint.sh': { content: original.replace(/\n/g, '\r\n'), mode: 0o755 } });
    const fixed = fixAt(dir);
    expect(read(dir, 'docker-entrypoint.sh')).toBe(fixedScript);
    expectFixed(dir, fixed, 'crlf-line-endings');
  });

  it('a UTF-8 BOM is removed', () => {
    const dir = workdir({ Dockerfile: dockerfile, 'docker-entrypoint.sh': { content: `\uFEFF${original}`, mode: 0o755 } });
    const fixed = fixAt(dir);
    expect(read(dir, 'docker-entrypoint.sh')).toBe(fixedScript);
    expectFixed(dir, fixed, 'utf8-bom');
  });

  it('a missing shebang on a POSIX script becomes #!/bin/sh; a script with bash syntax is left for a person', () => {
    const dir = workdir({ Dockerfile: dockerfile, 'docker-entrypoint.sh': { content: original.replace(/^#!\/bin\/sh\n/, ''), mode: 0o755 } });
    const fixed = fixAt(dir);
    expect(read(dir, 'docker-entrypoint.sh')).toBe(fixedScript);
    expectFixed(dir, fixed, 'wrapper-missing-shebang');
    const bash = `if [[ -n "$X" ]]; then echo x; fi\n${original.replace(/^#!\/bin\/sh\n/, '')}`;
    const near = workdir({ Dockerfile: dockerfile, 'docker-entrypoint.sh': { content: bash, mode: 0o755 } });
    const left = fixAt(near);
    expect(left.after.some((f) => f.rule === 'wrapper-missing-shebang')).toBe(true);
    expect(read(near, 'docker-entrypoint.sh').startsWith('if [[')).toBe(true);
  });
});

describe('missing-interpreter (#!/bin/bash on a base without bash)', () => {
  it('Usouf/docker-test@6daad337 run.sh on Alpine: POSIX, so #!/bin/sh', () => {
    const dir = workdir('docker-test');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), read(dir, 'Dockerfile').replace('FROM python:3.10-slim', 'FROM python:3.10-alpine'));
    const fixed = fixAt(dir);
    expect(read(dir, 'run.sh').split('\n')[0]).toBe('#!/bin/sh');
    expectFixed(dir, fixed, 'missing-interpreter');
  });

  it('schickling/dockerfiles@e3175859 nginx-envtpl uses [[ ]]: --fix leaves the shebang, --fix-unsafe installs bash', () => {
    const alpine = (dir: string) => fs.writeFileSync(path.join(dir, 'Dockerfile'), read(dir, 'Dockerfile').replace('FROM debian:sid', 'FROM alpine:3.20'));
    const dir = workdir('nginx-envtpl');
    alpine(dir);
    const safe = fixAt(dir);
    expect(safe.before.some((f) => f.rule === 'missing-interpreter')).toBe(true);
    expect(read(dir, 'entrypoint.sh').split('\n')[0]).toBe('#!/bin/bash');
    expect(safe.after.some((f) => f.rule === 'missing-interpreter')).toBe(true);
    const unsafe = fixAt(dir, { unsafe: true });
    expect(read(dir, 'Dockerfile').split('\n').slice(0, 2)).toEqual(['FROM alpine:3.20', 'RUN apk add --no-cache bash']);
    expect(unsafe.after.some((f) => f.rule === 'missing-interpreter')).toBe(false);
  });
});

describe('the fix loop', () => {
  it('overlapping fixes on one line take one pass each: shell form -> exec form -> the npm script', () => {
    const dir = workdir({ Dockerfile: 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD npm start\n', 'package.json': '{"scripts":{"start":"node server.js"}}' });
    const fixed = fixAt(dir);
    expect(read(dir, 'Dockerfile')).toBe('FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n');
    expect(fixed.passes).toBe(2);
    expect(fixed.after.filter((f) => f.rule === 'package-manager-as-pid1' || f.rule === 'shell-form-cmd')).toEqual([]);
  });

  it('a script reached through a symlink in the context is fixed in its real file; the link stays a link; one leading out of the context is never followed', () => {
    const script = '#!/bin/sh\nset -e\nmkdir -p /run/app\n"$@"\n';
    const dockerfile = 'FROM debian:bookworm-slim\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["sleep", "1"]\n';
    const dir = workdir({ Dockerfile: dockerfile, 'scripts/entrypoint.sh': { content: script, mode: 0o755 } });
    fs.symlinkSync('scripts/entrypoint.sh', path.join(dir, 'entrypoint.sh'));
    fixAt(dir);
    expect(read(dir, 'scripts/entrypoint.sh')).toBe(script.replace('"$@"', 'exec "$@"'));
    expect(fs.lstatSync(path.join(dir, 'entrypoint.sh')).isSymbolicLink()).toBe(true);
    const outside = workdir({ 'entrypoint.sh': { content: script, mode: 0o755 } });
    const out = workdir({ Dockerfile: dockerfile });
    fs.symlinkSync(path.join(outside, 'entrypoint.sh'), path.join(out, 'entrypoint.sh'));
    expect(fixAt(out).diff).toBe('');
    expect(read(outside, 'entrypoint.sh')).toBe(script);
  });

  it('leaves files without a fixable finding untouched (mode and bytes)', () => {
    const dir = workdir('ft-transcendence');
    const files = ['Dockerfile', 'requirements.txt', '.dockerignore'];
    const before = files.map((f) => [fs.readFileSync(path.join(dir, f)), fs.statSync(path.join(dir, f)).mode]);
    const mode = fs.statSync(path.join(dir, 'docker-entrypoint.sh')).mode;
    fixAt(dir);
    expect(files.map((f) => [fs.readFileSync(path.join(dir, f)), fs.statSync(path.join(dir, f)).mode])).toEqual(before);
    expect(fs.statSync(path.join(dir, 'docker-entrypoint.sh')).mode).toBe(mode);
  });
});
