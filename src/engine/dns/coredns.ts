/**
 * The cluster DNS server: CoreDNS with the default kubeadm Corefile
 * (`kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa
 * ip6.arpa; ttl 30 }`, then `forward . /etc/resolv.conf`). The kubernetes plugin parses a name
 * into [_port._protocol.|endpoint.]service.namespace.svc|pod.zone, answers from Services and
 * ready EndpointSlice addresses, and anything it cannot name is NXDOMAIN; names outside its
 * zones go to the upstream resolver.
 */
import {
  clusterIPsOf,
  getObject,
  isHeadless,
  listObjects,
  serviceEndpoints,
  servicesByClusterIP,
  type ClusterState,
  type Service,
  type Stored,
} from '../cluster/index.ts';
import {
  addressFromReverse,
  isIPv4,
  isIPv6,
  isSubdomain,
  sameName,
  type DnsRecord,
  type RRType,
  type ServerAnswer,
} from './records.ts';
import { upstreamAnswer } from './upstream.ts';

const TTL = 30;

/** A parsed query name (CoreDNS recordRequest); empty strings mean "not given". */
interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  podOrSvc: '' | 'svc' | 'pod';
}

/** One backend answer before it becomes a record: an address or a target name, a port, a name. */
interface MsgService {
  host: string;
  port: number;
  /** The record's own name (SRV target for address answers). */
  key: string;
}

type Lookup = { services: MsgService[]; error?: undefined } | { error: string };

function zonesOf(state: ClusterState): string[] {
  return [state.settings.clusterDomain, 'in-addr.arpa', 'ip6.arpa'];
}

/** The longest of the plugin's zones that contains the name. */
function matchZone(state: ClusterState, name: string): string | undefined {
  let best: string | undefined;
  for (const z of zonesOf(state))
    if (isSubdomain(z, name) && (!best || z.length > best.length)) best = z;
  return best;
}

const strip = (s: string) => (s.startsWith('_') ? s.slice(1) : s);

function parseRequest(name: string, zone: string): RecordRequest | string {
  const r: RecordRequest = {
    port: '',
    protocol: '',
    endpoint: '',
    service: '',
    namespace: '',
    podOrSvc: '',
  };
  const lower = name.toLowerCase();
  const base = lower === zone ? '' : lower.slice(0, lower.length - zone.length - 1);
  if (base === '' || base === 'svc' || base === 'pod') return r;
  const segs = base.split('.');
  let last = segs.length - 1;
  const kind = segs[last]!;
  if (kind !== 'svc' && kind !== 'pod')
    return `"${base}" is not a name the kubernetes plugin serves (it must end in .svc.${zone} or .pod.${zone})`;
  r.podOrSvc = kind;
  if (--last < 0) return r;
  r.namespace = segs[last]!;
  if (--last < 0) return r;
  r.service = segs[last]!;
  if (--last < 0) return r;
  if (last === 0) r.endpoint = segs[0]!;
  else if (last === 1) {
    r.protocol = strip(segs[1]!);
    r.port = strip(segs[0]!);
  } else return `"${name}" has too many labels for a Service or pod name`;
  return r;
}

const match = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const matchPortAndProtocol = (aPort: string, bPort: string, aProto: string, bProto: string) =>
  (aPort === '' || match(aPort, bPort)) && (aProto === '' || match(aProto, bProto));

/** CoreDNS's endpoint label: spec.hostname when published, else the dashed IP. */
export function endpointHostname(addr: { ip: string; hostname?: string }): string {
  if (addr.hostname) return addr.hostname;
  if (addr.ip.includes('.')) return addr.ip.replaceAll('.', '-');
  const v6 = addr.ip.replaceAll(':', '-');
  return v6.endsWith('-') ? `${v6}0` : v6;
}

function namespaceExists(state: ClusterState, ns: string): boolean {
  return !!getObject(state, 'Namespace', undefined, ns);
}

function findPods(state: ClusterState, r: RecordRequest, zone: string): Lookup {
  if (r.service === '') return { services: [] };
  const podname = r.service;
  const ip =
    (podname.match(/-/g) ?? []).length === 3 && !podname.includes('--')
      ? podname.replaceAll('-', '.')
      : podname.replaceAll('-', ':');
  if (!isIPv4(ip) && !isIPv6(ip))
    return { error: `"${podname}" is not a dashed IP address, so it names no pod` };
  // `pods insecure`: any well-formed dashed address answers, whether or not a pod holds it.
  return { services: [{ host: ip, port: 0, key: `${podname}.${r.namespace}.pod.${zone}` }] };
}

function findServices(state: ClusterState, r: RecordRequest, zone: string): Lookup {
  if (r.service === '') return { services: [] };
  // Service names are DNS labels: lowercase, so a case-insensitive match is a lowercase lookup.
  const found = getObject<Service>(state, 'Service', r.namespace, r.service.toLowerCase());
  const candidates = found ? [found] : [];
  let error: string | undefined = candidates.length
    ? r.endpoint
      ? `Service ${r.namespace}/${r.service} has no ready endpoint named "${r.endpoint}"`
      : `Service ${r.namespace}/${r.service} has no port named "${r.port}" with protocol "${r.protocol}"`
    : `no Service "${r.service}" in namespace ${r.namespace}`;
  const services: MsgService[] = [];
  for (const svc of candidates) {
    const svcDomain = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`;
    if (svc.spec?.type === 'ExternalName') {
      if (r.endpoint || r.port || r.protocol) {
        error = `ExternalName Service ${r.namespace}/${r.service} has no endpoints or ports below it`;
        continue;
      }
      const host = (svc.spec.externalName ?? '').replace(/\.$/, '');
      if (host && !isIPv4(host) && !isIPv6(host)) {
        services.push({ host, port: 0, key: svcDomain });
        error = undefined;
      }
      continue;
    }
    if (isHeadless(svc) || r.endpoint) {
      for (const addr of serviceEndpoints(state, svc as Stored<Service>)) {
        if (!addr.ready) continue;
        if (r.endpoint && !match(r.endpoint, endpointHostname(addr))) continue;
        for (const p of addr.ports) {
          if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
          services.push({
            host: addr.ip,
            port: p.port,
            key: `${endpointHostname(addr)}.${svcDomain}`,
          });
          error = undefined;
        }
      }
      continue;
    }
    for (const p of svc.spec?.ports ?? []) {
      if (!matchPortAndProtocol(r.port, p.name ?? '', r.protocol, p.protocol ?? 'TCP')) continue;
      error = undefined;
      for (const ip of clusterIPsOf(svc)) services.push({ host: ip, port: p.port, key: svcDomain });
    }
  }
  if (error !== undefined && services.length === 0) {
    if (candidates.some(isHeadless) && !r.endpoint && !r.port)
      error = `headless Service ${r.namespace}/${r.service} has no ready endpoints`;
    return { error };
  }
  return { services };
}

/** The plugin's Records(): services answering a forward name, or a name error. */
function records(state: ClusterState, name: string, zone: string): Lookup {
  const r = parseRequest(name, zone);
  if (typeof r === 'string') return { error: r };
  if (r.podOrSvc === '') return { services: [] };
  if (zone.endsWith('arpa')) return { error: 'not a reverse address' };
  if (!namespaceExists(state, r.namespace))
    return { error: `namespace "${r.namespace}" does not exist` };
  return r.podOrSvc === 'pod' ? findPods(state, r, zone) : findServices(state, r, zone);
}

/** Services() of the plugin: the special ns.dns name, and no ExternalName targets for SRV. */
function services(state: ClusterState, name: string, zone: string, qtype: RRType): Lookup {
  if (sameName(name, `ns.dns.${zone}`)) {
    const dns = listObjects<Service>(state, 'Service', 'kube-system').find(
      (s) => s.metadata.name === 'kube-dns',
    );
    return {
      services: (dns ? clusterIPsOf(dns) : []).map((ip) => ({ host: ip, port: 0, key: name })),
    };
  }
  const got = records(state, name, zone);
  if (got.error !== undefined || qtype !== 'SRV') return got;
  return { services: got.services.filter((s) => isIPv4(s.host) || isIPv6(s.host)) };
}

function addressRecords(
  state: ClusterState,
  name: string,
  zone: string,
  qtype: 'A' | 'AAAA',
  previous: DnsRecord[],
): { records: DnsRecord[]; error?: string } {
  const got = name.toLowerCase() === zone ? { services: [] } : services(state, name, zone, qtype);
  if (got.error !== undefined) return { records: [], error: got.error };
  const out: DnsRecord[] = [];
  const dup = new Set<string>();
  for (const s of got.services) {
    if (isIPv4(s.host) || isIPv6(s.host)) {
      if ((qtype === 'A') !== isIPv4(s.host) || dup.has(s.host)) continue;
      dup.add(s.host);
      out.push({ name, type: qtype, ttl: TTL, data: s.host });
      continue;
    }
    if (sameName(name, s.host) || previous.length > 7) continue;
    const cname: DnsRecord = { name, type: 'CNAME', ttl: TTL, data: s.host };
    if (previous.some((p) => sameName(p.name, name) && sameName(p.data, s.host))) continue;
    if (isSubdomain(zone, s.host)) {
      const next = addressRecords(state, s.host, zone, qtype, [...previous, cname]);
      if (next.error === undefined && next.records.length > 0) out.push(cname, ...next.records);
      continue;
    }
    // Outside the zone: CoreDNS asks the upstream resolver and returns the CNAME with its answer.
    out.push(cname, ...upstreamAnswer(s.host, qtype).answers);
  }
  return { records: out };
}

function srvRecords(state: ClusterState, name: string, zone: string): Lookup | DnsRecord[] {
  const got = services(state, name, zone, 'SRV');
  if (got.error !== undefined) return got;
  // All records share priority 0; each weighs floor(100 / N) percent.
  const total = 100 * got.services.length;
  const weight = Math.max(1, Math.floor((100 / total) * 100));
  const out: DnsRecord[] = [];
  const dup = new Set<string>();
  for (const s of got.services) {
    if (s.port === -1) continue;
    const key = `${s.key.toLowerCase()}:${s.port}`;
    if (dup.has(key)) continue;
    dup.add(key);
    out.push({ name, type: 'SRV', ttl: TTL, data: `0 ${weight} ${s.port} ${s.key}` });
  }
  return out;
}

function ptrRecords(state: ClusterState, name: string, zone: string): Lookup | DnsRecord[] {
  const ip = addressFromReverse(name);
  if (!ip) {
    const got = records(state, name, zone);
    return got.error !== undefined ? got : [];
  }
  const domain = state.settings.clusterDomain;
  const all = listObjects<Service>(state, 'Service');
  const svc = servicesByClusterIP(state).get(ip);
  if (svc)
    return [
      {
        name,
        type: 'PTR',
        ttl: TTL,
        data: `${svc.metadata.name}.${svc.metadata.namespace}.svc.${domain}`,
      },
    ];
  const out: DnsRecord[] = [];
  for (const s of all) {
    for (const addr of serviceEndpoints(state, s)) {
      if (!addr.ready || addr.ip !== ip) continue;
      const data = `${endpointHostname(addr)}.${s.metadata.name}.${s.metadata.namespace}.svc.${domain}`;
      if (!out.some((r) => r.data === data)) out.push({ name, type: 'PTR', ttl: TTL, data });
    }
  }
  if (out.length === 0) return { error: `no Service or ready endpoint has the address ${ip}` };
  return out;
}

/** What the cluster's CoreDNS answers for one question (name without a trailing dot). */
export function coreDnsAnswer(state: ClusterState, qname: string, qtype: RRType): ServerAnswer {
  const name = qname.replace(/\.$/, '');
  const zone = matchZone(state, name);
  if (!zone) return upstreamAnswer(name, qtype);
  let result: Lookup | DnsRecord[];
  switch (qtype) {
    case 'A':
    case 'AAAA': {
      const r = addressRecords(state, name, zone, qtype, []);
      result = r.error !== undefined ? { error: r.error } : r.records;
      break;
    }
    case 'SRV':
      result = srvRecords(state, name, zone);
      break;
    case 'PTR':
      result = ptrRecords(state, name, zone);
      break;
    case 'CNAME': {
      const got =
        name.toLowerCase() === zone ? { services: [] } : services(state, name, zone, qtype);
      if (got.error !== undefined) result = got;
      else {
        const first = got.services[0];
        result =
          first && !isIPv4(first.host) && !isIPv6(first.host)
            ? [{ name, type: 'CNAME', ttl: TTL, data: first.host }]
            : [];
      }
      break;
    }
  }
  if (!Array.isArray(result)) {
    const error = result.error ?? 'no such name';
    // `fallthrough in-addr.arpa ip6.arpa`: reverse names the plugin does not know go upstream.
    if (zone.endsWith('arpa')) return upstreamAnswer(name, qtype);
    return { rcode: 'NXDOMAIN', answers: [], source: 'kubernetes', reason: error };
  }
  return {
    rcode: 'NOERROR',
    answers: result,
    source: 'kubernetes',
    reason:
      result.length > 0
        ? `answered by the kubernetes plugin (zone ${zone})`
        : `the name exists but has no ${qtype} record (NODATA)`,
  };
}
