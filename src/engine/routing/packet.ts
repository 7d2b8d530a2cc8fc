/**
 * One packet's fate, as kube-proxy (iptables mode) and a policy-enforcing CNI decide it: a
 * ClusterIP (or node IP + nodePort) is DNATed to one ready endpoint's IP and targetPort, then
 * NetworkPolicy is evaluated on that pod IP and port (egress at the source, ingress at the
 * destination), and finally the destination either listens on the port or refuses.
 */
import {
  cidrContains,
  NODE_IP,
  POD_CIDR,
  SERVICE_CIDR,
  type ClusterState,
  type Pod,
  type Service,
  type ServicePort,
  type Stored,
} from '../cluster/index.ts';
import {
  evaluateConnection,
  type ConnectionVerdict,
  type DirectionVerdict,
  type Protocol,
} from '../netpol/index.ts';
import {
  findServiceTarget,
  hostLoopback,
  nodeServer,
  podAt,
  podListens,
  readyBackends,
  type Backend,
} from './lookup.ts';
import type { Hop, Responder } from './types.ts';

/** The resolver the node's /etc/resolv.conf names (what CoreDNS forwards to, and dnsPolicy Default uses). */
export const UPSTREAM_DNS_IP = '172.18.0.1';

/** How a packet ended: answered, actively refused (RST / ICMP / REJECT), dropped, or lost. */
export type DeliveryOutcome = 'delivered' | 'refused' | 'dropped' | 'unanswered';

export interface Delivery {
  outcome: DeliveryOutcome;
  hops: Hop[];
  /** Where the packet finally went (the endpoint after DNAT, or the address itself). */
  targetIP: string;
  targetPort: number;
  service?: Stored<Service>;
  servicePort?: ServicePort;
  backends?: Backend[];
  pod?: Stored<Pod>;
  responder?: Responder;
  verdict?: ConnectionVerdict;
  /** Set when an endpoint was chosen by rotation: the key and its next position. */
  rotation?: { key: string; next: number };
}

export interface SendOptions {
  rotation?: Readonly<Record<string, number>>;
  /** Pick this endpoint (index into the ready backends) instead of rotating. */
  endpointIndex?: number;
}

function podName(p: Stored<Pod>): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

/** Each policy of one direction and how its rules met the connection, for the hop's detail. */
function policyLines(v: DirectionVerdict): string[] {
  const lines: string[] = [];
  for (const p of v.policies) {
    lines.push(`NetworkPolicy ${p.policy}: ${p.allows ? 'allows' : 'does not allow'}`);
    if (p.rules.length === 0) lines.push(`  no ${v.direction} rules: allows nothing`);
    for (const r of p.rules) lines.push(`  ${r.reason}`);
  }
  return lines;
}

function describeBackend(state: ClusterState, b: Backend): string {
  const pod = podAt(state, b.ip, b.port, b.protocol);
  return `${pod ? `${podName(pod)} ` : ''}${b.ip}:${b.port}`;
}

/** Sends one connection attempt (TCP SYN or UDP datagram) from a pod to ip:port. */
export function sendPacket(
  state: ClusterState,
  from: Stored<Pod>,
  address: string,
  port: number,
  protocol: Protocol,
  opts: SendOptions = {},
): Delivery {
  const hops: Hop[] = [];
  const ip = hostLoopback(from, address) ?? address;
  const loopback = ip === '127.0.0.1' || ip === '::1' || ip.startsWith('127.');
  if (loopback) {
    // Loopback never leaves the pod's network namespace: no Service, no NetworkPolicy.
    const listens = podListens(from, port, protocol);
    hops.push({
      kind: 'listen',
      ok: listens,
      summary: listens
        ? `${podName(from)} listens on ${port}/${protocol} (loopback, inside the pod)`
        : `nothing in ${podName(from)} listens on ${port}/${protocol}: connection refused`,
      object: `Pod/${from.metadata.namespace}/${from.metadata.name}`,
    });
    return {
      outcome: listens ? 'delivered' : 'refused',
      hops,
      targetIP: ip,
      targetPort: port,
      pod: from,
      ...(listens ? { responder: { kind: 'pod', pod: podName(from), ip, port } } : {}),
    };
  }
  let targetIP = ip;
  let targetPort = port;
  const hit = findServiceTarget(state, ip, port, protocol);
  let service: Stored<Service> | undefined;
  let servicePort: ServicePort | undefined;
  let backends: Backend[] | undefined;
  let rotation: Delivery['rotation'];
  if (hit) {
    service = hit.svc;
    const svcName = `${hit.svc.metadata.namespace}/${hit.svc.metadata.name}`;
    const object = `Service/${svcName}`;
    if (!hit.sp) {
      const ports = (hit.svc.spec?.ports ?? [])
        .map((p) => `${p.port}/${p.protocol ?? 'TCP'}`)
        .join(', ');
      hops.push({
        kind: 'service',
        ok: false,
        summary: `Service ${svcName} has no port ${port}/${protocol}: kube-proxy has no rule, the packet is lost`,
        detail: [
          `Service ports: ${ports || '(none)'}`,
          'kube-proxy in iptables mode leaves traffic to a ClusterIP on an unknown port unhandled (other proxy modes differ).',
        ],
        object,
      });
      return { outcome: 'unanswered', hops, targetIP, targetPort, service };
    }
    servicePort = hit.sp;
    backends = readyBackends(state, hit.svc, hit.sp);
    const portLabel = `${hit.sp.name ? `${hit.sp.name} ` : ''}${hit.sp.port}/${protocol}`;
    const tp = hit.sp.targetPort ?? hit.sp.port;
    if (backends.length === 0) {
      hops.push({
        kind: 'service',
        ok: false,
        summary: `Service ${svcName} port ${portLabel} has no ready endpoints: kube-proxy rejects the connection`,
        detail: [
          hit.svc.spec?.selector
            ? `selector ${Object.entries(hit.svc.spec.selector)
                .map(([k, v]) => `${k}=${v}`)
                .join(
                  ',',
                )} matches no ready pod in namespace ${hit.svc.metadata.namespace} that declares targetPort ${tp}`
            : 'the Service has no selector and no ready addresses in its Endpoints/EndpointSlices',
        ],
        object,
      });
      return { outcome: 'refused', hops, targetIP, targetPort, service, servicePort, backends };
    }
    const key = `${svcName}:${hit.sp.port}/${protocol}`;
    let index: number;
    if (opts.endpointIndex !== undefined) index = opts.endpointIndex % backends.length;
    else if (hit.svc.spec?.sessionAffinity === 'ClientIP') {
      const clientIP = from.status?.podIP ?? '';
      let h = 0;
      for (const ch of clientIP) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      index = h % backends.length;
    } else {
      const at = opts.rotation?.[key] ?? 0;
      index = at % backends.length;
      rotation = { key, next: at + 1 };
    }
    const chosen = backends[index]!;
    hops.push({
      kind: 'service',
      ok: true,
      summary: `${hit.via === 'nodePort' ? `NodePort ${port} of ` : ''}Service ${svcName} port ${portLabel} → targetPort ${tp}: ${backends.length} ready endpoint${backends.length === 1 ? '' : 's'}`,
      detail: backends.map((b, i) => `${i === index ? '→' : ' '} ${describeBackend(state, b)}`),
      object,
    });
    hops.push({
      kind: 'endpoint',
      ok: true,
      summary: `DNAT ${ip}:${port} → ${describeBackend(state, chosen)}`,
      detail: [
        hit.svc.spec?.sessionAffinity === 'ClientIP'
          ? 'sessionAffinity ClientIP: this client always gets the same endpoint'
          : 'kube-proxy picks an endpoint at random per connection; the simulator rotates through them so repeated requests show the load balancing',
      ],
      object: chosen.view.source,
    });
    targetIP = chosen.ip;
    targetPort = chosen.port;
  }
  const pod = podAt(state, targetIP, targetPort, protocol);
  const verdict = evaluateConnection(state, {
    from,
    toIP: targetIP,
    port: targetPort,
    protocol,
    ...(pod ? { toPod: pod } : {}),
  });
  const dest = pod ? podName(pod) : targetIP;
  const egressOk = verdict.egress.allowed || !verdict.enforced;
  hops.push({
    kind: 'egress',
    ok: egressOk,
    summary: `egress from ${podName(from)} to ${dest}:${targetPort}/${protocol}: ${egressOk ? 'allowed' : 'denied'} — ${verdict.enforced ? verdict.egress.reason : verdict.reason}`,
    detail: policyLines(verdict.egress),
    ...(verdict.egress.policies[0]
      ? { object: `NetworkPolicy/${verdict.egress.policies[0].policy}` }
      : {}),
  });
  if (pod && egressOk) {
    const ok = verdict.ingress.allowed || !verdict.enforced;
    hops.push({
      kind: 'ingress',
      ok,
      summary: `ingress to ${dest} on ${targetPort}/${protocol}: ${ok ? 'allowed' : 'denied'} — ${verdict.enforced ? verdict.ingress.reason : verdict.reason}`,
      detail: policyLines(verdict.ingress),
      ...(verdict.ingress.policies[0]
        ? { object: `NetworkPolicy/${verdict.ingress.policies[0].policy}` }
        : {}),
    });
  }
  const base = {
    hops,
    targetIP,
    targetPort,
    verdict,
    ...(service ? { service } : {}),
    ...(servicePort ? { servicePort } : {}),
    ...(backends ? { backends } : {}),
    ...(pod ? { pod } : {}),
    ...(rotation ? { rotation } : {}),
  };
  if (!verdict.allowed && verdict.enforced) {
    // The CNI drops (does not reject) what policy denies: the sender only sees silence.
    return { ...base, outcome: 'dropped' };
  }
  if (pod) {
    const listens = podListens(pod, targetPort, protocol);
    hops.push({
      kind: 'listen',
      ok: listens,
      summary: listens
        ? `${dest} listens on ${targetPort}/${protocol} and answers`
        : `${dest} does not listen on ${targetPort}/${protocol}: connection refused`,
      detail: listens
        ? undefined
        : [
            `declared containerPorts: ${
              (pod.spec?.containers ?? [])
                .flatMap((c) =>
                  (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`),
                )
                .join(', ') || '(none)'
            }`,
          ],
      object: `Pod/${pod.metadata.namespace}/${pod.metadata.name}`,
    });
    return {
      ...base,
      outcome: listens ? 'delivered' : 'refused',
      ...(listens
        ? { responder: { kind: 'pod', pod: dest, ip: targetIP, port: targetPort } as Responder }
        : {}),
    };
  }
  if (targetIP === NODE_IP) {
    const role = nodeServer(targetIP, targetPort, protocol);
    hops.push({
      kind: 'listen',
      ok: !!role,
      summary: role
        ? `node ${NODE_IP} answers on ${targetPort}/${protocol} (${role === 'apiserver' ? 'kube-apiserver' : 'kubelet'})`
        : `node ${NODE_IP} does not listen on ${targetPort}/${protocol}: connection refused`,
    });
    return {
      ...base,
      outcome: role ? 'delivered' : 'refused',
      ...(role ? { responder: { kind: role, ip: targetIP, port: targetPort } as Responder } : {}),
    };
  }
  if (targetIP === UPSTREAM_DNS_IP && targetPort === 53 && protocol !== 'SCTP') {
    hops.push({
      kind: 'listen',
      ok: true,
      summary: `the node's upstream resolver ${UPSTREAM_DNS_IP} answers on 53/${protocol}`,
    });
    return {
      ...base,
      outcome: 'delivered',
      responder: { kind: 'dns', ip: targetIP, port: 53, server: 'upstream' },
    };
  }
  const where = cidrContains(POD_CIDR, targetIP)
    ? 'no pod has this address'
    : cidrContains(SERVICE_CIDR, targetIP)
      ? 'no Service has this ClusterIP'
      : 'the address is outside the simulated cluster (the simulator has no Internet)';
  hops.push({
    kind: 'listen',
    ok: false,
    summary: `nothing answers at ${targetIP}:${targetPort}: ${where}`,
  });
  return { ...base, outcome: 'unanswered' };
}
