/**
 * An exam in progress, kept in localStorage so a reload never loses the learner's work: the
 * session (questions, seed, clock, position, marks) plus each visited question's cluster. The
 * clusters use the autosave format (src/store/persist.ts), one history entry per question, so
 * objects are stored once and read back with the same checks as an autosave.
 */
import type { ClusterState } from '../../../engine/cluster/index.ts';
import { sessionFromSaved, sessionToSaved, type ExamSession } from '../../../learn/exam.ts';
import type { Lesson } from '../../../learn/index.ts';
import { deserializeSession, serializeSession } from '../../../store/persist.ts';

export const EXAM_KEY = 'nslab.exam.v1';

/** The exam's clock; tests replace `now` to move time without waiting. */
export const examClock = { now: (): number => Date.now() };

/** A session with the cluster of each question (undefined: not visited, still at its start). */
export interface StoredExam {
  session: ExamSession;
  clusters: (ClusterState | undefined)[];
}

export type LoadResult = { ok: true; exam: StoredExam | null } | { ok: false; reason: string };

/**
 * The exam as last saved, for this page's lifetime: with no storage (or storage that refuses
 * to be read) leaving the Exam tab and coming back still finds the exam and its work.
 */
let inMemory: StoredExam | null = null;

/** Writes the exam; false when storage is full or blocked (the exam goes on in memory). */
export function saveExam(storage: Storage | null, exam: StoredExam): boolean {
  inMemory = exam;
  if (!storage) return false;
  const entries = exam.clusters.flatMap((cluster, i) =>
    cluster ? [{ cluster, tests: [], label: `q${i}`, at: 0 }] : [],
  );
  const clusters = entries.length
    ? serializeSession(
        { entries, index: 0, rooms: [], commandHistory: [] },
        Number.MAX_SAFE_INTEGER,
      )
    : null;
  try {
    storage.setItem(EXAM_KEY, JSON.stringify({ session: sessionToSaved(exam.session), clusters }));
    return true;
  } catch {
    return false;
  }
}

/** Reads the saved exam (null: none); corrupt data is a reason, never a throw. */
export function loadExam(storage: Storage | null, lessons: readonly Lesson[]): LoadResult {
  let text: string | null;
  try {
    text = storage?.getItem(EXAM_KEY) ?? null;
  } catch {
    return { ok: true, exam: inMemory };
  }
  if (!storage) return { ok: true, exam: inMemory };
  if (!text) return { ok: true, exam: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  if (typeof data !== 'object' || data === null)
    return { ok: false, reason: 'it is not an object' };
  const raw = data as { session?: unknown; clusters?: unknown };
  const s = sessionFromSaved(raw.session, lessons);
  if (!s.ok) return { ok: false, reason: s.reason };
  const clusters: (ClusterState | undefined)[] = s.session.exam.questions.map(() => undefined);
  if (raw.clusters !== null && raw.clusters !== undefined) {
    if (typeof raw.clusters !== 'string')
      return { ok: false, reason: 'the saved clusters are malformed' };
    const r = deserializeSession(raw.clusters);
    if (!r.ok) return { ok: false, reason: r.reason };
    for (const e of r.session.entries) {
      const i = Number(/^q(\d+)$/.exec(e.label)?.[1] ?? NaN);
      if (!(i >= 0 && i < clusters.length))
        return { ok: false, reason: `a saved cluster belongs to no question (${e.label})` };
      clusters[i] = e.cluster;
    }
  }
  return { ok: true, exam: { session: s.session, clusters } };
}

export function clearExam(storage: Storage | null) {
  inMemory = null;
  try {
    storage?.removeItem(EXAM_KEY);
  } catch {
    // Blocked storage: nothing was saved either.
  }
}

/** Whether two clusters are the same point of work (after a reload objects are new copies). */
export function sameWork(a: ClusterState, b: ClusterState): boolean {
  const count = (c: ClusterState) => [...c.objects.values()].reduce((n, m) => n + m.size, 0);
  return a.seq === b.seq && a.clock === b.clock && count(a) === count(b);
}
