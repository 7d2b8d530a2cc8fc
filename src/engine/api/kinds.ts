/**
 * The registry of kinds, static half: per kind the simulated API server stores, what API
 * discovery reports (group/version, plural resource, short names, scope, verbs, categories),
 * how its names are validated, and where a cluster export writes it. Pure data, so every layer
 * can read it. The behaviour per kind sits in per-layer tables keyed by KindName whose types
 * demand an entry for every kind: cluster/registry.ts (validation, defaulting, admission) and
 * kubectl/registry.ts (`get` columns, `describe`). Adding a kind starts with one entry here;
 * the compiler then names each table still missing it.
 */
/**
 * The API server's rule for an object's name (apimachinery's validation path functions):
 * DNS-1123 subdomain (most kinds), DNS-1123 label (namespaces), DNS-1035 label (Services),
 * or a valid path segment (RBAC objects). labels/names.ts implements each.
 */
export type NameRule = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

/** Every verb discovery lists for the kinds modelled here (the API server's standard storage). */
const STANDARD_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
] as const;

/** What one entry states; the rest of its KindInfo follows from it. */
interface KindFacts {
  /** API group; `''` is the core group. */
  group: string;
  version: string;
  /** Plural lowercase resource name (`networkpolicies`). */
  resource: string;
  shortNames?: readonly string[];
  namespaced: boolean;
  /** Default: DNS-1123 subdomain, the API server's most common name rule. */
  nameRule?: NameRule;
  /** Default: all standard verbs. */
  verbs?: readonly string[];
  /** Discovery categories; `all` is what `kubectl get all` lists. */
  categories?: readonly string[];
  /** Rank in a cluster export (lower first); unset kinds follow every ranked one. */
  exportOrder?: number;
  /** False for kinds the cluster's controllers recreate, which an export leaves out. */
  exported?: boolean;
}

/** Static facts about one kind, as API discovery reports them. */
export interface KindSpec<K extends string> {
  kind: K;
  group: string;
  version: string;
  /** `v1` for the core group, `group/version` otherwise. */
  apiVersion: string;
  /** Plural lowercase resource name (`networkpolicies`). */
  resource: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /** Verbs discovery lists for the resource (`kubectl api-resources -o wide`). */
  verbs: readonly string[];
  /** Discovery categories (`all` is what `kubectl get all` expands to). */
  categories: readonly string[];
  /** The API server's rule for this kind's names. */
  nameRule: NameRule;
  /**
   * Rank in a cluster export, so `kubectl apply -f` can replay it: what other objects refer to
   * (namespaces, accounts, roles) comes first; undefined sorts after every ranked kind.
   */
  exportOrder: number | undefined;
  /** False when the cluster's controllers recreate these objects, so an export leaves them out. */
  exported: boolean;
}

function kind<const K extends string>(kind: K, facts: KindFacts): KindSpec<K> {
  const { group, version } = facts;
  return {
    kind,
    group,
    version,
    apiVersion: group ? `${group}/${version}` : version,
    resource: facts.resource,
    singular: kind.toLowerCase(),
    shortNames: facts.shortNames ?? [],
    namespaced: facts.namespaced,
    verbs: facts.verbs ?? STANDARD_VERBS,
    categories: facts.categories ?? [],
    nameRule: facts.nameRule ?? 'dns1123-subdomain',
    exportOrder: facts.exportOrder,
    exported: facts.exported ?? true,
  };
}

const core = { group: '', version: 'v1' };
const apps = { group: 'apps', version: 'v1', namespaced: true, categories: ['all'] };
const rbac = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  nameRule: 'path-segment' as const,
};

const SPECS = [
  kind('Namespace', {
    ...core,
    resource: 'namespaces',
    shortNames: ['ns'],
    namespaced: false,
    nameRule: 'dns1123-label',
    // The namespace registry serves no collection delete.
    verbs: STANDARD_VERBS.filter((v) => v !== 'deletecollection'),
    exportOrder: 0,
  }),
  kind('Pod', {
    ...core,
    resource: 'pods',
    shortNames: ['po'],
    namespaced: true,
    categories: ['all'],
  }),
  kind('Service', {
    ...core,
    resource: 'services',
    shortNames: ['svc'],
    namespaced: true,
    nameRule: 'dns1035-label',
    categories: ['all'],
    exportOrder: 9,
  }),
  kind('Endpoints', {
    ...core,
    resource: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
    exported: false,
  }),
  kind('EndpointSlice', {
    group: 'discovery.k8s.io',
    version: 'v1',
    resource: 'endpointslices',
    namespaced: true,
    exported: false,
  }),
  kind('ServiceAccount', {
    ...core,
    resource: 'serviceaccounts',
    shortNames: ['sa'],
    namespaced: true,
    exportOrder: 1,
  }),
  kind('ConfigMap', {
    ...core,
    resource: 'configmaps',
    shortNames: ['cm'],
    namespaced: true,
    exportOrder: 2,
  }),
  kind('Secret', { ...core, resource: 'secrets', namespaced: true, exportOrder: 3 }),
  kind('Node', { ...core, resource: 'nodes', shortNames: ['no'], namespaced: false }),
  kind('NetworkPolicy', {
    group: 'networking.k8s.io',
    version: 'v1',
    resource: 'networkpolicies',
    shortNames: ['netpol'],
    namespaced: true,
    exportOrder: 8,
  }),
  kind('Role', { ...rbac, resource: 'roles', namespaced: true, exportOrder: 5 }),
  kind('ClusterRole', { ...rbac, resource: 'clusterroles', namespaced: false, exportOrder: 4 }),
  kind('RoleBinding', { ...rbac, resource: 'rolebindings', namespaced: true, exportOrder: 7 }),
  kind('ClusterRoleBinding', {
    ...rbac,
    resource: 'clusterrolebindings',
    namespaced: false,
    exportOrder: 6,
  }),
  kind('Deployment', { ...apps, resource: 'deployments', shortNames: ['deploy'] }),
  kind('ReplicaSet', { ...apps, resource: 'replicasets', shortNames: ['rs'], exported: false }),
  kind('StatefulSet', { ...apps, resource: 'statefulsets', shortNames: ['sts'] }),
  kind('DaemonSet', { ...apps, resource: 'daemonsets', shortNames: ['ds'] }),
  kind('Job', {
    group: 'batch',
    version: 'v1',
    resource: 'jobs',
    namespaced: true,
    categories: ['all'],
  }),
];

/** The name of a kind the simulator stores (`'ConfigMap'`); a misspelt one does not compile. */
export type KindName = (typeof SPECS)[number]['kind'];

/** Static facts about one stored kind. */
export type KindInfo = KindSpec<KindName>;

/** Every kind the simulator models (listings that span kinds sort on their own). */
export const KINDS: readonly KindInfo[] = SPECS;

const byKind = new Map<string, KindInfo>(KINDS.map((k) => [k.kind, k]));

/** Looks up a kind by its exact `kind` name (`NetworkPolicy`): how a string from input narrows. */
export function kindInfo(kindName: string): KindInfo | undefined {
  return byKind.get(kindName);
}

/** Like kindInfo, for kinds known to exist. */
export function mustKind(kindName: KindName): KindInfo {
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
