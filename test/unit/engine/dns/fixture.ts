/** Manifests for DNS and routing tests: small builders for pods, Services and policies. */

export interface PodSpec {
  ns: string;
  name: string;
  ip: string;
  labels?: Record<string, string>;
  ports?: Array<{ name?: string; port: number; protocol?: string }>;
  ready?: boolean;
  extraSpec?: string;
}

const labelsYaml = (l: Record<string, string> = {}) =>
  `{ ${Object.entries(l)
    .map(([k, v]) => `${k}: "${v}"`)
    .join(', ')} }`;

export function ns(...names: string[]): string {
  return names
    .map((n) => `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${n} }\n---\n`)
    .join('');
}

export function pod(p: PodSpec): string {
  const ports = (p.ports ?? [])
    .map(
      (x) =>
        `{ ${x.name ? `name: ${x.name}, ` : ''}containerPort: ${x.port}, protocol: ${x.protocol ?? 'TCP'} }`,
    )
    .join(', ');
  return `apiVersion: v1
kind: Pod
metadata: { name: ${p.name}, namespace: ${p.ns}, labels: ${labelsYaml(p.labels)} }
spec:
  containers: [{ name: main, image: registry.k8s.io/e2e-test-images/agnhost:2.53, ports: [${ports}] }]
${p.extraSpec ?? ''}
status:
  phase: Running
  podIP: ${p.ip}
  podIPs: [{ ip: ${p.ip} }]
  conditions: [{ type: Ready, status: "${p.ready === false ? 'False' : 'True'}" }]
---
`;
}

export interface SvcSpec {
  ns: string;
  name: string;
  ip?: string;
  selector?: Record<string, string>;
  ports?: Array<{
    name?: string;
    port: number;
    targetPort?: number | string;
    protocol?: string;
    nodePort?: number;
  }>;
  type?: string;
  externalName?: string;
  extraSpec?: string;
}

export function svc(s: SvcSpec): string {
  const ports = (s.ports ?? [])
    .map(
      (p) =>
        `{ ${p.name ? `name: ${p.name}, ` : ''}port: ${p.port}, protocol: ${p.protocol ?? 'TCP'}${p.targetPort !== undefined ? `, targetPort: ${typeof p.targetPort === 'string' ? p.targetPort : p.targetPort}` : ''}${p.nodePort ? `, nodePort: ${p.nodePort}` : ''} }`,
    )
    .join(', ');
  return `apiVersion: v1
kind: Service
metadata: { name: ${s.name}, namespace: ${s.ns} }
spec:
${s.type ? `  type: ${s.type}\n` : ''}${s.ip ? `  clusterIP: ${s.ip}\n` : ''}${s.selector ? `  selector: ${labelsYaml(s.selector)}\n` : ''}${s.externalName ? `  externalName: ${s.externalName}\n` : ''}${ports ? `  ports: [${ports}]\n` : ''}${s.extraSpec ?? ''}
---
`;
}

/** Default-deny egress for every pod of a namespace. */
export function denyEgress(namespace: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny-egress, namespace: ${namespace} }
spec:
  podSelector: {}
  policyTypes: [Egress]
---
`;
}

/** Egress to kube-dns on UDP and TCP 53 (the usual companion of a default deny). */
export function allowDns(namespace: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-dns, namespace: ${namespace} }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }
          podSelector: { matchLabels: { k8s-app: kube-dns } }
      ports: [{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]
---
`;
}
