// The formats other tools read, each checked by its consumer's rules: the problem matcher we
// ship parses every compact line; checkstyle and JUnit are well-formed XML with the fields
// their readers take (fast-xml-parser); rdjson follows reviewdog's Diagnostic schema; GitLab's
// Code Quality issues carry the fields GitLab requires with a unique fingerprint each.
import type AjvModule from 'ajv';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { Finding, Report } from '../../src/findings.js';
import { formatCheckstyle } from '../../src/report/checkstyle.js';
import { formatCompact } from '../../src/report/compact.js';
import { toGitlab } from '../../src/report/gitlab.js';
import { formatJunit } from '../../src/report/junit.js';
import { toRdjson } from '../../src/report/rdjson.js';
import { makeContext } from '../helpers.js';

const require = createRequire(import.meta.url);
const Ajv = (require('ajv') as typeof AjvModule).default;
const ROOT = path.resolve(import.meta.dirname, '../..');

const base: Finding = { rule: 'shell-form-entrypoint', severity: 'error', message: '`ENTRYPOINT npm start` runs as `/bin/sh -c` <& "quotes">.', fix: 'Use exec form.', file: 'services/api/Dockerfile', line: 4, endLine: 4, column: 1, endColumn: 22 };
const findings: Finding[] = [
  base,
  { ...base, rule: 'sigterm-ignored', line: 9, endLine: 9, platforms: ['linux/amd64', 'linux/arm64'], message: 'PID 1 ignores SIGTERM.' },
  { ...base, rule: 'shellcheck/SC2086', severity: 'info', file: 'services/api/docker entrypoint.sh', line: 7, endLine: 9, column: 12, endColumn: 3, message: 'Double quote.' },
  { ...base, rule: 'wrapper-no-errexit', severity: 'warning', file: 'services/web/start.sh', line: 1, endLine: 1, column: 1, endColumn: undefined, message: 'No set -e.' },
];
const reports: Report[] = [
  { version: 1, dockerfile: 'services/api/Dockerfile', findings: findings.slice(0, 3), platforms: [] },
  { version: 1, dockerfile: 'services/web/Dockerfile', findings: findings.slice(3), platforms: [] },
  { version: 1, dockerfile: 'services/ok/Dockerfile', findings: [], platforms: [] },
];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['file', 'error', 'testsuite', 'testcase'].includes(name) });

describe('compact and its problem matcher', () => {
  const matcher = JSON.parse(fs.readFileSync(path.join(ROOT, 'problem-matcher.json'), 'utf8')).problemMatcher[0];
  const pattern = matcher.pattern[0];
  const re = new RegExp(pattern.regexp);

  it('writes one line per finding that the shipped problem matcher reads back whole', () => {
    const lines = formatCompact(reports).trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    const parsed = lines.map((l) => {
      const m = re.exec(l);
      expect(m, l).not.toBeNull();
      return { file: m![pattern.file], line: Number(m![pattern.line]), column: Number(m![pattern.column]), severity: m![pattern.severity], code: m![pattern.code], message: m![pattern.message] };
    });
    for (const f of findings) expect(parsed).toContainEqual(expect.objectContaining({ file: f.file, line: f.line, column: f.column, severity: f.severity, code: f.rule }));
    expect(parsed.find((p) => p.code === 'sigterm-ignored')!.message).toBe('PID 1 ignores SIGTERM. (platforms: linux/amd64, linux/arm64)');
    expect(formatCompact([reports[2]!])).toBe('');
  });
});

describe('checkstyle', () => {
  it('is well-formed XML with one file element per file and one error per finding', () => {
    const text = formatCheckstyle(reports);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text);
    const files = doc.checkstyle.file as { name: string; error: Record<string, string>[] }[];
    expect(files.map((f) => f.name)).toEqual(['services/api/Dockerfile', 'services/api/docker entrypoint.sh', 'services/web/start.sh']);
    expect(files[0]!.error[0]).toMatchObject({ line: '4', column: '1', severity: 'error', source: 'entrypoint-guard.shell-form-entrypoint', message: `${base.message} Fix: ${base.fix}` });
    expect(files.flatMap((f) => f.error)).toHaveLength(findings.length);
  });
});

describe('junit', () => {
  it('fails a test case per finding at or above fail-on and passes a clean Dockerfile', () => {
    const text = formatJunit(reports, 'warning');
    expect(XMLValidator.validate(text)).toBe(true);
    const suites = xml.parse(text).testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { name: string; failure?: { type: string } }[] }[];
    expect(suites.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['entrypoint-guard services/api/Dockerfile', '2', '2'],
      ['entrypoint-guard services/web/Dockerfile', '1', '1'],
      ['entrypoint-guard services/ok/Dockerfile', '1', '0'],
    ]);
    expect(suites[0]!.testcase.map((c) => c.failure?.type)).toEqual(['shell-form-entrypoint', 'sigterm-ignored']);
    expect(suites[2]!.testcase[0]!.failure).toBeUndefined();
  });
});

describe('rdjson (reviewdog)', () => {
  // reviewdog's DiagnosticResult as its proto/rdf/jsonschema documents it (not on npm): the
  // fields reviewdog reads, with the severities it knows.
  const position = { type: 'object', properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } };
  const schema = {
    type: 'object',
    required: ['diagnostics'],
    properties: {
      source: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, url: { type: 'string' } } },
      severity: { enum: ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO'] },
      diagnostics: {
        type: 'array',
        items: {
          type: 'object',
          required: ['message', 'location'],
          properties: {
            message: { type: 'string', minLength: 1 },
            location: { type: 'object', required: ['path', 'range'], properties: { path: { type: 'string' }, range: { type: 'object', required: ['start'], properties: { start: { ...position, required: ['line'] }, end: position } } } },
            severity: { enum: ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO'] },
            code: { type: 'object', required: ['value'], properties: { value: { type: 'string' }, url: { type: 'string' } } },
            suggestions: { type: 'array' },
          },
        },
      },
    },
  };
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it("validates against reviewdog's diagnostic format, a diagnostic per finding with its rule and docs link", () => {
    const doc = toRdjson(reports) as { diagnostics: { code: { value: string; url: string }; severity: string; location: { range: { start: object; end?: object } } }[] };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.diagnostics.map((d) => [d.code.value, d.severity])).toEqual([['shell-form-entrypoint', 'ERROR'], ['sigterm-ignored', 'ERROR'], ['shellcheck/SC2086', 'INFO'], ['wrapper-no-errexit', 'WARNING']]);
    expect(doc.diagnostics[2]!.location.range).toEqual({ start: { line: 7, column: 12 }, end: { line: 9, column: 3 } });
    expect(doc.diagnostics[3]!.location.range).toEqual({ start: { line: 1, column: 1 } });
    expect(doc.diagnostics[0]!.code.url).toMatch(/docs\/rules\/shell-form-entrypoint\.md$/);
  });
});

describe('gitlab (Code Quality)', () => {
  it('has the fields GitLab requires, its severities, and a unique stable fingerprint per issue', () => {
    const issues = toGitlab([...reports, reports[0]!]) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    for (const i of issues) {
      expect(i.description.length).toBeGreaterThan(5);
      expect(i.check_name).toMatch(/^[a-z0-9/-]+/);
      expect(i.fingerprint).toMatch(/^[a-f0-9]{64}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
      expect(i.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(toGitlab(reports)).toEqual(toGitlab(reports));
    expect(issues.map((i) => i.severity).slice(0, 4)).toEqual(['major', 'major', 'info', 'minor']);
  });
});

describe('--format on the command line', () => {
  it('writes each format for a real run, and nothing else on stdout', async () => {
    const ctx = makeContext({ Dockerfile: 'FROM node:22\nWORKDIR /app\nENTRYPOINT npm start\n' });
    for (const format of ['compact', 'checkstyle', 'rdjson', 'gitlab', 'junit']) {
      let out = '';
      const code = await runCli(['--static', '--format', format, 'Dockerfile'], { stdout: (t) => void (out += t), stderr: () => undefined, isTTY: false, cwd: ctx });
      expect(code, format).toBe(1);
      expect(out, format).toContain('shell-form-entrypoint');
      if (format === 'checkstyle' || format === 'junit') expect(XMLValidator.validate(out)).toBe(true);
      if (format === 'rdjson' || format === 'gitlab') expect(() => JSON.parse(out)).not.toThrow();
    }
  });
});
