/**
 * The resource kinds the simulated API server serves: group/version, plural resource name,
 * short names (as `kubectl api-resources` lists them), scope, and how names are validated.
 */
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPathSegmentName,
} from '../labels/names.ts';

/** Static facts about one kind, as API discovery reports them. */
export interface KindInfo {
  kind: string;
  group: string;
  version: string;
  /** `v1` for the core group, `group/version` otherwise. */
  apiVersion: string;
  /** Plural lowercase resource name (`networkpolicies`). */
  resource: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /** The API server's name validation for this kind; returns problems, none when valid. */
  validateName: (name: string) => string[];
}

function kind(
  kind: string,
  group: string,
  version: string,
  resource: string,
  shortNames: string[],
  namespaced: boolean,
  validateName: (name: string) => string[] = isDNS1123Subdomain,
): KindInfo {
  return {
    kind,
    group,
    version,
    apiVersion: group ? `${group}/${version}` : version,
    resource,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced,
    validateName,
  };
}

/** Every kind the simulator models, in the order `kubectl get all`-style listings use. */
export const KINDS: readonly KindInfo[] = [
  kind('Namespace', '', 'v1', 'namespaces', ['ns'], false, isDNS1123Label),
  kind('Pod', '', 'v1', 'pods', ['po'], true),
  kind('Service', '', 'v1', 'services', ['svc'], true, isDNS1035Label),
  kind('Endpoints', '', 'v1', 'endpoints', ['ep'], true),
  kind('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', [], true),
  kind('ServiceAccount', '', 'v1', 'serviceaccounts', ['sa'], true),
  kind('ConfigMap', '', 'v1', 'configmaps', ['cm'], true),
  kind('Secret', '', 'v1', 'secrets', [], true),
  kind('Node', '', 'v1', 'nodes', ['no'], false),
  kind('NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', ['netpol'], true),
  kind('Role', 'rbac.authorization.k8s.io', 'v1', 'roles', [], true, isValidPathSegmentName),
  kind(
    'ClusterRole',
    'rbac.authorization.k8s.io',
    'v1',
    'clusterroles',
    [],
    false,
    isValidPathSegmentName,
  ),
  kind(
    'RoleBinding',
    'rbac.authorization.k8s.io',
    'v1',
    'rolebindings',
    [],
    true,
    isValidPathSegmentName,
  ),
  kind(
    'ClusterRoleBinding',
    'rbac.authorization.k8s.io',
    'v1',
    'clusterrolebindings',
    [],
    false,
    isValidPathSegmentName,
  ),
  kind('Deployment', 'apps', 'v1', 'deployments', ['deploy'], true),
  kind('ReplicaSet', 'apps', 'v1', 'replicasets', ['rs'], true),
  kind('StatefulSet', 'apps', 'v1', 'statefulsets', ['sts'], true),
  kind('DaemonSet', 'apps', 'v1', 'daemonsets', ['ds'], true),
  kind('Job', 'batch', 'v1', 'jobs', [], true),
];

const byKind = new Map(KINDS.map((k) => [k.kind, k]));

/** Looks up a kind by its exact `kind` name (`NetworkPolicy`). */
export function kindInfo(kindName: string): KindInfo | undefined {
  return byKind.get(kindName);
}

/** Like kindInfo, for kinds known to exist. */
export function mustKind(kindName: string): KindInfo {
  const k = byKind.get(kindName);
  if (!k) throw new Error(`unknown kind ${kindName}`);
  return k;
}

/** The kind an `apiVersion` + `kind` pair names, if the simulator serves it. */
export function kindForApiVersion(apiVersion: string, kindName: string): KindInfo | undefined {
  const k = byKind.get(kindName);
  return k && k.apiVersion === apiVersion ? k : undefined;
}

/**
 * Resolves a resource argument as kubectl does: plural, singular, short name or kind,
 * optionally qualified by group (`networkpolicies.networking.k8s.io`, `deploy.apps`).
 */
export function resolveResourceType(arg: string): KindInfo | undefined {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  return KINDS.find(
    (k) =>
      (group === undefined ||
        k.group === group ||
        `${k.version}.${k.group}` === group ||
        (group === k.version && k.group === '')) &&
      (k.resource === name || k.singular === name || k.shortNames.includes(name)),
  );
}
