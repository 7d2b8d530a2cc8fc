/** Selectors, peers, pods and policies in words, for explanations. */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type {
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from 'kubernetes-types/networking/v1';
import { formatLabels, selectorString } from '../labels/index.ts';
import { effectivePolicyTypes, type Direction, type PeerSpec } from './model.ts';

/** `podSelector pod=b`, or `podSelector {}` for an empty (match-all) selector. */
export function selectorPhrase(field: string, sel: LabelSelector | undefined): string {
  const s = selectorString(sel);
  return `${field} ${s === '' ? '{}' : s}`;
}

/** Labels as `k=v,k2=v2` (sorted), or `no labels`. */
export function labelsPhrase(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels).length === 0 ? 'no labels' : formatLabels(labels);
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

/** A selector for people: its string form, or `all` + the noun when it selects everything. */
function selects(sel: LabelSelector, noun: string): string {
  const s = selectorString(sel);
  return s === '' ? `all ${noun}` : `${noun} with ${s}`;
}

/** A stored policy's from/to entry in words (the policy's namespace when it names none). */
function peerWords(p: NetworkPolicyPeer, namespace: string): string {
  if (p.ipBlock)
    return `IP block ${p.ipBlock.cidr}${p.ipBlock.except?.length ? ` except ${p.ipBlock.except.join(', ')}` : ''}`;
  const pods = p.podSelector ? selects(p.podSelector, 'pods') : 'all pods';
  const where = p.namespaceSelector
    ? `in ${selects(p.namespaceSelector, 'namespaces')}`
    : `in ${namespace}`;
  return `${pods} ${where}`;
}

function portsWords(ports: readonly NetworkPolicyPort[] | undefined): string {
  if (!ports?.length) return 'on any port';
  return `on ${ports.map((p) => `${p.port ?? 'any port'}${p.endPort ? `-${p.endPort}` : ''}/${p.protocol ?? 'TCP'}`).join(', ')}`;
}

/**
 * What a policy allows in one direction, a line per rule (none when the policy does not
 * govern the direction; a default deny when it governs it with no rules).
 */
export function policyRulesText(policy: NetworkPolicy, direction: Direction): string[] {
  if (!effectivePolicyTypes(policy.spec).includes(direction)) return [];
  const namespace = policy.metadata?.namespace ?? 'default';
  const word = direction === 'ingress' ? 'Ingress' : 'Egress';
  const rules: ReadonlyArray<{
    from?: NetworkPolicyPeer[];
    to?: NetworkPolicyPeer[];
    ports?: NetworkPolicyPort[];
  }> = (direction === 'ingress' ? policy.spec?.ingress : policy.spec?.egress) ?? [];
  if (rules.length === 0)
    return [`${word}: nothing is allowed (a default deny for the pods it selects)`];
  return rules.map((r) => {
    const peers = direction === 'ingress' ? r.from : r.to;
    const who = peers?.length
      ? peers.map((x) => peerWords(x, namespace)).join(' or ')
      : direction === 'ingress'
        ? 'any source'
        : 'any destination';
    return `${word} allowed ${direction === 'ingress' ? 'from' : 'to'} ${who} ${portsWords(r.ports)}`;
  });
}
