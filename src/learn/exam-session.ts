/**
 * An exam being taken, as plain data: the clock, the learner's position and marks, and the
 * saved form that survives a reload (questions by lesson and task id, re-read against the
 * lessons on resume). Nothing here runs the engine.
 */
import { examQuestion, type Exam, type ExamPresetId, type ExamQuestion } from './exam-model.ts';
import type { Lesson } from './types.ts';

/** An exam being taken: the clock, where the learner is, and what they marked. */
export interface ExamSession {
  exam: Exam;
  startedAt: number;
  deadline: number;
  current: number;
  visited: boolean[];
  flagged: boolean[];
  /** Set when the exam ended (submitted or out of time). */
  endedAt?: number;
  endedBy?: 'learner' | 'time';
}

export function startExam(exam: Exam, now: number): ExamSession {
  const n = exam.questions.length;
  return {
    exam,
    startedAt: now,
    deadline: now + exam.minutes * 60_000,
    current: 0,
    visited: Array.from({ length: n }, (_, i) => i === 0),
    flagged: Array.from({ length: n }, () => false),
  };
}

/** A session as plain data: questions by lesson and task id (lessons are re-read on resume). */
export interface SavedExamSession extends Omit<ExamSession, 'exam'> {
  version: 1;
  preset: ExamPresetId;
  seed: number;
  questions: { lesson: string; task: string }[];
  minutes: number;
  passMark: number;
}

export function sessionToSaved(s: ExamSession): SavedExamSession {
  const { exam } = s;
  return {
    version: 1,
    preset: exam.preset,
    seed: exam.seed,
    questions: exam.questions.map((q) => ({ lesson: q.lesson.id, task: q.task.id })),
    minutes: exam.minutes,
    passMark: exam.passMark,
    startedAt: s.startedAt,
    deadline: s.deadline,
    current: s.current,
    visited: s.visited,
    flagged: s.flagged,
    ...(s.endedAt !== undefined ? { endedAt: s.endedAt, endedBy: s.endedBy ?? 'learner' } : {}),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBools = (v: unknown, n: number): v is boolean[] =>
  Array.isArray(v) && v.length === n && v.every((b) => typeof b === 'boolean');

/** Reads a saved session back against the lessons; anything wrong is a reason, never a throw. */
export function sessionFromSaved(
  data: unknown,
  lessons: readonly Lesson[],
): { ok: true; session: ExamSession } | { ok: false; reason: string } {
  if (!isObj(data) || data.version !== 1) return { ok: false, reason: 'unknown format' };
  const { preset, seed, questions, minutes, passMark, startedAt, deadline, current } = data;
  if (preset !== 'lightning' && preset !== 'full') return { ok: false, reason: 'unknown preset' };
  if (![seed, minutes, passMark, startedAt, deadline, current].every(isNum))
    return { ok: false, reason: 'the clock or position is malformed' };
  if (!Array.isArray(questions) || questions.length === 0)
    return { ok: false, reason: 'no questions' };
  const qs: ExamQuestion[] = [];
  for (const q of questions) {
    if (!isObj(q)) return { ok: false, reason: 'a question is malformed' };
    const lesson = lessons.find((l) => l.id === q.lesson);
    const i = lesson ? lesson.tasks.findIndex((t) => t.id === q.task) : -1;
    if (!lesson || i < 0)
      return {
        ok: false,
        reason: `question ${String(q.lesson)}/${String(q.task)} no longer exists`,
      };
    qs.push(examQuestion(lesson, i));
  }
  const n = qs.length;
  const cur = current as number;
  if (!Number.isInteger(cur) || cur < 0 || cur >= n)
    return { ok: false, reason: 'the current question is out of range' };
  if (!isBools(data.visited, n) || !isBools(data.flagged, n))
    return { ok: false, reason: 'the question marks are malformed' };
  const session: ExamSession = {
    exam: {
      preset,
      seed: seed as number,
      questions: qs,
      minutes: minutes as number,
      passMark: passMark as number,
    },
    startedAt: startedAt as number,
    deadline: deadline as number,
    current: cur,
    visited: data.visited,
    flagged: data.flagged,
  };
  if (isNum(data.endedAt)) {
    session.endedAt = data.endedAt;
    session.endedBy = data.endedBy === 'time' ? 'time' : 'learner';
  }
  return { ok: true, session };
}

/** An exam's clock: when it started, when time runs out, and when it ended (if it has). */
export interface ExamTimes {
  startedAt: number;
  deadline: number;
  endedAt?: number;
}

/**
 * The clock of an exam, from the session in play or from its saved form before the lessons
 * are at hand (the top bar shows the time left on the first screen, after a reload). The
 * deadline is stored, not the time left, so the clock keeps running across reloads.
 */
export function examTimes(s: ExamSession | SavedExamSession | unknown): ExamTimes | null {
  if (typeof s !== 'object' || s === null) return null;
  const { startedAt, deadline, endedAt } = s as Record<string, unknown>;
  if (!isNum(startedAt) || !isNum(deadline)) return null;
  return { startedAt, deadline, ...(isNum(endedAt) ? { endedAt } : {}) };
}
