/**
 * The control loops that run after every change, in order, until the stored state is what
 * the controllers want: namespaces' defaults, workloads into pods, pods onto nodes, Services
 * into endpoints, then RBAC aggregation.
 */
import { Allocator, addressesInUse } from '../ipam.ts';
import type { ClusterDraft } from '../state.ts';
import { reconcileAggregation } from './aggregation.ts';
import type { ReconcileContext } from './context.ts';
import { reconcileEndpoints } from './endpoints.ts';
import { reconcileNamespaces } from './namespaces.ts';
import { reconcilePods } from './pods.ts';
import { reconcileWorkloads } from './workloads.ts';

export type { ReconcileContext } from './context.ts';
export {
  podCanServe,
  podIsReady,
  resolveTargetPort,
  endpointCandidacy,
  endpointCandidacyText,
  type EndpointCandidacy,
  type CandidatePort,
} from './endpoint-candidacy.ts';
export { ROOT_CA_CONFIGMAP } from './namespaces.ts';

const controllers: Array<(ctx: ReconcileContext) => void> = [
  reconcileNamespaces,
  reconcileWorkloads,
  reconcilePods,
  reconcileEndpoints,
  reconcileAggregation,
];

/** Runs every controller once over the draft. `taken` holds addresses that must not be handed out. */
export function reconcile(draft: ClusterDraft, taken?: Set<string>): void {
  const used = addressesInUse(draft);
  for (const ip of taken ?? []) used.add(ip);
  const ctx: ReconcileContext = { draft, alloc: new Allocator(draft, used) };
  for (const run of controllers) run(ctx);
}
