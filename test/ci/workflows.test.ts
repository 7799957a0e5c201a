// scripts/validate-workflows.mjs (run by .ci/run): this repository's workflows and action.yml
// pass; the mistakes it is there for are caught, each on its file and line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-workflows.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-workflows-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const validate = (root: string) => spawnSync(process.execPath, [SCRIPT, root], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
/** Each case runs the validator (GitHub's parser, actionlint) as a process: slow on a loaded machine. */
const SPAWN_MS = 120_000;
const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';

function tree(name: string, workflow: string, action = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.github', 'workflows', 'w.yml'), workflow);
  fs.writeFileSync(path.join(dir, 'action.yml'), action);
  fs.writeFileSync(path.join(dir, '.node-version'), '24\n');
  return dir;
}

describe('validate-workflows', () => {
  it("passes this repository's workflows and action.yml", () => {
    const r = validate(ROOT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['ci.yml', 'check-dist.yml', 'release.yml', 'example-entrypoint-guard.yml']) expect(r.stdout).toContain(`.github/workflows/${f}`);
    expect(r.stdout).toContain('action.yml');
  }, SPAWN_MS);

  it('passes a near miss: a good workflow in a tree of its own', () => {
    const dir = tree('good', `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04-arm\n    steps:\n      - uses: ${CHECKOUT}\n      - uses: ./\n        with:\n          static: true\n      - run: echo "\${{ github.event_name }}"\n`);
    const r = validate(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, SPAWN_MS);

  it('catches schema, expression, runner-label, pin and local-input mistakes', () => {
    const dir = tree('bad', [
      'on:',
      '  push:',
      '    branchs: [main]',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04-foo',
      '    needs: [nope]',
      '    steps:',
      '      - uses: actions/checkout@v5',
      '      - uses: ./',
      '        with:',
      '          statik: true',
      '      - run: echo "${{ github.evnt_name }}"',
      '',
    ].join('\n'));
    const r = validate(dir);
    expect(r.status).toBe(1);
    const err = r.stderr;
    expect(err).toMatch(/w\.yml:3:5: Unexpected value 'branchs' \(github-parser\)/);
    expect(err).toMatch(/w\.yml:6:\d+: label "ubuntu-24\.04-foo" is unknown.*\(actionlint\)/);
    expect(err).toMatch(/needs job "nope" which does not exist.*\(actionlint\)/);
    expect(err).toMatch(/property "evnt_name" is not defined.*\(actionlint\)/);
    expect(err).toMatch(/w\.yml:9:\d+: actions\/checkout@v5: pin third-party actions by full commit SHA/);
    expect(err).toMatch(/w\.yml:12:1: input "statik" is not declared in action\.yml/);
  }, SPAWN_MS);

  it("catches a bad action.yml and a runtime that is not .node-version's", () => {
    const action = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const dir = tree('bad-action', `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: "true"\n`, action.replace('using: node24', 'using: node22').replace(/^ {2}main:/m, '  mian:'));
    const r = validate(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/action\.yml:\d+:\d+: Unexpected value 'node22' \(github-parser\)/);
    expect(r.stderr).toMatch(/action\.yml:\d+:\d+: Unexpected value 'mian' \(github-parser\)/);
    const dir2 = tree('old-node', `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: "true"\n`, action.replace('using: node24', 'using: node20'));
    const r2 = validate(dir2);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/runs\.using is node20 but \.node-version says 24/);
  }, SPAWN_MS);
});
