/**
 * The RBAC objects the API server bootstraps in every cluster (cluster-admin, admin, edit,
 * view and their bindings). Filled in by the RBAC work.
 */
import type { KubeObject } from '../types.ts';

export function bootstrapRbacObjects(): KubeObject[] {
  return [];
}
