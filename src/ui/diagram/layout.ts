/**
 * The floor plan: rooms (namespaces) on a grid in a stable order. The lobby wing (the system
 * namespaces) stands on the left; the learner's rooms fill three columns to its right, each
 * in the slot it got when first seen, so a new room or pod never moves a room sideways.
 */
import type { NamespaceFacts } from '../model/facts.ts';

export const POD_W = 236;
export const POD_H = 64;
export const LABELS_H = 40;
export const SVC_H = 64;
export const SA_H = 30;
export const COLS = 2;
/** A room with many desks or phones grows sideways up to this many columns (a landscape plan). */
export const MAX_COLS = 4;
export const GAP = 14;
export const PAD = 18;
export const HEADER = 74;
export const ROOM_W = PAD * 2 + COLS * POD_W + (COLS - 1) * GAP;
/** Lobby rooms are one desk wide: the system namespaces matter, but less than the learner's. */
export const LOBBY_W = PAD * 2 + POD_W;
export const CORRIDOR = 56;
export const USER_COLS = 2;
export const MAX_SA = 4;
/**
 * The most desks a room draws: past it the room draws the first ones (in creation order) and
 * one card counting the rest, which the list view shows in full. A thousand desks in one room
 * would be a wall of identical cards no one reads, and more than the diagram draws smoothly.
 */
export const MAX_PODS_DRAWN = 100;

/**
 * Card text metrics (flow px, as styles.css sets them): a name is wrapped, never cut, so a card
 * is as tall as its name's lines. The width of a character is over-estimated on purpose (0.62 em,
 * wider than the average of a sans-serif), so a card is never shorter than its text.
 */
const CHAR_EM = 0.62;
/** Room for the name beside the card's icon and a pod's status dot (the names view drops the icon). */
const NAME_W = POD_W - 49;
const BIG_NAME_W = POD_W - 42;
const DETAIL_NAME_PX = 15;
const DETAIL_LINE = 18;
const META_LINE = 17;
const NAME_PX = 22;
const NAME_LINE = 24;
const CARD_PAD = 14;

/** How many lines `text` takes at `px` in `width` flow pixels, wrapping anywhere. */
export function textLines(text: string, px: number, width: number): number {
  return Math.max(1, Math.ceil((text.length * CHAR_EM * px) / width));
}

/**
 * A card's height from its name: the taller of the detail view (the whole name at 15 px, then
 * its small print) and the names view (the name at 22 px, a pod's clamped to two lines with
 * the whole name on hover, on focus and in the list view; a Service's always whole).
 */
export function cardHeight(kind: 'pod' | 'service', name: string, showLabels = false): number {
  const detail =
    CARD_PAD +
    DETAIL_LINE * textLines(name, DETAIL_NAME_PX, NAME_W) +
    (kind === 'service' ? 2 : 1) * META_LINE +
    5;
  const big = textLines(name, NAME_PX, BIG_NAME_W);
  const names = CARD_PAD + NAME_LINE * (kind === 'pod' ? Math.min(big, 2) : big);
  const base = kind === 'pod' ? POD_H : SVC_H;
  return Math.ceil(Math.max(base, detail, names)) + (kind === 'pod' && showLabels ? LABELS_H : 0);
}

/** Desk columns in a room: two, more for a busy room (three rows of phones or desks per column). */
export function roomColumns(services: number, pods: number): number {
  return Math.min(MAX_COLS, Math.max(COLS, Math.ceil(Math.max(services, pods) / 3)));
}

/** A room's width for its number of desk columns. */
export function roomWidth(cols: number): number {
  return PAD * 2 + cols * POD_W + (cols - 1) * GAP;
}

export interface Placed {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RoomLayout {
  room: Placed;
  /** Child positions relative to the room, by node id. */
  children: Map<string, Placed>;
}

/** Places a room's contents: phones (Services) along the top, desks (pods), then staff badges. */
const layoutCache = new WeakMap<NamespaceFacts, Map<boolean, RoomLayout>>();

/** Places a room's contents (memoised per unchanged room). */
export function layoutRoom(f: NamespaceFacts, showLabels: boolean): RoomLayout {
  let byLabels = layoutCache.get(f);
  if (!byLabels) layoutCache.set(f, (byLabels = new Map()));
  let hit = byLabels.get(showLabels);
  if (!hit) byLabels.set(showLabels, (hit = computeRoom(f, showLabels)));
  return hit;
}

function computeRoom(f: NamespaceFacts, showLabels: boolean): RoomLayout {
  const children = new Map<string, Placed>();
  const cols = f.system ? 1 : roomColumns(f.services.length, f.pods.length);
  const empty = f.services.length + f.pods.length === 0;
  let y = HEADER + (empty && !f.system ? 44 : 0);
  /** Cards in rows of `cols`; a row is as tall as its tallest card, and every card in it too. */
  const grid = (items: { id: string; h: number }[], w = POD_W) => {
    for (let r = 0; r * cols < items.length; r++) {
      const row = items.slice(r * cols, r * cols + cols);
      const h = Math.max(...row.map((i) => i.h));
      row.forEach((item, c) => children.set(item.id, { x: PAD + c * (w + GAP), y, w, h }));
      y += h + GAP;
    }
  };
  grid(
    f.services.map((s) => ({
      id: `Service/${f.name}/${s.metadata.name}`,
      h: cardHeight('service', s.metadata.name),
    })),
  );
  if (f.services.length > 0 && f.pods.length > 0) y += 10;
  const desks = f.pods.length > MAX_PODS_DRAWN ? f.pods.slice(0, MAX_PODS_DRAWN - 1) : f.pods;
  grid([
    ...desks.map((p) => ({
      id: `Pod/${f.name}/${p.metadata.name}`,
      h: cardHeight('pod', p.metadata.name, showLabels),
    })),
    ...(desks.length < f.pods.length ? [{ id: `more-pods:${f.name}`, h: POD_H }] : []),
  ]);
  const sas = f.serviceAccounts.map((s) => `ServiceAccount/${f.name}/${s.metadata.name}`);
  const shown = sas.length > MAX_SA ? sas.slice(0, MAX_SA - 1) : sas;
  if (sas.length > MAX_SA) shown.push(`more-sa:${f.name}`);
  grid(shown.map((id) => ({ id, h: SA_H })));
  const h = Math.max(y + PAD - GAP, f.system ? 0 : 140);
  return { room: { x: 0, y: 0, w: f.system ? LOBBY_W : roomWidth(cols), h }, children };
}

/**
 * Room positions: system rooms stacked in the lobby wing at x = 0; user rooms by slot index
 * (the order in `rooms`) in USER_COLS columns. A row is as tall as its tallest room.
 */
export function placeRooms(
  rooms: readonly string[],
  facts: Map<string, NamespaceFacts>,
  layouts: Map<string, RoomLayout>,
): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  let ly = 0;
  const userSlots: string[] = [];
  for (const name of SYSTEM_ORDER) {
    const l = layouts.get(name);
    if (!l) continue;
    out.set(name, { x: 0, y: ly });
    ly += l.room.h + CORRIDOR / 2;
  }
  for (const name of rooms) {
    if (SYSTEM_ORDER.includes(name) && (facts.get(name)?.system ?? true)) continue;
    userSlots.push(name);
  }
  const x0 = LOBBY_W + CORRIDOR * 1.5;
  // A column is as wide as its widest room, so a busy room never overlaps its neighbour.
  const colX: number[] = [x0];
  for (let c = 0; c < USER_COLS; c++) {
    let w = ROOM_W;
    for (let i = c; i < userSlots.length; i += USER_COLS)
      w = Math.max(w, layouts.get(userSlots[i]!)?.room.w ?? 0);
    colX.push(colX[c]! + w + CORRIDOR);
  }
  let y = 0;
  for (let r = 0; r * USER_COLS < userSlots.length; r++) {
    let rowH = 0;
    for (let c = 0; c < USER_COLS; c++) {
      const name = userSlots[r * USER_COLS + c];
      if (name === undefined) break;
      const l = layouts.get(name);
      if (!l) continue; // a deleted room keeps its slot empty
      out.set(name, { x: colX[c]!, y });
      rowH = Math.max(rowH, l.room.h);
    }
    y += (rowH || 150) + CORRIDOR;
  }
  return out;
}

/** The lobby: the directory (kube-system) first. */
const SYSTEM_ORDER = ['kube-system', 'kube-public', 'kube-node-lease'];
