/**
 * The lookups a packet's path makes: which Service owns a ClusterIP (or node port), which
 * ready endpoints serve a Service port in kube-proxy's order, which pod holds an IP, and
 * whether a pod listens on a port.
 */
import {
  hostNetworkPodsByIP,
  listObjects,
  NODE_IP,
  podsByIP,
  serviceEndpoints,
  servicesByClusterIP,
  type ClusterState,
  type EndpointView,
  type Pod,
  type Service,
  type ServicePort,
  type Stored,
} from '../cluster/index.ts';
import type { Protocol } from '../netpol/index.ts';

/** One ready endpoint of a Service port, after targetPort resolution. */
export interface Backend {
  ip: string;
  port: number;
  protocol: Protocol;
  view: EndpointView;
}

/** The Service owning a ClusterIP, if any. */
export function serviceForClusterIP(state: ClusterState, ip: string): Stored<Service> | undefined {
  return servicesByClusterIP(state).get(ip);
}

/** Ports the control-plane node itself serves: the API server and the kubelet. */
const NODE_PORTS: Record<number, 'apiserver' | 'kubelet'> = { 6443: 'apiserver', 10250: 'kubelet' };

/** The control-plane node's own server on ip:port (kube-apiserver, kubelet), if any. */
export function nodeServer(
  ip: string,
  port: number,
  protocol: Protocol,
): 'apiserver' | 'kubelet' | undefined {
  return ip === NODE_IP && protocol === 'TCP' ? NODE_PORTS[port] : undefined;
}

/** The running pod that holds an IP (host-network pods share the node's and are not matched). */
export function podForIP(state: ClusterState, ip: string): Stored<Pod> | undefined {
  return podsByIP(state).get(ip);
}

/**
 * The running host-network pod that listens on a node address's port: it shares the node's
 * network namespace, so it answers on the node's IP on its declared container ports. The
 * node's own servers keep their ports (a second process cannot bind them).
 */
export function hostNetworkPodAt(
  state: ClusterState,
  ip: string,
  port: number,
  protocol: Protocol,
): Stored<Pod> | undefined {
  if (nodeServer(ip, port, protocol)) return undefined;
  return hostNetworkPodsByIP(state)
    .get(ip)
    ?.find((p) => podListens(p, port, protocol));
}

/** The pod a packet to ip:port reaches: the pod-network pod with that IP, else a host-network pod listening there. */
export function podAt(
  state: ClusterState,
  ip: string,
  port: number,
  protocol: Protocol,
): Stored<Pod> | undefined {
  return podForIP(state, ip) ?? hostNetworkPodAt(state, ip, port, protocol);
}

/** What a loopback address means to a host-network pod: its node's address (it shares the node's `lo`). */
export function hostLoopback(from: Pod, ip: string): string | undefined {
  const loopback = ip === '::1' || ip.startsWith('127.');
  return loopback && from.spec?.hostNetwork ? from.status?.hostIP : undefined;
}

/** The ready endpoints serving one Service port (matched by port name and protocol, as kube-proxy does). */
export function readyBackends(
  state: ClusterState,
  svc: Stored<Service>,
  sp: ServicePort,
): Backend[] {
  const name = sp.name ?? '';
  const protocol = (sp.protocol ?? 'TCP') as Protocol;
  const out: Backend[] = [];
  const seen = new Set<string>();
  for (const view of serviceEndpoints(state, svc)) {
    if (!view.ready) continue;
    const p = view.ports.find((x) => x.name === name && x.protocol === protocol && x.port > 0);
    if (!p || seen.has(`${view.ip}:${p.port}`)) continue;
    seen.add(`${view.ip}:${p.port}`);
    out.push({ ip: view.ip, port: p.port, protocol, view });
  }
  // kube-proxy keeps each Service port's endpoints sorted by their "ip:port" string.
  return out.sort((a, b) => {
    const ka = `${a.ip}:${a.port}`;
    const kb = `${b.ip}:${b.port}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** True when a container of the pod declares the port (pods listen exactly on their containerPorts). */
export function podListens(pod: Pod, port: number, protocol: Protocol): boolean {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].some((c) =>
    (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol),
  );
}

/** DNAT: the Service (and port) a destination hits, or undefined for a plain address. */
export function findServiceTarget(
  state: ClusterState,
  ip: string,
  port: number,
  protocol: Protocol,
): { svc: Stored<Service>; sp?: ServicePort; via: 'clusterIP' | 'nodePort' } | undefined {
  const svc = serviceForClusterIP(state, ip);
  if (svc) {
    const sp = (svc.spec?.ports ?? []).find(
      (p) => p.port === port && (p.protocol ?? 'TCP') === protocol,
    );
    return { svc, ...(sp ? { sp } : {}), via: 'clusterIP' };
  }
  if (ip === NODE_IP) {
    for (const s of listObjects<Service>(state, 'Service')) {
      if (s.spec?.type !== 'NodePort' && s.spec?.type !== 'LoadBalancer') continue;
      const sp = (s.spec.ports ?? []).find(
        (p) => p.nodePort === port && (p.protocol ?? 'TCP') === protocol,
      );
      if (sp) return { svc: s, sp, via: 'nodePort' };
    }
  }
  return undefined;
}
