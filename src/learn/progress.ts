/**
 * Progress and mastery per skill, as pure functions over a plain record (the store saves it).
 * Levels follow Khan Academy's ladder: attempted → familiar (solved with hints) → proficient
 * (solved without) → mastered (right again, without hints, in a later mixed review). A shown
 * solution records the task as seen, not solved, and earns no level.
 */

export type Mastery = 'none' | 'attempted' | 'familiar' | 'proficient' | 'mastered';

const ORDER: readonly Mastery[] = ['none', 'attempted', 'familiar', 'proficient', 'mastered'];

/** How a task ended for the learner. */
export interface TaskRecord {
  status: 'attempted' | 'solved' | 'seen';
  hintsUsed: number;
  at: number;
}

export interface SkillRecord {
  level: Mastery;
  /** When the skill first became proficient: mastery needs a review after this. */
  proficientAt?: number;
}

export interface Progress {
  version: 1;
  /** Keyed `lessonId/taskId`. */
  tasks: Record<string, TaskRecord>;
  skills: Record<string, SkillRecord>;
  /** The answer committed to each lesson's predict question (option index), by lesson id. */
  predictions: Record<string, PredictionRecord>;
}

/** How sure the learner said they were before the reveal (logged for calibration, not graded). */
export type Confidence = 'sure' | 'think' | 'guess';

export const CONFIDENCES: readonly Confidence[] = ['sure', 'think', 'guess'];

export interface PredictionRecord {
  choice: number;
  correct: boolean;
  confidence?: Confidence;
}

export function emptyProgress(): Progress {
  return { version: 1, tasks: {}, skills: {}, predictions: {} };
}

/** What happened to one task. */
export interface TaskEvent {
  lessonId: string;
  taskId: string;
  skills: readonly string[];
  /** Hint rungs opened before solving. */
  hintsUsed: number;
  at: number;
  /** Solved in a mixed review session (not in the lesson itself). */
  review?: boolean;
}

function atLeast(level: Mastery, floor: Mastery): Mastery {
  return ORDER.indexOf(level) >= ORDER.indexOf(floor) ? level : floor;
}

function withSkills(
  p: Progress,
  skills: readonly string[],
  f: (s: SkillRecord) => SkillRecord,
): Progress {
  const next = { ...p.skills };
  for (const s of skills) next[s] = f(next[s] ?? { level: 'none' });
  return { ...p, skills: next };
}

/** The learner met every goal of a task. */
export function recordSolved(p: Progress, e: TaskEvent): Progress {
  const key = `${e.lessonId}/${e.taskId}`;
  const prev = p.tasks[key];
  // A task already seen through its solution stays "seen" in the lesson itself.
  const status = prev?.status === 'seen' && !e.review ? 'seen' : 'solved';
  const tasks = { ...p.tasks, [key]: { status, hintsUsed: e.hintsUsed, at: e.at } as TaskRecord };
  if (status === 'seen') return { ...p, tasks };
  return withSkills({ ...p, tasks }, e.skills, (s) => {
    if (e.hintsUsed > 0) {
      // Needing hints in a review means the skill is not yet secure.
      return e.review && ORDER.indexOf(s.level) > ORDER.indexOf('familiar')
        ? { level: 'familiar' }
        : { ...s, level: atLeast(s.level, 'familiar') };
    }
    if (e.review && s.proficientAt !== undefined && e.at > s.proficientAt)
      return { ...s, level: 'mastered' };
    const level = atLeast(s.level, 'proficient');
    return { level, proficientAt: s.proficientAt ?? e.at };
  });
}

/**
 * Credits the tasks whose goals all hold now (`done`, by task id) and that hold no credit yet.
 * Credit is earned the first time a task's goals all hold and then stays earned, as Learn Git
 * Branching keeps a level solved: a later change to the cluster (a later task's work, a reset)
 * never takes it back, and a task already seen through its solution stays seen.
 */
export function creditTasks(
  p: Progress,
  lesson: { id: string; skills: readonly string[] },
  done: readonly string[],
  hints: Readonly<Record<string, number>>,
  at: number,
): Progress {
  let next = p;
  for (const taskId of done) {
    const status = next.tasks[`${lesson.id}/${taskId}`]?.status;
    if (status === 'solved' || status === 'seen') continue;
    next = recordSolved(next, {
      lessonId: lesson.id,
      taskId,
      skills: lesson.skills,
      hintsUsed: hints[taskId] ?? 0,
      at,
    });
  }
  return next;
}

/** The learner asked to see (and apply) the solution: seen, not solved. */
export function recordSolutionShown(p: Progress, e: Omit<TaskEvent, 'hintsUsed'>): Progress {
  const key = `${e.lessonId}/${e.taskId}`;
  if (p.tasks[key]?.status === 'solved' && !e.review) return p;
  const tasks = { ...p.tasks, [key]: { status: 'seen', hintsUsed: 0, at: e.at } as TaskRecord };
  return withSkills({ ...p, tasks }, e.skills, (s) =>
    e.review && ORDER.indexOf(s.level) > ORDER.indexOf('familiar')
      ? { level: 'familiar' }
      : { ...s, level: atLeast(s.level, 'attempted') },
  );
}

/** The learner committed to an answer before the reveal. */
export function recordPrediction(
  p: Progress,
  lessonId: string,
  choice: number,
  correct: boolean,
  confidence?: Confidence,
): Progress {
  const rec: PredictionRecord = { choice, correct, ...(confidence ? { confidence } : {}) };
  return { ...p, predictions: { ...p.predictions, [lessonId]: rec } };
}

/**
 * Predictions right out of committed, overall and per stated confidence: a learner who is
 * often wrong when "sure" holds a misconception worth a second look.
 */
export function calibration(p: Progress): {
  right: number;
  total: number;
  byConfidence: Record<Confidence, { right: number; total: number }>;
} {
  const byConfidence = Object.fromEntries(
    CONFIDENCES.map((c) => [c, { right: 0, total: 0 }]),
  ) as Record<Confidence, { right: number; total: number }>;
  let right = 0;
  let total = 0;
  for (const rec of Object.values(p.predictions)) {
    total++;
    if (rec.correct) right++;
    if (rec.confidence) {
      byConfidence[rec.confidence].total++;
      if (rec.correct) byConfidence[rec.confidence].right++;
    }
  }
  return { right, total, byConfidence };
}

/** A skill's level (none when never practised). */
export function skillMastery(p: Progress, skill: string): Mastery {
  return p.skills[skill]?.level ?? 'none';
}

/** How far a lesson is: its tasks solved (or seen) out of all. */
export function lessonProgress(
  p: Progress,
  lesson: { id: string; tasks: readonly { id: string }[] },
): { solved: number; seen: number; total: number; done: boolean } {
  let solved = 0;
  let seen = 0;
  for (const t of lesson.tasks) {
    const r = p.tasks[`${lesson.id}/${t.id}`];
    if (r?.status === 'solved') solved++;
    else if (r?.status === 'seen') seen++;
  }
  const total = lesson.tasks.length;
  return { solved, seen, total, done: total > 0 && solved + seen === total };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads saved progress; anything corrupt is reported and replaced by empty progress, never thrown. */
export function parseProgress(text: string | null | undefined): {
  progress: Progress;
  error?: string;
} {
  if (!text) return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      progress: emptyProgress(),
      error: 'saved progress is not valid JSON; starting afresh',
    };
  }
  return readProgress(data);
}

/** Reads progress already parsed from JSON (the store's saved record holds it as a field). */
export function readProgress(data: unknown): { progress: Progress; error?: string } {
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.tasks) || !isRecord(data.skills))
    return {
      progress: emptyProgress(),
      error: 'saved progress has an unknown format; starting afresh',
    };
  const p = emptyProgress();
  for (const [k, v] of Object.entries(data.tasks))
    if (
      isRecord(v) &&
      ['attempted', 'solved', 'seen'].includes(v.status as string) &&
      typeof v.at === 'number'
    )
      p.tasks[k] = {
        status: v.status as TaskRecord['status'],
        hintsUsed: Number(v.hintsUsed) || 0,
        at: v.at,
      };
  for (const [k, v] of Object.entries(data.skills))
    if (isRecord(v) && ORDER.includes(v.level as Mastery))
      p.skills[k] = {
        level: v.level as Mastery,
        ...(typeof v.proficientAt === 'number' ? { proficientAt: v.proficientAt } : {}),
      };
  if (isRecord(data.predictions))
    for (const [k, v] of Object.entries(data.predictions))
      if (isRecord(v) && typeof v.choice === 'number' && typeof v.correct === 'boolean')
        p.predictions[k] = {
          choice: v.choice,
          correct: v.correct,
          ...(CONFIDENCES.includes(v.confidence as Confidence)
            ? { confidence: v.confidence as Confidence }
            : {}),
        };
  return { progress: p };
}
