/**
 * `kubectl create rolebinding|clusterrolebinding NAME`: a binding of a Role or ClusterRole
 * to the users, groups and ServiceAccounts (`namespace:name`) named by repeatable flags.
 */
import type { KubeObject } from '../../../cluster/index.ts';
import type { Command, CommandContext } from '../../types.ts';
import { createRoleBindingSpec, createClusterRoleBindingSpec } from './generator-specs.ts';
import { arrayFlag, failure, generatedMeta, nameFromArgs, stringFlag } from './common.ts';
import { emit } from './emit.ts';
import { requireFlags } from './deployment.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Subjects in kubectl's order: users, then groups, then ServiceAccounts. */
function subjects(
  ctx: CommandContext,
): { ok: true; subjects: object[] } | { ok: false; error: string } {
  const out: object[] = [];
  for (const name of arrayFlag(ctx.flags, 'user'))
    out.push({ kind: 'User', apiGroup: RBAC_GROUP, name });
  for (const name of arrayFlag(ctx.flags, 'group'))
    out.push({ kind: 'Group', apiGroup: RBAC_GROUP, name });
  for (const sa of arrayFlag(ctx.flags, 'serviceaccount')) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || !tokens[0] || !tokens[1])
      return { ok: false, error: 'error: serviceaccount must be <namespace>:<name>' };
    out.push({ kind: 'ServiceAccount', name: tokens[1], namespace: tokens[0] });
  }
  return { ok: true, subjects: out };
}

function binding(
  ctx: CommandContext,
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  name: string,
  roleKind: string,
  roleName: string,
): { ok: true; obj: KubeObject } | { ok: false; error: string } {
  const subs = subjects(ctx);
  if (!subs.ok) return subs;
  return {
    ok: true,
    obj: {
      kind,
      apiVersion: `${RBAC_GROUP}/v1`,
      metadata: generatedMeta(ctx, name, kind === 'RoleBinding'),
      ...(subs.subjects.length > 0 ? { subjects: subs.subjects } : {}),
      roleRef: { apiGroup: RBAC_GROUP, kind: roleKind, name: roleName },
    },
  };
}

export const createRoleBinding: Command = {
  ...createRoleBindingSpec,
  run(ctx) {
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const role = stringFlag(ctx.flags, 'role');
    const clusterRole = stringFlag(ctx.flags, 'clusterrole');
    if ((role === '') === (clusterRole === ''))
      return failure('error: exactly one of clusterrole or role must be specified');
    const built = binding(
      ctx,
      'RoleBinding',
      name.name,
      role ? 'Role' : 'ClusterRole',
      role || clusterRole,
    );
    if (!built.ok) return failure(built.error);
    return emit(ctx, built.obj, { prefix: 'failed to create rolebinding: ' });
  },
};

export const createClusterRoleBinding: Command = {
  ...createClusterRoleBindingSpec,
  run(ctx) {
    const missing = requireFlags(ctx, ['clusterrole']);
    if (missing) return missing;
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const built = binding(
      ctx,
      'ClusterRoleBinding',
      name.name,
      'ClusterRole',
      stringFlag(ctx.flags, 'clusterrole'),
    );
    if (!built.ok) return failure(built.error);
    return emit(ctx, built.obj, { prefix: 'failed to create clusterrolebinding: ' });
  },
};
