// The config file: its format (README, schema/config.schema.json), one-line errors naming file and key, precedence,
// and what its overrides and the diff filter do to a report and its gate.
import { describe, expect, it } from 'vitest';
import { parseCli, type RunCommand } from '../../src/cli/args.js';
import { applyConfigDefaults } from '../../src/config/apply-defaults.js';
import { parseProjectConfig } from '../../src/config/project-config.js';
import { InputError } from '../../src/errors.js';
import { failsAt, type Finding, type Report } from '../../src/findings.js';
import type { DockerfileModel } from '../../src/model/types.js';
import { applyPolicy } from '../../src/policy/apply-policy.js';
import { droppedLine } from '../../src/policy/dropped-line.js';

const FILE = '.entrypoint-guard.yml';

function errorOf(text: string): string {
  try {
    parseProjectConfig(text, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('config file format', () => {
  it('reads the documented example', () => {
    const c = parseProjectConfig(
      [
        'ignore: [wrapper-too-complex]',
        'rules:',
        '  wrapper-no-errexit: info',
        'paths:',
        '  "legacy/**": {fail-on: never, rules: {shell-form-cmd: off}}',
        'fail-on: error',
        'grace-period: 30',
        'platforms: [linux/arm64]',
        'filter-mode: added',
        'build-args: {NODE_VERSION: 22}',
      ].join('\n'),
      FILE,
    );
    expect([...c.ignore]).toEqual(['wrapper-too-complex']);
    expect([...c.rules]).toEqual([['wrapper-no-errexit', 'info']]);
    expect(c.paths).toHaveLength(1);
    expect(c.paths[0]).toMatchObject({ pattern: 'legacy/**', failOn: 'never' });
    expect([...c.paths[0]!.rules]).toEqual([['shell-form-cmd', 'off']]);
    expect(c.paths[0]!.match.test('legacy/api/Dockerfile')).toBe(true);
    expect(c.paths[0]!.match.test('services/legacy/Dockerfile')).toBe(false);
    expect(c.defaults).toEqual({ failOn: 'error', gracePeriod: 30, platforms: ['linux/arm64'], filterMode: 'added', buildArgs: { NODE_VERSION: '22' } });
  });

  it('takes an empty file as no settings', () => {
    expect(parseProjectConfig('# nothing yet\n', FILE)).toMatchObject({ ignore: new Set(), paths: [], defaults: {} });
  });

  it.each([
    ['fial-on: error', `${FILE}: unknown key "fial-on" (did you mean fail-on?)`],
    ['ignore: [shell-form-entrypointt]', `${FILE}: ignore names no rule: "shell-form-entrypointt" is not a rule id; did you mean shell-form-entrypoint?`],
    ['fail-on: warn', `${FILE}: fail-on must be one of error, warning, info, never (got "warn"; did you mean warning?)`],
    ['fail-on: loud', `${FILE}: fail-on must be one of error, warning, info, never (got "loud")`],
    ['grace-period: -1', `${FILE}: grace-period must be a number of seconds between 0 and 3600 (got "-1")`],
    ['rules:\n  wrapper-no-errexit: fatal', `${FILE}: rules.wrapper-no-errexit must be one of error, warning, info, off (got "fatal")`],
    ['rules:\n  no-such-rule: off', `${FILE}: rules.no-such-rule names no rule: "no-such-rule" is not a rule id; see the rule table in the README`],
    ['paths:\n  "legacy/**": {fail-on: sometimes}', `${FILE}: paths."legacy/**".fail-on must be one of error, warning, info, never (got "sometimes")`],
    ['paths:\n  "legacy/**": {ignore: [x]}', `${FILE}: unknown key "ignore" under paths."legacy/**" (known keys: fail-on, rules)`],
    ['filter-mode: [added]', `${FILE}: filter-mode must be a single value, not a list`],
    ['- fail-on', `${FILE}: the file must be a mapping of keys (ignore, rules, paths, fail-on, …), not a list`],
    ['fail-on: error\nfail-on: never', `${FILE} is not valid YAML at line 2, column 1: Map keys must be unique`],
    ['ready-cmd: |\n  test -f /a\n  test -f /b', `${FILE}: ready-cmd must be one non-empty command line, e.g. ready-cmd 'test -f /tmp/ready'`],
  ])('%j is one clear line', (text, message) => {
    const got = errorOf(text);
    expect(got).toBe(message);
    expect(got).not.toContain('\n');
  });

  it('lists the known keys when no key is close to the unknown one', () => {
    expect(errorOf('colour: true')).toMatch(/^\.entrypoint-guard\.yml: unknown key "colour" \(known keys: rules, paths, static, platforms, .*, fail-on, .*\)$/);
  });

  it('accepts what is close to a mistake but right (near misses)', () => {
    expect(() => parseProjectConfig('rules:\n  shellcheck/SC2086: off\n  shellcheck: info\nfail-on: WARNING\ngrace-period: "30"', FILE)).not.toThrow();
  });
});

describe('precedence: flag > config > default', () => {
  const config = parseProjectConfig('fail-on: warning\ngrace-period: 30\nplatforms: linux/arm64\nbuild-args: {A: config, B: config}', FILE);
  const run = (argv: string[]) => {
    const command = parseCli(argv, '/tmp') as RunCommand;
    applyConfigDefaults(command.options, config.defaults, command.given);
    return command.options;
  };

  it('takes the file over the built-in default', () => {
    expect(run([])).toMatchObject({ failOn: 'warning', gracePeriod: 30, platforms: ['linux/arm64'], startupWait: 60, buildArgs: { A: 'config', B: 'config' } });
  });

  it('takes --ready-cmd over the file\'s ready-cmd, and the file\'s when no flag gives one', () => {
    const withCmd = parseProjectConfig('ready-cmd: test -f /tmp/ready', FILE);
    const read = (argv: string[]) => {
      const command = parseCli(argv, '/tmp') as RunCommand;
      applyConfigDefaults(command.options, withCmd.defaults, command.given);
      return command.options.readyCmd;
    };
    expect(read([])).toBe('test -f /tmp/ready');
    expect(read(['--ready-cmd', 'pg_isready -q'])).toBe('pg_isready -q');
    expect(run([]).readyCmd).toBeUndefined();
  });

  it('takes a flag over the file, key by key for build args', () => {
    expect(run(['--fail-on', 'error', '--grace-period', '5', '--build-arg', 'B=flag'])).toMatchObject({ failOn: 'error', gracePeriod: 5, platforms: ['linux/arm64'], buildArgs: { A: 'config', B: 'flag' } });
  });
});

function finding(over: Partial<Finding>): Finding {
  return { rule: 'shell-form-cmd', severity: 'warning', message: 'm.', fix: 'f.', file: 'Dockerfile', line: 3, endLine: 3, column: 1, ...over };
}

const model = (file: string, wrappers: string[] = []) => ({ file, wrappers: wrappers.map((w) => ({ file: w })) }) as unknown as DockerfileModel;
const report = (dockerfile: string, findings: Finding[]): Report => ({ version: 1, dockerfile, findings, platforms: [] });

describe('config overrides on a report', () => {
  const config = parseProjectConfig(
    ['ignore: [no-debug-shell]', 'rules: {wrapper-no-errexit: info, shell-form-entrypoint: warning}', 'paths:', '  "legacy/**": {fail-on: never, rules: {shell-form-cmd: off}}', '  "strict/**": {fail-on: info}'].join('\n'),
    FILE,
  );
  const apply = (r: Report, m: DockerfileModel) => applyPolicy(r, m, { config, root: '/repo', cwd: '/repo' });

  it('changes severities, drops ignored and turned-off rules, and counts what it dropped', () => {
    const out = apply(
      report('Dockerfile', [finding({ rule: 'shell-form-entrypoint', severity: 'error' }), finding({ rule: 'no-debug-shell' }), finding({ rule: 'wrapper-no-errexit', file: 'entrypoint.sh' })]),
      model('Dockerfile'),
    );
    expect(out.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['shell-form-entrypoint', 'warning'],
      ['wrapper-no-errexit', 'info'],
    ]);
    expect(out.dropped).toEqual({ byConfig: 1, byFilter: 0, configFile: FILE });
    expect(failsAt(out.findings, 'error')).toBe(false);
    expect(droppedLine([out])).toBe(`1 finding not reported or counted: 1 ignored or turned off by ${FILE}.`);
  });

  it('applies per-path rules and fail-on only under their glob', () => {
    const legacy = apply(report('legacy/Dockerfile', [finding({ file: 'legacy/Dockerfile' }), finding({ rule: 'relative-entrypoint', severity: 'error', file: 'legacy/Dockerfile' })]), model('legacy/Dockerfile'));
    expect(legacy.findings.map((f) => f.rule)).toEqual(['relative-entrypoint']);
    expect(failsAt(legacy.findings, 'error')).toBe(false); // fail-on: never under legacy/
    const strict = apply(report('strict/Dockerfile', [finding({ rule: 'wrapper-no-errexit', file: 'strict/entrypoint.sh' })]), model('strict/Dockerfile'));
    expect(failsAt(strict.findings, 'error')).toBe(true); // an info finding fails at fail-on: info
    // The near miss: the same findings elsewhere keep the rule and the global gate.
    const other = apply(report('app/Dockerfile', [finding({ file: 'app/Dockerfile' }), finding({ rule: 'relative-entrypoint', severity: 'error', file: 'app/Dockerfile' })]), model('app/Dockerfile'));
    expect(other.findings.map((f) => f.rule)).toEqual(['shell-form-cmd', 'relative-entrypoint']);
    expect(failsAt(other.findings, 'error')).toBe(true);
  });
});

describe('diff filter on a report', () => {
  const changes = new Map([
    ['svc/Dockerfile', { added: new Set([4]), inHunks: new Set([2, 3, 4, 5]) }],
    ['other.sh', { added: new Set([1]), inHunks: new Set([1]) }],
  ]);
  const findings = [
    finding({ file: 'svc/Dockerfile', line: 4, endLine: 4 }), // on an added line
    finding({ file: 'svc/Dockerfile', line: 2, endLine: 2, rule: 'cmd-ignored' }), // context only
    finding({ file: 'svc/Dockerfile', line: 9, endLine: 9, rule: 'missing-start-command' }), // same file, outside hunks
    finding({ file: 'svc/entrypoint.sh', line: 2, endLine: 2, rule: 'wrapper-no-errexit' }), // unchanged wrapper
    finding({ file: 'svc/Dockerfile', line: 12, endLine: 12, rule: 'sigterm-ignored', severity: 'error', platforms: ['linux/amd64'] }), // runtime
  ];
  const run = (mode: 'added' | 'diff_context' | 'file') =>
    applyPolicy(report('svc/Dockerfile', findings), model('svc/Dockerfile', ['svc/entrypoint.sh']), { filter: { mode, changes }, root: '/repo', cwd: '/repo' });

  it('added: only added lines (and runtime findings of a changed Dockerfile)', () => {
    const out = run('added');
    expect(out.findings.map((f) => f.rule)).toEqual(['shell-form-cmd', 'sigterm-ignored']);
    expect(droppedLine([out])).toBe('3 findings not reported or counted: 3 outside the diff (filter-mode: added).');
  });

  it('diff_context: lines inside the hunks', () => {
    expect(run('diff_context').findings.map((f) => f.rule)).toEqual(['shell-form-cmd', 'cmd-ignored', 'sigterm-ignored']);
  });

  it('file: the changed Dockerfile pulls in its wrapper scripts', () => {
    expect(run('file').findings.map((f) => f.rule)).toEqual(['shell-form-cmd', 'cmd-ignored', 'missing-start-command', 'wrapper-no-errexit', 'sigterm-ignored']);
  });

  it('drops everything of a Dockerfile the change does not touch, runtime findings too', () => {
    const out = applyPolicy(report('svc/Dockerfile', findings), model('svc/Dockerfile', ['svc/entrypoint.sh']), { filter: { mode: 'file', changes: new Map([['README.md', { added: new Set([1]), inHunks: new Set([1]) }]]) }, root: '/repo', cwd: '/repo' });
    expect(out.findings).toEqual([]);
    expect(failsAt(out.findings, 'error')).toBe(false);
  });
});
