/**
 * The engine's light entry: the cluster model and every evaluator (NetworkPolicy, DNS, the
 * request path, RBAC) without the kubectl interpreter. The first screen imports this; the
 * interpreter arrives with the app's runtime (store/runtime.ts), which imports index.ts.
 */
export * from './api/index.ts';
export * from './labels/index.ts';
export * from './cluster/index.ts';
export * from './netpol/index.ts';
export * from './dns/index.ts';
export * from './routing/index.ts';
export * from './rbac/index.ts';
