/**
 * The path of a request (connect). Expectations: Kubernetes Service docs (port → targetPort,
 * named targetPort resolved per pod, NodePort/LoadBalancer also get a ClusterIP), kube-proxy
 * iptables mode (DNAT to a ready endpoint; a Service port without endpoints is REJECTed),
 * the NetworkPolicy docs (policies see the pod IP and port after DNAT; denied packets are
 * dropped), curl's exit codes (6, 7, 28), and DESIGN.md "Cluster defaults" (pods listen exactly
 * on their declared containerPorts; DNS is egress traffic).
 */
import { describe, expect, it } from 'vitest';
import type { ClusterState, Pod } from '../../../../src/engine/cluster/index.ts';
import { connect } from '../../../../src/engine/routing/index.ts';
import { Driver } from '../cluster/driver.ts';
import { allowDns, denyEgress, ns, pod, svc } from '../dns/fixture.ts';

const servers =
  ns('a', 'b') +
  pod({
    ns: 'b',
    name: 'web-1',
    ip: '10.244.8.11',
    labels: { app: 'web' },
    ports: [{ name: 'http', port: 8080 }],
  }) +
  pod({
    ns: 'b',
    name: 'web-2',
    ip: '10.244.8.12',
    labels: { app: 'web' },
    ports: [{ name: 'http', port: 9090 }],
  }) +
  pod({
    ns: 'b',
    name: 'web-3',
    ip: '10.244.8.13',
    labels: { app: 'web' },
    ports: [{ name: 'http', port: 8080 }],
    ready: false,
  }) +
  pod({ ns: 'a', name: 'client', ip: '10.244.8.100', labels: { role: 'client' } }) +
  svc({
    ns: 'b',
    name: 'named',
    ip: '10.96.8.10',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 'http' }],
  }) +
  svc({
    ns: 'b',
    name: 'numeric',
    ip: '10.96.8.11',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 8080 }],
  }) +
  svc({
    ns: 'b',
    name: 'np',
    type: 'NodePort',
    ip: '10.96.8.12',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
  }) +
  svc({
    ns: 'b',
    name: 'lb',
    type: 'LoadBalancer',
    ip: '10.96.8.13',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 8080 }],
  }) +
  svc({
    ns: 'b',
    name: 'nobody',
    ip: '10.96.8.14',
    selector: { app: 'nobody' },
    ports: [{ port: 80 }],
  }) +
  svc({ ns: 'b', name: 'manual', ip: '10.96.8.15', ports: [{ port: 80, targetPort: 8080 }] }) +
  `apiVersion: v1
kind: Endpoints
metadata: { name: manual, namespace: b }
subsets: [{ addresses: [{ ip: 10.244.8.11 }], ports: [{ port: 8080 }] }]
---
`;

const client = (state: ClusterState, n = 'client') => {
  const d = new Driver(state);
  return d.get<Pod>('Pod', 'a', n)!;
};

/** Runs `count` requests, keeping the rotation as exec does, and lists who answered. */
function answers(state: ClusterState, url: string, count: number): string[] {
  const out: string[] = [];
  let s = state;
  for (let i = 0; i < count; i++) {
    const r = connect(s, client(s), url, { timeoutSeconds: 2 });
    out.push(r.answeredBy ?? r.outcome);
    s = r.nextState ?? s;
  }
  return out;
}

describe('Services and endpoints', () => {
  const d = new Driver().apply(servers);

  it('resolves a named targetPort per backend pod (8080 on web-1, 9090 on web-2)', () => {
    const first = connect(d.state, client(d.state), 'http://named.b/', { timeoutSeconds: 2 });
    expect(first.ok).toBe(true);
    const r2 = connect(first.nextState!, client(d.state), 'http://named.b/', { timeoutSeconds: 2 });
    const ports = [first, r2].map((r) => r.responder?.kind === 'pod' && r.responder.port);
    expect(ports.sort()).toEqual([8080, 9090]);
  });

  it('rotates deterministically over the ready endpoints only (web-3 is not Ready)', () => {
    const got = answers(d.state, 'http://named.b/', 4);
    expect(new Set(got)).toEqual(new Set(['b/web-1', 'b/web-2']));
    expect([got[2], got[3]]).toEqual([got[0], got[1]]);
    expect(got[0]).not.toBe(got[1]);
  });

  it('refuses (7) when the numeric targetPort is not declared by the chosen pod', () => {
    // numeric: 80 → 8080 on every endpoint; web-2 declares only 9090 and refuses.
    expect(answers(d.state, 'http://numeric.b/', 2).sort()).toEqual(['b/web-1', 'refused']);
  });

  it('treats NodePort and LoadBalancer Services as ClusterIP inside the cluster', () => {
    expect(connect(d.state, client(d.state), 'http://np.b/').ok).toBe(true);
    expect(connect(d.state, client(d.state), 'http://lb.b:80/').ok).toBe(true);
    expect(connect(d.state, client(d.state), 'http://10.96.8.12/').ok).toBe(true);
  });

  it('reaches a NodePort on the node address', () => {
    const r = connect(d.state, client(d.state), 'http://172.18.0.2:30080/');
    expect(r.answeredBy).toBe('b/web-1');
  });

  it('refuses at once when a Service has no ready endpoints (exit 7, even with -m)', () => {
    const r = connect(d.state, client(d.state), 'http://nobody.b/', { timeoutSeconds: 2 });
    expect([r.outcome, r.exitCode]).toEqual(['refused', 7]);
    expect(r.hops.find((h) => h.kind === 'service')?.summary).toContain('no ready endpoints');
  });

  it('routes a selector-less Service to its manual Endpoints', () => {
    expect(connect(d.state, client(d.state), 'http://manual.b/').answeredBy).toBe('b/web-1');
  });

  it('reaches a pod IP directly only on a declared port', () => {
    expect(connect(d.state, client(d.state), 'http://10.244.8.11:8080/').exitCode).toBe(0);
    expect(connect(d.state, client(d.state), 'http://10.244.8.11:80/').exitCode).toBe(7);
    // A not-ready pod still listens: readiness only affects endpoints.
    expect(connect(d.state, client(d.state), 'http://10.244.8.13:8080/').exitCode).toBe(0);
  });

  it('loses packets to a ClusterIP port the Service does not define (timeout 28)', () => {
    const r = connect(d.state, client(d.state), 'http://named.b:8080/', { timeoutSeconds: 2 });
    expect([r.outcome, r.exitCode]).toEqual(['timeout', 28]);
  });

  it('does not resolve a short name from another namespace (6)', () => {
    const r = connect(d.state, client(d.state), 'http://named/');
    expect([r.outcome, r.exitCode]).toEqual(['nxdomain', 6]);
  });

  it('keeps the cluster unchanged apart from the rotation', () => {
    const r = connect(d.state, client(d.state), 'http://named.b/');
    expect(r.nextState?.objects).toBe(d.state.objects);
  });
});

describe('NetworkPolicy on the path', () => {
  it('judges egress on the backend pod and targetPort after DNAT, not the Service port', () => {
    const policy = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: to-web, namespace: a }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: b } } }]
      ports: [{ protocol: TCP, port: ${port} }]
---
`;
    const ok = new Driver().apply(servers + denyEgress('a') + allowDns('a') + policy(8080));
    expect(
      connect(ok.state, client(ok.state), 'http://numeric.b/', { timeoutSeconds: 2 }).exitCode,
    ).toBe(0);
    const svcPort = new Driver().apply(servers + denyEgress('a') + allowDns('a') + policy(80));
    const r = connect(svcPort.state, client(svcPort.state), 'http://numeric.b/', {
      timeoutSeconds: 2,
    });
    expect([r.outcome, r.exitCode]).toEqual(['timeout', 28]);
    expect(r.hops.find((h) => h.kind === 'egress')?.ok).toBe(false);
  });

  it('drops at the destination under an ingress default deny (28), before the port is checked', () => {
    const d = new Driver().apply(
      servers +
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: b }
spec: { podSelector: {}, policyTypes: [Ingress] }
---
`,
    );
    expect(
      connect(d.state, client(d.state), 'http://10.244.8.11:9999/', { timeoutSeconds: 2 }).exitCode,
    ).toBe(28);
  });
});

describe('DNS under a default-deny egress policy', () => {
  const denied = new Driver().apply(servers + denyEgress('a'));
  const allowed = new Driver().apply(servers + denyEgress('a') + allowDns('a'));

  it('breaks name lookups: curl exit 6 without -m (the resolver gives up first)', () => {
    const r = connect(denied.state, client(denied.state), 'http://named.b/');
    expect([r.outcome, r.exitCode]).toEqual(['dns-timeout', 6]);
  });

  it('times out while resolving with -m 2: exit 28', () => {
    const r = connect(denied.state, client(denied.state), 'http://named.b/', { timeoutSeconds: 2 });
    expect([r.outcome, r.exitCode, r.elapsedMs]).toEqual(['dns-timeout', 28, 2000]);
  });

  it('with -m longer than the resolver timeout still fails to resolve (6)', () => {
    expect(
      connect(denied.state, client(denied.state), 'http://named.b/', { timeoutSeconds: 30 })
        .exitCode,
    ).toBe(6);
  });

  it('is restored by a policy allowing UDP/TCP 53 to kube-dns; the request itself is then dropped', () => {
    const r = connect(allowed.state, client(allowed.state), 'http://named.b/', {
      timeoutSeconds: 2,
    });
    expect(r.hops[0]?.kind).toBe('dns');
    expect(r.hops[0]?.ok).toBe(true);
    expect([r.outcome, r.exitCode]).toEqual(['timeout', 28]);
  });

  it('does not need DNS for an IP address', () => {
    const r = connect(denied.state, client(denied.state), 'http://10.244.8.11:8080/', {
      timeoutSeconds: 2,
    });
    expect(r.hops.some((h) => h.kind === 'dns')).toBe(false);
    expect(r.exitCode).toBe(28);
  });
});

describe('client-side choices', () => {
  it('connects to the pod IPs of a headless Service directly, rotating as CoreDNS loadbalance does', () => {
    const d = new Driver().apply(
      servers +
        svc({ ns: 'b', name: 'hl', ip: 'None', selector: { app: 'web' }, ports: [{ port: 8080 }] }),
    );
    const got = answers(d.state, 'http://hl.b:8080/', 2);
    // web-2 does not serve 8080: when the rotation puts its address first, it refuses and curl
    // moves on to the next address (web-1).
    expect(got).toEqual(['b/web-1', 'b/web-1']);
    const r = connect(d.state, client(d.state), 'http://hl.b:8080/');
    expect(r.hops.find((h) => h.kind === 'service')).toBeUndefined();
  });

  it('sticks to one endpoint with sessionAffinity ClientIP', () => {
    const d = new Driver().apply(
      servers +
        svc({
          ns: 'b',
          name: 'sticky',
          ip: '10.96.8.16',
          selector: { app: 'web' },
          ports: [{ port: 80, targetPort: 'http' }],
          extraSpec: '  sessionAffinity: ClientIP',
        }),
    );
    const got = answers(d.state, 'http://sticky.b/', 3);
    expect(new Set(got).size).toBe(1);
  });

  it("answers localhost and the pod's own hostname from /etc/hosts, without DNS", () => {
    const d = new Driver().apply(
      servers +
        denyEgress('b') +
        pod({ ns: 'b', name: 'self', ip: '10.244.8.50', ports: [{ port: 8080 }] }),
    );
    const self = d.get<Pod>('Pod', 'b', 'self')!;
    expect(connect(d.state, self, 'http://localhost:8080/').answeredBy).toBe('b/self');
    const r = connect(d.state, self, 'http://self:8080/', { timeoutSeconds: 2 });
    expect(r.hops[0]?.summary).toContain('/etc/hosts');
  });
});

describe('endpoint sources', () => {
  it('selects pods only in the Service namespace, even when labels match elsewhere', () => {
    const d = new Driver().apply(
      servers +
        pod({
          ns: 'a',
          name: 'lookalike',
          ip: '10.244.8.60',
          labels: { app: 'web' },
          ports: [{ name: 'http', port: 8080 }],
        }),
    );
    const got = answers(d.state, 'http://named.b/', 4);
    expect(got).not.toContain('a/lookalike');
  });

  it('routes a selector-less Service through a hand-written EndpointSlice', () => {
    const d = new Driver().apply(
      servers +
        svc({
          ns: 'b',
          name: 'sliced',
          ip: '10.96.8.17',
          ports: [{ name: 'http', port: 80, targetPort: 9090 }],
        }) +
        `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: sliced-1, namespace: b, labels: { kubernetes.io/service-name: sliced } }
addressType: IPv4
ports: [{ name: http, port: 9090, protocol: TCP }]
endpoints: [{ addresses: [10.244.8.12], conditions: { ready: true } }]
---
`,
    );
    expect(connect(d.state, client(d.state), 'http://sliced.b/').answeredBy).toBe('b/web-2');
  });
});
