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

/** The scheduler's answer for a pod without spec.nodeName: a node, or why none fits. */
export type Placement = { ok: true; nodeName: string } | { ok: false; message: string };

/**
 * Binds a pod to a node. The only filter modelled is NodePorts (the simulated nodes have room
 * for every pod otherwise); among nodes that fit, `preferred` (the control-plane node every
 * pod has always run on) wins, then the first by name. The refusal reads as the scheduler's
 * FitError, with the preemption verdict for equal-priority pods.
 */
export function schedulePod(view: NodeView, pod: Stored<Pod>, preferred: string): Placement {
  const nodes = [...view.each<Node>('Node')]
    .map((n) => n.metadata.name)
    .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (nodes.length === 0) return { ok: false, message: 'no nodes available to schedule pods' };
  const fit = nodes.find((n) => hostPortsFree(view, pod, n));
  if (fit) return { ok: true, nodeName: fit };
  const n = nodes.length;
  return {
    ok: false,
    message: `0/${n} nodes are available: ${n} ${NODE_PORTS_REASON}. preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.`,
  };
}
