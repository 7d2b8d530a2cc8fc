/**
 * Properties of RBAC on random clusters (random Roles, ClusterRoles and bindings over a small
 * vocabulary, plus the bootstrap policy): RBAC is purely additive, so adding a binding never
 * removes a permission; and who-can is the exact inverse of can-i — a user may perform an
 * action iff some subject who-can lists for it applies to that user.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyToState,
  createCluster,
  type ClusterState,
  type KubeObject,
} from '../../../../src/engine/cluster/index.ts';
import {
  authorize,
  impersonatedUser,
  subjectAppliesTo,
  whoCan,
  type AuthzAttributes,
  type UserInfo,
} from '../../../../src/engine/rbac/index.ts';

const NS = ['a', 'b'];
const VERBS = ['get', 'list', 'create', 'delete', '*'];
const GROUPS = ['', 'apps', '*'];
const RESOURCES = ['pods', 'pods/log', 'deployments', 'secrets', '*', '*/log'];
const USERS = ['alice', 'bob', 'system:serviceaccount:a:sa', 'system:serviceaccount:b:sa'];
const USER_GROUPS = ['devs', 'ops', 'system:serviceaccounts:a'];

const sub = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1 });
const ruleArb = fc.oneof(
  fc.record({
    verbs: sub(VERBS),
    apiGroups: sub(GROUPS),
    resources: sub(RESOURCES),
    resourceNames: fc.option(fc.constant(['x']), { nil: undefined }),
  }),
  fc.record({ verbs: sub(['get', 'post']), nonResourceURLs: sub(['/healthz', '/api/*', '/x']) }),
);
const subjectArb = fc.oneof(
  fc.record({
    kind: fc.constant('User'),
    apiGroup: fc.constant('rbac.authorization.k8s.io'),
    name: fc.constantFrom('alice', 'bob'),
  }),
  fc.record({
    kind: fc.constant('Group'),
    apiGroup: fc.constant('rbac.authorization.k8s.io'),
    name: fc.constantFrom(...USER_GROUPS),
  }),
  fc.record({
    kind: fc.constant('ServiceAccount'),
    name: fc.constant('sa'),
    namespace: fc.constantFrom(...NS),
  }),
);
const roleRefArb = fc.record({
  kind: fc.constantFrom('Role', 'ClusterRole'),
  name: fc.constantFrom('r0', 'r1', 'r2', 'missing'),
});
const bindingArb = fc.record({
  namespace: fc.option(fc.constantFrom(...NS), { nil: undefined }),
  roleRef: roleRefArb,
  subjects: fc.array(subjectArb, { minLength: 1, maxLength: 3 }),
});
const clusterArb = fc.record({
  roles: fc.array(fc.array(ruleArb, { maxLength: 3 }), { minLength: 3, maxLength: 3 }),
  bindings: fc.array(bindingArb, { maxLength: 6 }),
});
const queryArb = fc.oneof(
  fc.record({
    verb: fc.constantFrom('get', 'list', 'create', 'delete'),
    resourceRequest: fc.constant(true),
    apiGroup: fc.constantFrom('', 'apps'),
    resource: fc.constantFrom('pods', 'deployments', 'secrets'),
    subresource: fc.constantFrom('', 'log'),
    name: fc.constantFrom('', 'x', 'y'),
    namespace: fc.constantFrom('', ...NS),
  }),
  fc.record({
    verb: fc.constantFrom('get', 'post'),
    resourceRequest: fc.constant(false),
    path: fc.constantFrom('/healthz', '/api', '/api/v1', '/x', '/metrics'),
  }),
);
const userArb = fc
  .tuple(fc.constantFrom(...USERS), fc.subarray([...USER_GROUPS, 'system:masters']))
  .map(([name, groups]) =>
    impersonatedUser(
      name,
      groups.includes('system:masters') ? groups : groups.filter((g) => !g.startsWith('system:')),
    ),
  );

type Binding = { namespace?: string; roleRef: { kind: string; name: string }; subjects: object[] };

function objects(roles: object[][], bindings: Binding[]): KubeObject[] {
  const out: KubeObject[] = NS.map((n) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: n },
  }));
  roles.forEach((rules, i) => {
    out.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: `r${i}` },
      rules,
    });
    // Namespaced Roles cannot hold non-resource rules.
    const nsRules = rules.filter((r) => !('nonResourceURLs' in r));
    for (const n of NS)
      out.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: `r${i}`, namespace: n },
        rules: nsRules,
      });
  });
  bindings.forEach((b, i) => out.push(bindingObject(b, i)));
  return out;
}

function bindingObject(b: Binding, i: number): KubeObject {
  const clusterWide = b.namespace === undefined;
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: clusterWide ? 'ClusterRoleBinding' : 'RoleBinding',
    metadata: { name: `b${i}`, ...(clusterWide ? {} : { namespace: b.namespace }) },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: clusterWide ? 'ClusterRole' : b.roleRef.kind,
      name: b.roleRef.name,
    },
    subjects: b.subjects,
  };
}

const base = createCluster();
function build(objs: KubeObject[], state: ClusterState = base): ClusterState {
  const r = applyToState(
    state,
    objs.map((object) => ({ object, source: { file: 'gen', line: 1, column: 1 } })),
    {
      mode: 'apply',
      namespace: 'default',
    },
  );
  const failed = r.outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) throw new Error(failed.message);
  return r.state;
}

function whoCanSays(state: ClusterState, user: UserInfo, q: AuthzAttributes): boolean {
  const result = whoCan(state, q);
  return [...result.clusterRoleBindings, ...result.roleBindings].some((e) =>
    subjectAppliesTo(user, e.subject, e.namespace ?? ''),
  );
}

describe('RBAC properties (random clusters)', () => {
  it('adding a binding never removes a permission', () => {
    fc.assert(
      fc.property(
        clusterArb,
        bindingArb,
        fc.array(fc.tuple(userArb, queryArb), { minLength: 1, maxLength: 8 }),
        (c, extra, queries) => {
          const before = build(objects(c.roles, c.bindings));
          const after = build([bindingObject(extra, 99)], before);
          for (const [u, q] of queries) {
            if (authorize(before, u, q).allowed) expect(authorize(after, u, q).allowed).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('can-i agrees with who-can', () => {
    fc.assert(
      fc.property(
        clusterArb,
        fc.array(fc.tuple(userArb, queryArb), { minLength: 1, maxLength: 8 }),
        (c, queries) => {
          const state = build(objects(c.roles, c.bindings));
          for (const [u, q] of queries) {
            expect(whoCanSays(state, u, q), JSON.stringify({ u, q })).toBe(
              authorize(state, u, q).allowed,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
