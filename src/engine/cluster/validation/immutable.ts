/**
 * Fields the API server refuses to change on update, per kind (each kind's strategy
 * ValidateUpdate). The registry (../registry.ts) names which kind checks which.
 */
import { forbidden, invalid, type FieldError } from '../../api/index.ts';
import { stableJson } from '../naming.ts';
import type { KubeObject } from '../types.ts';

type Obj = Record<string, unknown>;
const spec = (o: KubeObject): Obj => (o.spec ?? {}) as Obj;

/** A pod's spec may change only in container images and a few scheduling fields. */
function podSpecMutable(s: Obj): string {
  const containers = (c: unknown) =>
    Array.isArray(c) ? c.map((x) => ({ ...(x as Obj), image: undefined })) : c;
  return stableJson({
    ...s,
    containers: containers(s.containers),
    initContainers: containers(s.initContainers),
    activeDeadlineSeconds: undefined,
    tolerations: undefined,
    terminationGracePeriodSeconds: undefined,
  });
}

export function validatePodUpdate(existing: KubeObject, next: KubeObject): FieldError[] {
  if (podSpecMutable(spec(existing)) !== podSpecMutable(spec(next))) {
    return [
      forbidden(
        'spec',
        'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      ),
    ];
  }
  return [];
}

/** A Service keeps its ClusterIP (unless it becomes an ExternalName Service). */
export function validateServiceUpdate(existing: KubeObject, next: KubeObject): FieldError[] {
  const before = spec(existing).clusterIP as string | undefined;
  const after = spec(next).clusterIP as string | undefined;
  if (after && before && after !== before && spec(next).type !== 'ExternalName') {
    return [invalid('spec.clusterIPs[0]', after, 'field is immutable')];
  }
  return [];
}

/** Deployments, ReplicaSets, StatefulSets and DaemonSets keep their selector. */
export function validateSelectorUpdate(existing: KubeObject, next: KubeObject): FieldError[] {
  if (stableJson(spec(existing).selector) !== stableJson(spec(next).selector)) {
    return [invalid('spec.selector', spec(next).selector, 'field is immutable')];
  }
  return [];
}

/** A binding keeps its roleRef: granting another role means a new binding. */
export function validateRoleRefUpdate(existing: KubeObject, next: KubeObject): FieldError[] {
  if (stableJson(existing.roleRef) !== stableJson(next.roleRef)) {
    return [invalid('roleRef', next.roleRef, 'cannot change roleRef')];
  }
  return [];
}
