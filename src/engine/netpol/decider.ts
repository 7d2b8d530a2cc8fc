/**
 * Which NetworkPolicy decided a verdict — the one rule every screen and lesson uses to name
 * it. An allowed direction of an isolated pod is decided by the first policy whose rule let
 * the connection in (and that rule); a denied one by the policies isolating the pod, the first
 * named. An unisolated direction has no deciding policy.
 */
import { refFromKey, type ObjectRef } from '../api/index.ts';
import type { ConnectionVerdict, DirectionVerdict } from './index.ts';

/** The deciding policy of one direction and, when a rule allowed, that rule's index. */
export interface PolicyDecider {
  policy: ObjectRef;
  rule?: number;
}

export function directionDecider(v: DirectionVerdict): PolicyDecider | undefined {
  if (!v.isolated) return undefined;
  const deciding = v.allowed ? v.policies.find((p) => p.allows) : v.policies[0];
  if (!deciding) return undefined;
  const rule = v.allowed ? deciding.rules.find((r) => r.allows)?.rule : undefined;
  const policy = refFromKey('NetworkPolicy', deciding.policy);
  return rule === undefined ? { policy } : { policy, rule };
}

/**
 * The direction that settled a connection verdict: the one that denied; when both allowed,
 * the isolated one (ingress first — what let the request in); with neither isolated, ingress.
 * Undefined direction when policy did not apply at all (not enforced, or a pod to itself).
 */
export function verdictDirection(v: ConnectionVerdict): DirectionVerdict | undefined {
  if (!v.enforced || v.self) return undefined;
  if (!v.egress.allowed) return v.egress;
  if (!v.ingress.allowed) return v.ingress;
  if (v.ingress.isolated) return v.ingress;
  if (v.egress.isolated) return v.egress;
  return v.ingress;
}
