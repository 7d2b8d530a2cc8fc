/** RBAC: rule matching, the authorizer with its reasons, who-can, escalation checks, identities. */
export * from './rules.ts';
export * from './identity.ts';
export * from './authorizer.ts';
export * from './forbidden.ts';
export * from './escalation.ts';
export * from './who-can.ts';
export * from './discovery.ts';
export * from './access-list.ts';
export * from './can-i.ts';
export * from './pod-identity.ts';
export * from './api-call.ts';
export * from './permissions.ts';
