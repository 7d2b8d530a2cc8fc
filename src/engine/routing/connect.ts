/**
 * The path of one TCP request from a pod, as curl lives it: the host is looked up (the pod's
 * /etc/hosts, then DNS through its resolv.conf), the address is connected to (Service DNAT,
 * NetworkPolicy on the backend pod IP and targetPort, the backend listening or not), and the
 * ending maps to curl's exit code: 0 answered, 6 not resolved, 7 refused, 28 timed out.
 */
import type { ClusterState, Pod, Stored } from '../cluster/index.ts';
import { isIPv4, isIPv6, lookupHostsFile } from '../dns/index.ts';
import { resolveFromPod, type ResolveResult } from './resolve.ts';
import { withText } from './hop-text.ts';
import { sendPacket, type Delivery } from './packet.ts';
import type { ConnectOptions, ConnectResult, Hop } from './types.ts';
import { parseUrl } from './url.ts';

/** How long Linux keeps retrying an unanswered SYN (tcp_syn_retries = 6) before giving up, ms. */
export const SYN_GIVE_UP_MS = 127_000;

function advance(state: ClusterState, updates: Array<{ key: string; next: number }>): ClusterState {
  const rotation = { ...(state.rotation ?? {}) };
  for (const u of updates) rotation[u.key] = u.next;
  return { ...state, rotation };
}

/** The DNS hop of a request, with the names tried and the DNS traffic's own verdicts. */
export function dnsHop(res: ResolveResult): Hop {
  const addresses = res.answers.filter((r) => r.type === 'A').map((r) => r.data);
  return withText({
    kind: 'dns',
    step: 'lookup',
    ok: addresses.length > 0,
    resolution: res,
    addresses,
  });
}

/** Follows a request from a pod to a URL (`http://web.team-b:80/`). */
export function connect(
  state: ClusterState,
  from: Stored<Pod>,
  url: string,
  opts: ConnectOptions = {},
): ConnectResult {
  const parsed = parseUrl(url);
  if (!parsed.ok)
    return {
      ok: false,
      outcome: 'nxdomain',
      exitCode: parsed.exitCode,
      hops: [
        withText({
          kind: 'url',
          ok: false,
          url,
          message: parsed.message,
          exitCode: parsed.exitCode,
        }),
      ],
      elapsedMs: 0,
    };
  const { host, port, scheme, path } = parsed;
  const limitMs = opts.timeoutSeconds !== undefined ? opts.timeoutSeconds * 1000 : undefined;
  const base = { host, port, scheme, path };
  const hops: Hop[] = [];
  const updates: Array<{ key: string; next: number }> = [];
  let addresses: string[];
  let dns: ResolveResult | undefined;
  let elapsed = 0;
  const bare = host.replace(/\.$/, '');
  if (isIPv4(bare) || isIPv6(bare)) addresses = [bare];
  else {
    const fromHosts = lookupHostsFile(state, from, bare);
    if (fromHosts.length) {
      addresses = fromHosts;
      hops.push(withText({ kind: 'dns', step: 'hosts', ok: true, host, addresses: fromHosts }));
    } else {
      dns = resolveFromPod(state, from, host, 'A');
      hops.push(dnsHop(dns));
      elapsed = dns.elapsedMs;
      if (dns.rcode === 'TIMEOUT') {
        const timedOut = limitMs !== undefined && limitMs < dns.elapsedMs;
        return {
          ...base,
          ok: false,
          outcome: 'dns-timeout',
          exitCode: timedOut ? 28 : 6,
          hops,
          dns,
          elapsedMs: timedOut ? limitMs : dns.elapsedMs,
        };
      }
      addresses = dns.answers.filter((r) => r.type === 'A').map((r) => r.data);
      if (addresses.length === 0)
        return {
          ...base,
          ok: false,
          outcome: 'nxdomain',
          exitCode: 6,
          hops,
          dns,
          elapsedMs: elapsed,
        };
      if (addresses.length > 1 && dns.fqdn) {
        // CoreDNS's loadbalance plugin rotates the A records; the client takes the first.
        const key = `dns:${dns.fqdn.toLowerCase()}`;
        const at = state.rotation?.[key] ?? 0;
        const i = at % addresses.length;
        addresses = [...addresses.slice(i), ...addresses.slice(0, i)];
        updates.push({ key, next: at + 1 });
      }
    }
  }
  // curl tries each address in turn when one refuses.
  let delivery: Delivery | undefined;
  let address = addresses[0]!;
  for (const a of addresses) {
    address = a;
    delivery = sendPacket(state, from, a, port, 'TCP', {
      ...(state.rotation ? { rotation: state.rotation } : {}),
    });
    hops.push(...delivery.hops);
    if (delivery.outcome !== 'refused') break;
  }
  const d = delivery!;
  if (d.rotation) updates.push(d.rotation);
  const nextState = updates.length ? advance(state, updates) : undefined;
  const common = {
    ...base,
    hops,
    address,
    ...(dns ? { dns } : {}),
    ...(nextState ? { nextState } : {}),
  };
  switch (d.outcome) {
    case 'delivered':
      return {
        ...common,
        ok: true,
        outcome: 'ok',
        exitCode: 0,
        ...(d.responder?.kind === 'pod' ? { answeredBy: d.responder.pod } : {}),
        ...(d.responder ? { responder: d.responder } : {}),
        elapsedMs: elapsed + 2,
      };
    case 'refused':
      return { ...common, ok: false, outcome: 'refused', exitCode: 7, elapsedMs: elapsed + 1 };
    default: {
      const waited = limitMs !== undefined ? Math.max(limitMs - elapsed, 0) : SYN_GIVE_UP_MS;
      return {
        ...common,
        ok: false,
        outcome: 'timeout',
        exitCode: 28,
        elapsedMs: elapsed + waited,
      };
    }
  }
}
