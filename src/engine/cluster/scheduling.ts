/**
 * Where a pod runs and what address it gets: the scheduler binding a pod that names no node
 * (its NodePorts filter refuses a node whose host ports are taken), the kubelet admitting a
 * pod bound to its node (the same host-port check), and the node's address, which is the
 * pod's own address when the pod uses the host network.
 */
import type { Node, Pod, Stored } from './types.ts';

/** What a node's pods can see of the draft: nodes by name and every pod. */
interface NodeView {
  get<T>(kind: string, namespace: string | undefined, name: string): Stored<T> | undefined;
  each<T>(kind: string): Iterable<Stored<T>>;
}

/** One `hostIP:hostPort/protocol` a container port claims on its node. */
export interface HostPortClaim {
  hostIP: string;
  hostPort: number;
  protocol: string;
}

/** The NodePorts filter's reason (pkg/scheduler/framework/plugins/nodeports, ErrReason). */
export const NODE_PORTS_REASON = "node(s) didn't have free ports for the requested pod ports";

/** The node's first InternalIP (else ExternalIP): what the kubelet reports as status.hostIP. */
export function nodeAddress(node: Node): string | undefined {
  const addresses = node.status?.addresses ?? [];
  return (
    addresses.find((a) => a.type === 'InternalIP')?.address ??
    addresses.find((a) => a.type === 'ExternalIP')?.address
  );
}

/** Ports with a hostPort of the pod's containers and restartable (sidecar) init containers. */
export function hostPortsOf(pod: Pod): HostPortClaim[] {
  const containers = [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
  ];
  const out: HostPortClaim[] = [];
  for (const c of containers)
    for (const p of c.ports ?? [])
      if ((p.hostPort ?? 0) > 0)
        out.push({
          hostIP: p.hostIP || '0.0.0.0',
          hostPort: p.hostPort!,
          protocol: p.protocol ?? 'TCP',
        });
  return out;
}

// Same port and protocol on the same address, or on the wildcard address, which holds them all.
function collide(a: HostPortClaim, b: HostPortClaim): boolean {
  return (
    a.hostPort === b.hostPort &&
    a.protocol === b.protocol &&
    (a.hostIP === b.hostIP || a.hostIP === '0.0.0.0' || b.hostIP === '0.0.0.0')
  );
}

function occupies(p: Pod): boolean {
  const phase = p.status?.phase;
  return !p.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** True when a pod's host ports are free on the node (the NodePorts filter). */
export function hostPortsFree(view: NodeView, pod: Stored<Pod>, nodeName: string): boolean {
  const wanted = hostPortsOf(pod);
  if (wanted.length === 0) return true;
  const self = `${pod.metadata.namespace}/${pod.metadata.name}`;
  for (const other of view.each<Pod>('Pod')) {
    if (other.spec?.nodeName !== nodeName || !occupies(other)) continue;
    if (`${other.metadata.namespace}/${other.metadata.name}` === self) continue;
    const used = hostPortsOf(other);
    if (wanted.some((w) => used.some((u) => collide(w, u)))) return false;
  }
  return true;
}

/**
 * True when a kubelet on the node reports it Ready, so pods bound to it run. A Node written
 * with kubectl has no kubelet behind it (the API server drops the status it was sent): it
 * never becomes Ready and its pods stay Pending.
 */
export function nodeIsReady(node: Node): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

// The NodeTaint admission plugin taints every new Node not-ready:NoSchedule until its kubelet
// reports Ready; a pod passes only with a matching toleration.
function toleratesNotReady(pod: Pod): boolean {
  return (pod.spec?.tolerations ?? []).some(
    (t) =>
      (!t.effect || t.effect === 'NoSchedule') &&
      (t.operator === 'Exists'
        ? !t.key || t.key === NOT_READY_TAINT
        : t.key === NOT_READY_TAINT && (t.value ?? '') === ''),
  );
}

/** The scheduler's answer for a pod without spec.nodeName: a node, or why none fits. */
export type Placement = { ok: true; nodeName: string } | { ok: false; message: string };

/** `1 a, 2 b`: the scheduler's histogram of reasons, sorted as strings. */
function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}

/**
 * Binds a pod to a node. Two filters are modelled: TaintToleration for a node that is not
 * Ready, and NodePorts (otherwise the simulated nodes have room for every pod). Among nodes
 * that fit, `preferred` (the control-plane node) wins, then the first by name. A refusal reads
 * as the scheduler's FitError, with the preemption verdict for equal-priority pods: nothing
 * to evict for a port, nothing eviction could fix for a taint.
 */
export function schedulePod(view: NodeView, pod: Stored<Pod>, preferred: string): Placement {
  const nodes = [...view.each<Node>('Node')].sort((a, b) => {
    const [x, y] = [a.metadata.name, b.metadata.name];
    return x === preferred ? -1 : y === preferred ? 1 : x < y ? -1 : x > y ? 1 : 0;
  });
  if (nodes.length === 0) return { ok: false, message: 'no nodes available to schedule pods' };
  const filters: string[] = [];
  const preemption: string[] = [];
  for (const node of nodes) {
    if (!nodeIsReady(node) && !toleratesNotReady(pod)) {
      filters.push(`node(s) had untolerated taint {${NOT_READY_TAINT}: }`);
      preemption.push('Preemption is not helpful for scheduling');
    } else if (!hostPortsFree(view, pod, node.metadata.name)) {
      filters.push(NODE_PORTS_REASON);
      preemption.push('No preemption victims found for incoming pod');
    } else return { ok: true, nodeName: node.metadata.name };
  }
  const n = nodes.length;
  return {
    ok: false,
    message: `0/${n} nodes are available: ${histogram(filters)}. preemption: 0/${n} nodes are available: ${histogram(preemption)}.`,
  };
}
