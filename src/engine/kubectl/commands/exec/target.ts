/**
 * Which pod a command runs in: `POD`, `pod/NAME`, or `TYPE/NAME` of an object with a pod
 * selector (deploy, rs, sts, ds, job, svc) — then the first pod kubectl's GetFirstPod would
 * pick (running and ready pods before others, older before newer). Errors read as kubectl's.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { resolveResourceType } from '../../../api/index.ts';
import {
  getObject,
  listObjects,
  podIsReady,
  type ClusterState,
  type KubeObject,
  type Pod,
  type Stored,
} from '../../../cluster/index.ts';
import { mapSelectorMatches, selectorMatches } from '../../../labels/index.ts';

export type PodLookup = { ok: true; pod: Stored<Pod> } | { ok: false; error: string };

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

function notFound(resource: string, group: string, name: string): string {
  return `Error from server (NotFound): ${resource}${group ? `.${group}` : ''} "${name}" not found`;
}

function rank(p: Stored<Pod>): number[] {
  const phase = p.status?.phase;
  return [
    p.spec?.nodeName ? 1 : 0,
    phase === 'Running' ? 2 : phase === 'Unknown' ? 1 : 0,
    podIsReady(p) ? 1 : 0,
  ];
}

/** The pod GetFirstPod returns among matches (sort.Reverse(ActivePods)). */
function firstPod(pods: Stored<Pod>[]): Stored<Pod> | undefined {
  return [...pods].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i]! - ra[i]!;
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.metadata.name < b.metadata.name ? -1 : 1;
  })[0];
}

/** Finds a pod by name in a namespace, with kubectl's NotFound wording. */
export function findPod(state: ClusterState, namespace: string, name: string): PodLookup {
  const pod = getObject<Pod>(state, 'Pod', namespace, name);
  return pod ? { ok: true, pod } : { ok: false, error: notFound('pods', '', name) };
}

/** Resolves `POD` or `TYPE/NAME` to the pod a command would run in. */
export function attachablePod(state: ClusterState, namespace: string, arg: string): PodLookup {
  const slash = arg.indexOf('/');
  if (slash < 0) return findPod(state, namespace, arg);
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const info = resolveResourceType(type);
  if (!info)
    return { ok: false, error: `error: the server doesn't have a resource type "${type}"` };
  if (info.kind === 'Pod') return findPod(state, namespace, name);
  const obj = getObject<KubeObject>(
    state,
    info.kind,
    info.namespaced ? namespace : undefined,
    name,
  );
  if (!obj) return { ok: false, error: notFound(info.resource, info.group, name) };
  const goType = `*${info.version}.${info.kind}`;
  const pods = listObjects<Pod>(state, 'Pod', namespace);
  let matches: Stored<Pod>[];
  if (info.kind === 'Service') {
    const sel = (obj.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (!sel || Object.keys(sel).length === 0)
      return {
        ok: false,
        error: `error: cannot attach to ${goType}: invalid service '${name}': Service is defined without a selector`,
      };
    matches = pods.filter((p) => mapSelectorMatches(sel, p.metadata.labels));
  } else if (WORKLOADS.has(info.kind)) {
    const sel = (obj.spec as { selector?: LabelSelector } | undefined)?.selector;
    matches = sel ? pods.filter((p) => selectorMatches(sel, p.metadata.labels)) : [];
  } else {
    return {
      ok: false,
      error: `error: cannot attach to ${goType}: selector for ${goType} not implemented`,
    };
  }
  const pod = firstPod(matches);
  // kubectl waits --pod-running-timeout for a pod to appear, then gives up.
  return pod
    ? { ok: true, pod }
    : { ok: false, error: 'error: timed out waiting for the condition' };
}

/** Parses `--from NS/POD` (a bare POD means the current namespace) and finds the pod. */
export function podFromRef(state: ClusterState, defaultNs: string, ref: string): PodLookup {
  const slash = ref.indexOf('/');
  const ns = slash < 0 ? defaultNs : ref.slice(0, slash);
  const name = slash < 0 ? ref : ref.slice(slash + 1);
  if (!ns || !name) return { ok: false, error: `error: "${ref}" is not NS/POD` };
  return findPod(state, ns, name);
}
