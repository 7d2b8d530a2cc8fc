/** Fixed-width bit sets over pod indexes (32 pods per word), for whole-matrix evaluation. */

export type Bits = Uint32Array;

/** Words needed for n bits. */
export function words(n: number): number {
  return (n + 31) >>> 5;
}

/** A set with nothing in it, `w` words wide. */
export function emptyBits(w: number): Bits {
  return new Uint32Array(w);
}

/** All of 0..n-1. */
export function fullBits(n: number): Bits {
  const b = new Uint32Array(words(n));
  b.fill(0xffffffff);
  const rem = n & 31;
  if (rem !== 0) b[b.length - 1] = (1 << rem) - 1;
  return b;
}

/** Adds index i. */
export function setBit(b: Bits, i: number): void {
  b[i >>> 5]! |= 1 << (i & 31);
}

/** True when index i is in the set. */
export function hasBit(b: Bits, i: number): boolean {
  return (b[i >>> 5]! & (1 << (i & 31))) !== 0;
}

/** Indexes [lo, hi) set. */
export function rangeBits(w: number, lo: number, hi: number): Bits {
  const b = new Uint32Array(w);
  for (let i = lo; i < hi; i++) setBit(b, i);
  return b;
}

/** dst ∪= src. */
export function orInto(dst: Bits, src: Bits): void {
  for (let i = 0; i < dst.length; i++) dst[i]! |= src[i]!;
}

/** dst ∩= src. */
export function andInto(dst: Bits, src: Bits): void {
  for (let i = 0; i < dst.length; i++) dst[i]! &= src[i]!;
}

/** dst −= src. */
export function andNotInto(dst: Bits, src: Bits): void {
  for (let i = 0; i < dst.length; i++) dst[i]! &= ~src[i]!;
}

/** A new set a ∩ b. */
export function and(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** True when no index is set. */
export function isEmpty(b: Bits): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/** Calls fn for every set index, in increasing order. */
export function forEachBit(b: Bits, fn: (i: number) => void): void {
  for (let w = 0; w < b.length; w++) {
    let v = b[w]!;
    while (v !== 0) {
      const t = v & -v;
      fn((w << 5) + (31 - Math.clz32(t)));
      v ^= t;
    }
  }
}
