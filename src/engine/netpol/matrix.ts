/**
 * The whole truth table at once, with bit sets: per policy the selected pods, per rule the
 * peer set and the set of destinations whose port matches, then one OR/AND pass per
 * distinct set of applicable rules. Same semantics as evaluate.ts (the property tests hold
 * them equal); each cell's explanation comes from the pair-by-pair evaluator.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { ClusterState } from '../cluster/index.ts';
import {
  and,
  andInto,
  andNotInto,
  type Bits,
  emptyBits,
  forEachBit,
  fullBits,
  hasBit,
  isEmpty,
  orInto,
  rangeBits,
  setBit,
  words,
} from './bitset.ts';
import { evaluatePair, sameNode } from './evaluate.ts';
import type { ConnectionVerdict } from './index.ts';
import { cidrHolds } from './ip.ts';
import {
  netpolModel,
  type NetpolModel,
  type PeerSpec,
  type PodEntry,
  type PolicySpec,
  type Protocol,
  type RuleSpec,
} from './model.ts';
import { compileLabelSelector } from '../labels/index.ts';

/** What to tabulate: one port and protocol, over the pods `include` keeps (default: all with an IP). */
export interface ProbeOptions {
  port: number;
  protocol: Protocol;
  include?: (pod: PodEntry) => boolean;
}

/** A truth table: rows are sources, columns destinations, both in `pods` order. */
export interface ProbeMatrix {
  port: number;
  protocol: Protocol;
  enforced: boolean;
  /** `ns/name`, sorted by namespace then name. */
  pods: string[];
  allowed(from: number, to: number): boolean;
  toBooleans(): boolean[][];
  /** The full explanation of one cell (evaluated pair by pair). */
  explain(from: number, to: number): ConnectionVerdict;
}

/** Selector → bit set over the universe, from an inverted label index. */
class Universe {
  readonly n: number;
  readonly w: number;
  readonly all: Bits;
  readonly nonHost: Bits;
  private readonly byLabel = new Map<string, Map<string, number[]>>();
  private readonly byKey = new Map<string, number[]>();
  private readonly nsRange = new Map<string, [number, number]>();
  private readonly selCache = new Map<string, Bits>();
  private readonly nsSelCache = new Map<string, Bits>();
  private readonly nsCache = new Map<string, Bits>();
  private readonly ipCache = new Map<string, Bits>();

  constructor(
    readonly model: NetpolModel,
    readonly pods: PodEntry[],
  ) {
    this.n = pods.length;
    this.w = words(this.n);
    this.all = fullBits(this.n);
    this.nonHost = fullBits(this.n);
    pods.forEach((p, i) => {
      if (p.hostNetwork) this.nonHost[i >>> 5]! &= ~(1 << (i & 31));
      const r = this.nsRange.get(p.namespace);
      if (r) r[1] = i + 1;
      else this.nsRange.set(p.namespace, [i, i + 1]);
      for (const [k, v] of Object.entries(p.labels)) {
        let vals = this.byLabel.get(k);
        if (!vals) this.byLabel.set(k, (vals = new Map()));
        const list = vals.get(v);
        if (list) list.push(i);
        else vals.set(v, [i]);
        const keyed = this.byKey.get(k);
        if (keyed) keyed.push(i);
        else this.byKey.set(k, [i]);
      }
    });
  }

  private fromList(list: number[] | undefined): Bits {
    const b = emptyBits(this.w);
    for (const i of list ?? []) setBit(b, i);
    return b;
  }

  /** Pods (anywhere) whose labels match the selector. */
  select(sel: LabelSelector): Bits {
    const key = JSON.stringify(sel);
    const hit = this.selCache.get(key);
    if (hit) return hit;
    const out = this.all.slice();
    for (const [k, v] of Object.entries(sel.matchLabels ?? {}))
      andInto(out, this.fromList(this.byLabel.get(k)?.get(v)));
    for (const e of sel.matchExpressions ?? []) {
      const vals = this.byLabel.get(e.key);
      const anyOf = (): Bits => {
        const b = emptyBits(this.w);
        for (const v of new Set(e.values ?? [])) orInto(b, this.fromList(vals?.get(v)));
        return b;
      };
      if (e.operator === 'In') andInto(out, anyOf());
      else if (e.operator === 'NotIn') andNotInto(out, anyOf());
      else if (e.operator === 'Exists') andInto(out, this.fromList(this.byKey.get(e.key)));
      else if (e.operator === 'DoesNotExist') andNotInto(out, this.fromList(this.byKey.get(e.key)));
      else out.fill(0);
    }
    this.selCache.set(key, out);
    return out;
  }

  /** Pods of one namespace. */
  namespace(ns: string): Bits {
    let b = this.nsCache.get(ns);
    if (!b) {
      const r = this.nsRange.get(ns);
      b = r ? rangeBits(this.w, r[0], r[1]) : emptyBits(this.w);
      this.nsCache.set(ns, b);
    }
    return b;
  }

  /** Pods of every namespace whose labels match the selector. */
  namespaces(sel: LabelSelector): Bits {
    const key = JSON.stringify(sel);
    const hit = this.nsSelCache.get(key);
    if (hit) return hit;
    const pred = compileLabelSelector(sel);
    const out = emptyBits(this.w);
    for (const [ns, [lo, hi]] of this.nsRange) {
      if (!pred(this.model.namespaceLabels.get(ns) ?? {})) continue;
      for (let i = lo; i < hi; i++) setBit(out, i);
    }
    this.nsSelCache.set(key, out);
    return out;
  }

  /** Pods whose address lies in the ipBlock (host-network pods included: it matches addresses). */
  ipBlock(peer: NonNullable<PeerSpec['ipBlock']>): Bits {
    const { cidr, except } = peer;
    const key = `${cidr?.text ?? ''}|${except.map((e) => e.text).join(',')}`;
    const hit = this.ipCache.get(key);
    if (hit) return hit;
    const out = emptyBits(this.w);
    this.ipCache.set(key, out);
    if (!cidr) return out;
    this.pods.forEach((p, i) => {
      const ip = p.ips[0];
      if (ip && cidrHolds(cidr, ip) && !except.some((e) => cidrHolds(e, ip))) setBit(out, i);
    });
    return out;
  }
}

/** Peers of a rule as a set of pods; undefined means every source/destination. */
function peerBits(u: Universe, policy: PolicySpec, rule: RuleSpec): Bits | undefined {
  if (!rule.peers) return undefined;
  const out = emptyBits(u.w);
  for (const peer of rule.peers) {
    if (peer.ipBlock) {
      orInto(out, u.ipBlock(peer.ipBlock));
      continue;
    }
    const src = peer.source;
    const b = src.namespaceSelector
      ? u.namespaces(src.namespaceSelector).slice()
      : u.namespace(policy.namespace).slice();
    if (src.podSelector) andInto(b, u.select(src.podSelector));
    andInto(b, u.nonHost);
    orInto(out, b);
  }
  return out;
}

/** Destinations whose port matches the rule; undefined means every destination. */
function portBits(
  u: Universe,
  rule: RuleSpec,
  protocol: Protocol,
  port: number,
  named: Map<string, Bits>,
): Bits | undefined {
  if (!rule.ports) return undefined;
  const out = emptyBits(u.w);
  for (const e of rule.ports) {
    if (e.protocol !== protocol) continue;
    if (e.port === undefined) return undefined;
    if (typeof e.port === 'number') {
      const hi = e.endPort ?? e.port;
      if (port >= e.port && port <= hi) return undefined;
      continue;
    }
    const b = named.get(e.port);
    if (b) orInto(out, b);
  }
  return out;
}

/** Per container-port name: the pods that declare it as `protocol`/`port`. */
function namedPorts(u: Universe, protocol: Protocol, port: number): Map<string, Bits> {
  const out = new Map<string, Bits>();
  for (let i = 0; i < u.pods.length; i++) {
    const p = u.pods[i]!;
    // Named ports resolve on pods only; a host-network pod's address is the node's.
    if (p.hostNetwork || u.model.podsByIp.get(p.ip ?? '') !== p) continue;
    for (const np of p.namedPorts) {
      if (np.protocol !== protocol || np.port !== port) continue;
      let b = out.get(np.name);
      if (!b) out.set(np.name, (b = emptyBits(u.w)));
      setBit(b, i);
    }
  }
  return out;
}

/** A bit set stored as its non-zero words only, from word `lo`. */
interface Ranged {
  lo: number;
  words: Bits;
}

function ranged(b: Bits): Ranged {
  let lo = 0;
  let hi = b.length;
  while (lo < hi && b[lo] === 0) lo++;
  while (hi > lo && b[hi - 1] === 0) hi--;
  return { lo, words: b.slice(lo, hi) };
}

function combine(parts: Array<Bits | undefined>, u: Universe): Bits {
  const out = u.all.slice();
  for (const p of parts) if (p) andInto(out, p);
  return out;
}

/** The bit matrix: row i holds the destinations source i may reach. */
function computeRows(u: Universe, port: number, protocol: Protocol): Uint32Array {
  const { n, w } = u;
  const named = namedPorts(u, protocol, port);
  const ingressIsolated = emptyBits(w);
  const ingressBase = emptyBits(w);
  // Each ingress rule allows peers × targets. Targets lie inside one namespace (a contiguous
  // run of pods), so they are kept as their few non-zero words.
  const ingressPairs: Array<{ peers: Bits; targets: Ranged }> = [];
  const egressIsolated = emptyBits(w);
  const egressDests: Bits[] = [];
  const egressBySource: Array<number[] | undefined> = new Array<number[] | undefined>(n);

  for (const policy of u.model.policies) {
    const ns = u.namespace(policy.namespace);
    if (isEmpty(ns)) continue;
    const selected = and(and(u.select(policy.podSelectorSource), ns), u.nonHost);
    if (isEmpty(selected)) continue;
    if (policy.ingress) {
      orInto(ingressIsolated, selected);
      for (const rule of policy.ingress) {
        const targets = combine([selected, portBits(u, rule, protocol, port, named)], u);
        if (isEmpty(targets)) continue;
        const peers = peerBits(u, policy, rule);
        if (!peers) orInto(ingressBase, targets);
        else if (!isEmpty(peers)) ingressPairs.push({ peers, targets: ranged(targets) });
      }
    }
    if (policy.egress) {
      orInto(egressIsolated, selected);
      const ids: number[] = [];
      for (const rule of policy.egress) {
        const dests = combine(
          [peerBits(u, policy, rule), portBits(u, rule, protocol, port, named)],
          u,
        );
        if (!isEmpty(dests)) ids.push(egressDests.push(dests) - 1);
      }
      if (ids.length > 0)
        forEachBit(selected, (s) => {
          const list = egressBySource[s];
          if (list) list.push(...ids);
          else egressBySource[s] = [...ids];
        });
    }
  }
  // Destinations not isolated for ingress accept every source.
  const notIsolated = u.all.slice();
  andNotInto(notIsolated, ingressIsolated);
  orInto(ingressBase, notIsolated);

  const rows = new Uint32Array(n * w);
  for (let s = 0; s < n; s++) rows.set(ingressBase, s * w);
  for (const { peers, targets } of ingressPairs) {
    const { lo, words: t } = targets;
    for (let wi = 0; wi < peers.length; wi++) {
      let v = peers[wi]!;
      while (v !== 0) {
        const low = v & -v;
        v ^= low;
        const at = ((wi << 5) + 31 - Math.clz32(low)) * w + lo;
        for (let k = 0; k < t.length; k++) rows[at + k]! |= t[k]!;
      }
    }
  }
  const egressMemo = new Map<string, Bits>();
  for (let s = 0; s < n; s++) {
    const row = rows.subarray(s * w, (s + 1) * w);
    if (hasBit(egressIsolated, s)) {
      const outIds = egressBySource[s] ?? [];
      const outKey = outIds.join(',');
      let outRow = egressMemo.get(outKey);
      if (!outRow) {
        outRow = emptyBits(w);
        for (const id of outIds) orInto(outRow, egressDests[id]!);
        egressMemo.set(outKey, outRow);
      }
      andInto(row, outRow);
    }
    // A pod cannot block access to itself.
    setBit(row, s);
  }
  // Traffic from a pod's own node is always allowed: host-network sources reach every pod
  // on their node (their egress is never isolated).
  for (let s = 0; s < n; s++) {
    const src = u.pods[s]!;
    if (!src.hostNetwork) continue;
    const row = rows.subarray(s * w, (s + 1) * w);
    for (let d = 0; d < n; d++) if (sameNode(src, u.pods[d]!)) setBit(row, d);
  }
  // Pods sharing an address (host-network pods on the node's IP) reach "themselves".
  const byIp = new Map<string, number[]>();
  u.pods.forEach((p, i) => {
    const list = byIp.get(p.ip ?? '');
    if (list) list.push(i);
    else byIp.set(p.ip ?? '', [i]);
  });
  for (const group of byIp.values()) {
    if (group.length < 2) continue;
    for (const a of group) for (const b of group) setBit(rows.subarray(a * w, (a + 1) * w), b);
  }
  return rows;
}

/** The NetworkPolicy truth table for one port and protocol. */
export function probeMatrix(state: ClusterState, options: ProbeOptions): ProbeMatrix {
  const model = netpolModel(state);
  const include = options.include ?? (() => true);
  const pods = model.pods.filter((p) => p.ip !== undefined && include(p));
  const u = new Universe(model, pods);
  const enforced = state.settings.networkPolicy !== 'not-enforcing';
  const { port, protocol } = options;
  const rows = enforced ? computeRows(u, port, protocol) : undefined;
  const w = u.w;
  const allowed = (i: number, j: number): boolean =>
    !rows || (rows[i * w + (j >>> 5)]! & (1 << (j & 31))) !== 0;
  return {
    port,
    protocol,
    enforced,
    pods: pods.map((p) => p.key),
    allowed,
    toBooleans: () => pods.map((_, i) => pods.map((__, j) => allowed(i, j))),
    explain: (i, j) => evaluatePair(model, enforced, pods[i]!, pods[j]!, port, protocol),
  };
}
