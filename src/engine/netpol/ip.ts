/**
 * IP addresses and CIDR blocks for ipBlock peers, IPv4 and IPv6, parsed as Go's
 * net.ParseCIDR does (the API server accepts a block with host bits set, e.g.
 * 10.0.0.1/24, and treats it as its network 10.0.0.0/24).
 */

/** An address as a family and a 32- or 128-bit integer. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** A parsed CIDR block: its network address and prefix length. */
export interface Cidr {
  family: 4 | 6;
  base: bigint;
  bits: number;
  text: string;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    // Go's sloppy parser (netutils.ParseIPSloppy) accepts leading zeros as decimal.
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let head = text;
  let tailV4: bigint | undefined;
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
  if (tailV4 !== undefined) v = (v & ~0xffffffffn) | tailV4;
  return v;
}

/** Parses an IPv4 or IPv6 address; undefined when it is neither. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const v = parseV6(text);
    return v === undefined ? undefined : { family: 6, value: v };
  }
  const v = parseV4(text);
  return v === undefined ? undefined : { family: 4, value: v };
}

function mask(family: 4 | 6, bits: number): bigint {
  const width = family === 4 ? 32 : 128;
  return ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - bits)) - 1n);
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
  return { family: ip.family, base: ip.value & mask(ip.family, bits), bits, text };
}

/** True when the address lies inside the block (never across families). */
export function cidrHolds(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && (ip.value & mask(cidr.family, cidr.bits)) === cidr.base;
}

/** True when `inner` is a strict subset of `outer` (as ValidateIPBlock requires of `except`). */
export function strictSubset(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.family === inner.family &&
    inner.bits > outer.bits &&
    cidrHolds(outer, { family: inner.family, value: inner.base })
  );
}
