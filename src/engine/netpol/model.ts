/**
 * The NetworkPolicy model the evaluators share: every policy normalised once per cluster
 * state (policyTypes defaulted, protocols defaulted, selectors compiled, CIDRs parsed), plus
 * the pods by IP and the namespace labels. Built lazily and cached per state, since the
 * state is immutable.
 */
import type {
  IPBlock,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from 'kubernetes-types/networking/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import {
  NAMESPACE_NAME_LABEL,
  policyTypesOf,
  parseCidrBlock,
  parseIp,
  sameIp,
  type Cidr,
  type ClusterState,
  type IpAddress,
  type KubeObject,
  type Namespace,
  type Node,
  type Pod,
  type Stored,
} from '../cluster/index.ts';
import { compileLabelSelector, type LabelPredicate, type Labels } from '../labels/index.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type Direction = 'ingress' | 'egress';

/** One ports entry: protocol (TCP by default) and a number, a range, a name, or any port. */
export interface PortSpec {
  protocol: Protocol;
  /** Absent: every port of the protocol. */
  port?: number | string;
  endPort?: number;
  source: NetworkPolicyPort;
}

/** One from/to entry. `podSelector`/`namespaceSelector` are undefined when absent. */
export interface PeerSpec {
  podSelector?: LabelPredicate;
  namespaceSelector?: LabelPredicate;
  ipBlock?: { cidr: Cidr | undefined; except: Cidr[]; source: IPBlock };
  source: NetworkPolicyPeer;
}

/** One ingress or egress rule. `peers`/`ports` undefined: the list was empty or absent (all). */
export interface RuleSpec {
  index: number;
  peers?: PeerSpec[];
  ports?: PortSpec[];
}

/** A NetworkPolicy as the evaluators see it. A direction is undefined when not in policyTypes. */
export interface PolicySpec {
  key: string;
  namespace: string;
  name: string;
  podSelector: LabelPredicate;
  podSelectorSource: LabelSelector;
  policyTypes: Direction[];
  ingress?: RuleSpec[];
  egress?: RuleSpec[];
  object: Stored<NetworkPolicy>;
}

/** A pod the evaluators know: its key, labels and parsed addresses. */
export interface PodEntry {
  key: string;
  namespace: string;
  name: string;
  labels: Labels;
  ips: IpAddress[];
  /** The same addresses as written (status.podIP first). */
  ipTexts: string[];
  /** status.podIP (or the first of podIPs); undefined before the pod has an address or once it has terminated. */
  ip?: string;
  hostNetwork: boolean;
  /** Declared container ports with a name: the first declaration of a name per protocol. */
  namedPorts: Array<{ name: string; protocol: Protocol; port: number }>;
  pod: Stored<Pod>;
}

/** Everything the evaluators need from one cluster state. */
export interface NetpolModel {
  pods: PodEntry[];
  podsByIp: Map<string, PodEntry>;
  podsByKey: Map<string, PodEntry>;
  namespaceLabels: Map<string, Labels>;
  /** Node addresses (status.addresses) to node names. */
  nodesByIp: Map<string, string>;
  policies: PolicySpec[];
  policiesByNamespace: Map<string, PolicySpec[]>;
}

const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

/** policyTypes as SetDefaults_NetworkPolicy sets them: Ingress always, Egress when egress rules exist. */
export function effectivePolicyTypes(
  spec: Partial<NonNullable<NetworkPolicy['spec']>> | undefined,
): Direction[] {
  const types = policyTypesOf(spec);
  return (['ingress', 'egress'] as const).filter((d) =>
    types.includes(d === 'ingress' ? 'Ingress' : 'Egress'),
  );
}

function compilePort(p: NetworkPolicyPort): PortSpec {
  const protocol = (PROTOCOLS.includes(p.protocol ?? '') ? p.protocol : 'TCP') as Protocol;
  const out: PortSpec = { protocol, source: p };
  if (typeof p.port === 'number' || typeof p.port === 'string') out.port = p.port;
  if (typeof p.endPort === 'number' && typeof p.port === 'number') out.endPort = p.endPort;
  return out;
}

function compilePeer(p: NetworkPolicyPeer): PeerSpec {
  const out: PeerSpec = { source: p };
  if (p.podSelector) out.podSelector = compileLabelSelector(p.podSelector);
  if (p.namespaceSelector) out.namespaceSelector = compileLabelSelector(p.namespaceSelector);
  if (p.ipBlock) {
    out.ipBlock = {
      cidr: parseCidrBlock(p.ipBlock.cidr ?? ''),
      except: (p.ipBlock.except ?? []).flatMap((e) => parseCidrBlock(e) ?? []),
      source: p.ipBlock,
    };
  }
  return out;
}

function compileRules(
  rules: ReadonlyArray<{
    from?: NetworkPolicyPeer[];
    to?: NetworkPolicyPeer[];
    ports?: NetworkPolicyPort[];
  }>,
  peersOf: 'from' | 'to',
): RuleSpec[] {
  return rules.map((r, index) => {
    const rule: RuleSpec = { index };
    const peers = r[peersOf] ?? [];
    if (peers.length > 0) rule.peers = peers.map(compilePeer);
    if ((r.ports ?? []).length > 0) rule.ports = r.ports!.map(compilePort);
    return rule;
  });
}

/** Normalises one stored NetworkPolicy. */
export function compilePolicy(obj: Stored<NetworkPolicy>): PolicySpec {
  const spec: Partial<NonNullable<NetworkPolicy['spec']>> = obj.spec ?? {};
  const types = effectivePolicyTypes(spec);
  const namespace = obj.metadata.namespace ?? 'default';
  const out: PolicySpec = {
    key: `${namespace}/${obj.metadata.name}`,
    namespace,
    name: obj.metadata.name,
    podSelector: compileLabelSelector(spec.podSelector ?? {}),
    podSelectorSource: spec.podSelector ?? {},
    policyTypes: types,
    object: obj,
  };
  if (types.includes('ingress')) out.ingress = compileRules(spec.ingress ?? [], 'from');
  if (types.includes('egress')) out.egress = compileRules(spec.egress ?? [], 'to');
  return out;
}

/** The address of a pod (status.podIP, else the first podIPs entry). */
export function podIp(pod: Pod): string | undefined {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || undefined;
}

function declaredNamedPorts(pod: Pod): PodEntry['namedPorts'] {
  const out: PodEntry['namedPorts'] = [];
  for (const list of [pod.spec?.containers ?? [], pod.spec?.initContainers ?? []]) {
    for (const c of list) {
      for (const p of c.ports ?? []) {
        if (!p.name) continue;
        const protocol = (p.protocol ?? 'TCP') as Protocol;
        if (out.some((x) => x.name === p.name && x.protocol === protocol)) continue;
        out.push({ name: p.name, protocol, port: p.containerPort });
      }
    }
  }
  return out;
}

/** The evaluators' view of a pod. */
export function podEntry(pod: Stored<Pod>): PodEntry {
  const namespace = pod.metadata.namespace ?? 'default';
  // A pod that has terminated (Succeeded or Failed) has given its address back to the CNI.
  const terminated = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const primary = terminated ? undefined : podIp(pod);
  const ipTexts: string[] = primary ? [primary] : [];
  if (!terminated)
    for (const p of pod.status?.podIPs ?? [])
      if (p.ip && !ipTexts.includes(p.ip)) ipTexts.push(p.ip);
  const ips: IpAddress[] = [];
  for (const text of ipTexts) {
    const ip = parseIp(text);
    if (ip && !ips.some((x) => sameIp(x, ip))) ips.push(ip);
  }
  const entry: PodEntry = {
    key: `${namespace}/${pod.metadata.name}`,
    namespace,
    name: pod.metadata.name,
    labels: pod.metadata.labels ?? {},
    ips,
    ipTexts,
    hostNetwork: pod.spec?.hostNetwork === true,
    namedPorts: declaredNamedPorts(pod),
    pod,
  };
  if (primary) entry.ip = primary;
  return entry;
}

/** Sorts by namespace, then name, comparing one precomputed string per item. */
function sortByKey<T extends { namespace: string; name: string }>(items: T[]): T[] {
  // NUL sorts before every character a name may hold, so this orders namespace first.
  const keyed = items.map((item) => ({ k: `${item.namespace}\u0000${item.name}`, item }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.item);
}

function build(state: Pick<ClusterState, 'objects'>): NetpolModel {
  const entries: PodEntry[] = [];
  for (const o of state.objects.get('Pod')?.values() ?? [])
    entries.push(podEntry(o as Stored<Pod>));
  const pods = sortByKey(entries);
  const podsByIp = new Map<string, PodEntry>();
  const podsByKey = new Map<string, PodEntry>();
  for (const p of pods) {
    podsByKey.set(p.key, p);
    // Host-network pods share the node's address: it names the node, not one pod.
    if (p.hostNetwork) continue;
    for (const ip of p.ipTexts) if (!podsByIp.has(ip)) podsByIp.set(ip, p);
  }
  const namespaceLabels = new Map<string, Labels>();
  for (const o of state.objects.get('Namespace')?.values() ?? []) {
    const ns = o as Stored<Namespace>;
    // The API server always sets kubernetes.io/metadata.name; admission adds it, and this
    // keeps the evaluators right even for objects that skipped admission.
    namespaceLabels.set(ns.metadata.name, {
      ...(ns.metadata.labels ?? {}),
      [NAMESPACE_NAME_LABEL]: ns.metadata.name,
    });
  }
  for (const p of pods) {
    if (!namespaceLabels.has(p.namespace))
      namespaceLabels.set(p.namespace, { [NAMESPACE_NAME_LABEL]: p.namespace });
  }
  const policies = sortByKey(
    [...(state.objects.get('NetworkPolicy')?.values() ?? [])].map((o) =>
      compilePolicy(o as Stored<NetworkPolicy>),
    ),
  );
  const policiesByNamespace = new Map<string, PolicySpec[]>();
  for (const p of policies) {
    const list = policiesByNamespace.get(p.namespace) ?? [];
    list.push(p);
    policiesByNamespace.set(p.namespace, list);
  }
  const nodesByIp = new Map<string, string>();
  for (const o of state.objects.get('Node')?.values() ?? []) {
    const node = o as Stored<Node>;
    for (const a of node.status?.addresses ?? []) {
      if (a.type === 'InternalIP' || a.type === 'ExternalIP')
        nodesByIp.set(a.address, node.metadata.name);
    }
  }
  return {
    pods,
    podsByIp,
    podsByKey,
    namespaceLabels,
    nodesByIp,
    policies,
    policiesByNamespace,
  };
}

const none: ReadonlyMap<string, KubeObject> = new Map();
const KINDS = ['Pod', 'Namespace', 'NetworkPolicy', 'Node'];
interface CacheNode {
  next: WeakMap<object, CacheNode>;
  model?: NetpolModel;
}
const cache: CacheNode = { next: new WeakMap() };

/** The model of a state, built once per distinct set of pods, namespaces, policies and nodes. */
export function netpolModel(state: Pick<ClusterState, 'objects'>): NetpolModel {
  let node = cache;
  for (const kind of KINDS) {
    const key = state.objects.get(kind) ?? none;
    let next = node.next.get(key);
    if (!next) node.next.set(key, (next = { next: new WeakMap() }));
    node = next;
  }
  node.model ??= build(state);
  return node.model;
}
