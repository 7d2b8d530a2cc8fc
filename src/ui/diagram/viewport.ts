/**
 * Furnishing by viewport: a big building hands React Flow every room but only the furniture
 * (pods, Services, ServiceAccount chips, endpoint lines) of the rooms on or near the screen.
 * React Flow's own `onlyRenderVisibleElements` keeps off-screen nodes out of the DOM, but it
 * still adopts, measures and clamps every node it is given on each change; with 100 rooms and
 * 1,000 pods that bookkeeping, not the drawing, is what a commit costs.
 */
import type { FloorPlan } from './elements.ts';
import type { Bounds } from './zoom.ts';

/** Below this many nodes every room is furnished (and React Flow draws every node). */
export const FURNISH_ALL_BELOW = 300;

/**
 * The rooms that meet the pane's view widened by `margin` panes on every side (so a short pan
 * finds the next room already furnished), as ids joined by spaces in plan order: a string, so
 * a selector over the viewport changes value only when the set of rooms does.
 */
export function roomsInView(
  rooms: readonly (Bounds & { id: string })[],
  view: readonly [x: number, y: number, zoom: number],
  width: number,
  height: number,
  margin = 0.5,
): string {
  const [tx, ty, zoom] = view;
  const z = zoom > 0 ? zoom : 1;
  const w = width / z;
  const h = height / z;
  const x0 = -tx / z - w * margin;
  const y0 = -ty / z - h * margin;
  const x1 = x0 + w * (1 + 2 * margin);
  const y1 = y0 + h * (1 + 2 * margin);
  const ids: string[] = [];
  for (const r of rooms)
    if (r.x < x1 && r.x + r.width > x0 && r.y < y1 && r.y + r.height > y0) ids.push(r.id);
  return ids.join(' ');
}

/** How many nodes the whole plan holds, furnished: its rooms and everything in them. */
export function planSize(plan: FloorPlan): number {
  let n = 0;
  for (const l of plan.layouts.values()) n += 1 + l.children.size;
  return n;
}
