/** The engine's public surface: the cluster model and the kubectl interpreter. */
export * from './cluster/index.ts';
export * from './kubectl/index.ts';
export * as labels from './labels/index.ts';
export { KINDS, kindInfo, resolveResourceType, type KindInfo } from './api/kinds.ts';
