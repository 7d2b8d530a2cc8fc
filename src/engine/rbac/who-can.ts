/**
 * who-can: the reverse of can-i. For an action, every binding whose role has a rule that
 * allows it, with each of the binding's subjects. A namespaced question counts the
 * ClusterRoleBindings and the RoleBindings of that namespace, exactly the bindings the
 * authorizer would consult; asked across all namespaces it lists every namespace's RoleBindings.
 */
import type {
  ClusterRoleBinding,
  ClusterState,
  KubeObject,
  PolicyRule,
  RoleBinding,
  Subject,
} from '../cluster/index.ts';
import { bindingsInOrder, roleReferenceRules, type RuleSource } from './authorizer.ts';
import { ruleAllows, type AuthzAttributes } from './rules.ts';

type Objects = Pick<ClusterState, 'objects'>;

/** One subject that may perform the action, through one binding and rule. */
export interface WhoCanEntry extends RuleSource {
  rule: PolicyRule;
  ruleIndex: number;
}

/** The answer: entries from RoleBindings and from ClusterRoleBindings, and bindings with missing roles. */
export interface WhoCanResult {
  roleBindings: WhoCanEntry[];
  clusterRoleBindings: WhoCanEntry[];
  /** Bindings skipped because their role does not exist (they grant nothing). */
  errors: string[];
}

function firstAllowingRule(
  rules: readonly PolicyRule[],
  attrs: AuthzAttributes,
): { rule: PolicyRule; index: number } | undefined {
  for (let i = 0; i < rules.length; i++)
    if (ruleAllows(attrs, rules[i]!)) return { rule: rules[i]!, index: i };
  return undefined;
}

function entries(
  state: Objects,
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  binding: (ClusterRoleBinding | RoleBinding) & KubeObject,
  attrs: AuthzAttributes,
  errors: string[],
): WhoCanEntry[] {
  const ns = kind === 'RoleBinding' ? (binding.metadata.namespace ?? '') : '';
  const ref = roleReferenceRules(state, binding.roleRef, ns);
  if (!ref.ok) {
    errors.push(`${kind} ${ns ? `${ns}/` : ''}${binding.metadata.name}: ${ref.error}`);
    return [];
  }
  // A RoleBinding's rules apply in its own namespace: judge the rule for that namespace.
  const match = firstAllowingRule(
    ref.rules,
    kind === 'RoleBinding' ? { ...attrs, namespace: ns } : attrs,
  );
  if (!match) return [];
  return (binding.subjects ?? []).map((subject: Subject) => ({
    bindingKind: kind,
    binding: binding.metadata.name,
    ...(kind === 'RoleBinding' ? { namespace: ns } : {}),
    roleRef: { kind: binding.roleRef.kind, name: binding.roleRef.name },
    subject,
    rule: match.rule,
    ruleIndex: match.index,
  }));
}

/**
 * Who can perform `attrs`. `attrs.namespace` selects the RoleBindings consulted; pass
 * `allNamespaces` to list the RoleBindings of every namespace.
 */
export function whoCan(
  state: Objects,
  attrs: AuthzAttributes,
  allNamespaces = false,
): WhoCanResult {
  const errors: string[] = [];
  const { clusterRoleBindings: crbs, roleBindingsByNamespace } = bindingsInOrder(state);
  const clusterRoleBindings = crbs.flatMap((b) =>
    entries(state, 'ClusterRoleBinding', b as ClusterRoleBinding & KubeObject, attrs, errors),
  );
  const ns = attrs.namespace ?? '';
  const namespaces = allNamespaces ? [...roleBindingsByNamespace.keys()].sort() : ns ? [ns] : [];
  const roleBindings = namespaces.flatMap((n) =>
    (roleBindingsByNamespace.get(n) ?? []).flatMap((b) =>
      entries(state, 'RoleBinding', b as RoleBinding & KubeObject, attrs, errors),
    ),
  );
  return { roleBindings, clusterRoleBindings, errors };
}
