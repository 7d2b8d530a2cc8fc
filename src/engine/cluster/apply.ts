/**
 * Writing objects into the cluster as the API server handles create, apply and replace:
 * kind lookup, namespace defaulting and existence, validation, admission, then one
 * reconcile pass of the controllers. A failed object is reported and skipped; the others
 * still land, as with kubectl. A dry run computes everything and stores nothing.
 */
import { formatInvalid, kindForApiVersion, kindInfo, type KindInfo } from '../api/index.ts';
import { admit } from './admission.ts';
import { reconcile } from './controllers/index.ts';
import { Allocator, addressesInUse, claimedAddresses } from './ipam.ts';
import { type LoadedObject, located } from './loader.ts';
import { stableJson } from './naming.ts';
import { ClusterDraft, type ClusterState } from './state.ts';
import type { KubeObject, SourcePos } from './types.ts';
import { validateObject, validateObjectUpdate } from './validation/index.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type WriteMode = 'apply' | 'create' | 'replace';

/** What happened to one object. */
export type WriteOutcome =
  | {
      ok: true;
      action: 'created' | 'configured' | 'unchanged' | 'replaced';
      object: KubeObject;
      ref: string;
      warning?: string;
    }
  | { ok: false; message: string; source?: SourcePos };

export interface WriteOptions {
  mode: WriteMode;
  /** The namespace from `-n` or the context, used where an object names none. */
  namespace: string;
  /** True when `-n` was given explicitly: a different namespace in the object is then an error. */
  namespaceExplicit?: boolean;
  dryRun?: boolean;
}

/** `deployment.apps/web`: how kubectl names an object in its messages. */
export function objectRef(info: KindInfo, name: string): string {
  return `${info.singular}${info.group ? `.${info.group}` : ''}/${name}`;
}

function verbFor(mode: WriteMode, exists: boolean): string {
  if (mode === 'replace') return 'replacing';
  if (mode === 'apply') return exists ? 'applying patch' : 'creating';
  return 'creating';
}

/** Drops fields the server owns, and a manifest's status except where the simulator honours it. */
function requestBody(obj: KubeObject, info: KindInfo, namespace: string | undefined): KubeObject {
  const {
    uid: _u,
    resourceVersion: _r,
    creationTimestamp: _c,
    generation: _g,
    managedFields: _m,
    selfLink: _s,
    ...meta
  } = obj.metadata;
  const body: KubeObject = {
    ...obj,
    apiVersion: info.apiVersion,
    kind: info.kind,
    metadata: { ...meta, name: obj.metadata.name },
  };
  if (info.namespaced) body.metadata.namespace = namespace;
  else delete body.metadata.namespace;
  // Pods keep status.podIP(s) and conditions from a manifest: the DESIGN's way to fix addresses and readiness.
  if (info.kind !== 'Pod') delete body.status;
  return body;
}

function withLastApplied(body: KubeObject): KubeObject {
  const annotations = body.metadata.annotations;
  // Most bodies carry neither status nor an old annotation: serialise them as they are.
  const config =
    body.status === undefined && !(annotations && LAST_APPLIED in annotations)
      ? JSON.stringify(body)
      : JSON.stringify({
          ...body,
          status: undefined,
          metadata: { ...body.metadata, annotations: withoutLastApplied(annotations) },
        });
  return {
    ...body,
    metadata: {
      ...body.metadata,
      annotations: { ...(body.metadata.annotations ?? {}), [LAST_APPLIED]: `${config}\n` },
    },
  };
}

function withoutLastApplied(
  a: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!a || !(LAST_APPLIED in a)) return a;
  const { [LAST_APPLIED]: _x, ...rest } = a;
  return Object.keys(rest).length ? rest : undefined;
}

/** Three-way merge of a label or annotation map: keys others added survive a re-apply. */
function mergeMap(
  current: Record<string, string> | undefined,
  lastApplied: Record<string, string> | undefined,
  next: Record<string, string> | undefined,
) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(current ?? {}))
    if (!(lastApplied && k in lastApplied)) out[k] = v;
  Object.assign(out, next ?? {});
  return Object.keys(out).length ? out : undefined;
}

function mergeApply(existing: KubeObject, body: KubeObject): KubeObject {
  let last: KubeObject | undefined;
  try {
    const raw = existing.metadata.annotations?.[LAST_APPLIED];
    last = raw ? (JSON.parse(raw) as KubeObject) : undefined;
  } catch {
    last = undefined;
  }
  const labels = mergeMap(existing.metadata.labels, last?.metadata.labels, body.metadata.labels);
  const annotations = mergeMap(
    withoutLastApplied(existing.metadata.annotations),
    last?.metadata.annotations,
    body.metadata.annotations,
  );
  const meta = { ...body.metadata };
  if (labels) meta.labels = labels;
  else delete meta.labels;
  if (annotations) meta.annotations = annotations;
  else delete meta.annotations;
  return { ...body, metadata: meta };
}

function comparable(o: KubeObject): string {
  const {
    uid: _u,
    resourceVersion: _r,
    creationTimestamp: _c,
    generation: _g,
    ...meta
  } = o.metadata;
  return stableJson({ ...o, metadata: meta, status: o.kind === 'Pod' ? undefined : o.status });
}

/**
 * Writes objects in order into a draft. Returns per-object outcomes; the caller commits.
 * `taken` are addresses that generated addresses must avoid (claimed by this command).
 */
export function writeObjects(
  draft: ClusterDraft,
  loaded: readonly LoadedObject[],
  opts: WriteOptions,
): WriteOutcome[] {
  const taken = addressesInUse(draft);
  for (const ip of claimedAddresses(loaded.map((l) => l.object))) taken.add(ip);
  const alloc = new Allocator(draft, taken);
  const outcomes: WriteOutcome[] = [];
  for (const { object, source } of loaded) {
    const outcome = writeOne(draft, alloc, object, source, opts);
    outcomes.push(outcome.ok ? outcome : { ...outcome, message: located(outcome.message, source) });
  }
  reconcile(draft, taken);
  return outcomes;
}

function writeOne(
  draft: ClusterDraft,
  alloc: Allocator,
  object: KubeObject,
  source: SourcePos,
  opts: WriteOptions,
): WriteOutcome {
  const file = source.file;
  const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '';
  const info = kindForApiVersion(String(object.apiVersion), String(object.kind));
  if (!info) {
    const known = kindInfo(String(object.kind));
    const hint = known ? '' : '\nensure CRDs are installed first';
    return {
      ok: false,
      source,
      message: `error: resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(object.metadata?.namespace ?? '')} from ${JSON.stringify(file)}: no matches for kind ${JSON.stringify(object.kind)} in version ${JSON.stringify(object.apiVersion)}${hint}`,
    };
  }
  const given = object.metadata.namespace;
  if (info.namespaced && opts.namespaceExplicit && given && given !== opts.namespace) {
    return {
      ok: false,
      source,
      message: `error: the namespace from the provided object ${JSON.stringify(given)} does not match the namespace ${JSON.stringify(opts.namespace)}. You must pass '--namespace=${given}' to perform this operation.`,
    };
  }
  const namespace = info.namespaced ? given || opts.namespace : undefined;
  let body = requestBody(object, info, namespace);
  const errors = validateObject(body);
  if (errors.length > 0)
    return { ok: false, source, message: formatInvalid(info.kind, name, errors) };
  const existing = draft.get(info.kind, namespace, name);
  const verb = verbFor(opts.mode, !!existing);
  if (namespace !== undefined) {
    const ns = draft.get('Namespace', undefined, namespace);
    if (!ns) {
      return {
        ok: false,
        source,
        message: `Error from server (NotFound): error when ${verb} ${JSON.stringify(file)}: namespaces ${JSON.stringify(namespace)} not found`,
      };
    }
    if (ns.metadata.deletionTimestamp && !existing) {
      return {
        ok: false,
        source,
        message: `Error from server (Forbidden): error when ${verb} ${JSON.stringify(file)}: ${info.resource} ${JSON.stringify(name)} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      };
    }
  }
  const ref = objectRef(info, name);
  if (existing && opts.mode === 'create') {
    return {
      ok: false,
      source,
      message: `Error from server (AlreadyExists): error when creating ${JSON.stringify(file)}: ${info.resource}${info.group ? `.${info.group}` : ''} ${JSON.stringify(name)} already exists`,
    };
  }
  if (!existing && opts.mode === 'replace') {
    return {
      ok: false,
      source,
      message: `Error from server (NotFound): error when replacing ${JSON.stringify(file)}: ${info.resource}${info.group ? `.${info.group}` : ''} ${JSON.stringify(name)} not found`,
    };
  }
  let warning: string | undefined;
  if (opts.mode === 'apply') {
    body = withLastApplied(body);
    if (existing) {
      if (!existing.metadata.annotations?.[LAST_APPLIED]) {
        warning = `Warning: resource ${info.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;
      }
      body = mergeApply(existing, body);
    }
  }
  const admitted = admit(body, existing, draft, alloc);
  if (existing) {
    const immutable = validateObjectUpdate(existing, admitted);
    if (immutable.length > 0)
      return { ok: false, source, message: formatInvalid(info.kind, name, immutable) };
  }
  if (existing && comparable(existing) === comparable(admitted)) {
    return {
      ok: true,
      action: 'unchanged',
      object: existing,
      ref,
      ...(warning ? { warning } : {}),
    };
  }
  draft.put(admitted);
  const action = !existing ? 'created' : opts.mode === 'replace' ? 'replaced' : 'configured';
  return { ok: true, action, object: admitted, ref, ...(warning ? { warning } : {}) };
}

/** Convenience for callers outside a command: writes and commits, or returns the state unchanged on dry run. */
export function applyToState(
  state: ClusterState,
  loaded: readonly LoadedObject[],
  opts: WriteOptions,
): { state: ClusterState; outcomes: WriteOutcome[] } {
  const draft = new ClusterDraft(state);
  const outcomes = writeObjects(draft, loaded, opts);
  return { state: opts.dryRun ? state : draft.commit(), outcomes };
}
