/**
 * The upstream e2e topology (test/e2e/network/netpol): namespaces x, y, z with pods a, b, c,
 * each serving TCP/UDP/SCTP on 80 and 81 under the names serve-<port>-<proto>, plus a fluent
 * driver to add policies and ask for verdicts.
 */
import {
  applyToState,
  claimedAddresses,
  createCluster,
  getObject,
  loadManifests,
  type ClusterState,
  type Pod,
  type Stored,
} from '../../../../src/engine/cluster/index.ts';
import {
  evaluateConnection,
  type ConnectionVerdict,
  type Protocol,
} from '../../../../src/engine/netpol/index.ts';

export const NAMESPACES = ['x', 'y', 'z'] as const;
export const PODS = ['a', 'b', 'c'] as const;

/** 10.244.<pod 1..3>.<namespace 10..30>, as the published cases use. */
export function ipOf(key: string): string {
  const [ns, pod] = key.split('/') as [string, string];
  return `10.244.${PODS.indexOf(pod as 'a') + 1}.${(NAMESPACES.indexOf(ns as 'x') + 1) * 10}`;
}

function podYaml(ns: string, name: string): string {
  const containers = [80, 81]
    .flatMap((port) =>
      ['TCP', 'UDP', 'SCTP'].map(
        (proto) => `
  - name: cont-${port}-${proto.toLowerCase()}
    image: registry.k8s.io/e2e-test-images/agnhost:2.43
    ports:
    - containerPort: ${port}
      name: serve-${port}-${proto.toLowerCase()}
      protocol: ${proto}`,
      ),
    )
    .join('');
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: "${ns}"
  labels:
    pod: ${name}
spec:
  containers:${containers}
status:
  podIP: ${ipOf(`${ns}/${name}`)}
`;
}

/** The x/y/z × a/b/c manifests; namespaces carry `ns: <name>` only (the API server adds the name label). */
export function topologyYaml(): string {
  const docs: string[] = [];
  for (const ns of NAMESPACES)
    docs.push(
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "${ns}"\n  labels:\n    ns: "${ns}"\n`,
    );
  for (const ns of NAMESPACES) for (const p of PODS) docs.push(podYaml(ns, p));
  return docs.join('---\n');
}

/** Loads manifests into a fresh cluster (fixed addresses reserved first, as nslab does). */
export function clusterWith(yaml: string, state?: ClusterState): ClusterState {
  const loaded = loadManifests(yaml, 'test.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const base =
    state ??
    createCluster({ reservedAddresses: claimedAddresses(loaded.objects.map((o) => o.object)) });
  const r = applyToState(base, loaded.objects, { mode: 'apply', namespace: 'default' });
  for (const o of r.outcomes) if (!o.ok) throw new Error(o.message);
  return r.state;
}

/** A cluster state with the topology plus policies, and verdict helpers. */
export class Lab {
  constructor(public state: ClusterState = clusterWith(topologyYaml())) {}

  /** Applies more manifests (policies). */
  apply(yaml: string): this {
    this.state = clusterWith(yaml, this.state);
    return this;
  }

  pod(key: string): Stored<Pod> {
    const [ns, name] = key.split('/') as [string, string];
    const p = getObject<Pod>(this.state, 'Pod', ns, name);
    if (!p) throw new Error(`no pod ${key}`);
    return p;
  }

  /** The verdict of `from` → `to` (a pod key or an IP). */
  verdict(from: string, to: string, port = 80, protocol: Protocol = 'TCP'): ConnectionVerdict {
    const toPod = to.includes('/') ? this.pod(to) : undefined;
    const toIP = toPod ? (toPod.status?.podIP ?? '') : to;
    return evaluateConnection(this.state, {
      from: this.pod(from),
      toIP,
      port,
      protocol,
      ...(toPod ? { toPod } : {}),
    });
  }

  allowed(from: string, to: string, port = 80, protocol: Protocol = 'TCP'): boolean {
    return this.verdict(from, to, port, protocol).allowed;
  }
}

/** A NetworkPolicy manifest with the given spec (YAML, indented under `spec:`). */
export function policy(ns: string, name: string, spec: string): string {
  const body = spec
    .replace(/^\n/, '')
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: "${ns}"\nspec:\n${body}\n`;
}
