/**
 * Validation per kind, as the API server runs it on create and update. Each validator
 * returns field errors; none means valid.
 */
import type { FieldError } from '../../api/field-error.ts';
import { kindInfo } from '../../api/kinds.ts';
import type { KubeObject } from '../types.ts';
import { validateDataKeys, validatePod, validateService, validateWorkload } from './core.ts';
import { validateObjectMeta } from './meta.ts';
import { validateNetworkPolicy } from './networkpolicy.ts';
import { validateRbacObject } from './rbac.ts';

type Validator = (obj: KubeObject) => FieldError[];

const byKind: Record<string, Validator> = {
  Pod: validatePod,
  Service: validateService,
  Deployment: validateWorkload,
  ReplicaSet: validateWorkload,
  StatefulSet: validateWorkload,
  DaemonSet: validateWorkload,
  Job: validateWorkload,
  ConfigMap: validateDataKeys,
  Secret: validateDataKeys,
  NetworkPolicy: validateNetworkPolicy,
  Role: validateRbacObject,
  ClusterRole: validateRbacObject,
  RoleBinding: validateRbacObject,
  ClusterRoleBinding: validateRbacObject,
};

/** All field errors for an object of a served kind. */
export function validateObject(obj: KubeObject): FieldError[] {
  const info = kindInfo(obj.kind);
  if (!info) return [];
  return [...validateObjectMeta(obj, info), ...(byKind[obj.kind]?.(obj) ?? [])];
}
