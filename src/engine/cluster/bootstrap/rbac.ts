/**
 * The RBAC objects every new cluster starts with: the API server's bootstrap policy
 * (cluster-admin, the aggregated admin/edit/view with their system:aggregate-to-* parts,
 * discovery, basic-user, public-info-viewer, the control-plane roles and the kube-system /
 * kube-public Roles) and what kubeadm adds (kubeadm:cluster-admins bound to cluster-admin,
 * CoreDNS's role, anonymous reads of kube-public's cluster-info). Rules follow the upstream
 * bootstrap policy testdata (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata).
 */
import type { KubeObject, PolicyRule } from '../types.ts';

const RBAC = 'rbac.authorization.k8s.io';
const API_VERSION = `${RBAC}/v1`;
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ_WRITE = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function rule(
  apiGroups: string[],
  resources: string[],
  verbs: string[],
  resourceNames?: string[],
): PolicyRule {
  return { apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) };
}

function urls(nonResourceURLs: string[], verbs: string[]): PolicyRule {
  return { nonResourceURLs, verbs };
}

function meta(name: string, labels: Record<string, string> = {}) {
  return {
    name,
    labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...labels },
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  };
}

function clusterRole(
  name: string,
  rules: PolicyRule[],
  labels?: Record<string, string>,
): KubeObject {
  return { apiVersion: API_VERSION, kind: 'ClusterRole', metadata: meta(name, labels), rules };
}

/** An aggregated ClusterRole: its rules are whatever the aggregation controller gathers. */
function aggregated(
  name: string,
  selectorLabel: string,
  labels?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterRole',
    metadata: meta(name, labels),
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [selectorLabel]: 'true' } }] },
    rules: [],
  };
}

type SubjectSpec = ['User' | 'Group', string] | ['ServiceAccount', string, string];

function binding(
  name: string,
  role: string,
  subjects: SubjectSpec[],
  bootstrap = true,
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterRoleBinding',
    metadata: bootstrap ? meta(name) : { name },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
    subjects: subjects.map((s) =>
      s[0] === 'ServiceAccount'
        ? { kind: 'ServiceAccount', name: s[2], namespace: s[1] }
        : { apiGroup: RBAC, kind: s[0], name: s[1] },
    ),
  };
}

const AGG_ADMIN = `${RBAC}/aggregate-to-admin`;
const AGG_EDIT = `${RBAC}/aggregate-to-edit`;
const AGG_VIEW = `${RBAC}/aggregate-to-view`;

function userFacingRoles(): KubeObject[] {
  return [
    clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), urls(['*'], ['*'])]),
    aggregated('admin', AGG_ADMIN),
    aggregated('edit', AGG_EDIT, { [AGG_ADMIN]: 'true' }),
    aggregated('view', AGG_VIEW, { [AGG_EDIT]: 'true' }),
    clusterRole(
      'system:aggregate-to-admin',
      [
        rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
        rule([RBAC], ['rolebindings', 'roles'], READ_WRITE),
      ],
      { [AGG_ADMIN]: 'true' },
    ),
    clusterRole(
      'system:aggregate-to-edit',
      [
        rule(
          [''],
          [
            'pods/attach',
            'pods/exec',
            'pods/portforward',
            'pods/proxy',
            'secrets',
            'services/proxy',
          ],
          READ,
        ),
        rule([''], ['serviceaccounts'], ['impersonate']),
        rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
        rule([''], ['pods/eviction'], ['create']),
        rule(
          [''],
          [
            'configmaps',
            'events',
            'persistentvolumeclaims',
            'replicationcontrollers',
            'replicationcontrollers/scale',
            'secrets',
            'serviceaccounts',
            'services',
            'services/proxy',
          ],
          WRITE,
        ),
        rule([''], ['serviceaccounts/token'], ['create']),
        rule(
          ['apps'],
          [
            'daemonsets',
            'deployments',
            'deployments/rollback',
            'deployments/scale',
            'replicasets',
            'replicasets/scale',
            'statefulsets',
            'statefulsets/scale',
          ],
          WRITE,
        ),
        rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
        rule(['batch'], ['cronjobs', 'jobs'], WRITE),
        rule(
          ['extensions'],
          [
            'daemonsets',
            'deployments',
            'deployments/rollback',
            'deployments/scale',
            'ingresses',
            'networkpolicies',
            'replicasets',
            'replicasets/scale',
            'replicationcontrollers/scale',
          ],
          WRITE,
        ),
        rule(['policy'], ['poddisruptionbudgets'], WRITE),
        rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
        rule(['coordination.k8s.io'], ['leases'], READ_WRITE),
      ],
      { [AGG_EDIT]: 'true' },
    ),
    clusterRole(
      'system:aggregate-to-view',
      [
        rule(
          [''],
          [
            'configmaps',
            'endpoints',
            'persistentvolumeclaims',
            'persistentvolumeclaims/status',
            'pods',
            'replicationcontrollers',
            'replicationcontrollers/scale',
            'serviceaccounts',
            'services',
            'services/status',
          ],
          READ,
        ),
        rule(
          [''],
          [
            'bindings',
            'events',
            'limitranges',
            'namespaces/status',
            'pods/log',
            'pods/status',
            'replicationcontrollers/status',
            'resourcequotas',
            'resourcequotas/status',
          ],
          READ,
        ),
        rule([''], ['namespaces'], READ),
        rule(['discovery.k8s.io'], ['endpointslices'], READ),
        rule(
          ['apps'],
          [
            'controllerrevisions',
            'daemonsets',
            'daemonsets/status',
            'deployments',
            'deployments/scale',
            'deployments/status',
            'replicasets',
            'replicasets/scale',
            'replicasets/status',
            'statefulsets',
            'statefulsets/scale',
            'statefulsets/status',
          ],
          READ,
        ),
        rule(
          ['autoscaling'],
          ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
          READ,
        ),
        rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
        rule(
          ['extensions'],
          [
            'daemonsets',
            'daemonsets/status',
            'deployments',
            'deployments/scale',
            'deployments/status',
            'ingresses',
            'ingresses/status',
            'networkpolicies',
            'replicasets',
            'replicasets/scale',
            'replicasets/status',
            'replicationcontrollers/scale',
          ],
          READ,
        ),
        rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
        rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
      ],
      { [AGG_VIEW]: 'true' },
    ),
  ];
}

function systemRoles(): KubeObject[] {
  return [
    clusterRole('system:basic-user', [
      rule(
        ['authorization.k8s.io'],
        ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        ['create'],
      ),
      rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create']),
    ]),
    clusterRole('system:discovery', [
      urls(
        [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/healthz',
          '/livez',
          '/openapi',
          '/openapi/*',
          '/readyz',
          '/version',
          '/version/',
        ],
        ['get'],
      ),
    ]),
    clusterRole('system:public-info-viewer', [
      urls(['/healthz', '/livez', '/readyz', '/version', '/version/'], ['get']),
    ]),
    clusterRole('system:monitoring', [
      urls(
        [
          '/healthz',
          '/healthz/*',
          '/livez',
          '/livez/*',
          '/metrics',
          '/metrics/slis',
          '/readyz',
          '/readyz/*',
        ],
        ['get'],
      ),
    ]),
    clusterRole('system:service-account-issuer-discovery', [
      urls(['/.well-known/openid-configuration', '/openid/v1/jwks'], ['get']),
    ]),
    clusterRole('system:auth-delegator', [
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
    ]),
    clusterRole('system:kube-dns', [rule([''], ['endpoints', 'services'], ['list', 'watch'])]),
    clusterRole('system:node-proxier', [
      rule([''], ['endpoints', 'services'], ['list', 'watch']),
      rule([''], ['nodes'], READ),
      rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
    ]),
    clusterRole('system:kube-scheduler', [
      rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
      rule(['coordination.k8s.io'], ['leases'], ['create']),
      rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-scheduler']),
      rule([''], ['nodes'], READ),
      rule([''], ['pods'], ['delete', 'get', 'list', 'watch']),
      rule([''], ['bindings', 'pods/binding'], ['create']),
      rule([''], ['pods/status'], ['patch', 'update']),
      rule([''], ['replicationcontrollers', 'services'], READ),
      rule(['apps', 'extensions'], ['replicasets'], READ),
      rule(['apps'], ['statefulsets'], READ),
      rule(['policy'], ['poddisruptionbudgets'], READ),
      rule([''], ['persistentvolumeclaims', 'persistentvolumes'], READ),
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      rule(['storage.k8s.io'], ['csinodes'], READ),
      rule([''], ['namespaces'], READ),
      rule(['storage.k8s.io'], ['csidrivers'], READ),
      rule(['storage.k8s.io'], ['csistoragecapacities'], READ),
    ]),
    clusterRole('system:kube-controller-manager', [
      rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
      rule(['coordination.k8s.io'], ['leases'], ['create']),
      rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-controller-manager']),
      rule([''], ['secrets', 'serviceaccounts'], ['create']),
      rule([''], ['secrets'], ['delete']),
      rule([''], ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], ['get']),
      rule([''], ['secrets', 'serviceaccounts'], ['update']),
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      rule(['*'], ['*'], ['list', 'watch']),
      rule([''], ['serviceaccounts/token'], ['create']),
    ]),
  ];
}

function role(namespace: string, name: string, rules: PolicyRule[]): KubeObject {
  return { apiVersion: API_VERSION, kind: 'Role', metadata: { ...meta(name), namespace }, rules };
}

function roleBinding(
  namespace: string,
  name: string,
  roleName: string,
  subjects: SubjectSpec[],
  bootstrap = true,
): KubeObject {
  const crb = binding(name, roleName, subjects, bootstrap);
  return {
    ...crb,
    kind: 'RoleBinding',
    metadata: { ...crb.metadata, name, namespace },
    roleRef: { apiGroup: RBAC, kind: 'Role', name: roleName },
  };
}

const LEASES = ['create', 'get', 'list', 'update', 'watch'];
const EVENTS_WRITE = rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']);
const SYS = 'kube-system';

/** The namespaced part of the bootstrap policy (kube-system and kube-public). */
function namespacedObjects(): KubeObject[] {
  const leaderLocking = [
    rule(['coordination.k8s.io'], ['leases'], LEASES),
    rule(['coordination.k8s.io'], ['leasecandidates'], LEASES),
  ];
  const same = (ns: string, name: string, subjects: SubjectSpec[]) =>
    roleBinding(ns, name, name, subjects);
  return [
    role('kube-public', 'system:controller:bootstrap-signer', [
      rule([''], ['configmaps'], READ),
      rule([''], ['configmaps'], ['update'], ['cluster-info']),
      EVENTS_WRITE,
    ]),
    role(SYS, 'extension-apiserver-authentication-reader', [
      rule([''], ['configmaps'], READ, ['extension-apiserver-authentication']),
    ]),
    role(SYS, 'system::leader-locking-kube-controller-manager', leaderLocking),
    role(SYS, 'system::leader-locking-kube-scheduler', leaderLocking),
    role(SYS, 'system:controller:bootstrap-signer', [rule([''], ['secrets'], READ)]),
    role(SYS, 'system:controller:cloud-provider', [
      rule([''], ['configmaps'], ['create', 'get', 'list', 'watch']),
    ]),
    role(SYS, 'system:controller:token-cleaner', [
      rule([''], ['secrets'], ['delete', 'get', 'list', 'watch']),
      EVENTS_WRITE,
    ]),
    same('kube-public', 'system:controller:bootstrap-signer', [
      ['ServiceAccount', SYS, 'bootstrap-signer'],
    ]),
    roleBinding(
      SYS,
      'system::extension-apiserver-authentication-reader',
      'extension-apiserver-authentication-reader',
      [
        ['User', 'system:kube-controller-manager'],
        ['User', 'system:kube-scheduler'],
      ],
    ),
    same(SYS, 'system::leader-locking-kube-controller-manager', [
      ['User', 'system:kube-controller-manager'],
      ['ServiceAccount', SYS, 'kube-controller-manager'],
      ['ServiceAccount', SYS, 'leader-election-controller'],
    ]),
    same(SYS, 'system::leader-locking-kube-scheduler', [
      ['User', 'system:kube-scheduler'],
      ['ServiceAccount', SYS, 'kube-scheduler'],
    ]),
    same(SYS, 'system:controller:bootstrap-signer', [['ServiceAccount', SYS, 'bootstrap-signer']]),
    same(SYS, 'system:controller:cloud-provider', [['ServiceAccount', SYS, 'cloud-provider']]),
    same(SYS, 'system:controller:token-cleaner', [['ServiceAccount', SYS, 'token-cleaner']]),
  ];
}

/** kubeadm's additions: the admin group's binding, CoreDNS's role, anonymous cluster-info reads. */
function kubeadmObjects(): KubeObject[] {
  return [
    {
      apiVersion: API_VERSION,
      kind: 'ClusterRole',
      metadata: { name: 'system:coredns' },
      rules: [
        rule([''], ['endpoints', 'services', 'pods', 'namespaces'], ['list', 'watch']),
        rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
      ],
    },
    binding(
      'system:coredns',
      'system:coredns',
      [['ServiceAccount', 'kube-system', 'coredns']],
      false,
    ),
    binding(
      'kubeadm:cluster-admins',
      'cluster-admin',
      [['Group', 'kubeadm:cluster-admins']],
      false,
    ),
    {
      apiVersion: API_VERSION,
      kind: 'Role',
      metadata: { name: 'kubeadm:bootstrap-signer-clusterinfo', namespace: 'kube-public' },
      rules: [rule([''], ['configmaps'], ['get'], ['cluster-info'])],
    },
    roleBinding(
      'kube-public',
      'kubeadm:bootstrap-signer-clusterinfo',
      'kubeadm:bootstrap-signer-clusterinfo',
      [['User', 'system:anonymous']],
      false,
    ),
  ];
}

export function bootstrapRbacObjects(): KubeObject[] {
  return [
    ...userFacingRoles(),
    ...systemRoles(),
    binding('cluster-admin', 'cluster-admin', [['Group', 'system:masters']]),
    binding('system:basic-user', 'system:basic-user', [['Group', 'system:authenticated']]),
    binding('system:discovery', 'system:discovery', [['Group', 'system:authenticated']]),
    binding('system:public-info-viewer', 'system:public-info-viewer', [
      ['Group', 'system:authenticated'],
      ['Group', 'system:unauthenticated'],
    ]),
    binding('system:monitoring', 'system:monitoring', [['Group', 'system:monitoring']]),
    binding('system:service-account-issuer-discovery', 'system:service-account-issuer-discovery', [
      ['Group', 'system:serviceaccounts'],
    ]),
    binding('system:kube-dns', 'system:kube-dns', [['ServiceAccount', 'kube-system', 'kube-dns']]),
    binding('system:node-proxier', 'system:node-proxier', [['User', 'system:kube-proxy']]),
    binding('system:kube-scheduler', 'system:kube-scheduler', [['User', 'system:kube-scheduler']]),
    binding('system:kube-controller-manager', 'system:kube-controller-manager', [
      ['User', 'system:kube-controller-manager'],
    ]),
    ...namespacedObjects(),
    ...kubeadmObjects(),
  ];
}
