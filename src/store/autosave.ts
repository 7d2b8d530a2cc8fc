/**
 * Autosave: the session (undo history, room slots, typed commands) is written to storage a
 * moment after it changes, when the browser is idle, and at once when the page is hidden.
 * Loading reads it back; a save that does not read back is set aside with a notice.
 */
import type { LabStore } from './lab-store.ts';
import { withNotice } from './layout-slice.ts';
import {
  deserializeSession,
  serializeSession,
  STORAGE_KEY,
  type HistoryEntry,
  type Session,
} from './persist.ts';

export function loadSession(storage: Storage | null): { session?: Session; notice?: string } {
  if (!storage) return {};
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return { notice: 'Autosave is unavailable in this browser (storage is blocked).' };
  }
  if (text === null) return {};
  const restored = deserializeSession(text);
  if (restored.ok) return { session: restored.session };
  const aside = `${STORAGE_KEY}.set-aside.${Date.now()}`;
  try {
    storage.setItem(aside, text);
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full: the bad save simply stays unread; a fresh session starts either way.
  }
  return {
    notice: `Your saved session could not be restored (${restored.reason}). It was set aside as "${aside}" and a new cluster was started.`,
  };
}

export function startAutosave(store: LabStore, storage: Storage, delay = 400): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last:
    | { entries: HistoryEntry[]; index: number; rooms: string[]; commandHistory: string[] }
    | undefined;
  const save = () => {
    timer = undefined;
    const s = store.getState();
    const session: Session = {
      entries: s.entries,
      index: s.index,
      rooms: s.rooms,
      commandHistory: s.commandHistory,
    };
    try {
      storage.setItem(STORAGE_KEY, serializeSession(session));
    } catch {
      try {
        // Over quota: keep at least the current state.
        storage.setItem(
          STORAGE_KEY,
          serializeSession({ ...session, entries: s.entries.slice(0, s.index + 1) }, 1),
        );
      } catch {
        store.setState({
          notices: withNotice(
            s.notices,
            'warning',
            'Autosave failed: the browser storage is full.',
          ),
        });
      }
    }
  };
  store.subscribe((s) => {
    if (
      last &&
      last.entries === s.entries &&
      last.index === s.index &&
      last.rooms === s.rooms &&
      last.commandHistory === s.commandHistory
    )
      return;
    last = {
      entries: s.entries,
      index: s.index,
      rooms: s.rooms,
      commandHistory: s.commandHistory,
    };
    if (timer) clearTimeout(timer);
    // Saving a big cluster costs a few ms of JSON: do it when the browser is idle.
    timer = setTimeout(() => {
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: object) => void })
        .requestIdleCallback;
      if (idle) idle(save, { timeout: 2000 });
      else save();
    }, delay);
  });
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => {
      if (timer) {
        clearTimeout(timer);
        save();
      }
    });
  }
}
