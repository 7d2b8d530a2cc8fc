/**
 * The one store, composed of slices that each keep their state beside their actions: the
 * cluster's undo history, the terminal, and the layout (what is shown and selected). Each
 * slice starts from what was saved; autosave writes it back.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterState } from '../engine/index.ts';
// Deep import on purpose: the first screen needs only the cluster model, not the interpreter.
import { createCluster } from '../engine/cluster/defaults.ts';
import { loadSession, startAutosave } from './autosave.ts';
import { createClusterSlice, type ClusterSlice } from './cluster-slice.ts';
import { createLayoutSlice, updateRooms, type LayoutSlice } from './layout-slice.ts';
import type { HistoryEntry } from './persist.ts';
import { onRuntimeLoaded } from './runtime-loader.ts';
import { createTerminalSlice, type TerminalSlice } from './terminal-slice.ts';

export type { ClusterSlice } from './cluster-slice.ts';
export { updateRooms, type LayoutSlice, type Notice, type Selection } from './layout-slice.ts';
export type { TerminalLine, TerminalSlice } from './terminal-slice.ts';

export type LabState = ClusterSlice & TerminalSlice & LayoutSlice;

export interface LabStoreOptions {
  /** Where autosave goes; null turns autosave off (tests). */
  storage?: Storage | null;
  /** Delay before an autosave (ms). */
  saveDelay?: number;
  /** A cluster to start from instead of the saved session or a new cluster. */
  initial?: ClusterState;
}

export type LabStore = StoreApi<LabState>;

export function createLabStore(options: LabStoreOptions = {}): LabStore {
  const storage =
    options.storage !== undefined
      ? options.storage
      : typeof localStorage !== 'undefined'
        ? localStorage
        : null;
  const loaded = options.initial ? {} : loadSession(storage);
  const first: HistoryEntry = {
    cluster: options.initial ?? createCluster(),
    tests: [],
    label: 'New cluster',
    at: Date.now(),
  };
  const entries = loaded.session?.entries ?? [first];
  const index = loaded.session?.index ?? 0;

  const store = createStore<LabState>()((...a) => ({
    ...createClusterSlice({ entries, index })(...a),
    ...createTerminalSlice({ commandHistory: loaded.session?.commandHistory ?? [] })(...a),
    ...createLayoutSlice({
      rooms: updateRooms(loaded.session?.rooms ?? [], entries[index]!.cluster),
      warnings: loaded.notice ? [loaded.notice] : [],
    })(...a),
  }));

  if (!store.getState().runtimeReady) {
    // The app starts the load after its first render; actions start it on demand.
    onRuntimeLoaded(() => store.setState({ runtimeReady: true }));
  }
  if (storage) startAutosave(store, storage, options.saveDelay);
  return store;
}
