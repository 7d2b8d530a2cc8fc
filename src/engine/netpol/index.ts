/**
 * NetworkPolicy evaluation (networking.k8s.io/v1). Public surface used by routing, the
 * kubectl commands and the UI. (The evaluation itself is filled in by the NetworkPolicy work;
 * until then every connection is allowed.)
 */
import type { ClusterState, Pod, Stored } from '../cluster/index.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** One connection attempt: from a pod to an IP (a pod's, or outside the cluster) on a port. */
export interface ConnectionQuery {
  from: Stored<Pod>;
  toIP: string;
  port: number;
  protocol: Protocol;
}

/** How one policy bore on one direction of a connection. */
export interface PolicyMatch {
  /** `namespace/name` of the policy. */
  policy: string;
  /** True when one of its rules allowed the connection. */
  allows: boolean;
  /** Which rule/peer/port matched, or why none did, in words. */
  reason: string;
}

/** The verdict of one direction (egress at the source or ingress at the destination). */
export interface DirectionVerdict {
  allowed: boolean;
  /** True when at least one policy of this direction selects the pod. */
  isolated: boolean;
  policies: PolicyMatch[];
  reason: string;
}

/** Whether NetworkPolicy lets the connection through, and why. */
export interface ConnectionVerdict {
  allowed: boolean;
  /** False when the cluster's network plugin does not enforce NetworkPolicy. */
  enforced: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  reason: string;
}

const open: DirectionVerdict = {
  allowed: true,
  isolated: false,
  policies: [],
  reason: 'no policy selects the pod',
};

export function evaluateConnection(
  _state: ClusterState,
  _query: ConnectionQuery,
): ConnectionVerdict {
  return {
    allowed: true,
    enforced: true,
    egress: open,
    ingress: open,
    reason: 'not yet evaluated',
  };
}
