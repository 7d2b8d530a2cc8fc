/**
 * `kubectl auth can-i` as kubectl parses and answers it (staging/src/k8s.io/kubectl/pkg/cmd/
 * auth/cani.go: Complete, Validate, resourceFor, RunAccessCheck, RunAccessList) and
 * `kubectl auth whoami` (SelfSubjectReview table).
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../cluster/driver.ts';

const fixture = `apiVersion: v1
kind: Namespace
metadata: {name: b}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: b}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get]
  resourceNames: [log]
- apiGroups: [""]
  resources: [pods/log]
  verbs: [get]
- apiGroups: [apps]
  resources: [deployments]
  verbs: [list]
- apiGroups: [""]
  resources: [nodes]
  verbs: [list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: r, namespace: b}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: dana}
`;

describe('auth can-i argument parsing (cani.go Complete/resourceFor)', () => {
  const d = new Driver().apply(fixture);
  const rows: Array<[string, string, number, string]> = [
    // [why, command line, exit, stdout]
    [
      'TYPE/NAME: pods/log names the pod "log"',
      'auth can-i get pods/log -n b --as=dana',
      0,
      'yes\n',
    ],
    ['TYPE/NAME: another pod name is refused', 'auth can-i get pods/web -n b --as=dana', 1, 'no\n'],
    [
      'a subresource needs --subresource',
      'auth can-i get pods --subresource=log -n b --as=dana',
      0,
      'yes\n',
    ],
    [
      'short names resolve through discovery',
      'auth can-i list deploy.apps -n b --as=dana',
      0,
      'yes\n',
    ],
    [
      'unqualified names resolve to their group',
      'auth can-i list deployments -n b --as=dana',
      0,
      'yes\n',
    ],
    [
      'TYPE.VERSION.GROUP resolves',
      'auth can-i list deployments.v1.apps -n b --as=dana',
      0,
      'yes\n',
    ],
    [
      'the namespace defaults to the context namespace',
      'auth can-i list deployments --as=dana',
      1,
      'no\n',
    ],
    [
      '-A asks cluster-wide, where RoleBindings never count',
      'auth can-i list deployments -A --as=dana',
      1,
      'no\n',
    ],
    ['-q prints nothing', 'auth can-i list deployments -n b -q --as=dana', 0, ''],
    ['the admin can do anything', 'auth can-i "*" "*"', 0, 'yes\n'],
    ['non-resource URLs start with /', 'auth can-i get /healthz --as=dana', 0, 'yes\n'],
    ['non-resource URLs are cluster-wide', 'auth can-i get /metrics --as=dana', 1, 'no\n'],
  ];
  it.each(rows)('%s', (_why, line, exit, stdout) => {
    const r = d.run(line);
    expect({ exit: r.exitCode, stdout: r.stdout }).toEqual({ exit, stdout });
  });

  it('warns about resource types the server does not have, and asks about the name as typed', () => {
    const r = d.run('auth can-i get foo -n b');
    expect(r.stderr).toBe("Warning: the server doesn't have a resource type 'foo'\n");
    expect(r.stdout).toBe('yes\n');
    expect(d.run('auth can-i get foo.example.com --as=dana').stderr).toBe(
      "Warning: the server doesn't have a resource type 'foo' in group 'example.com'\n",
    );
  });

  it('warns that a cluster-scoped resource is not namespaced, and still asks in the namespace', () => {
    const r = d.run('auth can-i list nodes -n b --as=dana');
    expect(r.stderr).toBe("Warning: resource 'nodes' is not namespace scoped\n");
    expect(r.stdout).toBe('yes\n');
    expect(d.run('auth can-i list nodes -A --as=dana').stdout).toBe('no\n');
  });

  it('warns about unknown verbs', () => {
    expect(d.run('auth can-i frob pods -n b').stderr).toBe(
      "Warning: verb 'frob' is not a known verb\n",
    );
  });

  it('answers cronjobs.batch and other resources the simulator does not store (discovery)', () => {
    const r = d.run('auth can-i create cronjobs.batch --as=dana');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('no\n');
  });

  it("rejects kubectl's argument errors", () => {
    expect(d.run('auth can-i get').stderr).toBe(
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n",
    );
    expect(d.run('auth can-i get /healthz --subresource=x').stderr).toBe(
      'error: --subresource can not be used with NonResourceURL\n',
    );
    expect(d.run('auth can-i --list -A').stderr).toBe(
      "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n",
    );
    expect(d.run('auth can-i --list get pods').stderr).toBe(
      'error: list option must be specified with no arguments\n',
    );
  });

  it('requires impersonation rights for --as', () => {
    const r = d.run('auth can-i get pods --as=dana --as-group=x');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('no\n');
    const inner = new Driver().apply(fixture);
    inner.state = { ...inner.state, context: { ...inner.state.context, user: 'dana' } };
    const denied = inner.run('auth can-i get pods --as=eve');
    expect(denied.stderr).toBe(
      'Error from server (Forbidden): users "eve" is forbidden: User "dana" cannot impersonate resource "users" in API group "" at the cluster scope\n',
    );
  });
});

describe('auth can-i --list (SelfSubjectRulesReview table)', () => {
  it("prints kubectl's table, sorted by verbs, with resource.group/subresource", () => {
    const d = new Driver().apply(fixture);
    const out = d.run('auth can-i --list -n b --as=dana').stdout.split('\n');
    expect(out[0]).toBe(
      'Resources                                       Non-Resource URLs   Resource Names   Verbs',
    );
    expect(out).toContain(
      'pods/log                                        []                  []               [get]',
    );
    expect(out).toContain(
      'pods                                            []                  [log]            [get]',
    );
    expect(out).toContain(
      'deployments.apps                                []                  []               [list]',
    );
    expect(out).toContain(
      'selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]',
    );
    // Verbs sort first: create < get < list.
    const firstGet = out.findIndex((l) => l.endsWith('[get]'));
    const lastCreate = out.map((l) => l.endsWith('[create]')).lastIndexOf(true);
    expect(lastCreate).toBeLessThan(firstGet);
  });
});

describe('auth whoami', () => {
  it('shows the user and groups the API server sees', () => {
    const d = new Driver();
    expect(d.run('auth whoami').stdout).toBe(
      'ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n',
    );
    expect(d.run('auth whoami --as=system:serviceaccount:a:b').stdout).toBe(
      'ATTRIBUTE   VALUE\nUsername    system:serviceaccount:a:b\nGroups      [system:serviceaccounts system:serviceaccounts:a system:authenticated]\n',
    );
  });

  it('is forbidden to anonymous (system:basic-user is bound to system:authenticated only)', () => {
    const r = new Driver().run('auth whoami --as=system:anonymous');
    expect(r.stderr).toBe(
      'Error from server (Forbidden): selfsubjectreviews.authentication.k8s.io is forbidden: User "system:anonymous" cannot create resource "selfsubjectreviews" in API group "authentication.k8s.io" at the cluster scope\n',
    );
  });
});
