/**
 * What Namespace Lab keeps in storage, as one versioned schema (SCHEMA_VERSION): one record
 * per part of the store, each a JSON object carrying `schema`, and for each a reader that
 * turns anything it cannot use into a reason instead of an exception. `problem` marks a
 * record read in part (some entries dropped): the store keeps what was read and still sets
 * the original aside, so nothing the learner did is lost.
 */
// Deep imports on purpose: the first screen must not pull in the interpreter (see runtime.ts).
import type { ClusterState } from '../engine/model.ts';
import {
  emptyProgress,
  MODES,
  readProgress,
  readRecall,
  sessionFromSaved,
  sessionToSaved,
  SUGGESTED_PATH,
  type ExamRecord,
  type Lesson,
  type ModeId,
  type Progress,
  type RecallState,
} from '../learn/model.ts';
import type { ActiveLesson } from './lesson-slice.ts';
import {
  decodeSession,
  deserializeSession,
  encodeSession,
  SCHEMA_VERSION,
  STORAGE_KEY,
  type Session,
} from './persist.ts';

/** The storage key of each part. */
export const STORAGE_KEYS = {
  /** The cluster's undo history, the room slots and the typed commands (persist.ts). */
  session: STORAGE_KEY,
  /** The chosen learning mode and the lesson progress. */
  lesson: 'namespace-lab.lesson',
  /** The flashcard schedule. */
  recall: 'namespace-lab.recall',
  /** The exam in progress (or its report): the session and each question's cluster. */
  exam: 'namespace-lab.exam',
} as const;

export type SavedPart = keyof typeof STORAGE_KEYS;

export type Decoded<T> = { ok: true; value: T; problem?: string } | { ok: false; reason: string };

/** The lesson part: where the learner was and what they have done. */
export interface LessonRecord {
  mode: ModeId;
  progress: Progress;
  /** The lesson in progress (its starting cluster, hints opened, tasks checked), if any. */
  active?: ActiveLesson | null;
}

export const DEFAULT_MODE: ModeId = SUGGESTED_PATH[0]!;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body of a record of this schema version, or why there is none. */
export function readEnvelope(
  text: string,
  what: string,
): { ok: true; body: Record<string, unknown> } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: `the saved ${what} is not valid JSON` };
  }
  if (!isObj(raw)) return { ok: false, reason: `the saved ${what} is not an object` };
  if (raw.schema !== SCHEMA_VERSION)
    return {
      ok: false,
      reason: `the saved ${what} has schema version ${JSON.stringify(raw.schema ?? null)}; this version of Namespace Lab reads version ${SCHEMA_VERSION}`,
    };
  return { ok: true, body: raw };
}

export function decodeSessionRecord(text: string): Decoded<Session> {
  const r = deserializeSession(text);
  return r.ok ? { ok: true, value: r.session } : r;
}

/** The active lesson as plain data: its starting cluster travels in the session format. */
function encodeActive(a: ActiveLesson) {
  return {
    id: a.id,
    hints: a.hints,
    checked: a.checked,
    start: encodeSession(
      {
        entries: [{ cluster: a.start, tests: [], label: 'start', at: 0 }],
        index: 0,
        rooms: [],
        commandHistory: [],
      },
      1,
    ),
  };
}

/** The active lesson read back, or why it cannot be. */
function decodeActive(
  raw: unknown,
): { ok: true; value: ActiveLesson } | { ok: false; reason: string } {
  if (!isObj(raw) || typeof raw.id !== 'string' || raw.id === '')
    return { ok: false, reason: 'the lesson in progress has no id' };
  const start = decodeSession(raw.start);
  if (!start.ok) return { ok: false, reason: `the lesson in progress: ${start.reason}` };
  const hints: Record<string, number> = {};
  if (isObj(raw.hints))
    for (const [k, v] of Object.entries(raw.hints))
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) hints[k] = v;
  const checked = Array.isArray(raw.checked)
    ? raw.checked.filter((t): t is string => typeof t === 'string')
    : [];
  return {
    ok: true,
    value: { id: raw.id, start: start.session.entries[0]!.cluster, hints, checked },
  };
}

export function encodeLesson(r: LessonRecord): string {
  return JSON.stringify({
    schema: SCHEMA_VERSION,
    mode: r.mode,
    progress: r.progress,
    ...(r.active ? { active: encodeActive(r.active) } : {}),
  });
}

export function decodeLesson(text: string): Decoded<LessonRecord> {
  const e = readEnvelope(text, 'lesson progress');
  if (!e.ok) return e;
  const p =
    e.body.progress === undefined ? { progress: emptyProgress() } : readProgress(e.body.progress);
  if (p.error) return { ok: false, reason: p.error.replace(/; starting afresh$/, '') };
  // An unknown mode (one since removed) costs nothing to forget: start on the suggested path.
  const mode = MODES.some((m) => m.id === e.body.mode) ? (e.body.mode as ModeId) : DEFAULT_MODE;
  if (e.body.active === undefined || e.body.active === null)
    return { ok: true, value: { mode, progress: p.progress } };
  // A lesson in progress that does not read back costs only its cluster: the credit is kept.
  const a = decodeActive(e.body.active);
  return a.ok
    ? { ok: true, value: { mode, progress: p.progress, active: a.value } }
    : { ok: true, value: { mode, progress: p.progress }, problem: a.reason };
}

export function encodeRecall(r: RecallState): string {
  return JSON.stringify({ schema: SCHEMA_VERSION, schedule: r });
}

export function decodeRecall(text: string): Decoded<RecallState> {
  const e = readEnvelope(text, 'flashcard schedule');
  if (!e.ok) return e;
  const schedule = e.body.schedule ?? null;
  const r = readRecall(schedule);
  if (!r.error) return { ok: true, value: r.state };
  // A schedule of the known shape lost only the cards it could not read: keep the rest.
  return isObj(schedule) && schedule.version === 1 && isObj(schedule.cards)
    ? { ok: true, value: r.state, problem: r.error }
    : { ok: false, reason: r.error.replace(/; starting afresh$/, '') };
}

/**
 * An exam as read from storage before the lessons are at hand: its questions are only ids
 * until `hydrateExam` finds them (the lessons load with the learning panel, not the first screen).
 */
export interface SavedExam {
  session: unknown;
  /** Each question's cluster by question index. */
  work: ReadonlyMap<number, ClusterState>;
  credited: boolean;
}

/** The questions' clusters travel in the session format: each object stored once across them. */
export function encodeExam(r: ExamRecord): string {
  const entries = r.work.flatMap((cluster, i) =>
    cluster ? [{ cluster, tests: [], label: `q${i}`, at: 0 }] : [],
  );
  const work = entries.length
    ? encodeSession({ entries, index: 0, rooms: [], commandHistory: [] }, Number.MAX_SAFE_INTEGER)
    : null;
  return JSON.stringify({
    schema: SCHEMA_VERSION,
    session: sessionToSaved(r.session),
    work,
    credited: r.credited,
  });
}

export function decodeExam(text: string): Decoded<SavedExam> {
  const e = readEnvelope(text, 'exam');
  if (!e.ok) return e;
  const { session, work, credited } = e.body;
  if (!isObj(session)) return { ok: false, reason: 'the saved exam has no session' };
  const clusters = new Map<number, ClusterState>();
  if (work !== null && work !== undefined) {
    const r = decodeSession(work);
    if (!r.ok) return { ok: false, reason: `the saved work: ${r.reason}` };
    for (const entry of r.session.entries) {
      const i = Number(/^q(\d+)$/.exec(entry.label)?.[1] ?? NaN);
      if (!Number.isInteger(i))
        return { ok: false, reason: `a saved cluster belongs to no question (${entry.label})` };
      clusters.set(i, entry.cluster);
    }
  }
  return {
    ok: true,
    value: {
      session,
      work: clusters,
      credited: typeof credited === 'boolean' ? credited : typeof session.endedAt === 'number',
    },
  };
}

/** The saved exam read against the lessons: every question must still exist. */
export function hydrateExam(
  saved: SavedExam,
  lessons: readonly Lesson[],
): { ok: true; record: ExamRecord } | { ok: false; reason: string } {
  const s = sessionFromSaved(saved.session, lessons);
  if (!s.ok) return s;
  const n = s.session.exam.questions.length;
  for (const i of saved.work.keys())
    if (i >= n) return { ok: false, reason: `a saved cluster belongs to no question (q${i})` };
  const work = s.session.exam.questions.map((_, i) => saved.work.get(i));
  return { ok: true, record: { session: s.session, work, credited: saved.credited } };
}
