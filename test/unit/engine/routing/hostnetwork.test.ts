/**
 * Host-network pods (spec.hostNetwork: true) on the simulated single kubeadm-like node: they
 * share the node's network namespace, so they have the node's address, answer on it on their
 * declared ports, are Service endpoints at that address, and are invisible to NetworkPolicy as
 * pods (the most common implementation). Each row names where its expectation comes from.
 */
import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import {
  ClusterDraft,
  createCluster,
  NODE_IP,
  type ClusterState,
  type Pod,
} from '../../../../src/engine/cluster/index.ts';
import { evaluateConnection, probeMatrix } from '../../../../src/engine/netpol/index.ts';
import { connect } from '../../../../src/engine/routing/index.ts';
import { Driver } from '../cluster/driver.ts';

const agent = `apiVersion: v1
kind: Pod
metadata: { name: agent, namespace: default, labels: { app: agent } }
spec:
  hostNetwork: true
  containers: [{ name: agent, image: prom/node-exporter, ports: [{ containerPort: 9100 }] }]
---
`;
const client = `apiVersion: v1
kind: Pod
metadata: { name: client, namespace: default, labels: { app: client } }
spec:
  containers: [{ name: client, image: curlimages/curl }]
---
`;
const service = `apiVersion: v1
kind: Service
metadata: { name: agent, namespace: default }
spec:
  selector: { app: agent }
  ports: [{ name: metrics, port: 80, targetPort: 9100 }]
---
`;
/** A second node as its kubelet registers it (kubectl cannot write a Node's status). */
function withWorker(state = createCluster()): ClusterState {
  const draft = new ClusterDraft(state);
  draft.put({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'worker', labels: { 'kubernetes.io/hostname': 'worker' } },
    status: {
      addresses: [
        { type: 'InternalIP', address: '172.18.0.3' },
        { type: 'Hostname', address: 'worker' },
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  });
  return draft.commit();
}
const remoteAgent = `apiVersion: v1
kind: Pod
metadata: { name: remote-agent, namespace: default, labels: { app: agent } }
spec:
  nodeName: worker
  hostNetwork: true
  containers: [{ name: agent, image: prom/node-exporter, ports: [{ containerPort: 9100 }] }]
---
`;

function policy(name: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: ${name}, namespace: default }
spec:
${spec
  .trim()
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
---
`;
}

const lab = () => new Driver().apply(agent + client + service);
const podOf = (d: Driver, name: string) => d.get<Pod>('Pod', 'default', name)!;

describe('a host-network pod has its node’s address', () => {
  const d = lab();
  const pod = podOf(d, 'agent');

  it.each([
    // kubelet generateAPIPodStatus: a host-network pod's podIPs are its node's hostIPs.
    ['status.podIP is the node IP', pod.status?.podIP, NODE_IP],
    ['status.hostIP is the node IP', pod.status?.hostIP, NODE_IP],
    ['status.podIPs lists the node IP', pod.status?.podIPs, [{ ip: NODE_IP }]],
    // SetDefaults_Pod (pkg/apis/core/v1/defaults.go): hostPort defaults to containerPort.
    ['hostPort defaults to containerPort', pod.spec?.containers[0]?.ports?.[0]?.hostPort, 9100],
  ])('%s', (_what, got, want) => {
    expect(got).toEqual(want);
  });

  it('takes no pod-network address: the next pod gets what it would have without it', () => {
    // The CNI is not called for a host-network sandbox, so host-local IPAM hands out nothing.
    const without = new Driver().apply(client);
    expect(podOf(d, 'client').status?.podIP).toBe(podOf(without, 'client').status?.podIP);
  });

  it('shows the node IP in `get pods -o wide`', () => {
    const out = d.expectOk('kubectl get pod agent -o wide');
    expect(out.split('\n')[1]).toMatch(
      new RegExp(
        `^agent +1/1 +Running +0 +\\S+ +${NODE_IP.replace(/\./g, '\\.')} +nslab-control-plane `,
      ),
    );
  });

  it('Service endpoints list the node IP with the targetPort (EndpointSlice controller)', () => {
    const slice = d
      .list<EndpointSlice>('EndpointSlice', 'default')
      .find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'agent')!;
    expect(slice.endpoints.map((e) => e.addresses)).toEqual([[NODE_IP]]);
    expect(slice.ports).toEqual([{ name: 'metrics', port: 9100, protocol: 'TCP' }]);
  });
});

describe('what answers on the node address', () => {
  const d = lab();
  // [from, url, exit code, who answers] — curl's exit codes (DESIGN.md nslab contract).
  const rows: Array<[string, string, number, string, string]> = [
    ['client', `http://${NODE_IP}:9100/`, 0, 'default/agent', 'the pod listens in the node netns'],
    ['client', `http://${NODE_IP}:9101/`, 7, 'none', 'no process on that node port: RST'],
    ['client', 'http://agent/', 0, 'default/agent', 'Service DNAT to node IP:targetPort'],
    ['client', `https://${NODE_IP}:6443/`, 0, 'apiserver', 'the node keeps its own ports'],
    ['client', `http://${NODE_IP}:10250/`, 0, 'kubelet', 'the node keeps its own ports'],
    ['agent', 'http://127.0.0.1:9100/', 0, 'default/agent', 'its loopback is the node’s'],
    ['agent', 'https://127.0.0.1:6443/', 0, 'apiserver', 'the node’s loopback'],
    ['agent', `http://${NODE_IP}:9100/`, 0, 'default/agent', 'its own address'],
  ];
  it.each(rows)('%s → %s: exit %i (%s; %s)', (from, url, exit, who) => {
    const r = connect(d.state, podOf(d, from), url, { timeoutSeconds: 2 });
    expect(r.exitCode).toBe(exit);
    const responder = r.responder?.kind === 'pod' ? r.responder.pod : (r.responder?.kind ?? 'none');
    expect(responder).toBe(who);
  });

  it('kubectl exec curl to the node IP and port is answered by the host-network pod', () => {
    const r = d.run(`kubectl exec client -- curl -sS -m 2 http://${NODE_IP}:9100/`);
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('default/agent');
  });
});

describe('NetworkPolicy and hostNetwork pods (Kubernetes NetworkPolicy docs, the most common implementation)', () => {
  const denyAll = policy(
    'deny-all',
    'podSelector: {}\npolicyTypes: [Ingress, Egress]\ningress: []\negress: []',
  );

  it('a policy selecting the host-network pod does not apply to it, in either direction', () => {
    const d = lab().apply(denyAll);
    const into = evaluateConnection(d.state, {
      from: podOf(d, 'client'),
      toIP: NODE_IP,
      toPod: podOf(d, 'agent'),
      port: 9100,
      protocol: 'TCP',
    });
    // client is isolated for egress by deny-all; the agent's ingress is not.
    expect(into.ingress).toMatchObject({ allowed: true, hostNetwork: true, pod: 'default/agent' });
    expect(into.ingress.reason).toContain('NetworkPolicy and hostNetwork pods');
    expect(into.egress).toMatchObject({ allowed: false, peerHostNetwork: true });
    const out = evaluateConnection(d.state, {
      from: podOf(d, 'agent'),
      toIP: podOf(d, 'client').status!.podIP!,
      port: 80,
      protocol: 'TCP',
    });
    expect(out.egress).toMatchObject({ allowed: true, hostNetwork: true, isolated: false });
  });

  // [egress rule at client, exit of client → node IP:9100, why]
  const egressRows: Array<[string, string, number, string]> = [
    ['ipBlock holding the node IP', `- to: [{ ipBlock: { cidr: ${NODE_IP}/32 } }]`, 0, 'node IP'],
    [
      'podSelector app=agent',
      '- to: [{ podSelector: { matchLabels: { app: agent } } }]',
      28,
      'selectors ignore it',
    ],
    ['namespaceSelector {}', '- to: [{ namespaceSelector: {} }]', 28, 'selectors ignore it'],
    ['ipBlock of the pod CIDR', '- to: [{ ipBlock: { cidr: 10.244.0.0/16 } }]', 28, 'not a pod IP'],
  ];
  it.each(egressRows)(
    'traffic to it is traffic to the node IP: egress to %s (%s) → exit %i',
    (_what, rule, exit) => {
      const egress = policy(
        'client-egress',
        `podSelector: { matchLabels: { app: client } }\npolicyTypes: [Egress]\negress:\n${rule}`,
      );
      const d = lab().apply(egress);
      const r = connect(d.state, podOf(d, 'client'), `http://${NODE_IP}:9100/`, {
        timeoutSeconds: 2,
      });
      expect(r.exitCode).toBe(exit);
    },
  );

  // [ingress rule at client, is agent on worker → client allowed]
  const ingressRows: Array<[string, string, boolean]> = [
    ['ipBlock holding its node IP', '- from: [{ ipBlock: { cidr: 172.18.0.3/32 } }]', true],
    ['podSelector app=agent', '- from: [{ podSelector: { matchLabels: { app: agent } } }]', false],
    ['namespaceSelector {}', '- from: [{ namespaceSelector: {} }]', false],
  ];
  it.each(ingressRows)(
    'traffic from it is seen as coming from its node IP: ingress from %s (%s), on another node → allowed %s',
    (_what, rule, allowed) => {
      const ingress = policy(
        'client-ingress',
        `podSelector: { matchLabels: { app: client } }\ningress:\n${rule}`,
      );
      const d = new Driver(withWorker()).apply(agent + client + remoteAgent + ingress);
      expect(podOf(d, 'remote-agent').status?.podIP).toBe('172.18.0.3');
      const v = evaluateConnection(d.state, {
        from: podOf(d, 'remote-agent'),
        toIP: podOf(d, 'client').status!.podIP!,
        port: 80,
        protocol: 'TCP',
      });
      expect(v.allowed).toBe(allowed);
      expect(v.ingress.peerHostNetwork).toBe(true);
      expect(v.egress.hostNetwork).toBe(true);
    },
  );

  it('traffic from a host-network pod on the destination’s own node is always allowed ("what you can’t do": block access from the resident node)', () => {
    const d = lab().apply(denyAll);
    const v = evaluateConnection(d.state, {
      from: podOf(d, 'agent'),
      toIP: podOf(d, 'client').status!.podIP!,
      port: 80,
      protocol: 'TCP',
    });
    expect(v.allowed).toBe(true);
    expect(v.ingress).toMatchObject({ fromOwnNode: true, peerHostNetwork: true });
  });

  it('the truth table agrees with the verdicts (bit-set matrix, pair-by-pair explanation)', () => {
    const egress = policy(
      'client-egress',
      `podSelector: { matchLabels: { app: client } }\npolicyTypes: [Egress]\negress:\n- to: [{ ipBlock: { cidr: 172.18.0.3/32 } }]`,
    );
    const d = new Driver(withWorker()).apply(agent + client + remoteAgent + egress);
    const m = probeMatrix(d.state, {
      port: 9100,
      protocol: 'TCP',
      include: (p) => p.namespace === 'default',
    });
    expect(m.pods).toEqual(['default/agent', 'default/client', 'default/remote-agent']);
    const at = (a: string, b: string) =>
      m.allowed(m.pods.indexOf(`default/${a}`), m.pods.indexOf(`default/${b}`));
    expect([at('client', 'agent'), at('client', 'remote-agent')]).toEqual([false, true]);
    const cell = m.explain(m.pods.indexOf('default/client'), m.pods.indexOf('default/agent'));
    expect(cell.to).toBe('default/agent');
    expect(cell.ingress.hostNetwork).toBe(true);
  });
});
