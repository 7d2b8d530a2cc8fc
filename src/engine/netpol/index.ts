/**
 * NetworkPolicy evaluation (networking.k8s.io/v1). Public surface used by routing, the
 * kubectl commands and the UI: one connection with its explanation (evaluateConnection,
 * describeVerdict), and whole truth tables (probeMatrix, with naiveMatrix as the
 * pair-by-pair reference).
 */
import type { Pod, Stored } from '../cluster/index.ts';
import type { Direction, Protocol } from './model.ts';

export type { Direction, Protocol } from './model.ts';

/** One connection attempt: from a pod to an IP (a pod's, or outside the cluster) on a port. */
export interface ConnectionQuery {
  from: Stored<Pod>;
  toIP: string;
  port: number;
  protocol: Protocol;
  /**
   * The pod the connection reaches, when the caller knows it. Needed for a host-network pod:
   * it shares its node's address with the node and the node's other host-network pods, so the
   * address alone does not name it.
   */
  toPod?: Stored<Pod>;
}

/** How one rule (an entry of spec.ingress or spec.egress) met the connection. */
export interface RuleMatch {
  /** Index of the rule in spec.ingress / spec.egress. */
  rule: number;
  allows: boolean;
  /** Index of the from/to entry that matched; null when the rule lists none (any peer); -1 when none matched. */
  peer: number | null;
  /** Index of the ports entry that matched; null when the rule lists none (any port); -1 when none matched. */
  port: number | null;
  /** The peer and port findings, in words. */
  reason: string;
}

/** How one policy bore on one direction of a connection. */
export interface PolicyMatch {
  /** `namespace/name` of the policy. */
  policy: string;
  /** True when one of its rules allowed the connection. */
  allows: boolean;
  /** Which rule/peer/port matched, or why none did, in words. */
  reason: string;
  direction: Direction;
  /** Every rule of this direction, in order (empty: the policy allows nothing in this direction). */
  rules: RuleMatch[];
}

/** The verdict of one direction (egress at the source or ingress at the destination). */
export interface DirectionVerdict {
  allowed: boolean;
  /** True when at least one policy of this direction selects the pod. */
  isolated: boolean;
  policies: PolicyMatch[];
  reason: string;
  direction: Direction;
  /** `ns/name` of the pod whose policies apply (the source for egress, the destination for ingress); undefined when no pod's policies apply. */
  pod?: string;
  /**
   * That pod uses the host network, so NetworkPolicy does not apply to it: policies whose
   * podSelector selects it are ignored, and the direction is open. Network plugins cannot tell
   * a host-network pod's traffic from the node's (the most common implementation, Kubernetes
   * NetworkPolicy docs, "NetworkPolicy and hostNetwork pods").
   */
  hostNetwork?: true;
  /**
   * The far end is a host-network pod: policies see it as its node's address, which an ipBlock
   * can match and a podSelector or namespaceSelector cannot.
   */
  peerHostNetwork?: true;
  /** Ingress from the destination's own node (a host-network pod on it), which policy never blocks. */
  fromOwnNode?: true;
}

/** Whether NetworkPolicy lets the connection through, and why. */
export interface ConnectionVerdict {
  allowed: boolean;
  /** False when the cluster's network plugin does not enforce NetworkPolicy. */
  enforced: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  reason: string;
  /** `ns/name` of the source pod. */
  from: string;
  /** `ns/name` of the destination pod, or its IP when no pod has it. */
  to: string;
  toIP: string;
  port: number;
  protocol: Protocol;
  /** True for a pod connecting to its own IP, which policy never blocks. */
  self: boolean;
  /** When not enforced: the verdict an enforcing plugin would give (for lessons). */
  ifEnforced?: ConnectionVerdict;
}

export { evaluateConnection, evaluatePair } from './evaluate.ts';
export { describeVerdict } from './describe.ts';
export { probeMatrix, type ProbeMatrix, type ProbeOptions } from './matrix.ts';
export { naiveMatrix } from './naive.ts';
export { effectivePolicyTypes, netpolModel, podIp, type NetpolModel } from './model.ts';
export { namedPortNumber } from './ports.ts';
export { selectorPhrase, labelsPhrase, policyRulesText } from './words.ts';
export { podIsolation, policiesSelecting, type PodIsolation } from './isolation.ts';
export {
  parseCidrBlock,
  parseIp,
  cidrHolds,
  sameIp,
  strictSubset,
  type Cidr,
  type IpAddress,
} from '../cluster/index.ts';
export { directionDecider, verdictDirection, type PolicyDecider } from './decider.ts';
