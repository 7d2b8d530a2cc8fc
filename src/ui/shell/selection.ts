/** Node ids ⇄ selections: `Kind/namespace/name` for namespaced objects, `ns:NAME` for rooms. */
import type { Selection } from '../../store/index.ts';

export function selectionId(s: Selection): string {
  return s.kind === 'Namespace'
    ? `Namespace//${s.name}`
    : `${s.kind}/${s.namespace ?? ''}/${s.name}`;
}

export function selectionFromId(id: string): Selection | null {
  if (id.startsWith('ns:')) return { kind: 'Namespace', name: id.slice(3) };
  if (id.startsWith('more-sa:')) return null;
  const [kind, namespace, ...rest] = id.split('/');
  if (!kind || namespace === undefined || rest.length === 0) return null;
  return { kind, namespace, name: rest.join('/') };
}
