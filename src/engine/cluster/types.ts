/**
 * Object types: the API's own (from kubernetes-types), plus the loose shape every stored
 * object shares so the store can hold any kind.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

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
