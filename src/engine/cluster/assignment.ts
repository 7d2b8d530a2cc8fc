/**
 * What the cluster fills in per kind when an object is written, beyond plain defaulting: a
 * namespace's name label and phase; a pod's IP (the CNI), node (the scheduler) and status (the
 * kubelet); a Service's ClusterIP and NodePorts (the API server's allocators). The registry
 * (registry.ts) names which kind gets which.
 */
import { defaultPod, defaultService } from './defaulting.ts';
import type { Allocator } from './ipam.ts';
import {
  hostPortsFree,
  NODE_PORTS_REASON,
  nodeAddress,
  nodeIsReady,
  schedulePod,
} from './scheduling.ts';
import type { ClusterDraft } from './state.ts';
import type { Namespace, Node, Pod, Service, Stored } from './types.ts';

export const NODE_NAME = 'nslab-control-plane';
export const NODE_IP = '172.18.0.2';
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The allocators, clock and draft (other objects: nodes, pods on them) one write runs with. */
export interface AssignContext {
  alloc: Allocator;
  clock: number;
  draft: ClusterDraft;
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

/** The status the API server gives a new pod (PrepareForCreate): Pending, nothing else known yet. */
function pendingStatus(status: NonNullable<Pod['status']>): NonNullable<Pod['status']> {
  return { phase: 'Pending', qosClass: status.qosClass ?? 'BestEffort' };
}

/** What the kubelet reports once the pod runs on its node (address, phase, conditions, containers). */
function runningStatus(
  p: Stored<Pod>,
  status: NonNullable<Pod['status']>,
  nodeIP: string,
  alloc: Allocator,
  clock: number,
): NonNullable<Pod['status']> {
  if (p.spec?.hostNetwork) {
    // The pod shares its node's network namespace: the kubelet reports the node's address as
    // the pod's (podIP = hostIP) and the CNI allocates nothing. A manifest may fix the address
    // through either field, as it may fix a pod-network pod's podIP.
    const ip = status.hostIP || status.podIP || status.podIPs?.[0]?.ip || nodeIP;
    status.hostIP = ip;
    status.podIP = ip;
    status.podIPs = [{ ip }];
    status.hostIPs ??= [{ ip }];
  } else {
    if (!status.podIP) status.podIP = status.podIPs?.[0]?.ip ?? alloc.podIP();
    if (status.podIP && !status.podIPs?.length) status.podIPs = [{ ip: status.podIP }];
    status.hostIP ??= nodeIP;
    status.hostIPs ??= [{ ip: status.hostIP }];
  }
  status.phase ??= 'Running';
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
  return status;
}

/**
 * A pod through the scheduler and its node's kubelet. A new pod without spec.nodeName is bound
 * by the scheduler, or stays Pending with PodScheduled=False when no node fits. A pod bound to a
 * node that does not exist (or has no kubelet reporting it Ready) stays Pending with no
 * address: nothing will run it. A pod
 * whose host ports are taken on its node is rejected by the kubelet (Failed, reason NodePorts).
 * Otherwise it runs: the status a manifest gives is kept, the rest is what the kubelet reports.
 * Once a pod runs (it has a hostIP), an update keeps its status and binding.
 */
export function admitPod(
  pod: Stored<Pod>,
  existing: Stored<Pod> | undefined,
  { alloc, draft }: AssignContext,
): Stored<Pod> {
  const p = defaultPod(pod);
  const started = !!existing?.status?.hostIP;
  const status = { ...(started ? existing!.status : {}), ...(pod.status ?? {}) };
  let nodeName = p.spec?.nodeName ?? existing?.spec?.nodeName;
  if (started) {
    const spec = { ...p.spec!, nodeName: nodeName ?? NODE_NAME };
    return { ...p, spec, status: runningStatus(p, status, NODE_IP, alloc, draft.clock) };
  }
  const phase = existing?.status?.phase;
  // A pod the kubelet rejected stays Failed: nothing restarts it.
  if (phase === 'Failed' || phase === 'Succeeded')
    return { ...p, spec: nodeName ? { ...p.spec!, nodeName } : p.spec!, status: existing!.status! };
  if (!nodeName) {
    // Binding is the scheduler's: an update of a pod it could not place changes nothing
    // (reconcilePods tries again when the cluster changes).
    if (existing) return { ...p, status: existing.status ?? pendingStatus(status) };
    const placed = schedulePod(draft, p, NODE_NAME);
    if (!placed.ok)
      return {
        ...p,
        status: {
          ...pendingStatus(status),
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: placed.message,
              lastProbeTime: null as unknown as string,
              lastTransitionTime: iso(draft.clock),
            },
          ],
        },
      };
    nodeName = placed.nodeName;
  }
  const spec = { ...p.spec!, nodeName };
  const node = draft.get<Node>('Node', undefined, nodeName);
  if (!node || !nodeIsReady(node)) return { ...p, spec, status: pendingStatus(status) };
  const bound = { ...p, spec };
  if (!hostPortsFree(draft, bound, nodeName))
    return {
      ...bound,
      status: {
        phase: 'Failed',
        reason: 'NodePorts',
        message: `Pod was rejected: Predicate NodePorts failed: ${NODE_PORTS_REASON}`,
        qosClass: status.qosClass ?? 'BestEffort',
      },
    };
  const nodeIP = nodeAddress(node) ?? NODE_IP;
  return { ...bound, status: runningStatus(p, status, nodeIP, alloc, draft.clock) };
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
