// The npm package (`npx entrypoint-guard`): `npm pack` holds the CLI bundle, its licences,
// the changelog, README and LICENSE, nothing else; installed from the tarball alone (no
// node_modules of this repository, no registry) its bin runs.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-pack-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, timeout: 120_000 });

describe('npm package', () => {
  it('packs only the CLI bundle, licences, the JSON schemas, the problem matcher, changelog, README and LICENSE', () => {
    const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as { files: { path: string }[] }[];
    expect(packed!.files.map((f) => f.path).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/licenses.txt', 'dist/package.json', 'package.json', 'problem-matcher.json', 'schema/config.schema.json', 'schema/report.schema.json']);
  });

  it('declares what npx and the Action need: bin, engines >= 22, no runtime dependencies', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.bin).toEqual({ 'entrypoint-guard': 'dist/cli.js' });
    expect(pkg.engines).toEqual({ node: '>=22' });
    // Everything the CLI needs is in dist/cli.js: npx downloads nothing else.
    expect(pkg.dependencies).toBeUndefined();
    expect(fs.readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim()).toBe('24');
    expect(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')).toMatch(/^ {2}using: node24$/m);
  });

  it('installs from the tarball alone and its bin lints a Dockerfile', () => {
    const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', tmp], ROOT).trim().split('\n').at(-1)!;
    const prefix = path.join(tmp, 'install');
    fs.mkdirSync(prefix);
    npm(['install', '--offline', '--no-save', '--prefix', prefix, path.join(tmp, tarball)], tmp);
    fs.writeFileSync(path.join(tmp, 'Dockerfile'), 'FROM node:22\nWORKDIR /app\nENTRYPOINT node server.js\n');
    const bin = path.join(prefix, 'node_modules', '.bin', 'entrypoint-guard');
    const r = spawnSync(bin, ['--static', '--format', 'json', path.join(tmp, 'Dockerfile')], { cwd: tmp, encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('shell-form-entrypoint');
    expect(fs.existsSync(path.join(prefix, 'node_modules', 'entrypoint-guard', 'dist', 'licenses.txt'))).toBe(true);
  });

  // The Node versions `engines` promises, each from npm's own `node` package (kept between runs
  // in the temp folder): `npx entrypoint-guard` in a project that installed the tarball.
  it.each(['22', '24'])('npx entrypoint-guard --static works on Node %s', (major) => {
    const nodePrefix = path.join(os.tmpdir(), `eg-test-node-${major}`);
    const nodeBin = path.join(nodePrefix, 'node_modules', '.bin');
    if (!fs.existsSync(path.join(nodeBin, 'node'))) npm(['install', '--no-save', '--no-audit', '--no-fund', '--prefix', nodePrefix, `node@${major}`], tmp);
    const env = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false' };
    expect(execFileSync('node', ['--version'], { env, encoding: 'utf8' })).toMatch(new RegExp(`^v${major}\\.`));

    const project = path.join(tmp, `project-node${major}`);
    fs.mkdirSync(project, { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), '{"name":"eg-user","private":true}');
    const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', tmp], ROOT).trim().split('\n').at(-1)!;
    npm(['install', '--offline', '--no-save', path.join(tmp, tarball)], project);
    fs.writeFileSync(path.join(project, 'Dockerfile'), 'FROM node:22\nWORKDIR /app\nENTRYPOINT node server.js\n');
    const r = spawnSync('npx', ['--no-install', 'entrypoint-guard', '--static', '--format', 'json', 'Dockerfile'], { cwd: project, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('shell-form-entrypoint');
  }, 300_000);
});
