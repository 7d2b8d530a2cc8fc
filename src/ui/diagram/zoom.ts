/**
 * Semantic zoom: which of the building's details are drawn at a zoom, so that no text on screen
 * falls below a readable size. Each level's threshold is the zoom at which its smallest text
 * (in flow pixels, set in styles.css) is still READABLE_PX on screen.
 */

/** The smallest text size on screen, in CSS pixels, the diagram lets a learner see. */
export const READABLE_PX = 11;
/** Detail level: the cards' small print (IP, ports, ServiceAccount) is 12 flow px. */
export const DETAIL_TEXT_PX = 12;
/** Names level: the cards show only their names, at 22 flow px. */
export const NAME_TEXT_PX = 22;

export const DETAIL_ZOOM = READABLE_PX / DETAIL_TEXT_PX;
export const NAMES_ZOOM = READABLE_PX / NAME_TEXT_PX;

/**
 * `details`: every card with its small print; `names`: cards with their names only, in large
 * type; `plan`: rooms collapsed to a summary (name plate and counts), the desks and phones hidden.
 */
export type ZoomLevel = 'details' | 'names' | 'plan';

export function zoomLevel(zoom: number): ZoomLevel {
  if (zoom >= DETAIL_ZOOM) return 'details';
  if (zoom >= NAMES_ZOOM) return 'names';
  return 'plan';
}

/**
 * The zoom bands for text drawn at a constant size on screen (room summaries, verdict labels):
 * such text is set at `px / band` flow pixels, the band being the largest step at or below the
 * zoom, so it is never smaller than `px` on screen and the component re-renders only when the
 * band changes, not on every frame of a zoom.
 */
/** The diagram's smallest zoom: a room's summary still fits its room at this zoom. */
export const MIN_ZOOM = 0.1;
const BANDS = [1, 0.75, 0.5, 0.35, 0.25, 0.18, 0.13, MIN_ZOOM] as const;

export function zoomBand(zoom: number): number {
  for (const b of BANDS) if (zoom >= b) return b;
  return MIN_ZOOM;
}

/** The overview map is shown by default only when the window is wide enough to spare it. */
export const OVERVIEW_MIN_WIDTH = 1600;

export function overviewByDefault(viewportWidth: number): boolean {
  return viewportWidth >= OVERVIEW_MIN_WIDTH;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The viewport that shows `bounds` in a `width`×`height` pane: the whole of it when that keeps
 * the names readable (zoom ≥ minZoom), centred; otherwise at minZoom from its top-left corner,
 * where a floor plan starts (the lobby and the first rooms), never cut on the left.
 */
export function planViewport(
  bounds: Bounds,
  width: number,
  height: number,
  { padding = 0.08, minZoom = NAMES_ZOOM, maxZoom = 1 } = {},
): { x: number; y: number; zoom: number } {
  const padX = width * padding;
  const padY = height * padding;
  const fit = Math.min(
    (width - 2 * padX) / Math.max(bounds.width, 1),
    (height - 2 * padY) / Math.max(bounds.height, 1),
  );
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  const w = bounds.width * zoom;
  const h = bounds.height * zoom;
  const x = w <= width - 2 * padX ? (width - w) / 2 : padX;
  const y = h <= height - 2 * padY ? (height - h) / 2 : padY;
  return { x: x - bounds.x * zoom, y: y - bounds.y * zoom, zoom };
}

/** Where a node is on the plan (absolute flow coordinates), or undefined when it is not there. */
export type Locate = (id: string) => Bounds | undefined;

/** The box around some nodes, or null when none of them is on the plan. */
export function nodesBox(locate: Locate, ids: Iterable<string>): Bounds | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const id of ids) {
    const b = locate(id);
    if (!b) continue;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
