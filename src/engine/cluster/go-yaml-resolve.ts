/**
 * go-yaml v2's resolve.go: what a plain scalar reads as (kubectl reads YAML with it, and
 * prints with it). A plain scalar may be a bool, null, int, float or timestamp; the rules
 * below are resolve.go's, with the Go library calls it leans on (strconv.ParseInt, ParseUint,
 * ParseFloat, time.Parse) written out. Reading (the YAML 1.1 schema, yaml11.ts) takes the
 * int and float rules; printing (encode.go's stringv) quotes every string that would not read
 * back as itself, and YAML 1.1 base-60 floats besides.
 */

/** resolve.go's resolveMap: the plain words that are not strings. (`<<` has no hint: a string.) */
const WORDS = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL'],
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF'],
  ...['+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'],
]);

/** resolve.go's yamlStyleFloat, tried on the text with its underscores removed. */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** encode.go's base60float: quoted "for compatibility with other parsers", never resolved. */
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
/** strconv.ParseFloat of text starting with `.`: underscores only between digits (underscoreOK). */
const DOT_FLOAT = /^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$/;
/** strconv.ParseUint with base 0: 0b / 0o / 0x prefixes, a leading 0 for octal. */
const UINT_BASE0 = /^(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;

const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function uintValue(digits: string): bigint {
  // BigInt reads 0b/0o/0x itself; Go reads a bare leading 0 as octal.
  return /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
}

/** strconv.ParseInt(s, 0, 64), or ParseUint(s, 0, 64) when that fails. */
function goInt(s: string): bigint | undefined {
  const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
  const digits = s.slice(sign.length);
  if (!UINT_BASE0.test(digits)) return undefined;
  const v = uintValue(digits);
  if (sign === '-') return v <= INT64_MAX + 1n ? -v : undefined;
  return v <= (sign === '+' ? INT64_MAX : UINT64_MAX) ? v : undefined;
}

/** resolve.go's last resort: `0b` followed by a signed binary number (ParseInt base 2). */
function goBinaryTail(s: string): bigint | undefined {
  const m = /^0b([-+]?)([01]+)$/.exec(s);
  if (!m) return undefined;
  const v = BigInt(`0b${m[2]}`);
  if (m[1] === '-') return v <= INT64_MAX + 1n ? -v : undefined;
  return v <= (m[1] === '+' ? INT64_MAX : UINT64_MAX) ? v : undefined;
}

const SMALL_INT = /^-?(?:[1-9][0-9]{0,14}|0)$/;

/** The int a plain scalar resolves to (hint `+`, `-` or a digit; underscores ignored). */
export function goYamlInt(s: string): number | undefined {
  const c = s.charCodeAt(0);
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d)) return undefined;
  if (SMALL_INT.test(s)) return Number(s) || 0; // no -0
  const plain = s.replace(/_/g, '');
  const v = goInt(plain) ?? goBinaryTail(plain);
  return v === undefined ? undefined : Number(v);
}

const SPECIAL_FLOATS = new Map<string, number>([
  ['.nan', NaN],
  ['.NaN', NaN],
  ['.NAN', NaN],
  ['.inf', Infinity],
  ['.Inf', Infinity],
  ['.INF', Infinity],
  ['+.inf', Infinity],
  ['+.Inf', Infinity],
  ['+.INF', Infinity],
  ['-.inf', -Infinity],
  ['-.Inf', -Infinity],
  ['-.INF', -Infinity],
]);

/**
 * The float a plain scalar resolves to when it is no int: the special words, text after
 * `.` as ParseFloat reads it (underscores only between digits), or digits with underscores
 * dropped that match yamlStyleFloat. ParseFloat fails on overflow (ErrRange), and then the
 * text stays a string.
 */
export function goYamlFloat(s: string): number | undefined {
  const c = s.charCodeAt(0);
  if (c !== 0x2e && c !== 0x2b && c !== 0x2d && !(c >= 0x30 && c <= 0x39)) return undefined;
  const special = SPECIAL_FLOATS.get(s);
  if (special !== undefined) return special;
  let f: number;
  if (c === 0x2e /* . */) {
    if (!DOT_FLOAT.test(s)) return undefined;
    f = Number(s.replace(/_/g, ''));
  } else if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d) {
    const plain = s.replace(/_/g, '');
    if (!YAML_FLOAT.test(plain)) return undefined;
    f = Number(plain);
  } else return undefined;
  return Number.isFinite(f) ? f : undefined;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * resolve.go's parseTimestamp: time.Parse with "2006-1-2T15:4:5.999999999Z07:00" (T or t),
 * "2006-1-2 15:4:5.999999999" or "2006-1-2". Month, day and hour take one or two digits;
 * a fraction (after `.` or `,`) any number; a zone is Z or ±hh:mm; every field is range-checked.
 */
export function isGoTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d\d:\d\d)?)?$/.exec(
      s,
    );
  if (!m) return false;
  const [, y, mo, d, sep, h, mi, sec, zone] = m;
  if (sep !== undefined && (sep === ' ') === (zone !== undefined)) return false;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return false;
  if (day < 1 || day > (month === 2 && leap(year) ? 29 : DAYS[month - 1]!)) return false;
  if (sep === undefined) return true;
  if (Number(h) >= 24 || Number(mi) >= 60 || Number(sec) >= 60) return false;
  if (zone !== undefined && zone !== 'Z') {
    // time.Parse allows offsets up to 24 hours and 60 minutes ("as some people do write").
    if (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60) return false;
  }
  return true;
}

/** resolve("", s) gives a tag other than !!str: bool, null, int, float or timestamp. */
function resolvesToOtherType(s: string): boolean {
  if (WORDS.has(s)) return true;
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39 && isGoTimestamp(s)) return true;
  return goYamlInt(s) !== undefined || goYamlFloat(s) !== undefined;
}

/** encode.go's canUsePlain: the string reads back as itself when printed without quotes. */
export function plainReadsAsString(s: string): boolean {
  return !resolvesToOtherType(s) && !BASE60.test(s);
}
