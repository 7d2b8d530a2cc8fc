/** DNS record vocabulary shared by the CoreDNS model and the stub resolver. */

/** Query types the simulator answers. */
export type RRType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR';
export const RR_TYPES: readonly RRType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR'];

/** A server's response code. */
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

/** One resource record; `data` is the address, the target name, or `priority weight port target`. */
export interface DnsRecord {
  name: string;
  type: RRType;
  ttl: number;
  data: string;
}

/** What a DNS server answered for one question, and why. */
export interface ServerAnswer {
  rcode: Rcode;
  answers: DnsRecord[];
  /** Which part of the server answered: the kubernetes plugin or the upstream resolver. */
  source: 'kubernetes' | 'upstream';
  reason: string;
}

/** Strict IPv4 dotted quad (no leading zeros, as Go's net.ParseIP). */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** IPv6 in any textual form (with one `::` at most, optional trailing dotted quad). */
export function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  if ((s.match(/::/g) ?? []).length > 1) return false;
  let groups = s.split(':');
  const last = groups[groups.length - 1]!;
  let extra = 0;
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
  }
  const compressed = s.includes('::');
  const nonEmpty = groups.filter((g) => g !== '');
  if (!nonEmpty.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = nonEmpty.length + extra;
  if (compressed) return count <= 7;
  return count === 8 && groups.every((g) => g !== '');
}

/** Expands an IPv6 address to its 32 hex nibbles. */
export function ipv6Nibbles(s: string): string | undefined {
  if (!isIPv6(s)) return undefined;
  let text = s;
  if (text.includes('.')) {
    const i = text.lastIndexOf(':');
    const v4 = text
      .slice(i + 1)
      .split('.')
      .map(Number);
    text = `${text.slice(0, i + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t]
    .map((g) => g.padStart(4, '0'))
    .join('')
    .toLowerCase();
}

/** The reverse-lookup name of an address (`5.1.244.10.in-addr.arpa`). */
export function reverseName(ip: string): string | undefined {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const n = ipv6Nibbles(ip);
  return n ? `${n.split('').reverse().join('.')}.ip6.arpa` : undefined;
}

/** The address a reverse name stands for, or '' when it is not a complete reverse name. */
export function addressFromReverse(name: string): string {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.endsWith('.in-addr.arpa')) {
    const parts = lower.slice(0, -'.in-addr.arpa'.length).split('.');
    const ip = parts.reverse().join('.');
    return parts.length === 4 && isIPv4(ip) ? ip : '';
  }
  if (lower.endsWith('.ip6.arpa')) {
    const nib = lower.slice(0, -'.ip6.arpa'.length).split('.');
    if (nib.length !== 32 || !nib.every((x) => /^[0-9a-f]$/.test(x))) return '';
    const hex = nib.reverse().join('');
    const groups = hex.match(/.{4}/g)!.map((g) => g.replace(/^0+(?=.)/, ''));
    return groups.join(':');
  }
  return '';
}

/** Case-insensitive, trailing-dot-insensitive name equality. */
export function sameName(a: string, b: string): boolean {
  return a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}

/** True when `name` is `zone` or below it. */
export function isSubdomain(zone: string, name: string): boolean {
  const z = zone.replace(/\.$/, '').toLowerCase();
  const n = name.replace(/\.$/, '').toLowerCase();
  return n === z || n.endsWith(`.${z}`);
}

/** A Service's cluster DNS name, `<service>.<namespace>.svc.<zone>` (the DNS spec's A record name). */
export function serviceDnsName(name: string, namespace: string, clusterDomain: string): string {
  return `${name}.${namespace}.svc.${clusterDomain}`;
}
