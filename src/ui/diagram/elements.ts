/**
 * toFlowElements: the pure function from cluster state to React Flow nodes and edges. Called
 * in a useMemo of the diagram (never inside a store selector). Unchanged nodes keep their
 * object identity through `stabilize`, so React Flow re-renders only what changed.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import {
  hopHeadline,
  objectId,
  type ClusterState,
  type Hop,
  type ObjectRef,
} from '../../engine/model.ts';
import type { ConnectionTestResult } from '../../store/index.ts';
import {
  clusterFacts,
  podRef,
  podStatus,
  servicePorts,
  visibleLabels,
  type ClusterFacts,
  type NamespaceFacts,
} from '../model/facts.ts';
import type { ReachMap } from '../model/reach.ts';
import { layoutRoom, MAX_PODS_DRAWN, MAX_SA, placeRooms, type RoomLayout } from './layout.ts';
import type { Bounds } from './zoom.ts';

export interface RoomData extends Record<string, unknown> {
  name: string;
  labels: [string, string][];
  policies: string[];
  system: boolean;
  counts: { pods: number; services: number };
  enforcing: boolean;
}

export interface PodData extends Record<string, unknown> {
  name: string;
  namespace: string;
  ip: string;
  status: string;
  ready: boolean;
  serviceAccount: string;
  labels: [string, string][];
  showLabels: boolean;
  ingress: string[];
  egress: string[];
  enforcing: boolean;
  selected: boolean;
  reach?: { role: 'source' } | { role: 'peer'; out?: boolean; in?: boolean };
}

export interface ServiceData extends Record<string, unknown> {
  name: string;
  namespace: string;
  dns: string;
  type: string;
  clusterIP: string;
  ports: string;
  endpoints: number;
  /** For an ExternalName Service: the name it aliases (it has no endpoints by design). */
  externalName?: string;
  selected: boolean;
  reach?: { out?: boolean };
}

export interface AccountData extends Record<string, unknown> {
  name: string;
  namespace: string;
  selected: boolean;
  more?: number;
}

export interface TestEdgeData extends Record<string, unknown> {
  ok: boolean;
  text: string;
  detail: string;
  focused: boolean;
  /** Connection tests drawn as this one line (same source and target); 1 unless collapsed. */
  count: number;
  /** How many of them are blocked. */
  blocked: number;
}

/** The card standing for the desks a crowded room does not draw. */
export interface MorePodsData extends Record<string, unknown> {
  namespace: string;
  more: number;
}

export type RoomNode = Node<RoomData, 'room'>;
export type MorePodsNode = Node<MorePodsData, 'morePods'>;
export type PodNode = Node<PodData, 'pod'>;
export type ServiceNode = Node<ServiceData, 'service'>;
export type AccountNode = Node<AccountData, 'account'>;
export type LabNode = RoomNode | PodNode | ServiceNode | AccountNode | MorePodsNode;

export interface FlowInput {
  state: ClusterState;
  rooms: readonly string[];
  showLabels: boolean;
  selected: string | null;
  tests: readonly ConnectionTestResult[];
  focusedTest: string | null;
  reach: ReachMap | undefined;
}

/**
 * The node a connection test's line ends at: who answered, else the chosen endpoint, the pod
 * that refused, the Service or the pod the packet was headed for — read from the engine's
 * typed hops, the request's own first, then its DNS traffic's (a query that went to kube-dns).
 */
function testTarget(t: ConnectionTestResult, ids: Set<string>): string | undefined {
  const r = t.result;
  if (!r) return undefined;
  const candidates: ObjectRef[] = [];
  const collect = (hops: readonly Hop[]) => {
    for (const kind of ['endpoint', 'listen', 'service', 'ingress', 'egress'] as const)
      for (const h of hops) {
        if (h.kind !== kind) continue;
        const ref =
          h.kind === 'endpoint'
            ? h.to.pod
            : h.kind === 'listen'
              ? h.pod
              : h.kind === 'service'
                ? h.object
                : h.to.pod;
        if (ref) candidates.push(ref);
      }
  };
  collect(r.hops);
  for (const h of r.hops)
    if (h.kind === 'dns' && h.step === 'lookup') collect(h.resolution.transport.hops);
  const answered = r.answeredBy ? `Pod/${r.answeredBy}` : undefined;
  if (answered && ids.has(answered)) return answered;
  return candidates.map(objectId).find((id) => ids.has(id));
}

/** Edge label text: the verdict in a word, plus the engine's deciding hop in a few words. */
export function testLabel(t: ConnectionTestResult): { ok: boolean; text: string; detail: string } {
  if (!t.present || !t.result) return { ok: false, text: 'Source pod is gone', detail: '' };
  const ok = t.result.ok;
  const d = t.deciding;
  const stage = d ? (d.stage === d.hop ? d.hop.kind : `${d.stage.kind} (${d.hop.kind})`) : '';
  return {
    ok,
    text: ok
      ? `Allowed${t.result.answeredBy ? ` · answered by ${t.result.answeredBy}` : ''}`
      : `Blocked${d ? ` at ${stage} · ${hopHeadline(d.hop)}` : ''}`,
    detail: t.result.hops.map((h) => `${h.ok ? '✓' : '✕'} ${h.summary}`).join('\n'),
  };
}

/** The rooms of the building placed on the plan: the part of the diagram every view needs. */
export interface FloorPlan {
  facts: ClusterFacts;
  /** Namespaces in plan order (the learner's room order, then any others). */
  rooms: string[];
  layouts: Map<string, RoomLayout>;
  positions: Map<string, { x: number; y: number }>;
}

export function floorPlan(input: Pick<FlowInput, 'state' | 'rooms' | 'showLabels'>): FloorPlan {
  const facts = clusterFacts(input.state);
  const layouts = new Map<string, RoomLayout>();
  for (const [name, f] of facts.namespaces) layouts.set(name, layoutRoom(f, input.showLabels));
  const rooms = [
    ...input.rooms,
    ...[...facts.namespaces.keys()].filter((n) => !input.rooms.includes(n)),
  ];
  return { facts, rooms, layouts, positions: placeRooms(rooms, facts.namespaces, layouts) };
}

/** Every room's box on the plan, in plan order. */
export function roomBoxes(plan: FloorPlan): (Bounds & { id: string })[] {
  const out: (Bounds & { id: string })[] = [];
  for (const name of plan.rooms) {
    const pos = plan.positions.get(name);
    const l = plan.layouts.get(name);
    if (pos && l) out.push({ id: `ns:${name}`, ...pos, width: l.room.w, height: l.room.h });
  }
  return out;
}

/** Where a node of the plan is (absolute flow coordinates), furnished or not. */
export function locateNode(plan: FloorPlan, id: string): Bounds | undefined {
  const room = roomOf(id);
  const pos = plan.positions.get(room);
  const l = plan.layouts.get(room);
  if (!pos || !l) return undefined;
  if (id.startsWith('ns:') || id.startsWith('Namespace/'))
    return { ...pos, width: l.room.w, height: l.room.h };
  const c = l.children.get(id);
  return c && { x: pos.x + c.x, y: pos.y + c.y, width: c.w, height: c.h };
}

/** The namespace whose room holds a node of the plan (`ns:x`, `Pod/x/…`, `Namespace//x`). */
function roomOf(id: string): string {
  if (id.startsWith('ns:')) return id.slice(3);
  const [kind, ns, name] = id.split('/');
  return kind === 'Namespace' ? (name ?? '') : (ns ?? '');
}

/**
 * The diagram's nodes and edges. With `furnished`, only the rooms it names get their pods,
 * Services and ServiceAccounts (and the lines between them); every other room is drawn bare,
 * except for the ends of connection-test lines and the selection, which are always there.
 */
export function toFlowElements(
  input: FlowInput & { plan?: FloorPlan; furnished?: ReadonlySet<string> },
): { nodes: LabNode[]; edges: Edge[] } {
  const { showLabels, selected, reach, furnished } = input;
  const plan = input.plan ?? floorPlan(input);
  const { facts, rooms, layouts, positions } = plan;
  // Every node the plan holds, furnished or not: what a test line may end at.
  const onPlan = new Set<string>();
  for (const name of rooms) {
    const l = layouts.get(name);
    if (!l || !positions.has(name)) continue;
    onPlan.add(`ns:${name}`);
    for (const id of l.children.keys()) onPlan.add(id);
  }
  const testEdges: Edge[] = [];
  const keep = new Set<string>(selected ? [selected] : []);
  for (const t of input.tests) {
    const source = `Pod/${t.spec.from}`;
    if (!onPlan.has(source)) continue;
    const target = testTarget(t, onPlan);
    if (!target || target === source) continue;
    keep.add(source);
    keep.add(target);
    const label = testLabel(t);
    testEdges.push({
      id: `test:${t.spec.id}`,
      source,
      target,
      sourceHandle: 'out',
      targetHandle: 'in',
      type: 'verdict',
      zIndex: 1000,
      ariaLabel: `Connection test ${t.spec.from} → ${t.spec.url}: ${label.text}`,
      className: label.ok ? 'edge-test edge-test--allowed' : 'edge-test edge-test--blocked',
      data: {
        ...label,
        focused: input.focusedTest === t.spec.id,
        count: 1,
        blocked: label.ok ? 0 : 1,
      },
    });
  }
  const kept = new Map<string, Set<string>>();
  for (const id of keep) {
    const room = roomOf(id);
    const set = kept.get(room) ?? new Set<string>();
    set.add(id);
    kept.set(room, set);
  }
  const nodes: LabNode[] = [];
  const edges: Edge[] = [];
  const ids = new Set<string>();
  const full: NamespaceFacts[] = [];
  for (const name of rooms) {
    const f = facts.namespaces.get(name);
    const pos = positions.get(name);
    const l = layouts.get(name);
    if (!f || !pos || !l) continue;
    const some = kept.get(name);
    const whole = !furnished || furnished.has(name);
    const part = whole || some ? roomElements(f, l, pos, facts, showLabels, selected, reach) : null;
    if (whole) full.push(f);
    const list = part
      ? whole
        ? part.nodes
        : part.nodes.filter((n) => n.type === 'room' || some!.has(n.id))
      : [roomNode(f, l, pos, facts, selected)];
    for (const n of list) {
      nodes.push(n);
      ids.add(n.id);
    }
  }
  for (const f of full) edges.push(...roomEdges(f, facts, ids));
  edges.push(...testEdges);
  return { nodes, edges: collapseParallel(edges) };
}

/**
 * Parallel connection-test lines (the same source and target) drawn as one, so their labels
 * never stack on each other: the line kept is the focused test's, else the latest; it carries
 * how many tests it stands for and how many of them are blocked.
 */
export function collapseParallel(edges: Edge[]): Edge[] {
  const groups = new Map<string, Edge[]>();
  for (const e of edges) {
    if (e.type !== 'verdict') continue;
    const key = `${e.source}\u0000${e.target}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const kept = new Map<Edge, Edge>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const lead = g.find((e) => (e.data as TestEdgeData).focused) ?? g[g.length - 1]!;
    const data = lead.data as TestEdgeData;
    const blocked = g.filter((e) => !(e.data as TestEdgeData).ok).length;
    const merged: Edge = {
      ...lead,
      ariaLabel: `${g.length} connection tests ${lead.source.slice(4)} → ${lead.target.slice(lead.target.indexOf('/') + 1)}: ${blocked} blocked, ${g.length - blocked} allowed. Shown: ${lead.ariaLabel ?? ''}`,
      data: { ...data, count: g.length, blocked },
    };
    for (const e of g) kept.set(e, e === lead ? merged : e);
  }
  if (kept.size === 0) return edges;
  return edges.flatMap((e) => {
    const k = kept.get(e);
    if (!k) return [e];
    return k === e ? [] : [k];
  });
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && JSON.stringify(x) === JSON.stringify(y)) continue;
    if (
      x &&
      y &&
      typeof x === 'object' &&
      typeof y === 'object' &&
      JSON.stringify(x) === JSON.stringify(y)
    )
      continue;
    return false;
  }
  return true;
}

function sameNode(a: LabNode, b: LabNode): boolean {
  if (a === b) return true;
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel &&
    a.className === b.className &&
    shallowEqual(a.data, b.data)
  );
}

/** Keeps the previous object for every node or edge that did not change. */
export function stabilize<T extends LabNode | Edge>(
  prev: Map<string, T>,
  next: T[],
  same: (a: T, b: T) => boolean,
): { list: T[]; map: Map<string, T> } {
  const map = new Map<string, T>();
  const list = next.map((n) => {
    const old = prev.get(n.id);
    const keep = old && same(old, n) ? old : n;
    map.set(n.id, keep);
    return keep;
  });
  return { list, map };
}

export const sameLabNode = (a: LabNode, b: LabNode) => sameNode(a, b);
export const sameEdge = (a: Edge, b: Edge) =>
  a === b ||
  (a.source === b.source &&
    a.target === b.target &&
    a.className === b.className &&
    a.ariaLabel === b.ariaLabel &&
    shallowEqual(
      (a.data ?? {}) as Record<string, unknown>,
      (b.data ?? {}) as Record<string, unknown>,
    ));

/**
 * Handles declared up front (as the components draw them): React Flow then knows every node's
 * handles without rendering it first, so it can keep off-screen nodes out of the DOM.
 */
function podHandles(w: number, h: number): NodeHandle[] {
  return [
    { id: 'in', type: 'target', position: Position.Top, x: w / 2, y: 0, width: 1, height: 1 },
    { id: 'out', type: 'source', position: Position.Right, x: w, y: h / 2, width: 1, height: 1 },
  ];
}

function serviceHandles(w: number, h: number): NodeHandle[] {
  return [
    { id: 'in', type: 'target', position: Position.Left, x: 0, y: h / 2, width: 1, height: 1 },
    { id: 'ep', type: 'source', position: Position.Bottom, x: w / 2, y: h, width: 1, height: 1 },
  ];
}

/** Reused per room while its facts, position, options and reach marks are unchanged. */
const roomCache = new WeakMap<NamespaceFacts, { key: string; nodes: LabNode[] }>();

function reachSignature(f: NamespaceFacts, reach: ReachMap | undefined): string {
  if (!reach) return '';
  const mark = (c: { out?: boolean; in?: boolean } | undefined) =>
    c
      ? `${c.out === undefined ? '-' : c.out ? '1' : '0'}${c.in === undefined ? '-' : c.in ? '1' : '0'}`
      : '..';
  let sig = reach.source.startsWith(`${f.name}/`) ? `S${reach.source}` : '';
  for (const p of f.pods) sig += mark(reach.cells.get(`Pod/${f.name}/${p.metadata.name}`));
  for (const v of f.services) sig += mark(reach.cells.get(`Service/${f.name}/${v.metadata.name}`));
  return sig;
}

/** A room's own node: its walls, name plate, policies and counts. */
function roomNode(
  f: NamespaceFacts,
  l: RoomLayout,
  pos: { x: number; y: number },
  facts: ClusterFacts,
  selected: string | null,
): RoomNode {
  return {
    id: `ns:${f.name}`,
    type: 'room',
    handles: [],
    position: pos,
    width: l.room.w,
    height: l.room.h,
    ariaRole: 'group',
    ariaLabel: `Namespace ${f.name}`,
    selectable: true,
    draggable: false,
    selected: selected === `Namespace//${f.name}`,
    className: f.system ? 'room room--system' : 'room',
    data: {
      name: f.name,
      labels: visibleLabels(f.labels),
      policies: f.policies.map((p) => p.metadata.name),
      system: f.system,
      counts: { pods: f.pods.length, services: f.services.length },
      enforcing: facts.enforcing,
    },
  };
}

function roomElements(
  f: NamespaceFacts,
  l: RoomLayout,
  pos: { x: number; y: number },
  facts: ClusterFacts,
  showLabels: boolean,
  selected: string | null,
  reach: ReachMap | undefined,
): { nodes: LabNode[] } {
  const name = f.name;
  const inRoom =
    selected && (selected === `Namespace//${name}` || selected.split('/')[1] === name)
      ? selected
      : '';
  const eps = f.services.map((v) => endpointId(facts.endpoints.get(podRef(v)))).join(',');
  const key = `${pos.x},${pos.y}|${showLabels}|${facts.enforcing}|${inRoom}|${eps}|${reachSignature(f, reach)}`;
  const hit = roomCache.get(f);
  if (hit && hit.key === key) return hit;
  const nodes: LabNode[] = [];
  const reachRole = (id: string): PodData['reach'] => {
    if (!reach) return undefined;
    if (id === `Pod/${reach.source}`) return { role: 'source' };
    const c = reach.cells.get(id);
    return c
      ? {
          role: 'peer',
          ...(c.out !== undefined ? { out: c.out } : {}),
          ...(c.in !== undefined ? { in: c.in } : {}),
        }
      : undefined;
  };
  const roomId = `ns:${name}`;
  nodes.push(roomNode(f, l, pos, facts, selected));
  for (const svc of f.services) {
    const id = `Service/${name}/${svc.metadata.name}`;
    const p = l.children.get(id)!;
    const r = reachRole(id);
    const eps = facts.endpoints.get(podRef(svc));
    nodes.push({
      id,
      type: 'service',
      handles: serviceHandles(p.w, p.h),
      parentId: roomId,
      extent: 'parent',
      position: { x: p.x, y: p.y },
      width: p.w,
      height: p.h,
      draggable: false,
      selected: selected === id,
      ariaRole: 'group',
      ariaLabel:
        svc.spec?.type === 'ExternalName'
          ? `Service ${name}/${svc.metadata.name}, an alias (CNAME) for ${svc.spec.externalName ?? ''}`
          : `Service ${name}/${svc.metadata.name}, ${eps?.addresses ?? 0} ready endpoints`,
      data: {
        name: svc.metadata.name,
        namespace: name,
        dns: `${svc.metadata.name}.${name}.svc`,
        type: svc.spec?.type ?? 'ClusterIP',
        clusterIP: svc.spec?.clusterIP ?? '',
        ports: servicePorts(svc),
        endpoints: eps?.addresses ?? 0,
        ...(svc.spec?.type === 'ExternalName' ? { externalName: svc.spec.externalName ?? '' } : {}),
        selected: selected === id,
        ...(r && r.role === 'peer'
          ? { reach: { ...(r.out !== undefined ? { out: r.out } : {}) } }
          : {}),
      },
    });
  }
  for (const pod of f.pods) {
    const id = `Pod/${name}/${pod.metadata.name}`;
    const p = l.children.get(id);
    if (!p) continue; // past MAX_PODS_DRAWN: counted on the more-pods card
    const st = podStatus(pod);
    const iso = facts.isolation.get(podRef(pod)) ?? { ingress: [], egress: [] };
    const r = reachRole(id);
    nodes.push({
      id,
      type: 'pod',
      handles: podHandles(p.w, p.h),
      parentId: roomId,
      extent: 'parent',
      position: { x: p.x, y: p.y },
      width: p.w,
      height: p.h,
      draggable: false,
      selected: selected === id,
      ariaRole: 'group',
      ariaLabel: `Pod ${name}/${pod.metadata.name}`,
      data: {
        name: pod.metadata.name,
        namespace: name,
        ip: pod.status?.podIP ?? 'no IP',
        status: st.text,
        ready: st.ready,
        serviceAccount: pod.spec?.serviceAccountName ?? 'default',
        labels: visibleLabels(pod.metadata.labels),
        showLabels,
        ingress: iso.ingress,
        egress: iso.egress,
        enforcing: facts.enforcing,
        selected: selected === id,
        ...(r ? { reach: r } : {}),
      },
    });
  }
  const crowd = l.children.get(`more-pods:${name}`);
  if (crowd) {
    const more = f.pods.length - (MAX_PODS_DRAWN - 1);
    nodes.push({
      id: `more-pods:${name}`,
      type: 'morePods',
      handles: [],
      parentId: roomId,
      extent: 'parent',
      position: { x: crowd.x, y: crowd.y },
      width: crowd.w,
      height: crowd.h,
      draggable: false,
      selectable: false,
      ariaRole: 'note',
      ariaLabel: `${more} more pods in ${name}, not drawn; Show as list lists every pod`,
      data: { namespace: name, more },
    });
  }
  for (const [id, p] of l.children) {
    if (!id.startsWith('ServiceAccount/') && !id.startsWith('more-sa:')) continue;
    const more = id.startsWith('more-sa:');
    const saName = more ? '' : id.split('/')[2]!;
    nodes.push({
      id,
      type: 'account',
      handles: [],
      parentId: roomId,
      extent: 'parent',
      position: { x: p.x, y: p.y },
      width: p.w,
      height: p.h,
      draggable: false,
      selectable: !more,
      focusable: !more,
      selected: selected === id,
      ariaRole: 'group',
      ariaLabel: more
        ? `${f.serviceAccounts.length - (MAX_SA - 1)} more ServiceAccounts in ${name}`
        : `ServiceAccount ${name}/${saName}`,
      data: more
        ? {
            name: '',
            namespace: name,
            selected: false,
            more: f.serviceAccounts.length - (MAX_SA - 1),
          }
        : { name: saName, namespace: name, selected: selected === id },
    });
  }
  const out = { key, nodes };
  roomCache.set(f, out);
  return out;
}

const endpointIds = new WeakMap<object, number>();
let endpointSeq = 0;
function endpointId(e: object | undefined): number {
  if (!e) return 0;
  let id = endpointIds.get(e);
  if (id === undefined) endpointIds.set(e, (id = ++endpointSeq));
  return id;
}

/** Service → pod lines (the phone rings these desks), ready ones solid. */
const edgeCache = new WeakMap<NamespaceFacts, { key: string; edges: Edge[] }>();

function roomEdges(f: NamespaceFacts, facts: ClusterFacts, ids: Set<string>): Edge[] {
  const key = f.services.map((v) => endpointId(facts.endpoints.get(podRef(v)))).join(',');
  const hit = edgeCache.get(f);
  if (hit && hit.key === key) return hit.edges;
  const edges: Edge[] = [];
  for (const svc of f.services) {
    const sid = `Service/${f.name}/${svc.metadata.name}`;
    const eps = facts.endpoints.get(podRef(svc));
    if (!eps || !ids.has(sid)) continue;
    for (const [list, ready] of [
      [eps.ready, true],
      [eps.notReady, false],
    ] as const) {
      for (const ref of list) {
        const target = `Pod/${ref}`;
        if (!ids.has(target)) continue;
        edges.push({
          id: `ep:${sid}->${target}`,
          source: sid,
          target,
          focusable: false,
          selectable: false,
          className: ready ? 'edge-endpoint' : 'edge-endpoint edge-endpoint--notready',
          ariaLabel: `${sid} routes to ${target}${ready ? '' : ' (not ready)'}`,
        });
      }
    }
  }
  edgeCache.set(f, { key, edges });
  return edges;
}
