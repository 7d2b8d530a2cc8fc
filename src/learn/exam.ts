/**
 * Exam mode, as pure functions: a timed set of performance tasks drawn from the lessons, graded
 * per check on the end state only, as the CKA, CKAD and CKS are (pedagogy.md §1.2). Each
 * question is one lesson task taken on its own cluster (`taskStartState`); its checks are the
 * task's goals, so the engine that ticks a lesson's goals also grades the exam. The exam's
 * model (exam-model.ts) and its session (exam-session.ts) need no engine and are re-exported here.
 */
import type { ClusterState } from '../engine/index.ts';
import type { ExamQuestion, Exam } from './exam-model.ts';
import type { DecidedBy } from './goals.ts';
import { checkTask, taskStartState } from './run.ts';

export * from './exam-model.ts';
export * from './exam-session.ts';

/** A question's own starting cluster, and the lesson's start its `unchanged` checks compare with. */
export function questionStart(q: ExamQuestion) {
  return taskStartState(q.lesson, q.taskIndex);
}

/**
 * A check's role. `must-change`: false on the question's starting cluster, so it is the work
 * asked for. `guard`: already true at the start (a must-not-reach, an `unchanged`), so it is
 * what the work must not break; a guard earns credit only once some must-change check passes,
 * so doing nothing scores nothing.
 */
export type CheckRole = 'must-change' | 'guard';

/** One check of a question after the exam. */
export interface CheckGrade {
  title: string;
  role: CheckRole;
  pass: boolean;
  /** The engine's account of what it found. */
  detail: string;
  decidedBy?: DecidedBy;
  /** Points earned (a share of the question's weight). */
  points: number;
  maxPoints: number;
}

export interface QuestionGrade {
  question: ExamQuestion;
  checks: CheckGrade[];
  points: number;
  maxPoints: number;
  /** Every check passed. */
  solved: boolean;
  /** The question's cluster could not be built (then it scores 0). */
  error?: string;
}

export interface ExamReport {
  questions: QuestionGrade[];
  points: number;
  maxPoints: number;
  /** Points earned as a percentage of all points. */
  percent: number;
  passMark: number;
  passed: boolean;
}

/** Grades one question: every check on the end state (an unvisited question is its start). */
export function gradeQuestion(q: ExamQuestion, final: ClusterState | undefined): QuestionGrade {
  const started = questionStart(q);
  if (!started.ok)
    return {
      question: q,
      checks: [],
      points: 0,
      maxPoints: q.weight,
      solved: false,
      error: started.error,
    };
  const before = checkTask(started.state, q.task, started.start);
  const after = checkTask(final ?? started.state, q.task, started.start);
  const roles = before.goals.map((g): CheckRole => (g.result.pass ? 'guard' : 'must-change'));
  const progressed = after.goals.some((g, i) => g.result.pass && roles[i] === 'must-change');
  const share = q.weight / Math.max(1, q.task.goals.length);
  const checks = after.goals.map((g, i): CheckGrade => {
    const role = roles[i]!;
    const credited = g.result.pass && (role === 'must-change' || progressed);
    return {
      title: g.goal.title,
      role,
      pass: g.result.pass,
      detail: g.result.detail,
      ...(g.result.decidedBy ? { decidedBy: g.result.decidedBy } : {}),
      points: credited ? share : 0,
      maxPoints: share,
    };
  });
  const points = checks.reduce((s, c) => s + c.points, 0);
  return { question: q, checks, points, maxPoints: q.weight, solved: after.done };
}

/** Grades an exam on the end state of each question's cluster (index-aligned with the questions). */
export function gradeExam(
  exam: Exam,
  finalStates: readonly (ClusterState | undefined)[],
): ExamReport {
  const questions = exam.questions.map((q, i) => gradeQuestion(q, finalStates[i]));
  const points = questions.reduce((s, q) => s + q.points, 0);
  const maxPoints = questions.reduce((s, q) => s + q.maxPoints, 0);
  const percent = maxPoints ? (100 * points) / maxPoints : 0;
  return {
    questions,
    points,
    maxPoints,
    percent,
    passMark: exam.passMark,
    // Rounding error must not fail a learner exactly on the mark.
    passed: percent + 1e-9 >= exam.passMark,
  };
}
