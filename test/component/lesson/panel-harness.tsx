/**
 * Renders the learning panel the way the app does — the real store, the engine runtime, the
 * terminal and the notices — over an in-memory localStorage, so each mode's test starts from
 * exactly the saved records it names.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll } from 'vitest';
import { createCluster } from '../../../src/engine/index.ts';
import type { ModeId, Progress, RecallState } from '../../../src/learn/index.ts';
import {
  createLabStore,
  decodeLesson,
  decodeRecall,
  loadRuntime,
  STORAGE_KEYS,
  type LabStore,
} from '../../../src/store/index.ts';
import { ConnectedLessonPanel } from '../../../src/ui/lesson/ConnectedLessonPanel.tsx';
import { LabProvider } from '../../../src/ui/shell/store-context.tsx';
import { Notices } from '../../../src/ui/shell/Notices.tsx';
import { Terminal } from '../../../src/ui/terminal/Terminal.tsx';
import { MemoryStorage } from '../setup.ts';

/** The window's localStorage in these tests. */
export const storage = new MemoryStorage();
Object.defineProperty(window, 'localStorage', { value: storage, configurable: true });

beforeAll(async () => {
  // With the lessons open the app has the whole command table (ConnectedLessonPanel loads it).
  await (await loadRuntime()).loadWholeKubectl();
});

export interface PanelOptions {
  /** The mode the panel opens in. */
  mode?: ModeId;
  /** Saved records (by storage key) to start with. */
  saved?: Record<string, string>;
  /** Keep what storage holds (a reload) instead of starting from empty storage. */
  keep?: boolean;
  store?: LabStore;
}

/**
 * Mounts the panel, the terminal and the notices over one store; returns the store, a user and
 * the command box. Without a store given, it is a new one over `storage` (a reload) with a
 * fresh cluster: what these tests follow is the parts the store saves besides the session.
 */
export function renderLearnPanel({ mode, saved = {}, keep = false, store }: PanelOptions = {}) {
  if (!keep) storage.clear();
  for (const [k, v] of Object.entries(saved)) storage.setItem(k, v);
  const lab = store ?? createLabStore({ storage, initial: createCluster() });
  if (mode) lab.getState().setMode(mode);
  const user = userEvent.setup();
  render(
    <LabProvider store={lab}>
      <Notices />
      <ConnectedLessonPanel />
      <Terminal />
    </LabProvider>,
  );
  return { store: lab, user, box: screen.getByRole('textbox', { name: 'kubectl command' }) };
}

/** The progress as saved in storage now (what a reload would find). */
export function savedProgress(): Progress {
  const d = decodeLesson(storage.getItem(STORAGE_KEYS.lesson) ?? '');
  if (!d.ok) throw new Error(`no readable lesson record: ${d.reason}`);
  return d.value.progress;
}

/** The flashcard schedule as saved in storage now. */
export function savedRecall(): RecallState {
  const d = decodeRecall(storage.getItem(STORAGE_KEYS.recall) ?? '');
  if (!d.ok) throw new Error(`no readable recall record: ${d.reason}`);
  return d.value;
}
