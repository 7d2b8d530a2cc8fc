/**
 * The path of a request from a pod: name resolution, Service, endpoint choice (after DNAT),
 * NetworkPolicy at both ends, and whether the backend listens. Public surface used by `exec`,
 * `explain`, lessons and the UI.
 */
export type * from './types.ts';
export { decidingHop, pathDecision, type PathDecision } from './decider.ts';
export { backendText, hopHeadline, transportLines } from './hop-text.ts';
export { connect, dnsHop, SYN_GIVE_UP_MS } from './connect.ts';
export { sendPacket, UPSTREAM_DNS_IP, type Delivery, type SendOptions } from './packet.ts';
export {
  readyBackends,
  podForIP,
  podListens,
  serviceForClusterIP,
  findServiceTarget,
  type Backend,
} from './lookup.ts';
export { parseUrl, type ParsedUrl } from './url.ts';
export {
  resolveFromPod,
  dnsTransport,
  type ResolveResult,
  type DnsTransport,
  type QueryAttempt,
} from './resolve.ts';
export { containerEnvironment, envValue, type EnvVar } from './container-env.ts';
