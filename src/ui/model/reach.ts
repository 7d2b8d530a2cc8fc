/**
 * Reachability mode: from one pod, which pods and Services NetworkPolicy lets it reach on a
 * port, and which pods may reach it — the selected pod's row and column of the truth table
 * (`probe`), computed with the engine's evaluateConnection.
 */
import type { ClusterState, Pod, Service, Stored } from '../../engine/index.ts';
import { resolveTargetPort } from '../../engine/cluster/controllers/endpoints.ts';
import { getObject } from '../../engine/cluster/state.ts';
import type { ConnectionVerdict, Protocol } from '../../engine/netpol/index.ts';
import type { Runtime } from '../../store/index.ts';
import { clusterFacts, podRef } from './facts.ts';

export interface ReachCell {
  /** Source → this pod (or Service) allowed. Undefined when the question does not apply. */
  out?: boolean;
  /** This pod → source allowed. */
  in?: boolean;
  /** The verdict's reason for `out` (and `in` for pods). */
  outReason?: string;
  inReason?: string;
}

export interface ReachMap {
  source: string;
  port: number;
  protocol: Protocol;
  cells: Map<string, ReachCell>;
}

function verdict(
  rt: Runtime,
  state: ClusterState,
  from: Stored<Pod>,
  to: Stored<Pod>,
  port: number,
  protocol: Protocol,
): ConnectionVerdict | undefined {
  const toIP = to.status?.podIP;
  if (!toIP) return undefined;
  try {
    return rt.evaluateConnection(state, { from, toIP, port, protocol });
  } catch {
    return undefined;
  }
}

const cache = new WeakMap<ClusterState, Map<string, ReachMap>>();

/** The source pod's row and column on one port; Services count as reachable through any endpoint. */
export function reachFrom(
  rt: Runtime,
  state: ClusterState,
  source: string,
  port: number,
  protocol: Protocol,
): ReachMap | undefined {
  const key = `${source}|${port}|${protocol}`;
  let byKey = cache.get(state);
  if (!byKey) cache.set(state, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const [ns, name] = source.split('/') as [string, string];
  const from = getObject<Pod>(state, 'Pod', ns, name);
  if (!from) return undefined;
  const facts = clusterFacts(state);
  const cells = new Map<string, ReachCell>();
  const pods = new Map<string, Stored<Pod>>();
  for (const f of facts.namespaces.values()) for (const p of f.pods) pods.set(podRef(p), p);
  for (const [ref, pod] of pods) {
    if (ref === source) continue;
    const o = verdict(rt, state, from, pod, port, protocol);
    const i = verdict(rt, state, pod, from, port, protocol);
    cells.set(`Pod/${ref}`, {
      ...(o ? { out: o.allowed, outReason: o.reason } : {}),
      ...(i ? { in: i.allowed, inReason: i.reason } : {}),
    });
  }
  for (const f of facts.namespaces.values()) {
    for (const svc of f.services) {
      const ports = (svc.spec?.ports ?? []).filter(
        (p) => p.port === port && (p.protocol ?? 'TCP') === protocol,
      );
      if (ports.length === 0) continue;
      const eps = facts.endpoints.get(podRef(svc))?.ready ?? [];
      let any = false;
      let reason = eps.length === 0 ? 'the Service has no ready endpoints' : '';
      for (const ep of eps) {
        const pod = pods.get(ep);
        if (!pod || ep === source) continue;
        for (const sp of ports) {
          const target = resolveTargetPort(sp, pod);
          if (target === undefined) continue;
          const v = verdict(rt, state, from, pod, target, protocol);
          if (v?.allowed) any = true;
          else if (v && !reason) reason = v.reason;
        }
      }
      cells.set(`Service/${podRef(svc)}`, {
        out: any,
        outReason: any ? 'allowed to at least one endpoint' : reason || 'no endpoint allows it',
      });
    }
  }
  const map: ReachMap = { source, port, protocol, cells };
  byKey.set(key, map);
  return map;
}

/** The Service a `Service/ns/name` key names, for the inspector. */
export function serviceOf(state: ClusterState, ns: string, name: string) {
  return getObject<Service>(state, 'Service', ns, name);
}
