/**
 * Privilege-escalation prevention and RBAC validation, through `kubectl apply --as`.
 * Sources: pkg/registry/rbac/{role,clusterrole,rolebinding}/policybased/storage.go,
 * pkg/registry/rbac/escalation_check.go (escalate, bind, system:masters),
 * pkg/registry/rbac/validation/rule.go (ConfirmNoEscalation message), pkg/apis/rbac/validation.
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../cluster/driver.ts';

const SA = 'system:serviceaccount:team:deployer';
const setup = (extraRules = '') => `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: rbac-writer, namespace: team}
rules:
- apiGroups: [rbac.authorization.k8s.io]
  resources: [roles, rolebindings]
  verbs: [create, get, patch]
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
${extraRules}---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployer, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: rbac-writer}
subjects:
- {kind: ServiceAccount, name: deployer, namespace: team}
`;
const role = (verbs: string, resources = 'pods') => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: team}
rules:
- apiGroups: [""]
  resources: [${resources}]
  verbs: [${verbs}]
`;
const binding = (roleKind: string, roleName: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${roleKind}, name: ${roleName}}
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: bob}
`;

function applyAs(d: Driver, yaml: string, as = SA) {
  return d.run(`kubectl apply -f x.yaml --as=${as}`, { 'x.yaml': yaml });
}

describe('escalation prevention on Role writes', () => {
  it('allows a Role whose rules the writer already holds', () => {
    const r = applyAs(new Driver().apply(setup()), role('get, list'));
    expect(r.stdout).toBe('role.rbac.authorization.k8s.io/r created\n');
    expect(r.exitCode).toBe(0);
  });

  it("refuses one granting more, listing what is missing in the API server's words", () => {
    const r = applyAs(new Driver().apply(setup()), role('get, delete', 'pods, secrets'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `Error from server (Forbidden): error when creating "x.yaml": roles.rbac.authorization.k8s.io "r" is forbidden: user "${SA}" (groups=["system:serviceaccounts" "system:serviceaccounts:team" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n` +
        '{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}\n' +
        '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "delete"]}\n',
    );
  });

  it('allows it with the escalate verb on roles', () => {
    const d = new Driver().apply(
      setup(
        `- apiGroups: [rbac.authorization.k8s.io]\n  resources: [roles]\n  verbs: [escalate]\n`,
      ),
    );
    expect(applyAs(d, role('"*"', '"*"')).exitCode).toBe(0);
  });

  it('exempts system:masters', () => {
    const r = applyAs(
      new Driver().apply(setup()),
      role('"*"', '"*"'),
      'root --as-group=system:masters',
    );
    expect(r.exitCode).toBe(0);
  });

  it('refuses an aggregationRule to anyone without full authority', () => {
    const d = new Driver().apply(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cr-writer}
rules:
- apiGroups: [rbac.authorization.k8s.io]
  resources: [clusterroles]
  verbs: [create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: cr-writer}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr-writer}
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: eve}
`);
    const r = applyAs(
      d,
      `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: sneaky}
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}
`,
      'eve',
    );
    expect(r.stderr).toBe(
      'Error from server (Forbidden): error when creating "x.yaml": clusterroles.rbac.authorization.k8s.io "sneaky" is forbidden: must have cluster-admin privileges to use the aggregationRule\n',
    );
  });
});

describe('escalation prevention on bindings', () => {
  it('allows binding a role whose permissions the writer holds', () => {
    const d = new Driver().apply(setup()).apply(role('get'));
    expect(applyAs(d, binding('Role', 'r')).exitCode).toBe(0);
  });

  it('refuses binding cluster-admin without holding it', () => {
    const r = applyAs(new Driver().apply(setup()), binding('ClusterRole', 'cluster-admin'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'rolebindings.rbac.authorization.k8s.io "b" is forbidden: user "system:serviceaccount:team:deployer"',
    );
    expect(r.stderr).toContain('{APIGroups:["*"], Resources:["*"], Verbs:["*"]}');
  });

  it('allows it with the bind verb on that role', () => {
    const d = new Driver().apply(
      setup(
        `- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [bind]\n  resourceNames: [cluster-admin]\n`,
      ),
    );
    expect(applyAs(d, binding('ClusterRole', 'cluster-admin')).exitCode).toBe(0);
    expect(applyAs(d, binding('ClusterRole', 'admin')).exitCode).toBe(1);
  });

  it('reports a missing role as NotFound when the writer may not bind it', () => {
    const r = applyAs(new Driver().apply(setup()), binding('Role', 'nope'));
    expect(r.stderr).toBe(
      'Error from server (NotFound): error when creating "x.yaml": roles.rbac.authorization.k8s.io "nope" not found\n',
    );
  });

  it('lets the admin bind a role that does not exist yet (it grants nothing)', () => {
    const d = new Driver().apply(setup());
    expect(d.run('kubectl apply -f x.yaml', { 'x.yaml': binding('Role', 'later') }).exitCode).toBe(
      0,
    );
    expect(d.run('kubectl auth can-i get pods -n team --as=bob').stdout).toBe(
      'no - RBAC: role.rbac.authorization.k8s.io "later" not found\n',
    );
  });
});

describe('RBAC validation (pkg/apis/rbac/validation)', () => {
  const rows: Array<[string, string, string]> = [
    [
      'a rule needs verbs',
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: x, namespace: default}\nrules:\n- apiGroups: [""]\n  resources: [pods]\n`,
      'The Role "x" is invalid: rules[0].verbs: Required value: verbs must contain at least one value',
    ],
    [
      'a Role cannot name URLs',
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: x, namespace: default}\nrules:\n- nonResourceURLs: [/healthz]\n  verbs: [get]\n`,
      'namespaced rules cannot apply to non-resource URLs',
    ],
    [
      'resource rules need apiGroups',
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: x}\nrules:\n- resources: [pods]\n  verbs: [get]\n`,
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
    ],
    [
      'a ClusterRoleBinding can only refer to a ClusterRole',
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: x}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\n`,
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    ],
    [
      'a ClusterRoleBinding ServiceAccount subject needs a namespace',
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: x}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n- {kind: ServiceAccount, name: sa}\n`,
      'subjects[0].namespace: Required value',
    ],
    [
      'subject kinds are ServiceAccount, User, Group',
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: x, namespace: default}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n- {kind: Robot, name: r2}\n`,
      'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ],
  ];
  it.each(rows)('%s', (_n, yaml, message) => {
    const r = new Driver().run('kubectl apply -f x.yaml', { 'x.yaml': yaml });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(message);
  });
});
