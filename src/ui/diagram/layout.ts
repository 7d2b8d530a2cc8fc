/**
 * The floor plan: rooms (namespaces) on a grid in a stable order. The lobby wing (the system
 * namespaces) stands on the left; the learner's rooms fill three columns to its right, each
 * in the slot it got when first seen, so a new room or pod never moves a room sideways.
 */
import type { NamespaceFacts } from '../model/facts.ts';

export const POD_W = 214;
export const POD_H = 64;
export const LABELS_H = 40;
export const SVC_H = 64;
export const SA_H = 30;
export const COLS = 2;
export const GAP = 14;
export const PAD = 18;
export const HEADER = 74;
export const ROOM_W = PAD * 2 + COLS * POD_W + (COLS - 1) * GAP;
/** Lobby rooms are one desk wide: the system namespaces matter, but less than the learner's. */
export const LOBBY_W = PAD * 2 + POD_W;
export const CORRIDOR = 56;
export const USER_COLS = 2;
export const MAX_SA = 4;

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
  const cols = f.system ? 1 : COLS;
  const empty = f.services.length + f.pods.length === 0;
  let y = HEADER + (empty && !f.system ? 44 : 0);
  const grid = (ids: string[], h: number, w = POD_W) => {
    ids.forEach((id, i) => {
      children.set(id, {
        x: PAD + (i % cols) * (w + GAP),
        y: y + Math.floor(i / cols) * (h + GAP),
        w,
        h,
      });
    });
    if (ids.length > 0) y += Math.ceil(ids.length / cols) * (h + GAP);
  };
  grid(
    f.services.map((s) => `Service/${f.name}/${s.metadata.name}`),
    SVC_H,
  );
  if (f.services.length > 0 && f.pods.length > 0) y += 10;
  grid(
    f.pods.map((p) => `Pod/${f.name}/${p.metadata.name}`),
    showLabels ? POD_H + LABELS_H : POD_H,
  );
  const sas = f.serviceAccounts.map((s) => `ServiceAccount/${f.name}/${s.metadata.name}`);
  const shown = sas.length > MAX_SA ? sas.slice(0, MAX_SA - 1) : sas;
  if (sas.length > MAX_SA) shown.push(`more-sa:${f.name}`);
  grid(shown, SA_H, POD_W);
  const h = Math.max(y + PAD - GAP, f.system ? 0 : 140);
  return { room: { x: 0, y: 0, w: f.system ? LOBBY_W : ROOM_W, h }, children };
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
  let y = 0;
  for (let r = 0; r * USER_COLS < userSlots.length; r++) {
    let rowH = 0;
    for (let c = 0; c < USER_COLS; c++) {
      const name = userSlots[r * USER_COLS + c];
      if (name === undefined) break;
      const l = layouts.get(name);
      if (!l) continue; // a deleted room keeps its slot empty
      out.set(name, { x: x0 + c * (ROOM_W + CORRIDOR), y });
      rowH = Math.max(rowH, l.room.h);
    }
    y += (rowH || 150) + CORRIDOR;
  }
  return out;
}

/** The lobby: the directory (kube-system) first. */
const SYSTEM_ORDER = ['kube-system', 'kube-public', 'kube-node-lease'];
