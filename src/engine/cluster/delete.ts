/**
 * Deletion as the API server and garbage collector carry it out: a namespace takes every
 * object in it along; the system namespaces cannot be deleted; owned objects follow their
 * owner on the next reconcile.
 */
import { KINDS, type KindInfo } from '../api/index.ts';
import { reconcile } from './controllers/index.ts';
import type { ClusterDraft } from './state.ts';

const UNDELETABLE = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export type DeleteOutcome = { ok: true; message: string } | { ok: false; message: string };

/** Deletes one object by kind, namespace and name; the message is kubectl's. */
export function deleteObject(
  draft: ClusterDraft,
  info: KindInfo,
  namespace: string | undefined,
  name: string,
): DeleteOutcome {
  const ns = info.namespaced ? namespace : undefined;
  const resourceName = `${info.resource}${info.group ? `.${info.group}` : ''}`;
  if (!draft.get(info.kind, ns, name)) {
    return {
      ok: false,
      message: `Error from server (NotFound): ${resourceName} ${JSON.stringify(name)} not found`,
    };
  }
  if (info.kind === 'Namespace' && UNDELETABLE.includes(name)) {
    return {
      ok: false,
      message: `Error from server (Forbidden): namespaces ${JSON.stringify(name)} is forbidden: this namespace may not be deleted`,
    };
  }
  draft.remove(info.kind, ns, name);
  if (info.kind === 'Namespace') {
    for (const k of KINDS) {
      if (!k.namespaced) continue;
      for (const o of draft.list(k.kind, name)) draft.remove(k.kind, name, o.metadata.name);
    }
  }
  // kubectl 1.32 prints `deployment.apps "web" deleted`.
  return {
    ok: true,
    message: `${info.singular}${info.group ? `.${info.group}` : ''} ${JSON.stringify(name)} deleted`,
  };
}

/** Runs the controllers after deletions (garbage collection, endpoints). */
export function settleAfterDelete(draft: ClusterDraft): void {
  reconcile(draft);
}
