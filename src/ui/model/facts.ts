/**
 * Facts the diagram, the list view and the inspector all show, computed once per cluster
 * state from the engine (memoised by state identity, so three views cost one pass).
 */
import {
  listObjects,
  podIsolation,
  podIsReady,
  type ClusterState,
  type Endpoints,
  type NetworkPolicy,
  type Pod,
  type PodIsolation,
  type Service,
  type ServiceAccount,
  type Stored,
} from '../../engine/model.ts';

export type { PodIsolation } from '../../engine/model.ts';

export interface NamespaceFacts {
  name: string;
  /** The Namespace object (identity tells whether the room changed). */
  object: object;
  labels: Record<string, string>;
  pods: Stored<Pod>[];
  services: Stored<Service>[];
  serviceAccounts: Stored<ServiceAccount>[];
  policies: Stored<NetworkPolicy>[];
  /** Pod name → the policies that isolate it. */
  isolation: Map<string, PodIsolation>;
  system: boolean;
}

export interface ClusterFacts {
  namespaces: Map<string, NamespaceFacts>;
  /** `ns/pod` → the policies that isolate it. */
  isolation: Map<string, PodIsolation>;
  /** `ns/service` → ready endpoint pods (`ns/pod`), and not-ready ones. */
  endpoints: Map<string, { ready: string[]; notReady: string[]; addresses: number }>;

  enforcing: boolean;
}

export const SYSTEM_ROOMS = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Creation order, then name: new objects go last, so adding one never reorders a room. */
function byCreation(a: { metadata: { name: string; creationTimestamp?: string } }, b: typeof a) {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : a.metadata.name.localeCompare(b.metadata.name);
}

export const podRef = (p: { metadata: { namespace?: string; name: string } }) =>
  `${p.metadata.namespace ?? ''}/${p.metadata.name}`;

const cache = new WeakMap<ClusterState, ClusterFacts>();

/** The previous answer: unchanged namespaces keep their facts object, so views can skip them. */
let last: ClusterFacts | undefined;
type EndpointFacts = { ready: string[]; notReady: string[]; addresses: number };
const endpointCache = new WeakMap<object, EndpointFacts>();

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function endpointFacts(ep: Stored<Endpoints>): EndpointFacts {
  const hit = endpointCache.get(ep);
  if (hit) return hit;
  const ready: string[] = [];
  const notReady: string[] = [];
  let addresses = 0;
  for (const s of ep.subsets ?? []) {
    addresses += s.addresses?.length ?? 0;
    for (const a of s.addresses ?? [])
      if (a.targetRef?.kind === 'Pod')
        ready.push(`${a.targetRef.namespace ?? ep.metadata.namespace}/${a.targetRef.name}`);
    for (const a of s.notReadyAddresses ?? [])
      if (a.targetRef?.kind === 'Pod')
        notReady.push(`${a.targetRef.namespace ?? ep.metadata.namespace}/${a.targetRef.name}`);
  }
  const out = { ready: [...new Set(ready)], notReady: [...new Set(notReady)], addresses };
  endpointCache.set(ep, out);
  return out;
}

export function clusterFacts(state: ClusterState): ClusterFacts {
  const hit = cache.get(state);
  if (hit) return hit;
  const fresh = new Map<string, NamespaceFacts>();
  for (const ns of listObjects(state, 'Namespace')) {
    fresh.set(ns.metadata.name, {
      name: ns.metadata.name,
      object: ns,
      labels: { ...(ns.metadata.labels ?? {}) },
      pods: [],
      services: [],
      serviceAccounts: [],
      policies: [],
      isolation: new Map(),
      system: SYSTEM_ROOMS.includes(ns.metadata.name),
    });
  }
  const into = <K extends 'pods' | 'services' | 'serviceAccounts' | 'policies'>(
    kind: string,
    field: K,
  ) => {
    for (const o of state.objects.get(kind)?.values() ?? []) {
      const f = fresh.get(o.metadata.namespace ?? '');
      if (f) (f[field] as unknown[]).push(o);
    }
  };
  into('Pod', 'pods');
  into('Service', 'services');
  into('ServiceAccount', 'serviceAccounts');
  into('NetworkPolicy', 'policies');
  const namespaces = new Map<string, NamespaceFacts>();
  const isolation = new Map<string, PodIsolation>();
  for (const f of fresh.values()) {
    f.pods.sort(byCreation);
    f.services.sort(byCreation);
    f.serviceAccounts.sort(byCreation);
    f.policies.sort(byCreation);
    const prev = last?.namespaces.get(f.name);
    const same =
      prev &&
      prev.object === f.object &&
      sameList(prev.pods, f.pods) &&
      sameList(prev.services, f.services) &&
      sameList(prev.serviceAccounts, f.serviceAccounts) &&
      sameList(prev.policies, f.policies);
    const kept = same ? prev : f;
    if (!same)
      for (const pod of f.pods) f.isolation.set(pod.metadata.name, podIsolation(state, pod));
    namespaces.set(f.name, kept);
    for (const [pod, iso] of kept.isolation) isolation.set(`${f.name}/${pod}`, iso);
  }
  const endpoints = new Map<string, EndpointFacts>();
  for (const ep of state.objects.get('Endpoints')?.values() ?? [])
    endpoints.set(podRef(ep), endpointFacts(ep as Stored<Endpoints>));
  const facts: ClusterFacts = {
    namespaces,
    isolation,
    endpoints,
    enforcing: state.settings.networkPolicy === 'enforcing',
  };
  cache.set(state, facts);
  last = facts;
  return facts;
}

/** A pod's status in a word, as `kubectl get pods` shows it. */
export function podStatus(pod: Pod): { text: string; ready: boolean } {
  const phase = pod.status?.phase ?? 'Pending';
  const ready = phase === 'Running' && podIsReady(pod);
  return { text: phase === 'Running' && !ready ? 'Running (not ready)' : phase, ready };
}

/** `80→8080/TCP` for each port of a Service. */
export function servicePorts(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map(
      (p) =>
        `${p.port}${p.targetPort !== undefined && String(p.targetPort) !== String(p.port) ? `→${p.targetPort}` : ''}/${p.protocol ?? 'TCP'}`,
    )
    .join(', ');
}

/** User-facing labels: the API server's automatic namespace-name label is left to the inspector. */
export function visibleLabels(labels: Record<string, string> | undefined): [string, string][] {
  return Object.entries(labels ?? {}).filter(([k]) => k !== 'kubernetes.io/metadata.name');
}
