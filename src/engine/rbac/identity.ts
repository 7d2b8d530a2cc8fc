/**
 * Who a request is: a user name and groups (user.Info). ServiceAccounts authenticate as
 * `system:serviceaccount:<namespace>:<name>` in the groups `system:serviceaccounts` and
 * `system:serviceaccounts:<namespace>`; impersonation adds groups as the API server does.
 */
import type { Subject } from '../cluster/index.ts';

/** An authenticated identity (user.Info). */
export interface UserInfo {
  username: string;
  groups: readonly string[];
}

export const ANONYMOUS = 'system:anonymous';
export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
/** Members bypass authorization and escalation checks (the API server's privileged group). */
export const SYSTEM_MASTERS = 'system:masters';
const SA_PREFIX = 'system:serviceaccount:';

/** `system:serviceaccount:<ns>:<name>` (serviceaccount.MakeUsername). */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** The namespace and name of a ServiceAccount username, or undefined (serviceaccount.SplitUsername). */
export function splitServiceAccountUsername(
  username: string,
): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** The groups every ServiceAccount token carries (serviceaccount.MakeGroupNames). */
export function serviceAccountGroups(namespace: string): string[] {
  return ['system:serviceaccounts', `system:serviceaccounts:${namespace}`];
}

/** The identity a pod's mounted ServiceAccount token authenticates as. */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return {
    username: serviceAccountUsername(namespace, name),
    groups: [...serviceAccountGroups(namespace), ALL_AUTHENTICATED],
  };
}

/** A request without credentials, when anonymous auth is on (kubeadm's default). */
export const ANONYMOUS_USER: UserInfo = { username: ANONYMOUS, groups: [ALL_UNAUTHENTICATED] };

/**
 * The identity the impersonation filter builds from `--as`/`--as-group`: a ServiceAccount
 * gets its fixed groups only when no group is asked for; a non-anonymous user always gets
 * `system:authenticated` unless a system group is named; anonymous gets `system:unauthenticated`.
 */
export function impersonatedUser(username: string, asGroups: readonly string[]): UserInfo {
  const groups: string[] = [];
  const sa = splitServiceAccountUsername(username);
  if (sa && asGroups.length === 0) groups.push(...serviceAccountGroups(sa.namespace));
  groups.push(...asGroups);
  if (username !== ANONYMOUS) {
    if (!groups.includes(ALL_AUTHENTICATED) && !groups.includes(ALL_UNAUTHENTICATED))
      groups.push(ALL_AUTHENTICATED);
  } else if (!groups.includes(ALL_UNAUTHENTICATED)) groups.push(ALL_UNAUTHENTICATED);
  return { username, groups };
}

/**
 * appliesToUser: a User subject matches the name, a Group subject one of the groups, a
 * ServiceAccount subject the SA username (its namespace defaulting to the binding's).
 */
export function subjectAppliesTo(
  user: UserInfo,
  subject: Subject,
  bindingNamespace: string,
): boolean {
  switch (subject.kind) {
    case 'User':
      return user.username === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace;
      if (!ns) return false;
      return user.username === serviceAccountUsername(ns, subject.name);
    }
    default:
      return false;
  }
}

/** `User "bob"`, `ServiceAccount "reader/a"` — how the authorizer names a subject in its reasons. */
export function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    const ns = subject.namespace || bindingNamespace;
    return `${subject.kind} ${JSON.stringify(`${subject.name}/${ns}`)}`;
  }
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}
