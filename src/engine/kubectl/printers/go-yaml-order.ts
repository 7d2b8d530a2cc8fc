/**
 * Two things go-yaml v2 decides before it writes anything: the order of a mapping's keys
 * (sorter.go, keyList.Less: letters after other characters, runs of digits compared as
 * numbers, so `a2` sorts before `a10` and `_x` before `B`), and the text of a JSON number
 * once JSONToYAML has read it back (resolve.go gives an int when ParseInt or ParseUint
 * accepts the text, else a float64 that encode.go prints with strconv's 'g' format).
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

function runes(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0)!);
}

/** keyList.Less for two string keys (Go's int64 arithmetic kept, overflow and all). */
function less(a: string, b: string): boolean {
  // Fast path: most keys first differ at an ASCII letter.
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length;
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(i);
  if (ca < 0x80 && cb < 0x80 && isLetter(ca) && isLetter(cb)) return ca < cb;
  const ar = runes(a);
  const br = runes(b);
  for (let k = 0; k < ar.length && k < br.length; k++) {
    const x = ar[k]!;
    const y = br[k]!;
    if (x === y) continue;
    const xl = isLetter(x);
    const yl = isLetter(y);
    if (xl && yl) return x < y;
    if (xl || yl) return yl;
    let an = 0n;
    let bn = 0n;
    if (x === 0x30 || y === 0x30) {
      for (let j = k - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = k;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++)
      an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]! - 0x30));
    let bi = k;
    for (; bi < br.length && isDigit(br[bi]!); bi++)
      bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

/** A comparator for Array.prototype.sort in go-yaml's key order. */
export function goKeyCompare(a: string, b: string): number {
  if (less(a, b)) return -1;
  return less(b, a) ? 1 : 0;
}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * A number as it prints: JSON gives it the shortest text that reads back (as JavaScript's
 * String does); integer text within int64 or uint64 stays as it is, anything else is a
 * float64 in 'g' format with the shortest precision, which switches to an exponent
 * (at least two digits) below 1e-4 and from 1e6 up.
 */
export function goNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null'; // JSON has no NaN or Infinity
  if (Number.isSafeInteger(n)) return String(n);
  const text = String(n);
  if (/^-?\d+$/.test(text)) {
    const v = BigInt(text);
    if (v >= INT64_MIN && v <= UINT64_MAX) return text;
  }
  const [mantissa, exp] = n.toExponential().split('e') as [string, string];
  const e = Number(exp);
  if (e >= -4 && e < 6) return text;
  const digits = String(Math.abs(e)).padStart(2, '0');
  return `${mantissa}e${e < 0 ? '-' : '+'}${digits}`;
}
