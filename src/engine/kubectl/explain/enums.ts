/**
 * The values the API declares for enumerated string fields (`+enum` types in k8s.io/api, which
 * the OpenAPI document lists and `kubectl explain` prints as `enum:` / `ENUM:`), by
 * `Type.field`. kubernetes-types does not carry them, so they are written here from the API's
 * type definitions (core/v1 Protocol, ServiceType, RestartPolicy, DNSPolicy, PullPolicy…).
 */
const PROTOCOL = ['SCTP', 'TCP', 'UDP'];
const TRAFFIC_POLICY = ['Cluster', 'Local'];
const TAINT_EFFECT = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const UPDATE_STRATEGY = ['OnDelete', 'RollingUpdate'];

export const FIELD_ENUMS: Readonly<Record<string, readonly string[]>> = {
  'ContainerPort.protocol': PROTOCOL,
  'ServicePort.protocol': PROTOCOL,
  'EndpointPort.protocol': PROTOCOL,
  'NetworkPolicyPort.protocol': PROTOCOL,
  'PortStatus.protocol': PROTOCOL,
  'ServiceSpec.type': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'ServiceSpec.externalTrafficPolicy': TRAFFIC_POLICY,
  'ServiceSpec.internalTrafficPolicy': TRAFFIC_POLICY,
  'ServiceSpec.ipFamilyPolicy': ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  'PodSpec.restartPolicy': ['Always', 'Never', 'OnFailure'],
  'PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'Container.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'EphemeralContainer.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'EphemeralContainer.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'PodStatus.phase': ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
  'PodStatus.qosClass': ['BestEffort', 'Burstable', 'Guaranteed'],
  'NamespaceStatus.phase': ['Active', 'Terminating'],
  'DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'StatefulSetUpdateStrategy.type': UPDATE_STRATEGY,
  'DaemonSetUpdateStrategy.type': UPDATE_STRATEGY,
  'JobSpec.completionMode': ['Indexed', 'NonIndexed'],
  'JobSpec.podReplacementPolicy': ['Failed', 'TerminatingOrFailed'],
  'EndpointSlice.addressType': ['FQDN', 'IPv4', 'IPv6'],
  'Taint.effect': TAINT_EFFECT,
  'Toleration.effect': TAINT_EFFECT,
  'Toleration.operator': ['Equal', 'Exists'],
  'NodeSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  'HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
};
