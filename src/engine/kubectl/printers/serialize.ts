/**
 * `-o yaml` and `-o json` as kubectl prints them: kubectl receives objects as JSON and
 * prints them through Go maps, so keys come out sorted at every level; YAML sequences are
 * not indented under their key (sigs.k8s.io/yaml), JSON is indented by four spaces.
 */
import { stringify } from 'yaml';

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

export function toYaml(value: unknown): string {
  return stringify(sortKeysDeep(value), {
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    nullStr: 'null',
    version: '1.1',
  });
}

export function toJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value), null, 4) + '\n';
}

/** Several objects printed as a `kind: List`, as `kubectl get` does for more than one. */
export function asList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
