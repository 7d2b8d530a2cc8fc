/** The cluster model: object store, loading, validation, defaults, controllers and IPAM. */
export * from './types.ts';
export * from './state.ts';
export * from './loader.ts';
export { KUBE_YAML_SCHEMA, contentLine, splitDocuments } from './yaml11.ts';
export { plainReadsAsString } from './go-yaml-resolve.ts';
export * from './apply.ts';
export * from './defaults.ts';
export * from './ipam.ts';
export * from './ip-address.ts';
export * from './indexes.ts';
export * from './endpoint-views.ts';
export * from './delete.ts';
export { admit } from './admission.ts';
export { NODE_IP, NODE_NAME, NAMESPACE_NAME_LABEL } from './assignment.ts';
export {
  reconcile,
  podIsReady,
  podCanServe,
  resolveTargetPort,
  endpointCandidacy,
  endpointCandidacyText,
  type EndpointCandidacy,
  type CandidatePort,
  ROOT_CA_CONFIGMAP,
} from './controllers/index.ts';
export { KUBE_DNS_IP, KUBERNETES_SERVICE_IP, SYSTEM_NAMESPACES } from './bootstrap/system.ts';
export { validateObject } from './validation/index.ts';
export { validateRbacObject } from './validation/rbac.ts';
export { stableJson, fnv32a, safeEncode } from './naming.ts';
export { policyTypesOf } from './defaulting.ts';
