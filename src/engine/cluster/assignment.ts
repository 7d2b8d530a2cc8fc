/**
 * What the cluster fills in per kind when an object is written, beyond plain defaulting: a
 * namespace's name label and phase; a pod's IP (the CNI), node (the scheduler) and status (the
 * kubelet); a Service's ClusterIP and NodePorts (the API server's allocators). The registry
 * (registry.ts) names which kind gets which.
 */
import { defaultPod, defaultService } from './defaulting.ts';
import type { Allocator } from './ipam.ts';
import type { Namespace, Pod, Service, Stored } from './types.ts';

export const NODE_NAME = 'nslab-control-plane';
export const NODE_IP = '172.18.0.2';
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The allocators and clock one write runs with. */
export interface AssignContext {
  alloc: Allocator;
  clock: number;
}

let lastIso: [number, string] = [NaN, ''];

/** RFC 3339 time without fractions, as the API server writes timestamps (memoised: one clock per command). */
export function iso(ms: number): string {
  if (lastIso[0] !== ms) lastIso = [ms, new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')];
  return lastIso[1];
}

export function admitNamespace(ns: Stored<Namespace>): Stored<Namespace> {
  return {
    ...ns,
    metadata: {
      ...ns.metadata,
      labels: { ...(ns.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: ns.metadata.name },
    },
    spec: { finalizers: ['kubernetes'], ...(ns.spec ?? {}) },
    status: { phase: 'Active' },
  };
}

export function admitPod(
  pod: Stored<Pod>,
  existing: Stored<Pod> | undefined,
  { alloc, clock }: AssignContext,
): Stored<Pod> {
  const p = defaultPod(pod);
  const status = { ...(existing?.status ?? {}), ...(pod.status ?? {}) };
  if (!status.podIP) {
    status.podIP = status.podIPs?.[0]?.ip ?? alloc.podIP();
  }
  if (status.podIP && !status.podIPs?.length) status.podIPs = [{ ip: status.podIP }];
  status.phase ??= 'Running';
  status.hostIP ??= NODE_IP;
  status.hostIPs ??= [{ ip: NODE_IP }];
  status.startTime ??= iso(clock);
  status.qosClass ??= 'BestEffort';
  const ready = !(status.conditions ?? []).some((c) => c.type === 'Ready' && c.status !== 'True');
  if (!status.conditions) {
    const t = iso(clock);
    status.conditions = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
      type,
      status: 'True',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: t,
    }));
  }
  status.containerStatuses ??= (p.spec?.containers ?? []).map((c) => ({
    name: c.name,
    image: c.image ?? '',
    imageID: '',
    ready,
    restartCount: 0,
    started: status.phase === 'Running',
    state:
      status.phase === 'Running'
        ? { running: { startedAt: iso(clock) } }
        : { waiting: { reason: 'ContainerCreating' } },
  }));
  const spec = { ...p.spec!, nodeName: p.spec?.nodeName ?? NODE_NAME };
  return { ...p, spec, status };
}

export function admitService(
  svc: Stored<Service>,
  existing: Stored<Service> | undefined,
  { alloc }: AssignContext,
): Stored<Service> {
  const s = defaultService(svc);
  const spec = { ...s.spec! };
  if (spec.type === 'ExternalName') return { ...s, spec, status: { loadBalancer: {} } };
  if (!spec.clusterIP) {
    spec.clusterIP = existing?.spec?.clusterIP ?? spec.clusterIPs?.[0] ?? alloc.serviceIP();
  }
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    spec.ports = (spec.ports ?? []).map((p) => ({
      ...p,
      nodePort:
        p.nodePort ||
        existing?.spec?.ports?.find((e) => e.port === p.port)?.nodePort ||
        alloc.nodePort(),
    }));
  }
  return { ...s, spec, status: { loadBalancer: {} } };
}
