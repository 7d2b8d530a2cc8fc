/**
 * The nine learning modes: one cluster engine, one workspace, and per mode only what is
 * disclosed and how much help is given (hints, solutions, a timer, whether checks show). They
 * are activities in a suggested order, not "learning styles".
 */
import type { LessonKind } from './types.ts';

export type ModeId =
  'learn' | 'why' | 'deep' | 'visual' | 'try' | 'challenge' | 'project' | 'recall' | 'exam';

export interface ModePreset {
  id: ModeId;
  label: string;
  /** One line: what the learner does here. */
  summary: string;
  /** Lesson files this mode lists (empty: the mode has its own content). */
  kinds: readonly LessonKind[];
  /** The hint ladder is offered. */
  hints: boolean;
  /** "Show solution" is offered (it always forfeits credit). */
  solutions: boolean;
  /** Goals tick live while the learner works (false: checks stay hidden until submitted). */
  liveChecks: boolean;
  /** A clock runs. */
  timed: boolean;
}

export const MODES: readonly ModePreset[] = [
  {
    id: 'learn',
    label: 'Learn',
    summary: 'What namespaces are, why they matter, where they fit, and the mental model.',
    kinds: ['overview'],
    hints: false,
    solutions: false,
    liveChecks: false,
    timed: false,
  },
  {
    id: 'why',
    label: 'Why',
    summary: 'The problems the design solves, and why it is built this way: predict, then run.',
    kinds: ['why'],
    hints: false,
    solutions: false,
    liveChecks: false,
    timed: false,
  },
  {
    id: 'deep',
    label: 'Deep',
    summary:
      'The whole tutorial: build-up steps with predictions, under the hood, myth-busters, the expert zone, when not to, patterns, pitfalls and the takeaways.',
    kinds: ['lesson', 'myth', 'expert', 'card', 'challenge'],
    hints: true,
    solutions: true,
    liveChecks: true,
    timed: false,
  },
  {
    id: 'visual',
    label: 'Visual',
    summary: 'Watch a request travel hop by hop: DNS, the Service, policies, the pod, RBAC.',
    kinds: [],
    hints: false,
    solutions: false,
    liveChecks: false,
    timed: false,
  },
  {
    id: 'try',
    label: 'Try',
    summary: 'A free sandbox: load a building or start empty, and try anything. No goals.',
    kinds: [],
    hints: false,
    solutions: false,
    liveChecks: false,
    timed: false,
  },
  {
    id: 'challenge',
    label: 'Challenge',
    summary: 'Fix broken clusters: goals tick live, hints one rung at a time.',
    kinds: ['challenge'],
    hints: true,
    solutions: true,
    liveChecks: true,
    timed: false,
  },
  {
    id: 'project',
    label: 'Project',
    summary:
      'Multi-check scenarios with no step-by-step: build it, the checks judge the end state.',
    kinds: ['project'],
    hints: true,
    solutions: true,
    liveChecks: true,
    timed: false,
  },
  {
    id: 'recall',
    label: 'Recall',
    summary: 'Spaced flashcards and a mixed review of skills you have already shown.',
    kinds: [],
    hints: false,
    solutions: false,
    liveChecks: true,
    timed: false,
  },
  {
    id: 'exam',
    label: 'Exam',
    summary: 'A timed set of tasks, checks hidden, graded per check when you end the exam.',
    kinds: [],
    hints: false,
    solutions: false,
    liveChecks: false,
    timed: true,
  },
];

/** The path suggested to newcomers; every other mode stays reachable at any time. */
export const SUGGESTED_PATH: readonly ModeId[] = ['learn', 'deep', 'challenge', 'recall', 'exam'];

export function modePreset(id: ModeId): ModePreset {
  const m = MODES.find((x) => x.id === id);
  if (!m) throw new Error(`unknown mode ${id}`);
  return m;
}

/** The mode a lesson file is taken in (the first mode listing its kind). */
export function modeForKind(kind: LessonKind): ModeId {
  return MODES.find((m) => m.kinds.includes(kind))?.id ?? 'deep';
}
