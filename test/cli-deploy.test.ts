// --deploy on the built CLI (dist/cli.js): helm template output on standard input, an ECS task
// definition, the config file's mapping form, and bad manifests answered in one line, exit 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from './helpers.js';
import { parseJsonReport } from './report-schema.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const HELM = fs.readFileSync(path.join(ROOT, 'test/fixtures/deploy/helm-template.yaml'), 'utf8');

function cli(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input: input ?? '', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  findings: Array<{ rule: string; file: string; line: number; severity: string }>;
  notes?: string[];
}

const IMAGE = {
  'api/Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY docker-entrypoint.sh /usr/local/bin/\nCOPY . .\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n',
  'api/docker-entrypoint.sh': { content: '#!/bin/sh\nset -e\nexec "$@"\n', mode: 0o755 },
};

describe('CLI --deploy', () => {
  it('helm template output on stdin: findings at <stdin>:30, the JSON report valid', () => {
    const dir = makeContext(IMAGE);
    const r = cli(['--static', '--format', 'json', '--fail-on', 'never', '--deploy', '-', 'api/Dockerfile'], dir, HELM);
    expect(r.stderr).toBe('note: judged as deployed by container `api` of Deployment/release-api (<stdin>:28)\n');
    expect(r.code).toBe(0);
    const [report] = parseJsonReport<Report>(r.stdout) as [Report];
    expect(report.findings.filter((f) => f.file === '<stdin>').map((f) => `${f.rule}@${f.line}`).sort()).toEqual(['package-manager-as-pid1@30', 'shell-wrapper-in-exec-form@30']);
  });

  it('an ECS task definition and a config file mapping (deploy: [{path, container, dockerfile}])', () => {
    const taskdef = JSON.stringify({ containerDefinitions: [{ name: 'api', image: 'x/other', command: ['npm', 'start'] }, { name: 'sidecar', image: 'x/envoy' }] }, null, 2);
    const dir = makeContext({ ...IMAGE, 'ecs/taskdef.json': taskdef, '.entrypoint-guard.yml': 'deploy:\n  - path: ecs/taskdef.json\n    container: api\n    dockerfile: api/Dockerfile\n' });
    fs.mkdirSync(path.join(dir, '.git'));
    const r = cli(['--static', '--format', 'json', '--fail-on', 'never', 'api/Dockerfile'], dir);
    expect(r.code).toBe(0);
    const [report] = parseJsonReport<Report>(r.stdout) as [Report];
    const line = taskdef.split('\n').findIndex((l) => l.includes('"command"')) + 1;
    expect(report.findings.map((f) => `${f.rule}@${f.file}:${f.line}`)).toEqual([`package-manager-as-pid1@ecs/taskdef.json:${line}`]);
  });

  it('bad input: one line, exit 2, no stack', () => {
    const dir = makeContext({ ...IMAGE, 'bad.yaml': 'kind: Deployment\nspec: [a\n', 'bomb.yaml': `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n` });
    const cases: [string[], string | undefined, RegExp][] = [
      [['--deploy', 'bad.yaml'], undefined, /^entrypoint-guard: bad\.yaml:\d+: not valid YAML \(.*\)\n$/],
      [['--deploy=-#web'], HELM, /^entrypoint-guard: --deploy -#web: no container named "web"; it has api \(Deployment\/release-api\), metrics \(Deployment\/release-api\)\n$/],
      [['--deploy', 'bomb.yaml'], undefined, /^entrypoint-guard: bomb\.yaml: its YAML aliases expand too far \(an alias bomb\?\); not read\n$/],
      [['--deploy', '-'], `# ${'x'.repeat(17 * 1024 * 1024)}\n`, /^entrypoint-guard: --deploy - \(standard input\) is larger than \d+ MB; not read( further)?\n$/],
    ];
    for (const [args, input, expected] of cases) {
      const r = cli(['--static', ...args, 'api/Dockerfile'], dir, input);
      expect(r.stderr).toMatch(expected);
      expect(r.code).toBe(2);
    }
  });
});
