/**
 * The bootstrap policy of a new cluster (bootstrappolicy testdata cluster-roles.yaml and
 * cluster-role-bindings.yaml, plus kubeadm's kubeadm:cluster-admins binding) and the
 * ClusterRole aggregation controller (pkg/controller/clusterroleaggregation).
 */
import { describe, expect, it } from 'vitest';
import { getObject, type ClusterRole } from '../../../../src/engine/cluster/index.ts';
import {
  authorize,
  type AuthzAttributes,
  type UserInfo,
} from '../../../../src/engine/rbac/index.ts';
import { Driver } from '../cluster/driver.ts';

const bind = (role: string, user: string) => `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${user}-${role}, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: ${user}}
`;

function can(
  d: Driver,
  u: string,
  verb: string,
  resource: string,
  group = '',
  subresource = '',
): boolean {
  const who: UserInfo = { username: u, groups: ['system:authenticated'] };
  const attrs: AuthzAttributes = {
    verb,
    resourceRequest: true,
    apiGroup: group,
    resource,
    subresource,
    namespace: 'team',
  };
  return authorize(d.state, who, attrs).allowed;
}

describe('bootstrap ClusterRoles admin/edit/view (aggregated, real rules)', () => {
  const d = new Driver()
    .apply(bind('view', 'v'))
    .apply(bind('edit', 'e'))
    .apply(bind('admin', 'a'));
  const rows: Array<[string, string, string, string, string, boolean]> = [
    // [user, verb, resource, group, subresource, allowed] — from system:aggregate-to-view/edit/admin
    ['v', 'list', 'pods', '', '', true],
    ['v', 'get', 'pods', '', 'log', true],
    ['v', 'get', 'secrets', '', '', false],
    ['v', 'create', 'pods', '', '', false],
    ['v', 'list', 'networkpolicies', 'networking.k8s.io', '', true],
    ['v', 'list', 'roles', 'rbac.authorization.k8s.io', '', false],
    ['v', 'get', 'pods', '', 'exec', false],
    ['e', 'get', 'secrets', '', '', true],
    ['e', 'create', 'pods', '', 'exec', true],
    ['e', 'create', 'deployments', 'apps', '', true],
    ['e', 'list', 'pods', '', '', true],
    ['e', 'impersonate', 'serviceaccounts', '', '', true],
    ['e', 'create', 'rolebindings', 'rbac.authorization.k8s.io', '', false],
    ['a', 'create', 'rolebindings', 'rbac.authorization.k8s.io', '', true],
    ['a', 'create', 'localsubjectaccessreviews', 'authorization.k8s.io', '', true],
    ['a', 'get', 'secrets', '', '', true],
    ['a', 'list', 'pods', '', '', true],
    ['a', 'create', 'resourcequotas', '', '', false],
  ];
  it.each(rows)('%s %s %s.%s/%s → %s', (u, verb, resource, group, sub, expected) => {
    expect(can(d, u, verb, resource, group, sub)).toBe(expected);
  });

  it('keeps admin, edit and view as aggregated roles with aggregate-to-* labels', () => {
    const edit = getObject<ClusterRole>(d.state, 'ClusterRole', undefined, 'edit')!;
    expect(edit.aggregationRule?.clusterRoleSelectors).toEqual([
      { matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } },
    ]);
    expect(edit.metadata.labels?.['rbac.authorization.k8s.io/aggregate-to-admin']).toBe('true');
  });

  it('gives cluster-admin to the kubeadm admin group and to system:masters', () => {
    const crb = (name: string) => getObject(d.state, 'ClusterRoleBinding', undefined, name);
    expect(crb('kubeadm:cluster-admins')).toMatchObject({
      roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'kubeadm:cluster-admins' }],
    });
    expect(crb('cluster-admin')).toMatchObject({
      subjects: [{ kind: 'Group', name: 'system:masters' }],
    });
  });
});

describe('ClusterRole aggregation controller', () => {
  const base = `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: monitoring}
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {example.com/monitoring: "true"}
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: m, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: m}
`;
  const part = (
    name: string,
    resource: string,
    value = 'true',
  ) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ${name}
  labels: {example.com/monitoring: "${value}"}
rules:
- apiGroups: [""]
  resources: [${resource}]
  verbs: [get]
`;

  it('replaces the aggregated role’s own rules with the union of the selected roles', () => {
    const d = new Driver().apply(base);
    expect(can(d, 'm', 'get', 'secrets')).toBe(false);
    expect(getObject<ClusterRole>(d.state, 'ClusterRole', undefined, 'monitoring')!.rules).toEqual(
      [],
    );
  });

  it('recomputes when a selected role is added, changed or deleted', () => {
    const d = new Driver().apply(base).apply(part('m-pods', 'pods'));
    expect(can(d, 'm', 'get', 'pods')).toBe(true);
    d.apply(part('m-pods', 'services'));
    expect(can(d, 'm', 'get', 'pods')).toBe(false);
    expect(can(d, 'm', 'get', 'services')).toBe(true);
    d.apply(part('m-cm', 'configmaps', 'false'));
    expect(can(d, 'm', 'get', 'configmaps')).toBe(false);
    d.run('delete clusterrole m-pods');
    expect(can(d, 'm', 'get', 'services')).toBe(false);
  });

  it('follows chains of aggregated roles (view → edit → admin) to a fixed point', () => {
    const d = new Driver().apply(bind('admin', 'a')).apply(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: widgets-view
  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
rules:
- apiGroups: [example.com]
  resources: [widgets]
  verbs: [list]
`);
    expect(can(d, 'a', 'list', 'widgets', 'example.com')).toBe(true);
  });
});
