/**
 * The CoreDNS `kubernetes` plugin model, query by query. Rows cite the Kubernetes DNS
 * specification (kubernetes/dns docs/specification.md, schema 1.1.0) or the CoreDNS source
 * (plugin/kubernetes parse.go, kubernetes.go, reverse.go; plugin/backend_lookup.go) for
 * behaviour the specification leaves to the implementation.
 */
import { describe, expect, it } from 'vitest';
import { coreDnsAnswer, type RRType } from '../../../../src/engine/dns/index.ts';
import { Driver } from '../cluster/driver.ts';
import { ns, pod, svc } from './fixture.ts';

const web = (name: string, ip: string, ready = true) =>
  pod({ ns: 'b', name, ip, labels: { app: 'web' }, ready, ports: [{ name: 'http', port: 8080 }] });
const db = (name: string, ip: string, ready = true, subdomain = 'db-hl') =>
  pod({
    ns: 'b',
    name,
    ip,
    labels: { app: 'db' },
    ready,
    ports: [{ name: 'pg', port: 5432 }],
    extraSpec: `  hostname: ${name}\n  subdomain: ${subdomain}`,
  });

const cluster = new Driver().apply(
  ns('a', 'b') +
    svc({
      ns: 'b',
      name: 'web',
      ip: '10.96.5.10',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 8080 },
        { name: 'https', port: 443, targetPort: 8443 },
        { name: 'dns', port: 53, targetPort: 5353, protocol: 'UDP' },
      ],
    }) +
    svc({
      ns: 'b',
      name: 'web-hl',
      ip: 'None',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    }) +
    svc({
      ns: 'b',
      name: 'web-np',
      type: 'NodePort',
      ip: '10.96.5.11',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080 }],
    }) +
    svc({
      ns: 'b',
      name: 'db-hl',
      ip: 'None',
      selector: { app: 'db' },
      ports: [{ name: 'pg', port: 5432 }],
    }) +
    svc({
      ns: 'b',
      name: 'empty-hl',
      ip: 'None',
      selector: { app: 'nothing' },
      ports: [{ port: 80 }],
    }) +
    svc({ ns: 'b', name: 'ext', type: 'ExternalName', externalName: 'docs.example.com' }) +
    svc({ ns: 'b', name: 'alias', type: 'ExternalName', externalName: 'web.b.svc.cluster.local' }) +
    svc({ ns: 'b', name: 'legacy', ip: '10.96.5.30', ports: [{ name: 'pg', port: 5432 }] }) +
    svc({ ns: 'b', name: 'manual-hl', ip: 'None', ports: [{ name: 'pg', port: 5432 }] }) +
    `apiVersion: v1
kind: Endpoints
metadata: { name: legacy, namespace: b }
subsets: [{ addresses: [{ ip: 192.168.1.5 }], ports: [{ name: pg, port: 5432 }] }]
---
apiVersion: v1
kind: Endpoints
metadata: { name: manual-hl, namespace: b }
subsets: [{ addresses: [{ ip: 192.168.1.6 }], notReadyAddresses: [{ ip: 192.168.1.7 }], ports: [{ name: pg, port: 5432 }] }]
---
` +
    web('web-1', '10.244.5.11') +
    web('web-2', '10.244.5.12') +
    web('web-3', '10.244.5.13') +
    web('web-4', '10.244.5.14', false) +
    db('db-0', '10.244.5.20') +
    db('db-1', '10.244.5.21', true, 'other') +
    db('db-2', '10.244.5.22', false) +
    pod({ ns: 'a', name: 'client', ip: '10.244.5.100' }),
);

interface Row {
  q: string;
  type: RRType;
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: string[];
  source: string;
}

const rows: Row[] = [
  {
    q: 'web.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.96.5.10'],
    source: 'spec 2.3.1 A record of a ClusterIP Service',
  },
  {
    q: 'WEB.B.SVC.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.96.5.10'],
    source: 'DNS names are case-insensitive (CoreDNS match: strings.EqualFold)',
  },
  {
    q: 'web.b.svc.cluster.local',
    type: 'AAAA',
    rcode: 'NOERROR',
    answers: [],
    source: 'spec 2.3.1: no AAAA for an IPv4 Service; the name exists so NODATA',
  },
  {
    q: 'web-np.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.96.5.11'],
    source: 'NodePort Services are ClusterIP Services inside the cluster',
  },
  {
    q: 'web-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.244.5.11', 'A 10.244.5.12', 'A 10.244.5.13'],
    source: 'spec 2.4.1: headless A records are the ready endpoints; web-4 is not Ready',
  },
  {
    q: 'empty-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'spec 2.4.1: a headless Service without ready endpoints has no records',
  },
  {
    q: 'db-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.244.5.20', 'A 10.244.5.21'],
    source: 'spec 2.4.1 (db-1 has another subdomain but still is an endpoint)',
  },
  {
    q: 'db-0.db-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.244.5.20'],
    source: 'spec 2.4.1 hostname record: pod hostname + subdomain == Service name',
  },
  {
    q: '10-244-5-20.db-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'CoreDNS endpointHostname: an endpoint with a hostname is named only by it',
  },
  {
    q: '10-244-5-21.db-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.244.5.21'],
    source: 'CoreDNS endpointHostname: dashed IP when the subdomain does not match',
  },
  {
    q: 'db-1.db-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'endpointslice utils.go: hostname only when spec.subdomain == Service name',
  },
  {
    q: 'db-2.db-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'spec 2.4.1: not-ready pods have no records',
  },
  {
    q: '10-244-5-11.web.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.244.5.11'],
    source: 'CoreDNS findServices: endpoint names also exist under a ClusterIP Service',
  },
  {
    q: '10-244-5-14.web.b.svc.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'not-ready endpoint',
  },
  {
    q: '_http._tcp.web.b.svc.cluster.local',
    type: 'SRV',
    rcode: 'NOERROR',
    answers: ['SRV 0 100 80 web.b.svc.cluster.local'],
    source: 'spec 2.3.3: SRV of a ClusterIP Service: Service port, Service name',
  },
  {
    q: '_DNS._UDP.web.b.svc.cluster.local',
    type: 'SRV',
    rcode: 'NOERROR',
    answers: ['SRV 0 100 53 web.b.svc.cluster.local'],
    source: 'spec 2.3.3; CoreDNS matches port and protocol case-insensitively',
  },
  {
    q: '_dns._tcp.web.b.svc.cluster.local',
    type: 'SRV',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'port dns is UDP only',
  },
  {
    q: 'web.b.svc.cluster.local',
    type: 'SRV',
    rcode: 'NOERROR',
    answers: [
      'SRV 0 33 80 web.b.svc.cluster.local',
      'SRV 0 33 443 web.b.svc.cluster.local',
      'SRV 0 33 53 web.b.svc.cluster.local',
    ],
    source: 'CoreDNS: without _port._proto every port answers; weight floor(100/3)',
  },
  {
    q: '_http._tcp.web-hl.b.svc.cluster.local',
    type: 'SRV',
    rcode: 'NOERROR',
    answers: [
      'SRV 0 33 8080 10-244-5-11.web-hl.b.svc.cluster.local',
      'SRV 0 33 8080 10-244-5-12.web-hl.b.svc.cluster.local',
      'SRV 0 33 8080 10-244-5-13.web-hl.b.svc.cluster.local',
    ],
    source:
      'spec 2.4.2: headless SRV per ready endpoint, the endpoint port; CoreDNS weight floor(100/3)',
  },
  {
    q: '_pg._tcp.db-hl.b.svc.cluster.local',
    type: 'SRV',
    rcode: 'NOERROR',
    answers: [
      'SRV 0 50 5432 db-0.db-hl.b.svc.cluster.local',
      'SRV 0 50 5432 10-244-5-21.db-hl.b.svc.cluster.local',
    ],
    source: 'spec 2.4.2 with hostnames',
  },
  {
    q: 'ext.b.svc.cluster.local',
    type: 'CNAME',
    rcode: 'NOERROR',
    answers: ['CNAME docs.example.com'],
    source: 'spec 2.5: ExternalName is a CNAME',
  },
  {
    q: 'ext.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['CNAME docs.example.com'],
    source: 'backend_lookup.go A: the CNAME plus what upstream answers (nothing in the simulator)',
  },
  {
    q: 'alias.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['CNAME web.b.svc.cluster.local', 'A 10.96.5.10'],
    source: 'backend_lookup.go A: an in-zone CNAME target is chased',
  },
  {
    q: '_http._tcp.ext.b.svc.cluster.local',
    type: 'SRV',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'kubernetes.go: no port names under an ExternalName Service',
  },
  {
    q: 'www.ext.b.svc.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'kubernetes.go: no endpoints under an ExternalName Service',
  },
  {
    q: 'web.b.svc.cluster.local',
    type: 'CNAME',
    rcode: 'NOERROR',
    answers: [],
    source: 'backend_lookup.go CNAME: an address is not a CNAME (NODATA)',
  },
  {
    q: 'legacy.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.96.5.30'],
    source: 'selector-less ClusterIP Service',
  },
  {
    q: 'manual-hl.b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 192.168.1.6'],
    source: 'selector-less headless: mirrored Endpoints, ready addresses only',
  },
  {
    q: '10-244-9-9.a.pod.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.244.9.9'],
    source: 'spec/CoreDNS `pods insecure`: any dashed address in an existing namespace',
  },
  {
    q: '10-244-9-9.ghost.pod.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'CoreDNS namespaceExposed: the namespace must exist',
  },
  {
    q: 'web-1.b.pod.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'pod records are by dashed IP, not by pod name',
  },
  {
    q: '5.1.244.10.in-addr.arpa',
    type: 'PTR',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'reverse.go: no Service or endpoint has the IP; fallthrough to upstream',
  },
  {
    q: '10.5.96.10.in-addr.arpa',
    type: 'PTR',
    rcode: 'NOERROR',
    answers: ['PTR web.b.svc.cluster.local'],
    source: 'spec 2.3.4 / reverse.go: a Service IP',
  },
  {
    q: '20.5.244.10.in-addr.arpa',
    type: 'PTR',
    rcode: 'NOERROR',
    answers: ['PTR db-0.db-hl.b.svc.cluster.local'],
    source: 'spec 2.4.3 / reverse.go: an endpoint IP with its hostname',
  },
  {
    q: '100.5.244.10.in-addr.arpa',
    type: 'PTR',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'a pod behind no Service has no PTR',
  },
  {
    q: 'b.svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: [],
    source: 'kubernetes.go findServices: a namespace name is NODATA',
  },
  {
    q: 'ghost.svc.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'namespace does not exist',
  },
  {
    q: 'svc.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: [],
    source: 'parse.go: apex-like names are NODATA',
  },
  { q: 'cluster.local', type: 'A', rcode: 'NOERROR', answers: [], source: 'the zone apex exists' },
  {
    q: 'web.b.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'parse.go: must end in svc or pod',
  },
  {
    q: 'x.y._http._tcp.web.b.svc.cluster.local',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'parse.go: too many labels',
  },
  {
    q: 'ns.dns.cluster.local',
    type: 'A',
    rcode: 'NOERROR',
    answers: ['A 10.96.0.10'],
    source: 'kubernetes.go: the default NS record name',
  },
  {
    q: 'example.com',
    type: 'A',
    rcode: 'NXDOMAIN',
    answers: [],
    source: 'outside the zones: forwarded upstream (no Internet in the simulator)',
  },
];

describe('CoreDNS kubernetes plugin', () => {
  it.each(rows)('$type $q → $rcode ($source)', (row) => {
    const got = coreDnsAnswer(cluster.state, row.q, row.type);
    expect(got.rcode).toBe(row.rcode);
    expect(got.answers.map((a) => `${a.type} ${a.data}`).sort()).toEqual([...row.answers].sort());
  });

  it('gives every kubernetes record the Corefile ttl of 30 seconds', () => {
    const got = coreDnsAnswer(cluster.state, 'web-hl.b.svc.cluster.local', 'A');
    expect(got.answers.length).toBeGreaterThan(0);
    expect(got.answers.every((a) => a.ttl === 30)).toBe(true);
  });

  it('answers a new ready pod of a headless Service at once (records follow the endpoints)', () => {
    const d = new Driver(cluster.state).apply(web('web-5', '10.244.5.15'));
    const got = coreDnsAnswer(d.state, 'web-hl.b.svc.cluster.local', 'A');
    expect(got.answers.map((a) => a.data)).toContain('10.244.5.15');
    expect(coreDnsAnswer(cluster.state, 'web-hl.b.svc.cluster.local', 'A').answers).toHaveLength(3);
  });
});
