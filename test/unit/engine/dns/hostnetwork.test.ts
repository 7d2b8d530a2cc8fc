/**
 * Name resolution in a host-network pod. Sources: the "DNS for Services and Pods" docs,
 * "Pod's DNS Policy" (ClusterFirst on the host network falls back to Default;
 * ClusterFirstWithHostNet keeps cluster DNS), pkg/kubelet/network/dns (GetPodDNS), and the
 * kubelet's hosts file for host-network pods (nodeHostsFileContent: the node's /etc/hosts under
 * "# Kubernetes-managed hosts file (host network)."; no sandbox hostname, so the node's).
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../cluster/driver.ts';

const pods = `apiVersion: v1
kind: Pod
metadata: { name: hn-default, namespace: default, labels: { app: agent } }
spec:
  hostNetwork: true
  containers: [{ name: c, image: busybox, ports: [{ containerPort: 9100 }] }]
---
apiVersion: v1
kind: Pod
metadata: { name: hn-cluster, namespace: default }
spec:
  hostNetwork: true
  dnsPolicy: ClusterFirstWithHostNet
  containers: [{ name: c, image: busybox }]
---
apiVersion: v1
kind: Pod
metadata: { name: hn-node, namespace: default }
spec:
  hostNetwork: true
  dnsPolicy: Default
  containers: [{ name: c, image: busybox }]
---
apiVersion: v1
kind: Pod
metadata: { name: plain-with-hostnet-policy, namespace: default }
spec:
  dnsPolicy: ClusterFirstWithHostNet
  containers: [{ name: c, image: busybox }]
---
apiVersion: v1
kind: Service
metadata: { name: agent, namespace: default }
spec:
  selector: { app: agent }
  ports: [{ port: 80, targetPort: 9100 }]
---
`;

const CLUSTER =
  'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';
const NODE = 'nameserver 172.18.0.1\n';

describe('DNS in host-network pods (Pod’s DNS Policy)', () => {
  const d = new Driver().apply(pods);

  // [pod, /etc/resolv.conf, `nslookup agent.default` exit, `curl http://agent.default` exit]
  const rows: Array<[string, string, number, number, string]> = [
    ['hn-default', NODE, 1, 6, 'ClusterFirst + hostNetwork falls back to Default'],
    ['hn-cluster', CLUSTER, 0, 0, 'ClusterFirstWithHostNet: cluster DNS'],
    ['hn-node', NODE, 1, 6, 'Default: the node’s resolv.conf'],
    ['plain-with-hostnet-policy', CLUSTER, 0, 0, 'off the host network it is ClusterFirst'],
  ];
  it.each(rows)('%s: resolv.conf and lookups (%s…; %s)', (pod, conf, nslookup, curl) => {
    expect(d.expectOk(`kubectl exec ${pod} -- cat /etc/resolv.conf`)).toBe(conf);
    expect(d.run(`kubectl exec ${pod} -- nslookup agent.default`).exitCode).toBe(nslookup);
    expect(d.run(`kubectl exec ${pod} -- curl -sS -m 3 http://agent.default`).exitCode).toBe(curl);
  });

  it('has the node’s hostname and a copy of the node’s /etc/hosts', () => {
    expect(d.expectOk('kubectl exec hn-default -- hostname')).toBe('nslab-control-plane\n');
    const hosts = d.expectOk('kubectl exec hn-default -- cat /etc/hosts');
    expect(hosts.split('\n')[0]).toBe('# Kubernetes-managed hosts file (host network).');
    expect(hosts).toContain('172.18.0.2\tnslab-control-plane\n');
    expect(hosts).not.toContain('hn-default');
  });
});
