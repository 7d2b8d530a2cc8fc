/**
 * Who a request runs as. Without impersonation: the kubeadm admin (`kubernetes-admin` in
 * group `kubeadm:cluster-admins`). With `--as`, the named user; a ServiceAccount username
 * (`system:serviceaccount:<ns>:<name>`) also gets the groups the API server adds for it.
 */
import type { ClusterState } from '../cluster/index.ts';
import type { FlagValues, RequestUser } from './types.ts';

export const ADMIN_USER = 'kubernetes-admin';
export const ADMIN_GROUPS = ['kubeadm:cluster-admins', 'system:authenticated'];

/** The groups the API server gives an authenticated identity. */
export function groupsFor(username: string, extra: readonly string[]): string[] {
  const groups = [...extra];
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  if (sa) groups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
  if (username !== 'system:anonymous' && !groups.includes('system:authenticated'))
    groups.push('system:authenticated');
  if (username === 'system:anonymous' && !groups.includes('system:unauthenticated'))
    groups.push('system:unauthenticated');
  return [...new Set(groups)];
}

export function requestUser(
  state: ClusterState,
  flags: FlagValues,
): { ok: true; user: RequestUser } | { ok: false; error: string } {
  const as = typeof flags.as === 'string' ? flags.as : undefined;
  const asGroups = Array.isArray(flags['as-group']) ? flags['as-group'] : [];
  if (as === undefined && asGroups.length > 0) {
    return {
      ok: false,
      error: 'error: requesting uid, groups or user-extra for test without impersonating a user',
    };
  }
  if (as === undefined) {
    const username = state.context.user;
    return {
      ok: true,
      user: {
        username,
        groups: username === ADMIN_USER ? [...ADMIN_GROUPS] : groupsFor(username, []),
        impersonated: false,
      },
    };
  }
  return { ok: true, user: { username: as, groups: groupsFor(as, asGroups), impersonated: true } };
}
