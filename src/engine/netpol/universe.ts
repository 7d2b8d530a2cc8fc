/**
 * The pods of one truth table as bit sets: an inverted label index turns a selector into the
 * set of pods it matches, and each rule's peers and ports into sets, with the same semantics
 * as the pair-by-pair evaluator (evaluate.ts).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { compileLabelSelector } from '../labels/index.ts';
import {
  andInto,
  andNotInto,
  type Bits,
  emptyBits,
  fullBits,
  orInto,
  rangeBits,
  setBit,
  words,
} from './bitset.ts';
import { cidrHolds } from '../cluster/index.ts';
import type { NetpolModel, PeerSpec, PodEntry, PolicySpec, Protocol, RuleSpec } from './model.ts';

/** Selector → bit set over the universe, from an inverted label index. */
export class Universe {
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
export function peerBits(u: Universe, policy: PolicySpec, rule: RuleSpec): Bits | undefined {
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
export function portBits(
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
export function namedPorts(u: Universe, protocol: Protocol, port: number): Map<string, Bits> {
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

/** The intersection of the given sets (undefined: everything). */
export function combine(parts: Array<Bits | undefined>, u: Universe): Bits {
  const out = u.all.slice();
  for (const p of parts) if (p) andInto(out, p);
  return out;
}
