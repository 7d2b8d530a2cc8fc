/**
 * Reachability mode: from one pod, which pods and Services NetworkPolicy lets it reach on a
 * port, and which pods may reach it — the selected pod's row and column of the truth table
 * (the engine's probeMatrix, the same table `probe` prints).
 */
import { resolveTargetPort, type ClusterState, type Protocol } from '../../engine/model.ts';
import type { Runtime } from '../../store/index.ts';
import { clusterFacts, podRef } from './facts.ts';

export interface ReachCell {
  /** Source → this pod (or Service) allowed. Undefined when the question does not apply. */
  out?: boolean;
  /** This pod → source allowed. */
  in?: boolean;
}

export interface ReachMap {
  source: string;
  port: number;
  protocol: Protocol;
  enforced: boolean;
  cells: Map<string, ReachCell>;
}

type Matrix = ReturnType<Runtime['probeMatrix']>;
const matrices = new WeakMap<
  ClusterState,
  Map<string, { m: Matrix; index: Map<string, number> }>
>();
const maps = new WeakMap<ClusterState, Map<string, ReachMap>>();

function matrix(rt: Runtime, state: ClusterState, port: number, protocol: Protocol) {
  let byPort = matrices.get(state);
  if (!byPort) matrices.set(state, (byPort = new Map()));
  const key = `${port}/${protocol}`;
  let hit = byPort.get(key);
  if (!hit) {
    const m = rt.probeMatrix(state, { port, protocol });
    hit = { m, index: new Map(m.pods.map((p, i) => [p, i])) };
    byPort.set(key, hit);
  }
  return hit;
}

/** The source pod's row and column on one port; a Service counts as reachable through any ready endpoint. */
export function reachFrom(
  rt: Runtime,
  state: ClusterState,
  source: string,
  port: number,
  protocol: Protocol,
): ReachMap | undefined {
  const key = `${source}|${port}|${protocol}`;
  let byKey = maps.get(state);
  if (!byKey) maps.set(state, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const { m, index } = matrix(rt, state, port, protocol);
  const src = index.get(source);
  if (src === undefined) return undefined;
  const cells = new Map<string, ReachCell>();
  for (const [ref, i] of index) {
    if (i === src) continue;
    cells.set(`Pod/${ref}`, { out: m.allowed(src, i), in: m.allowed(i, src) });
  }
  const facts = clusterFacts(state);
  const pods = new Map<string, { spec?: unknown }>();
  for (const f of facts.namespaces.values()) for (const p of f.pods) pods.set(podRef(p), p);
  for (const f of facts.namespaces.values()) {
    for (const svc of f.services) {
      const ports = (svc.spec?.ports ?? []).filter(
        (p) => p.port === port && (p.protocol ?? 'TCP') === protocol,
      );
      if (ports.length === 0) continue;
      let any = false;
      for (const ep of facts.endpoints.get(podRef(svc))?.ready ?? []) {
        const pod = pods.get(ep);
        if (!pod || ep === source) continue;
        for (const sp of ports) {
          const target = resolveTargetPort(sp, pod as never);
          if (target === undefined) continue;
          const t = matrix(rt, state, target, protocol);
          const j = t.index.get(ep);
          if (j !== undefined && t.m.allowed(src, j)) any = true;
        }
      }
      cells.set(`Service/${podRef(svc)}`, { out: any });
    }
  }
  const map: ReachMap = { source, port, protocol, enforced: m.enforced, cells };
  byKey.set(key, map);
  return map;
}
