/**
 * IP addresses and CIDR blocks for ipBlock peers, IPv4 and IPv6, parsed as Go's
 * net.ParseCIDR does (the API server accepts a block with host bits set, e.g.
 * 10.0.0.1/24, and treats it as its network 10.0.0.0/24).
 */

/** An address: IPv4 as an unsigned 32-bit number (`v4`), IPv6 as a 128-bit integer (`v6`). */
export interface IpAddress {
  family: 4 | 6;
  v4: number;
  v6: bigint;
}

/** A parsed CIDR block: its network address and mask, per family, and its prefix length. */
export interface Cidr {
  family: 4 | 6;
  bits: number;
  text: string;
  base4: number;
  mask4: number;
  base6: bigint;
  mask6: bigint;
}

function parseV4(text: string): number | undefined {
  // Go's sloppy parser (netutils.ParseIPSloppy) accepts leading zeros as decimal.
  let v = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || octet > 255) return undefined;
      v = v * 256 + octet;
      octet = 0;
      digits = 0;
      if (i < text.length && ++dots > 3) return undefined;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  return dots === 3 ? v : undefined;
}

function parseV6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let head = text;
  let tailV4: number | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const dbl = head.split('::');
  if (dbl.length > 2) return undefined;
  const left = dbl[0] ? dbl[0].split(':') : [];
  const right = dbl.length === 2 && dbl[1] ? dbl[1].split(':') : [];
  const groups = dbl.length === 2 ? 8 - left.length - right.length : 0;
  if (dbl.length === 2 ? groups < 1 : left.length !== 8) return undefined;
  const all = [...left, ...Array<string>(groups).fill('0'), ...right];
  let v = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) v = (v & ~0xffffffffn) | BigInt(tailV4);
  return v;
}

/** Parses an IPv4 or IPv6 address; undefined when it is neither. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const v = parseV6(text);
    return v === undefined ? undefined : { family: 6, v4: 0, v6: v };
  }
  const v = parseV4(text);
  return v === undefined ? undefined : { family: 4, v4: v, v6: 0n };
}

/** True when both are the same address. */
export function sameIp(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.v4 === b.v4 && a.v6 === b.v6;
}

/** Parses `address/length`; undefined when it is not a valid CIDR block. */
export function parseCidrBlock(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const len = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(len)) return undefined;
  const bits = Number(len);
  if (bits > (ip.family === 4 ? 32 : 128)) return undefined;
  const mask4 = ip.family === 4 && bits > 0 ? (~0 << (32 - bits)) >>> 0 : 0;
  const mask6 = ip.family === 6 ? ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - bits)) - 1n) : 0n;
  return {
    family: ip.family,
    bits,
    text,
    base4: (ip.v4 & mask4) >>> 0,
    mask4,
    base6: ip.v6 & mask6,
    mask6,
  };
}

/** True when the address lies inside the block (never across families). */
export function cidrHolds(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.family !== ip.family) return false;
  return cidr.family === 4
    ? (ip.v4 & cidr.mask4) >>> 0 === cidr.base4
    : (ip.v6 & cidr.mask6) === cidr.base6;
}

/** True when `inner` is a strict subset of `outer` (as ValidateIPBlock requires of `except`). */
export function strictSubset(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.family === inner.family &&
    inner.bits > outer.bits &&
    cidrHolds(outer, { family: inner.family, v4: inner.base4, v6: inner.base6 })
  );
}
