/**
 * Reading one named object as the requesting user: the GET a verb like edit, label or patch
 * makes first, with the API server's answers — Forbidden when RBAC denies `get`, NotFound when
 * there is no such object.
 */
import type { KindInfo } from '../../api/index.ts';
import { getObject, type KubeObject } from '../../cluster/index.ts';
import { checkAccess } from '../authz.ts';
import type { ResourceRequest } from '../resources.ts';
import type { CommandContext } from '../types.ts';

/** `Error from server (NotFound): services "web" not found` (the group joins the resource). */
export function notFoundError(info: KindInfo, name: string): string {
  return `Error from server (NotFound): ${info.resource}${info.group ? `.${info.group}` : ''} ${JSON.stringify(name)} not found`;
}

/** The object, or the error the API server would return for this user's GET. */
export function getAsUser(
  ctx: CommandContext,
  info: KindInfo,
  namespace: string | undefined,
  name: string,
): { ok: true; object: KubeObject } | { ok: false; error: string } {
  const denied = checkAccess(ctx, {
    verb: 'get',
    resource: info.resource,
    group: info.group,
    ...(namespace !== undefined ? { namespace } : {}),
    name,
  });
  if (denied) return { ok: false, error: denied };
  const object = getObject(ctx.state, info.kind, namespace, name);
  return object ? { ok: true, object } : { ok: false, error: notFoundError(info, name) };
}

/**
 * RBAC's answer to a resource request as `get` and `describe` make it: a GET when names are
 * given (naming the object when there is one), else a LIST; the Forbidden error, or undefined.
 */
export function requestDenied(
  ctx: CommandContext,
  req: ResourceRequest,
  namespace: string | undefined,
): string | undefined {
  return checkAccess(ctx, {
    verb: req.names.length > 0 ? 'get' : 'list',
    resource: req.info.resource,
    group: req.info.group,
    namespace,
    ...(req.names.length === 1 ? { name: req.names[0] } : {}),
  });
}
