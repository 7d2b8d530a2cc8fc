import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createCluster, loadManifests } from '../../../../src/engine/cluster/index.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';

// Bad input never crashes anything and never loses the learner's work (DESIGN.md quality bars).
const name = fc.oneof(
  fc.constantFrom('web', 'team-a', 'x', 'Bad_Name', '', 'a.b', '-x', 'y'),
  fc.string({ maxLength: 12 }),
);
const labels = fc.dictionary(
  fc.oneof(fc.constantFrom('app', 'team', 'kubernetes.io/x', 'a/b/c'), fc.string({ maxLength: 6 })),
  fc.oneof(fc.constantFrom('web', '', '-bad'), fc.string({ maxLength: 6 })),
  { maxKeys: 3 },
);
const port = fc.oneof(fc.integer({ min: -2, max: 70000 }), fc.constantFrom('http', '80', 'x y'));
const kubeObject = fc.record(
  {
    apiVersion: fc.constantFrom(
      'v1',
      'apps/v1',
      'networking.k8s.io/v1',
      'rbac.authorization.k8s.io/v1',
      'example.com/v1',
      '',
    ),
    kind: fc.constantFrom(
      'Namespace',
      'Pod',
      'Service',
      'Deployment',
      'NetworkPolicy',
      'Role',
      'RoleBinding',
      'ConfigMap',
      'Foo',
      'List',
    ),
    metadata: fc.record(
      {
        name,
        namespace: fc.option(fc.constantFrom('default', 'missing', 'kube-system'), {
          nil: undefined,
        }),
        labels,
      },
      { requiredKeys: [] },
    ),
    spec: fc.option(
      fc.record(
        {
          selector: fc.option(fc.oneof(labels, fc.record({ matchLabels: labels })), {
            nil: undefined,
          }),
          ports: fc.option(
            fc.array(
              fc.record({ port, targetPort: port, protocol: fc.constantFrom('TCP', 'UDP', 'FOO') }),
              { maxLength: 3 },
            ),
            { nil: undefined },
          ),
          containers: fc.option(
            fc.array(
              fc.record({
                name,
                image: fc.constantFrom('nginx', ''),
                ports: fc.array(fc.record({ containerPort: port }), { maxLength: 2 }),
              }),
              { maxLength: 2 },
            ),
            { nil: undefined },
          ),
          podSelector: fc.option(fc.record({ matchLabels: labels }), { nil: undefined }),
          replicas: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
          template: fc.option(
            fc.record({
              metadata: fc.record({ labels }),
              spec: fc.record({
                containers: fc.array(fc.record({ name, image: fc.constant('x') }), {
                  maxLength: 1,
                }),
              }),
            }),
            { nil: undefined },
          ),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: [] },
);

const manifestText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json(),
  fc
    .array(kubeObject, { minLength: 1, maxLength: 4 })
    .map((objs) => objs.map((o) => stringify(o)).join('---\n')),
  kubeObject.map((o) => JSON.stringify(o)),
  fc
    .array(kubeObject, { maxLength: 3 })
    .map((items) => stringify({ apiVersion: 'v1', kind: 'List', items })),
);

describe('loading arbitrary text (property)', () => {
  const base = createCluster();

  it('never throws, and a command that applied nothing leaves the state untouched', () => {
    fc.assert(
      fc.property(manifestText, (text) => {
        expect(() => loadManifests(text, 'fuzz.yaml')).not.toThrow();
        const r = runKubectl(base, ['apply', '-f', '-'], { stdin: text });
        expect(r.stderr).not.toContain('internal simulator error');
        if (r.stdout === '') expect(r.state).toBe(base);
        if (r.exitCode === 0) expect(r.stderr).toBe('');
        // Something reported as created really changed the cluster.
        if (/ created$/m.test(r.stdout)) expect(r.state).not.toBe(base);
      }),
      { numRuns: 1000 },
    );
  });
});
