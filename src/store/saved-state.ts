/**
 * Reading what was saved, once, when the store is created: find the storage (blocked or absent
 * means memory only), migrate it, then read each part. This is the one corrupt-save path: a
 * record that does not read back is set aside under a key of its own and reported in a
 * notice, and that part starts afresh; nothing is deleted.
 */
import type { RecallState } from '../learn/index.ts';
import { migrateStorage, setAside } from './migrate.ts';
import type { Session } from './persist.ts';
import {
  decodeExam,
  decodeLesson,
  decodeRecall,
  decodeSessionRecord,
  encodeLesson,
  encodeRecall,
  STORAGE_KEYS,
  type Decoded,
  type LessonRecord,
  type SavedExam,
  type SavedPart,
} from './saved-records.ts';

/** What the store starts from. */
export interface SavedState {
  /** Where autosave goes; null: this visit is kept in memory only. */
  storage: Storage | null;
  session?: Session;
  lesson?: LessonRecord;
  recall?: RecallState;
  exam?: SavedExam;
  /** Messages for the learner: saves set aside, storage unavailable. */
  warnings: string[];
}

/** How the learner is told about a part that could not be read, and what happens instead. */
const WORDING: Record<SavedPart, { what: string; verb: string; instead: string }> = {
  session: { what: 'session', verb: 'restored', instead: 'a new cluster was started' },
  lesson: { what: 'lesson progress', verb: 'read', instead: 'progress starts afresh' },
  recall: { what: 'flashcard schedule', verb: 'read', instead: 'the cards start afresh' },
  exam: { what: 'exam', verb: 'read', instead: 'you can start a new one' },
};

/** The message for a part set aside (whole, or after a partial read). */
export function setAsideMessage(
  part: SavedPart,
  reason: string,
  aside: string | null,
  partial = false,
): string {
  const w = WORDING[part];
  const where = aside ? `It was set aside as "${aside}"` : 'It was left unread';
  return partial
    ? `Part of your saved ${w.what} could not be ${w.verb} (${reason}). ${where}; the rest is kept.`
    : `Your saved ${w.what} could not be ${w.verb} (${reason}). ${where} and ${w.instead}.`;
}

/** The browser's storage, or null where there is none or reaching it throws (blocked). */
export function defaultStorage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

/** Reads one part through the one corrupt-save path. */
export function readPart<T>(
  storage: Storage,
  part: SavedPart,
  decode: (text: string) => Decoded<T>,
  encode: ((value: T) => string) | null,
  warnings: string[],
  unwritten?: string,
): T | undefined {
  const key = STORAGE_KEYS[part];
  const text = unwritten ?? storage.getItem(key);
  if (text === null) return undefined;
  const d = decode(text);
  if (d.ok && d.problem === undefined) return d.value;
  const aside = unwritten === undefined ? setAside(storage, key, text) : null;
  if (d.ok) {
    warnings.push(setAsideMessage(part, d.problem!, aside, true));
    try {
      // What was read goes back under the key, so the next visit does not set it aside again.
      if (encode && aside) storage.setItem(key, encode(d.value));
    } catch {
      // Storage full: the value lives in memory; autosave tries again on the next change.
    }
    return d.value;
  }
  warnings.push(setAsideMessage(part, d.reason, aside));
  return undefined;
}

export function loadSavedState(
  storage: Storage | null,
  options: { session: boolean } = { session: true },
): SavedState {
  if (!storage) return { storage: null, warnings: [] };
  try {
    storage.getItem(STORAGE_KEYS.session);
  } catch {
    return {
      storage: null,
      warnings: ['Autosave is unavailable in this browser (storage is blocked).'],
    };
  }
  let migrated: ReturnType<typeof migrateStorage> = { warnings: [], unwritten: {} };
  try {
    migrated = migrateStorage(storage);
  } catch {
    // A step that throws leaves what it had not moved under its old key, for the next start.
    migrated.warnings.push(
      'Data saved by an earlier version of Namespace Lab could not all be brought up to date; it was left as it was.',
    );
  }
  const warnings = [...migrated.warnings];
  const { unwritten } = migrated;
  const out: SavedState = { storage, warnings };
  const session = options.session
    ? readPart(storage, 'session', decodeSessionRecord, null, warnings, unwritten.session)
    : undefined;
  const lesson = readPart(
    storage,
    'lesson',
    decodeLesson,
    encodeLesson,
    warnings,
    unwritten.lesson,
  );
  const recall = readPart(
    storage,
    'recall',
    decodeRecall,
    encodeRecall,
    warnings,
    unwritten.recall,
  );
  const exam = readPart(storage, 'exam', decodeExam, null, warnings, unwritten.exam);
  if (session) out.session = session;
  if (exam) out.exam = exam;
  if (lesson) out.lesson = lesson;
  if (recall) out.recall = recall;
  return out;
}

/**
 * The same path for a part found unreadable after loading (a saved exam whose questions no
 * longer exist once the lessons are read): set aside what storage holds; the message to show.
 */
export function setAsidePart(storage: Storage | null, part: SavedPart, reason: string): string {
  const key = STORAGE_KEYS[part];
  let aside: string | null = null;
  try {
    const text = storage?.getItem(key) ?? null;
    if (storage && text !== null) aside = setAside(storage, key, text);
  } catch {
    // Blocked storage: nothing was saved there either.
  }
  return setAsideMessage(part, reason, aside);
}
