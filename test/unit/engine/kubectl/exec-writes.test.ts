import { describe, expect, it } from 'vitest';
import { Driver } from '../cluster/driver.ts';

// `kubectl exec POD -- kubectl …` is an API call with the pod's ServiceAccount token: what it
// writes is really written, and what RBAC refuses is refused.
describe('kubectl inside a pod', () => {
  const setup = `
apiVersion: v1
kind: Namespace
metadata: {name: a}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: a}
spec: {containers: [{name: c, image: bitnami/kubectl}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: edit, namespace: a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects: [{kind: ServiceAccount, name: default, namespace: a}]
`;
  it('keeps the objects a permitted in-pod kubectl creates', () => {
    const d = new Driver().apply(setup);
    const r = d.run(
      'kubectl exec -n a p -- kubectl create configmap made-inside --from-literal=k=v',
    );
    expect(r.stdout).toBe('configmap/made-inside created\n');
    expect(d.get('ConfigMap', 'a', 'made-inside')).toBeDefined();
  });
  it('refuses, as the pod ServiceAccount, what its bindings do not grant', () => {
    const d = new Driver().apply(setup);
    const r = d.run('kubectl exec -n a p -- kubectl create configmap x -n kube-system');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'User "system:serviceaccount:a:default" cannot create resource "configmaps" in API group "" in the namespace "kube-system"',
    );
    expect(d.get('ConfigMap', 'kube-system', 'x')).toBeUndefined();
  });
});

describe('the network path of an in-pod kubectl', () => {
  it('times out like kubectl when an egress policy drops traffic to the API server', () => {
    const d = new Driver().apply(`
apiVersion: v1
kind: Namespace
metadata: {name: a}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: a}
spec: {containers: [{name: c, image: bitnami/kubectl}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: a}
spec: {podSelector: {}, policyTypes: [Egress]}
`);
    const r = d.run('kubectl exec -n a p -- kubectl get pods');
    expect(r.stderr).toContain(
      'Unable to connect to the server: dial tcp 10.96.0.1:443: i/o timeout\n',
    );
    expect(r.exitCode).toBe(1);
    d.run('kubectl cni flannel');
    expect(d.run('kubectl exec -n a p -- kubectl get pods').stderr).not.toContain('i/o timeout');
  });
});
