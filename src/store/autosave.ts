/**
 * Autosave: each saved part is written under its key when the state it holds changes. The
 * session (the undo history, possibly large) waits a moment and for the browser to be idle,
 * and is written at once when the page is hidden; the other parts (lesson, recall, exam) are
 * written at once, so a reload right after solving a task or changing an exam question keeps
 * it. A write the storage refuses is reported once and the part is marked unsaved; the visit
 * goes on in memory.
 */
import { whenIdle } from './idle.ts';
import type { LabState, LabStore } from './lab-store.ts';
import { withNotice } from './layout-slice.ts';
import { serializeSession, type Session } from './persist.ts';
import {
  encodeExam,
  encodeLesson,
  encodeRecall,
  STORAGE_KEYS,
  type SavedPart,
} from './saved-records.ts';

interface PartWriter {
  part: SavedPart;
  /** The state the part holds: a write follows when any of these changes (by identity). */
  watch: (s: LabState) => readonly unknown[];
  /** Writes the part; throws when storage refuses. */
  write: (storage: Storage, s: LabState) => void;
  /** Wait for a quiet, idle moment first (large parts). */
  deferred: boolean;
}

function writeSession(storage: Storage, s: LabState) {
  const session: Session = {
    entries: s.entries,
    index: s.index,
    rooms: s.rooms,
    commandHistory: s.commandHistory,
  };
  try {
    storage.setItem(STORAGE_KEYS.session, serializeSession(session));
  } catch {
    // Over quota: keep at least the current state.
    storage.setItem(
      STORAGE_KEYS.session,
      serializeSession({ ...session, entries: s.entries.slice(0, s.index + 1) }, 1),
    );
  }
}

const PARTS: readonly PartWriter[] = [
  {
    part: 'session',
    watch: (s) => [s.entries, s.index, s.rooms, s.commandHistory],
    write: writeSession,
    deferred: true,
  },
  {
    part: 'lesson',
    watch: (s) => [s.mode, s.progress, s.activeLesson],
    write: (storage, s) =>
      storage.setItem(
        STORAGE_KEYS.lesson,
        encodeLesson({ mode: s.mode, progress: s.progress, active: s.activeLesson }),
      ),
    deferred: false,
  },
  {
    part: 'recall',
    watch: (s) => [s.recall],
    write: (storage, s) => storage.setItem(STORAGE_KEYS.recall, encodeRecall(s.recall)),
    deferred: false,
  },
  {
    // Every change to the current question's work is kept at once: a reload must not lose it.
    part: 'exam',
    watch: (s) => [s.exam.session, s.exam.work, s.exam.credited],
    write: (storage, s) => {
      const { session, work, credited } = s.exam;
      if (session) storage.setItem(STORAGE_KEYS.exam, encodeExam({ session, work, credited }));
      else storage.removeItem(STORAGE_KEYS.exam);
    },
    deferred: false,
  },
];

const same = (a: readonly unknown[], b: readonly unknown[]) => a.every((x, i) => x === b[i]);

export function startAutosave(store: LabStore, storage: Storage, delay = 400): void {
  const save = (p: PartWriter) => {
    const s = store.getState();
    let ok = true;
    try {
      p.write(storage, s);
    } catch {
      ok = false;
    }
    const was = s.unsaved.includes(p.part);
    if (ok && was) store.setState({ unsaved: s.unsaved.filter((x) => x !== p.part) });
    if (!ok && !was)
      store.setState({
        unsaved: [...s.unsaved, p.part],
        // Said once while anything is unsaved, not once per part.
        ...(s.unsaved.length === 0
          ? {
              notices: withNotice(
                s.notices,
                'warning',
                'Autosave failed: the browser storage is full.',
              ),
            }
          : {}),
      });
  };

  const seen = new Map(PARTS.map((p) => [p.part, p.watch(store.getState())]));
  const timers = new Map<SavedPart, ReturnType<typeof setTimeout>>();
  const saveLater = (p: PartWriter) => {
    const t = timers.get(p.part);
    if (t) clearTimeout(t);
    // Saving a big cluster costs a few ms of JSON: do it when the browser is idle.
    timers.set(
      p.part,
      setTimeout(
        () =>
          whenIdle(() => {
            timers.delete(p.part);
            save(p);
          }),
        delay,
      ),
    );
  };

  store.subscribe((s) => {
    for (const p of PARTS) {
      const now = p.watch(s);
      if (same(now, seen.get(p.part)!)) continue;
      seen.set(p.part, now);
      if (p.deferred) saveLater(p);
      else save(p);
    }
  });
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => {
      for (const p of PARTS) {
        const t = timers.get(p.part);
        if (!t) continue;
        clearTimeout(t);
        timers.delete(p.part);
        save(p);
      }
    });
  }
}
