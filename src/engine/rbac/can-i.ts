/**
 * One access question in data form — what `kubectl auth can-i … --as USER --as-group G`
 * asks — answered by the authorizer with its reason. Lesson goals and quiz keys use this
 * rather than parsing a command line.
 */
import type { ClusterState } from '../cluster/index.ts';
import { authorize, type Decision } from './authorizer.ts';
import { impersonatedUser } from './identity.ts';
import type { AuthzAttributes } from './rules.ts';

/** An access question: who (impersonated as the API server would), and what. */
export interface AccessQuery {
  /** User name; `system:serviceaccount:<ns>:<name>` for a ServiceAccount. */
  as: string;
  /** Groups asked for with --as-group (ServiceAccount groups are added only when empty). */
  groups?: readonly string[];
  verb: string;
  apiGroup?: string;
  /** Plural resource; omit for a non-resource URL. */
  resource?: string;
  subresource?: string;
  name?: string;
  /** '' (or omitted) asks cluster-wide, as `-A` does. */
  namespace?: string;
  nonResourceURL?: string;
}

/** The authorizer's attributes for a query. */
export function queryAttributes(q: AccessQuery): AuthzAttributes {
  if (q.nonResourceURL !== undefined)
    return { verb: q.verb, resourceRequest: false, path: q.nonResourceURL };
  return {
    verb: q.verb,
    resourceRequest: true,
    apiGroup: q.apiGroup ?? '',
    resource: q.resource ?? '',
    subresource: q.subresource ?? '',
    name: q.name ?? '',
    namespace: q.namespace ?? '',
  };
}

/** Whether the identity may do it, and why (a SelfSubjectAccessReview by an impersonating admin). */
export function canI(state: Pick<ClusterState, 'objects'>, q: AccessQuery): Decision {
  return authorize(state, impersonatedUser(q.as, q.groups ?? []), queryAttributes(q));
}
