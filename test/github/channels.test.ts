// The channels' pure parts: annotation limits and properties, diff hunks, review markers,
// Markdown escaping, check run conclusions, outputs.
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/findings.js';
import { annotationProperties, emitAnnotations, planAnnotations, type AnnotationSink } from '../../src/github/annotations.js';
import { describeApiError } from '../../src/github/api.js';
import { checkAnnotation, conclusionFor } from '../../src/github/check-run.js';
import { mdText } from '../../src/github/format.js';
import { shutdownSeconds } from '../../src/github/outputs.js';
import { commentableLines, commentBody, marker, markerKey, markersIn } from '../../src/github/review.js';
import { platformTable } from '../../src/github/summary.js';
import { VERSION } from '../../src/version.js';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'shell-form-entrypoint',
    severity: 'error',
    message: '`ENTRYPOINT node server.js` runs as `/bin/sh -c`, so CMD arguments are silently dropped.',
    fix: 'Use exec form: `ENTRYPOINT ["node", "server.js"]`.',
    file: 'Dockerfile',
    line: 4,
    endLine: 4,
    column: 1,
    endColumn: 26,
    ...over,
  };
}

function many(severity: Finding['severity'], n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => finding({ severity, file: `svc${i}/Dockerfile` }));
}

describe('annotation limits', () => {
  it('keeps everything when it fits', () => {
    const all = [...many('info', 10), ...many('warning', 10), ...many('error', 10)];
    const plan = planAnnotations(all);
    expect(plan.hidden).toEqual([]);
    expect(plan.shown.map((f) => f.severity)).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('info')]);
  });

  it('keeps one error slot for the failure message and one notice slot for "N more"', () => {
    const plan = planAnnotations([...many('error', 10), ...many('warning', 3), ...many('info', 10)], true);
    expect(plan.shown.filter((f) => f.severity === 'error')).toHaveLength(9);
    expect(plan.shown.filter((f) => f.severity === 'info')).toHaveLength(9);
    expect(plan.hidden.map((f) => f.severity)).toEqual(['error', 'info']);
  });

  it('emits the "N more" notice last, naming where to look', () => {
    const calls: [string, string, unknown][] = [];
    const sink: AnnotationSink = {
      error: (m, p) => calls.push(['error', m, p]),
      warning: (m, p) => calls.push(['warning', m, p]),
      notice: (m, p) => calls.push(['notice', m, p]),
    };
    emitAnnotations(many('warning', 13), { elsewhere: ['the job summary', 'the SARIF file eg.sarif'] }, sink);
    expect(calls.map((c) => c[0])).toEqual([...Array(10).fill('warning'), 'notice']);
    expect(calls.at(-1)![1]).toBe('3 more findings not shown as annotations (GitHub shows at most 10 per severity in a step): see the job summary, the SARIF file eg.sarif.');
  });

  it('sends columns only for single-line findings and no file for paths outside the workspace', () => {
    expect(annotationProperties(finding())).toEqual({ title: 'shell-form-entrypoint: ENTRYPOINT in shell form', file: 'Dockerfile', startLine: 4, endLine: 4, startColumn: 1, endColumn: 26 });
    expect(annotationProperties(finding({ endLine: 6 }))).toEqual({ title: expect.any(String), file: 'Dockerfile', startLine: 4, endLine: 6 });
    expect(annotationProperties(finding({ file: '../other/Dockerfile' }))).toEqual({ title: expect.any(String) });
    expect(annotationProperties(finding({ rule: 'sigterm-ignored', platforms: ['linux/amd64', 'linux/arm64'] })).title).toBe('sigterm-ignored: Stop signal ignored (linux/amd64, linux/arm64)');
  });
});

describe('diff hunks', () => {
  const PATCH = [
    '@@ -1,6 +1,7 @@',
    ' FROM python:3.12-slim',
    '+ENV PYTHONUNBUFFERED=1',
    ' WORKDIR /app',
    ' COPY requirements.txt .',
    ' RUN pip install --no-cache-dir -r requirements.txt',
    ' COPY . .',
    ' EXPOSE 8000',
    '@@ -10,4 +11,3 @@ RUN useradd --create-home app',
    ' USER app',
    '-COPY docker-entrypoint.sh /',
    '-ENTRYPOINT /docker-entrypoint.sh',
    '+ENTRYPOINT ["/docker-entrypoint.sh"]',
    ' CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]',
    '\\ No newline at end of file',
  ].join('\n');

  it('knows the RIGHT-side lines of every hunk: added and context lines, not removed ones', () => {
    expect([...commentableLines(PATCH)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 11, 12, 13]);
  });

  it('handles headers without counts, deleted-only hunks and text after a hunk', () => {
    expect([...commentableLines('@@ -3 +3 @@\n-CMD npm start\n+CMD ["node", "server.js"]')]).toEqual([3]);
    expect([...commentableLines('@@ -5,2 +4,0 @@\n-RUN a\n-RUN b')]).toEqual([]);
    // An empty line inside a hunk is a context line that lost its space; after the hunk it is nothing.
    expect([...commentableLines('@@ -1,3 +1,3 @@\n FROM a\n\n-RUN x\n+RUN y\n\n')]).toEqual([1, 2, 3]);
  });
});

describe('review comments', () => {
  it('round-trips markers, even for odd paths, and cannot be faked by quoted text', () => {
    const odd = finding({ file: 'svc/we ird-->x/Dockerfile', rule: 'shellcheck/SC2086', line: 12 });
    expect(markersIn(`text\n${marker(odd)}`)).toEqual([markerKey(odd)]);
    expect(markerKey(odd)).not.toContain('-->');
    const sneaky = finding({ message: 'log: <!-- entrypoint-guard:shell-form-entrypoint:Dockerfile:99 --> @octocat' });
    const body = commentBody(sneaky);
    expect(markersIn(body)).toEqual([markerKey(sneaky)]);
    expect(body).not.toContain('@octocat');
    expect(body).toContain(`https://github.com/entrypoint-guard/entrypoint-guard/blob/v${VERSION}/docs/rules/shell-form-entrypoint.md`);
  });
});

describe('Markdown escaping', () => {
  it('shows code spans as code and everything else literally', () => {
    expect(mdText('`docker run <image> migrate` arguments | are *dropped*')).toBe(
      '<code>docker run &#60;image&#62; migrate</code> arguments &#124; are &#42;dropped&#42;',
    );
    expect(mdText('<img src=x onerror=alert(1)>\n[link](javascript:alert(1))')).not.toMatch(/[<>[\]\n]/);
  });

  it('renders a platform row per platform with the probe results', () => {
    const report: Report = {
      version: 1,
      dockerfile: 'Dockerfile',
      findings: [],
      platforms: [
        { platform: 'linux/amd64', build: { ok: true, seconds: 41.23 }, startCommand: ['/entrypoint.sh', 'gunicorn', 'app:app'], pid1: 'gunicorn app:app', shutdown: { signal: 'SIGTERM', seconds: 0.31, exitCode: 0, killed: false } },
        { platform: 'linux/arm64', build: { ok: true, seconds: 80 }, pid1: '/bin/sh /entrypoint.sh', shutdown: { signal: 'SIGTERM', seconds: 10.02, exitCode: 137, killed: true } },
      ],
    };
    const rows = platformTable([report]).split('\n');
    expect(rows[0]).toBe('| Platform | Build | Start command | PID 1 | Stop signal | Shutdown | Exit code |');
    expect(rows[2]).toBe('| linux/amd64 | ✅ 41.2 s | <code>&#91;&#34;/entrypoint.sh&#34;,&#34;gunicorn&#34;,&#34;app:app&#34;&#93;</code> | <code>gunicorn app:app</code> | SIGTERM | 0.31 s | 0 |');
    expect(rows[3]).toBe('| linux/arm64 | ✅ 80.0 s |  | <code>/bin/sh /entrypoint.sh</code> | SIGTERM | ❌ SIGKILLed after 10.02 s | 137 |');
  });
});

describe('check run and outputs', () => {
  it('concludes from fail-on', () => {
    expect(conclusionFor([], 'error')).toBe('success');
    expect(conclusionFor([finding({ severity: 'warning' })], 'error')).toBe('neutral');
    expect(conclusionFor([finding({ severity: 'warning' })], 'warning')).toBe('failure');
    expect(conclusionFor([finding()], 'never')).toBe('neutral');
  });

  it('maps findings to check run annotations', () => {
    expect(checkAnnotation(finding({ severity: 'info', endLine: 5 }))).toEqual({
      path: 'Dockerfile',
      start_line: 4,
      end_line: 5,
      annotation_level: 'notice',
      message: `${finding().message}\nFix: ${finding().fix}`,
      title: 'shell-form-entrypoint: ENTRYPOINT in shell form',
    });
  });

  it('reports the slowest shutdown per platform', () => {
    const report = (seconds: number[]): Report => ({
      version: 1,
      dockerfile: 'Dockerfile',
      findings: [],
      platforms: ['linux/amd64', 'linux/arm64'].map((platform, i) => ({ platform, build: { ok: true, seconds: 1 }, shutdown: { signal: 'SIGTERM', seconds: seconds[i]!, exitCode: 0, killed: false } })),
    });
    expect(shutdownSeconds([report([0.3, 1.2]), report([2.5, 0.4])])).toEqual({ 'linux/amd64': 2.5, 'linux/arm64': 1.2 });
    expect(shutdownSeconds([{ version: 1, dockerfile: 'D', findings: [], platforms: [] }])).toEqual({});
  });

  it('describes API errors by status and message, never the request', () => {
    const err = Object.assign(new Error('Resource not accessible by integration - https://docs.github.com/rest/checks/runs#create-a-check-run'), {
      status: 403,
      request: { headers: { authorization: 'token ghs_secret' } },
      response: { data: { message: 'Resource not accessible by integration' } },
    });
    expect(describeApiError(err)).toBe('HTTP 403: Resource not accessible by integration');
    expect(describeApiError(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toBe('request failed: connect ECONNREFUSED 127.0.0.1:9');
  });
});
