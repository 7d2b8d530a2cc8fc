/**
 * The path of a request from a pod: name resolution, Service, endpoint choice (after DNAT),
 * NetworkPolicy at both ends, and whether the backend listens. Public surface used by `exec`,
 * `explain`, lessons and the UI. (Filled in by the DNS and routing work; this stub resolves
 * nothing.)
 */
import type { ClusterState, Pod, Stored } from '../cluster/index.ts';

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

export interface ConnectResult {
  ok: boolean;
  outcome: ConnectOutcome;
  exitCode: number;
  hops: Hop[];
  /** `ns/pod` that answered, when one did. */
  answeredBy?: string;
}

export interface ConnectOptions {
  /** curl -m: with a limit, a dropped DNS query times out (28) instead of failing to resolve (6). */
  timeoutSeconds?: number;
}

/** Follows a request from a pod to a URL (`http://web.team-b:80/`). */
export function connect(
  _state: ClusterState,
  _from: Stored<Pod>,
  url: string,
  _opts: ConnectOptions = {},
): ConnectResult {
  return {
    ok: false,
    outcome: 'nxdomain',
    exitCode: 6,
    hops: [{ kind: 'dns', ok: false, summary: `could not resolve ${url} (routing not built yet)` }],
  };
}
