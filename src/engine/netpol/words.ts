/** Selectors, peers and pods in words, for explanations. */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import type { PeerSpec } from './model.ts';

function requirementText(e: LabelSelectorRequirement): string {
  const vals = [...new Set(e.values ?? [])].sort().join(',');
  switch (e.operator) {
    case 'In':
      return `${e.key} in (${vals})`;
    case 'NotIn':
      return `${e.key} notin (${vals})`;
    case 'Exists':
      return e.key;
    case 'DoesNotExist':
      return `!${e.key}`;
    default:
      return `${e.key} ${e.operator} (${vals})`;
  }
}

/**
 * A selector as apimachinery prints it (requirements sorted by key: `app=web,tier in (a,b)`),
 * or '' when it is empty.
 */
export function selectorString(sel: LabelSelector | undefined): string {
  if (!sel) return '';
  const reqs: Array<[string, string]> = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => [
    k,
    `${k}=${v}`,
  ]);
  for (const e of sel.matchExpressions ?? []) reqs.push([e.key, requirementText(e)]);
  // labels.Selector.Add sorts requirements by key (a stable sort keeps equal keys in order).
  reqs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return reqs.map((r) => r[1]).join(',');
}

/** `podSelector pod=b`, or `podSelector {}` for an empty (match-all) selector. */
export function selectorPhrase(field: string, sel: LabelSelector | undefined): string {
  const s = selectorString(sel);
  return `${field} ${s === '' ? '{}' : s}`;
}

/** Labels as `k=v,k2=v2` (sorted), or `no labels`. */
export function labelsPhrase(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? 'no labels' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** A from/to entry in words: its selectors or its ipBlock. */
export function peerPhrase(peer: PeerSpec): string {
  const src = peer.source;
  if (src.ipBlock) {
    const except = src.ipBlock.except?.length ? ` except ${src.ipBlock.except.join(', ')}` : '';
    return `ipBlock ${src.ipBlock.cidr}${except}`;
  }
  const parts: string[] = [];
  if (src.namespaceSelector) parts.push(selectorPhrase('namespaceSelector', src.namespaceSelector));
  if (src.podSelector) parts.push(selectorPhrase('podSelector', src.podSelector));
  return parts.join(' AND ');
}
