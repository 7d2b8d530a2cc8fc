/**
 * What the API server does to an object between request and storage: system metadata
 * (uid, resourceVersion, creationTimestamp, generation), then the kind's own defaulting and
 * assignments (registry.ts), such as the pod IP from the CNI or the ClusterIP and NodePorts
 * from the API server's allocators.
 */
import { iso } from './assignment.ts';
import type { Allocator } from './ipam.ts';
import { generatedUid } from './naming.ts';
import { strategyFor } from './registry.ts';
import type { ClusterDraft } from './state.ts';
import type { KubeObject } from './types.ts';

/** Fills system metadata; on update keeps the identity of the existing object. */
function stamp(
  obj: KubeObject,
  existing: KubeObject | undefined,
  draft: ClusterDraft,
  generation: boolean,
): KubeObject {
  const seq = draft.nextSeq();
  const meta = { ...obj.metadata };
  meta.uid = existing?.metadata.uid ?? generatedUid(seq);
  meta.creationTimestamp = existing?.metadata.creationTimestamp ?? iso(draft.clock);
  meta.resourceVersion = String(seq);
  if (generation) {
    const prevGen = existing?.metadata.generation ?? 0;
    const specChanged = !existing || JSON.stringify(existing.spec) !== JSON.stringify(obj.spec);
    meta.generation = specChanged ? prevGen + 1 : prevGen;
  }
  return { ...obj, metadata: meta };
}

/** Applies system metadata, defaults and address assignment to an object about to be stored. */
export function admit(
  obj: KubeObject,
  existing: KubeObject | undefined,
  draft: ClusterDraft,
  alloc: Allocator,
): KubeObject {
  const strategy = strategyFor(obj.kind);
  const o = stamp(obj, existing, draft, strategy?.generation === true);
  return strategy?.admit ? strategy.admit(o, existing, { alloc, clock: draft.clock, draft }) : o;
}
