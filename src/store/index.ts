/**
 * The app's state: one Zustand store in slices around the engine's ClusterState, with undo
 * history, and everything the learner keeps across visits (one versioned storage schema).
 */
export * from './lab-store.ts';
export * from './connection-tests.ts';
export { loadRuntime, getRuntime, onRuntimeLoaded, type Runtime } from './runtime-loader.ts';
export {
  SCHEMA_VERSION,
  STORAGE_KEY,
  serializeSession,
  deserializeSession,
  type HistoryEntry,
  type Session,
} from './persist.ts';
export {
  STORAGE_KEYS,
  decodeLesson,
  decodeRecall,
  encodeLesson,
  encodeRecall,
  type LessonRecord,
  type SavedPart,
} from './saved-records.ts';
export { LEGACY_KEYS } from './migrate.ts';
export type { ImportResult } from './yaml-io.ts';
