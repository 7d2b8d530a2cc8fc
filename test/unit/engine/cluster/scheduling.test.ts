/**
 * Where a pod runs, and what a pod that cannot run looks like. Sources: the scheduler's
 * NodePorts filter (pkg/scheduler/framework/plugins/nodeports: a host port per
 * hostIP/protocol/port, ErrReason) and FitError message with the preemption verdict; the
 * kubelet's admission (lifecycle predicate handler: "Predicate NodePorts failed", phase Failed,
 * reason NodePorts); SetDefaults_Pod (hostPort = containerPort on the host network);
 * validateHostNetwork; the API server's initial pod status (Pending); ExecLocation
 * (pkg/registry/core/pod/strategy.go: "does not have a host assigned", then the node lookup);
 * the NodeTaint admission plugin (new Nodes are tainted not-ready:NoSchedule).
 */
import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod } from '../../../../src/engine/cluster/index.ts';
import { Driver } from './driver.ts';

function hostPod(name: string, extra = '', port = 80, protocol = 'TCP'): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: default, labels: { app: web } }
spec:
  hostNetwork: true
${extra}  containers: [{ name: web, image: nginx, ports: [{ containerPort: ${port}, protocol: ${protocol} }] }]
---
`;
}
const service = `apiVersion: v1
kind: Service
metadata: { name: web, namespace: default }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
`;
const UNSCHEDULABLE =
  "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.";

const status = (d: Driver, name: string) => d.get<Pod>('Pod', 'default', name)?.status;

describe('two host-network pods asking for the same port on one node', () => {
  it.each([
    ['same port and protocol', hostPod('a') + hostPod('b'), 'Pending'],
    ['same port, UDP and TCP', hostPod('a') + hostPod('b', '', 80, 'UDP'), 'Running'],
    ['different ports', hostPod('a') + hostPod('b', '', 81), 'Running'],
  ])('%s: the second is %s', (_what, yaml, phase) => {
    const d = new Driver().apply(yaml);
    expect(status(d, 'a')?.phase).toBe('Running');
    expect(status(d, 'b')?.phase).toBe(phase);
  });

  it('the scheduler leaves the second unbound, with no address, and says why', () => {
    const d = new Driver().apply(hostPod('a') + hostPod('b') + service);
    const b = d.get<Pod>('Pod', 'default', 'b')!;
    expect(b.spec?.nodeName).toBeUndefined();
    expect(b.status).toMatchObject({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(b.status?.podIP).toBeUndefined();
    expect(b.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: UNSCHEDULABLE,
      }),
    ]);
    expect(d.expectOk('kubectl get pod b -o wide').split('\n')[1]).toMatch(
      /^b +0\/1 +Pending +0 +\S+ +<none> +<none> /,
    );
    const eps = d.get<Endpoints>('Endpoints', 'default', 'web')!;
    expect(eps.subsets?.flatMap((s) => s.addresses ?? []).map((a) => a.targetRef?.name)).toEqual([
      'a',
    ]);
    const exec = d.run('kubectl exec b -- curl -sS http://web');
    expect([exec.exitCode, exec.stderr]).toEqual([
      1,
      'Error from server (BadRequest): pod b does not have a host assigned\n',
    ]);
  });

  it('is scheduled once the pod holding the port is deleted (the scheduler retries)', () => {
    const d = new Driver().apply(hostPod('a') + hostPod('b'));
    d.expectOk('kubectl delete pod a');
    expect(status(d, 'b')).toMatchObject({ phase: 'Running', podIP: '172.18.0.2' });
    expect(d.get<Pod>('Pod', 'default', 'b')?.spec?.nodeName).toBe('nslab-control-plane');
  });

  it('a Deployment of two host-network replicas runs one of them', () => {
    const d = new Driver().apply(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      hostNetwork: true
      containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }]
`);
    const phases = d.list<Pod>('Pod', 'default').map((p) => p.status?.phase);
    expect(phases.sort()).toEqual(['Pending', 'Running']);
    // Defaulting of hostPort happens in Pods only (since v1.28), not in the template.
    const tpl = d.get<{ spec: { template: { spec: Pod['spec'] } } }>(
      'Deployment',
      'default',
      'web',
    );
    expect(tpl?.spec.template.spec?.containers[0]?.ports?.[0]?.hostPort).toBeUndefined();
  });

  it('a pod bound to the node by spec.nodeName skips the scheduler: its kubelet rejects it', () => {
    const d = new Driver().apply(hostPod('a') + hostPod('b', '  nodeName: nslab-control-plane\n'));
    expect(status(d, 'b')).toEqual({
      phase: 'Failed',
      reason: 'NodePorts',
      message:
        "Pod was rejected: Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports",
      qosClass: 'BestEffort',
    });
    expect(d.expectOk('kubectl get pod b').split('\n')[1]).toMatch(/^b +0\/1 +NodePorts /);
  });

  it('refuses a hostPort that differs from containerPort (validateHostNetwork)', () => {
    const r = new Driver().run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  hostNetwork: true
  containers: [{ name: web, image: nginx, ports: [{ containerPort: 80, hostPort: 8080 }] }]
EOF`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'The Pod "bad" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 80: must match `hostPort` when `hostNetwork` is true',
    );
  });
});

describe('a pod naming a node that does not exist', () => {
  const lost = `apiVersion: v1
kind: Pod
metadata: { name: lost, namespace: default, labels: { app: web } }
spec:
  nodeName: ghost
  containers: [{ name: c, image: curl, ports: [{ containerPort: 80 }] }]
---
`;

  it('stays Pending with the API server’s initial status: no address, no conditions', () => {
    const d = new Driver().apply(lost + service);
    expect(status(d, 'lost')).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(d.expectOk('kubectl get pod lost -o wide').split('\n')[1]).toMatch(
      /^lost +0\/1 +Pending +0 +\S+ +<none> +ghost /,
    );
    expect(d.get<Endpoints>('Endpoints', 'default', 'web')?.subsets).toBeUndefined();
  });

  it.each([
    ['no such Node', '', 'Error from server (NotFound): nodes "ghost" not found'],
    [
      'a Node written with kubectl (no kubelet reports it)',
      'apiVersion: v1\nkind: Node\nmetadata: { name: ghost }\n---\n',
      'Error from server: no preferred addresses found; known addresses: []',
    ],
  ])('exec (and so curl from it) fails as the API server answers: %s', (_what, node, error) => {
    const d = new Driver().apply(node + lost);
    expect(status(d, 'lost')?.podIP).toBeUndefined();
    const r = d.run('kubectl exec lost -- curl -sS http://10.96.0.1');
    expect([r.exitCode, r.stderr]).toEqual([1, `${error}\n`]);
  });

  it('the scheduler does not place pods on a Node that is not Ready (NodeTaint: not-ready)', () => {
    const d = new Driver().apply(
      'apiVersion: v1\nkind: Node\nmetadata: { name: ghost }\n---\n' + hostPod('a') + hostPod('b'),
    );
    expect(status(d, 'b')?.conditions?.[0]?.message).toBe(
      "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });
});
