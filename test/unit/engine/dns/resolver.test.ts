/**
 * The pod's stub resolver over real DNS traffic. Search order: resolv.conf(5) and glibc
 * res_nsearch (NXDOMAIN and NODATA continue the search; no reply ends it). Transport:
 * DESIGN.md "Cluster defaults" (pods' DNS is egress traffic to the coredns pods behind the
 * kube-dns ClusterIP) and the resolver's timeout:5 attempts:2 defaults (resolv.conf(5)).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/cluster/index.ts';
import { resolveFromPod } from '../../../../src/engine/routing/index.ts';
import { Driver } from '../cluster/driver.ts';
import { allowDns, denyEgress, ns, pod, svc } from './fixture.ts';

const base =
  ns('a', 'b') +
  svc({
    ns: 'b',
    name: 'web',
    ip: '10.96.6.10',
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80 }],
  }) +
  pod({
    ns: 'b',
    name: 'web-1',
    ip: '10.244.6.10',
    labels: { app: 'web' },
    ports: [{ port: 80 }],
  }) +
  pod({ ns: 'a', name: 'client', ip: '10.244.6.100' }) +
  pod({ ns: 'b', name: 'client', ip: '10.244.6.101' });

const client = (d: Driver, n = 'a') => d.get<Pod>('Pod', n, 'client')!;

describe('resolveFromPod', () => {
  it('records every name tried, in search order, when none exists', () => {
    const d = new Driver().apply(base);
    const r = resolveFromPod(d.state, client(d), 'web');
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.fqdn).toBeNull();
    expect(r.tried).toEqual([
      'web.a.svc.cluster.local',
      'web.svc.cluster.local',
      'web.cluster.local',
      'web',
    ]);
  });

  it('stops at the first name with an answer', () => {
    const d = new Driver().apply(base);
    const r = resolveFromPod(d.state, client(d), 'web.b');
    expect(r.tried).toEqual(['web.b.a.svc.cluster.local', 'web.b.svc.cluster.local']);
    expect(r.answers.map((a) => a.data)).toEqual(['10.96.6.10']);
  });

  it('goes on after NODATA and reports the name that exists (glibc got_nodata)', () => {
    const d = new Driver().apply(base);
    const r = resolveFromPod(d.state, client(d, 'b'), 'web', 'AAAA');
    expect(r.rcode).toBe('NOERROR');
    expect(r.fqdn).toBe('web.b.svc.cluster.local');
    expect(r.answers).toEqual([]);
    expect(r.tried).toHaveLength(4);
  });

  it('turns an address asked for PTR into its reverse name', () => {
    const d = new Driver().apply(base);
    const r = resolveFromPod(d.state, client(d), '10.96.6.10', 'PTR');
    expect(r.fqdn).toBe('10.6.96.10.in-addr.arpa');
    expect(r.answers.map((a) => a.data)).toEqual(['web.b.svc.cluster.local']);
  });

  it('with dnsPolicy Default asks the node resolver, which knows no cluster names', () => {
    const d = new Driver().apply(
      base +
        pod({ ns: 'a', name: 'hostdns', ip: '10.244.6.102', extraSpec: '  dnsPolicy: Default' }),
    );
    const r = resolveFromPod(
      d.state,
      d.get<Pod>('Pod', 'a', 'hostdns')!,
      'web.b.svc.cluster.local',
    );
    expect(r.transport.answeredBy).toBe('upstream');
    expect(r.rcode).toBe('NXDOMAIN');
  });
});

describe('DNS traffic', () => {
  it('reaches a CoreDNS pod through the kube-dns ClusterIP on 53/UDP', () => {
    const d = new Driver().apply(base);
    const r = resolveFromPod(d.state, client(d), 'web.b');
    expect(r.transport.ok).toBe(true);
    expect(r.transport.server).toBe('10.96.0.10');
    expect(r.transport.pod).toMatch(/^kube-system\/coredns-/);
  });

  it('gets no reply under a default-deny egress policy: the first query times out after timeout × attempts', () => {
    const d = new Driver().apply(base + denyEgress('a'));
    const r = resolveFromPod(d.state, client(d), 'web.b');
    expect(r.rcode).toBe('TIMEOUT');
    expect(r.tried).toEqual(['web.b.a.svc.cluster.local']);
    expect(r.elapsedMs).toBe(10_000);
    expect(r.transport.hops.some((h) => h.kind === 'egress' && !h.ok)).toBe(true);
  });

  it('works again when egress to kube-dns on 53 is allowed', () => {
    const d = new Driver().apply(base + denyEgress('a') + allowDns('a'));
    expect(resolveFromPod(d.state, client(d), 'web.b').rcode).toBe('NOERROR');
  });

  it('is dropped by an ingress default deny in kube-system too', () => {
    const d = new Driver().apply(
      base +
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all, namespace: kube-system }
spec: { podSelector: {}, policyTypes: [Ingress] }
---
`,
    );
    expect(resolveFromPod(d.state, client(d), 'web.b').rcode).toBe('TIMEOUT');
  });

  it('is refused at once when kube-dns has no ready endpoints (kube-proxy REJECT)', () => {
    const d = new Driver().apply(
      base +
        svc({
          ns: 'kube-system',
          name: 'kube-dns',
          ip: '10.96.0.10',
          selector: { 'k8s-app': 'nothing' },
          ports: [
            { name: 'dns', port: 53, protocol: 'UDP' },
            { name: 'dns-tcp', port: 53 },
          ],
        }),
    );
    const r = resolveFromPod(d.state, client(d), 'web.b');
    expect(r.rcode).toBe('REFUSED');
    expect(r.elapsedMs).toBe(0);
  });

  it('honours resolver options timeout and attempts from dnsConfig', () => {
    const d = new Driver().apply(
      base +
        denyEgress('a') +
        pod({
          ns: 'a',
          name: 'quick',
          ip: '10.244.6.103',
          extraSpec:
            '  dnsConfig:\n    options: [{ name: timeout, value: "1" }, { name: attempts, value: "1" }]',
        }),
    );
    expect(resolveFromPod(d.state, d.get<Pod>('Pod', 'a', 'quick')!, 'web.b').elapsedMs).toBe(1000);
  });
});

describe('DNS transport protocol', () => {
  const onlyTcp = (namespace: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: dns-tcp-only, namespace: ${namespace} }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ namespaceSelector: {}, podSelector: { matchLabels: { k8s-app: kube-dns } } }]
      ports: [{ protocol: TCP, port: 53 }]
---
`;

  it('needs UDP 53: allowing only TCP 53 leaves lookups timing out (resolv.conf(5): UDP unless use-vc)', () => {
    const d = new Driver().apply(base + onlyTcp('a'));
    expect(resolveFromPod(d.state, client(d), 'web.b').rcode).toBe('TIMEOUT');
  });

  it('uses TCP with options use-vc', () => {
    const d = new Driver().apply(
      base +
        onlyTcp('a') +
        pod({
          ns: 'a',
          name: 'tcp',
          ip: '10.244.6.104',
          extraSpec: '  dnsConfig:\n    options: [{ name: use-vc }]',
        }),
    );
    expect(resolveFromPod(d.state, d.get<Pod>('Pod', 'a', 'tcp')!, 'web.b').rcode).toBe('NOERROR');
  });
});
