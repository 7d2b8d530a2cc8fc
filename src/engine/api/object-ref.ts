/**
 * A reference to one API object by kind, namespace and name — how a verdict names the object
 * that decided it (a NetworkPolicy, a RoleBinding, a Service), and how screens find that
 * object again. `objectId` is its one text form, also the diagram's node id.
 */

/** An object by kind (`NetworkPolicy`), namespace (absent when cluster-scoped) and name. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** The reference to a stored object. */
export function refOf(
  kind: string,
  obj: { metadata: { namespace?: string; name: string } },
): ObjectRef {
  const ns = obj.metadata.namespace;
  return ns ? { kind, namespace: ns, name: obj.metadata.name } : { kind, name: obj.metadata.name };
}

/** A reference from `namespace/name` (the form pods and policies are keyed by). */
export function refFromKey(kind: string, key: string): ObjectRef {
  const i = key.indexOf('/');
  if (i < 0) return { kind, name: key };
  const namespace = key.slice(0, i);
  return namespace ? { kind, namespace, name: key.slice(i + 1) } : { kind, name: key.slice(i + 1) };
}

/** `Kind/namespace/name`; cluster-scoped objects are `Kind//name`. */
export function objectId(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** `namespace/name`, or `name` for a cluster-scoped object. */
export function objectKeyOf(ref: ObjectRef): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

/** `NetworkPolicy team-b/deny-all`: the reference as people read it. */
export function refText(ref: ObjectRef): string {
  return `${ref.kind} ${objectKeyOf(ref)}`;
}

/** Whether two references name the same object. */
export function sameRef(a: ObjectRef | undefined, b: ObjectRef | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && (a.namespace ?? '') === (b.namespace ?? '') && a.name === b.name;
}
