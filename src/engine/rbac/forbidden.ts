/**
 * The API server's Forbidden status text (responsewriters.Forbidden + errors.NewForbidden):
 * `pods "web" is forbidden: User "bob" cannot get resource "pods" in API group "" in the
 * namespace "b"`, with the authorizer's reason appended when it gave one.
 */
import type { UserInfo } from './identity.ts';
import type { AuthzAttributes } from './rules.ts';

/** `User "bob" cannot list resource "pods" in API group "" in the namespace "b"`. */
export function forbiddenDetail(user: UserInfo, attrs: AuthzAttributes): string {
  const who = `User ${JSON.stringify(user.username)}`;
  if (!attrs.resourceRequest) {
    return `${who} cannot ${attrs.verb} path ${JSON.stringify(attrs.path ?? '')}`;
  }
  let resource = attrs.resource ?? '';
  if (attrs.subresource) resource += `/${attrs.subresource}`;
  const head = `${who} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup ?? '')}`;
  return attrs.namespace
    ? `${head} in the namespace ${JSON.stringify(attrs.namespace)}`
    : `${head} at the cluster scope`;
}

/** `pods`, `deployments.apps`: a group-qualified resource as apimachinery prints it. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

/** errors.NewForbidden's message for a resource (optionally named) or a bare path. */
export function forbiddenStatus(
  resource: string | undefined,
  group: string,
  name: string | undefined,
  cause: string,
): string {
  if (!resource) return `forbidden: ${cause}`;
  const qr = qualifiedResource(resource, group);
  return name
    ? `${qr} ${JSON.stringify(name)} is forbidden: ${cause}`
    : `${qr} is forbidden: ${cause}`;
}

/** The whole Forbidden message for a request the authorizer denied. */
export function forbiddenMessage(user: UserInfo, attrs: AuthzAttributes, reason: string): string {
  const detail = forbiddenDetail(user, attrs);
  const cause = reason ? `${detail}: ${reason}` : detail;
  return forbiddenStatus(
    attrs.resourceRequest ? attrs.resource : undefined,
    attrs.apiGroup ?? '',
    attrs.name,
    cause,
  );
}
