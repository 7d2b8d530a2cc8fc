/**
 * Exam mode, as pure functions: a timed set of performance tasks drawn from the lessons, graded
 * per check on the end state only, as the CKA, CKAD and CKS are (pedagogy.md §1.2). Each
 * question is one lesson task taken on its own cluster (`taskStartState`); its checks are the
 * task's goals, so the engine that ticks a lesson's goals also grades the exam.
 */
import { interleave, roundRobin, seededRandom, shuffled } from './mixing.ts';
import type { ClusterState } from '../engine/cluster/index.ts';
import type { DecidedBy } from './goals.ts';
import { checkTask, taskStartState } from './run.ts';
import type { Goal, Lesson, LessonKind, Task } from './types.ts';

/** Which sets an exam can be drawn as. */
export type ExamPresetId = 'lightning' | 'full';

/** How an exam is drawn and timed. */
export interface ExamPreset {
  id: ExamPresetId;
  label: string;
  summary: string;
  /** How many questions (fewer when the pool is smaller). */
  questions: number;
  minutes: number;
  /** Percent of the points needed to pass. */
  passMark: number;
  /** Minutes left at which the clock is announced. */
  alerts: readonly number[];
}

/**
 * Lightning lab after KodeKloud's (a short mixed set; pass at 80%); the full simulation after
 * the CKA/CKAD (2 hours, pass at 66%; alerts at 30, 15 and 5 minutes as PSI's, plus 10 and 1).
 */
export const EXAM_PRESETS: readonly ExamPreset[] = [
  {
    id: 'lightning',
    label: 'Lightning lab',
    summary: 'About 5 mixed tasks in 30 minutes; pass at 80%.',
    questions: 5,
    minutes: 30,
    passMark: 80,
    alerts: [10, 1],
  },
  {
    id: 'full',
    label: 'Full simulation',
    summary: 'Up to 15 weighted tasks in 120 minutes, as the CKA and CKAD; pass at 66%.',
    questions: 15,
    minutes: 120,
    passMark: 66,
    alerts: [30, 15, 10, 5, 1],
  },
];

export function examPreset(id: ExamPresetId): ExamPreset {
  return EXAM_PRESETS.find((p) => p.id === id) ?? EXAM_PRESETS[0]!;
}

/** Lesson files whose tasks are performance tasks (myths and cards only demonstrate). */
export const EXAM_KINDS: readonly LessonKind[] = ['lesson', 'challenge', 'expert', 'project'];

/** Extra weight for harder kinds of file, on top of one point per check. */
const DIFFICULTY: Partial<Record<LessonKind, number>> = { challenge: 1, expert: 2, project: 2 };

/** One exam question: a lesson's task taken on its own cluster. */
export interface ExamQuestion {
  lesson: Lesson;
  taskIndex: number;
  task: Task;
  /** The skill family it practises (`netpol`, `rbac`, `dns`…), for interleaving. */
  topic: string;
  /**
   * Points: one per check (goal) plus the difficulty of the file's kind (challenge +1, expert
   * and project +2). Real exams weight items 2–13% by effort; more checks means more to do.
   */
  weight: number;
  /** Where the question is set: which cluster, which namespaces. */
  context: string;
}

/** A composed exam: the questions in the order they are asked, and its rules. */
export interface Exam {
  preset: ExamPresetId;
  seed: number;
  questions: ExamQuestion[];
  minutes: number;
  passMark: number;
}

function topicOf(lesson: Lesson): string {
  const skill = lesson.skills[0];
  return skill ? skill.split('.')[0]! : lesson.id;
}

function goalNamespaces(goal: Goal, out: Set<string>) {
  const ref = (r: string) => r.includes('/') && out.add(r.slice(0, r.indexOf('/')));
  switch (goal.kind) {
    case 'connect':
    case 'resolve':
    case 'apiCall':
      ref(goal.from);
      if (goal.kind === 'apiCall' && goal.namespace) out.add(goal.namespace);
      break;
    case 'probe':
      ref(goal.from);
      for (const p of [...(goal.allowed ?? []), ...(goal.denied ?? [])]) ref(p);
      break;
    case 'canI':
      if (goal.namespace) out.add(goal.namespace);
      if (goal.subject.serviceAccount) ref(goal.subject.serviceAccount);
      break;
    default:
      if (goal.object.namespace) out.add(goal.object.namespace);
      else if (goal.object.kind === 'Namespace' && goal.object.name) out.add(goal.object.name);
  }
}

/** The context line of a question: its cluster and the namespaces its checks look at. */
export function questionContext(lesson: Lesson, task: Task): string {
  const ns = new Set<string>();
  for (const g of task.goals) goalNamespaces(g.goal, ns);
  const where = ns.size ? ` · namespaces: ${[...ns].sort().join(', ')}` : '';
  return `Cluster: "${lesson.title}"${where}`;
}

function question(lesson: Lesson, taskIndex: number): ExamQuestion {
  const task = lesson.tasks[taskIndex]!;
  return {
    lesson,
    taskIndex,
    task,
    topic: topicOf(lesson),
    weight: task.goals.length + (DIFFICULTY[lesson.kind] ?? 0),
    context: questionContext(lesson, task),
  };
}

/** Every task an exam can ask: each task of each ready lesson, challenge, expert or project file. */
export function examPool(lessons: readonly Lesson[]): ExamQuestion[] {
  return lessons
    .filter((l) => l.status === 'ready' && EXAM_KINDS.includes(l.kind))
    .flatMap((l) => l.tasks.map((_, i) => question(l, i)));
}

/**
 * Draws an exam: topics in a seeded order, one task per topic in turn until the set is full
 * (so a short set still spans topics), then ordered so that no two questions in a row share
 * a topic while another topic remains (interleaving, as a mixed review needs).
 */
export function composeExam(
  lessons: readonly Lesson[],
  opts: { preset: ExamPresetId; seed: number },
): Exam {
  const preset = examPreset(opts.preset);
  const rnd = seededRandom(opts.seed);
  const byTopic = new Map<string, ExamQuestion[]>();
  for (const q of examPool(lessons)) {
    const list = byTopic.get(q.topic) ?? [];
    list.push(q);
    byTopic.set(q.topic, list);
  }
  const topics = shuffled([...byTopic.keys()].sort(), rnd);
  const chosen = roundRobin(
    topics.map((t) => shuffled(byTopic.get(t)!, rnd)),
    preset.questions,
  );
  const questions = interleave(chosen, (q) => q.topic);
  return {
    preset: preset.id,
    seed: opts.seed,
    questions,
    minutes: preset.minutes,
    passMark: preset.passMark,
  };
}

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
    qs.push(question(lesson, i));
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
