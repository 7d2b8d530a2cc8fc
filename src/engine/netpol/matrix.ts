/**
 * The whole truth table at once, with bit sets: per policy the selected pods, per rule the
 * peer set and the set of destinations whose port matches (universe.ts), then one OR/AND
 * pass per source. Same semantics as evaluate.ts (the property tests hold them equal);
 * each cell's explanation comes from the pair-by-pair evaluator.
 */
import type { ClusterState } from '../cluster/index.ts';
import {
  and,
  andInto,
  andNotInto,
  type Bits,
  emptyBits,
  forEachBit,
  hasBit,
  isEmpty,
  orInto,
  setBit,
} from './bitset.ts';
import { evaluatePair, sameNode } from './evaluate.ts';
import type { ConnectionVerdict } from './index.ts';
import { netpolModel, type PodEntry, type Protocol } from './model.ts';
import { combine, namedPorts, peerBits, portBits, Universe } from './universe.ts';

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
