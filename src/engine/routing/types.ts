/** The vocabulary of a request's path: hops with verdicts, outcomes and curl's exit codes. */
import type { ClusterState } from '../cluster/index.ts';
import type { ResolveResult } from '../dns/index.ts';

/** One hop of a request's path and its verdict. */
export interface Hop {
  kind: 'dns' | 'service' | 'endpoint' | 'egress' | 'ingress' | 'listen' | 'mesh';
  ok: boolean;
  /** One line for the diagram label and the inspector ("blocked by NetworkPolicy x/deny-all"). */
  summary: string;
  /** Further lines of explanation (names tried, rules matched). */
  detail?: string[];
  /** `Kind/ns/name` of the object that decided this hop, when one did. */
  object?: string;
}

/** How a request ended, and curl's exit code for it. */
export type ConnectOutcome = 'ok' | 'nxdomain' | 'dns-timeout' | 'refused' | 'timeout';

/** What answered a delivered connection. */
export type Responder =
  | { kind: 'pod'; pod: string; ip: string; port: number }
  | { kind: 'apiserver'; ip: string; port: number }
  | { kind: 'kubelet'; ip: string; port: number }
  | { kind: 'dns'; ip: string; port: number; server: 'coredns' | 'upstream' };

export interface ConnectResult {
  ok: boolean;
  outcome: ConnectOutcome;
  exitCode: number;
  hops: Hop[];
  /** `ns/pod` that answered, when one did. */
  answeredBy?: string;
  /** The address curl connected to (after name resolution, before Service DNAT). */
  address?: string;
  /** Host and port as the URL gave them (port defaulted from the scheme). */
  host?: string;
  port?: number;
  scheme?: string;
  path?: string;
  /** The answering server, when the connection was delivered. */
  responder?: Responder;
  /** The DNS resolution, when the host was a name looked up in DNS. */
  dns?: ResolveResult;
  /** Simulated time the request took before it ended, in milliseconds. */
  elapsedMs?: number;
  /**
   * The cluster with the load-balancing rotation advanced, when the request chose among several
   * endpoints: keep it to see the next request go to the next endpoint.
   */
  nextState?: ClusterState;
}

export interface ConnectOptions {
  /** curl -m: with a limit, a dropped DNS query times out (28) instead of failing to resolve (6). */
  timeoutSeconds?: number;
}
