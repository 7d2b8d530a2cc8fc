/**
 * `kubectl auth can-i --list`: the SelfSubjectRulesReview of a user in a namespace, broken
 * down to one verb per resource, merged back where only verbs differ, and sorted as kubectl
 * sorts rules (by the Go string form of the PolicyRule, which starts with the verbs).
 */
import type { ClusterState, PolicyRule } from '../cluster/index.ts';
import { rulesFor } from './authorizer.ts';
import type { UserInfo } from './identity.ts';
import { breakdownRule, compactRules } from './rules.ts';

type Objects = Pick<ClusterState, 'objects'>;

/** One row of the `--list` table. */
export interface AccessRow {
  resources: string;
  nonResourceURLs: string;
  resourceNames: string;
  verbs: string;
}

/** Go's `%v` of a []string: `[a b]` (an empty string prints as nothing). */
function goList(values: readonly string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}

/** The protobuf String() of a PolicyRule: kubectl's sort key. */
function goRuleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** describe.CombineResourceGroup: `pods`, `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
export function combineResourceGroup(
  resources: readonly string[],
  groups: readonly string[],
): string {
  if (resources.length === 0) return '';
  const first = resources[0]!;
  const slash = first.indexOf('/');
  let out = slash < 0 ? first : first.slice(0, slash);
  if (groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`;
  if (slash >= 0) out += `/${first.slice(slash + 1)}`;
  return out;
}

/** The rules a user holds in a namespace, as `auth can-i --list` prints them. */
export function accessList(state: Objects, user: UserInfo, namespace: string): AccessRow[] {
  const { rules } = rulesFor(state, user, namespace);
  // The review reports resource and non-resource parts of a rule separately.
  const split: PolicyRule[] = [];
  for (const r of rules) {
    if ((r.resources ?? []).length > 0)
      split.push({
        verbs: r.verbs,
        apiGroups: r.apiGroups ?? [],
        resources: r.resources ?? [],
        resourceNames: r.resourceNames ?? [],
      });
    if ((r.nonResourceURLs ?? []).length > 0)
      split.push({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] });
  }
  const compact = compactRules(split.flatMap(breakdownRule));
  const keyed = compact.map((r) => ({ r, k: goRuleString(r) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map(({ r }) => ({
    resources: combineResourceGroup(r.resources ?? [], r.apiGroups ?? []),
    nonResourceURLs: goList(r.nonResourceURLs),
    resourceNames: goList(r.resourceNames),
    verbs: goList(r.verbs),
  }));
}
