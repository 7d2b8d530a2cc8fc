/**
 * The RBAC authorizer over a cluster: which bindings count (VisitRulesFor), subjects
 * (appliesToUser), missing roles, the decision's reason, system:masters, and the identities
 * impersonation builds. Sources: pkg/registry/rbac/validation/rule.go, plugin/pkg/auth/
 * authorizer/rbac/rbac.go (reason "RBAC: allowed by …"), apiserver filters/impersonation.go.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import {
  authorize,
  impersonatedUser,
  serviceAccountUser,
  type AuthzAttributes,
  type UserInfo,
} from '../../../../src/engine/rbac/index.ts';
import { Driver } from '../cluster/driver.ts';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const podsIn = (namespace: string, verb = 'get'): AuthzAttributes => ({
  verb,
  resourceRequest: true,
  apiGroup: '',
  resource: 'pods',
  namespace,
});
const user = (username: string, ...groups: string[]): UserInfo => ({ username, groups });

function cluster(): Driver {
  return new Driver().apply(
    [
      ns('a'),
      ns('b'),
      `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: b}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: b}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects:
- kind: User
  apiGroup: rbac.authorization.k8s.io
  name: alice
- kind: ServiceAccount
  name: reader
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: secrets-in-a, namespace: a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
subjects:
- kind: Group
  apiGroup: rbac.authorization.k8s.io
  name: devs
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ghost}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: does-not-exist}
subjects:
- kind: User
  apiGroup: rbac.authorization.k8s.io
  name: carol
`,
    ].join('---\n'),
  );
}

describe('RBAC authorizer', () => {
  const d = cluster();
  const rows: Array<[string, UserInfo, AuthzAttributes, boolean]> = [
    [
      'RoleBinding grants in its namespace (rule.go: RoleBindings of the request namespace)',
      user('alice'),
      podsIn('b'),
      true,
    ],
    ['RoleBinding grants nothing elsewhere', user('alice'), podsIn('a'), false],
    ['RoleBindings never count cluster-wide', user('alice'), podsIn(''), false],
    ['verb not in the rule', user('alice'), podsIn('b', 'delete'), false],
    [
      'SA subject without namespace defaults to the binding namespace (appliesToUser)',
      serviceAccountUser('b', 'reader'),
      podsIn('b'),
      true,
    ],
    [
      '…so the same SA name in another namespace is someone else',
      serviceAccountUser('a', 'reader'),
      podsIn('b'),
      false,
    ],
    [
      'RoleBinding to a ClusterRole grants only within the binding namespace',
      user('x', 'devs'),
      { ...podsIn('a'), resource: 'secrets' },
      true,
    ],
    [
      '…not in another namespace',
      user('x', 'devs'),
      { ...podsIn('b'), resource: 'secrets' },
      false,
    ],
    [
      'Group subjects match group membership, not the user name',
      user('devs'),
      { ...podsIn('a'), resource: 'secrets' },
      false,
    ],
    ['a binding whose role does not exist grants nothing', user('carol'), podsIn('b'), false],
    [
      'system:masters bypasses RBAC (privileged group authorizer)',
      user('root', 'system:masters'),
      podsIn('zzz', 'delete'),
      true,
    ],
    [
      'the kubeadm admin group is bound to cluster-admin',
      user('kubernetes-admin', 'kubeadm:cluster-admins'),
      podsIn('', 'deletecollection'),
      true,
    ],
  ];
  it.each(rows)('%s', (_n, u, attrs, expected) => {
    expect(authorize(d.state, u, attrs).allowed).toBe(expected);
  });

  it('names the binding, role and subject that allowed the request', () => {
    const decision = authorize(d.state, serviceAccountUser('b', 'reader'), podsIn('b'));
    expect(decision.apiReason).toBe(
      'RBAC: allowed by RoleBinding "read-pods/b" of Role "pod-reader" to ServiceAccount "reader/b"',
    );
    expect(decision.grant).toMatchObject({
      bindingKind: 'RoleBinding',
      binding: 'read-pods',
      ruleIndex: 0,
    });
  });

  it('says why when nothing allows it, including bindings to missing roles', () => {
    const decision = authorize(d.state, user('carol'), podsIn('b'));
    expect(decision.apiReason).toBe(
      'RBAC: clusterrole.rbac.authorization.k8s.io "does-not-exist" not found',
    );
    expect(decision.reason).toContain('no rules authorize user "carol"');
    const plain = authorize(d.state, user('nobody'), podsIn('b'));
    expect(plain.apiReason).toBe('');
    expect(plain.reason).toContain('in namespace "b"');
  });

  it('grants non-resource URLs from the bootstrap discovery roles', () => {
    const s = createCluster();
    const get = (path: string): AuthzAttributes => ({ verb: 'get', resourceRequest: false, path });
    const anonymous = impersonatedUser('system:anonymous', []);
    const someone = impersonatedUser('someone', []);
    expect(authorize(s, anonymous, get('/healthz')).allowed).toBe(true);
    expect(authorize(s, anonymous, get('/version')).allowed).toBe(true);
    expect(authorize(s, anonymous, get('/api')).allowed).toBe(false);
    expect(authorize(s, someone, get('/api')).allowed).toBe(true);
    expect(authorize(s, someone, get('/apis/apps/v1')).allowed).toBe(true);
    expect(authorize(s, someone, get('/metrics')).allowed).toBe(false);
    expect(
      authorize(s, someone, { verb: 'post', resourceRequest: false, path: '/api' }).allowed,
    ).toBe(false);
  });
});

describe('impersonated identities (impersonation filter)', () => {
  const rows: Array<[string, string, string[], string[]]> = [
    [
      'SA with no --as-group gets its groups',
      'system:serviceaccount:a:x',
      [],
      ['system:serviceaccounts', 'system:serviceaccounts:a', 'system:authenticated'],
    ],
    [
      'SA with --as-group gets only those plus system:authenticated',
      'system:serviceaccount:a:x',
      ['ops'],
      ['ops', 'system:authenticated'],
    ],
    ['a user gets system:authenticated', 'olivia', [], ['system:authenticated']],
    [
      'naming system:unauthenticated suppresses system:authenticated',
      'olivia',
      ['system:unauthenticated'],
      ['system:unauthenticated'],
    ],
    [
      'system:anonymous gets system:unauthenticated',
      'system:anonymous',
      [],
      ['system:unauthenticated'],
    ],
    [
      'a malformed SA name is a plain user',
      'system:serviceaccount:a',
      [],
      ['system:authenticated'],
    ],
  ];
  it.each(rows)('%s', (_n, name, groups, expected) => {
    expect(impersonatedUser(name, groups).groups).toEqual(expected);
  });
});
