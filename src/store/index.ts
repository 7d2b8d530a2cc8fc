/** The app's state: one Zustand store around the engine's ClusterState, with history and autosave. */
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
export type { ImportResult } from './yaml-io.ts';
