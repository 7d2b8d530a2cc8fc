/**
 * The Endpoints and EndpointSlice controllers: for each Service with a selector, the pods in
 * its namespace that match it and have an IP; ready ones serve, others are listed as not
 * ready (unless `publishNotReadyAddresses`). A named targetPort is resolved per pod against
 * its container ports, so pods of one Service may serve on different ports.
 */
import type { EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import type { Endpoint } from 'kubernetes-types/discovery/v1';
import { ipToNumber } from '../ipam.ts';
import { generatedSuffix } from '../naming.ts';
import { storedVersionOf } from '../state.ts';
import type { KubeObject, Pod, Service, Stored } from '../types.ts';
import { type ReconcileContext, storeManaged } from './context.ts';
import { endpointCandidacy, podIsReady } from './endpoint-candidacy.ts';

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const SERVICE_NAME = 'kubernetes.io/service-name';
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

interface Backend {
  pod: Stored<Pod>;
  ready: boolean;
  ports: EndpointPort[];
}

function backendsOf(svc: Stored<Service>, pods: readonly Stored<Pod>[]): Backend[] {
  const out: Backend[] = [];
  for (const pod of pods) {
    const c = endpointCandidacy(svc, pod);
    if (c.endpoint) out.push({ pod, ready: c.ready, ports: c.endpointPorts });
  }
  return out;
}

function hostnameFor(svc: Service, pod: Pod): string | undefined {
  return pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name
    ? pod.spec.hostname
    : undefined;
}

function groupByPorts(backends: Backend[]): Map<string, Backend[]> {
  const groups = new Map<string, Backend[]>();
  for (const b of backends) {
    const key = b.ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).join(',');
    const group = groups.get(key);
    if (group) group.push(b);
    else groups.set(key, [b]);
  }
  return groups;
}

function endpointsObject(svc: Stored<Service>, backends: Backend[]): KubeObject {
  const subsets: EndpointSubset[] = [];
  for (const group of groupByPorts(backends).values()) {
    const toAddress = (b: Backend) => {
      const hostname = hostnameFor(svc, b.pod);
      return {
        ip: b.pod.status!.podIP!,
        ...(hostname ? { hostname } : {}),
        nodeName: b.pod.spec?.nodeName,
        targetRef: {
          kind: 'Pod',
          name: b.pod.metadata.name,
          namespace: b.pod.metadata.namespace,
          uid: b.pod.metadata.uid,
        },
      };
    };
    // The controller repacks subsets with addresses sorted by IP (endpoints.RepackSubsets).
    const byIp = (a: { ip: string }, b: { ip: string }) =>
      (ipToNumber(a.ip) ?? 0) - (ipToNumber(b.ip) ?? 0);
    const ready = group
      .filter((b) => b.ready)
      .map(toAddress)
      .sort(byIp);
    const notReady = group
      .filter((b) => !b.ready)
      .map(toAddress)
      .sort(byIp);
    subsets.push({
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ...(group[0]!.ports.length ? { ports: group[0]!.ports } : {}),
    });
  }
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: svc.metadata.name,
      namespace: svc.metadata.namespace,
      labels: { ...(svc.metadata.labels ?? {}) },
      annotations: { [TRIGGER]: svc.metadata.creationTimestamp ?? '' },
    },
    ...(subsets.length ? { subsets } : {}),
  };
}

function sliceObjects(svc: Stored<Service>, backends: Backend[]): KubeObject[] {
  const groups = [...groupByPorts(backends).values()];
  if (groups.length === 0) groups.push([]);
  return groups.map((group, i) => {
    const endpoints: Endpoint[] = group.map((b) => {
      const hostname = hostnameFor(svc, b.pod);
      return {
        addresses: [b.pod.status!.podIP!],
        conditions: { ready: b.ready, serving: b.ready || podIsReady(b.pod), terminating: false },
        ...(hostname ? { hostname } : {}),
        nodeName: b.pod.spec?.nodeName,
        targetRef: {
          kind: 'Pod',
          name: b.pod.metadata.name,
          namespace: b.pod.metadata.namespace,
          uid: b.pod.metadata.uid,
        },
      };
    });
    const ports = group[0]?.ports ?? [];
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${svc.metadata.name}-${generatedSuffix(`${svc.metadata.uid}/${i}`)}`,
        namespace: svc.metadata.namespace,
        labels: {
          ...(svc.metadata.labels ?? {}),
          [MANAGED_BY]: SLICE_CONTROLLER,
          [SERVICE_NAME]: svc.metadata.name,
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: svc.metadata.name,
            uid: svc.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      addressType: 'IPv4',
      endpoints,
      // The EndpointSlice controller always sets a port's name, "" when the Service port has none.
      ports: ports.length ? ports.map((p) => ({ name: '', ...p })) : null,
    };
  });
}

/** What a controller-built object says, apart from identity fields (both sides are built here, keys in the same order). */
function body(o: KubeObject): string {
  return JSON.stringify({
    ...o,
    metadata: { labels: o.metadata.labels, ownerReferences: o.metadata.ownerReferences },
  });
}

// Stored objects never change, so the body of each is computed once.
const storedBodies = new WeakMap<KubeObject, string>();

/** Stores obj unless an equal one is already there (so unchanged Services keep their resourceVersion). */
function storeIfChanged(ctx: ReconcileContext, obj: KubeObject): void {
  const existing = storedVersionOf(ctx.draft, obj);
  if (existing) {
    let before = storedBodies.get(existing);
    if (before === undefined) storedBodies.set(existing, (before = body(existing)));
    if (before === body(obj)) return;
  }
  storeManaged(ctx, obj);
}

export function reconcileEndpoints(ctx: ReconcileContext): void {
  const podsByNs = new Map<string, Stored<Pod>[]>();
  for (const pod of ctx.draft.each<Pod>('Pod')) {
    const ns = pod.metadata.namespace ?? '';
    const list = podsByNs.get(ns);
    if (list) list.push(pod);
    else podsByNs.set(ns, [pod]);
  }
  const slicesByService = new Map<string, string[]>();
  for (const slice of ctx.draft.each('EndpointSlice')) {
    if (slice.metadata.labels?.[MANAGED_BY] !== SLICE_CONTROLLER) continue;
    const key = `${slice.metadata.namespace}/${slice.metadata.labels?.[SERVICE_NAME]}`;
    slicesByService.set(key, [...(slicesByService.get(key) ?? []), slice.metadata.name]);
  }
  const managedServices = new Set<string>();
  for (const svc of [...ctx.draft.each<Service>('Service')]) {
    const selector = svc.spec?.selector;
    if (svc.spec?.type === 'ExternalName' || !selector || Object.keys(selector).length === 0)
      continue;
    const ns = svc.metadata.namespace ?? '';
    managedServices.add(`${ns}/${svc.metadata.name}`);
    const backends = backendsOf(
      svc,
      (podsByNs.get(ns) ?? []).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)),
    );
    storeIfChanged(ctx, endpointsObject(svc, backends));
    const slices = sliceObjects(svc, backends);
    const wanted = new Set(slices.map((s) => s.metadata.name));
    for (const s of slices) storeIfChanged(ctx, s);
    for (const old of slicesByService.get(`${ns}/${svc.metadata.name}`) ?? []) {
      if (!wanted.has(old)) ctx.draft.remove('EndpointSlice', ns, old);
    }
  }
  // Objects the controllers made for Services that are gone, or no longer have a selector.
  for (const ep of [...ctx.draft.each('Endpoints')]) {
    const key = `${ep.metadata.namespace}/${ep.metadata.name}`;
    if (ep.metadata.annotations?.[TRIGGER] !== undefined && !managedServices.has(key))
      ctx.draft.remove('Endpoints', ep.metadata.namespace, ep.metadata.name);
  }
  for (const s of [...ctx.draft.each('EndpointSlice')]) {
    const key = `${s.metadata.namespace}/${s.metadata.labels?.[SERVICE_NAME]}`;
    if (s.metadata.labels?.[MANAGED_BY] === SLICE_CONTROLLER && !managedServices.has(key))
      ctx.draft.remove('EndpointSlice', s.metadata.namespace, s.metadata.name);
  }
}
