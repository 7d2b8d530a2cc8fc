import { describe, expect, it } from 'vitest';
import {
  createCluster,
  getObject,
  listObjects,
  type Pod,
  type Service,
  KUBE_DNS_IP,
} from '../../../../src/engine/cluster/index.ts';

// Expectations come from DESIGN.md "Cluster defaults" and what kubeadm installs.
describe('a new cluster', () => {
  const state = createCluster();

  it('has the four system namespaces, each labelled kubernetes.io/metadata.name', () => {
    const ns = listObjects(state, 'Namespace');
    expect(ns.map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    for (const n of ns)
      expect(n.metadata.labels?.['kubernetes.io/metadata.name']).toBe(n.metadata.name);
  });

  it('gives every namespace a default ServiceAccount', () => {
    for (const n of listObjects(state, 'Namespace')) {
      expect(getObject(state, 'ServiceAccount', n.metadata.name, 'default')).toBeDefined();
    }
  });

  it('runs kube-dns at 10.96.0.10 with dns/53 UDP and dns-tcp/53 TCP, backed by two ready coredns pods', () => {
    const svc = getObject<Service>(state, 'Service', 'kube-system', 'kube-dns')!;
    expect(svc.spec?.clusterIP).toBe(KUBE_DNS_IP);
    expect(svc.spec?.ports?.map((p) => `${p.name}/${p.port}/${p.protocol}`)).toEqual([
      'dns/53/UDP',
      'dns-tcp/53/TCP',
      'metrics/9153/TCP',
    ]);
    const pods = listObjects<Pod>(state, 'Pod', 'kube-system').filter(
      (p) => p.metadata.labels?.['k8s-app'] === 'kube-dns',
    );
    expect(pods).toHaveLength(2);
    const endpoints = getObject<{ subsets?: Array<{ addresses?: Array<{ ip: string }> }> }>(
      state,
      'Endpoints',
      'kube-system',
      'kube-dns',
    );
    expect(endpoints?.subsets?.[0]?.addresses?.map((a) => a.ip).sort()).toEqual(
      pods.map((p) => p.status!.podIP!).sort(),
    );
  });

  it('gives pods addresses in the pod CIDR and keeps the kubernetes Service at 10.96.0.1', () => {
    for (const p of listObjects<Pod>(state, 'Pod')) expect(p.status?.podIP).toMatch(/^10\.244\./);
    expect(getObject<Service>(state, 'Service', 'default', 'kubernetes')?.spec?.clusterIP).toBe(
      '10.96.0.1',
    );
  });

  it('keeps reserved addresses free for the objects about to be loaded', () => {
    const s = createCluster({ reservedAddresses: ['10.244.0.2', '10.244.0.3'] });
    const ips = listObjects<Pod>(s, 'Pod').map((p) => p.status?.podIP);
    expect(ips).not.toContain('10.244.0.2');
    expect(ips).not.toContain('10.244.0.3');
  });

  it('is deterministic', () => {
    const a = createCluster();
    const b = createCluster();
    expect(listObjects(a, 'Pod').map((p) => p.metadata.name)).toEqual(
      listObjects(b, 'Pod').map((p) => p.metadata.name),
    );
  });
});
