/**
 * The resolver beyond the cluster (CoreDNS `forward . /etc/resolv.conf`, or a pod with
 * dnsPolicy Default). The simulator has no Internet: every such name is NXDOMAIN, and the
 * reason says whether a real resolver would have known the name.
 */
import type { RRType, ServerAnswer } from './records.ts';

// Common delegated top-level domains; names ending elsewhere do not exist on the Internet either.
const DELEGATED_TLDS = new Set(
  'com net org io dev app edu gov mil int info biz co ai cloud tech us uk de fr nl eu jp cn in ru br au ca ch se no es it pl be at dk fi ie nz ar mx kr tw sg hk za arpa'.split(
    ' ',
  ),
);

/** The upstream resolver's answer to a name the cluster DNS does not serve. */
export function upstreamAnswer(name: string, _qtype: RRType): ServerAnswer {
  const tld = name.replace(/\.$/, '').split('.').pop()?.toLowerCase() ?? '';
  const reason = DELEGATED_TLDS.has(tld)
    ? `forwarded upstream: "${name}" is outside the cluster; the simulator does not model Internet DNS and answers NXDOMAIN`
    : `forwarded upstream: ".${tld}" is not a top-level domain, so the upstream resolver answers NXDOMAIN`;
  return { rcode: 'NXDOMAIN', answers: [], source: 'upstream', reason };
}
