/**
 * Visual mode's stories against real clusters: the steps follow the routing engine's hops,
 * DNS shows every search-list name tried, the step that stopped the request names the
 * deciding object, and an API call passes the network before RBAC decides.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStartCluster, parseLesson } from '../../../src/learn/index.ts';
import { apiCallStory, requestStory, type Story } from '../../../src/learn/story.ts';
import { runCommandLine } from '../../../src/engine/kubectl/index.ts';
import type { ClusterState } from '../../../src/engine/cluster/index.ts';
import { ACME, ALLOW_SHOP, cluster } from './helpers.ts';

function lessonStart(file: string): ClusterState {
  const parsed = parseLesson(readFileSync(`lessons/${file}`, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const built = buildStartCluster(parsed.lesson);
  if (!built.ok) throw new Error(built.error);
  return built.state;
}

function run(state: ClusterState, cmd: string): ClusterState {
  const r = runCommandLine(state, cmd);
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return r.state;
}

const stopped = (s: Story) => (s.stoppedAt === undefined ? undefined : s.steps[s.stoppedAt]);

const DENY_INGRESS_DATA = `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-ingress, namespace: data}
spec:
  podSelector: {}
  policyTypes: [Ingress]
EOF`;

// Egress only to DNS: the API server (172.18.0.2:6443 after DNAT) is not allowed.
const EGRESS_DNS_ONLY = `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-dns-only, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
EOF`;

describe('requestStory', () => {
  const lesson3 = lessonStart('03-across-namespaces.yaml');

  it('a short name across namespaces stops at DNS with NXDOMAIN after every search-list name', () => {
    // Lesson 3's prose (ndots:5, search shop.svc.cluster.local svc.cluster.local cluster.local).
    const s = requestStory(lesson3, 'shop/client', 'http://db:5432');
    const stop = stopped(s)!;
    expect(stop.kind).toBe('dns');
    expect(stop.status).toBe('fail');
    expect(stop.narration).toContain('NXDOMAIN');
    expect(s.steps[s.steps.length - 1]).toBe(stop);
    const tried = s.steps.filter((x) => x.kind === 'dns').map((x) => x.title);
    expect(tried).toEqual([
      'DNS: db.shop.svc.cluster.local (NXDOMAIN)',
      'DNS: db.svc.cluster.local (NXDOMAIN)',
      'DNS: db.cluster.local (NXDOMAIN)',
      'DNS: db (NXDOMAIN)',
    ]);
    expect(s.steps[1]!.narration).toMatch(
      /shop\/client asks CoreDNS .* for db\.shop\.svc\.cluster\.local — NXDOMAIN: no Service "db" in namespace shop/,
    );
    // The names before the last are misses the resolver went past, not the stop.
    expect(s.steps.filter((x) => x.status === 'miss')).toHaveLength(3);
    expect(s.outcome).toEqual({
      ok: false,
      exitCode: 6,
      message: 'curl: (6) Could not resolve host: db',
    });
    // Nothing after DNS was reached, and the track still shows where it would have gone.
    expect(s.track).toEqual(['source', 'dns', 'service', 'endpoint', 'egress', 'ingress', 'port']);
  });

  it('db.data resolves through the second search entry and reaches the database', () => {
    const s = requestStory(lesson3, 'shop/client', 'http://db.data:5432');
    expect(s.stoppedAt).toBeUndefined();
    expect(s.outcome.ok).toBe(true);
    expect(s.outcome.exitCode).toBe(0);
    expect(s.outcome.message).toContain('data/db-0 answered');
    expect(s.steps.map((x) => `${x.kind}:${x.status}`)).toEqual([
      'source:ok',
      'dns:miss', // db.data.shop.svc.cluster.local
      'dns:ok', // db.data.svc.cluster.local
      'service:ok',
      'endpoint:ok',
      'egress:ok',
      'ingress:ok',
      'listen:ok',
    ]);
    expect(s.steps.find((x) => x.kind === 'service')!.object).toBe('Service/data/db');
    expect(s.steps.find((x) => x.kind === 'endpoint')!.narration).toContain('data/db-0');
    expect(s.track).toEqual(['source', 'dns', 'service', 'endpoint', 'egress', 'ingress', 'port']);
  });

  it('a default-deny ingress policy stops the request at the ingress step, naming the policy', () => {
    const state = run(lesson3, DENY_INGRESS_DATA);
    const s = requestStory(state, 'shop/client', 'http://db.data.svc.cluster.local:5432');
    const stop = stopped(s)!;
    expect(stop.kind).toBe('ingress');
    expect(stop.at).toBe('ingress');
    expect(stop.object).toBe('NetworkPolicy/data/default-deny-ingress');
    expect(stop.narration).toContain('Arriving at data/db-0: ingress denied');
    expect(stop.narration).toContain('times out');
    expect(s.outcome.exitCode).toBe(28);
    expect(s.steps.find((x) => x.kind === 'listen')).toBeUndefined();
    expect(s.track[s.track.length - 1]).toBe('port');
  });

  it('an allow-from-shop policy lets the client in and is named on the ingress step', () => {
    const state = cluster(ACME, [ALLOW_SHOP]);
    const s = requestStory(state, 'shop/client', 'http://db.data:5432');
    expect(s.outcome.ok).toBe(true);
    expect(s.steps.find((x) => x.kind === 'ingress')!.object).toBe(
      'NetworkPolicy/data/db-allow-shop',
    );
    const denied = requestStory(state, 'guest/intruder', 'http://db.data:5432');
    expect(stopped(denied)!.kind).toBe('ingress');
  });

  it('a pod that does not exist is a one-step story', () => {
    const s = requestStory(lesson3, 'shop/nobody', 'http://db.data:5432');
    expect(s.steps).toHaveLength(1);
    expect(s.outcome.message).toBe('Error from server (NotFound): pods "nobody" not found');
  });
});

describe('apiCallStory', () => {
  const acme = cluster(ACME);
  const call = { verb: 'list', resource: 'pods', namespace: 'data' };

  it('without a binding the network steps pass and RBAC answers 403', () => {
    const s = apiCallStory(acme, 'shop/reporter', call);
    const stop = stopped(s)!;
    expect(stop.kind).toBe('rbac');
    expect(stop.narration).toContain(
      'No RoleBinding or ClusterRoleBinding grants system:serviceaccount:shop:reporter list pods in namespace data',
    );
    expect(stop.narration).toContain('403');
    const before = s.steps.slice(0, s.stoppedAt);
    expect(before.every((x) => x.status !== 'fail')).toBe(true);
    for (const kind of ['service', 'endpoint', 'egress', 'listen', 'authn'])
      expect(before.find((x) => x.kind === kind)?.ok, kind).toBe(true);
    expect(s.steps.find((x) => x.kind === 'service')!.object).toBe('Service/default/kubernetes');
    expect(s.steps.find((x) => x.kind === 'endpoint')!.narration).toContain('172.18.0.2:6443');
    expect(s.steps.find((x) => x.kind === 'authn')!.narration).toContain(
      'system:serviceaccount:shop:reporter',
    );
    expect(s.outcome.exitCode).toBe(1);
    expect(s.outcome.message).toBe(
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:shop:reporter" cannot list resource "pods" in API group "" in the namespace "data"',
    );
    expect(s.track.slice(-3)).toEqual(['apiserver', 'authn', 'rbac']);
  });

  it('a RoleBinding in the target namespace allows it and is named as the decider', () => {
    const state = run(
      run(acme, 'kubectl create role pod-reader --verb=get,list --resource=pods -n data'),
      'kubectl create rolebinding reporter-reads --role=pod-reader --serviceaccount=shop:reporter -n data',
    );
    const s = apiCallStory(state, 'shop/reporter', call);
    expect(s.stoppedAt).toBeUndefined();
    const rbac = s.steps[s.steps.length - 1]!;
    expect(rbac.kind).toBe('rbac');
    expect(rbac.object).toBe('RoleBinding/data/reporter-reads');
    expect(rbac.narration).toContain('200 OK');
    // The same grant does not reach another namespace.
    expect(
      stopped(apiCallStory(state, 'shop/reporter', { ...call, namespace: 'shop' }))!.kind,
    ).toBe('rbac');
  });

  it('egress denied to the API server: the call times out at egress and RBAC is never asked', () => {
    const state = run(acme, EGRESS_DNS_ONLY);
    const s = apiCallStory(state, 'shop/reporter', call);
    const stop = stopped(s)!;
    expect(stop.kind).toBe('egress');
    expect(stop.object).toBe('NetworkPolicy/shop/egress-dns-only');
    expect(s.steps.find((x) => x.kind === 'rbac')).toBeUndefined();
    // client-go's in-cluster config dials KUBERNETES_SERVICE_HOST (the ClusterIP): no DNS step.
    expect(s.steps.some((x) => x.kind === 'dns')).toBe(false);
    expect(s.steps.find((x) => x.kind === 'service')!.object).toBe('Service/default/kubernetes');
    expect(s.outcome.message).toBe(
      'Unable to connect to the server: dial tcp 10.96.0.1:443: i/o timeout',
    );
    expect(s.track).toContain('rbac');
  });
});
