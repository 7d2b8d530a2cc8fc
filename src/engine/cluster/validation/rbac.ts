/**
 * RBAC object validation (pkg/apis/rbac/validation): rules need verbs and either
 * apiGroups + resources or nonResourceURLs (never both, and no URLs in a namespaced Role);
 * bindings need a roleRef in rbac.authorization.k8s.io of kind Role or ClusterRole
 * (ClusterRole only for a ClusterRoleBinding) and well-formed subjects. Empty apiGroups of
 * roleRef and User/Group subjects count as rbac.authorization.k8s.io, which v1 defaults them to.
 */
import { invalid, notSupported, required, type FieldError } from '../../api/index.ts';
import {
  isDNS1123Subdomain,
  isValidPathSegmentName,
  validateLabelSelector,
} from '../../labels/index.ts';
import type { KubeObject } from '../types.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function validatePolicyRule(rule: unknown, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const r = (rule ?? {}) as Record<string, unknown>;
  if (list(r.verbs).length === 0)
    errs.push(required(`${path}.verbs`, 'verbs must contain at least one value'));
  const urls = list(r.nonResourceURLs);
  if (urls.length > 0) {
    if (namespaced)
      errs.push(
        invalid(
          `${path}.nonResourceURLs`,
          urls,
          'namespaced rules cannot apply to non-resource URLs',
        ),
      );
    if (
      list(r.apiGroups).length > 0 ||
      list(r.resources).length > 0 ||
      list(r.resourceNames).length > 0
    )
      errs.push(
        invalid(
          `${path}.nonResourceURLs`,
          urls,
          'rules cannot apply to both regular resources and non-resource URLs',
        ),
      );
    return errs;
  }
  if (list(r.apiGroups).length === 0)
    errs.push(required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if (list(r.resources).length === 0)
    errs.push(required(`${path}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

function validateSubject(subject: unknown, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const s = (subject ?? {}) as Record<string, unknown>;
  const name = typeof s.name === 'string' ? s.name : '';
  const apiGroup = typeof s.apiGroup === 'string' ? s.apiGroup : '';
  if (!name) errs.push(required(`${path}.name`));
  switch (s.kind) {
    case 'ServiceAccount':
      if (name)
        for (const m of isDNS1123Subdomain(name)) errs.push(invalid(`${path}.name`, name, m));
      if (apiGroup) errs.push(notSupported(`${path}.apiGroup`, apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(required(`${path}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (apiGroup && apiGroup !== RBAC_GROUP)
        errs.push(notSupported(`${path}.apiGroup`, apiGroup, [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = (obj.roleRef ?? {}) as Record<string, unknown>;
  const apiGroup =
    typeof ref.apiGroup === 'string' && ref.apiGroup !== '' ? ref.apiGroup : RBAC_GROUP;
  if (apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', apiGroup, [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind as string))
    errs.push(notSupported('roleRef.kind', ref.kind ?? '', kinds));
  const name = typeof ref.name === 'string' ? ref.name : '';
  if (!name) errs.push(required('roleRef.name'));
  else for (const m of isValidPathSegmentName(name)) errs.push(invalid('roleRef.name', name, m));
  list(obj.subjects).forEach((s, i) =>
    errs.push(...validateSubject(s, namespaced, `subjects[${i}]`)),
  );
  return errs;
}

/** All field errors of a Role, ClusterRole, RoleBinding or ClusterRoleBinding. */
export function validateRbacObject(obj: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Role':
      return list(obj.rules).flatMap((r, i) => validatePolicyRule(r, true, `rules[${i}]`));
    case 'ClusterRole': {
      const errs = list(obj.rules).flatMap((r, i) => validatePolicyRule(r, false, `rules[${i}]`));
      const agg = obj.aggregationRule as { clusterRoleSelectors?: unknown } | undefined | null;
      if (agg) {
        const selectors = list(agg.clusterRoleSelectors);
        if (selectors.length === 0)
          errs.push(
            required(
              'aggregationRule.clusterRoleSelectors',
              'at least one clusterRoleSelector required if aggregationRule is non-nil',
            ),
          );
        selectors.forEach((s, i) =>
          errs.push(...validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`)),
        );
      }
      return errs;
    }
    case 'RoleBinding':
      return validateBinding(obj, true);
    case 'ClusterRoleBinding':
      return validateBinding(obj, false);
    default:
      return [];
  }
}
