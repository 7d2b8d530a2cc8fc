/** `kubectl describe`'s printers, one per kind; ../registry.ts says which kind prints with which. */
export { describeConfigMap, describeSecret } from './configmap.ts';
export { describeDeployment, describeReplicaSet } from './deployment.ts';
export { describeEndpointSlice, describeEndpoints } from './endpoints.ts';
export { describeNamespace } from './namespace.ts';
export { describeNetworkPolicy } from './networkpolicy.ts';
export { describeNode } from './node.ts';
export { describePod } from './pod.ts';
export { describeBinding, describeRole } from './rbac.ts';
export { describeService } from './service.ts';
export { describeServiceAccount } from './serviceaccount.ts';
export { describeDaemonSet, describeJob, describeStatefulSet } from './workloads.ts';
export { tabwriterFormat } from './tabwriter.ts';
export { DEFAULT_SETTINGS, type DescribeSettings } from './writer.ts';
