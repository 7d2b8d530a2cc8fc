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
  directionDecider,
  evaluateConnection,
  type ConnectionVerdict,
  type Protocol,
} from '../netpol/index.ts';
import { refOf, type ObjectRef } from '../api/index.ts';
import { withText } from './hop-text.ts';
import {
  findServiceTarget,
  hostLoopback,
  nodeServer,
  podAt,
  podListens,
  readyBackends,
  type Backend,
} from './lookup.ts';
import type { BackendRef, DeliveryOutcome, Hop, Responder } from './types.ts';

export type { DeliveryOutcome } from './types.ts';

/** The resolver the node's /etc/resolv.conf names (what CoreDNS forwards to, and dnsPolicy Default uses). */
export const UPSTREAM_DNS_IP = '172.18.0.1';

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

const podRef = (p: Stored<Pod>): ObjectRef => refOf('Pod', p);

function backendRef(state: ClusterState, b: Backend): BackendRef {
  const pod = podAt(state, b.ip, b.port, b.protocol);
  return pod ? { ip: b.ip, port: b.port, pod: podRef(pod) } : { ip: b.ip, port: b.port };
}

function declaredPorts(pod: Pod): string[] {
  return (pod.spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`),
  );
}

/** The NetworkPolicy hop of one direction, naming the policy (and rule) that decided it. */
function policyHop(
  kind: 'egress' | 'ingress',
  from: Stored<Pod>,
  to: { ip: string; port: number; protocol: Protocol; pod?: Stored<Pod> },
  verdict: ConnectionVerdict,
): Hop {
  const v = kind === 'egress' ? verdict.egress : verdict.ingress;
  const decider = directionDecider(v);
  return withText({
    kind,
    ok: v.allowed || !verdict.enforced,
    from: podName(from),
    to: {
      ip: to.ip,
      port: to.port,
      protocol: to.protocol,
      ...(to.pod ? { pod: podRef(to.pod) } : {}),
    },
    enforced: verdict.enforced,
    verdict: v,
    ...(decider ? { object: decider.policy } : {}),
    ...(decider?.rule !== undefined ? { rule: decider.rule } : {}),
  });
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
    hops.push(
      withText({
        kind: 'listen',
        ok: listens,
        target: { ip, port, protocol },
        at: 'loopback',
        pod: podRef(from),
        object: podRef(from),
      }),
    );
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
    const selector = hit.svc.spec?.selector;
    const common = {
      kind: 'service' as const,
      object: refOf('Service', hit.svc),
      via: hit.via,
      address: { ip, port, protocol },
      ports: (hit.svc.spec?.ports ?? []).map((p) => ({
        port: p.port,
        protocol: p.protocol ?? 'TCP',
      })),
      ...(selector && Object.keys(selector).length ? { selector } : {}),
    };
    if (!hit.sp) {
      hops.push(withText({ ...common, ok: false, result: 'no-port', backends: [] }));
      return { outcome: 'unanswered', hops, targetIP, targetPort, service };
    }
    servicePort = hit.sp;
    backends = readyBackends(state, hit.svc, hit.sp);
    const sp = {
      ...(hit.sp.name ? { name: hit.sp.name } : {}),
      port: hit.sp.port,
      targetPort: hit.sp.targetPort ?? hit.sp.port,
    };
    if (backends.length === 0) {
      hops.push(
        withText({ ...common, ok: false, result: 'no-endpoints', servicePort: sp, backends: [] }),
      );
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
    const refs = backends.map((b) => backendRef(state, b));
    const chosen = backends[index]!;
    hops.push(
      withText({
        ...common,
        ok: true,
        result: 'chosen',
        servicePort: sp,
        backends: refs,
        chosen: index,
      }),
    );
    hops.push(
      withText({
        kind: 'endpoint',
        ok: true,
        object: chosen.view.source,
        from: { ip, port },
        to: refs[index]!,
        affinity: hit.svc.spec?.sessionAffinity === 'ClientIP' ? 'ClientIP' : 'none',
      }),
    );
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
  const to = { ip: targetIP, port: targetPort, protocol, ...(pod ? { pod } : {}) };
  const egress = policyHop('egress', from, to, verdict);
  hops.push(egress);
  if (pod && egress.ok) hops.push(policyHop('ingress', from, to, verdict));
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
  const target = { ip: targetIP, port: targetPort, protocol };
  if (pod) {
    const listens = podListens(pod, targetPort, protocol);
    hops.push(
      withText({
        kind: 'listen',
        ok: listens,
        target,
        at: 'pod',
        pod: podRef(pod),
        object: podRef(pod),
        ...(listens ? {} : { declaredPorts: declaredPorts(pod) }),
      }),
    );
    return {
      ...base,
      outcome: listens ? 'delivered' : 'refused',
      ...(listens
        ? {
            responder: {
              kind: 'pod',
              pod: podName(pod),
              ip: targetIP,
              port: targetPort,
            } as Responder,
          }
        : {}),
    };
  }
  if (targetIP === NODE_IP) {
    const role = nodeServer(targetIP, targetPort, protocol);
    hops.push(
      withText({
        kind: 'listen',
        ok: !!role,
        target,
        at: 'node',
        ...(role ? { nodeRole: role } : {}),
      }),
    );
    return {
      ...base,
      outcome: role ? 'delivered' : 'refused',
      ...(role ? { responder: { kind: role, ip: targetIP, port: targetPort } as Responder } : {}),
    };
  }
  if (targetIP === UPSTREAM_DNS_IP && targetPort === 53 && protocol !== 'SCTP') {
    hops.push(withText({ kind: 'listen', ok: true, target, at: 'upstream-dns' }));
    return {
      ...base,
      outcome: 'delivered',
      responder: { kind: 'dns', ip: targetIP, port: 53, server: 'upstream' },
    };
  }
  const nobody = cidrContains(POD_CIDR, targetIP)
    ? 'no-pod'
    : cidrContains(SERVICE_CIDR, targetIP)
      ? 'no-service'
      : 'outside';
  hops.push(withText({ kind: 'listen', ok: false, target, at: 'nothing', nobody }));
  return { ...base, outcome: 'unanswered' };
}
