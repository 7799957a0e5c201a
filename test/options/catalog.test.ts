// The option catalog is the one list: action.yml, the docs and the config schema must say what
// it says (drift is a failing test), and every face refuses a typo with the closest names.
import type AjvModule from 'ajv';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { envInputReader, readActionConfig } from '../../src/action-inputs.js';
import { parseCli, USAGE, type RunCommand } from '../../src/cli/args.js';
import { parseProjectConfig } from '../../src/config/project-config.js';
import { InputError } from '../../src/errors.js';
import { commandsOf, ENTRIES } from '../../src/options/catalog.js';
import { MERGE_USAGE, PLAN_USAGE } from '../../src/cli/matrix-args.js';
import { configSchema } from '../../src/options/config-schema.js';
import { optionsHelp, optionsTable } from '../../src/options/help.js';
import { makeContext } from '../helpers.js';
import { actionYml, runnerInputs } from '../github/run-action.js';

const require = createRequire(import.meta.url);
const Ajv = (require('ajv') as typeof AjvModule).default;
const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const inputs = ENTRIES.filter((e) => e.input).map((e) => e.input!);

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('no error');
}

/** Markdown table rows of a section: the first cell's code span. */
function firstCells(markdown: string, heading: string): string[] {
  const section = markdown.slice(markdown.indexOf(heading));
  const table = section.slice(section.indexOf('\n|'), section.indexOf('\n\n', section.indexOf('\n|') + 1));
  return [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe('the catalog against action.yml and the docs', () => {
  it('has each flag, input and config key once', () => {
    for (const face of ['flag', 'input', 'config', 'key'] as const) {
      const names = ENTRIES.map((e) => e[face]).filter(Boolean);
      expect(names.length, face).toBe(new Set(names).size);
    }
  });

  it('declares in action.yml exactly the inputs of the catalog, with its defaults', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...inputs].sort());
    for (const e of ENTRIES.filter((x) => x.input)) expect(actionYml.inputs[e.input!]!.default ?? '', e.input).toBe(e.actionDefault ?? '');
  });

  it('lists every input in docs/github-action.md, and no other', () => {
    expect(firstCells(read('docs/github-action.md'), '## Inputs').sort()).toEqual([...inputs].sort());
  });

  it('names in docs/github-action.md exactly the inputs the config file cannot set', () => {
    const doc = read('docs/github-action.md');
    const para = doc.slice(doc.indexOf('These cannot:'), doc.indexOf('Precedence', doc.indexOf('These cannot:')));
    const named = [...para.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!);
    expect(named.sort()).toEqual(ENTRIES.filter((e) => e.input && !e.config).map((e) => e.input!).sort());
  });

  it("has the README's --help block and option table as the catalog writes them (npm run docs)", () => {
    const readme = read('README.md');
    expect(readme).toContain(`<!-- options-help:start -->\n\`\`\`\n${optionsHelp()}\n\`\`\`\n<!-- options-help:end -->`);
    expect(readme).toContain(`<!-- options-table:start -->\n${optionsTable()}\n<!-- options-table:end -->`);
  });

  it('ships the config schema the catalog writes (npm run docs)', () => {
    expect(JSON.parse(read('schema/config.schema.json'))).toEqual(configSchema());
  });

  it("puts every flag in its command's --help, and only there", () => {
    const usage = { run: USAGE, plan: PLAN_USAGE, merge: MERGE_USAGE };
    for (const e of ENTRIES.filter((x) => x.flag)) {
      for (const command of ['run', 'plan', 'merge'] as const) {
        const has = new RegExp(`^  --${e.flag}\\b`, 'm').test(usage[command]);
        expect(has, `--${e.flag} in ${command} --help`).toBe(commandsOf(e).includes(command));
      }
    }
  });
});

describe('the config schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema());

  it("accepts the README's example and every config file the tests use", () => {
    const readme = read('README.md');
    const example = /## Config file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(validate(parseYaml(example)), JSON.stringify(validate.errors)).toBe(true);
    const doc = { 'fail-on': 'none', 'add-hosts': ['mirror.internal:10.0.0.5'], network: 'host', platforms: 'linux/amd64,linux/arm64', 'grace-period': 30, 'build-args': { A: 1 }, rules: { 'shellcheck/SC2086': 'off' }, paths: { 'legacy/**': { 'fail-on': 'never' } } };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(() => parseProjectConfig(JSON.stringify(doc), '.entrypoint-guard.yml')).not.toThrow();
  });

  it.each([
    ['fial-on: error'],
    ['ignore: [shell-form-entrypointt]'],
    ['rules: {no-such-rule: off}'],
    ['fail-on: loud'],
    ['network: bridge'],
    ['paths: {"a/**": {ignore: [x]}}'],
  ])('refuses %j as the tool does', (text) => {
    expect(validate(parseYaml(text))).toBe(false);
    expect(() => parseProjectConfig(text, '.entrypoint-guard.yml')).toThrow(InputError);
  });
});

describe('typos and other tools\' words', () => {
  const cli = (argv: string[]) => parseCli(argv, '/tmp') as RunCommand;

  it('suggests the flag buildx spells differently', () => {
    expect(errorOf(() => cli(['--platform', 'linux/amd64']))).toBe('unknown option --platform (did you mean --platforms?); see entrypoint-guard --help');
    expect(errorOf(() => cli(['--no-such-thing']))).toBe('unknown option --no-such-thing; see entrypoint-guard --help');
  });

  it('takes none (hadolint, reviewdog) for never on every face', () => {
    expect(cli(['--fail-on', 'none']).options.failOn).toBe('never');
    expect(parseProjectConfig('fail-on: none', 'c.yml').defaults.failOn).toBe('never');
    const ws = makeContext({ Dockerfile: 'FROM scratch\n' });
    const env = { GITHUB_WORKSPACE: ws, ...runnerInputs({ 'fail-on': 'None' }) };
    expect(readActionConfig(envInputReader(env), env).options.failOn).toBe('never');
  });

  it('suggests the closest value', () => {
    expect(errorOf(() => cli(['--fail-on', 'warn']))).toBe('--fail-on must be one of error, warning, info, never (got "warn"; did you mean warning?)');
    expect(errorOf(() => cli(['--format', 'sarf']))).toMatch(/did you mean sarif\?\)$/);
  });

  it('refuses an unknown rule id on every face, with the close ids', () => {
    const message = 'names no rule: "shell-form-entrypointt" is not a rule id; did you mean shell-form-entrypoint?';
    expect(errorOf(() => cli(['--ignore', 'no-debug-shell,shell-form-entrypointt']))).toBe(`--ignore ${message}`);
    const ws = makeContext({ Dockerfile: 'FROM scratch\n' });
    const env = { GITHUB_WORKSPACE: ws, ...runnerInputs({ ignore: 'shell-form-entrypointt' }) };
    expect(errorOf(() => readActionConfig(envInputReader(env), env))).toBe(`ignore ${message}`);
    expect(errorOf(() => parseProjectConfig('ignore: [shell-form-entrypointt]', 'c.yml'))).toBe(`c.yml: ignore ${message}`);
  });

  it('still takes the ids that are right (near misses)', () => {
    expect([...cli(['--ignore', 'shellcheck/SC2086,shellcheck', '--ignore', 'shell-form-entrypoint']).options.ignore]).toEqual(['shellcheck/SC2086', 'shellcheck', 'shell-form-entrypoint']);
  });
});

describe('build network and extra hosts', () => {
  it('reads them on every face', () => {
    const c = cli(['--network', 'host', '--add-host', 'mirror.internal:10.0.0.5', '--add-host', 'proxy:host-gateway']).options;
    expect(c).toMatchObject({ network: 'host', addHosts: ['mirror.internal:10.0.0.5', 'proxy:host-gateway'] });
    const ws = makeContext({ Dockerfile: 'FROM scratch\n' });
    const env = { GITHUB_WORKSPACE: ws, ...runnerInputs({ network: 'host', 'add-hosts': 'a:10.0.0.1\nb:10.0.0.2,c=::1' }) };
    expect(readActionConfig(envInputReader(env), env).options).toMatchObject({ network: 'host', addHosts: ['a:10.0.0.1', 'b:10.0.0.2', 'c=::1'] });
    expect(parseProjectConfig('network: none\nadd-hosts: [a:10.0.0.1]', 'c.yml').defaults).toEqual({ network: 'none', addHosts: ['a:10.0.0.1'] });
  });

  it('refuses what buildx would refuse, in one line', () => {
    expect(errorOf(() => cli(['--network', 'bridge']))).toBe('--network must be one of default, host, none (got "bridge")');
    expect(errorOf(() => cli(['--add-host', 'mirror.internal']))).toMatch(/^--add-host takes HOST:IP/);
  });

  function cli(argv: string[]) {
    return parseCli(argv, '/tmp') as RunCommand;
  }
});
