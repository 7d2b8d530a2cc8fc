/**
 * Deterministic stand-ins for the names and ids the control plane generates: the
 * pod-template-hash (FNV-32a of the template, encoded with apimachinery's SafeEncodeString
 * alphabet), random-looking pod suffixes, and uids.
 */

/** apimachinery util/rand's alphabet: no vowels or look-alike characters. */
const alphabet = 'bcdf' + 'ghjklmnpqrstvwxz2456789';

/** FNV-1a, 32-bit. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Maps each character of s onto the safe alphabet, as rand.SafeEncodeString does. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += alphabet[s.charCodeAt(i) % alphabet.length];
  return out;
}

const templateHashes = new WeakMap<object, string>();

/** The pod-template-hash label value for a pod template (cached: stored objects never change). */
export function podTemplateHash(template: unknown): string {
  if (template === null || typeof template !== 'object')
    return safeEncode(String(fnv32a(stableJson(template))));
  let hash = templateHashes.get(template);
  if (hash === undefined) {
    hash = safeEncode(String(fnv32a(stableJson(template))));
    templateHashes.set(template, hash);
  }
  return hash;
}

/** A 5-character suffix for a generated pod name, derived from its owner and ordinal. */
export function generatedSuffix(seed: string, n = 5): string {
  let h = fnv32a(seed);
  let out = '';
  for (let i = 0; i < n; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return out;
}

/** A uid-shaped deterministic id, unique per sequence number (a cheap integer mix for variety). */
export function generatedUid(seq: number): string {
  const a = (Math.imul(seq ^ 0x5bd1e995, 0x01000193) >>> 0).toString(16).padStart(8, '0');
  const b = seq.toString(16).padStart(12, '0');
  return `${a}-${b.slice(0, 4)}-4${b.slice(4, 7)}-a${b.slice(7, 10)}-${a.slice(0, 6)}${b.slice(6)}`;
}

/** Replaces a plain object by a copy with sorted keys, so JSON.stringify writes them in order. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = (value as Record<string, unknown>)[k];
  return out;
}

/** JSON with object keys sorted, so equal objects hash equally whatever order their keys came in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys) ?? 'null';
}
