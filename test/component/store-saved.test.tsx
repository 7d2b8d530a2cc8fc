// @vitest-environment jsdom
/**
 * What the store keeps across visits: the migration of a storage written by the previous
 * version (schema 1: the session plus the keys the UI wrote itself, captured from that version
 * in test/fixtures/saves/v1-storage.json), the one corrupt-save path (set aside + a notice) for
 * every part, and storage that is blocked or full.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage } from './setup.ts';
import { loadLessons } from '../../src/content/index.ts';
import { getObject } from '../../src/engine/index.ts';
import { emptyProgress, skillMastery } from '../../src/learn/index.ts';
import {
  createLabStore,
  decodeLesson,
  decodeRecall,
  encodeLesson,
  examClock,
  LEGACY_KEYS,
  loadRuntime,
  SCHEMA_VERSION,
  STORAGE_KEYS,
} from '../../src/store/index.ts';

beforeAll(async () => {
  await loadRuntime();
});

const V1: Record<string, string> = JSON.parse(
  readFileSync('test/fixtures/saves/v1-storage.json', 'utf8'),
);

/** A storage holding exactly `items`. */
function storageWith(items: Record<string, string>) {
  const s = new MemoryStorage();
  for (const [k, v] of Object.entries(items)) s.setItem(k, v);
  return s;
}

/** Refuses every write (over quota), as a full browser storage does. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('quota', 'QuotaExceededError');
  }
}

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const realNow = examClock.now;
afterEach(() => {
  examClock.now = realNow;
});

const asideOf = (s: MemoryStorage, key: string) =>
  s.keys().find((k) => k.startsWith(`${key}.set-aside.`));
const flush = () => new Promise((r) => setTimeout(r, 5));

describe('migrating a storage written by schema version 1', () => {
  it('brings back the session, progress, mode and flashcard schedule, under the new keys', () => {
    const storage = storageWith(V1);
    const s = createLabStore({ storage }).getState();
    expect(s.notices).toEqual([]);
    // The session: the history and its position, the rooms, the typed commands.
    expect(s.entries.map((e) => e.label)).toEqual([
      'New cluster',
      'kubectl create namespace team-x',
      'kubectl run web -n team-x --image=nginx --port=80',
    ]);
    expect(s.index).toBe(2);
    expect(getObject(s.cluster, 'Pod', 'team-x', 'web')).toBeDefined();
    expect(s.rooms).toContain('team-x');
    expect(s.commandHistory).toHaveLength(2);
    // The lesson record: the mode and the progress.
    expect(s.mode).toBe('exam');
    expect(s.progress.tasks['reaching-across-namespaces/alias-in-shop']?.status).toBe('solved');
    expect(skillMastery(s.progress, 'dns.search-list')).toBe('proficient');
    expect(s.progress.predictions['reaching-across-namespaces']).toEqual({
      choice: 1,
      correct: true,
      confidence: 'sure',
    });
    expect(Object.keys(s.recall.cards)).toEqual(['lesson/reaching-across-namespaces']);
    // Stored as schema 2 under the new keys; the legacy keys are gone.
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.session)!).schema).toBe(SCHEMA_VERSION);
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.lesson)!).schema).toBe(SCHEMA_VERSION);
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.recall)!).schema).toBe(SCHEMA_VERSION);
    for (const key of [LEGACY_KEYS.progress, LEGACY_KEYS.mode, LEGACY_KEYS.recall])
      expect(storage.getItem(key)).toBeNull();
  });

  it('brings back the exam in progress: its questions, marks, clock and work', () => {
    examClock.now = () => T0 + 5 * 60_000;
    const storage = storageWith(V1);
    const store = createLabStore({ storage });
    expect(storage.getItem(LEGACY_KEYS.exam)).toBeNull();
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.exam)!).schema).toBe(SCHEMA_VERSION);
    store.getState().resumeExam(loadLessons().lessons);
    const { exam, notices } = store.getState();
    expect(notices).toEqual([]);
    expect(exam.session?.exam.questions).toHaveLength(5);
    expect(exam.session?.deadline).toBe(T0 + 30 * 60_000);
    expect(exam.session?.flagged).toEqual([true, false, false, false, false]);
    expect(exam.credited).toBe(false);
    // The work on question 1 is back in the workspace.
    expect(getObject(exam.work[0]!, 'Namespace', undefined, 'exam-scratch')).toBeDefined();
    expect(
      getObject(store.getState().cluster, 'Namespace', undefined, 'exam-scratch'),
    ).toBeDefined();
  });

  it('an exam migrated after its deadline ends then, graded on the saved work', () => {
    examClock.now = () => T0 + 60 * 60_000;
    const store = createLabStore({ storage: storageWith(V1) });
    store.getState().resumeExam(loadLessons().lessons);
    expect(store.getState().exam.session).toMatchObject({
      endedAt: T0 + 30 * 60_000,
      endedBy: 'time',
    });
  });

  it('an exam whose clusters are not JSON is set aside with a notice', () => {
    const text = JSON.stringify({ session: { version: 1 }, clusters: '{oops' });
    const storage = storageWith({ [LEGACY_KEYS.exam]: text });
    const s = createLabStore({ storage }).getState();
    expect(s.notices[0]?.text).toMatch(/exam in progress saved by an earlier version/);
    expect(storage.getItem(asideOf(storage, LEGACY_KEYS.exam)!)).toBe(text);
    expect(s.savedExam).toBeNull();
  });

  it('is done once: the next start reads the same state without migrating again', () => {
    const storage = storageWith(V1);
    const first = createLabStore({ storage }).getState();
    const keys = storage.keys().sort();
    const again = createLabStore({ storage }).getState();
    expect(storage.keys().sort()).toEqual(keys);
    expect(again.progress).toEqual(first.progress);
    expect(again.recall).toEqual(first.recall);
    expect(again.entries.map((e) => e.label)).toEqual(first.entries.map((e) => e.label));
  });

  it('a mode saved without any progress still migrates', () => {
    const storage = storageWith({ [LEGACY_KEYS.mode]: 'recall' });
    const s = createLabStore({ storage }).getState();
    expect(s.mode).toBe('recall');
    expect(s.progress).toEqual(emptyProgress());
    expect(s.notices).toEqual([]);
  });

  it('legacy data that is not JSON is set aside with a notice; the rest migrates', () => {
    const storage = storageWith({ [LEGACY_KEYS.progress]: '{oops', [LEGACY_KEYS.mode]: 'deep' });
    const s = createLabStore({ storage }).getState();
    expect(s.mode).toBe('deep');
    expect(s.notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/lesson progress saved by an earlier version .* is not valid JSON/),
    ]);
    expect(storage.getItem(asideOf(storage, LEGACY_KEYS.progress)!)).toBe('{oops');
  });

  it('legacy data found beside a current record is set aside, not merged or dropped', () => {
    const current = encodeLesson({ mode: 'deep', progress: emptyProgress() });
    const storage = storageWith({
      [STORAGE_KEYS.lesson]: current,
      [LEGACY_KEYS.progress]: V1[LEGACY_KEYS.progress]!,
    });
    const s = createLabStore({ storage }).getState();
    expect(s.mode).toBe('deep');
    expect(s.notices[0]?.text).toMatch(/found beside the current one/);
    expect(storage.getItem(STORAGE_KEYS.lesson)).toBe(current);
    expect(storage.getItem(asideOf(storage, LEGACY_KEYS.progress)!)).toBe(V1[LEGACY_KEYS.progress]);
  });

  it('with storage full, the legacy keys stay and this visit still has the migrated state', () => {
    const storage = new FullStorage();
    MemoryStorage.prototype.setItem.call(storage, LEGACY_KEYS.progress, V1[LEGACY_KEYS.progress]!);
    MemoryStorage.prototype.setItem.call(storage, LEGACY_KEYS.mode, 'exam');
    const s = createLabStore({ storage }).getState();
    expect(s.mode).toBe('exam');
    expect(s.progress.tasks['reaching-across-namespaces/alias-in-shop']?.status).toBe('solved');
    expect(storage.getItem(LEGACY_KEYS.progress)).toBe(V1[LEGACY_KEYS.progress]);
  });
});

describe('a saved record that does not read back', () => {
  it.each([
    ['lesson', 'not JSON', '{oops', /lesson progress could not be read \(.*not valid JSON\)/],
    [
      'lesson',
      'of a newer schema',
      JSON.stringify({ schema: SCHEMA_VERSION + 1 }),
      new RegExp(`schema version ${SCHEMA_VERSION + 1}`),
    ],
    [
      'lesson',
      'holding malformed progress',
      JSON.stringify({ schema: SCHEMA_VERSION, mode: 'deep', progress: { version: 7 } }),
      /saved progress has an unknown format/,
    ],
    ['recall', 'not JSON', '{"schema":2,"schedule":', /flashcard schedule could not be read/],
    ['exam', 'not JSON', '{"schema":2,"session":', /^Your saved exam could not be read/],
    [
      'exam',
      'with work that does not read back',
      JSON.stringify({ schema: SCHEMA_VERSION, session: { version: 1 }, work: { entries: [] } }),
      /the saved work: /,
    ],
    [
      'recall',
      'of an unknown schedule format',
      JSON.stringify({ schema: SCHEMA_VERSION, schedule: { version: 9 } }),
      /unknown format/,
    ],
  ] as const)(
    'a %s record %s is set aside with a notice, and the part starts afresh',
    (part, _what, text, reason) => {
      const storage = storageWith({ [STORAGE_KEYS[part]]: text });
      const s = createLabStore({ storage }).getState();
      expect(s.notices).toHaveLength(1);
      expect(s.notices[0]!.text).toMatch(reason);
      expect(s.notices[0]!.text).toMatch(/It was set aside as "namespace-lab\./);
      expect(storage.getItem(STORAGE_KEYS[part])).toBeNull();
      expect(storage.getItem(asideOf(storage, STORAGE_KEYS[part])!)).toBe(text);
      expect(s.progress).toEqual(emptyProgress());
      expect(s.recall.cards).toEqual({});
    },
  );

  it('a schedule with some unreadable cards keeps the rest, and sets the original aside', () => {
    const good = JSON.parse(V1[LEGACY_KEYS.recall]!).cards['lesson/reaching-across-namespaces'];
    const text = JSON.stringify({
      schema: SCHEMA_VERSION,
      schedule: { version: 1, cards: { a: good, b: { due: 'soon' } } },
    });
    const storage = storageWith({ [STORAGE_KEYS.recall]: text });
    const s = createLabStore({ storage }).getState();
    expect(Object.keys(s.recall.cards)).toEqual(['a']);
    expect(s.notices[0]!.text).toMatch(/^Part of your saved flashcard schedule could not be read/);
    expect(storage.getItem(asideOf(storage, STORAGE_KEYS.recall)!)).toBe(text);
    // What was read is saved back, so the next visit has nothing to set aside.
    const back = decodeRecall(storage.getItem(STORAGE_KEYS.recall)!);
    expect(back.ok && back.problem === undefined && Object.keys(back.value.cards)).toEqual(['a']);
    expect(createLabStore({ storage }).getState().notices).toEqual([]);
  });

  it('an unknown mode falls back to the suggested first mode and keeps the progress', () => {
    const progress = { ...emptyProgress(), skills: { x: { level: 'familiar' as const } } };
    const storage = storageWith({
      [STORAGE_KEYS.lesson]: JSON.stringify({ schema: SCHEMA_VERSION, mode: 'gone', progress }),
    });
    const s = createLabStore({ storage }).getState();
    expect(s.mode).toBe('learn');
    expect(s.progress).toEqual(progress);
    expect(s.notices).toEqual([]);
  });
});

describe('autosave of the small parts', () => {
  it('writes progress and mode at once, so a reload right after keeps them', () => {
    const storage = new MemoryStorage();
    const s = createLabStore({ storage });
    s.getState().setMode('challenge');
    s.getState().updateProgress((p) => ({
      ...p,
      tasks: { 'l/t': { status: 'solved', hintsUsed: 0, at: 1 } },
    }));
    const saved = decodeLesson(storage.getItem(STORAGE_KEYS.lesson)!);
    expect(saved.ok && saved.value.mode).toBe('challenge');
    expect(saved.ok && saved.value.progress.tasks['l/t']?.status).toBe('solved');
    const again = createLabStore({ storage }).getState();
    expect(again.mode).toBe('challenge');
  });

  it('an update that changes nothing writes nothing', () => {
    const storage = new MemoryStorage();
    const s = createLabStore({ storage });
    s.getState().updateProgress((p) => p);
    expect(storage.getItem(STORAGE_KEYS.lesson)).toBeNull();
  });

  it('storage that refuses writes: one notice, the part marked unsaved, the visit goes on', async () => {
    const storage = new FullStorage();
    const s = createLabStore({ storage, saveDelay: 0 });
    s.getState().setMode('deep');
    s.getState().setMode('why');
    s.getState().run('kubectl create namespace full');
    await flush();
    expect(s.getState().mode).toBe('why');
    expect(s.getState().unsaved).toEqual(['lesson', 'session']);
    expect(s.getState().notices.map((n) => n.text)).toEqual([
      'Autosave failed: the browser storage is full.',
    ]);
  });

  it('blocked storage (reading throws) means memory only, said once', () => {
    const blocked = new MemoryStorage();
    blocked.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const s = createLabStore({ storage: blocked });
    expect(s.getState().notices.map((n) => n.text)).toEqual([
      'Autosave is unavailable in this browser (storage is blocked).',
    ]);
    s.getState().setMode('deep');
    expect(s.getState().mode).toBe('deep');
    expect(s.getState().unsaved).toEqual([]);
  });
});
