/**
 * Strategic merge patch (k8s.io/apimachinery strategicpatch) over the patch metadata in
 * schema.ts: maps merge recursively and null deletes a key; lists with a merge strategy
 * merge element by element on their merge key (scalar lists as sets), other lists are
 * replaced. Directives: `$patch: replace|delete` in a map or a list element,
 * `$retainKeys`, `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>`. Merged
 * lists are ordered as the library orders them — patch items in patch order, interleaved
 * with the items only the server had, in their old order.
 */
import { type Json, clone, goValue, isObject, jsonEqual } from './go-json.ts';
import type { FieldMeta, Schema } from './schema.ts';

/** A strategic merge failure and how the API server reports it. */
export class StrategicError {
  constructor(
    readonly message: string,
    /** BadRequest for malformed directives; Unknown (a plain error, 500) for the rest. */
    readonly reason: 'BadRequest' | 'Unknown',
  ) {}
}

type Obj = Record<string, Json>;

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';

/** mergepatch.ErrNoMergeKey. */
function noMergeKey(m: Obj, key: string): StrategicError {
  return new StrategicError(
    `map: ${goValue(m)} does not contain declared merge key: ${key}`,
    'Unknown',
  );
}

function badPatchType(t: Json, m: Obj): StrategicError {
  return new StrategicError(`unknown patch type: ${goValue(t)} in map: ${goValue(m)}`, 'Unknown');
}

/** The value of a freshly added field: directives resolved and nulls dropped, as decoding does. */
function fresh(v: Json, meta: FieldMeta | undefined): Json {
  if (isObject(v)) return mergeMap({}, v, meta?.schema) ?? {};
  if (Array.isArray(v))
    return meta?.strategy === 'merge' ? mergeList([], v, meta) : v.map((x) => fresh(x, undefined));
  return v;
}

function keyIndex(list: readonly Json[], key: string | undefined, item: Json): number {
  if (key === undefined) return list.findIndex((x) => jsonEqual(x, item));
  const value = isObject(item) ? item[key] : undefined;
  return list.findIndex((x) => isObject(x) && x[key] !== undefined && jsonEqual(x[key], value));
}

/**
 * normalizeElementOrder: the patch items sorted by `patchOrder`, the server-only items by
 * the live order, then merged so both keep their relative order (mergeSortedSlice).
 */
function normalizeOrder(
  merged: readonly Json[],
  patchOrder: readonly Json[],
  serverOrder: readonly Json[],
  key: string | undefined,
): Json[] {
  const inPatch = merged.filter((m) => keyIndex(patchOrder, key, m) >= 0);
  const serverOnly = merged.filter((m) => keyIndex(patchOrder, key, m) < 0);
  const byOrder = (order: readonly Json[]) => (a: Json, b: Json) =>
    keyIndex(order, key, a) - keyIndex(order, key, b);
  const right = [...inPatch].sort(byOrder(patchOrder));
  const left = [...serverOnly].sort(byOrder(serverOrder));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]!);
    else if (j >= right.length) out.push(left[i++]!);
    else {
      const li = keyIndex(serverOrder, key, left[i]!);
      const ri = keyIndex(serverOrder, key, right[j]!);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]!);
      else out.push(right[j++]!);
    }
  }
  return out;
}

/** mergeSlice for a list with the merge strategy. */
function mergeList(original: readonly Json[], patch: readonly Json[], meta: FieldMeta): Json[] {
  const key = meta.mergeKey;
  if (key === undefined || !patch.every(isObject) || !original.every(isObject)) {
    // A set of scalars: the union, without duplicates.
    const both: Json[] = [];
    for (const v of [...original, ...patch]) if (!both.some((x) => jsonEqual(x, v))) both.push(v);
    return normalizeOrder(both, patch, original, undefined);
  }
  let base: Json[] = original.map((o) => clone(o));
  const plain: Obj[] = [];
  let replace = false;
  for (const item of patch as Obj[]) {
    if (!(DIRECTIVE in item)) {
      plain.push(item);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!(key in item))
        throw new StrategicError('delete patch type with no merge key defined', 'Unknown');
      base = base.filter((o) => !(isObject(o) && jsonEqual(o[key], item[key])));
    } else if (directive === 'replace') replace = true;
    else if (directive === 'merge')
      throw new StrategicError('merging lists cannot yet be specified in the patch', 'Unknown');
    else throw badPatchType(directive!, item);
  }
  if (replace) return plain.map((p) => fresh(p, { schema: meta.schema }));
  for (const item of plain) {
    if (!(key in item)) throw noMergeKey(item, key);
    const at = base.findIndex((o) => isObject(o) && jsonEqual(o[key], item[key]));
    if (at >= 0) base[at] = mergeMap(base[at] as Obj, item, meta.schema) ?? {};
    else base.push(fresh(item, { schema: meta.schema }));
  }
  return normalizeOrder(base, plain, original, key);
}

/** deleteFromSlice: the remaining scalars, de-duplicated and sorted by their `%v` text. */
function deleteFromList(current: readonly Json[], toDelete: readonly Json[]): Json[] {
  const gone = new Set(toDelete.map(goValue));
  const kept = new Map<string, Json>();
  for (const v of current) if (!gone.has(goValue(v))) kept.set(goValue(v), v);
  return [...kept.keys()].sort().map((k) => kept.get(k)!);
}

function applyRetainKeys(original: Obj, patch: Obj): void {
  if (!(RETAIN_KEYS in patch)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list))
    throw new StrategicError('invalid patch format of retainKeys', 'BadRequest');
  const keep = new Set(list.map((x) => String(x)));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM) || k.startsWith(SET_ORDER)) continue;
    if (!keep.has(k)) throw new StrategicError('invalid patch format of retainKeys', 'BadRequest');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/**
 * mergeMap: the merged map, or undefined when a `$patch: delete` removes it. `original` is
 * not modified.
 */
function mergeMap(original: Obj, patchIn: Obj, schema: Schema | undefined): Obj | undefined {
  const patch: Obj = { ...patchIn };
  if (DIRECTIVE in patch) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return mergeMap({}, patch, schema);
    }
    if (directive === 'delete') return undefined;
    throw badPatchType(directive!, patchIn);
  }
  const out: Obj = { ...original };
  applyRetainKeys(out, patch);
  const orders: Array<[string, Json]> = [];
  for (const [rawKey, value] of Object.entries(patch)) {
    if (rawKey.startsWith(SET_ORDER)) {
      orders.push([rawKey.slice(SET_ORDER.length), value]);
      continue;
    }
    if (rawKey.startsWith(DELETE_FROM)) {
      const k = rawKey.slice(DELETE_FROM.length);
      if (!Array.isArray(value))
        throw new StrategicError('invalid patch format of primitive list', 'BadRequest');
      const cur = out[k];
      if (Array.isArray(cur) && schema?.[k]?.strategy === 'merge')
        out[k] = deleteFromList(cur, value);
      continue;
    }
    const k = rawKey;
    const meta = schema?.[k];
    if (value === null) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    if (cur === undefined || cur === null) {
      out[k] = fresh(value, meta);
      continue;
    }
    if (isObject(cur) && isObject(value)) {
      const merged = mergeMap(cur, value, meta?.schema);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else if (Array.isArray(cur) && Array.isArray(value)) {
      out[k] = meta?.strategy === 'merge' ? mergeList(cur, value, meta) : fresh(value, undefined);
    } else if (isObject(value) && value[DIRECTIVE] === 'delete') {
      delete out[k];
    } else out[k] = fresh(value, meta);
  }
  for (const [k, order] of orders) {
    const cur = out[k];
    if (!Array.isArray(order) || !Array.isArray(cur)) continue;
    const key = schema?.[k]?.mergeKey;
    out[k] = normalizeOrder(cur, order, Array.isArray(original[k]) ? original[k] : [], key);
  }
  return out;
}

/** StrategicMergeMapPatch: the patched object, or the library's error. */
export function strategicMergePatch(
  original: Obj,
  patch: Obj,
  schema: Schema,
): { ok: true; doc: Obj } | { ok: false; error: StrategicError } {
  try {
    return { ok: true, doc: mergeMap(original, patch, schema) ?? {} };
  } catch (e) {
    if (e instanceof StrategicError) return { ok: false, error: e };
    throw e;
  }
}
