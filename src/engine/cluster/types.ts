/**
 * Object types: the API's own (from kubernetes-types), plus the loose shape every stored
 * object shares so the store can hold any kind.
 */
import type {
  ConfigMap,
  Endpoints,
  Namespace,
  Node,
  Pod,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { KindName } from '../api/index.ts';

export type { ObjectMeta } from 'kubernetes-types/meta/v1';
export type {
  Pod,
  Service,
  Endpoints,
  ServiceAccount,
  ConfigMap,
  Secret,
  Namespace,
  Node,
  Container,
  ContainerPort,
  ServicePort,
} from 'kubernetes-types/core/v1';
export type { EndpointSlice } from 'kubernetes-types/discovery/v1';
export type { NetworkPolicy } from 'kubernetes-types/networking/v1';
export type {
  Role,
  ClusterRole,
  RoleBinding,
  ClusterRoleBinding,
  PolicyRule,
  Subject,
} from 'kubernetes-types/rbac/v1';
export type { Deployment, ReplicaSet, StatefulSet, DaemonSet } from 'kubernetes-types/apps/v1';
export type { Job } from 'kubernetes-types/batch/v1';

/** The kubernetes-types shape of each stored kind, so per-kind tables can type their hooks. */
export interface KindObjects {
  Namespace: Namespace;
  Pod: Pod;
  Service: Service;
  Endpoints: Endpoints;
  EndpointSlice: EndpointSlice;
  ServiceAccount: ServiceAccount;
  ConfigMap: ConfigMap;
  Secret: Secret;
  Node: Node;
  NetworkPolicy: NetworkPolicy;
  Role: Role;
  ClusterRole: ClusterRole;
  RoleBinding: RoleBinding;
  ClusterRoleBinding: ClusterRoleBinding;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  StatefulSet: StatefulSet;
  DaemonSet: DaemonSet;
  Job: Job;
}

/** The shape of one stored kind; fails to compile for a kind KindObjects does not list. */
export type KindObject<K extends KindName> = KindObjects[K];

/** Any stored API object: apiVersion, kind and metadata with a name, plus kind-specific fields. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
  [field: string]: unknown;
}

/** Narrows a stored object to its kubernetes-types shape (the store guarantees kind and metadata). */
export type Stored<T> = T & KubeObject;

/** Where a loaded object came from: file name and 1-based line and column of its document. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}
