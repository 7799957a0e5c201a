// Assertions shared by the start-contract rule tests.
import { expect } from 'vitest';
import type { Finding, Severity } from '../../../src/findings.js';
import { ruleMeta } from '../../../src/rules/registry.js';
import { hits } from '../../helpers.js';

/** Exactly one finding of `rule`, on `line` of the Dockerfile, with the rule's catalog severity. */
export function expectOne(findings: Finding[], rule: string, line: number, severity?: Severity): Finding {
  const found = hits(findings, rule);
  expect(found.map((f) => `${f.file}:${f.line}`)).toEqual([`Dockerfile:${line}`]);
  const f = found[0]!;
  expect(f.severity).toBe(severity ?? ruleMeta(rule)!.severity);
  expect(f.message.length).toBeGreaterThan(20);
  expect(f.fix.length).toBeGreaterThan(10);
  return f;
}

export function expectNone(findings: Finding[], rule: string): void {
  expect(hits(findings, rule).map((f) => `${f.line}: ${f.message}`)).toEqual([]);
}
