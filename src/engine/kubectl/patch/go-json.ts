/**
 * JSON as Go's encoding/json reads it, for the patch paths: a syntax error carries the
 * scanner's own wording (`invalid character 's' looking for beginning of object key
 * string`, `unexpected end of JSON input`), which kubectl shows unchanged when the API
 * server refuses a patch. Also Go's `%v` of decoded values, which the strategic merge
 * patch errors print (`map[image:nginx name:web]`).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first byte of the character's UTF-8 encoding: Go's scanner reports bytes. */
function firstUtf8Byte(cp: number): number {
  if (cp < 0x80) return cp;
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}

/** encoding/json quoteChar: the offending byte in single quotes, escaped as strconv.Quote does. */
export function quoteChar(ch: string): string {
  const b = firstUtf8Byte(ch.codePointAt(0) ?? 0);
  if (b === 0x27) return `'\\''`;
  if (b === 0x22) return `'"'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v' };
  named[12] = '\\f';
  named[13] = '\\r';
  named[0x5c] = '\\\\';
  if (named[b]) return `'${named[b]}'`;
  if (b < 0x20 || b === 0x7f) return `'\\x${b.toString(16).padStart(2, '0')}'`;
  // A lone byte ≥ 0x80 becomes the rune of that value: printable Latin-1 or \u00XX.
  if (b >= 0x80 && b < 0xa0) return `'\\u00${b.toString(16)}'`;
  if (b === 0xad) return `'\\u00ad'`;
  return `'${String.fromCharCode(b)}'`;
}

class SyntaxError_ {
  constructor(readonly message: string) {}
}

/** Parses JSON; the error is encoding/json's message for the first syntax error. */
export function parseGoJson(
  text: string,
): { ok: true; value: Json } | { ok: false; error: string } {
  let i = 0;
  const end = () => new SyntaxError_('unexpected end of JSON input');
  const bad = (ch: string, context: string) =>
    new SyntaxError_(`invalid character ${quoteChar(ch)} ${context}`);
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string, value: Json): Json => {
    for (let k = 1; k < word.length; k++) {
      if (i + k >= text.length) throw end();
      if (text[i + k] !== word[k])
        throw bad(text[i + k]!, `in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
    i += word.length;
    return value;
  };
  const string = (): string => {
    let out = '';
    i++;
    for (;;) {
      if (i >= text.length) throw end();
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c < ' ') throw bad(c, 'in string literal');
      if (c === '\\') {
        i++;
        if (i >= text.length) throw end();
        const e = text[i]!;
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e in simple) {
          out += simple[e];
          i++;
        } else if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (i + k >= text.length) throw end();
            if (!/[0-9a-fA-F]/.test(text[i + k]!))
              throw bad(text[i + k]!, 'in \\u hexadecimal character escape');
          }
          out += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
          i += 5;
        } else throw bad(e, 'in string escape code');
        continue;
      }
      out += c;
      i++;
    }
  };
  const digits = (context: string) => {
    if (i >= text.length) throw end();
    if (!/[0-9]/.test(text[i]!)) throw bad(text[i]!, context);
    while (i < text.length && /[0-9]/.test(text[i]!)) i++;
  };
  const number = (): number => {
    const start = i;
    if (text[i] === '-') i++;
    if (i >= text.length) throw end();
    if (text[i] === '0') i++;
    else digits('in numeric literal');
    if (text[i] === '.') {
      i++;
      digits('after decimal point in numeric literal');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits('in exponent of numeric literal');
    }
    return Number(text.slice(start, i));
  };
  const value = (): Json => {
    ws();
    if (i >= text.length) throw end();
    const c = text[i]!;
    if (c === '{') {
      i++;
      const obj: Record<string, Json> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (i >= text.length) throw end();
        if (text[i] !== '"') throw bad(text[i]!, 'looking for beginning of object key string');
        const key = string();
        ws();
        if (i >= text.length) throw end();
        if (text[i] !== ':') throw bad(text[i]!, 'after object key');
        i++;
        obj[key] = value();
        ws();
        if (i >= text.length) throw end();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        throw bad(text[i]!, 'after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (i >= text.length) throw end();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        throw bad(text[i]!, 'after array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    throw bad(String.fromCodePoint(text.codePointAt(i)!), 'looking for beginning of value');
  };
  try {
    const v = value();
    ws();
    if (i < text.length) throw bad(text[i]!, 'after top-level value');
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof SyntaxError_) return { ok: false, error: e.message };
    throw e;
  }
}

/** The JSON type word Go's unmarshal errors use (`cannot unmarshal array into …`). */
export function goJsonType(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // strconv 'g' shortest: exponent form below 1e-4 or from 1e21, two-digit exponents.
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Go's `%v` of a value decoded into interface{}: maps with sorted keys, slices space-separated. */
export function goValue(v: Json | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  const keys = Object.keys(v).sort();
  return `map[${keys.map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
}

/** A deep copy (patches never share structure with the stored object). */
export function clone<T extends Json>(v: T): T {
  return v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Structural equality of two JSON values. */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, k) => jsonEqual(x, b[k]));
  const ao = a as Record<string, Json>;
  const bo = b as Record<string, Json>;
  const ak = Object.keys(ao);
  return (
    ak.length === Object.keys(bo).length && ak.every((k) => k in bo && jsonEqual(ao[k], bo[k]))
  );
}
