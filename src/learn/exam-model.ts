/**
 * What an exam is, as data: the presets it is drawn as, the pool of questions (every lesson
 * task that is a performance task), their weights and context lines, and the seeded,
 * interleaved draw. Nothing here runs the engine, so the exam's state machine
 * (exam-reducer.ts) and the store can use it without loading the interpreter.
 */
import { interleave, roundRobin, seededRandom, shuffled } from './mixing.ts';
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

/** The question for task `taskIndex` of a lesson. */
export function examQuestion(lesson: Lesson, taskIndex: number): ExamQuestion {
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
    .flatMap((l) => l.tasks.map((_, i) => examQuestion(l, i)));
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
