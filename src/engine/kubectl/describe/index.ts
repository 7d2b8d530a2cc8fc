/** Which describer prints each kind, as kubectl's describerMap maps GroupKind to a describer. */
import type { ClusterState, KubeObject } from '../../cluster/index.ts';
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

/** Prints one stored object as `kubectl describe` does. */
export type Describer = (
  state: ClusterState,
  obj: KubeObject,
  settings: DescribeSettings,
) => string;

/* eslint-disable @typescript-eslint/no-explicit-any -- each describer narrows to its kind */
export const DESCRIBERS: Record<string, Describer> = {
  Pod: (s, o, t) => describePod(o as any, s.clock, t),
  Service: (s, o, t) => describeService(s, o as any, t),
  Namespace: (_s, o, t) => describeNamespace(o as any, t),
  Endpoints: (_s, o, t) => describeEndpoints(o as any, t),
  EndpointSlice: (_s, o, t) => describeEndpointSlice(o as any, t),
  ServiceAccount: (s, o, t) => describeServiceAccount(s, o as any, t),
  ConfigMap: (_s, o, t) => describeConfigMap(o as any, t),
  Secret: (_s, o, t) => describeSecret(o as any, t),
  Node: (s, o, t) => describeNode(s, o as any, s.clock, t),
  NetworkPolicy: (s, o) => describeNetworkPolicy(o, s),
  Role: (_s, o, t) => describeRole(o, t),
  ClusterRole: (_s, o, t) => describeRole(o, t),
  RoleBinding: (_s, o, t) => describeBinding(o, t),
  ClusterRoleBinding: (_s, o, t) => describeBinding(o, t),
  Deployment: (s, o, t) => describeDeployment(s, o as any, t),
  ReplicaSet: (s, o, t) => describeReplicaSet(s, o as any, t),
  StatefulSet: (s, o, t) => describeStatefulSet(s, o as any, t),
  DaemonSet: (s, o, t) => describeDaemonSet(s, o as any, t),
  Job: (s, o, t) => describeJob(s, o as any, t),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export { tabwriterFormat } from './tabwriter.ts';
export { DEFAULT_SETTINGS, type DescribeSettings } from './writer.ts';
