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

/** Prints one stored object as `kubectl describe` does. */
export type Describer = (state: ClusterState, obj: KubeObject) => string;

/* eslint-disable @typescript-eslint/no-explicit-any -- each describer narrows to its kind */
export const DESCRIBERS: Record<string, Describer> = {
  Pod: (s, o) => describePod(o as any, s.clock),
  Service: (s, o) => describeService(s, o as any),
  Namespace: (_s, o) => describeNamespace(o as any),
  Endpoints: (_s, o) => describeEndpoints(o as any),
  EndpointSlice: (_s, o) => describeEndpointSlice(o as any),
  ServiceAccount: (s, o) => describeServiceAccount(s, o as any),
  ConfigMap: (_s, o) => describeConfigMap(o as any),
  Secret: (_s, o) => describeSecret(o as any),
  Node: (s, o) => describeNode(s, o as any, s.clock),
  NetworkPolicy: (_s, o) => describeNetworkPolicy(o),
  Role: (_s, o) => describeRole(o),
  ClusterRole: (_s, o) => describeRole(o),
  RoleBinding: (_s, o) => describeBinding(o),
  ClusterRoleBinding: (_s, o) => describeBinding(o),
  Deployment: (s, o) => describeDeployment(s, o as any),
  ReplicaSet: (s, o) => describeReplicaSet(s, o as any),
  StatefulSet: (s, o) => describeStatefulSet(s, o as any),
  DaemonSet: (s, o) => describeDaemonSet(s, o as any),
  Job: (s, o) => describeJob(s, o as any),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export { tabwriterFormat } from './tabwriter.ts';
