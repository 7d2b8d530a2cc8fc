/**
 * `kubectl exec` as another user: kubectl reads the target first (GET the pod, or the object
 * of TYPE/NAME and the LIST of its pods), then POSTs the pods/exec subresource — RBAC's
 * verb `create` on `pods/exec` (Kubernetes RBAC docs, "Referring to resources"). Each step
 * the user may not take is the API server's Forbidden, and no request leaves the pod.
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../cluster/driver.ts';

const CLUSTER = `apiVersion: v1
kind: Namespace
metadata: {name: team-a}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: team-a, labels: {app: client}}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: team-a}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: read-pods, namespace: team-a}
rules: [{apiGroups: [''], resources: [pods], verbs: [get, list]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: carol-reads, namespace: team-a}
subjects: [{kind: User, name: carol, apiGroup: rbac.authorization.k8s.io}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: read-pods}
`;

describe('kubectl exec and RBAC', () => {
  const d = new Driver().apply(CLUSTER);
  const rows: Array<[string, string, string]> = [
    [
      'no rights: the GET of the pod is refused',
      'exec --as mallory -n team-a client -- echo hi',
      'Error from server (Forbidden): pods "client" is forbidden: User "mallory" cannot get resource "pods" in API group "" in the namespace "team-a"',
    ],
    [
      'TYPE/NAME: the GET of the Deployment comes first',
      'exec --as mallory -n team-a deploy/web -- echo hi',
      'Error from server (Forbidden): deployments.apps "web" is forbidden: User "mallory" cannot get resource "deployments" in API group "apps" in the namespace "team-a"',
    ],
    [
      'may read pods but not exec: the pods/exec POST is refused',
      'exec --as carol -n team-a client -- echo hi',
      'Error from server (Forbidden): pods "client" is forbidden: User "carol" cannot create resource "pods/exec" in API group "" in the namespace "team-a"',
    ],
  ];
  it.each(rows)('%s', (_title, line, stderr) => {
    const r = d.run(line);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe(stderr);
    expect(r.requests).toBeUndefined();
  });

  it('the cluster admin execs, and the request is reported with its verdict', () => {
    const r = d.run('exec -n team-a client -- curl -sS -m 1 http://10.96.0.1:443/');
    expect(r.requests?.map((q) => [q.kind, q.from])).toEqual([['connect', 'team-a/client']]);
  });
});
