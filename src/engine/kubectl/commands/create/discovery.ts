/**
 * The resources a kind-style v1.32 API server reports in discovery (group, plural,
 * singular, short names). `create role` resolves `--resource` against this the way
 * kubectl's RESTMapper does, so `po`, `deploy` or `pod` become `pods` and `deployments.apps`.
 */

/** One served resource. */
export interface DiscoveredResource {
  group: string;
  resource: string;
  singular: string;
  shortNames: readonly string[];
}

const R = (
  group: string,
  resource: string,
  singular: string,
  ...shortNames: string[]
): DiscoveredResource => ({
  group,
  resource,
  singular,
  shortNames,
});

/** Core group first: kubectl's mapper prefers it when a name exists in several groups (events). */
export const DISCOVERY: readonly DiscoveredResource[] = [
  R('', 'bindings', 'binding'),
  R('', 'componentstatuses', 'componentstatus', 'cs'),
  R('', 'configmaps', 'configmap', 'cm'),
  R('', 'endpoints', 'endpoints', 'ep'),
  R('', 'events', 'event', 'ev'),
  R('', 'limitranges', 'limitrange', 'limits'),
  R('', 'namespaces', 'namespace', 'ns'),
  R('', 'nodes', 'node', 'no'),
  R('', 'persistentvolumeclaims', 'persistentvolumeclaim', 'pvc'),
  R('', 'persistentvolumes', 'persistentvolume', 'pv'),
  R('', 'pods', 'pod', 'po'),
  R('', 'podtemplates', 'podtemplate'),
  R('', 'replicationcontrollers', 'replicationcontroller', 'rc'),
  R('', 'resourcequotas', 'resourcequota', 'quota'),
  R('', 'secrets', 'secret'),
  R('', 'serviceaccounts', 'serviceaccount', 'sa'),
  R('', 'services', 'service', 'svc'),
  R(
    'admissionregistration.k8s.io',
    'mutatingwebhookconfigurations',
    'mutatingwebhookconfiguration',
  ),
  R('admissionregistration.k8s.io', 'validatingadmissionpolicies', 'validatingadmissionpolicy'),
  R(
    'admissionregistration.k8s.io',
    'validatingadmissionpolicybindings',
    'validatingadmissionpolicybinding',
  ),
  R(
    'admissionregistration.k8s.io',
    'validatingwebhookconfigurations',
    'validatingwebhookconfiguration',
  ),
  R('apiextensions.k8s.io', 'customresourcedefinitions', 'customresourcedefinition', 'crd', 'crds'),
  R('apiregistration.k8s.io', 'apiservices', 'apiservice'),
  R('apps', 'controllerrevisions', 'controllerrevision'),
  R('apps', 'daemonsets', 'daemonset', 'ds'),
  R('apps', 'deployments', 'deployment', 'deploy'),
  R('apps', 'replicasets', 'replicaset', 'rs'),
  R('apps', 'statefulsets', 'statefulset', 'sts'),
  R('authentication.k8s.io', 'selfsubjectreviews', 'selfsubjectreview'),
  R('authentication.k8s.io', 'tokenreviews', 'tokenreview'),
  R('authorization.k8s.io', 'localsubjectaccessreviews', 'localsubjectaccessreview'),
  R('authorization.k8s.io', 'selfsubjectaccessreviews', 'selfsubjectaccessreview'),
  R('authorization.k8s.io', 'selfsubjectrulesreviews', 'selfsubjectrulesreview'),
  R('authorization.k8s.io', 'subjectaccessreviews', 'subjectaccessreview'),
  R('autoscaling', 'horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa'),
  R('batch', 'cronjobs', 'cronjob', 'cj'),
  R('batch', 'jobs', 'job'),
  R('certificates.k8s.io', 'certificatesigningrequests', 'certificatesigningrequest', 'csr'),
  R('coordination.k8s.io', 'leases', 'lease'),
  R('discovery.k8s.io', 'endpointslices', 'endpointslice'),
  R('events.k8s.io', 'events', 'event', 'ev'),
  R('flowcontrol.apiserver.k8s.io', 'flowschemas', 'flowschema'),
  R('flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations', 'prioritylevelconfiguration'),
  R('networking.k8s.io', 'ingressclasses', 'ingressclass'),
  R('networking.k8s.io', 'ingresses', 'ingress', 'ing'),
  R('networking.k8s.io', 'networkpolicies', 'networkpolicy', 'netpol'),
  R('node.k8s.io', 'runtimeclasses', 'runtimeclass'),
  R('policy', 'poddisruptionbudgets', 'poddisruptionbudget', 'pdb'),
  R('rbac.authorization.k8s.io', 'clusterrolebindings', 'clusterrolebinding'),
  R('rbac.authorization.k8s.io', 'clusterroles', 'clusterrole'),
  R('rbac.authorization.k8s.io', 'rolebindings', 'rolebinding'),
  R('rbac.authorization.k8s.io', 'roles', 'role'),
  R('scheduling.k8s.io', 'priorityclasses', 'priorityclass', 'pc'),
  R('storage.k8s.io', 'csidrivers', 'csidriver'),
  R('storage.k8s.io', 'csinodes', 'csinode'),
  R('storage.k8s.io', 'csistoragecapacities', 'csistoragecapacity'),
  R('storage.k8s.io', 'storageclasses', 'storageclass', 'sc'),
  R('storage.k8s.io', 'volumeattachments', 'volumeattachment'),
];

/** RESTMapper.ResourceFor with the shortcut expander: the served resource a name means. */
export function resourceFor(resource: string, group: string): DiscoveredResource | undefined {
  const name = resource.toLowerCase();
  const g = group.toLowerCase();
  return DISCOVERY.find(
    (r) =>
      (g === '' || r.group === g) &&
      (r.resource === name || r.singular === name || r.shortNames.includes(name)),
  );
}

/** How kubectl reports a name discovery does not know. */
export function noMatchMessage(resource: string, group: string): string {
  return group
    ? `the server doesn't have a resource type "${resource}" in group "${group}"`
    : `the server doesn't have a resource type "${resource}"`;
}
