/**
 * Renders the learning panel the way the app does — the real store, the engine runtime and
 * the terminal — with its saved state (mode, progress, schedules) in an in-memory
 * localStorage, so each mode's test starts from exactly the storage it names.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll } from 'vitest';
import type { ModeId } from '../../../src/learn/index.ts';
import { createLabStore, loadRuntime, type LabStore } from '../../../src/store/index.ts';
import { ConnectedLessonPanel } from '../../../src/ui/lesson/ConnectedLessonPanel.tsx';
import { MODE_KEY } from '../../../src/ui/lesson/LearnPanel.tsx';
import { LabProvider } from '../../../src/ui/shell/store-context.tsx';
import { Terminal } from '../../../src/ui/terminal/Terminal.tsx';
import { MemoryStorage } from '../setup.ts';

/** The window's localStorage in these tests. */
export const storage = new MemoryStorage();
Object.defineProperty(window, 'localStorage', { value: storage, configurable: true });

beforeAll(async () => {
  await loadRuntime();
});

export interface PanelOptions {
  /** The mode the panel opens in (saved as the learner's last mode). */
  mode?: ModeId;
  /** Other saved keys to start with. */
  saved?: Record<string, string>;
  /** Keep what storage holds (a reload) instead of starting from empty storage. */
  keep?: boolean;
  store?: LabStore;
}

/** Mounts the panel and the terminal over one store; returns the store, a user and the command box. */
export function renderLearnPanel({
  mode,
  saved = {},
  keep = false,
  store = createLabStore({ storage: null }),
}: PanelOptions = {}) {
  if (!keep) storage.clear();
  if (mode) storage.setItem(MODE_KEY, mode);
  for (const [k, v] of Object.entries(saved)) storage.setItem(k, v);
  const user = userEvent.setup();
  render(
    <LabProvider store={store}>
      <ConnectedLessonPanel />
      <Terminal />
    </LabProvider>,
  );
  return { store, user, box: screen.getByRole('textbox', { name: 'kubectl command' }) };
}
