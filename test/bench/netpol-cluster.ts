/** Generated clusters for the NetworkPolicy benchmark (built directly in a draft: setup is not measured). */
import {
  ClusterDraft,
  createCluster,
  NAMESPACE_NAME_LABEL,
  type ClusterState,
  type KubeObject,
} from '../../src/engine/cluster/index.ts';

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same clusters. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIERS = ['web', 'api', 'db', 'cache'];
const TEAMS = ['red', 'blue', 'green', 'gold', 'teal'];
const ENVS = ['prod', 'staging', 'dev'];

/** A cluster of `pods` pods in pods/50 namespaces with `policies` policies of the usual kinds. */
export function generate(pods: number, policies: number, seed = 1): ClusterState {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const draft = new ClusterDraft(createCluster());
  const nsCount = Math.max(2, Math.round(pods / 50));
  const namespaces = Array.from({ length: nsCount }, (_, i) => `ns-${i}`);
  for (const name of namespaces) {
    draft.put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        labels: { [NAMESPACE_NAME_LABEL]: name, team: pick(TEAMS), env: pick(ENVS) },
      },
    });
  }
  for (let i = 0; i < pods; i++) {
    const ns = namespaces[i % nsCount]!;
    const app = `app-${Math.floor(r() * 10)}`;
    draft.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${app}-${i}`,
        namespace: ns,
        labels: { app, tier: pick(TIERS), version: `v${Math.floor(r() * 3)}` },
      },
      spec: {
        containers: [
          {
            name: 'main',
            image: 'agnhost',
            ports: [
              { name: 'http', containerPort: pick([80, 8080]), protocol: 'TCP' },
              { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
            ],
          },
        ],
      },
      status: { podIP: `10.${244 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` },
    } as KubeObject);
  }
  for (let i = 0; i < policies; i++) {
    const ns = namespaces[i % nsCount]!;
    const kind = i % 6;
    const app = `app-${Math.floor(r() * 10)}`;
    let spec: Record<string, unknown>;
    if (kind === 0) spec = { podSelector: {}, policyTypes: ['Ingress'] };
    else if (kind === 1)
      spec = {
        podSelector: { matchLabels: { app } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app } } }], ports: [{ port: 'http' }] }],
      };
    else if (kind === 2)
      spec = {
        podSelector: { matchLabels: { tier: pick(TIERS) } },
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { team: pick(TEAMS) } },
                podSelector: {
                  matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }],
                },
              },
              {
                namespaceSelector: {
                  matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }],
                },
              },
            ],
            ports: [{ port: 80 }, { port: 8000, endPort: 8100 }],
          },
        ],
      };
    else if (kind === 3)
      spec = {
        podSelector: { matchLabels: { app } },
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              { namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
            ],
            ports: [{ port: 53, protocol: 'UDP' }],
          },
          { to: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] } }] },
          {
            to: [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.1.0/24'] } }],
            ports: [{ port: 'http' }],
          },
        ],
      };
    else if (kind === 4)
      spec = {
        podSelector: {
          matchExpressions: [{ key: 'version', operator: 'In', values: ['v0', 'v1'] }],
        },
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { env: pick(ENVS) } } }] },
          { ports: [{ port: 9090 }] },
        ],
      };
    else
      spec = {
        podSelector: { matchLabels: { app, tier: pick(TIERS) } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [
          { to: [{ namespaceSelector: { matchLabels: { team: pick(TEAMS) } } }] },
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] },
        ],
      };
    draft.put({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np-${i}`, namespace: ns },
      spec,
    });
  }
  return draft.commit();
}

/** The same state with fresh kind maps, so the per-state model is rebuilt (as after a change). */
export function touched(state: ClusterState): ClusterState {
  const objects = new Map([...state.objects].map(([k, m]) => [k, new Map(m)]));
  return { ...state, objects };
}
