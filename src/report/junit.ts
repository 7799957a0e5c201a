// JUnit XML for CI test tabs (GitLab, Jenkins, Azure): one test suite per Dockerfile, one test
// case per finding at or above fail-on (a failure) and one passing case for a clean file.
import { failsAt, type FailOn, type Report } from '../findings.js';
import { xml } from './xml.js';

export function formatJunit(reports: Report[], failOn: FailOn): string {
  const suites = reports.map((r) => {
    const failing = r.findings.filter((f) => failsAt([f], failOn));
    const cases = failing.map(
      (f) =>
        `    <testcase classname="${xml(r.dockerfile)}" name="${xml(`${f.rule} at ${f.file}:${f.line}`)}">\n      <failure type="${xml(f.rule)}" message="${xml(f.message)}">${xml(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} Fix: ${f.fix}`)}</failure>\n    </testcase>`,
    );
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(r.dockerfile)}" name="${xml(`${r.dockerfile || 'image'}: nothing at or above ${failOn}`)}"/>`);
    return `  <testsuite name="${xml(`entrypoint-guard ${r.dockerfile}`)}" tests="${cases.length}" failures="${failing.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = reports.reduce((n, r) => n + r.findings.filter((f) => failsAt([f], failOn)).length, 0);
  const tests = reports.reduce((n, r) => n + Math.max(1, r.findings.filter((f) => failsAt([f], failOn)).length), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="entrypoint-guard" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
