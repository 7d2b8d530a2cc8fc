/**
 * The one place a hop's sentence is written: `withText` renders `summary` and `detail` from a
 * hop's typed fields. Every hop the engine builds passes through here, so the words always say
 * what the fields say, and nothing else needs to (or may) derive a verdict from the words.
 */
import { objectKeyOf, refText, type ObjectRef } from '../api/index.ts';
import type { ResolveResult } from './resolve.ts';
import type { DirectionVerdict } from '../netpol/index.ts';
import { formatLabels } from '../labels/index.ts';
import type { BackendRef, Hop, HopFields, ServiceHop } from './types.ts';

function key(ref: ObjectRef | undefined): string {
  return ref ? objectKeyOf(ref) : '';
}

/** `ns/pod 10.244.0.5:8080`, or the bare address when no pod holds it. */
export function backendText(b: BackendRef): string {
  return `${b.pod ? `${key(b.pod)} ` : ''}${b.ip}:${b.port}`;
}

/** Each policy of one direction and how its rules met the connection. */
function policyLines(v: DirectionVerdict): string[] {
  const lines: string[] = [];
  for (const p of v.policies) {
    lines.push(`NetworkPolicy ${p.policy}: ${p.allows ? 'allows' : 'does not allow'}`);
    if (p.rules.length === 0) lines.push(`  no ${v.direction} rules: allows nothing`);
    for (const r of p.rules) lines.push(`  ${r.reason}`);
  }
  return lines;
}

function servicePortLabel(h: ServiceHop): string {
  const sp = h.servicePort;
  return `${sp?.name ? `${sp.name} ` : ''}${h.address.port}/${h.address.protocol}`;
}

function serviceText(h: HopFields<ServiceHop>): Pick<Hop, 'summary' | 'detail'> {
  const svc = key(h.object);
  const proto = h.address.protocol;
  switch (h.result) {
    case 'no-port':
      return {
        summary: `Service ${svc} has no port ${h.address.port}/${proto}: kube-proxy has no rule, the packet is lost`,
        detail: [
          `Service ports: ${h.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') || '(none)'}`,
          'kube-proxy in iptables mode leaves traffic to a ClusterIP on an unknown port unhandled (other proxy modes differ).',
        ],
      };
    case 'no-endpoints':
      return {
        summary: `Service ${svc} port ${servicePortLabel(h as ServiceHop)} has no ready endpoints: kube-proxy rejects the connection`,
        detail: [
          h.selector
            ? `selector ${formatLabels(h.selector)} matches no ready pod in namespace ${h.object.namespace} that declares targetPort ${h.servicePort?.targetPort}`
            : 'the Service has no selector and no ready addresses in its Endpoints/EndpointSlices',
        ],
      };
    case 'chosen': {
      const n = h.backends.length;
      return {
        summary: `${h.via === 'nodePort' ? `NodePort ${h.address.port} of ` : ''}Service ${svc} port ${servicePortLabel(h as ServiceHop)} → targetPort ${h.servicePort?.targetPort}: ${n} ready endpoint${n === 1 ? '' : 's'}`,
        detail: h.backends.map((b, i) => `${i === h.chosen ? '→' : ' '} ${backendText(b)}`),
      };
    }
  }
}

function text(h: HopFields): Pick<Hop, 'summary' | 'detail'> {
  switch (h.kind) {
    case 'url':
      return { summary: `${h.url}: ${h.message}` };
    case 'dns':
      if (h.step === 'hosts')
        return { summary: `${h.host} → ${h.addresses.join(', ')} from the pod's /etc/hosts` };
      if (h.step === 'query')
        return {
          summary: `DNS query to nameserver ${h.server}:53/${h.protocol}${h.ok ? '' : h.outcome === 'refused' ? ': refused' : ': no reply'}`,
          ...(h.viaEndpoints
            ? {
                detail: [
                  'CoreDNS endpoints:',
                  ...h.viaEndpoints.map((v) => `  via ${v.ip}:${v.port}: ${v.outcome}`),
                ],
              }
            : {}),
        };
      return lookupText(h.resolution, h.addresses);
    case 'service':
      return serviceText(h);
    case 'endpoint':
      return {
        summary: `DNAT ${h.from.ip}:${h.from.port} → ${backendText(h.to)}`,
        detail: [
          h.affinity === 'ClientIP'
            ? 'sessionAffinity ClientIP: this client always gets the same endpoint'
            : 'kube-proxy picks an endpoint at random per connection; the simulator rotates through them so repeated requests show the load balancing',
        ],
      };
    case 'egress':
    case 'ingress': {
      const dest = h.to.pod ? key(h.to.pod) : h.to.ip;
      const verdict = `${h.ok ? 'allowed' : 'denied'} — ${h.verdict.reason}`;
      return {
        summary:
          h.kind === 'egress'
            ? `egress from ${h.from} to ${dest}:${h.to.port}/${h.to.protocol}: ${verdict}`
            : `ingress to ${dest} on ${h.to.port}/${h.to.protocol}: ${verdict}`,
        detail: policyLines(h.verdict),
      };
    }
    case 'listen': {
      const { ip, port, protocol } = h.target;
      const at = `${port}/${protocol}`;
      switch (h.at) {
        case 'loopback':
          return {
            summary: h.ok
              ? `${key(h.pod)} listens on ${at} (loopback, inside the pod)`
              : `nothing in ${key(h.pod)} listens on ${at}: connection refused`,
          };
        case 'pod':
          return h.ok
            ? { summary: `${key(h.pod)} listens on ${at} and answers` }
            : {
                summary: `${key(h.pod)} does not listen on ${at}: connection refused`,
                detail: [`declared containerPorts: ${h.declaredPorts?.join(', ') || '(none)'}`],
              };
        case 'node':
          return {
            summary: h.nodeRole
              ? `node ${ip} answers on ${at} (${h.nodeRole === 'apiserver' ? 'kube-apiserver' : 'kubelet'})`
              : `node ${ip} does not listen on ${at}: connection refused`,
          };
        case 'upstream-dns':
          return { summary: `the node's upstream resolver ${ip} answers on ${at}` };
        case 'nothing':
          return {
            summary: `nothing answers at ${ip}:${port}: ${
              h.nobody === 'no-pod'
                ? 'no pod has this address'
                : h.nobody === 'no-service'
                  ? 'no Service has this ClusterIP'
                  : 'the address is outside the simulated cluster (the simulator has no Internet)'
            }`,
          };
      }
      break;
    }
    case 'mesh':
      return { summary: 'service mesh proxy' };
  }
  return { summary: '' };
}

/** The DNS lookup's sentence, the resolver's settings, the DNS traffic and each name tried. */
function lookupText(
  res: ResolveResult,
  addresses: readonly string[],
): Pick<Hop, 'summary' | 'detail'> {
  const conf = res.resolvConf;
  const detail = [
    `resolv.conf (dnsPolicy ${conf.policy}): ${conf.text.trim().replace(/\n/g, '; ') || '(empty)'}`,
    ...transportLines(res.transport.hops).map((l) => `${l.ok ? '✔' : '✘'} ${l.text}`),
    ...res.attempts.map(
      (a) =>
        `${a.name}: ${a.rcode}${a.answers.length ? ` → ${a.answers.map((r) => `${r.type} ${r.data}`).join(', ')}` : ''} (${a.reason})`,
    ),
  ];
  let summary: string;
  if (res.rcode === 'TIMEOUT')
    summary = `${res.query}: DNS query got no reply (dropped on the way to the nameserver)`;
  else if (res.rcode === 'REFUSED') summary = `${res.query}: no nameserver accepted the query`;
  else if (addresses.length) summary = `${res.query} → ${res.fqdn} = ${addresses.join(', ')}`;
  else if (res.rcode === 'NOERROR')
    summary = `${res.query}: ${res.fqdn} exists but has no address${res.answers.some((r) => r.type === 'CNAME') ? ' in the cluster (CNAME to an outside name)' : ''}`;
  else summary = `${res.query}: NXDOMAIN for every name tried (${res.tried.join(', ')})`;
  return { summary, detail };
}

/**
 * The DNS traffic's hops as lines: each query to a nameserver, then the hops of its path
 * marked `[DNS]` so they read apart from the request's own.
 */
export function transportLines(hops: readonly Hop[]): Array<{ ok: boolean; text: string }> {
  return hops.map((h) => ({
    ok: h.ok,
    text: h.kind === 'dns' && h.step === 'query' ? h.summary : `[DNS] ${h.summary}`,
  }));
}

/** A hop with its sentence rendered from its fields. */
export function withText<F extends HopFields>(fields: F): F & Pick<Hop, 'summary' | 'detail'> {
  const t = text(fields);
  return { ...fields, summary: t.summary, ...(t.detail ? { detail: t.detail } : {}) };
}

/**
 * A hop in a few words, for an edge label: the object that decided it (`NetworkPolicy
 * team-b/deny-all`), or what happened when no object did (`nothing listens on 8080/TCP`).
 */
export function hopHeadline(h: Hop): string {
  switch (h.kind) {
    case 'url':
      return h.message;
    case 'listen': {
      const at = `${h.target.port}/${h.target.protocol}`;
      const who = h.pod ? refText(h.pod) : `${h.at === 'node' ? 'node ' : ''}${h.target.ip}`;
      if (h.at === 'nothing') return `nothing answers at ${h.target.ip}:${h.target.port}`;
      return h.ok ? `${who} answers on ${at}` : `${who} does not listen on ${at}`;
    }
    case 'dns':
      if (h.step === 'hosts') return `${h.host} from /etc/hosts`;
      if (h.step === 'query')
        return `nameserver ${h.server}: ${h.ok ? 'answered' : h.outcome === 'refused' ? 'refused' : 'no reply'}`;
      switch (h.resolution.rcode) {
        case 'TIMEOUT':
          return 'no DNS reply';
        case 'REFUSED':
          return 'DNS refused';
        case 'NXDOMAIN':
          return `NXDOMAIN for ${h.resolution.query}`;
        default:
          return h.ok
            ? `${h.resolution.query} → ${h.addresses.join(', ')}`
            : `${h.resolution.fqdn} has no address`;
      }
    default:
      if (h.object) return refText(h.object);
      if (h.kind === 'egress' || h.kind === 'ingress')
        return h.enforced ? `not isolated for ${h.kind}` : 'NetworkPolicy not enforced';
      return h.kind;
  }
}
