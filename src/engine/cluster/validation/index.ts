/**
 * Validation as the API server runs it on create and update: ObjectMeta for every kind, then
 * the kind's own rules from its strategy (../registry.ts). Each returns field errors; none
 * means valid.
 */
import { kindInfo, type FieldError } from '../../api/index.ts';
import { strategyFor } from '../registry.ts';
import type { KubeObject } from '../types.ts';
import { validateObjectMeta } from './meta.ts';

/** All field errors for an object of a served kind. */
export function validateObject(obj: KubeObject): FieldError[] {
  const info = kindInfo(obj.kind);
  if (!info) return [];
  return [...validateObjectMeta(obj, info), ...(strategyFor(obj.kind)?.validate?.(obj) ?? [])];
}

/** The changes from `existing` to `next` that an update may not make. */
export function validateObjectUpdate(existing: KubeObject, next: KubeObject): FieldError[] {
  return strategyFor(existing.kind)?.validateUpdate?.(existing, next) ?? [];
}
