/** NetworkPolicy validation (networking/v1). Filled in by the NetworkPolicy engine work. */
import type { FieldError } from '../../api/field-error.ts';
import type { KubeObject } from '../types.ts';

export function validateNetworkPolicy(_obj: KubeObject): FieldError[] {
  return [];
}
