/**
 * A pod's /etc/resolv.conf and the resolver's search order. Expectations come from
 * kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (GetPodDNS, appendDNSConfig,
 * mergeDNSOptions, formDNSConfigFitsLimits), the Pod DNS docs (dnsPolicy, dnsConfig), and
 * resolv.conf(5) / glibc res_nsearch for the search order.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/cluster/index.ts';
import {
  podHostsFile,
  podResolvConf,
  searchCandidates,
  type ResolvConf,
} from '../../../../src/engine/dns/index.ts';
import { Driver } from '../cluster/driver.ts';
import { ns, pod } from './fixture.ts';

const d = new Driver().apply(ns('team-a'));
const conf = (extraSpec: string) => {
  const p = new Driver(d.state)
    .apply(pod({ ns: 'team-a', name: 'p', ip: '10.244.7.7', extraSpec }))
    .get<Pod>('Pod', 'team-a', 'p')!;
  return podResolvConf(d.state, p);
};

describe('resolv.conf by dnsPolicy', () => {
  it('ClusterFirst (the default): cluster DNS, <ns>.svc, svc, domain, ndots:5', () => {
    expect(conf('').text).toBe(
      'search team-a.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('ClusterFirst on the host network falls back to Default (the node resolv.conf)', () => {
    const c = conf('  hostNetwork: true');
    expect(c.nameservers).toEqual(['172.18.0.1']);
    expect(c.searches).toEqual([]);
    expect(c.policy).toContain('falls back to Default');
  });

  it('ClusterFirstWithHostNet keeps the cluster DNS on the host network', () => {
    const c = conf('  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet');
    expect(c.nameservers).toEqual(['10.96.0.10']);
  });

  it('Default: the node resolv.conf, no cluster search domains, ndots 1', () => {
    const c = conf('  dnsPolicy: Default');
    expect(c.text).toBe('nameserver 172.18.0.1\n');
    expect(c.ndots).toBe(1);
  });

  it('None: only dnsConfig', () => {
    const c = conf(
      '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.2.3.4]\n    searches: [ns1.svc.cluster-domain.example, my.dns.search.suffix]\n    options: [{ name: ndots, value: "2" }, { name: edns0 }]',
    );
    expect(c.text).toBe(
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n',
    );
    expect(c.ndots).toBe(2);
  });

  it('dnsConfig appends to ClusterFirst, drops duplicates and overrides options by name', () => {
    const c = conf(
      '  dnsConfig:\n    nameservers: [10.96.0.10, 8.8.8.8]\n    searches: [svc.cluster.local, corp.example]\n    options: [{ name: ndots, value: "1" }, { name: timeout, value: "2" }]',
    );
    expect(c.nameservers).toEqual(['10.96.0.10', '8.8.8.8']);
    expect(c.searches).toEqual([
      'team-a.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
      'corp.example',
    ]);
    expect(c.options).toEqual(['ndots:1', 'timeout:2']);
    expect([c.ndots, c.timeout, c.attempts]).toEqual([1, 2, 2]);
  });

  it('keeps at most 3 nameservers (MaxDNSNameservers)', () => {
    const c = conf(
      '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.1.1.1, 2.2.2.2, 3.3.3.3, 4.4.4.4]',
    );
    expect(c.nameservers).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3']);
  });
});

describe('/etc/hosts', () => {
  it('names the pod by hostname, and by FQDN when it has a subdomain', () => {
    const p = new Driver(d.state)
      .apply(
        pod({
          ns: 'team-a',
          name: 'db-0',
          ip: '10.244.7.8',
          extraSpec: '  hostname: db-0\n  subdomain: db',
        }),
      )
      .get<Pod>('Pod', 'team-a', 'db-0')!;
    expect(podHostsFile(d.state, p)).toContain(
      '10.244.7.8\tdb-0.db.team-a.svc.cluster.local\tdb-0\n',
    );
  });
});

const c5 = {
  searches: ['a.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
  ndots: 5,
} as ResolvConf;

describe('search-list expansion (resolv.conf(5), glibc res_nsearch)', () => {
  it.each([
    [
      'web',
      ['web.a.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'],
      'no dots: every search domain, then as is',
    ],
    [
      'web.b',
      ['web.b.a.svc.cluster.local', 'web.b.svc.cluster.local', 'web.b.cluster.local', 'web.b'],
      '1 dot < ndots 5',
    ],
    [
      'web.b.svc.cluster.local',
      [
        'web.b.svc.cluster.local.a.svc.cluster.local',
        'web.b.svc.cluster.local.svc.cluster.local',
        'web.b.svc.cluster.local.cluster.local',
        'web.b.svc.cluster.local',
      ],
      '4 dots < 5: the FQDN is tried last',
    ],
    ['web.b.svc.cluster.local.', ['web.b.svc.cluster.local'], 'trailing dot: absolute, no search'],
    [
      '_http._tcp.web.b.svc.cluster.local',
      [
        '_http._tcp.web.b.svc.cluster.local',
        '_http._tcp.web.b.svc.cluster.local.a.svc.cluster.local',
        '_http._tcp.web.b.svc.cluster.local.svc.cluster.local',
        '_http._tcp.web.b.svc.cluster.local.cluster.local',
      ],
      '6 dots >= ndots: as is first, then the search list',
    ],
  ])('%s', (name, expected, _why) => {
    expect(searchCandidates(name, c5)).toEqual(expected);
  });

  it('ndots:1 asks a dotted name as is first', () => {
    expect(searchCandidates('web.b', { ...c5, ndots: 1 })[0]).toBe('web.b');
  });
});
