/**
 * The authorization check every API request from a command goes through. Commands call
 * `checkAccess` before reading or writing; it returns the API server's Forbidden message
 * when RBAC denies the request. (Wired to the RBAC authorizer by the RBAC work.)
 */
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
}

/** Undefined when allowed; otherwise kubectl's `Error from server (Forbidden): …` text. */
export function checkAccess(_ctx: CommandContext, _attrs: RequestAttributes): string | undefined {
  return undefined;
}
