/**
 * The inspector's "why" answers, as data: which policies select a pod and what they allow,
 * why a pod is or is not a Service's endpoint, what a ServiceAccount may do (RBAC).
 */
import type { ClusterState, NetworkPolicy, Pod, Service, Stored } from '../../engine/index.ts';
import {
  podCanServe,
  podIsReady,
  resolveTargetPort,
} from '../../engine/cluster/controllers/endpoints.ts';
import * as sel from '../../engine/labels/index.ts';
import type { Runtime } from '../../store/index.ts';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { clusterFacts, policyTypesOf } from '../model/facts.ts';

function selectorText(s: LabelSelector | undefined): string {
  const t = sel.formatLabelSelector(s ?? {});
  return t === '' || t === '<none>' ? 'all pods' : t;
}

function peerText(p: NetworkPolicyPeer, ns: string): string {
  if (p.ipBlock)
    return `IP block ${p.ipBlock.cidr}${p.ipBlock.except?.length ? ` except ${p.ipBlock.except.join(', ')}` : ''}`;
  const pods = p.podSelector ? `pods with ${selectorText(p.podSelector)}` : 'all pods';
  const where = p.namespaceSelector
    ? `in namespaces with ${selectorText(p.namespaceSelector).replace('all pods', 'any labels')}`
    : `in ${ns}`;
  return `${pods} ${where}`;
}

function portsText(ports: NetworkPolicyPort[] | undefined): string {
  if (!ports?.length) return 'on any port';
  return `on ${ports.map((p) => `${p.port ?? 'any port'}${p.endPort ? `-${p.endPort}` : ''}/${p.protocol ?? 'TCP'}`).join(', ')}`;
}

/** One policy's rules for one direction, in words. */
export function policyDirectionText(p: NetworkPolicy, dir: 'Ingress' | 'Egress'): string[] {
  const ns = p.metadata?.namespace ?? '';
  if (!policyTypesOf(p).includes(dir)) return [];
  const rules = dir === 'Ingress' ? p.spec?.ingress : p.spec?.egress;
  if (!rules?.length)
    return [`${dir}: nothing is allowed (a default deny for the pods it selects)`];
  return rules.map((r) => {
    const peers =
      dir === 'Ingress'
        ? (r as { from?: NetworkPolicyPeer[] }).from
        : (r as { to?: NetworkPolicyPeer[] }).to;
    const who = peers?.length
      ? peers.map((x) => peerText(x, ns)).join(' or ')
      : dir === 'Ingress'
        ? 'any source'
        : 'any destination';
    return `${dir} allowed ${dir === 'Ingress' ? 'from' : 'to'} ${who} ${portsText(r.ports)}`;
  });
}

export interface PolicyOnPod {
  name: string;
  podSelector: string;
  lines: string[];
}

export function policiesSelecting(state: ClusterState, pod: Stored<Pod>): PolicyOnPod[] {
  const f = clusterFacts(state).namespaces.get(pod.metadata.namespace ?? '');
  if (!f) return [];
  return f.policies
    .filter((p) => sel.selectorMatches(p.spec?.podSelector ?? {}, pod.metadata.labels))
    .map((p) => ({
      name: p.metadata.name,
      podSelector: selectorText(p.spec?.podSelector),
      lines: [...policyDirectionText(p, 'Ingress'), ...policyDirectionText(p, 'Egress')],
    }));
}

export interface EndpointWhy {
  pod: string;
  endpoint: boolean;
  reason: string;
}

/** For each pod of the Service's namespace: endpoint or not, and why (EndpointSlice controller rules). */
export function endpointReasons(state: ClusterState, svc: Stored<Service>): EndpointWhy[] {
  const f = clusterFacts(state).namespaces.get(svc.metadata.namespace ?? '');
  if (!f) return [];
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) {
    return f.pods.map((p) => ({
      pod: p.metadata.name,
      endpoint: false,
      reason: 'the Service has no selector: its endpoints are managed by hand',
    }));
  }
  return f.pods.map((p) => {
    const labels = p.metadata.labels ?? {};
    const missing = Object.entries(selector).filter(([k, v]) => labels[k] !== v);
    if (missing.length > 0) {
      return {
        pod: p.metadata.name,
        endpoint: false,
        reason: `labels do not match: needs ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}${
          missing.some(([k]) => k in labels)
            ? ` (has ${missing
                .filter(([k]) => k in labels)
                .map(([k]) => `${k}=${labels[k]}`)
                .join(', ')})`
            : ''
        }`,
      };
    }
    if (!podCanServe(p))
      return {
        pod: p.metadata.name,
        endpoint: false,
        reason: 'selected, but the pod has no IP or has finished',
      };
    if (!podIsReady(p))
      return {
        pod: p.metadata.name,
        endpoint: false,
        reason: 'selected, but not Ready: listed under notReadyAddresses and gets no traffic',
      };
    const ports = (svc.spec?.ports ?? []).map((sp) => {
      const t = resolveTargetPort(sp, p);
      return t === undefined
        ? `port ${sp.port}: targetPort "${sp.targetPort}" is not a named port of this pod`
        : `port ${sp.port} → pod port ${t}`;
    });
    return {
      pod: p.metadata.name,
      endpoint: true,
      reason: `selector ${Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')} matches and the pod is Ready; ${ports.join('; ')}`,
    };
  });
}

export interface AccountPermissions {
  bindings: { source: string; rules: string[] }[];
  errors: string[];
}

/** What a ServiceAccount may do in its namespace, grouped by the binding that grants it. */
export function accountPermissions(
  rt: Runtime,
  state: ClusterState,
  namespace: string,
  name: string,
): AccountPermissions {
  const { grants, errors } = rt.rulesFor(state, rt.serviceAccountUser(namespace, name), namespace);
  const by = new Map<string, string[]>();
  for (const g of grants) {
    const key = rt.describeSource(g);
    const r = g.rule;
    const what = r.nonResourceURLs?.length
      ? `non-resource URLs ${r.nonResourceURLs.join(', ')}`
      : `${(r.resources ?? []).join(', ')}${r.apiGroups?.some((x) => x) ? ` (${r.apiGroups.filter(Boolean).join(', ')})` : ''}${r.resourceNames?.length ? ` named ${r.resourceNames.join(', ')}` : ''}`;
    const line = `${(r.verbs ?? []).join(', ')} on ${what}`;
    by.set(key, [...(by.get(key) ?? []), line]);
  }
  return { bindings: [...by].map(([source, rules]) => ({ source, rules })), errors };
}
