/**
 * API calls from inside a pod (`exec POD -- kubectl …`): the pod's ServiceAccount token,
 * automountServiceAccountToken on the pod or its ServiceAccount, Forbidden errors worded as
 * the API server words them (responsewriters.Forbidden), and `who-can`.
 * Sources: client-go rest.InClusterConfig / clientcmd inClusterClientConfig.Possible,
 * kubernetes docs "Configure Service Accounts for Pods" (opt out of API credential automounting).
 */
import { describe, expect, it } from 'vitest';
import { getObject, type Pod, type Stored } from '../../../../src/engine/cluster/index.ts';
import { execKubectl } from '../../../../src/engine/kubectl/commands/exec-kubectl.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';
import { Driver } from '../cluster/driver.ts';

const cluster = `apiVersion: v1
kind: Namespace
metadata: {name: team-a}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-b}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: quiet, namespace: team-a}
automountServiceAccountToken: false
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: reader, namespace: team-a}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-lister}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [list, get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader-lists, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-lister}
subjects:
- {kind: ServiceAccount, name: reader}
---
${['web:default:', 'reader:reader:', 'nomount:default:false', 'quiet:quiet:', 'loud:quiet:true']
  .map((spec) => {
    const [name, sa, mount] = spec.split(':');
    return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: team-a}
spec:
  serviceAccountName: ${sa}
${mount ? `  automountServiceAccountToken: ${mount}\n` : ''}  containers:
  - {name: c, image: bitnami/kubectl}
`;
  })
  .join('---\n')}`;

function inPod(d: Driver, pod: string, line: string) {
  const p = getObject<Pod>(d.state, 'Pod', 'team-a', pod) as Stored<Pod>;
  return execKubectl(runKubectl, d.state, p, line.split(' '));
}

describe('kubectl inside a pod', () => {
  const d = new Driver().apply(cluster);

  it('runs as the pod ServiceAccount, in the pod namespace by default', () => {
    expect(inPod(d, 'reader', 'kubectl auth whoami').stdout).toContain(
      'Username    system:serviceaccount:team-a:reader',
    );
    const r = inPod(d, 'reader', 'kubectl get pods -o name');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('pod/web\n');
  });

  it('is refused across namespaces: reaching the API server is not permission', () => {
    const r = inPod(d, 'web', 'kubectl get pods -n team-b');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:team-a:default" cannot list resource "pods" in API group "" in the namespace "team-b"\n',
    );
    expect(inPod(d, 'reader', 'kubectl get pods -n team-b').stderr).toContain(
      'User "system:serviceaccount:team-a:reader" cannot list resource "pods" in API group "" in the namespace "team-b"',
    );
  });

  it('words a named get and a cluster-scoped list as the API server does', () => {
    expect(inPod(d, 'web', 'kubectl get pod reader').stderr).toBe(
      'Error from server (Forbidden): pods "reader" is forbidden: User "system:serviceaccount:team-a:default" cannot get resource "pods" in API group "" in the namespace "team-a"\n',
    );
    expect(inPod(d, 'web', 'kubectl get namespaces').stderr).toBe(
      'Error from server (Forbidden): namespaces is forbidden: User "system:serviceaccount:team-a:default" cannot list resource "namespaces" in API group "" at the cluster scope\n',
    );
  });

  it('has no in-cluster config without a mounted token (pod or ServiceAccount opt-out)', () => {
    const refused =
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n';
    expect(inPod(d, 'nomount', 'kubectl get pods').stderr).toBe(refused);
    expect(inPod(d, 'quiet', 'kubectl get pods').stderr).toBe(refused);
    // The pod's own setting wins over its ServiceAccount's.
    expect(inPod(d, 'loud', 'kubectl auth whoami').stdout).toContain(
      'system:serviceaccount:team-a:quiet',
    );
  });

  it('is anonymous when pointed at the API server without a token', () => {
    const r = inPod(
      d,
      'nomount',
      'kubectl --server=https://kubernetes.default.svc --insecure-skip-tls-verify get pods -n team-a',
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "team-a"\n',
    );
    expect(
      inPod(d, 'nomount', 'kubectl -s https://kubernetes.default.svc get pods').stderr,
    ).toContain('x509: certificate signed by unknown authority');
  });

  it('needs impersonate permission for --as inside a pod', () => {
    expect(inPod(d, 'web', 'kubectl get pods --as=kubernetes-admin').stderr).toBe(
      'Error from server (Forbidden): users "kubernetes-admin" is forbidden: User "system:serviceaccount:team-a:default" cannot impersonate resource "users" in API group "" at the cluster scope\n',
    );
  });
});

describe('who-can', () => {
  const d = new Driver().apply(cluster);

  it('lists subjects with the bindings that give them the permission', () => {
    const r = d.run('who-can list pods -n team-a');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ROLEBINDING\s+NAMESPACE\s+SUBJECT\s+TYPE\s+SA-NAMESPACE\s+ROLE$/);
    expect(lines[1]).toMatch(
      /^reader-lists\s+team-a\s+reader\s+ServiceAccount\s+team-a\s+ClusterRole\/pod-lister$/,
    );
    expect(r.stdout).toMatch(
      /kubeadm:cluster-admins\s+kubeadm:cluster-admins\s+Group\s+ClusterRole\/cluster-admin/,
    );
  });

  it('says when no RoleBinding grants it', () => {
    expect(d.run('who-can list pods -n team-b').stdout).toContain(
      'No subjects found with permissions to list pods assigned through RoleBindings',
    );
  });

  it('answers non-resource URLs from ClusterRoleBindings only', () => {
    const out = d.run('who-can get /healthz').stdout;
    expect(out).toMatch(/system:public-info-viewer\s+system:unauthenticated\s+Group/);
    expect(out).not.toMatch(/^ROLEBINDING/m);
  });
});
