/**
 * "Show on the diagram": the part of the plan to bring into view for a focus request — the nodes
 * asked for and the path of the connection test named, grown to a comfortable size.
 */
import { objectId } from '../../engine/model.ts';
import type { ConnectionTestResult, FocusRequest } from '../../store/index.ts';
import { nodesBox, type Bounds, type Locate } from './zoom.ts';

/** A path's nodes never zoom in further than this (flow px, at least, on each side). */
const FOCUS_MIN_W = 760;
const FOCUS_MIN_H = 380;

/**
 * The nodes a connection test's request passes, for bringing it into view: the caller, the
 * Services and pods of its hops (as the engine typed them), and the pod that answered.
 */
export function testPathNodes(
  t: ConnectionTestResult,
  ids: { has(id: string): boolean },
): string[] {
  const out = new Set<string>([`Pod/${t.spec.from}`]);
  const r = t.result;
  if (r) {
    for (const h of r.hops) {
      const ref =
        h.kind === 'endpoint'
          ? h.to.pod
          : h.kind === 'listen'
            ? h.pod
            : h.kind === 'service'
              ? h.object
              : h.kind === 'ingress' || h.kind === 'egress'
                ? h.to.pod
                : undefined;
      if (ref) out.add(objectId(ref));
    }
    if (r.answeredBy) out.add(`Pod/${r.answeredBy}`);
  }
  return [...out].filter((id) => ids.has(id));
}

/** The box around a path's nodes, grown so a short path is not blown up past life size. */
function grown(locate: Locate, ids: ReadonlySet<string>): Bounds | null {
  const b = nodesBox(locate, ids);
  if (!b) return null;
  const width = Math.max(b.width, FOCUS_MIN_W);
  const height = Math.max(b.height, FOCUS_MIN_H);
  return { x: b.x + b.width / 2 - width / 2, y: b.y + b.height / 2 - height / 2, width, height };
}

/** The box to fit for a request, or null when none of its nodes is on the plan. */
export function focusBox(
  locate: Locate,
  results: readonly ConnectionTestResult[],
  request: FocusRequest,
): Bounds | null {
  const onPlan = { has: (id: string) => locate(id) !== undefined };
  const wanted = new Set(request.ids.filter((id) => onPlan.has(id)));
  const t = results.find((r) => r.spec.id === request.test);
  if (t) for (const id of testPathNodes(t, onPlan)) wanted.add(id);
  return wanted.size === 0 ? null : grown(locate, wanted);
}
