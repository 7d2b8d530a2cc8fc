/**
 * The exam's state machine as one pure reducer: start, move between questions, flag, keep the
 * work, tick the clock, end, credit, and come back after a reload (ending the exam at its
 * deadline when the reload came too late). The reducer never runs the engine: whatever needs
 * it (a question's starting cluster) comes in the action, and the workspace's cluster is only
 * asked for through `show`, so the store applies it as one undoable step.
 */
import type { ClusterState } from '../engine/index.ts';
import { examPreset, type Exam } from './exam-model.ts';
import { startExam, type ExamSession } from './exam-session.ts';

/** What of an exam survives a reload: the session, each question's work, and whether it was credited. */
export interface ExamRecord {
  session: ExamSession;
  /** Each question's cluster as the learner left it, index-aligned with the questions; undefined: never opened. */
  work: readonly (ClusterState | undefined)[];
  /** The questions solved were recorded in the learner's progress (once per exam). */
  credited: boolean;
}

/** A cluster the workspace should show now, with the history label and terminal note for it. */
export interface ExamShow {
  cluster: ClusterState;
  label: string;
  note: string;
}

/** Where the exam stands: none (the start page), running, or ended. */
export interface ExamState extends Omit<ExamRecord, 'session'> {
  session: ExamSession | null;
  /**
   * The live cluster is the current question's work (the Exam tab shows it): only then does a
   * change to the cluster count as work, so a lesson loaded elsewhere never overwrites it.
   */
  attached: boolean;
  /** The clock at the last action that read it (ms). */
  now: number;
  /** Time left at the last tick: an alert is announced once, as its mark is crossed. */
  lastLeft: number | null;
  /** What the live region says: alerts and the end. */
  announcement: string;
  /** Set by start, goto and attach; the store shows it (a new object each time). */
  show: ExamShow | null;
}

export type ExamAction =
  /** `first` is question 1's starting cluster (undefined when it could not be built). */
  | { type: 'start'; exam: Exam; now: number; first: ClusterState | undefined }
  /**
   * `live` is the cluster now (the work on the question left); `start` builds the target's
   * starting cluster and is called only when that question has no work yet.
   */
  | { type: 'goto'; question: number; live: ClusterState; start: () => ClusterState | undefined }
  | { type: 'flag' }
  | { type: 'save-work'; cluster: ClusterState }
  | { type: 'tick'; now: number }
  | { type: 'end'; now: number; live: ClusterState }
  /** An exam read back after a reload (only into a state with no exam: memory is newer). */
  | { type: 'restore'; saved: ExamRecord; now: number }
  /** The Exam tab opened over `live`: bring back the current question's work if it is not shown. */
  | { type: 'attach'; live: ClusterState; now: number }
  | { type: 'detach' }
  | { type: 'credit' }
  | { type: 'discard' };

export function initialExamState(now = 0): ExamState {
  return {
    session: null,
    work: [],
    credited: false,
    attached: false,
    now,
    lastLeft: null,
    announcement: '',
    show: null,
  };
}

/** A session that has not ended. */
export function isRunning(s: ExamState): s is ExamState & { session: ExamSession } {
  return s.session !== null && s.session.endedAt === undefined;
}

/** Whether two clusters are the same point of work (after a reload, objects are new copies). */
export function sameWork(a: ClusterState, b: ClusterState): boolean {
  const count = (c: ClusterState) => [...c.objects.values()].reduce((n, m) => n + m.size, 0);
  return a === b || (a.seq === b.seq && a.clock === b.clock && count(a) === count(b));
}

const withItem = <T>(list: readonly T[], i: number, value: T): T[] =>
  list.map((x, j) => (j === i ? value : x));

function ended(s: ExamState & { session: ExamSession }, by: 'learner' | 'time', at: number) {
  return {
    ...s,
    session: { ...s.session, endedAt: at, endedBy: by },
    attached: false,
    show: null,
    announcement:
      by === 'time' ? 'Time is up: the exam has ended. Your report is below.' : 'Exam ended.',
  };
}

/** The clock moves to `now`: the deadline ends the exam; each alert mark crossed is announced. */
function ticked(s: ExamState, now: number): ExamState {
  if (!isRunning(s)) return s;
  const left = s.session.deadline - now;
  if (left <= 0) return { ...ended(s, 'time', s.session.deadline), now };
  const prev = s.lastLeft ?? left;
  let announcement = s.announcement;
  for (const m of examPreset(s.session.exam.preset).alerts)
    if (prev > m * 60_000 && left <= m * 60_000)
      announcement = `${m} minute${m === 1 ? '' : 's'} left.`;
  return { ...s, now, lastLeft: left, announcement };
}

export function examReducer(s: ExamState, a: ExamAction): ExamState {
  switch (a.type) {
    case 'start': {
      if (isRunning(s) || a.exam.questions.length === 0) return s;
      const session = startExam(a.exam, a.now);
      return {
        session,
        work: a.exam.questions.map((_, i) => (i === 0 ? a.first : undefined)),
        credited: false,
        attached: a.first !== undefined,
        now: a.now,
        lastLeft: session.deadline - a.now,
        announcement: '',
        show: a.first
          ? {
              cluster: a.first,
              label: 'Exam: question 1',
              note: 'Exam started: question 1 (Undo brings back the cluster you had).',
            }
          : null,
      };
    }
    case 'goto': {
      if (!isRunning(s)) return s;
      const from = s.session.current;
      const k = a.question;
      if (!Number.isInteger(k) || k < 0 || k >= s.work.length || k === from) return s;
      const kept = s.attached ? withItem(s.work, from, a.live) : [...s.work];
      const target = kept[k] ?? a.start();
      kept[k] = target;
      // The position moves with the cluster, so the next work saved lands on the right question.
      return {
        ...s,
        session: {
          ...s.session,
          current: k,
          visited: s.session.visited.map((v, i) => v || i === k),
        },
        work: kept,
        attached: target !== undefined,
        show: target
          ? {
              cluster: target,
              label: `Exam: question ${k + 1}`,
              note: `Exam: question ${k + 1} (your work on question ${from + 1} is kept).`,
            }
          : null,
      };
    }
    case 'flag': {
      if (!isRunning(s)) return s;
      const k = s.session.current;
      return {
        ...s,
        session: { ...s.session, flagged: withItem(s.session.flagged, k, !s.session.flagged[k]) },
      };
    }
    case 'save-work': {
      if (!isRunning(s) || !s.attached || s.work[s.session.current] === a.cluster) return s;
      return { ...s, work: withItem(s.work, s.session.current, a.cluster) };
    }
    case 'tick':
      return ticked(s, a.now);
    case 'end': {
      if (!isRunning(s)) return s;
      const work = s.attached ? withItem(s.work, s.session.current, a.live) : s.work;
      return { ...ended({ ...s, work }, 'learner', a.now), now: a.now };
    }
    case 'restore': {
      if (s.session !== null) return s;
      const { session, credited } = a.saved;
      const work = session.exam.questions.map((_, i) => a.saved.work[i]);
      const back: ExamState = {
        ...initialExamState(a.now),
        session,
        work,
        credited,
        lastLeft: session.deadline - a.now,
      };
      // Past the deadline: the exam ended then, graded on the work saved before it.
      return ticked(back, a.now);
    }
    case 'attach': {
      const t = ticked(s, a.now);
      if (!isRunning(t)) return t;
      const k = t.session.current;
      const work = t.work[k];
      return {
        ...t,
        attached: work !== undefined,
        show:
          work && !sameWork(work, a.live)
            ? {
                cluster: work,
                label: `Exam: question ${k + 1}`,
                note: `Exam resumed at question ${k + 1}: its cluster is back (Undo brings back the cluster you had).`,
              }
            : null,
      };
    }
    case 'detach':
      return s.attached || s.show ? { ...s, attached: false, show: null } : s;
    case 'credit':
      return s.session?.endedAt !== undefined && !s.credited ? { ...s, credited: true } : s;
    case 'discard':
      // Only a finished exam is thrown away: a running one is the learner's work.
      return isRunning(s) ? s : initialExamState(s.now);
  }
}
