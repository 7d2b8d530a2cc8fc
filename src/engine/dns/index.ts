/**
 * Cluster DNS: each pod's resolv.conf (dnsPolicy, dnsConfig), the CoreDNS `kubernetes` plugin
 * records (Services, headless endpoints, SRV, ExternalName CNAMEs, pod A records, PTR) and the
 * stub resolver's search list (the queries themselves are packets: routing/resolve.ts).
 */
export * from './records.ts';
export { coreDnsAnswer, endpointHostname } from './coredns.ts';
export { upstreamAnswer } from './upstream.ts';
export {
  podResolvConf,
  podHostsFile,
  podHostnames,
  lookupHostsFile,
  clusterDNSIP,
  NODE_RESOLV_CONF,
  searchCandidates,
  type ResolvConf,
} from './resolv-conf.ts';
