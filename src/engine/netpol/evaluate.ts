/**
 * Pair-by-pair evaluation of one connection, with its explanation. A pod is isolated for a
 * direction when at least one policy in its own namespace selects it and lists that
 * direction in policyTypes; an isolated pod admits exactly the union of what the rules of
 * its selecting policies allow. A connection needs the source's egress AND the
 * destination's ingress to allow it.
 */
import {
  cidrHolds,
  parseIp,
  sameIp,
  type ClusterState,
  type IpAddress,
  type Pod,
  type Stored,
} from '../cluster/index.ts';
import type {
  ConnectionQuery,
  ConnectionVerdict,
  DirectionVerdict,
  PolicyMatch,
  RuleMatch,
} from './index.ts';
import {
  type Direction,
  type NetpolModel,
  netpolModel,
  podEntry,
  type PeerSpec,
  type PodEntry,
  type PolicySpec,
  type Protocol,
  type RuleSpec,
} from './model.ts';
import { formatPortEntry, portEntryMatches } from './ports.ts';
import { labelsPhrase, peerPhrase, selectorPhrase } from './words.ts';

/** The far end of a direction: the peer pod (if the address is a pod's) and its address. */
interface Peer {
  pod?: PodEntry;
  ip?: IpAddress;
  ipText: string;
}

interface Query {
  port: number;
  protocol: Protocol;
  /** The destination pod, against whose container ports named ports resolve. */
  destination?: Pod;
  explain: boolean;
}

function peerMatches(
  model: NetpolModel,
  policy: PolicySpec,
  peer: PeerSpec,
  other: Peer,
): { match: boolean; why: string } {
  if (peer.ipBlock) {
    const { cidr, except } = peer.ipBlock;
    if (!other.ip || !cidr || !cidrHolds(cidr, other.ip))
      return { match: false, why: `${other.ipText} is outside ${peerPhrase(peer)}` };
    const carved = except.find((e) => cidrHolds(e, other.ip!));
    if (carved)
      return {
        match: false,
        why: `${other.ipText} is inside ${peer.ipBlock.source.cidr} but excluded by except ${carved.text}`,
      };
    return { match: true, why: `${peerPhrase(peer)} contains ${other.ipText}` };
  }
  const pod = other.pod;
  if (!pod)
    return {
      match: false,
      why: `${other.ipText} is not a pod, and ${peerPhrase(peer)} selects pods`,
    };
  if (pod.hostNetwork)
    return {
      match: false,
      why: `${pod.key} uses the host network, so pod selectors do not see it`,
    };
  const src = peer.source;
  if (peer.namespaceSelector) {
    const nsLabels = model.namespaceLabels.get(pod.namespace) ?? {};
    if (!peer.namespaceSelector(nsLabels))
      return {
        match: false,
        why: `namespace ${pod.namespace} (${labelsPhrase(nsLabels)}) does not match ${selectorPhrase('namespaceSelector', src.namespaceSelector)}`,
      };
  } else if (pod.namespace !== policy.namespace) {
    return {
      match: false,
      why: `${selectorPhrase('podSelector', src.podSelector)} alone selects pods in the policy's own namespace ${policy.namespace}, and ${pod.key} is in ${pod.namespace}`,
    };
  }
  if (peer.podSelector && !peer.podSelector(pod.labels))
    return {
      match: false,
      why: `${pod.key} (${labelsPhrase(pod.labels)}) does not match ${selectorPhrase('podSelector', src.podSelector)}`,
    };
  return { match: true, why: `${peerPhrase(peer)} matches ${pod.key}` };
}

function ruleMatch(
  model: NetpolModel,
  policy: PolicySpec,
  dir: Direction,
  rule: RuleSpec,
  other: Peer,
  q: Query,
): RuleMatch {
  const peerField = dir === 'ingress' ? 'from' : 'to';
  const where = `${dir}[${rule.index}]`;
  let peer: number | null = null;
  let peerWhy = `no ${peerField} list: any ${dir === 'ingress' ? 'source' : 'destination'}`;
  if (rule.peers) {
    peer = -1;
    const misses: string[] = [];
    for (let i = 0; i < rule.peers.length; i++) {
      const r = peerMatches(model, policy, rule.peers[i]!, other);
      if (r.match) {
        peer = i;
        peerWhy = q.explain ? `${peerField}[${i}]: ${r.why}` : '';
        break;
      }
      if (q.explain) misses.push(`${peerField}[${i}]: ${r.why}`);
    }
    if (peer === -1) peerWhy = misses.join('; ');
  }
  let port: number | null = null;
  let portWhy = 'no ports list: any port and protocol';
  if (rule.ports) {
    port = -1;
    for (let i = 0; i < rule.ports.length; i++) {
      const entry = rule.ports[i]!;
      const r = portEntryMatches(entry, q.port, q.protocol, q.destination);
      if (r.match) {
        port = i;
        if (q.explain)
          portWhy =
            r.how === 'named'
              ? `ports[${i}]: named port ${entry.port} is ${entry.protocol}/${r.resolved} on the destination`
              : `ports[${i}]: ${formatPortEntry(entry)} admits ${q.protocol}/${q.port}`;
        break;
      }
    }
    if (port === -1 && q.explain) {
      const named = rule.ports.filter(
        (e) => typeof e.port === 'string' && e.protocol === q.protocol,
      );
      const missing =
        named.length > 0 && !q.destination ? ' (named ports resolve only on pods)' : '';
      portWhy = `no ports entry admits ${q.protocol}/${q.port} (${rule.ports.map(formatPortEntry).join(', ')})${missing}`;
    }
  }
  const allows = peer !== -1 && port !== -1;
  let reason = '';
  if (q.explain) {
    if (allows) reason = `${where} allows it: ${peerWhy}; ${portWhy}`;
    else if (peer === -1 && port === -1)
      reason = `${where} does not match: ${peerWhy}; and ${portWhy}`;
    else reason = `${where} does not match: ${peer === -1 ? peerWhy : portWhy}`;
  }
  return { rule: rule.index, allows, peer, port, reason };
}

/** The verdict of one direction for `subject` (the pod whose policies apply). */
function evaluateDirection(
  model: NetpolModel,
  dir: Direction,
  subject: PodEntry,
  other: Peer,
  q: Query,
): DirectionVerdict {
  const word = dir === 'ingress' ? 'ingress' : 'egress';
  const peer: Pick<DirectionVerdict, 'peerHostNetwork'> = other.pod?.hostNetwork
    ? { peerHostNetwork: true }
    : {};
  if (subject.hostNetwork) {
    return {
      allowed: true,
      isolated: false,
      policies: [],
      direction: dir,
      pod: subject.key,
      hostNetwork: true,
      ...peer,
      reason: q.explain
        ? `${subject.key} uses the host network, so NetworkPolicy does not apply to its ${word}: policies that select it are ignored, since the network plugin cannot tell its traffic from the node's (${subject.ip ?? 'the node address'}) (Kubernetes NetworkPolicy docs, "NetworkPolicy and hostNetwork pods")`
        : '',
    };
  }
  const policies: PolicyMatch[] = [];
  for (const p of model.policiesByNamespace.get(subject.namespace) ?? []) {
    const rules = p[dir];
    if (!rules || !p.podSelector(subject.labels)) continue;
    const results = rules.map((r) => ruleMatch(model, p, dir, r, other, q));
    const allowing = results.find((r) => r.allows);
    let reason = '';
    if (q.explain) {
      const sel = selectorPhrase('podSelector', p.podSelectorSource);
      if (rules.length === 0)
        reason = `${p.key} selects ${subject.key} (${sel}) for ${word} and has no ${word} rules: it allows nothing`;
      else if (allowing) reason = `${p.key} allows it: ${allowing.reason}`;
      else
        reason = `${p.key} selects ${subject.key} (${sel}) but no ${word} rule matches: ${results.map((r) => r.reason).join(' | ')}`;
    }
    policies.push({ policy: p.key, allows: !!allowing, reason, direction: dir, rules: results });
  }
  if (policies.length === 0) {
    return {
      allowed: true,
      isolated: false,
      policies,
      direction: dir,
      pod: subject.key,
      ...peer,
      reason: q.explain
        ? `no NetworkPolicy in ${subject.namespace} selects ${subject.key} for ${word}, so all ${word} is allowed`
        : '',
    };
  }
  const allowers = policies.filter((p) => p.allows);
  const allowed = allowers.length > 0;
  let reason = '';
  if (q.explain) {
    const by = policies.map((p) => p.policy).join(', ');
    reason = allowed
      ? `${subject.key} is isolated for ${word} (selected by ${by}); allowed by ${allowers.map((p) => p.policy).join(', ')}`
      : `${subject.key} is isolated for ${word} (selected by ${by}) and no rule of these policies allows ${q.protocol}/${q.port} ${dir === 'ingress' ? 'from' : 'to'} ${other.pod?.key ?? other.ipText}`;
  }
  return { allowed, isolated: true, policies, direction: dir, pod: subject.key, ...peer, reason };
}

/** True when both pods run on the same node (status.hostIP, else spec.nodeName). */
export function sameNode(a: PodEntry, b: PodEntry): boolean {
  const ha = a.pod.status?.hostIP ?? a.pod.spec?.nodeName;
  const hb = b.pod.status?.hostIP ?? b.pod.spec?.nodeName;
  return ha !== undefined && ha === hb;
}

function sameFamilyIp(pod: PodEntry, family: 4 | 6 | undefined): IpAddress | undefined {
  return pod.ips.find((i) => i.family === family) ?? pod.ips[0];
}

function openDirection(dir: Direction, reason: string, pod?: string): DirectionVerdict {
  const v: DirectionVerdict = {
    allowed: true,
    isolated: false,
    policies: [],
    direction: dir,
    reason,
  };
  if (pod) v.pod = pod;
  return v;
}

/** What the host network changes about a connection, in words ('' when neither end uses it). */
function hostNetworkNote(
  source: PodEntry,
  destination: PodEntry | undefined,
  toIP: string,
): string {
  const notes: string[] = [];
  if (source.hostNetwork)
    notes.push(
      `${source.key} uses the host network: its traffic comes from its node's address ${source.ip ?? ''}, which only an ipBlock matches`,
    );
  if (destination?.hostNetwork)
    notes.push(
      `${destination.key} uses the host network: traffic to it is traffic to its node's address ${toIP}, which only an ipBlock matches`,
    );
  return notes.length ? ` (${notes.join('; ')})` : '';
}

/** The words for a connection whose source shares its address with the destination. */
function selfReason(source: PodEntry, destination: PodEntry | undefined, toIP: string): string {
  if (!source.hostNetwork)
    return `${source.key} is connecting to its own address: a pod cannot block access to itself (Kubernetes NetworkPolicy docs), so policy does not apply`;
  const other = destination && destination !== source ? ` (where ${destination.key} listens)` : '';
  return `${source.key} uses the host network and ${toIP}${other} is its own node's address: the connection never leaves the node's network namespace, so policy does not apply`;
}

/** Marks a direction as belonging to a host-network pod. */
function onHostNetwork(v: DirectionVerdict, pod: PodEntry | undefined): DirectionVerdict {
  return pod?.hostNetwork ? { ...v, hostNetwork: true } : v;
}

/**
 * Evaluates a connection from a known pod to an address on the model. `explain: false`
 * skips building the words (the naive matrix evaluates millions of pairs). `toPod` names the
 * destination when it is a host-network pod, which its address alone does not identify.
 */
export function evaluateOnModel(
  model: NetpolModel,
  enforcing: boolean,
  source: PodEntry,
  toIP: string,
  port: number,
  protocol: Protocol,
  explain = true,
  toPod?: PodEntry,
): ConnectionVerdict {
  const destination = toPod?.hostNetwork ? toPod : model.podsByIp.get(toIP);
  const target = parseIp(toIP);
  const to = destination?.key ?? toIP;
  const self = source.ips.some((i) => target !== undefined && sameIp(i, target));
  const base = { from: source.key, to, toIP, port, protocol, self };
  if (self) {
    const why = explain ? selfReason(source, destination, toIP) : '';
    const into = destination?.hostNetwork ? destination : source;
    return {
      ...base,
      allowed: true,
      enforced: enforcing,
      egress: onHostNetwork(openDirection('egress', why, source.key), source),
      ingress: onHostNetwork(openDirection('ingress', why, into.key), into),
      reason: why,
    };
  }
  const q: Query = { port, protocol, explain };
  // Named ports resolve on pods; a host-network pod's address is the node's.
  if (destination && !destination.hostNetwork) q.destination = destination.pod;
  const egress = evaluateDirection(
    model,
    'egress',
    source,
    { pod: destination, ip: target, ipText: toIP },
    q,
  );
  let ingress: DirectionVerdict;
  if (!destination) {
    const node = model.nodesByIp.get(toIP);
    ingress = openDirection(
      'ingress',
      !explain
        ? ''
        : node
          ? `${toIP} is the address of node ${node}, not a pod: there is no ingress policy to pass; the source's egress policy still applies, as Calico and Cilium enforce it for traffic to nodes`
          : `${toIP} is not a pod's address: there is no ingress policy to pass, only the source's egress`,
    );
  } else if (source.hostNetwork && !destination.hostNetwork && sameNode(source, destination)) {
    ingress = {
      ...openDirection(
        'ingress',
        explain
          ? `${source.key} uses the host network of the node ${destination.key} runs on, and traffic from a pod's own node is always allowed (Kubernetes NetworkPolicy docs)`
          : '',
        destination.key,
      ),
      peerHostNetwork: true,
      fromOwnNode: true,
    };
  } else {
    ingress = evaluateDirection(
      model,
      'ingress',
      destination,
      { pod: source, ip: sameFamilyIp(source, target?.family), ipText: source.ip ?? source.key },
      q,
    );
  }
  const allowed = egress.allowed && ingress.allowed;
  let reason = '';
  if (explain) {
    const what = `${protocol}/${port} from ${source.key} to ${to}`;
    if (allowed)
      reason = `${what} is allowed: ${destination ? 'egress and ingress both allow it' : 'egress allows it'}`;
    else if (!egress.allowed && !ingress.allowed)
      reason = `${what} is denied by egress policy at ${source.key} and by ingress policy at ${to}`;
    else if (!egress.allowed) reason = `${what} is denied by egress policy at ${source.key}`;
    else reason = `${what} is denied by ingress policy at ${to}`;
    reason += hostNetworkNote(source, destination, toIP);
  }
  const verdict: ConnectionVerdict = { ...base, allowed, enforced: true, egress, ingress, reason };
  if (enforcing) return verdict;
  const why = explain
    ? "the cluster's network plugin does not enforce NetworkPolicy (as with Flannel): every connection is allowed whatever the policies say"
    : '';
  return {
    ...base,
    allowed: true,
    enforced: false,
    egress: openDirection('egress', why, source.key),
    ingress: openDirection('ingress', why, destination?.key),
    reason: why,
    ifEnforced: verdict,
  };
}

/** The model's entry for a pod; a pod object not (or no longer) in the state is still evaluated on its own labels. */
function entryOf(model: NetpolModel, pod: Stored<Pod>): PodEntry {
  const known = model.podsByKey.get(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
  return known && known.pod === pod ? known : podEntry(pod);
}

/** Whether NetworkPolicy lets `query.from` reach `query.toIP` on the port and protocol, and why. */
export function evaluateConnection(state: ClusterState, query: ConnectionQuery): ConnectionVerdict {
  const model = netpolModel(state);
  const source = entryOf(model, query.from);
  return evaluateOnModel(
    model,
    state.settings.networkPolicy !== 'not-enforcing',
    source,
    query.toIP,
    query.port,
    query.protocol,
    true,
    query.toPod?.spec?.hostNetwork ? entryOf(model, query.toPod) : undefined,
  );
}

/** Evaluates source pod → destination pod (by its IP) on one model; the per-cell explanation of a matrix. */
export function evaluatePair(
  model: NetpolModel,
  enforcing: boolean,
  source: PodEntry,
  destination: PodEntry,
  port: number,
  protocol: Protocol,
  explain = true,
): ConnectionVerdict {
  return evaluateOnModel(
    model,
    enforcing,
    source,
    destination.ip ?? '',
    port,
    protocol,
    explain,
    destination.hostNetwork ? destination : undefined,
  );
}
