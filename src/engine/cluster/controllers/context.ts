import { admit } from '../admission.ts';
import type { Allocator } from '../ipam.ts';
import { type ClusterDraft, storedVersionOf } from '../state.ts';
import type { KubeObject } from '../types.ts';

/** What a controller works with during one reconcile pass. */
export interface ReconcileContext {
  draft: ClusterDraft;
  alloc: Allocator;
}

/** Creates or replaces an object the control plane manages, through admission. */
export function storeManaged(ctx: ReconcileContext, obj: KubeObject): KubeObject {
  const existing = storedVersionOf(ctx.draft, obj);
  const admitted = admit(obj, existing, ctx.draft, ctx.alloc);
  ctx.draft.put(admitted);
  return admitted;
}

/** An ownerReference naming obj as the controller. */
export function controllerRef(obj: KubeObject) {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    uid: obj.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** True when `owner` is the controller of `obj`. */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some(
    (r) => r.controller && r.uid === owner.metadata.uid,
  );
}
