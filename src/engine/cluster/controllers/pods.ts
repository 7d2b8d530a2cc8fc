/**
 * The scheduler's and the kubelets' second look: after every change, a pod the scheduler could
 * not place is tried again (the pod holding its host port may be gone), and a pod bound to a
 * node that did not exist (or was not Ready) starts once the node is there and Ready. Both go
 * through admission, which binds and starts pods (admission.ts); pods that still cannot run
 * are left untouched.
 */
import { NODE_NAME } from '../assignment.ts';
import { nodeIsReady, schedulePod } from '../scheduling.ts';
import type { Node, Pod, Stored } from '../types.ts';
import { type ReconcileContext, storeManaged } from './context.ts';

function waiting(p: Pod): boolean {
  const phase = p.status?.phase;
  return (
    !p.metadata?.deletionTimestamp &&
    !p.status?.hostIP &&
    phase !== 'Succeeded' &&
    phase !== 'Failed'
  );
}

// The scheduling queue: older pods first (creation time, then the order they were written in).
function queueOrder(a: Stored<Pod>, b: Stored<Pod>): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return Number(a.metadata.resourceVersion ?? 0) - Number(b.metadata.resourceVersion ?? 0);
}

export function reconcilePods(ctx: ReconcileContext): void {
  const queue = [...ctx.draft.each<Pod>('Pod')].filter(waiting).sort(queueOrder);
  for (const pod of queue) {
    const nodeName = pod.spec?.nodeName;
    if (nodeName) {
      const node = ctx.draft.get<Node>('Node', undefined, nodeName);
      if (!node || !nodeIsReady(node)) continue;
      storeManaged(ctx, { ...pod, status: undefined });
      continue;
    }
    const placed = schedulePod(ctx.draft, pod, NODE_NAME);
    if (placed.ok)
      storeManaged(ctx, {
        ...pod,
        spec: { ...pod.spec!, nodeName: placed.nodeName },
        status: undefined,
      });
  }
}
