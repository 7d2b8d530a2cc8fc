/**
 * Which hop decided a request — the one rule the diagram's edge label, the inspector, Visual
 * mode and the lesson goals all use. A request that failed was decided where it stopped: the
 * last hop that failed (an earlier failure was one curl went past, such as an address that
 * refused before the next one answered). A failed DNS lookup is decided by what stopped its
 * query: the policy that dropped it, or the nameserver that was not there. A request that got
 * through was decided by the ingress verdict at the destination (what let it in), else by its
 * last hop.
 */
import type { Hop } from './types.ts';

/** The deciding hop, and the request's own hop it belongs to (a lookup, for DNS traffic). */
export interface PathDecision {
  hop: Hop;
  /** The hop of the request's path where it happened: `hop` itself, or the DNS lookup whose query `hop` stopped. */
  stage: Hop;
}

function lastFailing(hops: readonly Hop[]): Hop | undefined {
  for (let i = hops.length - 1; i >= 0; i--) if (!hops[i]!.ok) return hops[i];
  return undefined;
}

/** The decision of a path (`ok`: whether the request as a whole got through). */
export function pathDecision(hops: readonly Hop[], ok: boolean): PathDecision | undefined {
  if (!ok) {
    const stop = lastFailing(hops);
    if (stop?.kind === 'dns' && stop.step === 'lookup' && !stop.resolution.transport.ok) {
      const inner = lastFailing(stop.resolution.transport.hops);
      return { hop: inner ?? stop, stage: stop };
    }
    if (stop) return { hop: stop, stage: stop };
  }
  let last: Hop | undefined;
  for (let i = hops.length - 1; i >= 0 && !last; i--)
    if (hops[i]!.kind === 'ingress') last = hops[i];
  last ??= hops[hops.length - 1];
  return last ? { hop: last, stage: last } : undefined;
}

/** The hop that settled a path. */
export function decidingHop(hops: readonly Hop[], ok: boolean): Hop | undefined {
  return pathDecision(hops, ok)?.hop;
}
