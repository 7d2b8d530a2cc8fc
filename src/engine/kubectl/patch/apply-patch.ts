/**
 * One patch applied to one object, on either side of the wire. The API server (a real
 * `kubectl patch`, or `--dry-run=server`) decodes the patch itself and answers with its
 * own errors (`Error from server (BadRequest): invalid character …`, `The request is
 * invalid: the server rejected our request due to an error in our request` for a failed
 * JSON patch operation); kubectl applies it locally for `--local` and `--dry-run=client`
 * and prints the libraries' errors as they are.
 */
import { type Json, goJsonType, isObject, parseGoJson } from './go-json.ts';
import { applyJsonPatch, applyMergePatch, decodeJsonPatch } from './json-patch.ts';
import { schemaFor } from './schema.ts';
import { strategicMergePatch } from './strategic.ts';
import { readYamlPatch } from './yaml-patch.ts';

export type PatchType = 'strategic' | 'merge' | 'json';

/** What the patch argument became after kubectl's yaml.ToJSON: JSON text to send, or a parsed value. */
export type PatchBody = { text: string } | { value: Json };

const INVALID_422 =
  'The request is invalid: the server rejected our request due to an error in our request';

/**
 * yaml.ToJSON as kubectl runs it on `-p`: text starting with `{` is passed on untouched,
 * anything else is read as YAML (yaml-patch.ts; go-yaml's wording for the usual mistakes).
 */
export function patchBody(
  raw: string,
): { ok: true; body: PatchBody } | { ok: false; error: string } {
  if (raw.trimStart().startsWith('{')) return { ok: true, body: { text: raw } };
  const read = readYamlPatch(raw);
  if (!read.ok) return read;
  try {
    const value = JSON.parse(JSON.stringify(read.value) ?? 'null') as Json;
    return { ok: true, body: { value } };
  } catch (e) {
    return { ok: false, error: `yaml: ${(e as Error).message}` };
  }
}

/** The patch as a JSON value, or Go's syntax error for text that is not JSON. */
function decoded(body: PatchBody): { ok: true; value: Json } | { ok: false; error: string } {
  return 'value' in body ? { ok: true, value: body.value } : parseGoJson(body.text);
}

export type PatchResult = { ok: true; object: Record<string, Json> } | { ok: false; error: string };

/** The API server's patch handler (handlers/patch.go) with fieldValidation=Warn, as kubectl sends it. */
export function serverPatch(
  kind: string,
  current: Record<string, Json>,
  body: PatchBody,
  type: PatchType,
): PatchResult {
  const bad = (message: string): PatchResult => ({
    ok: false,
    error: `Error from server (BadRequest): ${message}`,
  });
  const parsed = decoded(body);
  if (type === 'strategic') {
    if (!parsed.ok) return bad(parsed.error);
    const patch = parsed.value ?? {};
    if (!isObject(patch))
      return bad(
        `json: cannot unmarshal ${goJsonType(patch)} into Go value of type map[string]interface {}`,
      );
    const r = strategicMergePatch(current, patch, schemaFor(kind));
    if (r.ok) return { ok: true, object: r.doc };
    return r.error.reason === 'BadRequest'
      ? bad(r.error.message)
      : { ok: false, error: `Error from server: ${r.error.message}` };
  }
  if (!parsed.ok) return bad(`error decoding patch: ${parsed.error}`);
  const patch = parsed.value;
  if (type === 'merge') {
    if (patch !== null && !isObject(patch))
      return bad(
        `error decoding patch: json: cannot unmarshal ${goJsonType(patch)} into Go value of type map[string]interface {}`,
      );
    if (patch === null) return bad('Invalid JSON Patch');
    return asObject(applyMergePatch(current, patch), true);
  }
  if (patch !== null && !Array.isArray(patch))
    return bad(
      `error decoding patch: json: cannot unmarshal ${goJsonType(patch)} into Go value of type []handlers.jsonPatchOp`,
    );
  for (const op of patch ?? []) {
    if (op !== null && !isObject(op))
      return bad(
        `error decoding patch: json: cannot unmarshal ${goJsonType(op)} into Go value of type handlers.jsonPatchOp`,
      );
    for (const f of ['op', 'path', 'from'] as const) {
      const v = isObject(op) ? op[f] : undefined;
      if (v !== undefined && v !== null && typeof v !== 'string')
        return bad(
          `error decoding patch: json: cannot unmarshal ${goJsonType(v)} into Go struct field jsonPatchOp.${f} of type string`,
        );
    }
  }
  const ops = decodeJsonPatch(patch);
  if (!ops.ok) return bad(ops.error);
  const r = applyJsonPatch(current, ops.ops);
  if (!r.ok) return { ok: false, error: INVALID_422 };
  return asObject(r.doc, true);
}

/** kubectl's getPatchedJSON, for `--local` and `--dry-run=client`: errors as the libraries word them. */
export function clientPatch(
  kind: string,
  current: Record<string, Json>,
  body: PatchBody,
  type: PatchType,
): PatchResult {
  const parsed = decoded(body);
  if (type === 'strategic') {
    const patch = parsed.ok ? (parsed.value ?? {}) : undefined;
    if (!isObject(patch)) return { ok: false, error: 'invalid JSON document' };
    const r = strategicMergePatch(current, patch, schemaFor(kind));
    return r.ok ? { ok: true, object: r.doc } : { ok: false, error: r.error.message };
  }
  if (type === 'merge') {
    if (!parsed.ok || parsed.value === null) return { ok: false, error: 'Invalid JSON Patch' };
    if (!isObject(parsed.value) && !Array.isArray(parsed.value))
      return { ok: false, error: 'Invalid JSON Patch' };
    return asObject(applyMergePatch(current, parsed.value), false);
  }
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const ops = decodeJsonPatch(parsed.value);
  if (!ops.ok) return { ok: false, error: ops.error };
  const r = applyJsonPatch(current, ops.ops);
  if (!r.ok) {
    // patch.go's own rewording of the library's "doc is missing key" error.
    const at = r.error.indexOf('doc is missing key');
    if (at < 0) return r;
    const key = r.error.slice(r.error.indexOf('key:') + 5);
    return { ok: false, error: `Object to be patched is missing field (${key})` };
  }
  return asObject(r.doc, false);
}

/** The patched document must still be an object for either side to decode it. */
function asObject(doc: Json, server: boolean): PatchResult {
  if (isObject(doc)) return { ok: true, object: doc };
  const message = `json: cannot unmarshal ${goJsonType(doc)} into Go value of type ${server ? 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }' : 'unstructured.detector'}`;
  return { ok: false, error: server ? `Error from server (BadRequest): ${message}` : message };
}
