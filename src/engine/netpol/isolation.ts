/**
 * Which NetworkPolicies select a pod, per direction: a policy in the pod's namespace whose
 * podSelector matches its labels isolates it for each direction in its (defaulted)
 * policyTypes. The evaluators' own model answers, so screens show exactly what decides.
 */
import type { ClusterState, Pod, Stored } from '../cluster/index.ts';
import { netpolModel, type PolicySpec } from './model.ts';

/** The policies (`namespace/name`) isolating a pod, per direction. */
export interface PodIsolation {
  ingress: string[];
  egress: string[];
}

/** The policies whose podSelector selects the pod, in the namespace's policy order. */
export function policiesSelecting(
  state: Pick<ClusterState, 'objects'>,
  pod: Stored<Pod>,
): PolicySpec[] {
  const model = netpolModel(state);
  const policies = model.policiesByNamespace.get(pod.metadata.namespace ?? 'default') ?? [];
  return policies.filter((p) => p.podSelector(pod.metadata.labels ?? {}));
}

export function podIsolation(state: Pick<ClusterState, 'objects'>, pod: Stored<Pod>): PodIsolation {
  const out: PodIsolation = { ingress: [], egress: [] };
  for (const p of policiesSelecting(state, pod)) {
    if (p.policyTypes.includes('ingress')) out.ingress.push(p.key);
    if (p.policyTypes.includes('egress')) out.egress.push(p.key);
  }
  return out;
}
