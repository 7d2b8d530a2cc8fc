/**
 * The one store, composed of slices that each keep their state beside their actions: the
 * cluster's undo history, the terminal, the layout (what is shown and selected), the lesson
 * (mode and progress), the flashcard schedule and the exam in progress. The store owns everything saved: each slice
 * starts from what saved-state.ts read back, and autosave.ts writes it again.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCluster, type ClusterState } from '../engine/model.ts';
// Deep import on purpose: the first screen needs only the cluster model, not the interpreter.
import { startAutosave } from './autosave.ts';
import { createClusterSlice, type ClusterSlice } from './cluster-slice.ts';
import { createExamSlice, type ExamSlice } from './exam-slice.ts';
import { createGuideSlice, type GuideSlice } from './guide-slice.ts';
import { createLayoutSlice, updateRooms, type LayoutSlice } from './layout-slice.ts';
import { startLessonCredit } from './lesson-credit.ts';
import { createLessonSlice, type LessonSlice } from './lesson-slice.ts';
import type { HistoryEntry } from './persist.ts';
import { createRecallSlice, type RecallSlice } from './recall-slice.ts';
import { onRuntimeLoaded } from './runtime-loader.ts';
import { defaultStorage, loadSavedState, setAsidePart } from './saved-state.ts';
import { createTerminalSlice, type TerminalSlice } from './terminal-slice.ts';

export type { ClusterSlice } from './cluster-slice.ts';
export { examClock, type ExamSlice } from './exam-slice.ts';
export {
  updateRooms,
  type FocusRequest,
  type LayoutSlice,
  type Notice,
  type Selection,
} from './layout-slice.ts';
export {
  freshActiveLesson,
  lessonLoadedNote,
  type ActiveLesson,
  type LessonSlice,
} from './lesson-slice.ts';
export type { RecallSlice } from './recall-slice.ts';
export {
  GUIDE_STORAGE_KEY,
  GUIDE_QUALIFIED_COMMAND,
  GUIDE_SHORT_COMMAND,
  isUntouchedCluster,
  type GuideCall,
  type GuideSlice,
  type GuideStep,
} from './guide-slice.ts';
export type { TerminalLine, TerminalSlice } from './terminal-slice.ts';

export type LabState = ClusterSlice &
  TerminalSlice &
  LayoutSlice &
  LessonSlice &
  RecallSlice &
  ExamSlice &
  GuideSlice;

export interface LabStoreOptions {
  /** Where everything is saved; null keeps this visit in memory only (tests). Default: localStorage. */
  storage?: Storage | null;
  /** Delay before the session is autosaved (ms). */
  saveDelay?: number;
  /** A cluster to start from instead of the saved session or a new cluster (other parts still load). */
  initial?: ClusterState;
}

export type LabStore = StoreApi<LabState>;

export function createLabStore(options: LabStoreOptions = {}): LabStore {
  const saved = loadSavedState(options.storage !== undefined ? options.storage : defaultStorage(), {
    session: !options.initial,
  });
  const first: HistoryEntry = {
    cluster: options.initial ?? createCluster(),
    tests: [],
    label: 'New cluster',
    at: Date.now(),
  };
  const entries = saved.session?.entries ?? [first];
  const index = saved.session?.index ?? 0;

  const store = createStore<LabState>()((...a) => ({
    ...createClusterSlice({ entries, index })(...a),
    ...createTerminalSlice({ commandHistory: saved.session?.commandHistory ?? [] })(...a),
    ...createLayoutSlice({
      rooms: updateRooms(saved.session?.rooms ?? [], entries[index]!.cluster),
      warnings: saved.warnings,
    })(...a),
    ...createLessonSlice(saved.lesson)(...a),
    ...createRecallSlice(saved.recall)(...a),
    ...createExamSlice({
      saved: saved.exam,
      setAside: (reason) => setAsidePart(saved.storage, 'exam', reason),
    })(...a),
    ...createGuideSlice({ storage: saved.storage })(...a),
  }));

  if (!store.getState().runtimeReady) {
    // The app starts the load after its first render; actions start it on demand.
    onRuntimeLoaded(() => store.setState({ runtimeReady: true }));
  }
  startLessonCredit(store);
  if (saved.storage) startAutosave(store, saved.storage, options.saveDelay);
  return store;
}
