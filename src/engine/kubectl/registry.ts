/**
 * The registry of kinds, kubectl half: per kind, the columns `kubectl get` prints (the API
 * server's table convertor, normal and `-o wide`) and the describer `kubectl describe` runs
 * (kubectl's describerMap). The table's type wants an entry for every KindName, so a kind
 * added to api/kinds.ts does not compile until it says how it prints.
 */
import { kindInfo, type KindName } from '../api/index.ts';
import type { ClusterState, KindObject, KubeObject, Stored } from '../cluster/index.ts';
import { describeConfigMap, describeSecret } from './describe/configmap.ts';
import { describeDeployment, describeReplicaSet } from './describe/deployment.ts';
import { describeEndpointSlice, describeEndpoints } from './describe/endpoints.ts';
import { describeNamespace } from './describe/namespace.ts';
import { describeNetworkPolicy } from './describe/networkpolicy.ts';
import { describeNode } from './describe/node.ts';
import { describePod } from './describe/pod.ts';
import { describeBinding, describeRole } from './describe/rbac.ts';
import { describeService } from './describe/service.ts';
import { describeServiceAccount } from './describe/serviceaccount.ts';
import { describeDaemonSet, describeJob, describeStatefulSet } from './describe/workloads.ts';
import type { DescribeSettings } from './describe/writer.ts';
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

/**
 * How kubectl prints one kind, typed by the kind's object. `describe` is a method so one
 * kind's printers can stand for any kind's: the lookups below pick them by the object's kind.
 */
export interface KindPrinters<T extends KubeObject = KubeObject> {
  columns: KindColumns<T>;
  describe(state: ClusterState, obj: T, settings: DescribeSettings): string;
}

type Printers = { [K in KindName]: KindPrinters<Stored<KindObject<K>>> };

const PRINTERS: Printers = {
  Namespace: { columns: namespaceColumns, describe: (_s, o, t) => describeNamespace(o, t) },
  Pod: { columns: podColumns, describe: (s, o, t) => describePod(o, s.clock, t) },
  Service: { columns: serviceColumns, describe: describeService },
  Endpoints: { columns: endpointsColumns, describe: (_s, o, t) => describeEndpoints(o, t) },
  EndpointSlice: {
    columns: endpointSliceColumns,
    describe: (_s, o, t) => describeEndpointSlice(o, t),
  },
  ServiceAccount: { columns: serviceAccountColumns, describe: describeServiceAccount },
  ConfigMap: { columns: configMapColumns, describe: (_s, o, t) => describeConfigMap(o, t) },
  Secret: { columns: secretColumns, describe: (_s, o, t) => describeSecret(o, t) },
  Node: { columns: nodeColumns, describe: (s, o, t) => describeNode(s, o, s.clock, t) },
  // kubectl's NetworkPolicyDescriber prints no events, so it takes no settings.
  NetworkPolicy: { columns: networkPolicyColumns, describe: (s, o) => describeNetworkPolicy(o, s) },
  Role: { columns: roleColumns, describe: (_s, o, t) => describeRole(o, t) },
  ClusterRole: { columns: roleColumns, describe: (_s, o, t) => describeRole(o, t) },
  RoleBinding: { columns: bindingColumns, describe: (_s, o, t) => describeBinding(o, t) },
  ClusterRoleBinding: { columns: bindingColumns, describe: (_s, o, t) => describeBinding(o, t) },
  Deployment: { columns: deploymentColumns, describe: describeDeployment },
  ReplicaSet: { columns: replicaSetColumns, describe: describeReplicaSet },
  StatefulSet: { columns: statefulSetColumns, describe: describeStatefulSet },
  DaemonSet: { columns: daemonSetColumns, describe: describeDaemonSet },
  Job: { columns: jobColumns, describe: describeJob },
};

/** How `kubectl get` prints a kind as a table. */
export function columnsFor(kind: KindName): KindColumns {
  return PRINTERS[kind].columns;
}

/** One stored object as `kubectl describe` prints it; empty for a kind the simulator does not serve. */
export function describeObject(
  state: ClusterState,
  obj: KubeObject,
  settings: DescribeSettings,
): string {
  const info = kindInfo(obj.kind);
  if (!info) return '';
  const printers: KindPrinters = PRINTERS[info.kind];
  return printers.describe(state, obj, settings);
}
