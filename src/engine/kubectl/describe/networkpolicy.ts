/**
 * `kubectl describe networkpolicy`, line for line as kubectl's describeNetworkPolicy prints
 * it (staging/src/k8s.io/kubectl/pkg/describe/describe.go): the metadata block aligned by
 * tabwriter, then the spec with the policyTypes the API server defaults.
 */
import type {
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from 'kubernetes-types/networking/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { ClusterState, KubeObject } from '../../cluster/index.ts';
import { effectivePolicyTypes } from '../../netpol/index.ts';
import { formatLabelSelector } from '../../labels/index.ts';

const MAX_ANNOTATION_LEN = 140;
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** metav1.FormatLabelSelector: requirements sorted by key, `<none>` when empty, `<error>` when invalid. */
function formatSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  if ((sel.matchExpressions ?? []).some((e) => !OPERATORS.includes(e.operator))) return '<error>';
  return formatLabelSelector(sel);
}

/** Go's time.Time.String() of an RFC 3339 UTC timestamp: `2026-01-01 00:10:00 +0000 UTC`. */
function goTime(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(ts);
  return m ? `${m[1]} ${m[2]} +0000 UTC` : ts;
}

/** Header rows as [first cell, rest]: a tabwriter column of one cell per line. */
type Row = [string, string];

function labelRows(title: string, labels: Record<string, string> | undefined): Row[] {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return [[`${title}:`, '<none>']];
  return keys.map((k, i) => [i === 0 ? `${title}:` : '', `${k}=${labels![k]}`]);
}

function annotationRows(annotations: Record<string, string> | undefined): Row[] {
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) return [['Annotations:', '<none>']];
  const rows: Row[] = [];
  keys.forEach((k, i) => {
    const first = i === 0 ? 'Annotations:' : '';
    const value = annotations![k]!.replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      rows.push([first, `${k}:`]);
      for (const s of value.split('\n')) {
        const short =
          s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        rows.push(['', `  ${short}`]);
      }
    } else rows.push([first, `${k}: ${value}`]);
  });
  return rows;
}

/** Go's tabwriter (padding 2) over one column: every first cell padded to the widest plus two. */
function tabulate(rows: Row[]): string[] {
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return rows.map(([a, b]) => `${a.padEnd(width)}${b}`);
}

function portLines(ports: NetworkPolicyPort[] | undefined, indent: string): string[] {
  if (!ports || ports.length === 0)
    return [`${indent}To Port: <any> (traffic allowed to all ports)`];
  return ports.map((p) => {
    const proto = p.protocol ?? 'TCP';
    // kubectl prints the *IntOrString with %s: a nil port shows as <nil>.
    const port = p.port === undefined || p.port === null ? '<nil>' : String(p.port);
    return p.endPort === undefined || p.endPort === null
      ? `${indent}To Port: ${port}/${proto}`
      : `${indent}To Port Range: ${port}-${p.endPort}/${proto}`;
  });
}

function peerLines(peers: NetworkPolicyPeer[], word: 'From' | 'To', indent: string): string[] {
  const lines: string[] = [];
  for (const peer of peers) {
    lines.push(`${indent}${word}:`);
    const l1 = `  ${indent}`;
    if (peer.podSelector && peer.namespaceSelector) {
      lines.push(`${l1}NamespaceSelector: ${formatSelector(peer.namespaceSelector)}`);
      lines.push(`${l1}PodSelector: ${formatSelector(peer.podSelector)}`);
    } else if (peer.podSelector) {
      lines.push(`${l1}PodSelector: ${formatSelector(peer.podSelector)}`);
    } else if (peer.namespaceSelector) {
      lines.push(`${l1}NamespaceSelector: ${formatSelector(peer.namespaceSelector)}`);
    } else if (peer.ipBlock) {
      lines.push(`${l1}IPBlock:`);
      lines.push(`    ${indent}CIDR: ${peer.ipBlock.cidr}`);
      lines.push(`    ${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}`);
    }
  }
  return lines;
}

function ruleLines(
  rules: Array<{
    ports?: NetworkPolicyPort[];
    from?: NetworkPolicyPeer[];
    to?: NetworkPolicyPeer[];
  }>,
  dir: 'ingress' | 'egress',
): string[] {
  const indent = '    ';
  if (rules.length === 0)
    return [`${indent}<none> (Selected pods are isolated for ${dir} connectivity)`];
  const lines: string[] = [];
  rules.forEach((rule, i) => {
    lines.push(...portLines(rule.ports, indent));
    const peers = (dir === 'ingress' ? rule.from : rule.to) ?? [];
    if (peers.length === 0)
      lines.push(
        dir === 'ingress'
          ? `${indent}From: <any> (traffic not restricted by source)`
          : `${indent}To: <any> (traffic not restricted by destination)`,
      );
    else lines.push(...peerLines(peers, dir === 'ingress' ? 'From' : 'To', indent));
    if (i !== rules.length - 1) lines.push(`${indent}----------`);
  });
  return lines;
}

/** The text `kubectl describe networkpolicy NAME` prints for one policy. */
export function describeNetworkPolicy(obj: KubeObject, _state?: ClusterState): string {
  const np = obj as NetworkPolicy & KubeObject;
  const spec = np.spec ?? ({} as Partial<NonNullable<NetworkPolicy['spec']>>);
  const header = tabulate([
    ['Name:', np.metadata.name],
    ['Namespace:', np.metadata.namespace ?? ''],
    ['Created on:', goTime(np.metadata.creationTimestamp)],
    ...labelRows('Labels', np.metadata.labels),
    ...annotationRows(np.metadata.annotations),
  ]);
  const podSelector = spec.podSelector ?? {};
  const emptySelector =
    Object.keys(podSelector.matchLabels ?? {}).length === 0 &&
    (podSelector.matchExpressions ?? []).length === 0;
  // The API server defaults policyTypes on write (SetDefaults_NetworkPolicy); kubectl shows the stored value.
  const types = effectivePolicyTypes(spec);
  const typeNames =
    spec.policyTypes && spec.policyTypes.length > 0
      ? spec.policyTypes
      : types.map((t) => (t === 'ingress' ? 'Ingress' : 'Egress'));
  const lines = [
    ...header,
    'Spec:',
    `  PodSelector:     ${emptySelector ? '<none> (Allowing the specific traffic to all pods in this namespace)' : formatSelector(podSelector)}`,
  ];
  if (types.includes('ingress')) {
    lines.push('  Allowing ingress traffic:');
    lines.push(...ruleLines(spec.ingress ?? [], 'ingress'));
  } else lines.push('  Not affecting ingress traffic');
  if (types.includes('egress')) {
    lines.push('  Allowing egress traffic:');
    lines.push(...ruleLines(spec.egress ?? [], 'egress'));
  } else lines.push('  Not affecting egress traffic');
  lines.push(`  Policy Types: ${typeNames.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
