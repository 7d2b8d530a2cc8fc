/**
 * The one migration path: whatever an older Namespace Lab left in storage is brought up to
 * SCHEMA_VERSION in place, before anything is read. Version 1 was the session under
 * `namespace-lab.session` (schema 1) plus keys the UI wrote itself; version 2 gives every part
 * one record owned by the store. A step only moves and relabels data: the readers check it
 * afterwards, so a bad record ends in the same set-aside path as any other. Legacy keys are
 * removed only once their data is written under the new key; data that cannot be moved is
 * set aside, never dropped.
 */
import { SCHEMA_VERSION } from './persist.ts';
import { STORAGE_KEYS, type SavedPart } from './saved-records.ts';

/** The keys of schema version 1 (before the store owned storage). */
export const LEGACY_KEYS = {
  /** Lesson progress (`Progress` JSON), written by the lesson panel. */
  progress: 'nslab.lessons.progress',
  /** The chosen learning mode, a bare string. */
  mode: 'nslab.learn.mode',
  /** The flashcard schedule (`RecallState` JSON), written by Recall mode. */
  recall: 'nslab.recall.v1',
  /** The exam in progress: `{session, clusters}`, clusters a schema-1 session as a string. */
  exam: 'nslab.exam.v1',
} as const;

export interface MigrationResult {
  /** Messages for the learner (legacy data that had to be set aside). */
  warnings: string[];
  /** Records converted but not written (storage full): the store reads these instead. */
  unwritten: Partial<Record<SavedPart, string>>;
}

/** Moves `text` from `key` to a set-aside key beside it; the new key, or null when storage refused. */
export function setAside(storage: Storage, key: string, text: string): string | null {
  const aside = `${key}.set-aside.${Date.now()}`;
  try {
    storage.setItem(aside, text);
    storage.removeItem(key);
    return aside;
  } catch {
    // Storage full: the data stays where it is, unread; nothing is deleted.
    return null;
  }
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Runs every step that applies; safe to run on every start (a migrated storage has nothing to do). */
export function migrateStorage(storage: Storage): MigrationResult {
  const out: MigrationResult = { warnings: [], unwritten: {} };
  const get = (key: string) => storage.getItem(key);

  /** Writes a converted record and drops the legacy keys it came from. */
  const move = (part: SavedPart, record: Record<string, unknown>, legacy: string[]) => {
    const text = JSON.stringify({ schema: SCHEMA_VERSION, ...record });
    try {
      storage.setItem(STORAGE_KEYS[part], text);
    } catch {
      // Keep the legacy keys for the next start; this visit uses the converted record.
      out.unwritten[part] = text;
      return;
    }
    for (const key of legacy) storage.removeItem(key);
  };
  /** Sets a legacy key aside with a message naming what it held. */
  const asideLegacy = (key: string, what: string, why: string) => {
    const text = get(key);
    if (text === null) return;
    const aside = setAside(storage, key, text);
    out.warnings.push(
      `Your ${what} saved by an earlier version of Namespace Lab ${why}. It was set aside as "${aside ?? key}".`,
    );
  };

  // The session: the body of schema 1 is the body of schema 2.
  const session = get(STORAGE_KEYS.session);
  if (session !== null) {
    const raw = parse(session);
    if (raw.ok && isObj(raw.value) && raw.value.schema === 1)
      move('session', { ...raw.value, schema: SCHEMA_VERSION }, []);
  }

  // Progress and mode: two keys become the lesson record.
  const progress = get(LEGACY_KEYS.progress);
  const mode = get(LEGACY_KEYS.mode);
  if (progress !== null || mode !== null) {
    if (get(STORAGE_KEYS.lesson) !== null) {
      // Written by a tab of the earlier version after this one migrated: keep both.
      asideLegacy(LEGACY_KEYS.progress, 'lesson progress', 'was found beside the current one');
      storage.removeItem(LEGACY_KEYS.mode);
    } else {
      const p = progress === null ? { ok: true as const, value: undefined } : parse(progress);
      if (!p.ok) asideLegacy(LEGACY_KEYS.progress, 'lesson progress', 'is not valid JSON');
      move('lesson', { mode, ...(p.ok && p.value !== undefined ? { progress: p.value } : {}) }, [
        LEGACY_KEYS.progress,
        LEGACY_KEYS.mode,
      ]);
    }
  }

  const recall = get(LEGACY_KEYS.recall);
  if (recall !== null) {
    const r = parse(recall);
    if (get(STORAGE_KEYS.recall) !== null)
      asideLegacy(LEGACY_KEYS.recall, 'flashcard schedule', 'was found beside the current one');
    else if (!r.ok) asideLegacy(LEGACY_KEYS.recall, 'flashcard schedule', 'is not valid JSON');
    else move('recall', { schedule: r.value }, [LEGACY_KEYS.recall]);
  }

  // The exam: its questions' clusters were a session (schema 1) inside a string.
  const exam = get(LEGACY_KEYS.exam);
  if (exam !== null) {
    const r = parse(exam);
    const old = r.ok && isObj(r.value) ? r.value : null;
    const inner = typeof old?.clusters === 'string' ? parse(old.clusters) : null;
    if (get(STORAGE_KEYS.exam) !== null)
      asideLegacy(LEGACY_KEYS.exam, 'exam in progress', 'was found beside the current one');
    else if (!old || inner?.ok === false)
      asideLegacy(
        LEGACY_KEYS.exam,
        'exam in progress',
        r.ok && old ? 'has clusters that are not valid JSON' : 'is not valid JSON',
      );
    else {
      const body = inner?.ok ? inner.value : null;
      // Schema 1's session body is schema 2's; anything else is left for the reader to refuse.
      const work = isObj(body) && body.schema === 1 ? { ...body, schema: SCHEMA_VERSION } : body;
      const session = old.session;
      // An exam that had ended was credited when it ended.
      const credited = isObj(session) && typeof session.endedAt === 'number';
      move('exam', { session, work, credited }, [LEGACY_KEYS.exam]);
    }
  }
  return out;
}
