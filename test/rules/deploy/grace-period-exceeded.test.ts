// grace-period-exceeded, statically: a preStop `sleep` that alone takes the deployment's whole
// grace period. The Deployment objects are those the deployment readers give for the manifests
// in test/fixtures/deploy/ and test/fixtures/runtime/deployed-drain/ (their lines), set on the
// parsed model; the runtime verdict (preStop + measured shutdown) is in test/runtime/deployed.test.ts.
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../src/model/deployment.js';
import { parseDockerfile } from '../../../src/model/parse.js';
import type { DockerfileModel } from '../../../src/model/types.js';
import { ruleMeta, staticRules } from '../../../src/rules/registry.js';

const rule = staticRules.find((r) => r.id === 'grace-period-exceeded')!;

function model(deployments: Deployment[]): DockerfileModel {
  const m = parseDockerfile({ file: 'Dockerfile', absPath: '/nonexistent/Dockerfile', text: 'FROM python:3.12-slim\nCMD ["python3", "worker.py"]\n', contextDir: '/nonexistent' });
  m.deployments = deployments;
  return m;
}

/**
 * test/fixtures/deploy/prestop-sleep-60.yaml, from kubernetes/kubernetes#23515: preStop
 * `bash -c "sleep 60"` (line 20), no terminationGracePeriodSeconds (the default 30 s).
 */
const issue23515: Deployment = {
  kind: 'kubernetes', file: 'test/fixtures/deploy/prestop-sleep-60.yaml', line: 15, name: 'elasticsearch', workload: 'Deployment/testdeployment',
  env: [], skippedEnv: [],
  grace: { seconds: 30 },
  preStop: { kind: 'exec', seconds: 60, argv: ['bash', '-c', 'sleep 60'], line: 20 },
};

describe('grace-period-exceeded (static)', () => {
  it('is registered as an error with its docs page', () => {
    expect(rule).toBeDefined();
    expect(ruleMeta('grace-period-exceeded')).toMatchObject({ severity: 'error' });
  });

  it('fires on a preStop sleep 60 under the default 30 s grace period (kubernetes/kubernetes#23515), at the preStop line, with the three numbers', () => {
    const hits = rule.check(model([issue23515]));
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    // No terminationGracePeriodSeconds in the manifest: the finding points at the hook.
    expect(hit!.file).toBe('test/fixtures/deploy/prestop-sleep-60.yaml');
    expect(hit!.range.line).toBe(20);
    expect(hit!.message).toContain('container `elasticsearch` of Deployment/testdeployment');
    expect(hit!.message).toContain('the preStop `bash -c sleep 60` (line 20) takes 60 s');
    expect(hit!.message).toContain('+ the app\'s shutdown (at least 0 s)');
    expect(hit!.message).toContain('≥ the 30 s grace period (`terminationGracePeriodSeconds` not set: the default)');
    expect(hit!.fix).toContain('terminationGracePeriodSeconds: 90');
    expect(hit!.fix).toContain('shorten the preStop hook');
  });

  it('fires at the grace setting\'s own line when the manifest writes it (preStop sleep 30 = grace 30)', () => {
    const hits = rule.check(model([{ ...issue23515, grace: { seconds: 30, line: 12 }, preStop: { kind: 'sleep', seconds: 30, line: 23 } }]));
    expect(hits.map((h) => h.range.line)).toEqual([12]);
    expect(hits[0]!.message).toContain('(`terminationGracePeriodSeconds`, line 12)');
  });

  it('does not fire when the grace period outlasts the preStop sleep (test/fixtures/runtime/deployed-drain/k8s.yaml: sleep 20 under 30 s), nor for a hook of unknown length, nor without one', () => {
    // k8s.yaml: 20 s + its 15 s drain does exceed 30 s, but only the probe can measure the drain.
    const k8sYaml: Deployment = {
      kind: 'kubernetes', file: 'k8s.yaml', line: 14, name: 'worker', workload: 'Deployment/worker',
      env: [{ name: 'DRAIN_SECONDS', value: '15', line: 17 }], skippedEnv: ['QUEUE_PASSWORD'],
      grace: { seconds: 30, line: 12 }, preStop: { kind: 'sleep', seconds: 20, line: 23 },
    };
    const unknownHook: Deployment = { ...issue23515, preStop: { kind: 'exec', argv: ['/shutdown.sh'], line: 20 } };
    const compose: Deployment = { kind: 'compose', file: 'compose.yaml', line: 2, name: 'worker', env: [], skippedEnv: [], grace: { seconds: 5, line: 6 } };
    expect(rule.check(model([k8sYaml, unknownHook, compose]))).toEqual([]);
    expect(rule.check(model([]))).toEqual([]);
  });
});
