/**
 * Resource quantities in canonical form, as resource.Quantity.String() prints them in
 * `kubectl describe`: decimal quantities use the largest SI suffix that keeps an integer
 * (`0.5` → `500m`, `2000` → `2k`), binary ones the largest power of 1024 (`1024Mi` → `1Gi`,
 * `0.5Gi` → `512Mi`) unless that would lose precision or the value is below 1024, and
 * exponent notation stays exponent notation (`129e6`). Precision is nano units, rounded up.
 */

const DECIMAL: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIX = Object.fromEntries(Object.entries(DECIMAL).map(([k, v]) => [v, k]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const NANO = 10n ** 9n;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** The quantity's canonical string, or the input unchanged when it does not parse. */
export function canonicalQuantity(input: string | number): string {
  const text = String(input).trim();
  const m =
    /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign, num, suffix = '', exp] = m;
  const [whole, frac = ''] = num!.split('.');
  const digits = BigInt(`${whole || '0'}${frac}`);
  // value = digits × 10^-frac.length × multiplier, kept as nano units (rounded up, as Go does).
  let nanoNum = digits * NANO;
  let nanoDen = pow10(frac.length);
  let format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent' = 'DecimalSI';
  if (exp !== undefined) {
    format = 'DecimalExponent';
    const e = Number(exp);
    if (e >= 0) nanoNum *= pow10(e);
    else nanoDen *= pow10(-e);
  } else if (suffix in BINARY) {
    format = 'BinarySI';
    nanoNum *= 1024n ** BigInt(BINARY[suffix]!);
  } else {
    const e = DECIMAL[suffix]!;
    if (e >= 0) nanoNum *= pow10(e);
    else nanoDen *= pow10(-e);
  }
  let nano = (nanoNum + nanoDen - 1n) / nanoDen;
  if (nano === 0n) return '0';
  const neg = sign === '-';
  if (format === 'BinarySI') {
    const isInteger = nano % NANO === 0n;
    if (nano < 1024n * NANO || !isInteger) format = 'DecimalSI';
    else {
      let v = nano / NANO;
      let k = 0;
      while (k < 6 && v % 1024n === 0n) {
        v /= 1024n;
        k++;
      }
      return `${neg ? '-' : ''}${v}${BINARY_SUFFIX[k]}`;
    }
  }
  // Largest exponent (a multiple of 3, -9…18) that leaves an integer mantissa.
  let e = -9;
  while (e < 18 && nano % 1000n === 0n) {
    nano /= 1000n;
    e += 3;
  }
  const mantissa = `${neg ? '-' : ''}${nano}`;
  if (format === 'DecimalExponent') return e === 0 ? mantissa : `${mantissa}e${e}`;
  return `${mantissa}${DECIMAL_SUFFIX[e]}`;
}
