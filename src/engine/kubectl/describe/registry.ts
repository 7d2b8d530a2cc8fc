/**
 * The registry of kinds, `kubectl describe` half: per kind, the describer kubectl runs (its
 * describerMap). Kept apart from the columns (../registry.ts) so `get` does not carry every
 * describer; the table's type wants an entry for every KindName, so a new kind does not
 * compile until it says how it is described.
 */
import { kindInfo, type KindName } from '../../api/index.ts';
import type { ClusterState, KindObject, KubeObject, Stored } from '../../cluster/index.ts';
import { describeConfigMap, describeSecret } from './configmap.ts';
import { describeDeployment, describeReplicaSet } from './deployment.ts';
import { describeEndpointSlice, describeEndpoints } from './endpoints.ts';
import { describeNamespace } from './namespace.ts';
import { describeNetworkPolicy } from './networkpolicy.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeBinding, describeRole } from './rbac.ts';
import { describeService } from './service.ts';
import { describeServiceAccount } from './serviceaccount.ts';
import { describeDaemonSet, describeJob, describeStatefulSet } from './workloads.ts';
import type { DescribeSettings } from './writer.ts';

/** A kind's describer, typed by its object (a method, so one stands for any kind's). */
interface Describer<T extends KubeObject = KubeObject> {
  describe(state: ClusterState, obj: T, settings: DescribeSettings): string;
}

type Describers = { [K in KindName]: Describer<Stored<KindObject<K>>>['describe'] };

const DESCRIBERS: Describers = {
  Namespace: (_s, o, t) => describeNamespace(o, t),
  Pod: (s, o, t) => describePod(o, s.clock, t),
  Service: describeService,
  Endpoints: (_s, o, t) => describeEndpoints(o, t),
  EndpointSlice: (_s, o, t) => describeEndpointSlice(o, t),
  ServiceAccount: describeServiceAccount,
  ConfigMap: (_s, o, t) => describeConfigMap(o, t),
  Secret: (_s, o, t) => describeSecret(o, t),
  Node: (s, o, t) => describeNode(s, o, s.clock, t),
  // kubectl's NetworkPolicyDescriber prints no events, so it takes no settings.
  NetworkPolicy: (s, o) => describeNetworkPolicy(o, s),
  Role: (_s, o, t) => describeRole(o, t),
  ClusterRole: (_s, o, t) => describeRole(o, t),
  RoleBinding: (_s, o, t) => describeBinding(o, t),
  ClusterRoleBinding: (_s, o, t) => describeBinding(o, t),
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  StatefulSet: describeStatefulSet,
  DaemonSet: describeDaemonSet,
  Job: describeJob,
};

/** One stored object as `kubectl describe` prints it; empty for a kind the simulator does not serve. */
export function describeObject(
  state: ClusterState,
  obj: KubeObject,
  settings: DescribeSettings,
): string {
  const info = kindInfo(obj.kind);
  if (!info) return '';
  const describe = DESCRIBERS[info.kind] as Describer['describe'];
  return describe(state, obj, settings);
}
