/**
 * Each goal kind against small clusters: it passes exactly when the engine says so, and its
 * decidedBy names the hop, policy, binding or field behind the verdict.
 */
import { describe, expect, it } from 'vitest';
import { checkGoal, type Goal } from '../../../src/learn/index.ts';
import { getObject, type Pod } from '../../../src/engine/cluster/index.ts';
import { ACME, ALLOW_SHOP, cluster } from './helpers.ts';

const open = cluster(ACME);
const policed = cluster(ACME, [ALLOW_SHOP]);
const ctx = { start: open };
const DB_IP = getObject<Pod>(open, 'Pod', 'data', 'db-0')!.status!.podIP!;

function check(state: typeof open, goal: Goal) {
  return checkGoal(state, goal, ctx);
}

describe('connect', () => {
  // Expectations from the DNS search list (DESIGN.md "Cluster defaults") and NetworkPolicy isolation.
  const rows: Array<[string, typeof open, string, string, string, boolean]> = [
    [
      'short name across namespaces fails DNS',
      open,
      'shop/client',
      'http://db:5432',
      'fails-dns',
      true,
    ],
    [
      'svc.ns resolves through the svc.cluster.local search entry',
      open,
      'shop/client',
      'http://db.data:5432',
      'succeeds',
      true,
    ],
    [
      'no policy: the intruder gets in',
      open,
      'guest/intruder',
      'http://db.data:5432',
      'succeeds',
      true,
    ],
    [
      'policy by namespace: the intruder times out',
      policed,
      'guest/intruder',
      'http://db.data:5432',
      'times-out',
      true,
    ],
    [
      'policy by namespace: the client still succeeds',
      policed,
      'shop/client',
      'http://db.data:5432',
      'succeeds',
      true,
    ],
    // A pod's IP on a port it does not declare answers with a reset (DESIGN.md: pods listen on their containerPorts).
    [
      'port nobody listens on is refused',
      open,
      'shop/client',
      `http://${DB_IP}:80`,
      'refused',
      true,
    ],
    ['fails accepts any failure (here DNS)', open, 'shop/client', 'http://db:5432', 'fails', true],
    ['fails rejects success', open, 'shop/client', 'http://db.data:5432', 'fails', false],
    ['wrong expectation fails', open, 'shop/client', 'http://db.data:5432', 'times-out', false],
    [
      'env expansion follows the pod config',
      open,
      'shop/client',
      'http://${DB_HOST}:5432',
      'succeeds',
      true,
    ],
  ];
  it.each(rows)('%s', (_name, state, from, url, want, pass) => {
    const r = check(state, { kind: 'connect', from, url, expect: want as 'succeeds' });
    expect(r.pass).toBe(pass);
  });

  it('names the policy that dropped the packet', () => {
    const r = check(policed, {
      kind: 'connect',
      from: 'guest/intruder',
      url: 'http://db.data:5432',
      expect: 'succeeds',
    });
    expect(r.pass).toBe(false);
    expect(r.detail).toContain('times-out');
    expect(r.decidedBy?.summary).toMatch(/ingress/i);
  });

  it('reports a missing pod instead of throwing', () => {
    const r = check(open, {
      kind: 'connect',
      from: 'shop/ghost',
      url: 'http://db.data:5432',
      expect: 'succeeds',
    });
    expect(r).toMatchObject({ pass: false, detail: 'pod shop/ghost does not exist' });
  });
});

describe('resolve', () => {
  it('NXDOMAIN for the short name, with the names tried in the detail', () => {
    const r = check(open, { kind: 'resolve', from: 'shop/client', name: 'db', expect: 'nxdomain' });
    expect(r.pass).toBe(true);
    expect(r.detail).toContain('db.shop.svc.cluster.local');
  });
  it('db.data answers with the Service ClusterIP', () => {
    const g: Goal = {
      kind: 'resolve',
      from: 'shop/client',
      name: 'db.data',
      expect: 'answer',
      service: 'data/db',
    };
    expect(check(open, g).pass).toBe(true);
    expect(check(open, { ...g, name: 'db' }).pass).toBe(false);
  });
  it('a pods list must equal the A answers exactly', () => {
    const g: Goal = {
      kind: 'resolve',
      from: 'shop/client',
      name: 'db.data',
      expect: 'answer',
      pods: ['data/db-0'],
    };
    // The ClusterIP is not the pod IP: a non-headless Service fails a pods goal.
    expect(check(open, g).pass).toBe(false);
  });
});

describe('canI and apiCall', () => {
  const bound = cluster(ACME, [
    'kubectl create role pod-reader --verb=get,list --resource=pods -n data',
    'kubectl create rolebinding r --role=pod-reader --serviceaccount=shop:reporter -n data',
  ]);
  const sa = { serviceAccount: 'shop/reporter' };
  it('no binding: no; binding in data: yes, decided by that RoleBinding', () => {
    const g: Goal = {
      kind: 'canI',
      subject: sa,
      verb: 'list',
      resource: 'pods',
      namespace: 'data',
      expect: 'yes',
    };
    expect(check(open, g).pass).toBe(false);
    const r = check(bound, g);
    expect(r.pass).toBe(true);
    expect(r.decidedBy?.object).toBe('RoleBinding/data/r');
  });
  it('the binding grants only its own namespace', () => {
    const g: Goal = {
      kind: 'canI',
      subject: sa,
      verb: 'list',
      resource: 'pods',
      namespace: 'shop',
      expect: 'no',
    };
    expect(check(bound, g).pass).toBe(true);
  });
  it('apiCall: forbidden without RBAC, ok with it', () => {
    const g: Goal = {
      kind: 'apiCall',
      from: 'shop/reporter',
      verb: 'list',
      resource: 'pods',
      namespace: 'data',
      expect: 'forbidden',
    };
    expect(check(open, g).pass).toBe(true);
    expect(check(bound, { ...g, expect: 'ok' }).pass).toBe(true);
  });
  it('apiCall: unreachable when egress is denied, whatever RBAC says', () => {
    const denied = cluster(ACME, [
      'kubectl create rolebinding r --clusterrole=view --serviceaccount=shop:reporter -n data',
      `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec: {podSelector: {}, policyTypes: [Egress]}
EOF`,
    ]);
    const g: Goal = {
      kind: 'apiCall',
      from: 'shop/reporter',
      verb: 'list',
      resource: 'pods',
      namespace: 'data',
      expect: 'unreachable',
    };
    const r = check(denied, g);
    expect(r.pass).toBe(true);
    expect(check(denied, { ...g, expect: 'ok' }).pass).toBe(false);
  });
});

describe('probe', () => {
  it('cells follow the policy, and a wrong cell names the pair and the policy', () => {
    const g: Goal = { kind: 'probe', from: 'guest/intruder', port: 5432, allowed: ['data/db-0'] };
    expect(check(open, g).pass).toBe(true);
    const r = check(policed, g);
    expect(r.pass).toBe(false);
    expect(r.detail).toContain('guest/intruder → data/db-0:5432 should be allowed but is denied');
    expect(r.decidedBy?.object).toBe('NetworkPolicy/data/db-allow-shop');
  });
});

describe('exists, matches, unchanged', () => {
  it('matches names the differing field', () => {
    const g: Goal = {
      kind: 'matches',
      object: { kind: 'Service', namespace: 'data', name: 'db' },
      fields: { 'spec.type': 'ExternalName' },
    };
    const r = check(open, g);
    expect(r.pass).toBe(false);
    expect(r.detail).toContain('spec.type is "ClusterIP", expected "ExternalName"');
  });
  it('quoted label keys and list subsets', () => {
    expect(
      check(open, {
        kind: 'matches',
        object: { kind: 'Namespace', name: 'data' },
        fields: { 'metadata.labels["kubernetes.io/metadata.name"]': 'data' },
      }).pass,
    ).toBe(true);
    expect(
      check(open, {
        kind: 'exists',
        object: { kind: 'Service', namespace: 'data' },
        fields: { 'spec.ports': [{ port: 5432 }] },
      }).pass,
    ).toBe(true);
  });
  it('absent fails when such an object exists', () => {
    const g: Goal = {
      kind: 'exists',
      object: { kind: 'Service', namespace: 'data', name: 'db' },
      expect: 'absent',
    };
    expect(check(open, g).pass).toBe(false);
    expect(check(open, { ...g, object: { kind: 'Service', namespace: 'shop' } }).pass).toBe(true);
  });
  it('unchanged catches a relabelled intruder and a deleted pod', () => {
    const g: Goal = {
      kind: 'unchanged',
      object: { kind: 'Pod', namespace: 'guest' },
      fields: ['metadata.labels'],
    };
    expect(check(open, g).pass).toBe(true);
    const relabelled = cluster(ACME, ['kubectl label pod intruder -n guest app=other --overwrite']);
    const r = check(relabelled, g);
    expect(r.pass).toBe(false);
    expect(r.decidedBy?.object).toBe('Pod/guest/intruder');
    const deleted = cluster(ACME, ['kubectl delete pod intruder -n guest']);
    expect(check(deleted, g).detail).toContain('was deleted');
  });
});

describe('observed: what is wrong, without the fix', () => {
  // Each unmet goal's `observed` names the verdict the engine gave; its `detail` adds what the
  // goal expects. The expected value must not be in `observed` (the lesson shows it first).
  const bound = cluster(ACME, [
    'kubectl create role pod-reader --verb=get,list --resource=pods -n data',
    'kubectl create rolebinding r --role=pod-reader --serviceaccount=shop:other -n data',
  ]);
  const rows: Array<[string, typeof open, Goal, string, string]> = [
    [
      'connect: the outcome and curl exit code',
      open,
      { kind: 'connect', from: 'shop/client', url: 'http://db:5432', expect: 'succeeds' },
      'shop/client → http://db:5432: fails-dns (curl exit 6)',
      'expected succeeds',
    ],
    [
      'canI: the answer, not the one wanted',
      open,
      {
        kind: 'canI',
        subject: { serviceAccount: 'shop/reporter' },
        verb: 'list',
        resource: 'pods',
        namespace: 'data',
        expect: 'yes',
      },
      'can system:serviceaccount:shop:reporter list pods in namespace data? no',
      'expected yes',
    ],
    [
      'matches: which fields differ, not the values they should have',
      bound,
      {
        kind: 'matches',
        object: { kind: 'RoleBinding', namespace: 'data', name: 'r' },
        fields: { subjects: [{ kind: 'ServiceAccount', name: 'reporter', namespace: 'shop' }] },
      },
      'RoleBinding/data/r does not match yet (subjects differs)',
      'expected RoleBinding data/r with subjects=',
    ],
  ];
  it.each(rows)('%s', (_name, state, goal, observed, fix) => {
    const r = check(state, goal);
    expect(r.pass).toBe(false);
    expect(r.observed).toBe(observed);
    expect(r.observed).not.toContain('expected');
    expect(r.detail).toContain(fix);
    if (r.decidedBy) expect(r.decidedBy.summary).not.toContain('expected');
  });
});
