/**
 * The inspector's "why" answers, as rows for the screen: which policies select a pod and what
 * they allow, why a pod is or is not a Service's endpoint, what a ServiceAccount may do. Every
 * answer is the engine's (the evaluators' policy selection, the endpoints controllers' own
 * rule, the authorizer's RulesFor); this file only arranges them.
 */
import type { ClusterState, NetworkPolicy, Pod, Service, Stored } from '../../engine/model.ts';
import type { Runtime } from '../../store/index.ts';

export interface PolicyOnPod {
  name: string;
  podSelector: string;
  lines: string[];
}

/** A policy's rules for both directions, in words. */
export function policyLines(rt: Runtime, p: NetworkPolicy): string[] {
  return [...rt.policyRulesText(p, 'ingress'), ...rt.policyRulesText(p, 'egress')];
}

export function policiesOnPod(rt: Runtime, state: ClusterState, pod: Stored<Pod>): PolicyOnPod[] {
  return rt.policiesSelecting(state, pod).map((p) => ({
    name: p.name,
    podSelector: rt.selectorString(p.podSelectorSource) || 'all pods',
    lines: policyLines(rt, p.object),
  }));
}

export interface EndpointWhy {
  pod: string;
  endpoint: boolean;
  reason: string;
}

/** For each pod of the Service's namespace: endpoint or not, and why. */
export function endpointReasons(
  rt: Runtime,
  facts: readonly Stored<Pod>[],
  svc: Stored<Service>,
): EndpointWhy[] {
  return facts.map((p) => {
    const c = rt.endpointCandidacy(svc, p);
    return {
      pod: p.metadata.name,
      endpoint: c.endpoint && c.ready,
      reason: rt.endpointCandidacyText(svc, p, c),
    };
  });
}

export interface AccountPermissions {
  bindings: { source: string; rules: string[] }[];
  errors: string[];
}

/** What a ServiceAccount may do in its namespace, grouped by the binding that grants it. */
export function accountPermissions(
  rt: Runtime,
  state: ClusterState,
  namespace: string,
  name: string,
): AccountPermissions {
  return rt.permissionsOf(state, rt.serviceAccountUser(namespace, name), namespace);
}
