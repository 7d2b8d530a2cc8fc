/**
 * The verdict diff between two states of the history: which objects changed, which pod-to-pod
 * connections NetworkPolicy now allows or blocks (on the ports the pods declare), which
 * ServiceAccount permissions appeared or went — each with the object that decided it.
 */
import {
  globalKey,
  listObjects,
  type ClusterState,
  type ConnectionVerdict,
  type KubeObject,
  type Pod,
} from '../../engine/model.ts';
import type { ConnectionTestSpec, Runtime } from '../../store/index.ts';

export interface ObjectChange {
  key: string;
  change: 'added' | 'removed' | 'changed';
}

export interface ConnectionChange {
  from: string;
  to: string;
  port: string;
  now: boolean;
  /** The later state's reason (naming the policy that decides). */
  reason: string;
}

export interface PermissionChange {
  account: string;
  rule: string;
  /** The binding that grants (or granted) it. */
  via: string;
  now: boolean;
}

export interface VerdictDiff {
  objects: ObjectChange[];
  connections: ConnectionChange[];
  connectionsTotal: number;
  tests: { label: string; before: boolean | undefined; after: boolean | undefined }[];
  permissions: PermissionChange[];
  settings: string[];
}

const IGNORED = new Set(['Endpoints', 'EndpointSlice', 'ReplicaSet']);
const MAX_LISTED = 40;

function objectIndex(state: ClusterState): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>();
  for (const [kind, byKey] of state.objects) {
    if (IGNORED.has(kind)) continue;
    for (const o of byKey.values()) out.set(globalKey(o), o);
  }
  return out;
}

function declaredPorts(state: ClusterState): { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[] {
  const seen = new Map<string, { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }>();
  for (const p of listObjects<Pod>(state, 'Pod'))
    for (const c of p.spec?.containers ?? [])
      for (const cp of c.ports ?? []) {
        const protocol = (cp.protocol ?? 'TCP') as 'TCP' | 'UDP' | 'SCTP';
        seen.set(`${cp.containerPort}/${protocol}`, { port: cp.containerPort, protocol });
      }
  return [...seen.values()].slice(0, 6);
}

function grants(rt: Runtime, state: ClusterState): Map<string, PermissionChange> {
  const out = new Map<string, PermissionChange>();
  for (const sa of listObjects(state, 'ServiceAccount')) {
    const ns = sa.metadata.namespace ?? '';
    const account = `${ns}/${sa.metadata.name}`;
    for (const g of rt.rulesFor(state, rt.serviceAccountUser(ns, sa.metadata.name), ns).grants) {
      // Everyone's discovery rules (bound to system:authenticated) are noise here.
      if (g.subject.kind === 'Group' && g.subject.name === 'system:authenticated') continue;
      const r = g.rule;
      const rule = `${(r.verbs ?? []).join(',')} ${(r.resources ?? r.nonResourceURLs ?? []).join(',')}`;
      out.set(`${account}|${rule}|${rt.describeSource(g)}`, {
        account,
        rule,
        via: rt.describeSource(g),
        now: true,
      });
    }
  }
  return out;
}

/** The engine's deciding direction: the failing one when blocked (it names the isolating policies). */
function why(rt: Runtime, v: ConnectionVerdict): string {
  return v.allowed ? v.reason : (rt.verdictDirection(v)?.reason ?? v.reason);
}

export function verdictDiff(
  rt: Runtime,
  a: { cluster: ClusterState; tests: readonly ConnectionTestSpec[] },
  b: { cluster: ClusterState; tests: readonly ConnectionTestSpec[] },
): VerdictDiff {
  const before = objectIndex(a.cluster);
  const after = objectIndex(b.cluster);
  const objects: ObjectChange[] = [];
  for (const [k, o] of after) {
    const old = before.get(k);
    if (!old) objects.push({ key: k, change: 'added' });
    else if (
      old !== o &&
      (o.kind !== 'Pod' ||
        JSON.stringify(old.metadata.labels) !== JSON.stringify(o.metadata.labels) ||
        old.spec !== o.spec)
    )
      objects.push({ key: k, change: 'changed' });
  }
  for (const k of before.keys()) if (!after.has(k)) objects.push({ key: k, change: 'removed' });

  const connections: ConnectionChange[] = [];
  let connectionsTotal = 0;
  for (const { port, protocol } of declaredPorts(b.cluster)) {
    const ma = rt.probeMatrix(a.cluster, { port, protocol });
    const mb = rt.probeMatrix(b.cluster, { port, protocol });
    const ia = new Map(ma.pods.map((p, i) => [p, i]));
    for (let i = 0; i < mb.pods.length; i++) {
      const fi = ia.get(mb.pods[i]!);
      if (fi === undefined) continue;
      for (let j = 0; j < mb.pods.length; j++) {
        if (i === j) continue;
        const tj = ia.get(mb.pods[j]!);
        if (tj === undefined) continue;
        const now = mb.allowed(i, j);
        if (now === ma.allowed(fi, tj)) continue;
        connectionsTotal++;
        if (connections.length < MAX_LISTED)
          connections.push({
            from: mb.pods[i]!,
            to: mb.pods[j]!,
            port: `${port}/${protocol}`,
            now,
            reason: why(rt, mb.explain(i, j)),
          });
      }
    }
  }

  const ra = new Map(
    rt
      .runConnectionTests(a.cluster, a.tests)
      .map((r) => [`${r.spec.from} → ${r.spec.url}`, r.result?.ok]),
  );
  const rb = new Map(
    rt
      .runConnectionTests(b.cluster, b.tests)
      .map((r) => [`${r.spec.from} → ${r.spec.url}`, r.result?.ok]),
  );
  const tests = [...new Set([...ra.keys(), ...rb.keys()])]
    .filter((k) => ra.get(k) !== rb.get(k))
    .map((label) => ({ label, before: ra.get(label), after: rb.get(label) }));

  const ga = grants(rt, a.cluster);
  const gb = grants(rt, b.cluster);
  const permissions: PermissionChange[] = [];
  for (const [k, g] of gb) if (!ga.has(k)) permissions.push(g);
  for (const [k, g] of ga) if (!gb.has(k)) permissions.push({ ...g, now: false });

  const settings: string[] = [];
  if (a.cluster.settings.networkPolicy !== b.cluster.settings.networkPolicy)
    settings.push(
      `Network plugin: ${a.cluster.settings.networkPolicy} → ${b.cluster.settings.networkPolicy}`,
    );
  return {
    objects,
    connections,
    connectionsTotal,
    tests,
    permissions: permissions.slice(0, MAX_LISTED),
    settings,
  };
}
