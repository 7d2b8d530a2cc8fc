/**
 * What the API server does to an object between request and storage: system metadata
 * (uid, resourceVersion, creationTimestamp, generation), defaulting, and for pods and
 * Services the addresses a real cluster would assign (pod IP from the CNI, ClusterIP and
 * NodePorts from the API server's allocators).
 */
import {
  defaultDeployment,
  defaultNetworkPolicy,
  defaultPod,
  defaultPodTemplate,
  defaultService,
} from './defaulting.ts';
import type { Allocator } from './ipam.ts';
import { generatedUid } from './naming.ts';
import type { ClusterDraft } from './state.ts';
import type {
  Deployment,
  KubeObject,
  Namespace,
  NetworkPolicy,
  Pod,
  Service,
  Stored,
} from './types.ts';

export const NODE_NAME = 'nslab-control-plane';
export const NODE_IP = '172.18.0.2';
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

let lastIso: [number, string] = [NaN, ''];

/** RFC 3339 time without fractions, as the API server writes timestamps (memoised: one clock per command). */
function iso(ms: number): string {
  if (lastIso[0] !== ms) lastIso = [ms, new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')];
  return lastIso[1];
}

/** Fills system metadata; on update keeps the identity of the existing object. */
function stamp(obj: KubeObject, existing: KubeObject | undefined, draft: ClusterDraft): KubeObject {
  const seq = draft.nextSeq();
  const meta = { ...obj.metadata };
  meta.uid = existing?.metadata.uid ?? generatedUid(seq);
  meta.creationTimestamp = existing?.metadata.creationTimestamp ?? iso(draft.clock);
  meta.resourceVersion = String(seq);
  if (
    ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'NetworkPolicy'].includes(
      obj.kind,
    )
  ) {
    const prevGen = existing?.metadata.generation ?? 0;
    const specChanged = !existing || JSON.stringify(existing.spec) !== JSON.stringify(obj.spec);
    meta.generation = specChanged ? prevGen + 1 : prevGen;
  }
  return { ...obj, metadata: meta };
}

function admitNamespace(ns: Stored<Namespace>): Stored<Namespace> {
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

function admitPod(
  pod: Stored<Pod>,
  existing: Stored<Pod> | undefined,
  alloc: Allocator,
  clock: number,
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

function admitService(
  svc: Stored<Service>,
  existing: Stored<Service> | undefined,
  alloc: Allocator,
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

/** Applies system metadata, defaults and address assignment to an object about to be stored. */
export function admit(
  obj: KubeObject,
  existing: KubeObject | undefined,
  draft: ClusterDraft,
  alloc: Allocator,
): KubeObject {
  let o = stamp(obj, existing, draft);
  switch (o.kind) {
    case 'Namespace':
      o = admitNamespace(o as Stored<Namespace>);
      break;
    case 'Pod':
      o = admitPod(o as Stored<Pod>, existing as Stored<Pod> | undefined, alloc, draft.clock);
      break;
    case 'Service':
      o = admitService(o as Stored<Service>, existing as Stored<Service> | undefined, alloc);
      break;
    case 'Deployment':
      o = defaultDeployment(o as Stored<Deployment>);
      break;
    case 'NetworkPolicy':
      o = defaultNetworkPolicy(o as Stored<NetworkPolicy>);
      break;
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job': {
      const spec = { ...((o.spec as Record<string, unknown>) ?? {}) };
      if (o.kind !== 'DaemonSet') spec.replicas ??= o.kind === 'Job' ? undefined : 1;
      if (o.kind === 'Job') {
        spec.completions ??= 1;
        spec.parallelism ??= 1;
        spec.backoffLimit ??= 6;
      }
      spec.template = defaultPodTemplate(spec.template as never);
      o = { ...o, spec };
      break;
    }
  }
  return o;
}
