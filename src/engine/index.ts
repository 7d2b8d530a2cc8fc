/** The engine's public surface: the cluster model, the kubectl interpreter, labels and RBAC. */
export * from './cluster/index.ts';
export * from './kubectl/index.ts';
export * as labels from './labels/index.ts';
export * as rbac from './rbac/index.ts';
export { KINDS, kindInfo, resolveResourceType, type KindInfo, type KindName } from './api/kinds.ts';
export * from './api/object-ref.ts';
