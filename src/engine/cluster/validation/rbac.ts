/** RBAC object validation (rbac.authorization.k8s.io/v1). Filled in by the RBAC work. */
import type { FieldError } from '../../api/field-error.ts';
import type { KubeObject } from '../types.ts';

export function validateRbacObject(_obj: KubeObject): FieldError[] {
  return [];
}
