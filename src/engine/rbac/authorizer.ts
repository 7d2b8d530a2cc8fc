/**
 * The RBAC authorizer: walks every ClusterRoleBinding, then the RoleBindings of the request's
 * namespace, and allows the request as soon as a rule of a bound role allows it. A binding
 * whose role does not exist grants nothing (its error becomes the denial's reason). The
 * decision names the binding, the role, the subject and the rule that allowed it.
 */
import {
  getObject,
  type ClusterRole,
  type ClusterRoleBinding,
  type ClusterState,
  type KubeObject,
  type PolicyRule,
  type Role,
  type RoleBinding,
  type Subject,
} from '../cluster/index.ts';
import {
  describeSubject,
  serviceAccountUsername,
  subjectAppliesTo,
  SYSTEM_MASTERS,
  type UserInfo,
} from './identity.ts';
import { ruleAllows, type AuthzAttributes } from './rules.ts';

type Objects = Pick<ClusterState, 'objects'>;

/** Where a rule came from: a binding (Cluster or namespaced), its roleRef and the subject it matched. */
export interface RuleSource {
  bindingKind: 'ClusterRoleBinding' | 'RoleBinding';
  binding: string;
  /** The RoleBinding's namespace; absent for ClusterRoleBindings. */
  namespace?: string;
  roleRef: { kind: string; name: string };
  subject: Subject;
}

/** A rule that allowed a request, with its source and its index in the role's rules. */
export interface Grant extends RuleSource {
  rule: PolicyRule;
  ruleIndex: number;
}

/** An authorization decision with its reason, as the API server's authorizer returns it. */
export interface Decision {
  allowed: boolean;
  /** The rule that allowed the request (absent when denied or allowed as system:masters). */
  grant?: Grant;
  /** True when allowed because the user is in system:masters. */
  privileged?: boolean;
  /** The API server's reason text (`RBAC: allowed by …`; on denial only resolution errors, or ''). */
  apiReason: string;
  /** A sentence for people: which binding and rule allowed it, or that none did. */
  reason: string;
  /** Bindings that apply to the user but whose role could not be found. */
  errors: string[];
}

/** `RoleBinding "read-pods/b" of Role "pod-reader" to ServiceAccount "reader/a"` (the authorizer's own wording). */
export function describeSource(s: RuleSource): string {
  const name = s.bindingKind === 'RoleBinding' ? `${s.binding}/${s.namespace}` : s.binding;
  return `${s.bindingKind} ${JSON.stringify(name)} of ${s.roleRef.kind} ${JSON.stringify(s.roleRef.name)} to ${describeSubject(s.subject, s.namespace ?? '')}`;
}

/** The API server's NotFound text for a missing role, as the RBAC listers report it. */
function roleNotFound(kind: string, name: string): string {
  return `${kind.toLowerCase()}.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`;
}

/** GetRoleReferenceRules: the rules of the role a binding refers to, or why they cannot be had. */
export function roleReferenceRules(
  state: Objects,
  roleRef: { kind: string; name: string },
  bindingNamespace: string,
): { ok: true; rules: readonly PolicyRule[] } | { ok: false; error: string } {
  if (roleRef.kind === 'Role') {
    const role = bindingNamespace
      ? getObject<Role>(state, 'Role', bindingNamespace, roleRef.name)
      : undefined;
    if (!role) return { ok: false, error: roleNotFound('Role', roleRef.name) };
    return { ok: true, rules: role.rules ?? [] };
  }
  if (roleRef.kind === 'ClusterRole') {
    const role = getObject<ClusterRole>(state, 'ClusterRole', undefined, roleRef.name);
    if (!role) return { ok: false, error: roleNotFound('ClusterRole', roleRef.name) };
    return { ok: true, rules: role.rules ?? [] };
  }
  return { ok: false, error: `unsupported role reference kind: ${JSON.stringify(roleRef.kind)}` };
}

/** Bindings in name order, and for each subject key the positions of the bindings naming it. */
interface BindingList {
  bindings: (ClusterRoleBinding | RoleBinding)[];
  bySubject: Map<string, number[]>;
}

interface BindingIndex {
  clusterRoleBindings: BindingList;
  roleBindingsByNamespace: Map<string, BindingList>;
}

// Indexed once per stored map: the state is immutable, so a map identifies a version.
const crbCache = new WeakMap<object, BindingList>();
const rbCache = new WeakMap<object, Map<string, BindingList>>();
const EMPTY = new Map<string, KubeObject>();

// A subject matches by user name (User, and a ServiceAccount's username) or by group.
function subjectKey(s: Subject, bindingNamespace: string): string | undefined {
  if (s.kind === 'User') return `u:${s.name}`;
  if (s.kind === 'Group') return `g:${s.name}`;
  if (s.kind === 'ServiceAccount') {
    const ns = s.namespace || bindingNamespace;
    return ns ? `u:${serviceAccountUsername(ns, s.name)}` : undefined;
  }
  return undefined;
}

function listOf(bindings: (ClusterRoleBinding | RoleBinding)[], ns: string): BindingList {
  const bySubject = new Map<string, number[]>();
  bindings.forEach((b, i) => {
    for (const s of b.subjects ?? []) {
      const key = subjectKey(s, ns);
      if (key === undefined) continue;
      const at = bySubject.get(key);
      if (!at) bySubject.set(key, [i]);
      else if (at[at.length - 1] !== i) at.push(i);
    }
  });
  return { bindings, bySubject };
}

function sortedValues<T>(map: ReadonlyMap<string, KubeObject>): T[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v as T);
}

function bindingIndex(state: Objects): BindingIndex {
  const crbMap = state.objects.get('ClusterRoleBinding') ?? EMPTY;
  const rbMap = state.objects.get('RoleBinding') ?? EMPTY;
  let clusterRoleBindings = crbCache.get(crbMap);
  if (!clusterRoleBindings) {
    clusterRoleBindings = listOf(sortedValues<ClusterRoleBinding>(crbMap), '');
    if (crbMap !== EMPTY) crbCache.set(crbMap, clusterRoleBindings);
  }
  let roleBindingsByNamespace = rbCache.get(rbMap);
  if (!roleBindingsByNamespace) {
    const grouped = new Map<string, RoleBinding[]>();
    for (const rb of sortedValues<RoleBinding & KubeObject>(rbMap)) {
      const ns = rb.metadata.namespace ?? '';
      const list = grouped.get(ns) ?? [];
      list.push(rb);
      grouped.set(ns, list);
    }
    roleBindingsByNamespace = new Map([...grouped].map(([ns, list]) => [ns, listOf(list, ns)]));
    if (rbMap !== EMPTY) rbCache.set(rbMap, roleBindingsByNamespace);
  }
  return { clusterRoleBindings, roleBindingsByNamespace };
}

/** Every ClusterRoleBinding, and the RoleBindings of each namespace, in name order (cached per state). */
export function bindingsInOrder(state: Objects): {
  clusterRoleBindings: readonly ClusterRoleBinding[];
  roleBindingsByNamespace: ReadonlyMap<string, readonly RoleBinding[]>;
} {
  const index = bindingIndex(state);
  return {
    clusterRoleBindings: index.clusterRoleBindings.bindings as ClusterRoleBinding[],
    roleBindingsByNamespace: new Map(
      [...index.roleBindingsByNamespace].map(([ns, list]) => [ns, list.bindings as RoleBinding[]]),
    ),
  };
}

/** The bindings of a list that name the user or one of its groups, in name order. */
function candidates(list: BindingList, user: UserInfo): (ClusterRoleBinding | RoleBinding)[] {
  const at = new Set<number>(list.bySubject.get(`u:${user.username}`) ?? []);
  for (const g of user.groups) for (const i of list.bySubject.get(`g:${g}`) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).map((i) => list.bindings[i]!);
}

/** Visitor over applicable rules; return false to stop. `rule` is absent when `error` is set. */
export type RuleVisitor = (
  source: RuleSource | undefined,
  rule: PolicyRule | undefined,
  ruleIndex: number,
  error: string | undefined,
) => boolean;

/**
 * VisitRulesFor: every rule bound to the user that applies in `namespace` — ClusterRoleBindings
 * always, RoleBindings only of that namespace (none for a cluster-wide request).
 */
export function visitRulesFor(
  state: Objects,
  user: UserInfo,
  namespace: string,
  visit: RuleVisitor,
): void {
  const index = bindingIndex(state);
  const walk = (
    kind: 'ClusterRoleBinding' | 'RoleBinding',
    bindings: readonly (ClusterRoleBinding | RoleBinding)[],
    ns: string,
  ): boolean => {
    for (const b of bindings) {
      const subject = (b.subjects ?? []).find((s) => subjectAppliesTo(user, s, ns));
      if (!subject) continue;
      const ref = roleReferenceRules(state, b.roleRef, ns);
      if (!ref.ok) {
        if (!visit(undefined, undefined, -1, ref.error)) return false;
        continue;
      }
      const source: RuleSource = {
        bindingKind: kind,
        binding: b.metadata!.name!,
        ...(kind === 'RoleBinding' ? { namespace: ns } : {}),
        roleRef: { kind: b.roleRef.kind, name: b.roleRef.name },
        subject,
      };
      for (let i = 0; i < ref.rules.length; i++) {
        if (!visit(source, ref.rules[i], i, undefined)) return false;
      }
    }
    return true;
  };
  if (!walk('ClusterRoleBinding', candidates(index.clusterRoleBindings, user), '')) return;
  const rbs = namespace ? index.roleBindingsByNamespace.get(namespace) : undefined;
  if (rbs) walk('RoleBinding', candidates(rbs, user), namespace);
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets. */
export function aggregateErrors(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `[${unique.join(', ')}]`;
}

/** RulesFor: all rules that apply to the user in a namespace, and the resolution errors met. */
export function rulesFor(
  state: Objects,
  user: UserInfo,
  namespace: string,
): { rules: PolicyRule[]; grants: Grant[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const grants: Grant[] = [];
  const errors: string[] = [];
  visitRulesFor(state, user, namespace, (source, rule, ruleIndex, error) => {
    if (rule && source) {
      rules.push(rule);
      grants.push({ ...source, rule, ruleIndex });
    }
    if (error) errors.push(error);
    return true;
  });
  return { rules, grants, errors };
}

function describeRequest(a: AuthzAttributes): string {
  if (!a.resourceRequest)
    return `${JSON.stringify(a.verb)} nonResourceURL ${JSON.stringify(a.path)}`;
  let r = a.resource ?? '';
  if (a.apiGroup) r += `.${a.apiGroup}`;
  if (a.subresource) r += `/${a.subresource}`;
  const named = a.name ? ` named ${JSON.stringify(a.name)}` : '';
  return `${JSON.stringify(a.verb)} resource ${JSON.stringify(r)}${named}`;
}

/** Authorize: system:masters first (it bypasses RBAC), then the RBAC rules. */
export function authorize(state: Objects, user: UserInfo, attrs: AuthzAttributes): Decision {
  if (user.groups.includes(SYSTEM_MASTERS)) {
    return {
      allowed: true,
      privileged: true,
      apiReason: '',
      reason: `allowed: ${JSON.stringify(user.username)} is in the group "system:masters", which the API server authorizes for everything without consulting RBAC`,
      errors: [],
    };
  }
  let grant: Grant | undefined;
  const errors: string[] = [];
  visitRulesFor(state, user, attrs.namespace ?? '', (source, rule, ruleIndex, error) => {
    if (rule && source && ruleAllows(attrs, rule)) {
      grant = { ...source, rule, ruleIndex };
      return false;
    }
    if (error) errors.push(error);
    return true;
  });
  if (grant) {
    const text = `RBAC: allowed by ${describeSource(grant)}`;
    return {
      allowed: true,
      grant,
      apiReason: text,
      reason: `${text} (rule ${grant.ruleIndex + 1} of ${grant.roleRef.kind} ${JSON.stringify(grant.roleRef.name)})`,
      errors,
    };
  }
  const apiReason = errors.length > 0 ? `RBAC: ${aggregateErrors(errors)}` : '';
  const scope = attrs.namespace
    ? `in namespace ${JSON.stringify(attrs.namespace)}`
    : 'cluster-wide';
  const reason =
    `RBAC: no rules authorize user ${JSON.stringify(user.username)} with groups ${JSON.stringify(user.groups)} to ${describeRequest(attrs)} ${scope}` +
    (errors.length > 0
      ? `; bindings whose role is missing grant nothing: ${aggregateErrors(errors)}`
      : '');
  return { allowed: false, apiReason, reason, errors };
}
