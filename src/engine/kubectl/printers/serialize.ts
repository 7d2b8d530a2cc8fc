/**
 * `-o yaml` and `-o json` as kubectl prints them: kubectl receives objects as JSON and
 * prints them through Go maps, so keys come out sorted at every level; YAML sequences are
 * not indented under their key (sigs.k8s.io/yaml), JSON is indented by four spaces.
 */
import { Document, isScalar, parse, visit } from 'yaml';

/** A deep copy with object keys sorted and undefined fields dropped. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value as object).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortKeysDeep(v);
  }
  return out;
}

const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;

/** True when a string read back as plain YAML 1.1 would be a number, bool, null or timestamp. */
function looksLikeOtherType(text: string): boolean {
  if (TIMESTAMP.test(text)) return true;
  try {
    const v: unknown = parse(text, { version: '1.1' });
    if (v === null) return /^(~|null|Null|NULL|)$/.test(text);
    if (typeof v === 'number') return /\d|^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(text);
    return typeof v === 'boolean';
  } catch {
    return false;
  }
}

export function toYaml(value: unknown): string {
  const doc = new Document(sortKeysDeep(value), { version: '1.1' });
  // go-yaml quotes a string that would read as another type with double quotes, and any
  // other string that cannot stay plain with single quotes (`'*'`, `'a: b'`, `"443"`).
  visit(doc, {
    Scalar(_key, node) {
      if (
        isScalar(node) &&
        typeof node.value === 'string' &&
        (looksLikeOtherType(node.value) || /\t/.test(node.value))
      )
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    nullStr: 'null',
    singleQuote: true,
  });
}

export function toJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value), null, 4) + '\n';
}

/** Several objects printed as a `kind: List`, as `kubectl get` does for more than one. */
export function asList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
