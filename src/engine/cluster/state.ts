/**
 * ClusterState: an immutable snapshot of the simulated cluster. Objects live in one map per
 * kind, keyed `namespace/name` (or `name` for cluster-scoped kinds); a change copies only the
 * maps of the kinds it touches, so undo history and snapshots are cheap.
 */
import { kindInfo, type KindName } from '../api/index.ts';
import type { KubeObject, Stored } from './types.ts';

/** How the cluster's network plugin treats NetworkPolicy. */
export type NetworkPolicyMode = 'enforcing' | 'not-enforcing';

/** Cluster-wide settings a learner or lesson can change. */
export interface ClusterSettings {
  /** Enforcing (as Calico or Cilium) or not (as Flannel): without enforcement policies do nothing. */
  networkPolicy: NetworkPolicyMode;
  clusterDomain: string;
}

/** One context of the simulated kubeconfig: a name for a cluster, user and default namespace. */
export interface NamedKubeContext {
  name: string;
  cluster: string;
  user: string;
  /** Unset: the namespace `default`. */
  namespace?: string;
}

/**
 * The kubeconfig the interpreter runs under: client-side state of kubectl, not of the cluster,
 * carried beside the objects so every command reads it and undo and saving keep it. `namespace`
 * and `user` are the current context's; `name` and `cluster` name it (the defaults are those of
 * a kubeadm cluster: kubernetes-admin@kubernetes on cluster kubernetes), and `others` holds the
 * kubeconfig's other contexts, which `kubectl config use-context` switches to.
 */
export interface KubeContext {
  namespace: string;
  user: string;
  name?: string;
  cluster?: string;
  others?: readonly NamedKubeContext[];
}

export interface ClusterState {
  readonly objects: ReadonlyMap<string, ReadonlyMap<string, KubeObject>>;
  readonly settings: ClusterSettings;
  readonly context: KubeContext;
  /** Simulated wall clock (ms since epoch); advances one second per command. */
  readonly clock: number;
  /** Counter behind resourceVersion and uid. */
  readonly seq: number;
  /** Keys (`Kind/ns/name`) of the objects every new cluster starts with. */
  readonly builtin: ReadonlySet<string>;
  /** Where the address allocators continue (host-local IPAM hands out addresses in order). */
  readonly ipam: IpamCursor;
  /** kube-proxy load-balancing position per Service port (`ns/name:port/PROTO`), so repeated requests rotate. */
  readonly rotation?: Readonly<Record<string, number>>;
}

/** Next candidate index of the pod and Service address allocators. */
export interface IpamCursor {
  pod: number;
  service: number;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** `Kind/namespace/name`: a key unique across the whole cluster. */
export function globalKey(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

const emptyMap: ReadonlyMap<string, KubeObject> = new Map();

/** The stored object of a kind by namespace and name. */
export function getObject<T = KubeObject>(
  state: Pick<ClusterState, 'objects'>,
  kind: KindName,
  namespace: string | undefined,
  name: string,
): Stored<T> | undefined {
  const info = kindInfo(kind);
  const ns = info && !info.namespaced ? undefined : namespace;
  return state.objects.get(kind)?.get(objectKey(ns, name)) as Stored<T> | undefined;
}

/**
 * The stored object with the kind, namespace and name of `obj` (an incoming object, or one of
 * another snapshot); none when its kind is not one the simulator serves.
 */
export function storedVersionOf(
  state: Pick<ClusterState, 'objects'>,
  obj: Pick<KubeObject, 'kind' | 'metadata'>,
): KubeObject | undefined {
  const info = kindInfo(obj.kind);
  return info && getObject(state, info.kind, obj.metadata.namespace, obj.metadata.name);
}

/** Objects of a kind, in one namespace or all, sorted by namespace then name. */
export function listObjects<T = KubeObject>(
  state: Pick<ClusterState, 'objects'>,
  kind: KindName,
  namespace?: string,
): Stored<T>[] {
  const map = state.objects.get(kind) ?? emptyMap;
  const out: KubeObject[] = [];
  for (const obj of map.values()) {
    if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
  }
  out.sort(compareObjects);
  return out as Stored<T>[];
}

/** Orders objects by namespace, then name, as kubectl lists them. */
export function compareObjects(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** Number of objects across all kinds. */
export function objectCount(state: ClusterState): number {
  let n = 0;
  for (const m of state.objects.values()) n += m.size;
  return n;
}

/**
 * A mutable working copy used inside one command. Copy-on-write per kind: the first write
 * to a kind copies that kind's map; `commit()` yields the next immutable ClusterState.
 */
export class ClusterDraft {
  readonly objects: Map<string, ReadonlyMap<string, KubeObject>>;
  private readonly copied = new Set<string>();
  settings: ClusterSettings;
  context: KubeContext;
  clock: number;
  seq: number;
  builtin: ReadonlySet<string>;
  ipam: IpamCursor;
  rotation: Readonly<Record<string, number>> | undefined;
  /** True once anything was stored or removed. */
  dirty = false;

  constructor(readonly base: ClusterState) {
    this.objects = new Map(base.objects);
    this.settings = base.settings;
    this.context = base.context;
    this.clock = base.clock;
    this.seq = base.seq;
    this.builtin = base.builtin;
    this.ipam = base.ipam;
    this.rotation = base.rotation;
  }

  get<T = KubeObject>(
    kind: KindName,
    namespace: string | undefined,
    name: string,
  ): Stored<T> | undefined {
    return getObject<T>(this, kind, namespace, name);
  }

  list<T = KubeObject>(kind: KindName, namespace?: string): Stored<T>[] {
    return listObjects<T>(this, kind, namespace);
  }

  /** Iterates a kind's objects without sorting (for controllers). */
  *each<T = KubeObject>(kind: KindName): Iterable<Stored<T>> {
    const map = this.objects.get(kind);
    if (map) yield* map.values() as Iterable<Stored<T>>;
  }

  private writable(kind: string): Map<string, KubeObject> {
    if (!this.copied.has(kind)) {
      this.objects.set(kind, new Map(this.objects.get(kind) ?? emptyMap));
      this.copied.add(kind);
    }
    return this.objects.get(kind) as Map<string, KubeObject>;
  }

  /** Stores an object (create or replace), as is. */
  put(obj: KubeObject): void {
    this.dirty = true;
    this.writable(obj.kind).set(objectKey(obj.metadata.namespace, obj.metadata.name), obj);
  }

  /** Removes an object; true when it existed. */
  remove(kind: KindName, namespace: string | undefined, name: string): boolean {
    const map = this.objects.get(kind);
    const key = objectKey(namespace, name);
    if (!map?.has(key)) return false;
    this.dirty = true;
    this.writable(kind).delete(key);
    return true;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  commit(): ClusterState {
    return {
      objects: this.objects,
      settings: this.settings,
      context: this.context,
      clock: this.clock,
      seq: this.seq,
      builtin: this.builtin,
      ipam: this.ipam,
      ...(this.rotation ? { rotation: this.rotation } : {}),
    };
  }
}
