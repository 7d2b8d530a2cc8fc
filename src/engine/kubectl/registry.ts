/**
 * The registry of kinds, kubectl half: per kind, the columns `kubectl get` prints (the API
 * server's table convertor, normal and `-o wide`); describe/registry.ts holds the describers.
 * The table's type wants an entry for every KindName, so a kind added to api/kinds.ts does
 * not compile until it says how it prints.
 */
import type { KindName } from '../api/index.ts';
import type { KindObject, Stored } from '../cluster/index.ts';
import {
  bindingColumns,
  configMapColumns,
  endpointSliceColumns,
  endpointsColumns,
  type KindColumns,
  namespaceColumns,
  networkPolicyColumns,
  nodeColumns,
  podColumns,
  roleColumns,
  secretColumns,
  serviceAccountColumns,
  serviceColumns,
} from './printers/columns.ts';
import {
  daemonSetColumns,
  deploymentColumns,
  jobColumns,
  replicaSetColumns,
  statefulSetColumns,
} from './printers/workload-columns.ts';

type Columns = { [K in KindName]: KindColumns<Stored<KindObject<K>>> };

const COLUMNS: Columns = {
  Namespace: namespaceColumns,
  Pod: podColumns,
  Service: serviceColumns,
  Endpoints: endpointsColumns,
  EndpointSlice: endpointSliceColumns,
  ServiceAccount: serviceAccountColumns,
  ConfigMap: configMapColumns,
  Secret: secretColumns,
  Node: nodeColumns,
  NetworkPolicy: networkPolicyColumns,
  Role: roleColumns,
  ClusterRole: roleColumns,
  RoleBinding: bindingColumns,
  ClusterRoleBinding: bindingColumns,
  Deployment: deploymentColumns,
  ReplicaSet: replicaSetColumns,
  StatefulSet: statefulSetColumns,
  DaemonSet: daemonSetColumns,
  Job: jobColumns,
};

/** How `kubectl get` prints a kind as a table. */
export function columnsFor(kind: KindName): KindColumns {
  return COLUMNS[kind] as KindColumns;
}
