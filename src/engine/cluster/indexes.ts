/**
 * Lookups the request path makes many times per request — a pod by IP, a Service by ClusterIP,
 * a Service's EndpointSlices — indexed once per stored version of each kind. The store copies
 * a kind's map on every change, so the map itself is the cache key.
 */
import type { ClusterState } from './state.ts';
import type { EndpointSlice, KubeObject, Pod, Service, Stored } from './types.ts';

type Kind = ReadonlyMap<string, KubeObject>;
const none: Kind = new Map();

function cached<T>(cache: WeakMap<Kind, T>, map: Kind, build: (m: Kind) => T): T {
  let v = cache.get(map);
  if (v === undefined) cache.set(map, (v = build(map)));
  return v;
}

/** Not being deleted and not finished: its containers still answer. */
function running(p: Pod): boolean {
  return (
    !p.metadata?.deletionTimestamp &&
    p.status?.phase !== 'Succeeded' &&
    p.status?.phase !== 'Failed'
  );
}

const podCache = new WeakMap<Kind, Map<string, Stored<Pod>>>();
/** Running pods by each of their IPs (host-network pods share the node's and are left out). */
export function podsByIP(state: Pick<ClusterState, 'objects'>): Map<string, Stored<Pod>> {
  return cached(podCache, state.objects.get('Pod') ?? none, (m) => {
    const out = new Map<string, Stored<Pod>>();
    const keys = [...m.keys()].sort();
    for (const k of keys) {
      const p = m.get(k) as Stored<Pod>;
      if (p.spec?.hostNetwork || !running(p)) continue;
      const ips = [p.status?.podIP, ...(p.status?.podIPs ?? []).map((x) => x.ip)];
      for (const ip of ips) if (ip && !out.has(ip)) out.set(ip, p);
    }
    return out;
  });
}

const hostCache = new WeakMap<Kind, Map<string, Stored<Pod>[]>>();
/** Running host-network pods by their address (their node's), in name order. */
export function hostNetworkPodsByIP(
  state: Pick<ClusterState, 'objects'>,
): Map<string, Stored<Pod>[]> {
  return cached(hostCache, state.objects.get('Pod') ?? none, (m) => {
    const out = new Map<string, Stored<Pod>[]>();
    for (const k of [...m.keys()].sort()) {
      const p = m.get(k) as Stored<Pod>;
      const ip = p.status?.podIP;
      if (!p.spec?.hostNetwork || !running(p) || !ip) continue;
      const list = out.get(ip);
      if (list) list.push(p);
      else out.set(ip, [p]);
    }
    return out;
  });
}

const svcCache = new WeakMap<Kind, Map<string, Stored<Service>>>();
/** Services by each of their cluster IPs. */
export function servicesByClusterIP(
  state: Pick<ClusterState, 'objects'>,
): Map<string, Stored<Service>> {
  return cached(svcCache, state.objects.get('Service') ?? none, (m) => {
    const out = new Map<string, Stored<Service>>();
    for (const k of [...m.keys()].sort()) {
      const s = m.get(k) as Stored<Service>;
      if (s.spec?.type === 'ExternalName') continue;
      const ips = s.spec?.clusterIPs?.length ? s.spec.clusterIPs : [s.spec?.clusterIP];
      for (const ip of ips) if (ip && ip !== 'None' && !out.has(ip)) out.set(ip, s);
    }
    return out;
  });
}

const sliceCache = new WeakMap<Kind, Map<string, Stored<EndpointSlice>[]>>();
/** EndpointSlices by `namespace/service-name` (their kubernetes.io/service-name label), by name. */
export function slicesByService(
  state: Pick<ClusterState, 'objects'>,
): Map<string, Stored<EndpointSlice>[]> {
  return cached(sliceCache, state.objects.get('EndpointSlice') ?? none, (m) => {
    const out = new Map<string, Stored<EndpointSlice>[]>();
    for (const k of [...m.keys()].sort()) {
      const s = m.get(k) as Stored<EndpointSlice>;
      const svc = s.metadata.labels?.['kubernetes.io/service-name'];
      if (!svc) continue;
      const key = `${s.metadata.namespace}/${svc}`;
      const list = out.get(key);
      if (list) list.push(s);
      else out.set(key, [s]);
    }
    return out;
  });
}
