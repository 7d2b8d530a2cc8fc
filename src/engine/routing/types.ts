/**
 * The vocabulary of a request's path: typed hops with verdicts, outcomes and curl's exit codes.
 * Each hop carries the facts that decided it (the Service and port, the endpoint chosen, the
 * NetworkPolicy direction verdict, what listens); its `summary` and `detail` are rendered from
 * those facts in one place (`hop-text.ts`). Screens and lessons read the fields, never the text.
 */
import type { ObjectRef } from '../api/index.ts';
import type { ClusterState } from '../cluster/index.ts';
import type { ResolveResult } from './resolve.ts';
import type { DirectionVerdict, Protocol } from '../netpol/index.ts';

/** An address and port a packet is sent to. */
export interface Address {
  ip: string;
  port: number;
  protocol: Protocol;
}

interface HopBase {
  ok: boolean;
  /** One line rendered from the hop's fields (display only: read the fields, never this). */
  summary: string;
  /** Further lines rendered from the fields (names tried, rules matched). */
  detail?: string[];
  /** The object that decided this hop, when one did. */
  object?: ObjectRef;
}

/** curl could not use the URL (bad scheme, host or port): nothing was sent. */
export interface UrlHop extends HopBase {
  kind: 'url';
  url: string;
  /** curl's own message (`URL rejected: Bad hostname`). */
  message: string;
  exitCode: number;
}

/** The host was found in the pod's /etc/hosts (hostAliases, its own hostname). */
export interface HostsFileHop extends HopBase {
  kind: 'dns';
  step: 'hosts';
  host: string;
  addresses: string[];
}

/** The host was looked up in DNS through the pod's resolver. */
export interface LookupHop extends HopBase {
  kind: 'dns';
  step: 'lookup';
  /** Every name tried, the answers, and the DNS traffic's own hops. */
  resolution: ResolveResult;
  /** The A records the client will connect to. */
  addresses: string[];
}

/** One DNS query's datagram to one nameserver; the hops of its path follow it in the list. */
export interface QueryHop extends HopBase {
  kind: 'dns';
  step: 'query';
  server: string;
  protocol: Protocol;
  outcome: DeliveryOutcome;
  /** When CoreDNS endpoints disagreed: how the query fared through each. */
  viaEndpoints?: Array<{ ip: string; port: number; outcome: DeliveryOutcome }>;
}

export type DnsHop = HostsFileHop | LookupHop | QueryHop;

/** One ready endpoint of a Service port, as the Service hop lists them. */
export interface BackendRef {
  ip: string;
  port: number;
  /** The pod behind the address, when one holds it. */
  pod?: ObjectRef;
}

/** The address was a Service's ClusterIP (or a node port): kube-proxy's rule for it. */
export interface ServiceHop extends HopBase {
  kind: 'service';
  object: ObjectRef;
  via: 'clusterIP' | 'nodePort';
  /** The address and port the client used. */
  address: Address;
  /**
   * `no-port`: the Service has no such port (no rule, the packet is lost); `no-endpoints`: no
   * ready endpoint (kube-proxy rejects); `chosen`: an endpoint was picked.
   */
  result: 'no-port' | 'no-endpoints' | 'chosen';
  /** The Service port matched (absent for `no-port`). */
  servicePort?: { name?: string; port: number; targetPort: number | string };
  /** The Service's ports, for `no-port`. */
  ports: Array<{ port: number; protocol: string }>;
  /** The Service's selector (absent: its endpoints are managed by hand). */
  selector?: Record<string, string>;
  backends: BackendRef[];
  /** Index into `backends` of the endpoint picked. */
  chosen?: number;
}

/** kube-proxy rewrote the destination to one endpoint (DNAT). */
export interface EndpointHop extends HopBase {
  kind: 'endpoint';
  /** The EndpointSlice (or Endpoints) the address came from. */
  object: ObjectRef;
  from: { ip: string; port: number };
  to: BackendRef;
  affinity: 'ClientIP' | 'none';
}

/** NetworkPolicy at the source (egress) or at the destination (ingress). */
export interface PolicyHop extends HopBase {
  kind: 'egress' | 'ingress';
  /** `ns/pod` that sends. */
  from: string;
  /** Where the packet goes after DNAT, and the pod there when one holds the address. */
  to: Address & { pod?: ObjectRef };
  /** False when the network plugin does not enforce NetworkPolicy (the hop then passes). */
  enforced: boolean;
  /** The direction's verdict; when not enforced, its reason is the network plugin's. */
  verdict: DirectionVerdict;
  /** The deciding policy (in `object`: the one whose rule allowed, else the first isolating one) and that rule's index. */
  rule?: number;
}

/** Whether something listens where the packet arrived. */
export interface ListenHop extends HopBase {
  kind: 'listen';
  target: Address;
  /** `pod`: a pod's address (or loopback inside the source pod); `node`, `upstream-dns`; `nothing`. */
  at: 'loopback' | 'pod' | 'node' | 'upstream-dns' | 'nothing';
  pod?: ObjectRef;
  /** What answers on the node (the API server or the kubelet). */
  nodeRole?: 'apiserver' | 'kubelet';
  /** For `nothing`: why no one is there. */
  nobody?: 'no-pod' | 'no-service' | 'outside';
  /** The pod's declared container ports, when it does not listen. */
  declaredPorts?: string[];
}

/** A service-mesh proxy's decision (sidecar, mTLS, mesh authorization). */
export interface MeshHop extends HopBase {
  kind: 'mesh';
}

/** One hop of a request's path and its verdict. */
export type Hop = UrlHop | DnsHop | ServiceHop | EndpointHop | PolicyHop | ListenHop | MeshHop;

/** A hop as built, before its text is rendered. */
export type HopFields<H extends Hop = Hop> = H extends Hop ? Omit<H, 'summary' | 'detail'> : never;

/** How a packet ended: answered, actively refused (RST / ICMP / REJECT), dropped, or lost. */
export type DeliveryOutcome = 'delivered' | 'refused' | 'dropped' | 'unanswered';

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
