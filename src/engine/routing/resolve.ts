/**
 * The pod's stub resolver (glibc res_nsearch semantics): a name with a trailing dot is asked
 * as is; a name with at least `ndots` dots is asked as is first; otherwise each search domain
 * is appended in order and the bare name comes last. NXDOMAIN and NODATA move on to the next
 * candidate; a query that gets no reply at all ends the search. Every query is real traffic:
 * a UDP datagram to the nameserver (the kube-dns ClusterIP, DNATed to a CoreDNS pod on 53),
 * subject to NetworkPolicy like any other packet.
 */
import type { ClusterState, Pod, Stored } from '../cluster/index.ts';
import {
  coreDnsAnswer,
  isIPv4,
  isIPv6,
  podResolvConf,
  reverseName,
  searchCandidates,
  upstreamAnswer,
  type DnsRecord,
  type Rcode,
  type ResolvConf,
  type RRType,
} from '../dns/index.ts';
import { withText } from './hop-text.ts';
import { sendPacket, type Delivery } from './packet.ts';
import type { Hop } from './types.ts';

/** Whether the pod's DNS queries reach a server, which one, and the hops they take. */
export interface DnsTransport {
  ok: boolean;
  /** The nameserver (from resolv.conf) that answered. */
  server?: string;
  answeredBy?: 'coredns' | 'upstream';
  /** `ns/pod` of the CoreDNS instance that answered, when one did. */
  pod?: string;
  /** Why no server answered: every query dropped/lost, or refused (no endpoints, nothing listening). */
  failure?: 'timeout' | 'refused';
  hops: Hop[];
  /** How long one query waits before the resolver gives up (timeout × attempts per silent server), ms. */
  giveUpMs: number;
}

/** One query the resolver sent, and the answer. */
export interface QueryAttempt {
  name: string;
  rcode: Rcode | 'TIMEOUT' | 'REFUSED';
  answers: DnsRecord[];
  reason: string;
}

/** The outcome of resolving one name from a pod (`resolve -o json` prints the first fields). */
export interface ResolveResult {
  query: string;
  type: RRType;
  /** The server's rcode, or TIMEOUT / REFUSED when no server answered. */
  rcode: Rcode | 'TIMEOUT' | 'REFUSED';
  fqdn: string | null;
  tried: string[];
  answers: DnsRecord[];
  attempts: QueryAttempt[];
  resolvConf: ResolvConf;
  transport: DnsTransport;
  elapsedMs: number;
}

function podLabel(p: Stored<Pod>): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

/** Sends a DNS query's datagram to each nameserver in turn, as the resolver does. */
export function dnsTransport(
  state: ClusterState,
  pod: Stored<Pod>,
  conf: ResolvConf = podResolvConf(state, pod),
): DnsTransport {
  const hops: Hop[] = [];
  let silent = 0;
  const servers = conf.nameservers.length ? conf.nameservers : ['127.0.0.1'];
  // Queries go over UDP; only `options use-vc` (or a truncated reply) makes the resolver use TCP.
  const protocol = conf.options.includes('use-vc') ? 'TCP' : 'UDP';
  for (const server of servers) {
    // kube-proxy picks a CoreDNS endpoint per query and the resolver retries: the query gets
    // through when any endpoint it may land on lets it through.
    const first = sendPacket(state, pod, server, 53, protocol, { endpointIndex: 0 });
    const tries: Delivery[] = [first];
    for (let i = 1; i < (first.backends?.length ?? 0); i++)
      tries.push(sendPacket(state, pod, server, 53, protocol, { endpointIndex: i }));
    const good = tries.find((t) => t.outcome === 'delivered');
    const shown = good ?? first;
    const mixed = tries.length > 1 && tries.some((t) => t.outcome !== shown.outcome);
    hops.push(
      withText({
        kind: 'dns',
        step: 'query',
        ok: !!good,
        server,
        protocol,
        outcome: shown.outcome,
        ...(mixed
          ? {
              viaEndpoints: tries.map((t) => ({
                ip: t.targetIP,
                port: t.targetPort,
                outcome: t.outcome,
              })),
            }
          : {}),
      }),
    );
    // The query's own path follows it (transportLines marks these hops as DNS traffic).
    hops.push(...shown.hops);
    if (good) {
      const r = good.responder;
      const answeredBy = r?.kind === 'dns' && r.server === 'upstream' ? 'upstream' : 'coredns';
      return {
        ok: true,
        server,
        answeredBy,
        ...(good.pod ? { pod: podLabel(good.pod) } : {}),
        hops,
        giveUpMs: silent * conf.timeout * conf.attempts * 1000,
      };
    }
    if (shown.outcome !== 'refused') silent++;
  }
  return {
    ok: false,
    failure: silent > 0 ? 'timeout' : 'refused',
    hops,
    giveUpMs: silent * conf.timeout * conf.attempts * 1000,
  };
}

/** Resolves a name from a pod through its resolv.conf, recording every name tried. */
export function resolveFromPod(
  state: ClusterState,
  pod: Stored<Pod>,
  name: string,
  type: RRType = 'A',
): ResolveResult {
  const conf = podResolvConf(state, pod);
  let query = name;
  // An address asked for PTR is turned into its reverse name, as `dig -x` does.
  if (type === 'PTR' && (isIPv4(name) || isIPv6(name))) query = `${reverseName(name)}.`;
  const transport = dnsTransport(state, pod, conf);
  const candidates = searchCandidates(query, conf);
  const base = { query: name, type, resolvConf: conf, transport };
  if (!transport.ok) {
    const rcode = transport.failure === 'refused' ? 'REFUSED' : 'TIMEOUT';
    return {
      ...base,
      rcode,
      fqdn: null,
      tried: candidates.slice(0, 1),
      answers: [],
      attempts: [
        {
          name: candidates[0]!,
          rcode,
          answers: [],
          reason:
            rcode === 'TIMEOUT'
              ? 'no reply: the query was dropped or lost on the way to every nameserver'
              : 'every nameserver refused the query (no DNS endpoint, or nothing listening on 53)',
        },
      ],
      elapsedMs: transport.giveUpMs,
    };
  }
  const attempts: QueryAttempt[] = [];
  let nodata: QueryAttempt | undefined;
  for (const cand of candidates) {
    const ans =
      transport.answeredBy === 'upstream'
        ? upstreamAnswer(cand, type)
        : coreDnsAnswer(state, cand, type);
    const attempt: QueryAttempt = {
      name: cand,
      rcode: ans.rcode,
      answers: ans.answers,
      reason: ans.reason,
    };
    attempts.push(attempt);
    if (ans.rcode === 'NOERROR' && ans.answers.length > 0) {
      return {
        ...base,
        rcode: 'NOERROR',
        fqdn: cand,
        tried: attempts.map((a) => a.name),
        answers: ans.answers,
        attempts,
        elapsedMs: transport.giveUpMs,
      };
    }
    if (ans.rcode === 'NOERROR') nodata ??= attempt;
  }
  return {
    ...base,
    rcode: nodata ? 'NOERROR' : 'NXDOMAIN',
    fqdn: nodata ? nodata.name : null,
    tried: attempts.map((a) => a.name),
    answers: [],
    attempts,
    elapsedMs: transport.giveUpMs,
  };
}
