/**
 * The authorization check every API request from a command goes through. Commands call
 * `checkAccess` before reading or writing; it returns kubectl's `Error from server
 * (Forbidden): …` line, worded as the API server words it, when RBAC denies the request —
 * or, for writes of Roles and bindings, when the write would grant permissions the user lacks.
 */
import type { KubeObject } from '../cluster/index.ts';
import {
  authorize,
  checkEscalation,
  forbiddenMessage,
  isRbacKind,
  type AuthzAttributes,
  type Decision,
} from '../rbac/index.ts';
import type { CommandContext } from './types.ts';

/** The attributes of one API request, as the authorizer sees them. */
export interface RequestAttributes {
  verb: string;
  /** Plural resource (`pods`); absent for non-resource URLs. */
  resource?: string;
  subresource?: string;
  /** API group, '' for core. */
  group?: string;
  /** Namespace of the request; absent for cluster-scoped and all-namespace requests. */
  namespace?: string;
  name?: string;
  nonResourceURL?: string;
  /** The object a create/update/patch writes: Roles and bindings also pass the escalation check. */
  object?: KubeObject;
  /** The manifest file the object came from, for `error when creating "FILE": …`. */
  file?: string;
}

/**
 * The authorizer's view of a request. A create carries no name (its URL names none), except on
 * a subresource of a named object (`pods/web/exec`).
 */
export function toAuthzAttributes(attrs: RequestAttributes): AuthzAttributes {
  if (attrs.nonResourceURL !== undefined)
    return { verb: attrs.verb, resourceRequest: false, path: attrs.nonResourceURL };
  return {
    verb: attrs.verb,
    resourceRequest: true,
    apiGroup: attrs.group ?? '',
    resource: attrs.resource ?? '',
    subresource: attrs.subresource ?? '',
    name: attrs.verb === 'create' && !attrs.subresource ? '' : (attrs.name ?? ''),
    namespace: attrs.namespace ?? '',
  };
}

/** The decision for a request by the command's user (for callers that show reasons). */
export function decide(ctx: CommandContext, attrs: RequestAttributes): Decision {
  return authorize(ctx.state, ctx.user, toAuthzAttributes(attrs));
}

function wrap(code: string, message: string, attrs: RequestAttributes): string {
  const where =
    attrs.file !== undefined && attrs.verb === 'create'
      ? `error when creating ${JSON.stringify(attrs.file)}: `
      : '';
  return `Error from server (${code}): ${where}${message}`;
}

/** Undefined when allowed; otherwise kubectl's `Error from server (Forbidden): …` text. */
export function checkAccess(ctx: CommandContext, attrs: RequestAttributes): string | undefined {
  const a = toAuthzAttributes(attrs);
  const decision = authorize(ctx.state, ctx.user, a);
  if (!decision.allowed)
    return wrap('Forbidden', forbiddenMessage(ctx.user, a, decision.apiReason), attrs);
  const obj = attrs.object;
  if (obj && isRbacKind(obj.kind) && ['create', 'update', 'patch'].includes(attrs.verb)) {
    const esc = checkEscalation(ctx.state, ctx.user, obj, attrs.verb, attrs.namespace ?? '');
    if (!esc.ok) return wrap(esc.code, esc.message, attrs);
  }
  return undefined;
}
