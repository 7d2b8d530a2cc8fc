/**
 * What an identity may do in a namespace, grouped by the binding that grants it — the
 * authorizer's own RulesFor, in words for people (the inspector's "Permissions" list).
 */
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { ClusterState } from '../cluster/index.ts';
import { describeSource, rulesFor } from './authorizer.ts';
import type { UserInfo } from './identity.ts';

/** `get, list on pods`, `get on deployments (apps) named web`, `get on non-resource URLs /healthz`. */
export function policyRuleText(r: PolicyRule): string {
  const groups = (r.apiGroups ?? []).filter(Boolean);
  const what = r.nonResourceURLs?.length
    ? `non-resource URLs ${r.nonResourceURLs.join(', ')}`
    : `${(r.resources ?? []).join(', ')}${groups.length ? ` (${groups.join(', ')})` : ''}${
        r.resourceNames?.length ? ` named ${r.resourceNames.join(', ')}` : ''
      }`;
  return `${(r.verbs ?? []).join(', ')} on ${what}`;
}

/** The rules granted to a user in a namespace, by binding, and the bindings that could not be resolved. */
export interface Permissions {
  bindings: Array<{ source: string; rules: string[] }>;
  errors: string[];
}

export function permissionsOf(
  state: Pick<ClusterState, 'objects'>,
  user: UserInfo,
  namespace: string,
): Permissions {
  const { grants, errors } = rulesFor(state, user, namespace);
  const by = new Map<string, string[]>();
  for (const g of grants) {
    const source = describeSource(g);
    by.set(source, [...(by.get(source) ?? []), policyRuleText(g.rule)]);
  }
  return { bindings: [...by].map(([source, rules]) => ({ source, rules })), errors };
}
