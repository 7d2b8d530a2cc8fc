/**
 * Privilege-escalation prevention (the RBAC registry's policy-based storage): a user may
 * write a Role or ClusterRole only with rules it already holds (or with the `escalate`
 * verb), and a RoleBinding or ClusterRoleBinding only to a role whose rules it holds (or
 * with the `bind` verb on that role). system:masters is exempt.
 */
import {
  validateRbacObject,
  type ClusterRole,
  type ClusterState,
  type KubeObject,
  type PolicyRule,
  type RoleBinding,
} from '../cluster/index.ts';
import { aggregateErrors, authorize, roleReferenceRules, rulesFor } from './authorizer.ts';
import { forbiddenStatus } from './forbidden.ts';
import { SYSTEM_MASTERS, type UserInfo } from './identity.ts';
import { compactRules, compactString, covers, goQuotedList } from './rules.ts';

type Objects = Pick<ClusterState, 'objects'>;
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The outcome of the escalation check for one write. */
export type EscalationCheck =
  { ok: true; reason: string } | { ok: false; code: 'Forbidden' | 'NotFound'; message: string };

const FULL_AUTHORITY: PolicyRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

/**
 * ConfirmNoEscalation: undefined when the user's rules in `namespace` cover `rules`,
 * otherwise the API server's message listing the permissions not held.
 */
export function confirmNoEscalation(
  state: Objects,
  user: UserInfo,
  namespace: string,
  rules: readonly PolicyRule[],
): string | undefined {
  const owner = rulesFor(state, user, namespace);
  const result = covers(owner.rules, rules);
  if (result.covered) return undefined;
  const missing = [...new Set(compactRules(result.missing).map(compactString))].sort();
  let msg = `user ${JSON.stringify(user.username)} (groups=${goQuotedList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${missing.join('\n')}`;
  if (owner.errors.length > 0) msg += `; resolution errors: [${aggregateErrors(owner.errors)}]`;
  return msg;
}

/** True for the four RBAC kinds whose writes the escalation check guards. */
export function isRbacKind(kind: string): boolean {
  return ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(kind);
}

/**
 * Checks a create or update of an RBAC object by `user`. `verb` is the request's verb
 * (`create`, `update`, `patch`); `namespace` the object's ('' for cluster-scoped kinds).
 */
export function checkEscalation(
  state: Objects,
  user: UserInfo,
  obj: KubeObject,
  verb: string,
  namespace: string,
): EscalationCheck {
  if (!isRbacKind(obj.kind)) return { ok: true, reason: 'not an RBAC object' };
  // Validation runs first on the server: a malformed object is refused there, not here.
  if (validateRbacObject(obj).length > 0) return { ok: true, reason: 'left to validation' };
  if (user.groups.includes(SYSTEM_MASTERS))
    return { ok: true, reason: 'system:masters may grant anything' };
  const name = obj.metadata.name;
  if (obj.kind === 'Role' || obj.kind === 'ClusterRole') {
    const resource = obj.kind === 'Role' ? 'roles' : 'clusterroles';
    // A create request carries no name in its URL, so `escalate` limited by resourceNames cannot apply.
    const escalate = authorize(state, user, {
      verb: 'escalate',
      resourceRequest: true,
      apiGroup: RBAC_GROUP,
      resource,
      name: verb === 'create' ? '' : name,
      namespace,
    });
    if (escalate.allowed) return { ok: true, reason: `holds "escalate": ${escalate.reason}` };
    const rules = (obj.rules as PolicyRule[] | undefined) ?? [];
    const denied = confirmNoEscalation(state, user, namespace, rules);
    if (denied)
      return {
        ok: false,
        code: 'Forbidden',
        message: forbiddenStatus(resource, RBAC_GROUP, name, denied),
      };
    if (obj.kind === 'ClusterRole' && (obj as ClusterRole).aggregationRule) {
      if (confirmNoEscalation(state, user, namespace, FULL_AUTHORITY)) {
        return {
          ok: false,
          code: 'Forbidden',
          message: forbiddenStatus(
            resource,
            RBAC_GROUP,
            name,
            'must have cluster-admin privileges to use the aggregationRule',
          ),
        };
      }
    }
    return { ok: true, reason: 'every rule is already held by the writer' };
  }
  const binding = obj as RoleBinding & KubeObject;
  const resource = obj.kind === 'RoleBinding' ? 'rolebindings' : 'clusterrolebindings';
  const roleRef = binding.roleRef;
  const bind = authorize(state, user, {
    verb: 'bind',
    resourceRequest: true,
    apiGroup: roleRef.apiGroup,
    resource: roleRef.kind === 'Role' ? 'roles' : 'clusterroles',
    name: roleRef.name,
    namespace,
  });
  if (bind.allowed) return { ok: true, reason: `holds "bind": ${bind.reason}` };
  const ref = roleReferenceRules(state, roleRef, namespace);
  if (!ref.ok) {
    const plural = roleRef.kind === 'Role' ? 'roles' : 'clusterroles';
    return {
      ok: false,
      code: 'NotFound',
      message: `${plural}.${RBAC_GROUP} ${JSON.stringify(roleRef.name)} not found`,
    };
  }
  const denied = confirmNoEscalation(state, user, namespace, ref.rules);
  if (denied)
    return {
      ok: false,
      code: 'Forbidden',
      message: forbiddenStatus(resource, RBAC_GROUP, name, denied),
    };
  return { ok: true, reason: 'the writer already holds every permission of the role' };
}
