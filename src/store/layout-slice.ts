/**
 * The layout slice: how the building is shown and what the learner is looking at — the room
 * slots, the selection, list or diagram, labels, reachability mode, the connection test the
 * inspector explains — and the notices shown outside the terminal (with what could not be saved).
 */
import type { StateCreator } from 'zustand/vanilla';
import { listObjects, type ClusterState } from '../engine/model.ts';
// Deep import on purpose: the first screen needs only the cluster model, not the interpreter.
import type { LabState } from './lab-store.ts';
import type { SavedPart } from './saved-records.ts';

/** What the inspector shows: an object by kind, namespace and name. */
export interface Selection {
  kind: string;
  namespace?: string;
  name: string;
}

/** A message for the learner outside the terminal (a corrupt save set aside, an import). */
export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

/**
 * A request to bring part of the building into view: node ids (`Pod/ns/name`, `ns:room`) and,
 * optionally, a connection test whose path (caller, Service, answering pod) the diagram adds.
 */
export interface FocusRequest {
  seq: number;
  ids: readonly string[];
  test?: string;
}

export interface LayoutSlice {
  /** Room slots in first-seen order: the floor plan's stable layout (saved with the session). */
  rooms: string[];
  selection: Selection | null;
  /** Bumped when `kubectl edit` asks for the selected object in the YAML editor. */
  editRequest: number;
  listView: boolean;
  showLabels: boolean;
  /** Reachability mode: the port and protocol asked about, or null when off. */
  reach: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } | null;
  /** The connection test the inspector explains. */
  focusedTest: string | null;
  /** The floor plan overview map: shown, hidden, or null for the default by window width. */
  overview: boolean | null;
  /** The latest request to pan and zoom the diagram to some nodes (null before the first). */
  focusRequest: FocusRequest | null;
  notices: Notice[];
  /** Saved parts whose last write the storage refused (full): they live in memory only. */
  unsaved: readonly SavedPart[];
  select: (sel: Selection | null) => void;
  focusTest: (id: string | null) => void;
  setListView: (on: boolean) => void;
  setShowLabels: (on: boolean) => void;
  setReach: (reach: LayoutSlice['reach']) => void;
  dismissNotice: (id: number) => void;
  setOverview: (shown: boolean) => void;
  /** Asks the diagram to pan and zoom to these nodes (and the path of `test`, when given). */
  focusNodes: (ids: readonly string[], test?: string) => void;
}

let noticeSeq = 0;

/** The notices with one more at the end. */
export function withNotice(
  notices: readonly Notice[],
  tone: Notice['tone'],
  text: string,
): Notice[] {
  return [...notices, { id: ++noticeSeq, tone, text }];
}

/** Room slots: existing order kept, new namespaces appended (so nothing already placed moves). */
export function updateRooms(rooms: readonly string[], cluster: ClusterState): string[] {
  const names = listObjects(cluster, 'Namespace')
    .slice()
    .sort(
      (a, b) =>
        String(a.metadata.creationTimestamp ?? '').localeCompare(
          String(b.metadata.creationTimestamp ?? ''),
        ) || a.metadata.name.localeCompare(b.metadata.name),
    )
    .map((n) => n.metadata.name);
  const missing = names.filter((n) => !rooms.includes(n));
  return missing.length === 0 ? (rooms as string[]) : [...rooms, ...missing];
}

export function createLayoutSlice(init: {
  rooms: string[];
  /** Warnings to show from the start (a save that could not be read). */
  warnings: readonly string[];
}): StateCreator<LabState, [], [], LayoutSlice> {
  return (set, get) => ({
    rooms: init.rooms,
    selection: null,
    editRequest: 0,
    listView: false,
    showLabels: false,
    reach: null,
    focusedTest: null,
    overview: null,
    focusRequest: null,
    notices: init.warnings.reduce<Notice[]>((all, text) => withNotice(all, 'warning', text), []),
    unsaved: [],
    select: (selection) => set({ selection }),
    focusTest: (focusedTest) => set({ focusedTest }),
    setListView: (listView) => set({ listView }),
    setShowLabels: (showLabels) => set({ showLabels }),
    setReach: (reach) => set({ reach }),
    dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    setOverview: (overview) => set({ overview }),
    focusNodes: (ids, test) =>
      set({
        focusRequest: {
          seq: (get().focusRequest?.seq ?? 0) + 1,
          ids,
          ...(test !== undefined ? { test } : {}),
        },
      }),
  });
}
