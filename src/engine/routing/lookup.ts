/**
 * The lookups a packet's path makes: which Service owns a ClusterIP (or node port), which
 * ready endpoints serve a Service port in kube-proxy's order, which pod holds an IP, and
 * whether a pod listens on a port.
 */
import {
  listObjects,
  NODE_IP,
  type ClusterState,
  type Pod,
  type Service,
  type ServicePort,
  type Stored,
} from '../cluster/index.ts';
import type { Protocol } from '../netpol/index.ts';
import { serviceEndpoints, type EndpointView } from './endpoints.ts';
import { podsByIP, servicesByClusterIP } from './indexes.ts';

/** One ready endpoint of a Service port, after targetPort resolution. */
export interface Backend {
  ip: string;
  port: number;
  view: EndpointView;
}

/** The Service owning a ClusterIP, if any. */
export function serviceForClusterIP(state: ClusterState, ip: string): Stored<Service> | undefined {
  return servicesByClusterIP(state).get(ip);
}

/** The running pod that holds an IP (host-network pods share the node's and are not matched). */
export function podForIP(state: ClusterState, ip: string): Stored<Pod> | undefined {
  return podsByIP(state).get(ip);
}

/** The ready endpoints serving one Service port (matched by port name and protocol, as kube-proxy does). */
export function readyBackends(
  state: ClusterState,
  svc: Stored<Service>,
  sp: ServicePort,
): Backend[] {
  const name = sp.name ?? '';
  const protocol = sp.protocol ?? 'TCP';
  const out: Backend[] = [];
  const seen = new Set<string>();
  for (const view of serviceEndpoints(state, svc)) {
    if (!view.ready) continue;
    const p = view.ports.find((x) => x.name === name && x.protocol === protocol && x.port > 0);
    if (!p || seen.has(`${view.ip}:${p.port}`)) continue;
    seen.add(`${view.ip}:${p.port}`);
    out.push({ ip: view.ip, port: p.port, view });
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
