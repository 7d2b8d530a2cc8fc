/**
 * API discovery as kubectl's REST mapper sees it: every built-in resource a current cluster
 * serves (`kubectl api-resources`), not only the kinds the simulator stores, so that
 * `auth can-i create cronjobs.batch` resolves as it does against a real API server.
 */
import { KINDS } from '../api/index.ts';

/** One served resource: plural name, short names, group, preferred version, scope. */
export interface ApiResource {
  resource: string;
  singular: string;
  shortNames: readonly string[];
  group: string;
  version: string;
  namespaced: boolean;
  kind: string;
}

// Resources a v1.30 API server serves that the simulator does not store, as `kubectl
// api-resources` lists them: [plural, shortNames, group, version, namespaced, Kind]. The kinds
// it stores come from KINDS; a row for one of them here would be skipped.
const SERVED_ONLY: ReadonlyArray<[string, string, string, string, boolean, string]> = [
  ['bindings', '', '', 'v1', true, 'Binding'],
  ['componentstatuses', 'cs', '', 'v1', false, 'ComponentStatus'],
  ['events', 'ev', '', 'v1', true, 'Event'],
  ['limitranges', 'limits', '', 'v1', true, 'LimitRange'],
  ['persistentvolumeclaims', 'pvc', '', 'v1', true, 'PersistentVolumeClaim'],
  ['persistentvolumes', 'pv', '', 'v1', false, 'PersistentVolume'],
  ['podtemplates', '', '', 'v1', true, 'PodTemplate'],
  ['replicationcontrollers', 'rc', '', 'v1', true, 'ReplicationController'],
  ['resourcequotas', 'quota', '', 'v1', true, 'ResourceQuota'],
  [
    'mutatingwebhookconfigurations',
    '',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'MutatingWebhookConfiguration',
  ],
  [
    'validatingadmissionpolicies',
    '',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'ValidatingAdmissionPolicy',
  ],
  [
    'validatingadmissionpolicybindings',
    '',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'ValidatingAdmissionPolicyBinding',
  ],
  [
    'validatingwebhookconfigurations',
    '',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'ValidatingWebhookConfiguration',
  ],
  [
    'customresourcedefinitions',
    'crd,crds',
    'apiextensions.k8s.io',
    'v1',
    false,
    'CustomResourceDefinition',
  ],
  ['apiservices', '', 'apiregistration.k8s.io', 'v1', false, 'APIService'],
  ['controllerrevisions', '', 'apps', 'v1', true, 'ControllerRevision'],
  ['selfsubjectreviews', '', 'authentication.k8s.io', 'v1', false, 'SelfSubjectReview'],
  ['tokenreviews', '', 'authentication.k8s.io', 'v1', false, 'TokenReview'],
  ['localsubjectaccessreviews', '', 'authorization.k8s.io', 'v1', true, 'LocalSubjectAccessReview'],
  ['selfsubjectaccessreviews', '', 'authorization.k8s.io', 'v1', false, 'SelfSubjectAccessReview'],
  ['selfsubjectrulesreviews', '', 'authorization.k8s.io', 'v1', false, 'SelfSubjectRulesReview'],
  ['subjectaccessreviews', '', 'authorization.k8s.io', 'v1', false, 'SubjectAccessReview'],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling', 'v2', true, 'HorizontalPodAutoscaler'],
  ['cronjobs', 'cj', 'batch', 'v1', true, 'CronJob'],
  [
    'certificatesigningrequests',
    'csr',
    'certificates.k8s.io',
    'v1',
    false,
    'CertificateSigningRequest',
  ],
  ['leases', '', 'coordination.k8s.io', 'v1', true, 'Lease'],
  ['events', 'ev', 'events.k8s.io', 'v1', true, 'Event'],
  ['flowschemas', '', 'flowcontrol.apiserver.k8s.io', 'v1', false, 'FlowSchema'],
  [
    'prioritylevelconfigurations',
    '',
    'flowcontrol.apiserver.k8s.io',
    'v1',
    false,
    'PriorityLevelConfiguration',
  ],
  ['ingressclasses', '', 'networking.k8s.io', 'v1', false, 'IngressClass'],
  ['ingresses', 'ing', 'networking.k8s.io', 'v1', true, 'Ingress'],
  ['runtimeclasses', '', 'node.k8s.io', 'v1', false, 'RuntimeClass'],
  ['poddisruptionbudgets', 'pdb', 'policy', 'v1', true, 'PodDisruptionBudget'],
  ['priorityclasses', 'pc', 'scheduling.k8s.io', 'v1', false, 'PriorityClass'],
  ['csidrivers', '', 'storage.k8s.io', 'v1', false, 'CSIDriver'],
  ['csinodes', '', 'storage.k8s.io', 'v1', false, 'CSINode'],
  ['csistoragecapacities', '', 'storage.k8s.io', 'v1', true, 'CSIStorageCapacity'],
  ['storageclasses', 'sc', 'storage.k8s.io', 'v1', false, 'StorageClass'],
  ['volumeattachments', '', 'storage.k8s.io', 'v1', false, 'VolumeAttachment'],
];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byGroupThenName = (a: ApiResource, b: ApiResource) =>
  cmp(a.group, b.group) || cmp(a.resource, b.resource);

/**
 * Every served resource, the simulator's own kinds included, in discovery's order: core group
 * first, then by group, then by name (as `kubectl api-resources` sorts them).
 */
export const API_RESOURCES: readonly ApiResource[] = (() => {
  const stored: ApiResource[] = KINDS.map((k) => ({
    resource: k.resource,
    singular: k.singular,
    shortNames: [...k.shortNames],
    group: k.group,
    version: k.version,
    namespaced: k.namespaced,
    kind: k.kind,
  }));
  const others = SERVED_ONLY.filter(
    ([resource, , group]) => !stored.some((r) => r.resource === resource && r.group === group),
  ).map(([resource, short, group, version, namespaced, kind]) => ({
    resource,
    singular: kind.toLowerCase(),
    shortNames: short ? short.split(',') : [],
    group,
    version,
    namespaced,
    kind,
  }));
  return [...stored, ...others].sort(byGroupThenName);
})();

// Groups in the order discovery lists them: core first, then the others as served. The REST
// mapper prefers the first group when an unqualified name exists in several (events).
const GROUP_ORDER = [...new Set(API_RESOURCES.map((r) => r.group))];

function versionsOf(group: string): string[] {
  return [...new Set(API_RESOURCES.filter((r) => r.group === group).map((r) => r.version))];
}

/**
 * Resolves a resource argument the way kubectl's shortcut-expanding REST mapper does:
 * `pods`, `pod`, `po`, `deployments.apps`, `deploy.apps`, `deployments.v1.apps`.
 * Undefined when the server has no such resource.
 */
export function resolveApiResource(arg: string): ApiResource | undefined {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const rest = dot < 0 ? undefined : lower.slice(dot + 1);
  const matchesName = (r: ApiResource) =>
    r.resource === name || r.singular === name || r.shortNames.includes(name);
  const candidates = API_RESOURCES.filter(matchesName);
  if (rest === undefined) {
    candidates.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));
    return candidates[0];
  }
  // `resource.version.group` (fully specified) first, then `resource.group`.
  const vdot = rest.indexOf('.');
  if (vdot > 0) {
    const version = rest.slice(0, vdot);
    const group = rest.slice(vdot + 1);
    const full = candidates.find((r) => r.group === group && versionsOf(group).includes(version));
    if (full) return full;
  }
  return candidates.find((r) => r.group === rest);
}
