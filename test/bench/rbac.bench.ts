/**
 * RBAC at scale: 300 roles (200 Roles over 20 namespaces, 100 ClusterRoles) and 1,000
 * bindings (800 RoleBindings, 200 ClusterRoleBindings), plus the bootstrap policy.
 * Targets: `auth can-i` ≤ 1 ms, `who-can` ≤ 20 ms.
 */
import { applyToState, createCluster, type KubeObject } from '../../src/engine/cluster/index.ts';
import { runKubectl } from '../../src/engine/kubectl/index.ts';
import { authorize, impersonatedUser, whoCan } from '../../src/engine/rbac/index.ts';
import { fmt, measure } from './measure.ts';

const RBAC = 'rbac.authorization.k8s.io/v1';
const NAMESPACES = 20;
const objects: KubeObject[] = [];
const resources = ['pods', 'services', 'configmaps', 'secrets', 'deployments', 'jobs', 'pods/log'];
const verbs = ['get', 'list', 'watch', 'create', 'delete'];
const rule = (i: number) => ({
  apiGroups: [i % 3 === 0 ? 'apps' : ''],
  resources: [resources[i % resources.length]!, resources[(i + 3) % resources.length]!],
  verbs: [verbs[i % verbs.length]!, verbs[(i + 2) % verbs.length]!],
});
for (let n = 0; n < NAMESPACES; n++)
  objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns${n}` } });
for (let i = 0; i < 200; i++)
  objects.push({
    apiVersion: RBAC,
    kind: 'Role',
    metadata: { name: `role${i}`, namespace: `ns${i % NAMESPACES}` },
    rules: [rule(i), rule(i + 1), rule(i + 2)],
  });
for (let i = 0; i < 100; i++)
  objects.push({
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: { name: `crole${i}` },
    rules: [rule(i * 7), rule(i * 7 + 1)],
  });
const subject = (i: number) =>
  i % 3 === 0
    ? { kind: 'ServiceAccount', name: `sa${i % 50}`, namespace: `ns${i % NAMESPACES}` }
    : {
        kind: i % 3 === 1 ? 'User' : 'Group',
        apiGroup: 'rbac.authorization.k8s.io',
        name: `${i % 3 === 1 ? 'user' : 'group'}${i % 40}`,
      };
for (let i = 0; i < 800; i++) {
  const ns = `ns${i % NAMESPACES}`;
  const toRole = i % 2 === 0;
  objects.push({
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name: `rb${i}`, namespace: ns },
    roleRef: toRole
      ? {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: `role${(i % 10) * NAMESPACES + (i % NAMESPACES)}`,
        }
      : { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `crole${i % 100}` },
    subjects: [subject(i), subject(i + 1)],
  });
}
for (let i = 0; i < 200; i++)
  objects.push({
    apiVersion: RBAC,
    kind: 'ClusterRoleBinding',
    metadata: { name: `crb${i}` },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: `crole${i % 100}`,
    },
    subjects: [subject(i * 5), subject(i * 5 + 2)],
  });

const { state, outcomes } = applyToState(
  createCluster(),
  objects.map((object) => ({ object, source: { file: 'bench', line: 1, column: 1 } })),
  { mode: 'apply', namespace: 'default' },
);
if (outcomes.some((o) => !o.ok)) throw new Error('bench cluster failed to load');
console.log(
  `cluster: ${objects.length} generated RBAC-related objects (300 roles, 1,000 bindings) + bootstrap`,
);

const sa = impersonatedUser('system:serviceaccount:ns3:sa3', []);
const attrs = {
  verb: 'delete',
  resourceRequest: true,
  apiGroup: '',
  resource: 'secrets',
  namespace: 'ns7',
};
const N = 1000;
const authz = measure(
  () => {
    for (let i = 0; i < N; i++) authorize(state, sa, attrs);
  },
  9,
  5,
);
const canI = measure(
  () => {
    for (let i = 0; i < 100; i++)
      runKubectl(state, [
        'auth',
        'can-i',
        'delete',
        'secrets',
        '-n',
        'ns7',
        '--as=system:serviceaccount:ns3:sa3',
      ]);
  },
  9,
  5,
);
const who = measure(
  () =>
    whoCan(state, {
      verb: 'get',
      resourceRequest: true,
      apiGroup: '',
      resource: 'pods',
      namespace: 'ns7',
    }),
  41,
  5,
);
const whoAll = measure(
  () =>
    whoCan(
      state,
      { verb: 'get', resourceRequest: true, apiGroup: '', resource: 'pods', namespace: '' },
      true,
    ),
  41,
  5,
);
const whoCmd = measure(() => runKubectl(state, ['who-can', 'get', 'pods', '-n', 'ns7']), 41, 5);
const whoCmdAll = measure(() => runKubectl(state, ['who-can', 'get', 'pods', '-A']), 41, 5);
const rows = whoCan(
  state,
  { verb: 'get', resourceRequest: true, apiGroup: '', resource: 'pods', namespace: '' },
  true,
);
const per = (t: { medianMs: number }, n: number) => (t.medianMs / n).toFixed(4);
console.log(
  `authorize (denied, walks every applicable binding): ${per(authz, N)} ms per check   (${fmt(authz)} for ${N})`,
);
console.log(
  `kubectl auth can-i … --as=SA (parse + impersonate + decide): ${per(canI, 100)} ms per command   target ≤ 1 ms`,
);
console.log(`whoCan get pods -n ns7: ${fmt(who)}`);
console.log(`whoCan get pods, all namespaces: ${fmt(whoAll)}`);
console.log(`kubectl who-can get pods -n ns7 (with table): ${fmt(whoCmd)}   target ≤ 20 ms`);
console.log(
  `kubectl who-can get pods -A (${rows.roleBindings.length + rows.clusterRoleBindings.length} rows): ${fmt(whoCmdAll)}   target ≤ 20 ms`,
);
