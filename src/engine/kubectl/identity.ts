/**
 * Who a request runs as. Without impersonation: the kubeconfig's user — the kubeadm admin
 * (`kubernetes-admin` in group `kubeadm:cluster-admins`), or inside a pod its ServiceAccount
 * (or `system:anonymous` with no token). With `--as`/`--as-group`, the impersonation filter's
 * identity, after checking that the real user may `impersonate` each part of it.
 */
import type { ClusterState } from '../cluster/index.ts';
import {
  ALL_AUTHENTICATED,
  ANONYMOUS,
  ANONYMOUS_USER,
  authorize,
  forbiddenMessage,
  impersonatedUser,
  serviceAccountUser,
  splitServiceAccountUsername,
  type AuthzAttributes,
  type UserInfo,
} from '../rbac/index.ts';
import type { FlagValues, RequestUser } from './types.ts';

export const ADMIN_USER = 'kubernetes-admin';
export const ADMIN_GROUPS = ['kubeadm:cluster-admins', 'system:authenticated'];

/** The identity a kubeconfig user name authenticates as (its client certificate or token). */
export function authenticatedUser(username: string): UserInfo {
  if (username === ADMIN_USER) return { username, groups: [...ADMIN_GROUPS] };
  if (username === ANONYMOUS) return ANONYMOUS_USER;
  const sa = splitServiceAccountUsername(username);
  if (sa) return serviceAccountUser(sa.namespace, sa.name);
  return { username, groups: [ALL_AUTHENTICATED] };
}

/** The groups the API server gives an impersonated identity (kept for callers of the old name). */
export function groupsFor(username: string, extra: readonly string[]): string[] {
  return [...impersonatedUser(username, extra).groups];
}

/** The `impersonate` checks the filter makes: one per user/ServiceAccount and per group. */
function impersonationDenied(
  state: ClusterState,
  requestor: UserInfo,
  as: string,
  asGroups: readonly string[],
): string | undefined {
  const sa = splitServiceAccountUsername(as);
  const checks: AuthzAttributes[] = [
    sa
      ? {
          verb: 'impersonate',
          resourceRequest: true,
          apiGroup: '',
          resource: 'serviceaccounts',
          namespace: sa.namespace,
          name: sa.name,
        }
      : { verb: 'impersonate', resourceRequest: true, apiGroup: '', resource: 'users', name: as },
    ...asGroups.map((g) => ({
      verb: 'impersonate',
      resourceRequest: true,
      apiGroup: '',
      resource: 'groups',
      name: g,
    })),
  ];
  for (const attrs of checks) {
    const d = authorize(state, requestor, attrs);
    if (!d.allowed)
      return `Error from server (Forbidden): ${forbiddenMessage(requestor, attrs, d.apiReason)}`;
  }
  return undefined;
}

export function requestUser(
  state: ClusterState,
  flags: FlagValues,
): { ok: true; user: RequestUser } | { ok: false; error: string } {
  const as = typeof flags.as === 'string' && flags.as !== '' ? flags.as : undefined;
  const asGroups = Array.isArray(flags['as-group']) ? flags['as-group'] : [];
  if (as === undefined && asGroups.length > 0) {
    return {
      ok: false,
      error: 'error: requesting uid, groups or user-extra for test without impersonating a user',
    };
  }
  const real = authenticatedUser(state.context.user);
  if (as === undefined) {
    return {
      ok: true,
      user: { username: real.username, groups: [...real.groups], impersonated: false },
    };
  }
  const denied = impersonationDenied(state, real, as, asGroups);
  if (denied) return { ok: false, error: denied };
  const user = impersonatedUser(as, asGroups);
  return {
    ok: true,
    user: { username: user.username, groups: [...user.groups], impersonated: true },
  };
}
