/**
 * RFC 6902 JSON patch as kubectl and the API server apply it (evanphx/json-patch v4): add,
 * remove, replace, move, copy and test on RFC 6901 pointers, `-` to append, negative array
 * indices counted from the end. The library's leniencies are kept — `replace` of a missing
 * object key adds it, `copy` from a missing key copies null, a path without its leading `/`
 * still resolves — and so are its error texts (`testing value /spec/replicas failed: test
 * failed`), which kubectl prints for `--local` and the API server hides behind a 422.
 */
import { type Json, clone, goJsonType, isObject, jsonEqual } from './go-json.ts';

type Container = Json[] | Record<string, Json>;

class PatchError {
  constructor(readonly message: string) {}
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const wrap = (message: string, cause: string) => new PatchError(`${message}: ${cause}`);

/** strconv.Atoi: optional sign then decimal digits. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s))
    throw new PatchError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

function decodeKey(k: string): string {
  return k.replace(/~1/g, '/').replace(/~0/g, '~');
}

function invalidIndex(idx: number): PatchError {
  return wrap(`Unable to access invalid index: ${idx}`, INVALID_INDEX);
}

/** The index an existing element is at, negative indices counted from the end. */
function existingIndex(arr: Json[], key: string): number {
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -arr.length) throw invalidIndex(idx);
    idx += arr.length;
  }
  if (idx >= arr.length) throw invalidIndex(idx);
  return idx;
}

function get(c: Container, key: string): Json | undefined {
  if (Array.isArray(c)) return c[existingIndex(c, key)];
  return Object.prototype.hasOwnProperty.call(c, key) ? c[key] : undefined;
}

function add(c: Container, key: string, val: Json): void {
  if (!Array.isArray(c)) {
    c[key] = val;
    return;
  }
  if (key === '-') {
    c.push(val);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    throw wrap(`value was not a proper array index: '${key}'`, (e as PatchError).message);
  }
  const size = c.length + 1;
  if (idx >= size) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -size) throw invalidIndex(idx);
    idx += size;
  }
  c.splice(idx, 0, val);
}

function remove(c: Container, key: string): void {
  if (!Array.isArray(c)) {
    if (!Object.prototype.hasOwnProperty.call(c, key))
      throw wrap(`Unable to remove nonexistent key: ${key}`, MISSING);
    delete c[key];
    return;
  }
  let idx = atoi(key);
  if (idx >= c.length) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -c.length) throw invalidIndex(idx);
    idx += c.length;
  }
  c.splice(idx, 1);
}

/** The container holding the last token of `path`, and that token; undefined when unreachable. */
function findObject(doc: Container, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    let next: Json | undefined;
    try {
      next = get(cur, decodeKey(part));
    } catch {
      return undefined;
    }
    if (next === null || next === undefined || typeof next !== 'object') return undefined;
    cur = next;
  }
  return [cur, decodeKey(split[split.length - 1]!)];
}

type Op = Record<string, Json>;

/** Operation.Path / From: the string field, or why it cannot be read. */
function field(op: Op, name: 'path' | 'from'): string {
  const v = op[name];
  if (v === undefined || v === null)
    throw wrap(
      name === 'path' ? 'operation missing path field' : 'operation, missing from field',
      MISSING,
    );
  if (typeof v !== 'string')
    throw new PatchError(`json: cannot unmarshal ${goJsonType(v)} into Go value of type string`);
  return v;
}

function rethrow(fn: () => string, message: string, keepCause: boolean): string {
  try {
    return fn();
  } catch (e) {
    throw keepCause ? wrap(message, (e as PatchError).message) : wrap(message, MISSING);
  }
}

function attempt(fn: () => void, message: string): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    throw wrap(message, e.message);
  }
}

function applyOp(root: { doc: Container }, op: Op): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const value: Json | undefined = 'value' in op ? clone(op.value!) : undefined;
  switch (kind) {
    case 'add': {
      const path = rethrow(() => field(op, 'path'), 'add operation failed to decode path', false);
      const at = findObject(root.doc, path);
      if (!at) throw wrap(`add operation does not apply: doc is missing path: "${path}"`, MISSING);
      attempt(() => add(at[0], at[1], value ?? null), `error in add for path: '${path}'`);
      return;
    }
    case 'remove': {
      const path = rethrow(
        () => field(op, 'path'),
        'remove operation failed to decode path',
        false,
      );
      const at = findObject(root.doc, path);
      if (!at)
        throw wrap(`remove operation does not apply: doc is missing path: "${path}"`, MISSING);
      attempt(() => remove(at[0], at[1]), `error in remove for path: '${path}'`);
      return;
    }
    case 'replace': {
      const path = rethrow(
        () => field(op, 'path'),
        'replace operation failed to decode path',
        true,
      );
      if (path === '') {
        // The whole document; anything but an object or array is silently ignored (v4).
        if (value !== undefined && value !== null && typeof value === 'object') root.doc = value;
        return;
      }
      const at = findObject(root.doc, path);
      if (!at)
        throw wrap(`replace operation does not apply: doc is missing path: ${path}`, MISSING);
      try {
        get(at[0], at[1]);
      } catch {
        throw wrap(`replace operation does not apply: doc is missing key: ${path}`, MISSING);
      }
      const [c, key] = at;
      if (Array.isArray(c)) {
        const idx = existingIndex(c, key);
        c[idx] = value ?? null;
      } else c[key] = value ?? null;
      return;
    }
    case 'move': {
      const from = rethrow(() => field(op, 'from'), 'move operation failed to decode from', true);
      const src = findObject(root.doc, from);
      if (!src)
        throw wrap(`move operation does not apply: doc is missing from path: ${from}`, MISSING);
      let val: Json | undefined;
      attempt(() => {
        val = get(src[0], src[1]);
      }, `error in move for path: '${src[1]}'`);
      attempt(() => remove(src[0], src[1]), `error in move for path: '${src[1]}'`);
      const path = rethrow(() => field(op, 'path'), 'move operation failed to decode path', true);
      const dst = findObject(root.doc, path);
      if (!dst)
        throw wrap(
          `move operation does not apply: doc is missing destination path: ${path}`,
          MISSING,
        );
      attempt(() => add(dst[0], dst[1], val ?? null), `error in move for path: '${path}'`);
      return;
    }
    case 'test': {
      const path = rethrow(() => field(op, 'path'), 'test operation failed to decode path', true);
      const failed = wrap(`testing value ${path} failed`, 'test failed');
      if (path === '') {
        if (value !== undefined && jsonEqual(root.doc, value)) return;
        throw failed;
      }
      const at = findObject(root.doc, path);
      if (!at) throw wrap(`test operation does not apply: is missing path: ${path}`, MISSING);
      let val: Json | undefined;
      attempt(() => {
        val = get(at[0], at[1]);
      }, `error in test for path: '${path}'`);
      if (val === undefined || val === null) {
        if (value === null) return;
        throw failed;
      }
      if (value === undefined || !jsonEqual(val, value)) throw failed;
      return;
    }
    case 'copy': {
      const from = rethrow(() => field(op, 'from'), 'copy operation failed to decode from', true);
      const src = findObject(root.doc, from);
      if (!src)
        throw wrap(`copy operation does not apply: doc is missing from path: ${from}`, MISSING);
      let val: Json | undefined;
      attempt(() => {
        val = get(src[0], src[1]);
      }, `error in copy for from: '${from}'`);
      const path = rethrow(() => field(op, 'path'), 'copy operation failed to decode path', false);
      const dst = findObject(root.doc, path);
      if (!dst)
        throw wrap(
          `copy operation does not apply: doc is missing destination path: ${path}`,
          MISSING,
        );
      const copied = val === undefined ? null : clone(val);
      attempt(() => add(dst[0], dst[1], copied), 'error while adding value during copy');
      return;
    }
    default:
      throw new PatchError(`Unexpected kind: ${kind}`);
  }
}

/** jsonpatch.DecodePatch: the operations, or Go's unmarshal error for a patch of the wrong shape. */
export function decodeJsonPatch(
  patch: Json,
): { ok: true; ops: Op[] } | { ok: false; error: string } {
  if (patch === null) return { ok: true, ops: [] };
  if (!Array.isArray(patch))
    return {
      ok: false,
      error: `json: cannot unmarshal ${goJsonType(patch)} into Go value of type jsonpatch.Patch`,
    };
  const bad = patch.find((op) => op !== null && !isObject(op));
  if (bad !== undefined)
    return {
      ok: false,
      error: `json: cannot unmarshal ${goJsonType(bad)} into Go value of type jsonpatch.Operation`,
    };
  return { ok: true, ops: patch.map((op) => (op ?? {}) as Op) };
}

/** Applies the operations in order to a copy of `doc`; the first failing one stops the patch. */
export function applyJsonPatch(
  doc: Record<string, Json>,
  ops: readonly Op[],
): { ok: true; doc: Json } | { ok: false; error: string } {
  const root: { doc: Container } = { doc: clone(doc) };
  try {
    for (const op of ops) applyOp(root, op);
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, doc: root.doc };
}

/**
 * RFC 7386 JSON merge patch (jsonpatch.MergePatch): objects merge key by key, null deletes,
 * anything else — arrays included — replaces; nulls inside newly added objects are dropped.
 */
export function applyMergePatch(doc: Json, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const out: Record<string, Json> = isObject(doc) ? clone(doc) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (isObject(v) && isObject(out[k])) out[k] = applyMergePatch(out[k]!, v);
    else out[k] = pruneNulls(v);
  }
  return out;
}

/** Drops null-valued keys from objects, at any depth. */
export function pruneNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isObject(v)) return v;
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
  return out;
}
