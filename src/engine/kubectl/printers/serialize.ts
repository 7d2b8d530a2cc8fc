/**
 * `-o yaml` and `-o json` as kubectl prints them: kubectl receives objects as JSON and
 * prints them through Go maps, so keys come out sorted at every level (by bytes for JSON,
 * in go-yaml's own order for YAML); YAML is go-yaml v2's block style (sigs.k8s.io/yaml),
 * JSON is indented by four spaces.
 */
import { goYamlMarshal } from './go-yaml.ts';

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

/** `-o yaml`: go-yaml v2's emitter, keys in its own order (see go-yaml.ts). */
export function toYaml(value: unknown): string {
  return goYamlMarshal(value);
}

export function toJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value), null, 4) + '\n';
}

/** Several objects printed as a `kind: List`, as `kubectl get` does for more than one. */
export function asList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
